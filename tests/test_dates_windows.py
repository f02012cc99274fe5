"""Date words are found word by word, and each pattern is skipped where it cannot match.

Both are shortcuts: every result must be what the plain regular expressions give.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from corroborate.nlp import dates
from corroborate.nlp.dates import ResolvedDate, find_dates

TUESDAY = dt.date(2024, 3, 12)

TEXTS = [
    "On Monday, 12 march 2024, the week_2 report came x² days ago.",
    "ſome said SUNDAY, Friday's raid, a mid-May strike on 2024-03-11, last weeK.",
    "KYIV (Reuters) — Drones hit the city overnight into Tuesday, 12.03.2024.",
    "Last night, this morning, in 1999 and since 2014, two days ago; agony, Mayor.",
    "No date here at all, only words and a number like 45 or ٣ in another script.",
    "The night before Wednesday; early September; the beginning of June 2023; next month.",
    "Drones came last night.",
    "Talks were held on Dec 5, and in 1990.",
    "",
]


def _regex_date_words(text: str) -> list[tuple[int, int]]:
    words = "|".join(sorted(dates._DATE_WORDS))
    return [m.span() for m in re.finditer(rf"\d|\b(?:{words})\b", text, re.I)]


@pytest.mark.parametrize("text", TEXTS)
def test_dates_windows_date_words_are_what_the_regex_finds(text: str) -> None:
    assert dates._date_words(text) == _regex_date_words(text)


def _every_pattern(text: str, anchor: dt.date | None) -> list[ResolvedDate]:
    """find_dates without skipping any pattern in any window."""
    found: list[ResolvedDate] = []
    taken: list[tuple[int, int]] = []
    for offset, window in dates._windows(text):
        for kind, pattern in dates._PATTERNS:
            for m in pattern.finditer(window):
                start, end = m.start() + offset, m.end() + offset
                while start < end and window[start - offset].isspace():
                    start += 1
                if any(s < end and start < e for s, e in taken):
                    continue
                if kind == "month_year" and dates._is_modal_may(m):
                    continue
                value, precision = dates._resolve(kind, m, anchor)
                found.append(ResolvedDate(start, end, value, precision))
                taken.append((start, end))
    return sorted(found, key=lambda d: d.start)


@pytest.mark.parametrize("text", TEXTS)
def test_dates_windows_skipped_patterns_change_nothing(text: str) -> None:
    assert find_dates(text, TUESDAY) == _every_pattern(text, TUESDAY)


def test_dates_windows_exotic_letters_still_find_the_date() -> None:
    # The Kelvin sign matches "k" case-insensitively: a lower-cased window holds no
    # "week", so such a window must be searched with every pattern.
    found = find_dates("Shelling went on last wee\u212a.", TUESDAY)
    assert [(d.value, d.precision) for d in found] == [("2024-03-04/2024-03-10", "week")]
