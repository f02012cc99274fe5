"""JSON articles: one object with the article fields, or an array of such objects.

A ``.json`` file holding a Telegram channel export (an object with ``messages``) is
handed to the Telegram reader, since exports keep that name whatever they contain.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from corroborate.errors import InputError
from corroborate.ingest.decoding import read_text
from corroborate.ingest.records import article_from_record
from corroborate.ingest.telegram import is_telegram_export, parse_telegram_export
from corroborate.models import Article


def read_json(path: Path, *, default_date: dt.date | None = None) -> Iterator[Article | InputError]:
    """The articles of a ``.json`` file; array items are named ``path[INDEX]``."""
    source = str(path)
    document = load_json(read_text(path), source)
    if is_telegram_export(document):
        yield from parse_telegram_export(document, source)
    elif isinstance(document, list):
        if not document:
            raise InputError(source, "the JSON array is empty; it holds no articles")
        for index, record in enumerate(document):
            try:
                yield article_from_record(
                    record, f"{source}[{index}]", "json", default_date=default_date
                )
            except InputError as error:
                yield error
    else:
        yield article_from_record(document, source, "json", default_date=default_date)


def load_json(content: str, source: str) -> Any:
    """Parse ``content`` as one JSON document; raise :class:`InputError` if it is not."""
    try:
        return json.loads(content)
    except json.JSONDecodeError as error:
        hint = "fix the file"
        if error.msg == "Extra data":
            hint = "if it holds one object per line, rename it to .jsonl"
        raise InputError(
            source,
            f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno}); {hint}",
        ) from None
