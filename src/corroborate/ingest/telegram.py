"""Telegram channel exports: the ``result.json`` that Telegram Desktop writes.

Every message with text becomes one article named ``path#MESSAGE-ID``; service
messages (pins, joins) and posts without text (a photo with no caption) are skipped
silently, since they carry no claims.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from corroborate.errors import InputError
from corroborate.ingest.records import make_article, parse_published
from corroborate.models import Article


def is_telegram_export(document: Any) -> bool:
    """Whether a parsed JSON document is a Telegram chat or channel export."""
    return (
        isinstance(document, Mapping)
        and isinstance(document.get("messages"), list)
        and "text" not in document
    )


def parse_telegram_export(document: Mapping[str, Any], source: str) -> Iterator[Article]:
    """One article per text message of the export read from ``source``."""
    outlet = _string(document.get("name"))
    username = _string(document.get("username"))
    found = False
    for message in document["messages"]:
        if not isinstance(message, Mapping) or message.get("type", "message") != "message":
            continue
        text = message_text(message.get("text"))
        if not text.strip():
            continue
        found = True
        message_id = message.get("id")
        url = f"https://t.me/{username.lstrip('@')}/{message_id}" if username else None
        yield make_article(
            text,
            f"{source}#{message_id}",
            "telegram",
            url=url,
            outlet=outlet,
            published=_message_date(message),
        )
    if not found:
        raise InputError(source, "the Telegram export holds no message with text")


def message_text(value: object) -> str:
    """The plain text of a message: a string, or a list of strings and formatted parts."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return ""
    parts: list[str] = []
    for part in value:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, Mapping) and isinstance(part.get("text"), str):
            parts.append(part["text"])
    return "".join(parts)


def _message_date(message: Mapping[str, Any]) -> dt.date | None:
    published = parse_published(message.get("date"))
    if published is not None:
        return published
    unixtime = message.get("date_unixtime")
    if isinstance(unixtime, str) and unixtime.isdigit():
        return dt.datetime.fromtimestamp(int(unixtime), tz=dt.UTC).date()
    return None


def _string(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
