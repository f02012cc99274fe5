"""Russian date expressions resolved against the article's date.

Kept simple on purpose: "12 марта" and "12 марта 2024 года" (a day), "в марте" (a
month), a weekday ("во вторник", "в ночь на вторник", "с воскресенья": the latest such
day on or before the article's date, as for English), and "сегодня", "вчера",
"накануне", "позавчера". A date after "с"/"со" ("с воскресенья") is marked as the
start of something.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from corroborate.models import DatePrecision
from corroborate.nlp.frames import DateFrame

_MONTHS = (
    "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
    "ноябр", "декабр",
)  # fmt: skip
_MONTH_GENITIVE = (
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
_MONTH_LOCATIVE = (
    "январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре"
)
# Weekdays in any case, Monday first.
_WEEKDAYS = (
    r"понедельник\w*", r"вторник\w*", r"сред[аыуе]", r"четверг\w*", r"пятниц[аыуе]",
    r"суббот[аыуе]", r"воскресень[ея]",
)  # fmt: skip
_RELATIVE = {"сегодня": 0, "вчера": -1, "накануне": -1, "позавчера": -2}

_DAY = re.compile(
    rf"\b(\d{{1,2}})\s+({_MONTH_GENITIVE})(?:\s+(\d{{4}})(?:\s*(?:года|г\.))?)?", re.I
)
_MONTH = re.compile(rf"\bв\s+({_MONTH_LOCATIVE})(?:\s+(\d{{4}})\s+года)?", re.I)
_WEEKDAY = re.compile(r"\b(?:" + "|".join(f"({w})" for w in _WEEKDAYS) + r")\b", re.I)
_RELATIVE_WORD = re.compile(r"\b(" + "|".join(_RELATIVE) + r")\b", re.I)
_SINCE = re.compile(r"\bс[о]?\s+(?:(?:самого\s+)?(?:утра|вечера|ночи|обеда)\s+)?$", re.I)


@dataclass
class RuDate:
    frame: DateFrame
    since: bool  # "с воскресенья": when something began


def find_dates(text: str, anchor: dt.date | None) -> list[RuDate]:
    """Every date expression of the text, in order, resolved when the anchor is known."""
    found: list[tuple[int, int, str | None, DatePrecision | None]] = []
    for m in _DAY.finditer(text):
        value = _day(anchor, int(m.group(1)), _month_of(m.group(2)), m.group(3))
        found.append((m.start(), m.end(), value, "day" if value else None))
    for m in _MONTH.finditer(text):
        month = _month_of(m.group(1))
        year = int(m.group(2)) if m.group(2) else _year_for(anchor, month)
        value = f"{year:04d}-{month:02d}" if year else None
        found.append((m.start() + 2, m.end(), value, "month" if value else None))
    for m in _WEEKDAY.finditer(text):
        weekday = next(n for n, g in enumerate(m.groups()) if g)
        value = str(_latest(anchor, weekday)) if anchor else None
        found.append((m.start(), m.end(), value, "day" if value else None))
    for m in _RELATIVE_WORD.finditer(text):
        offset = _RELATIVE[m.group(1).lower()]
        value = str(anchor + dt.timedelta(days=offset)) if anchor else None
        found.append((m.start(), m.end(), value, "day" if value else None))
    found.sort()
    dates: list[RuDate] = []
    for start, end, value, precision in found:
        if dates and start < dates[-1].frame.span[1]:
            continue  # "12 марта" holds no second date
        since = bool(_SINCE.search(text[max(0, start - 20) : start]))
        dates.append(RuDate(DateFrame((start, end), value, precision), since))
    return dates


def _month_of(word: str) -> int:
    lower = word.lower()
    # "ма" (май) is a prefix of no other month's stem, but "март" starts with it.
    for n, stem in sorted(enumerate(_MONTHS, 1), key=lambda item: -len(item[1])):
        if lower.startswith(stem):
            return n
    raise ValueError(word)


def _year_for(anchor: dt.date | None, month: int) -> int | None:
    if anchor is None:
        return None
    return anchor.year if month <= anchor.month else anchor.year - 1


def _day(anchor: dt.date | None, day: int, month: int, year: str | None) -> str | None:
    chosen = int(year) if year else _year_for(anchor, month)
    if chosen is None:
        return None
    try:
        return dt.date(chosen, month, day).isoformat()
    except ValueError:
        return None


def _latest(anchor: dt.date, weekday: int) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)
