"""Typed, checked access to the JSON of one gold file.

Gold files are written by hand by people who never see the code, so every failed check
raises :class:`GoldFormatError` naming the file, the field (``claims[3].quote``), what
was found and how to fix it. Unknown keys are never looked at, so they are ignored.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import NoReturn

from rapidfuzz import fuzz

from corroborate.errors import GoldFormatError

JsonObject = dict[str, object]

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STRAIGHTENED_QUOTES = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"}
)

# What each key should hold, quoted in "missing" and "wrong type" messages.
_HINTS = {
    "doc": "the article's path relative to the gold file's folder, e.g. \"a.txt\"",
    "id": 'a short name unique within its list, e.g. "C1"',
    "quote": "the claim's words copied exactly from the article",
    "source": 'the id of the gold entity that makes the claim, or a list of ids, e.g. "legion"',
    "canonical": 'the full standard name, e.g. "Andriy Yusov"',
    "mentions": 'a list of the names exactly as written in the article, e.g. ["Yusov"]',
    "country": 'a two-letter ISO 3166-1 country code, e.g. "RU"',
    "lat": "a latitude in degrees, or null when unknown",
    "lon": "a longitude in degrees, or null when unknown",
    "tolerance_km": "the largest acceptable error in kilometres, e.g. 10",
    "admin1": 'the first-level region, e.g. "Belgorod Oblast"',
    "a": "the id of a claim in this file's claims",
    "b": "the id of a claim in this file's claims",
    "claim": "the id of a claim in this file's claims",
    "text": "the date expression copied exactly from the article",
    "value": 'a date such as "2024-03-12", "2024-03" or a range "2024-03-11/2024-03-12"',
    "date": 'a date such as "2024-03-12"',
    "type": 'the event type, e.g. "Battles"',
    "place": "the id of a gold place, or a free-text place name",
    "what": 'what is counted, e.g. "wounded"',
}


def describe(value: object) -> str:
    """A JSON-flavoured description of a value for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"true/false ({json.dumps(value)})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text ({json.dumps(shown, ensure_ascii=False)})"
    if isinstance(value, list):
        return "a list"
    return "an object"


class FieldReader:
    """Reads the fields of one gold file; every failure names the file and field."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, field: str, problem: str) -> NoReturn:
        raise GoldFormatError(str(self.path), field, problem)

    def _wrong(self, field: str, key: str, expected: str, value: object) -> NoReturn:
        hint = _HINTS.get(key)
        fix = f"; write {hint}" if hint else ""
        self.fail(field, f"expected {expected}, found {describe(value)}{fix}")

    def load_object(self) -> JsonObject:
        """The file's top-level JSON object."""
        try:
            raw = self.path.read_text(encoding="utf-8")
        except OSError as error:
            self.fail("(file)", f"cannot be read ({error.strerror or error}); check the path")
        except UnicodeDecodeError:
            self.fail("(file)", "is not UTF-8 text; save it as UTF-8")
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as error:
            self.fail(
                "(file)",
                f"is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}; "
                "fix the syntax there (a trailing comma or a missing quote is the usual cause)",
            )
        if not isinstance(data, dict):
            self.fail("(file)", f"expected one JSON object {{...}}, found {describe(data)}")
        return data

    def object_list(self, data: Mapping[str, object], key: str) -> list[JsonObject] | None:
        """The list of objects under ``key``, or None when the file leaves it out."""
        if key not in data:
            return None
        value = data[key]
        if not isinstance(value, list):
            self.fail(key, f"expected a list of objects [{{...}}, ...], found {describe(value)}")
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                self.fail(f"{key}[{index}]", f"expected an object {{...}}, found {describe(item)}")
        return value

    def text_list_field(self, data: Mapping[str, object], key: str) -> tuple[str, ...] | None:
        """The list of strings under ``key``, or None when the file leaves it out."""
        if key not in data:
            return None
        return self.strings(data[key], key, key, allow_empty=True)

    def strings(self, value: object, field: str, key: str, *, allow_empty: bool) -> tuple[str, ...]:
        if not isinstance(value, list):
            self._wrong(field, key, 'a list of strings ["...", ...]', value)
        if not value and not allow_empty:
            self.fail(field, f"is empty; write {_HINTS.get(key, 'at least one string')}")
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self._wrong(f"{field}[{index}]", key, "a non-empty string", item)
        return tuple(value)

    def text(self, obj: Mapping[str, object], key: str, where: str) -> str:
        """A required non-empty string."""
        field = f"{where}.{key}" if where else key
        if key not in obj:
            self.fail(field, f"is missing; add {_HINTS.get(key, 'it')}")
        value = obj[key]
        if not isinstance(value, str) or not value.strip():
            self._wrong(field, key, "a non-empty string", value)
        return value

    def optional_text(self, obj: Mapping[str, object], key: str, where: str) -> str | None:
        """A string or null; absent means null."""
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self._wrong(f"{where}.{key}", key, "a string or null", value)
        return value

    def optional_bool(self, obj: Mapping[str, object], key: str, where: str) -> bool | None:
        value = obj.get(key)
        if value is None or isinstance(value, bool):
            return value
        self.fail(f"{where}.{key}", f"expected true or false (no quotes), found {describe(value)}")

    def number_or_null(self, obj: Mapping[str, object], key: str, where: str) -> float | None:
        """A required key holding a number or null."""
        field = f"{where}.{key}"
        if key not in obj:
            self.fail(field, f"is missing; add {_HINTS.get(key, 'a number or null')}")
        value = obj[key]
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self._wrong(field, key, "a number (no quotes) or null", value)
        return float(value)

    def date_value(self, value: object, field: str, key: str) -> str:
        """``YYYY-MM-DD``, ``YYYY-MM`` or a range ``A/B`` of those, as written."""
        if not isinstance(value, str):
            self._wrong(field, key, "a date string", value)
        parts = value.split("/")
        if len(parts) > 2:
            self.fail(field, f"{json.dumps(value)} has more than one '/'; a range is A/B")
        for part in parts:
            if not _valid_date(part):
                self.fail(
                    field,
                    f"{json.dumps(value)} is not a date; write {_HINTS['value']}",
                )
        if len(parts) == 2 and parts[0] > parts[1]:
            self.fail(field, f"the range {value} ends before it starts; swap its two ends")
        return value

    def day(self, value: object, field: str) -> dt.date | None:
        """A ``YYYY-MM-DD`` date or null."""
        if value is None:
            return None
        if isinstance(value, str) and _DAY.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self._wrong(field, "date", "a date YYYY-MM-DD or null", value)

    def require_in_text(self, text: str, needle: str, field: str, doc: Path) -> None:
        """Fail unless ``needle`` occurs verbatim in the article text."""
        if needle in text:
            return
        self.fail(
            field, f"is not an exact substring of the article {doc}; {_closest(text, needle)}"
        )


def _valid_date(part: str) -> bool:
    month = _MONTH.match(part)
    if month:
        return 1 <= int(month.group(2)) <= 12
    if not _DAY.match(part):
        return False
    try:
        dt.date.fromisoformat(part)
    except ValueError:
        return False
    return True


def _closest(text: str, needle: str) -> str:
    """Advice for a string missing from the article: the passage it most resembles."""
    straight_text = text.translate(_STRAIGHTENED_QUOTES)
    if needle.translate(_STRAIGHTENED_QUOTES) in straight_text:
        return "its quote marks differ from the article's (curly vs straight); copy them as written"
    if " ".join(needle.split()) in " ".join(text.split()):
        return "its spaces or line breaks differ from the article's; copy them as written"
    alignment = fuzz.partial_ratio_alignment(needle, text)
    if alignment is not None and alignment.score >= 60:
        start, end = alignment.dest_start, alignment.dest_end
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
        passage = text[start:end].strip()
        return f"the closest passage is {json.dumps(passage, ensure_ascii=False)}; copy it verbatim"
    return "copy it verbatim from the article (curly quotes and spelling included)"
