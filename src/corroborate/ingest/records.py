"""Build :class:`Article` records the same way for every reader.

JSON, JSON Lines and Telegram exports all give loosely typed fields; this is where
they are checked and turned into one kind of record, with its id and language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from corroborate.errors import InputError
from corroborate.ingest.identity import article_id
from corroborate.ingest.language import detect_language, normalise_language
from corroborate.models import Article

RECORD_FIELDS = ("url", "outlet", "published", "language", "title", "text")


def make_article(
    text: str,
    source: str,
    format: str,
    *,
    url: str | None = None,
    outlet: str | None = None,
    language: str | None = None,
    published: dt.date | None = None,
    title: str | None = None,
    default_date: dt.date | None = None,
) -> Article:
    """An :class:`Article` with its id, and its language detected unless given."""
    return Article(
        id=article_id(text),
        text=text,
        source=source,
        format=format,
        url=url,
        outlet=outlet,
        language=language if language is not None else detect_language(text),
        published=published if published is not None else default_date,
        title=title,
    )


def parse_published(value: object) -> dt.date | None:
    """The date of ``YYYY-MM-DD`` or an ISO date-time; ``None`` when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    cleaned = value.strip()
    try:
        return dt.datetime.fromisoformat(cleaned).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(cleaned[:10])
    except ValueError:
        return None


def article_from_record(
    record: object,
    source: str,
    format: str,
    *,
    default_date: dt.date | None = None,
) -> Article:
    """An article from a JSON object with ``text`` and optional ``url``, ``outlet``,
    ``published``, ``language`` and ``title``; raise :class:`InputError` if unusable."""
    if not isinstance(record, Mapping):
        kind = type(record).__name__
        raise InputError(
            source, f"expected a JSON object with a 'text' field, found a JSON {_json_kind(kind)}"
        )
    text = record.get("text")
    if text is None:
        raise InputError(source, "record has no 'text' field; add the article text as 'text'")
    if not isinstance(text, str):
        raise InputError(source, "'text' must be a string holding the article text")
    if not text.strip():
        raise InputError(source, "record has an empty 'text'; add the article text or drop it")
    return make_article(
        text,
        source,
        format,
        url=_optional_string(record.get("url")),
        outlet=_optional_string(record.get("outlet")),
        language=normalise_language(record.get("language")),
        published=parse_published(record.get("published")),
        title=_optional_string(record.get("title")),
        default_date=default_date,
    )


def _optional_string(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _json_kind(python_type: str) -> str:
    return {
        "list": "array",
        "str": "string",
        "int": "number",
        "float": "number",
        "bool": "boolean",
        "NoneType": "null",
    }.get(python_type, python_type)
