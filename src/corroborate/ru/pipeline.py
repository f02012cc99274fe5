"""The Russian pipeline: natasha's segmentation, morphology, syntax and names, loaded once.

natasha (with slovnet, navec, razdel and pymorphy2) runs offline on the CPU: razdel cuts
sentences and tokens, slovnet tags morphology, parses Universal Dependencies syntax and
finds names (PER, ORG, LOC), pymorphy2 gives lemmas and the nominative form of a phrase.
The models are loaded the first time a text is parsed and shared by every later text.

:func:`parse` turns natasha's records into plain typed ones (:class:`RuDoc`): tokens with
their lemma, part of speech, features, head and relation by index in the document, so
that the rest of :mod:`corroborate.ru` reads a parse the way it reads a tree, and knows
nothing of natasha's own classes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from corroborate.errors import ConfigError

NAME_LABELS = ("PER", "ORG", "LOC")


@dataclass
class RuToken:
    """One word or mark; ``head`` is the index of its head in the document, -1 at a root."""

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    feats: dict[str, str]
    head: int
    rel: str
    sent: int
    raw: Any = field(repr=False, default=None)  # natasha's token, to inflect phrases

    @property
    def lower(self) -> str:
        return self.text.lower().replace("ё", "е")


@dataclass(frozen=True)
class RuName:
    """A name natasha found: PER, ORG or LOC, as written and in the nominative."""

    label: str
    start: int
    end: int
    text: str
    normal: str
    first: int  # index of its first token
    last: int  # index of its last token


@dataclass(frozen=True)
class RuSentence:
    index: int
    start: int
    end: int
    first: int  # index of its first token
    stop: int  # one past its last token


@dataclass
class RuDoc:
    """A parsed text: tokens, sentences and names, with the tree kept as child lists."""

    text: str
    tokens: list[RuToken]
    sentences: list[RuSentence]
    names: list[RuName]
    children: list[list[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.children = [[] for _ in self.tokens]
        for token in self.tokens:
            if token.head >= 0:
                self.children[token.head].append(token.i)

    def kids(self, i: int, *rels: str) -> list[RuToken]:
        """The children of token ``i``, only those of the given relations when any."""
        found = [self.tokens[c] for c in self.children[i]]
        if rels:
            found = [c for c in found if c.rel in rels or c.rel.split(":")[0] in rels]
        return found

    def subtree(self, i: int, skip: Iterable[int] = ()) -> set[int]:
        """Token ``i`` and everything below it, leaving out the subtrees of ``skip``."""
        blocked = set(skip)
        found: set[int] = set()
        stack = [i]
        while stack:
            current = stack.pop()
            if current in found or current in blocked:
                continue
            found.add(current)
            stack.extend(self.children[current])
        return found

    def sentence_tokens(self, sentence: RuSentence) -> list[RuToken]:
        return self.tokens[sentence.first : sentence.stop]

    def char_range(self, ids: Iterable[int]) -> tuple[int, int] | None:
        """The text covered by these tokens, from the first one's start to the last one's end."""
        chosen = sorted(ids)
        if not chosen:
            return None
        return self.tokens[chosen[0]].start, self.tokens[chosen[-1]].end

    def nominative(self, ids: Iterable[int]) -> str:
        """The phrase made of these tokens in the nominative ("губернатора области" ->
        "губернатор области"): the head and the words that agree with it are inflected."""
        chosen = [self.tokens[i] for i in sorted(ids)]
        if not chosen:
            return ""
        from natasha.norm import syntax_normalize

        try:
            text: str = syntax_normalize(_models().morph_vocab, [t.raw for t in chosen])
        except (AttributeError, TypeError, ValueError):
            text = " ".join(t.text for t in chosen)  # a phrase pymorphy2 cannot inflect
        return text

    def names_in(self, first: int, stop: int) -> list[RuName]:
        return [n for n in self.names if first <= n.first and n.last < stop]


@dataclass(frozen=True)
class _Models:
    segmenter: Any
    morph_vocab: Any
    morph_tagger: Any
    syntax_parser: Any
    ner_tagger: Any


@cache
def _models() -> _Models:
    try:
        from natasha import (
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
            Segmenter,
        )

        embedding = NewsEmbedding()
        return _Models(
            segmenter=Segmenter(),
            morph_vocab=MorphVocab(),
            morph_tagger=NewsMorphTagger(embedding),
            syntax_parser=NewsSyntaxParser(embedding),
            ner_tagger=NewsNERTagger(embedding),
        )
    except (ImportError, OSError, ValueError) as exc:
        raise ConfigError(
            f"the Russian models (natasha) cannot be loaded: {exc}; install natasha 1.6 "
            "with its slovnet and navec models (pip install natasha==1.6.0)"
        ) from exc


def load_models() -> None:
    """Load the models now rather than on the first text (they take about a second)."""
    _models()


def parse(text: str) -> RuDoc:
    """Segment, tag, parse and find the names of a Russian text."""
    from natasha import Doc

    models = _models()
    doc = Doc(text)
    doc.segment(models.segmenter)
    doc.tag_morph(models.morph_tagger)
    doc.parse_syntax(models.syntax_parser)
    doc.tag_ner(models.ner_tagger)
    tokens: list[RuToken] = []
    sentences: list[RuSentence] = []
    index_of: dict[str, int] = {}
    heads: list[str] = []
    for sent in (s for s in doc.sents if s.tokens):
        n, first = len(sentences), len(tokens)
        for raw in sent.tokens:
            raw.lemmatize(models.morph_vocab)
            index_of[raw.id] = len(tokens)
            heads.append(raw.head_id)
            tokens.append(
                RuToken(
                    i=len(tokens),
                    text=raw.text,
                    start=raw.start,
                    end=raw.stop,
                    lemma=(raw.lemma or raw.text).lower().replace("ё", "е"),
                    pos=raw.pos or "X",
                    feats=dict(raw.feats or {}),
                    head=-1,
                    rel=raw.rel or "dep",
                    sent=n,
                    raw=raw,
                )
            )
        sentences.append(RuSentence(n, sent.start, sent.stop, first, len(tokens)))
    for token, head in zip(tokens, heads, strict=True):
        token.head = index_of.get(head, -1) if head != token.raw.id else -1
    starts = {t.start: t.i for t in tokens}
    ends = {t.end: t.i for t in tokens}
    names = []
    for span in doc.spans:
        if span.type not in NAME_LABELS or span.start not in starts or span.stop not in ends:
            continue
        span.normalize(models.morph_vocab)
        names.append(
            RuName(
                label=span.type,
                start=span.start,
                end=span.stop,
                text=span.text,
                normal=span.normal or span.text,
                first=starts[span.start],
                last=ends[span.stop],
            )
        )
    return RuDoc(text=text, tokens=tokens, sentences=sentences, names=names)
