"""What our spaCy components write on the ``Doc``, and the extensions that hold it.

Components exchange these plain records through ``Doc._`` attributes; offsets are
character offsets into the Doc's text (the repaired text). Typed ledger records are
built from them afterwards by :mod:`corroborate.analysis`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import cast

from spacy.attrs import DEP, HEAD, IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH, POS
from spacy.tokens import Doc, Span, Token

from corroborate.models import Certainty, ClaimKind, DatePrecision, Polarity

CharRange = tuple[int, int]


@dataclass
class SourceMention:
    """A source as written (``text``/``span``) and the name it stands for."""

    text: str
    span: CharRange | None
    name: str
    # person, organisation, group, pronoun, descriptor, unnamed, or footage (a video
    # nobody is named as posting: evidence, not a party)
    kind: str = "unknown"
    resolved_from: str | None = None
    # An outlet the source spoke to ("told Reuters"): it carried the words, it said nothing.
    addressed: bool = False


@dataclass
class ClaimFrame:
    """One attribution found in a sentence."""

    sentence: CharRange
    content: CharRange
    sources: list[SourceMention]
    cue: CharRange | None = None
    cue_lemma: str | None = None
    via: list[SourceMention] = field(default_factory=list)
    channel: str | None = None
    kind: ClaimKind = "assertion"
    hedged: bool = False
    hedge_cues: list[str] = field(default_factory=list)
    certainty: Certainty = "certain"
    polarity: Polarity = "positive"
    status: str | None = None
    from_quote: bool = False


@dataclass
class VerificationFrame:
    """The reporter's statement on verification, and the claims it qualifies."""

    span: CharRange
    status: str
    scope: str = "preceding"
    qualifies: list[int] = field(default_factory=list)  # indices into doc._.claims


@dataclass
class DateFrame:
    span: CharRange
    value: str | None
    precision: DatePrecision | None
    in_caption: bool = False


def register_extensions() -> None:
    """Declare our Doc attributes once; safe to call repeatedly."""
    defaults: dict[str, object] = {
        "article_date": None,
        "excluded": None,
        "claims": None,
        "verifications": None,
        "dates": None,
    }
    for name, default in defaults.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


# Where spaCy's ``Underscore`` keeps the value of ``doc._.excluded``. Components ask for
# it once per sentence; reading it here skips building an ``Underscore`` on every ask.
_EXCLUDED_KEY = ("._.", "excluded", None, None)


def excluded_ranges(doc: Doc) -> list[CharRange]:
    user_data = cast("dict[object, object]", doc.user_data)
    ranges = cast("list[CharRange] | None", user_data.get(_EXCLUDED_KEY))
    return ranges or []


def in_excluded(doc: Doc, start: int, end: int) -> bool:
    """Does ``[start, end)`` lie in a stretch kept out of claims and events (a caption, a
    heading, a dateline)? Whitespace at its edges (a sentence's trailing line break) does
    not count."""
    ranges = excluded_ranges(doc)
    if not any(s < end and start < e for s, e in ranges):
        return False
    stretch = doc_text(doc)[start:end]
    visible = stretch.strip()
    if visible:
        start += len(stretch) - len(stretch.lstrip())
        end = start + len(visible)
    return any(s <= start and end <= e for s, e in ranges)


def article_date(doc: Doc) -> dt.date | None:
    value: dt.date | None = doc._.article_date
    return value


def doc_ents(doc: Doc) -> list[Span]:
    """``doc.ents``, built once per Doc: spaCy rebuilds the tuple on every access."""
    key = "corroborate.ents"
    if key not in doc.user_data:
        doc.user_data[key] = list(doc.ents)
    ents: list[Span] = doc.user_data[key]
    return ents


def doc_ent_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token ``(start, end)`` of each of :func:`doc_ents`, built once per Doc: filtering
    entities by position then reads tuples instead of asking every Span."""
    key = "corroborate.ent_bounds"
    if key not in doc.user_data:
        doc.user_data[key] = [(e.start, e.end) for e in doc_ents(doc)]
    bounds: list[tuple[int, int]] = doc.user_data[key]
    return bounds


class _Sentence(Span):
    """A sentence of :func:`doc_sents`, the same Span but for where its text comes from:
    cut from the Doc's text, where a Span joins its tokens again on every access. Every
    component reads the text of every sentence, some of them twice."""

    @property
    def text(self) -> str:
        return span_text(self)


def doc_sents(doc: Doc) -> list[Span]:
    """``doc.sents`` as a list, built once per Doc (after the parser has run)."""
    key = "corroborate.sents"
    if key not in doc.user_data:
        doc.user_data[key] = [_Sentence(doc, s.start, s.end) for s in doc.sents]
    sents: list[Span] = doc.user_data[key]
    return sents


_TEXT_KEY = "corroborate.text"


@dataclass(frozen=True)
class TokenWords:
    """Strings of every token of a Doc by token index: ``token.lemma_.lower()``,
    ``token.lower_``, ``token.text``, ``token.dep_``, ``token.is_space``, ``token.pos_``,
    ``token.is_punct`` and ``token.head.i``."""

    lemmas: list[str]
    lowers: list[str]
    texts: list[str]
    deps: list[str]
    spaces: list[bool]
    poses: list[str]
    puncts: list[bool]
    heads: list[int]


_WORDS_KEY = "corroborate.words"
# The strings behind spaCy's hashes (the same in every vocabulary), kept across Docs:
# reading a whole Doc then costs a dictionary look-up per attribute, instead of a Token
# made and a string looked up for each. Two tables, strings and lower-cased strings;
# when they grow too big they are replaced, never emptied under a reader's feet.
_KNOWN: list[dict[int, str]] = [{}, {}]
_MAX_STRINGS = 200_000


def token_words(doc: Doc) -> TokenWords:
    """The :class:`TokenWords` of a Doc, read once per Doc (after the pipeline has run)."""
    words: TokenWords | None = doc.user_data.get(_WORDS_KEY)
    if words is not None:
        return words
    if max(len(known) for known in _KNOWN) > _MAX_STRINGS:
        _KNOWN[:] = [{}, {}]
    strings, (seen, lowered) = doc.vocab.strings, _KNOWN
    table = doc.to_array([LEMMA, LOWER, ORTH, DEP, IS_SPACE, POS, IS_PUNCT]).reshape(len(doc), 7)
    lemma_keys, lower_keys, text_keys, dep_keys, space_flags, pos_keys, punct_flags = (
        cast("list[int]", table[:, column].tolist()) for column in range(7)
    )
    # Heads come as offsets from the token, negative ones wrapped round as unsigned.
    offsets = cast("list[int]", doc.to_array([HEAD]).reshape(len(doc)).astype("int64").tolist())
    for key in {*lower_keys, *text_keys, *dep_keys, *pos_keys}.difference(seen):
        seen[key] = strings[key]
    for key in set(lemma_keys).difference(lowered):
        lowered[key] = str(strings[key]).lower()
    lemmas = list(map(lowered.__getitem__, lemma_keys))
    lowers = list(map(seen.__getitem__, lower_keys))
    texts = list(map(seen.__getitem__, text_keys))
    deps = list(map(seen.__getitem__, dep_keys))
    spaces = list(map(bool, space_flags))
    poses = list(map(seen.__getitem__, pos_keys))
    puncts = list(map(bool, punct_flags))
    heads = list(map(int.__add__, range(len(doc)), offsets))
    words = doc.user_data[_WORDS_KEY] = TokenWords(
        lemmas, lowers, texts, deps, spaces, poses, puncts, heads
    )
    return words


_CHILDREN_KEY = "corroborate.children"


def token_children(token: Token) -> list[Token]:
    """``list(token.children)``, kept per Doc: the event rules ask for the children of the
    same few words again and again, and spaCy walks the tree to find them each time."""
    kept: dict[int, list[Token]] | None = token.doc.user_data.get(_CHILDREN_KEY)
    if kept is None:
        kept = token.doc.user_data[_CHILDREN_KEY] = {}
    children = kept.get(token.i)
    if children is None:
        children = kept[token.i] = list(token.children)
    return children


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins every token on each access."""
    if _TEXT_KEY not in doc.user_data:
        doc.user_data[_TEXT_KEY] = doc.text
    text: str = doc.user_data[_TEXT_KEY]
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record the text a Doc was tokenized from, which is its ``doc.text``.

    spaCy's tokenizer keeps every character, so the string given to ``make_doc`` is the
    Doc's text and need not be joined again from the tokens.
    """
    doc.user_data[_TEXT_KEY] = text


def release(doc: Doc) -> None:
    """Drop what the components and the record building kept on a Doc that is done with.

    The sentences and entities kept on a Doc point back to it, so a Doc holding them is
    freed only by the cycle collector, after surviving into its oldest generation, whose
    collections then walk every object of the loaded pipeline. Dropped, the Doc goes as
    soon as it is unused.
    """
    doc.user_data.clear()


def span_text(span: Span) -> str:
    """``span.text``, cut from the Doc's text instead of joined from the span's tokens."""
    return doc_text(span.doc)[span.start_char : span.end_char]
