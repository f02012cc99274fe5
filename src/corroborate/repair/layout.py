"""Lines that are not news body: photo captions and stray headings.

Scraped articles keep the captions of their photos and their sub-headings inline.
They carry dates and names that are not part of the report ("in May 2023" under a
file photo), so they are marked, not removed: the later stages can still read them
but keep them out of claims and events.

The text is cut into units: one per line, except that a hard-wrapped paragraph (short
lines of similar length, as in e-mail or plain-text feeds) is one unit.

* A caption is a unit of at most three sentences with a photo cue: a position marker
  ("(left)", "(L-R)"), a photo phrase ("In the photo", "seen in this picture"), a
  label ("Photo:", "Pictured:") or a picture credit ("REUTERS/Name", "Getty Images").
* A heading is a single short line standing on its own between paragraphs, without
  final punctuation and without a finite verb unless it is in Title Case ("Dmitry
  Peskov", "Kremlin Denies Border Breach", "Published 12 March 2024").
* The first line is the article's headline when it stands alone without final
  punctuation over a body of two paragraphs or more, verb or not ("Ukraine says it shot
  down 30 drones").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from corroborate.models import Repair

_POSITION_MARKER = re.compile(
    r"\((?:(?:from|far|second|third|2nd|3rd|top|bottom|front|back|standing|seated)\s+)?"
    r"(?:left|right|centre|center|middle)(?:\s+to\s+(?:left|right))?"
    r"(?:\s*(?:,|and|;)\s*[^()]{0,40})?\)"
    r"|\((?:L|R)\s*(?:-|–|to)\s*(?:R|L)\)|\(from\s+(?:L|R)\)"
    r"|\((?:pictured|photo|file photo|archive photo|in the photo|in photo|above|below)"
    r"(?:\s*[,;]\s*[^()]{0,40})?\)"
    r"|^(?:from\s+(?:left|right)|left\s+to\s+right|right\s+to\s+left)\s*[:,]",
    re.IGNORECASE,
)
_PICTURE = (
    r"(?:(?:above|below|main|featured|file|archive|undated|handout|still|lead|top|cover)\s+)?"
    r"(?:photo(?:graph)?|picture|image|screen\s?grab|screenshot|video\s+grab|illustration)s?\b"
)
_PHOTO_PHRASE = re.compile(
    # "in this photo" is how captions speak; "in a photo published by ..." is how a
    # report describes a source, so that form needs no such continuation.
    r"\b(?:in|on|from)\s+(?:this|these)\s+"
    + _PICTURE
    + r"|\b(?:in|on)\s+(?:the|a|an)\s+"
    + _PICTURE
    + r"(?!\s+(?:of|showing|published|posted|shared|released|that|which|from)\b)"
    r"|\bpictured\s+(?:here|above|below)\b",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"(?:^|(?<=[.!?])\s+|\(|\|\s*)"
    r"(?:photo(?:graph)?s?|pictures?|pictured|images?|illustration|video\s+still|"
    r"file\s+photo|archive\s+photo|credit|kuva|foto|bild)\s*(?::|\||/|–|—|\bby\b|\bcredit\b|"
    r"\bcourtesy\b|©)",
    re.IGNORECASE,
)
_AGENCY = (
    r"(?:Reuters|REUTERS|AFP|AP|EPA|EPA-EFE|EFE|dpa|DPA|ANSA|TASS|Sputnik|Anadolu(?: Agency)?"
    r"|Xinhua|Lehtikuva|Ritzau|NTB|TT|Scanpix|Getty Images|Shutterstock|Alamy|Ukrinform"
    r"|UNIAN|RIA Novosti|Kommersant|Abaca|SIPA|Zuma|ZUMA Press|Sipa USA|Imago|IMAGO)"
)
# Credit patterns are tried at every position of every unit, so each is searched only in
# a unit holding the characters it cannot match without: a slash ("REUTERS/Name",
# "Name/AFP"), else one of _CREDIT_WORDS or an opening "A" ("A view shows ...").
_SLASH_CREDIT = re.compile(
    r"\b" + _AGENCY + r"\s*/\s*(?:[A-Z][\w.'’-]+\s+[A-Z]|Getty|AFP|AP|Reuters|REUTERS)"
    r"|\b(?:REUTERS|AFP|EPA-EFE)/"
    r"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}\s*/\s*" + _AGENCY + r"\b(?=\s*(?:$|[.,;)\]|]))"
)
_CREDIT = re.compile(
    r"\bvia\s+(?:Getty Images|REUTERS|Reuters|AP|AFP)\b|\bGetty Images\b|\bAP Photo\b|©"
    r"|\b(?:handout|file|archive)\s+(?:photo|picture|image)\b"
    r"|^An?\s+(?:general\s+|aerial\s+|drone\s+)?view\s+(?:shows?|of)\b"
    r"|^An?\s+(?:still image|still|handout (?:photo|picture|image)|screengrab|screen grab"
    r"|satellite image)\s+(?:shows?|taken|from|released|of)\b",
)
# Likewise for the case-insensitive patterns: a position marker needs a bracket or an
# opening "from", "left" or "right"; the others need one of these words.
_PHOTO_WORDS = ("photo", "picture", "image", "screen", "video", "illustration")
_LABEL_WORDS = (*_PHOTO_WORDS, "credit", "kuva", "foto", "bild")
_CASE_FOLDING_TO_ASCII = "İıſK"
_CREDIT_WORDS = ("via", "Getty Images", "AP Photo", "©", "handout", "file", "archive")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s+[\"“‘«(]?[A-Z0-9])")
_WORD = re.compile(r"\S*[^\W_]\S*")
_TERMINAL = ".!?…,;:"
_QUOTES = "\"“”‘’«»„'"
_BULLETS = ("-", "–", "—", "•", "*", "·", "▪", ">")
# Closed-class words that may stay in lower case in a Title Case heading.
_MINOR_WORDS = frozenset((
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "nor", "by",
    "with", "from", "as", "vs", "via", "per", "de", "der", "van", "von", "al", "el", "la",
    "le", "bin", "ibn", "du",
))  # fmt: skip
# Finite verbs that make a short line a sentence rather than a heading; forms that are
# as often nouns ("attack", "claims", "May", "will") are left out.
_FINITE_VERBS = frozenset((
    "is", "are", "was", "were", "been", "am", "has", "have", "had", "would", "could",
    "should", "shall", "does", "did", "says", "said", "tells", "told", "denies", "denied",
    "claimed", "confirms", "confirmed", "announces", "announced", "rejects", "rejected",
    "warns", "warned", "attacked", "reported", "stated", "added",
))  # fmt: skip
MAX_CAPTION_SENTENCES = 3
MAX_CAPTION_WORDS = 80
MAX_HEADING_WORDS = 6
MAX_TITLE_CASE_HEADING_WORDS = 10
MAX_HEADLINE_WORDS = 20


@dataclass(frozen=True)
class _Unit:
    """A line (or a hard-wrapped paragraph) with the blank lines around it."""

    start: int
    end: int
    text: str
    lines: int
    blank_before: bool
    blank_after: bool


def find_layout_repairs(text: str) -> list[Repair]:
    """Caption and heading records for ``text``, sorted by start."""
    units = list(_iter_units(text))
    kinds: list[str | None] = []
    for unit in units:
        kinds.append("caption" if is_caption(unit.text) else None)
    for index, unit in enumerate(units):
        if kinds[index] is None and _stands_alone(units, index) and is_heading(unit.text):
            kinds[index] = "heading"
    if units and kinds[0] is None and _is_headline(units):
        kinds[0] = "heading"
    if "heading" in kinds and None not in kinds:
        # With no body left (a one-line post, a list of headlines) the short lines are
        # the body, not headings.
        kinds = [kind if kind == "caption" else None for kind in kinds]
    repairs: list[Repair] = []
    for unit, kind in zip(units, kinds, strict=True):
        if kind == "caption":
            repairs.append(Repair("caption", unit.start, unit.end, unit.text))
        elif kind == "heading":
            repairs.append(Repair("heading", unit.start, unit.end, unit.text))
    return repairs


def is_caption(unit: str) -> bool:
    """True if ``unit`` reads as a photo caption or picture credit."""
    if unit[:1] in _QUOTES:
        return False
    # Every word lies in its own whitespace-separated chunk: few chunks, few words.
    if len(unit.split()) > MAX_CAPTION_WORDS and len(_WORD.findall(unit)) > MAX_CAPTION_WORDS:
        return False
    if count_sentences(unit) > MAX_CAPTION_SENTENCES:
        return False
    if ("(" in unit or unit[:1] in "FfLlRr") and _POSITION_MARKER.search(unit) is not None:
        return True
    # Lower-casing stands for case-insensitive matching, unless the unit holds one of the
    # four non-ASCII letters that match ASCII ones ("ſ" matches "s"): then every pattern.
    lower = None if any(c in unit for c in _CASE_FOLDING_TO_ASCII) else unit.lower()
    for pattern, words in ((_PHOTO_PHRASE, _PHOTO_WORDS), (_LABEL, _LABEL_WORDS)):
        may_match = lower is None or any(word in lower for word in words)
        if may_match and pattern.search(unit) is not None:
            return True
    if "/" in unit and _SLASH_CREDIT.search(unit) is not None:
        return True
    credit_words = unit.startswith("A") or any(word in unit for word in _CREDIT_WORDS)
    return credit_words and _CREDIT.search(unit) is not None


def _is_headline(units: list[_Unit]) -> bool:
    """The article's own title on its first line: one short line set off by a blank line,
    without final punctuation, over at least two paragraphs of body. A headline may have
    a verb ("Ukraine says it shot down 30 drones"); it restates the story, claims nothing
    of its own, and is kept out of claims like any heading."""
    first = units[0]
    words = _WORD.findall(first.text)
    return (
        first.lines == 1
        and first.blank_after
        and len(units) >= 3
        and 0 < len(words) <= MAX_HEADLINE_WORDS
        and first.text[-1] not in _TERMINAL
        and first.text[-1] not in _QUOTES
        and (first.text[0].isupper() or first.text[0].isdigit())
    )


def is_heading(line: str) -> bool:
    """True if ``line`` is shaped like a heading (its surroundings are not checked)."""
    words = _WORD.findall(line)
    if not words or "\n" in line:
        return False
    first, last = line[0], line[-1]
    if last in _TERMINAL or last in _QUOTES or first in _QUOTES or line.startswith(_BULLETS):
        return False
    if not (first.isupper() or first.isdigit()):
        return False
    if _title_case(words):
        return len(words) <= MAX_TITLE_CASE_HEADING_WORDS
    if len(words) > MAX_HEADING_WORDS:
        return False
    return not any(w.strip(".,;:!?\"'“”‘’()").lower() in _FINITE_VERBS for w in words)


def count_sentences(unit: str) -> int:
    """Sentences in ``unit``, counted at final punctuation followed by a capital."""
    return len(_SENTENCE_END.findall(unit)) + 1


def _title_case(words: list[str]) -> bool:
    capitalised = 0
    for word in words:
        bare = word.strip(".,;:!?\"'“”‘’()[]")
        if not bare:
            continue
        if bare.lower() in _MINOR_WORDS:
            continue
        if not (bare[0].isupper() or bare[0].isdigit()):
            return False
        capitalised += bare[0].isupper()
    return capitalised > 0


def _stands_alone(units: list[_Unit], index: int) -> bool:
    """A heading line is set off from its neighbours, not a fragment of a paragraph."""
    unit = units[index]
    if unit.lines != 1:
        return False
    before = unit.blank_before or index == 0 or units[index - 1].text[-1] in '.!?…:"”’»)'
    after_text = units[index + 1].text if index + 1 < len(units) else ""
    after = unit.blank_after or not after_text or not after_text[0].islower()
    return before and after


def _iter_units(text: str) -> Iterator[_Unit]:
    """Units block by block; blocks are runs of non-blank lines."""
    block: list[tuple[int, int]] = []
    for start, end in [*_split_lines(text), (-1, -1)]:
        if start >= 0 and text[start:end].strip():
            block.append(_strip(text, start, end))
        elif block:
            yield from _block_units(text, block)
            block = []


def _block_units(text: str, block: list[tuple[int, int]]) -> Iterator[_Unit]:
    lengths = [end - start for start, end in block]
    longest = max(lengths)
    wrapped = len(block) > 1 and longest <= 100 and min(lengths[:-1]) >= 0.6 * longest
    if wrapped:
        start, end = block[0][0], block[-1][1]
        yield _Unit(start, end, text[start:end], len(block), True, True)
        return
    for index, (start, end) in enumerate(block):
        yield _Unit(start, end, text[start:end], 1, index == 0, index == len(block) - 1)


def _split_lines(text: str) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    position = 0
    while position <= len(text):
        newline = text.find("\n", position)
        end = len(text) if newline < 0 else newline
        lines.append((position, end))
        if newline < 0:
            break
        position = newline + 1
    return lines


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
