"""Attribution frames of a Russian sentence: the record, how frames nest, how content is cut.

A frame is a cue with its source heads and the tokens of its content. A frame inside
another speaker's content is relayed by that speaker; the content is trimmed to its
longest contiguous run, its edges cleaned of quotation marks, dashes and a leading "что".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from corroborate.ru.lexicon import RuLexicon
from corroborate.ru.pipeline import RuDoc, RuSentence, RuToken
from corroborate.ru.sources import ActorName

_EDGE = set("«»\"“”„'(),.:;—–-!?…")
_LEADING = {"что", "мол"}
PRONOUN_THIS = {"это", "этот", "то"}
_OBJECTIONS = {"однако", "но", "хотя"}


@dataclass
class Frame:
    """A cue, its source heads and its content, as token indices of one sentence."""

    sentence: RuSentence
    cue: list[int]
    cue_lemma: str
    heads: list[int]  # source heads; none: an unnamed source
    content: set[int]
    relays: list[int] = field(default_factory=list)  # "со ссылкой на X": X
    channel: str | None = None
    previous: bool = False  # "Об этом сообщает X": the sentence before is the content
    implicit: bool = False  # "...назвали фейком": the subject of the claim before
    hedges: list[str] = field(default_factory=list)


def colon_frame(doc: RuDoc, sentence: RuSentence, names: list[ActorName]) -> Frame | None:
    """ "Гладков: «В Шебекино повреждены дома»": a name, a colon, what the name says."""
    tokens = doc.sentence_tokens(sentence)
    colon = next((t for t in tokens[:8] if t.text == ":"), None)
    if colon is None or colon.i == sentence.first:
        return None
    before = [t for t in tokens if t.i < colon.i and t.pos != "PUNCT"]
    if not before:
        return None
    name = next((n for n in names if n.first <= before[0].i and before[-1].i <= n.last), None)
    # A short proper name the tagger missed ("Гладков:") speaks as well.
    unnamed = len(before) <= 4 and before[0].text[:1].isupper()
    if name is None and not (unnamed and any(t.pos == "PROPN" for t in before)):
        return None
    if name is not None and name.label == "LOC":
        return None
    content = {t.i for t in tokens if t.i > colon.i}
    if not any(is_word(doc, i) for i in content):
        return None
    head = next((t for t in before if t.head < before[0].i or t.head > before[-1].i), before[-1])
    return Frame(sentence, [colon.i], ":", [head.i], content)


def unnest(doc: RuDoc, frames: list[Frame]) -> list[tuple[Frame, list[Frame]]]:
    """Each frame that is a claim, with the frames that relay it (outermost last).

    A frame whose cue lies in another's content is the claim and the other its teller,
    unless both name the same source ("заявил, что, по его словам, ..."): then the inner
    frame is part of what the outer one says."""
    inner_of: dict[int, list[Frame]] = {}
    absorbed: set[int] = set()
    relaying: set[int] = set()
    for outer in frames:
        for inner in frames:
            if inner is outer or not set(inner.cue) <= outer.content:
                continue
            pronouns = all(doc.tokens[h].pos in ("PRON", "DET") for h in inner.heads)
            if set(inner.heads) & set(outer.heads) or pronouns:
                absorbed.add(id(inner))  # no heads, or "по его словам": the outer speaker
            else:
                relaying.add(id(outer))
                inner_of.setdefault(id(inner), []).append(outer)
    result = []
    for frame in frames:
        if id(frame) in absorbed or id(frame) in relaying:
            continue
        tellers = sorted(inner_of.get(id(frame), []), key=lambda f: len(f.content))
        for other in frames:
            if other is not frame and not (other.content >= set(frame.cue)):
                frame.content -= set(other.cue)  # another speaker's tag is not content
        result.append((frame, tellers))
    return result


def that_after(doc: RuDoc, sentence: RuSentence, cue: RuToken, own: set[int]) -> int | None:
    """The "что" that opens the cue's clause when only the cue's own words come between."""
    for token in doc.tokens[cue.i + 1 : sentence.stop]:
        if token.lemma == "что" and token.pos == "SCONJ":
            return token.i
        if token.i not in own and token.pos != "PUNCT":
            return None
    return None


def without_objections(doc: RuDoc, content: set[int], lex: RuLexicon) -> set[int]:
    """ "..., однако данные пока не подтверждены": a clause set against the content that
    speaks of verification is the reporter's, not the source's."""
    dropped: set[int] = set()
    first = min(content, default=0)
    for i in content:
        if doc.tokens[i].rel not in ("conj", "ccomp", "parataxis"):
            continue
        marks = [c for c in doc.kids(i, "cc", "advmod") if c.lemma in _OBJECTIONS and c.i < i]
        clause = doc.subtree(i)
        checking = any(doc.tokens[j].lemma in lex.verify_verbs for j in clause)
        if marks and checking and first not in clause:
            dropped |= clause
    return content - dropped


def negated(doc: RuDoc, token: RuToken) -> bool:
    return any(c.lemma == "не" for c in doc.kids(token.i, "advmod"))


def about_this(doc: RuDoc, cue: RuToken) -> bool:
    """ "Об этом сообщает ТАСС", "это опровергли": the cue points back."""
    for child in doc.kids(cue.i, "obl", "obj"):
        if child.lemma in PRONOUN_THIS and child.pos in ("PRON", "DET"):
            return True
    return False


def whole_sentence(doc: RuDoc, index: int) -> set[int]:
    if index < 0:
        return set()
    sentence = doc.sentences[index]
    return set(range(sentence.first, sentence.stop))


def is_word(doc: RuDoc, i: int) -> bool:
    return doc.tokens[i].pos != "PUNCT"


def trim(doc: RuDoc, content: set[int]) -> tuple[int, int] | None:
    """The content's character range: its longest contiguous run, edges cleaned."""
    if not content:
        return None
    ordered = sorted(content)
    runs: list[list[int]] = [[ordered[0]]]
    for i in ordered[1:]:
        gap = i - runs[-1][-1]
        if gap == 1 or (gap == 2 and doc.tokens[i - 1].pos == "PUNCT"):
            runs[-1].append(i)
        else:
            runs.append([i])
    run = max(runs, key=len)
    start, end = run[0], run[-1]
    while start <= end and doc.tokens[start].text in _EDGE:
        start += 1
    if start <= end and doc.tokens[start].lower in _LEADING and doc.tokens[start].pos != "PRON":
        start += 1
    while end >= start and doc.tokens[end].text in _EDGE:
        end -= 1
    if end < start or sum(is_word(doc, i) for i in range(start, end + 1)) < 2:
        return None
    return doc.tokens[start].start, doc.tokens[end].end
