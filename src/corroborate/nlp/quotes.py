"""Quotations that run over several sentences.

A quote is attributed once, usually in its last sentence ('..., " Peskov said.') or
its first. Every other sentence inside the same quotation marks is a claim of the same
source; we add those claims here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from corroborate.nlp.frames import ClaimFrame, doc_sents, doc_text, in_excluded

_QUOTE = re.compile(r"“[^“”]*”|\"[^\"]*\"|«[^«»]*»|„[^„“”]*[“”]")


def quote_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def extend_over_quotes(doc: Doc, claims: list[ClaimFrame]) -> list[ClaimFrame]:
    added: list[ClaimFrame] = []
    claimed_sentences = {c.sentence for c in claims}
    text = doc_text(doc)
    for q_start, q_end in quote_ranges(text):
        anchor = next(
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
        if anchor is None:
            continue
        for sent in doc_sents(doc):
            if not (q_start <= sent.start_char and sent.end_char <= q_end + 1):
                continue
            key = (sent.start_char, sent.end_char)
            if key in claimed_sentences or in_excluded(doc, *key):
                continue
            content = _strip_marks(text, sent.start_char, sent.end_char)
            if content is None or any(
                c.content[0] <= content[0] and content[1] <= c.content[1] for c in claims
            ):
                continue  # already the content of a claim ("X says:" and the quote after)
            claimed_sentences.add(key)
            added.append(
                replace(anchor, sentence=key, content=content, from_quote=True, hedge_cues=[])
            )
    return sorted(claims + added, key=lambda c: c.content[0])


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start].isspace() or text[start] in '“"«„'):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in '”"»'):
        end -= 1
    return (start, end) if end - start > 3 else None
