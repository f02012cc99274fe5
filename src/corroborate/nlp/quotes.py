"""Quotations that run over several sentences, or go on after their tag.

A quote is attributed once, usually in its last sentence ('..., " Peskov said.') or
its first. Every other sentence inside the same quotation marks is a claim of the same
source; we add those claims here. So is a quotation that picks up right after the tag
in the same paragraph with no tag of its own: '"A," he said. "B."' and '"A," she
wrote, "and B."' are both hers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from corroborate.nlp.cue_frames import is_question
from corroborate.nlp.frames import ClaimFrame, doc_sents, doc_text, in_excluded

# Curly, straight, guillemet and low-high quotation marks, and the doubled apostrophes
# some papers print (''...''), never across a line.
_QUOTE = re.compile(r"“[^“”]*”|\"[^\"\n]*\"|«[^«»]*»|„[^„“”]*[“”]|''(?:(?!'')[^\n])*''")
_OPENING = '“"«„'
_CLOSING = '”"»'
# What may sit between the end of a continued quotation and the end of its sentence.
_AFTER_QUOTE = re.compile(r"[\s.,;:!?—–-]*")


def quote_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def in_quotation(doc: Doc, char: int) -> bool:
    """Is this character inside a quotation of the article (ranges found once per Doc)?"""
    key = "corroborate.quotes"
    if key not in doc.user_data:
        doc.user_data[key] = quote_ranges(doc_text(doc))
    ranges: list[tuple[int, int]] = doc.user_data[key]
    return any(start < char < end for start, end in ranges)


def extend_over_quotes(
    doc: Doc,
    claims: list[ClaimFrame],
    absorbed: Callable[[ClaimFrame], bool],
    asked: list[ClaimFrame] | None = None,
) -> list[ClaimFrame]:
    """Claims for the other sentences of each attributed quotation.

    A frame read inside the quotation that ``absorbed`` says is the speaker's own aside
    ("I think ...", "we want ...", "nobody wants ...") gives way to the speaker's claim.
    ``asked`` are the frames of questions: no claims themselves, they still attribute
    the rest of their quotation ('Graham said, “How many of you ...? I believe ...”').
    Questions inside a quotation stay out.
    """
    text = doc_text(doc)
    anchored = _anchored_quotes(doc, sorted(claims + (asked or []), key=_start), absorbed)
    claims = [
        c
        for c in claims
        if not (
            absorbed(c)
            and c.cue is not None
            and any(q[0] <= c.cue[0] < q[1] and a is not c for q, a, _ in anchored)
        )
    ]
    added: list[ClaimFrame] = []
    claimed_sentences = {c.sentence for c in claims}
    for (q_start, q_end), anchor, continued in anchored:
        for sent in doc_sents(doc):
            if continued:
                # The parser may glue the next quotation to the tag's sentence.
                if not (sent.start_char < q_end and q_start < sent.end_char):
                    continue
                start, end = max(sent.start_char, q_start), min(sent.end_char, q_end)
            elif q_start <= sent.start_char and sent.end_char <= q_end + 1:
                start, end = sent.start_char, sent.end_char
            else:
                continue
            key = (sent.start_char, sent.end_char)
            if (key in claimed_sentences and not continued) or in_excluded(doc, *key):
                continue
            if is_question(text[start:end]):
                continue
            content = _strip_marks(text, start, end)
            if content is None or any(
                c.content[0] < content[1] and content[0] < c.content[1] for c in claims + added
            ):
                continue  # already the content of a claim ("X says:" and the quote after)
            claimed_sentences.add(key)
            added.append(
                replace(anchor, sentence=key, content=content, from_quote=True, hedge_cues=[])
            )
    return sorted(claims + added, key=lambda c: c.content[0])


def _start(claim: ClaimFrame) -> int:
    return claim.content[0]


def _anchored_quotes(
    doc: Doc, claims: list[ClaimFrame], absorbed: Callable[[ClaimFrame], bool]
) -> list[tuple[tuple[int, int], ClaimFrame, bool]]:
    """Each attributed quotation, the claim that attributes it, and whether it continues."""
    found: list[tuple[tuple[int, int], ClaimFrame, bool]] = []
    speakers = [c for c in claims if not absorbed(c)]
    previous: tuple[tuple[int, int], ClaimFrame] | None = None
    for quote in quote_ranges(doc_text(doc)):
        anchor = _tagging_claim(claims, *quote)
        continued = anchor is None and previous is not None
        if previous is not None and anchor is None and _continues(doc, speakers, previous, quote):
            anchor = previous[1]
        previous = None
        if anchor is not None:
            found.append((quote, anchor, continued))
            previous = (quote, anchor)
    return found


def _tagging_claim(claims: list[ClaimFrame], q_start: int, q_end: int) -> ClaimFrame | None:
    """The claim whose content is this quotation and whose cue stands outside it."""
    return next(
        (
            c
            for c in claims
            if c.content[0] < q_end
            and q_start < c.content[1]
            and c.cue is not None
            and not (q_start <= c.cue[0] < q_end)
        ),
        None,
    )


def _continues(
    doc: Doc,
    claims: list[ClaimFrame],
    previous: tuple[tuple[int, int], ClaimFrame],
    quote: tuple[int, int],
) -> bool:
    """Does ``quote`` carry on the previous, tagged quotation of the same paragraph?

    Only its tag (or nothing) may stand between them, and the quotation must run to the
    end of its sentence: '"A," he said. "Experts" disagree.' is no continuation.
    """
    text = doc_text(doc)
    (p_start, p_end), anchor = previous
    between = text[p_end : quote[0]]
    if "\n" in between or anchor.cue is None:
        return False
    tag_between = p_end <= anchor.cue[0] < quote[0]
    if not tag_between and (between.strip() or anchor.cue[0] > p_start):
        return False
    if any(c.cue is not None and quote[0] <= c.cue[0] < quote[1] for c in claims):
        return False  # a speaker of its own inside
    if sum(1 for w in text[quote[0] : quote[1]].split() if any(ch.isalnum() for ch in w)) < 2:
        return False
    sentence_end = next(
        (s.end_char for s in doc_sents(doc) if s.start_char < quote[1] <= s.end_char), quote[1]
    )
    rest = text[quote[1] : sentence_end]
    return _AFTER_QUOTE.fullmatch(rest) is not None


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (
        text[start].isspace() or text[start] in _OPENING or text.startswith("''", start)
    ):
        start += 2 if text.startswith("''", start) else 1
    while end > start and (
        text[end - 1].isspace() or text[end - 1] in _CLOSING or text.endswith("''", 0, end)
    ):
        end -= 2 if text.endswith("''", 0, end) else 1
    return (start, end) if end - start > 3 else None


def extend_over_turns(doc: Doc, claims: list[ClaimFrame]) -> list[ClaimFrame]:
    """The rest of a line that opens with its speaker ("TAPPER: ... . ... .") is theirs.

    Questions stay out, as everywhere, and so does a sentence with a claim of its own.
    """
    text = doc_text(doc)
    added: list[ClaimFrame] = []
    taken = {c.sentence for c in claims}
    for claim in claims:
        if claim.cue_lemma != ":" or claim.cue is None:
            continue
        line_start = text.rfind("\n", 0, claim.sentence[0]) + 1
        if text[line_start : claim.sentence[0]].strip() or claim.cue[0] - line_start > 40:
            continue  # not a line that opens with its speaker's name
        line_end = text.find("\n", claim.cue[1])
        line_end = len(text) if line_end < 0 else line_end
        for sent in doc_sents(doc):
            key = (sent.start_char, sent.end_char)
            if not (claim.sentence[1] <= sent.start_char and sent.end_char <= line_end):
                continue
            if key in taken or is_question(text[key[0] : key[1]]):
                continue
            content = _strip_marks(text, *key)
            if content is not None and not any(
                c.content[0] < content[1] and content[0] < c.content[1] for c in claims
            ):
                taken.add(key)
                added.append(replace(claim, sentence=key, content=content, hedge_cues=[]))
    return sorted(claims + added, key=lambda c: c.content[0])


def extend_over_open_paragraphs(doc: Doc, claims: list[ClaimFrame]) -> list[ClaimFrame]:
    """A quotation that runs over paragraphs: each paragraph opens a quotation mark and
    only the last one closes it; the speaker, named in the last, said them all.

    '"The enemy is attacking. We hold the line.' / '"Without it we lose," he said.'
    """
    text = doc_text(doc)
    lines = _lines(text)
    added: list[ClaimFrame] = []
    taken = {c.sentence for c in claims}
    chain: list[tuple[int, int]] = []
    for start, end in lines:
        opens = text[start] in _OPENING
        if chain and opens and text[start] == text[chain[0][0]]:
            # The same mark carries a quotation on: a straight quote does not continue
            # into a curly one (a block quote holding quotations of its own).
            anchor = _tag_in_line(doc, claims, start, end)
            if anchor is not None:
                added.extend(_paragraph_claims(doc, chain, anchor, claims + added, taken))
        chain = [*chain, (start, end)] if opens and _left_open(text[start:end]) else []
    return sorted(claims + added, key=lambda c: c.content[0])


def _lines(text: str) -> list[tuple[int, int]]:
    """The non-empty lines of ``text``, from their first to their last visible character."""
    found = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + line.index(stripped[0])
            found.append((start, start + len(stripped)))
        position += len(line) + 1
    return found


def _left_open(line: str) -> bool:
    """Does the line open a quotation it does not close?"""
    if line.count("“") != line.count("”"):
        return line.count("“") > line.count("”")
    return line.count('"') % 2 == 1


def _tag_in_line(doc: Doc, claims: list[ClaimFrame], start: int, end: int) -> ClaimFrame | None:
    """The claim tagged right after the quotation that opens this line ('"...," he said.')."""
    closing = next(
        (q_end for q_start, q_end in quote_ranges(doc_text(doc)) if q_start == start), None
    )
    if closing is None:
        return None  # the line's quotation runs on: the tag is further down
    for claim in claims:
        cue = claim.cue
        if cue is None or not (closing <= cue[0] < end and start <= claim.content[0] < closing):
            continue
        return claim
    return None


def _paragraph_claims(
    doc: Doc,
    paragraphs: list[tuple[int, int]],
    anchor: ClaimFrame,
    claims: list[ClaimFrame],
    taken: set[tuple[int, int]],
) -> list[ClaimFrame]:
    text = doc_text(doc)
    added: list[ClaimFrame] = []
    for sent in doc_sents(doc):
        key = (sent.start_char, sent.end_char)
        visible_end = key[0] + len(text[key[0] : key[1]].rstrip())
        if not any(p_start <= key[0] and visible_end <= p_end for p_start, p_end in paragraphs):
            continue
        if key in taken or in_excluded(doc, *key) or is_question(text[key[0] : key[1]]):
            continue
        content = _strip_marks(text, *key)
        if content is None or any(
            c.content[0] < content[1] and content[0] < c.content[1] for c in claims + added
        ):
            continue
        words = [w for w in text[content[0] : content[1]].split() if w[:1].isalpha()]
        if len(words) < 2:
            continue  # "(CROSSTALK.)", "WALLACE:": stage directions and names, no claim
        taken.add(key)
        added.append(replace(anchor, sentence=key, content=content, from_quote=True, hedge_cues=[]))
    return added
