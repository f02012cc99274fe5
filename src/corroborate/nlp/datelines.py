"""Datelines: where and when the reporter filed, and for which agency.

"LONDON, April 16 (Reuters) -", "Kyiv (AFP) -", "BRYANSK, April 16. /TASS/.",
"MELITOPOL, August 28 - RIA Novosti.", "(Reuters) -". A dateline opens an article (or a
wire item pasted into one) and is not part of the first sentence: left in, the parser
reads the city or the agency as the subject ("MOSCOW ... has denied"), and the city
becomes a source or an event's place.
"""

from __future__ import annotations

import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2}(?:,\s\d{4})?"
_PLACE = r"[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,3}(?:,\s?[A-Z][A-Za-z.]+){0,2}"
# The agency tag closes a dateline: "(Reuters) -", "/TASS/.", "- RIA Novosti."
_AGENCY_IN_BRACKETS = r"\([A-Z][\w .&/-]{0,30}\)\s?[-—–]"
_AGENCY_IN_SLASHES = r"/[A-Z][\w -]{1,20}/\."
_AGENCY_AFTER_DASH = r"[-—–]\s?[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,2}\.(?=\s)"

_DATELINE = re.compile(
    rf"""^[ \t]*(?:
        (?:{_PLACE},?\s)?(?:{_MONTH}\.?\s?)?{_AGENCY_IN_BRACKETS}
      | (?:{_PLACE},\s)?{_MONTH}\.?\s?{_AGENCY_IN_SLASHES}
      | (?:{_PLACE},\s)?{_MONTH}\s{_AGENCY_AFTER_DASH}
      | [A-Z]{{3}}[A-Z .'’-]*(?:,\s?[A-Z][A-Za-z.]+){{0,2}}(?:,\s{_MONTH})?\s[—–-]
    )[ \t]*""",
    re.VERBOSE,
)


def dateline_end(text: str, start: int = 0) -> int | None:
    """Where the dateline that opens ``text[start:]`` ends, or None when there is none."""
    window = text[start : start + 160]
    first = window.lstrip(" \t")[:1]
    # Every dateline opens with a capital or a bracket and holds a bracket, slash or dash:
    # most lines are passed over without the pattern being tried.
    if not (first.isupper() or first == "(") or not any(c in window for c in "(/-—–"):
        return None
    match = _DATELINE.match(window)
    if match is None:
        return None
    end = start + match.end()
    # A dateline is followed by the story's first word, never by the end of the line.
    if end >= len(text) or text[end] == "\n":
        return None
    return end
