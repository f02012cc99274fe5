"""Date expressions resolved against the article date, with their precision.

News dates are relative: "on Tuesday morning" in an article of Tuesday 12 March is 12
March; "since Sunday" is 10 March; "the night before Tuesday" is the night of 11-12
March; "in February" is 2024-02. A weekday without "next" means the latest such day on
or before the article date, as reports look back. Expressions inside photo captions
keep their own dates and are marked, so they never date the main event.
"""

import datetime as dt
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from corroborate.models import DatePrecision
from corroborate.nlp.frames import (
    DateFrame,
    article_date,
    doc_text,
    in_excluded,
    register_extensions,
)

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_WD = "|".join(WEEKDAYS)
_MON = "|".join(
    [*MONTHS, "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
_PREP = (
    r"(?:(?:earlier|later|late|early)\s+)?(?:on|since|by|until|till|from|before|after|"
    r"in|during|as of|through|throughout|of)?\s*"
)
_PART = r"(?:early\s+|late\s+)?(?:morning|afternoon|evening|night|day)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("dmy_dots", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")),
    (
        "day_month",
        re.compile(
            rf"\b{_PREP}(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MON})\.?(?:,?\s+(\d{{4}}))?\b",
            re.I,
        ),
    ),
    (
        "month_day",
        re.compile(
            rf"\b{_PREP}({_MON})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b(?!:)", re.I
        ),
    ),
    (
        "night_before",
        re.compile(rf"\b{_PREP}(?:the\s+)?night\s+(?:before|to|into|of)\s+({_WD})\b", re.I),
    ),
    ("overnight", re.compile(rf"\b(?:overnight|late)\s+(?:into|on|to)\s+({_WD})\b", re.I)),
    (
        "weekday",
        re.compile(
            rf"\b{_PREP}(?:(last|this|next|past)\s+)?(?:the\s+)?(?:{_PART}\s+of\s+)?({_WD})"
            rf"(?:\s+{_PART})?\b",
            re.I,
        ),
    ),
    (
        "month_year",
        re.compile(
            rf"\b{_PREP}(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?({_MON})"
            rf"(?:\s+(?:of\s+)?(\d{{4}}))?\b(?!\s+\d)",
            re.I,
        ),
    ),
    (
        "relative_day",
        re.compile(
            r"\b(?:(?:earlier|later)\s+)?(the day before yesterday|yesterday|today|tonight|"
            r"last night|this morning|this afternoon|this evening)\b",
            re.I,
        ),
    ),
    ("relative_span", re.compile(r"\b(last|this|next|past)\s+(week|month|year)\b", re.I)),
    (
        "ago",
        re.compile(
            r"\b(\d+|a|one|two|three|four|five|six|seven)\s+(day|week|month)s?\s+ago\b", re.I
        ),
    ),
    ("year", re.compile(r"\b(?:in|since|by|of)\s+((?:19|20)\d{2})\b(?![-/.]\d)", re.I)),
]
# One cheap scan first: most sentences of a long text hold no date word at all. A date
# word is a whole word (a run of word characters) that is one of these, in any case; a
# digit anywhere counts too.
_OTHER_DATE_WORDS = ("yesterday", "today", "tonight", "night", "morning", "week", "month")
_DATE_WORDS = frozenset([*WEEKDAYS, *_MON.split("|"), *_OTHER_DATE_WORDS, "year", "ago"])
_DATE_WORD = re.compile("|".join(sorted(_DATE_WORDS)), re.I)
_WORD_RUN = re.compile(r"\w+")
_REACH = 48  # characters on each side of a date word that an expression can span
# Each pattern runs only in a window holding a word it cannot match without; most
# windows name no month or no weekday, and the patterns built around one (which, with
# their optional prepositions, are tried at every word) are the costly ones. Every month
# alternative holds its three-letter abbreviation. Case-insensitive matching equals
# comparing lower-cased text except for these four letters, which match ASCII ones.
_NEEDED_WORDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("day_month", "month_day", "month_year"), tuple(m[:3] for m in MONTHS)),
    **dict.fromkeys(("night_before", "overnight", "weekday"), tuple(WEEKDAYS)),
    "relative_day": ("yesterday", "today", "night", "morning", "afternoon", "evening"),
    "relative_span": ("week", "month", "year"),
    "ago": ("ago",),
}
_CASE_FOLDING_TO_ASCII = "İıſK"
# Patterns that need a character whatever the case: a date's hyphen or dot, a century.
_NEEDED_CHARACTERS: dict[str, tuple[str, ...]] = {
    "iso": ("-",),
    "dmy_dots": (".",),
    "year": ("19", "20"),
}
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


@dataclass(frozen=True)
class ResolvedDate:
    start: int
    end: int
    value: str | None
    precision: DatePrecision | None


def _month(name: str) -> int:
    lower = name.lower().rstrip(".")
    if lower in MONTHS:
        return MONTHS.index(lower) + 1
    return _MONTH_ABBR[lower[:4] if lower.startswith("sept") else lower[:3]]


def _latest_weekday(anchor: dt.date, weekday: str, direction: str | None) -> dt.date:
    target = WEEKDAYS.index(weekday.lower())
    back = (anchor.weekday() - target) % 7
    if direction == "next":
        return anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)
    if direction in ("last", "past") and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def _year_for_month(month: int, anchor: dt.date | None, year: str | None) -> int | None:
    if year:
        return int(year)
    if anchor is None:
        return None
    return anchor.year if month <= anchor.month else anchor.year - 1


_Resolved = tuple[str | None, DatePrecision | None]


# Letters that case-insensitive matching takes for ASCII ones ("ſunday", "frıday", an OCR
# or a typesetter's habit): read as those letters, they name the word they were matched as.
_AS_ASCII = str.maketrans({"ſ": "s", "ı": "i", "\u212a": "k", "İ": "I"})


def _resolve(kind: str, m: re.Match[str], anchor: dt.date | None) -> _Resolved:
    g = tuple(group.translate(_AS_ASCII) if group else group for group in m.groups())
    if kind == "iso":
        return _day(int(g[0]), int(g[1]), int(g[2]))
    if kind == "dmy_dots":
        return _day(int(g[2]), int(g[1]), int(g[0]))
    if kind in ("day_month", "month_day"):
        day, month = (g[0], g[1]) if kind == "day_month" else (g[1], g[0])
        year = _year_for_month(_month(month), anchor, g[2])
        return _day(year, _month(month), int(day)) if year else (None, "day")
    if anchor is None and kind not in ("month_year", "year"):
        return None, None
    if kind in ("night_before", "overnight") and anchor is not None:
        day = _latest_weekday(anchor, g[0], None)
        return f"{day - dt.timedelta(days=1)}/{day}", "range"
    if kind == "weekday" and anchor is not None:
        return str(_latest_weekday(anchor, g[1], (g[0] or "").lower() or None)), "day"
    if kind == "month_year":
        month = _month(g[0])
        year = _year_for_month(month, anchor, g[1])
        return (f"{year:04d}-{month:02d}", "month") if year else (None, "month")
    if kind == "year":
        return g[0], "year"
    assert anchor is not None
    if kind == "relative_day":
        phrase = g[0].lower()
        if phrase == "yesterday":
            return str(anchor - dt.timedelta(days=1)), "day"
        if phrase == "the day before yesterday":
            return str(anchor - dt.timedelta(days=2)), "day"
        if phrase == "last night":
            return f"{anchor - dt.timedelta(days=1)}/{anchor}", "range"
        return str(anchor), "day"
    if kind == "relative_span":
        return _relative_span(anchor, g[0].lower(), g[1].lower())
    if kind == "ago":
        count = int(g[0]) if g[0].isdigit() else _NUMBERS[g[0].lower()]
        unit = g[1].lower()
        if unit == "day":
            return str(anchor - dt.timedelta(days=count)), "day"
        if unit == "week":
            return _week(anchor - dt.timedelta(weeks=count))
        month = (anchor.year * 12 + anchor.month - 1) - count
        return f"{month // 12:04d}-{month % 12 + 1:02d}", "month"
    return None, None


def _relative_span(anchor: dt.date, which: str, unit: str) -> tuple[str, DatePrecision]:
    shift = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
    if unit == "week":
        return _week(anchor + dt.timedelta(weeks=shift))
    if unit == "month":
        month = anchor.year * 12 + anchor.month - 1 + shift
        return f"{month // 12:04d}-{month % 12 + 1:02d}", "month"
    return f"{anchor.year + shift:04d}", "year"


def _week(day: dt.date) -> tuple[str, DatePrecision]:
    monday = day - dt.timedelta(days=day.weekday())
    return f"{monday}/{monday + dt.timedelta(days=6)}", "week"


def _day(year: int, month: int, day: int) -> _Resolved:
    try:
        return str(dt.date(year, month, day)), "day"
    except ValueError:
        return None, None


def find_dates(text: str, anchor: dt.date | None) -> list[ResolvedDate]:
    """Every date expression in ``text``, longest first where two overlap."""
    found: list[ResolvedDate] = []
    taken: list[tuple[int, int]] = []
    for offset, window in _windows(text):
        _find_in(window, offset, anchor, found, taken)
    return sorted(found, key=lambda d: d.start)


def _windows(text: str) -> list[tuple[int, str]]:
    """Stretches of text around date words: the full patterns run only there."""
    spans: list[list[int]] = []
    for found_start, found_end in _date_words(text):
        start, end = max(0, found_start - _REACH), min(len(text), found_end + _REACH)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    # Cut at whitespace so no word is split at a window's edge.
    result = []
    for start, end in spans:
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        result.append((start, text[start:end]))
    return result


def _date_words(text: str) -> list[tuple[int, int]]:
    """Date words and digits, in order: what ``\\d|\\b(?:words)\\b`` finds, read word by
    word, which is faster than that regex trying every word at every position."""
    found: list[tuple[int, int]] = []
    for run in _WORD_RUN.finditer(text):
        word = run.group()
        if word.isalpha():
            # Lower-casing is case-insensitive matching for ASCII; other letters ("ſ"
            # matches "s") are left to the regex.
            known = word.lower() in _DATE_WORDS if word.isascii() else _DATE_WORD.fullmatch(word)
            if known:
                found.append(run.span())
        else:
            start = run.start()
            found.extend((start + i, start + i + 1) for i, c in enumerate(word) if c.isdecimal())
    return found


def _find_in(
    text: str,
    offset: int,
    anchor: dt.date | None,
    found: list[ResolvedDate],
    taken: list[tuple[int, int]],
) -> None:
    skipped = {k for k, needed in _NEEDED_CHARACTERS.items() if not any(n in text for n in needed)}
    if not any(c in text for c in _CASE_FOLDING_TO_ASCII):
        lower = text.lower()
        skipped.update(
            k for k, needed in _NEEDED_WORDS.items() if not any(n in lower for n in needed)
        )
    for kind, pattern in _PATTERNS:
        if kind in skipped:
            continue
        for m in pattern.finditer(text):
            start, end = m.start() + offset, m.end() + offset
            while start < end and text[start - offset].isspace():
                start += 1
            if any(s < end and start < e for s, e in taken):
                continue
            if kind == "month_year" and _is_modal_may(m):
                continue
            value, precision = _resolve(kind, m, anchor)
            found.append(ResolvedDate(start, end, value, precision))
            taken.append((start, end))


def _is_modal_may(m: re.Match[str]) -> bool:
    """ "may" with no year and no preposition before it is the modal verb, not the month."""
    if m.group(1).lower() != "may" or m.group(2):
        return False
    return not re.match(r"\s*(in|since|by|until|from|of|during|early|late|mid)\b", m.group(0), re.I)


@Language.factory("corroborate_dates_v1", assigns=["doc._.dates"], requires=[])
def make_dates(nlp: Language, name: str) -> "DateResolver":
    register_extensions()
    return DateResolver()


class DateResolver:
    def __call__(self, doc: Doc) -> Doc:
        anchor = article_date(doc)
        doc._.dates = [
            DateFrame(
                span=(d.start, d.end),
                value=d.value,
                precision=d.precision,
                in_caption=in_excluded(doc, d.start, d.end),
            )
            for d in find_dates(doc_text(doc), anchor)
        ]
        return doc
