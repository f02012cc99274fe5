"""Hedges, polarity and the reporter's word on verification, in Russian.

Certainty is what the writer commits to, as for English (:mod:`corroborate.nlp.hedging`):
"якобы", "будто", a distancing cue ("утверждает") or the conditional "бы" leave it
underspecified; "предположительно", "вероятно", "по предварительным данным" make it
probable; "возможно", "мог" possible. Polarity is negative when the content's main verb
is negated ("атака не была отражена", "повреждений нет") or the content is called false
("информация о захвате — фейк", "не соответствует действительности").

The reporter's own word on verification ("Независимо подтвердить эту информацию не
удалось", "В ведомстве от комментариев отказались") qualifies the claims before it in
its paragraph, or in the paragraph before when its own holds none.
"""

from __future__ import annotations

from collections.abc import Sequence

from corroborate.models import Certainty
from corroborate.nlp.frames import ClaimFrame, VerificationFrame
from corroborate.ru.lexicon import RuLexicon, has_phrase
from corroborate.ru.pipeline import RuDoc, RuToken

_ORDER: list[Certainty] = ["certain", "probable", "possible", "underspecified"]
_LEVELS: tuple[Certainty, ...] = ("underspecified", "probable", "possible")


def _weaker(a: Certainty, b: Certainty) -> Certainty:
    return a if _ORDER.index(a) >= _ORDER.index(b) else b


def assess(
    claim: ClaimFrame,
    doc: RuDoc,
    content: Sequence[RuToken],
    frame_hedges: Sequence[str],
    lex: RuLexicon,
) -> None:
    """Set the claim's hedges, certainty and polarity from its cue and content."""
    cues: list[str] = []
    certainty: Certainty = "certain"
    if claim.cue_lemma in lex.distancing:
        cues.append(claim.cue_lemma or "")
        certainty = "underspecified"
    for word in frame_hedges:  # "по предварительным данным"
        for level in _LEVELS:
            if word in lex.hedges[level]:
                cues.append(word)
                certainty = _weaker(certainty, level)
    for token in content:
        for level in _LEVELS:
            if token.lemma in lex.hedges[level] and (token.lemma != "мочь" or _auxiliary(token)):
                cues.append(token.lower)
                certainty = _weaker(certainty, level)
        if token.lemma in lex.conditional:
            cues.append(token.lower)
            certainty = _weaker(certainty, "underspecified")
    claim.hedge_cues = sorted(set(cues), key=cues.index)
    claim.hedged = bool(cues)
    claim.certainty = certainty
    claim.polarity = "negative" if negative(doc, content, lex) else "positive"


def _auxiliary(token: RuToken) -> bool:
    """ "могли быть повреждены": "мочь" over another verb, a modal of possibility."""
    return token.pos in ("VERB", "AUX")


def negative(doc: RuDoc, content: Sequence[RuToken], lex: RuLexicon) -> bool:
    """Is the content's main verb negated, or the content called false?"""
    if not content:
        return False
    ids = {t.i for t in content}
    roots = [t for t in content if t.head not in ids]
    for root in roots:
        if root.lemma == "нет" or any(c.lemma in ("не", "ни") for c in doc.kids(root.i)):
            return True
    return has_phrase(content, lex.falsity)


def verification_frames(
    doc: RuDoc, claims: list[ClaimFrame], lex: RuLexicon, excluded: list[tuple[int, int]]
) -> list[VerificationFrame]:
    """The reporter's statements on verification; the claims they qualify get a status."""
    found: list[VerificationFrame] = []
    for sentence in doc.sentences:
        span = (sentence.start, sentence.end)
        if any(s <= span[0] and span[1] <= e for s, e in excluded):
            continue
        tokens = doc.sentence_tokens(sentence)
        # After the claims of the sentence: "..., однако данные пока не подтверждены".
        ends = [c.content[1] for c in claims if c.sentence == span]
        tokens = [t for t in tokens if t.start >= max(ends, default=0)]
        words = [t for t in tokens if t.pos != "PUNCT"]
        status = _status(doc, tokens, lex) if words else None
        if status is None:
            continue
        frame = VerificationFrame(span=(words[0].start, words[-1].end), status=status)
        frame.qualifies = _qualified(doc.text, frame.span[0], claims)
        if status == "unconfirmed":
            for i in frame.qualifies:
                claims[i].status = claims[i].status or "unconfirmed"
        found.append(frame)
    return found


def _status(doc: RuDoc, tokens: Sequence[RuToken], lex: RuLexicon) -> str | None:
    lemmas = {t.lemma for t in tokens}
    if any(set(words) <= lemmas for words in lex.no_comment):
        return "no comment"
    for token in tokens:
        if token.lemma not in lex.verify_verbs:
            continue
        if any(c.rel == "nsubj" for c in doc.kids(token.i)):
            continue  # "губернатор не подтвердил": a source's word, not the reporter's
        above = [token, *([doc.tokens[token.head]] if token.head >= 0 else [])]
        negated = any(c.lemma in lex.inability for a in above for c in doc.kids(a.i))
        unable = bool({"удаться", "невозможно", "нельзя"} & lemmas) and "не" in lemmas
        if negated or unable or {"невозможно", "нельзя"} & lemmas:
            return "unconfirmed"
    if "неподтвержденный" in lemmas and not any(t.rel == "nsubj" for t in tokens):
        return "unconfirmed"
    return None


def _qualified(text: str, start: int, claims: list[ClaimFrame]) -> list[int]:
    before = [i for i, c in enumerate(claims) if c.content[1] <= start]
    if not before:
        return []
    paragraph = text.rfind("\n", 0, start) + 1
    same = [i for i in before if claims[i].content[0] >= paragraph]
    if same:
        return same
    previous = text.rfind("\n", 0, claims[before[-1]].content[0]) + 1
    return [i for i in before if claims[i].content[0] >= previous]
