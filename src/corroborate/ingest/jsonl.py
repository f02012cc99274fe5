"""JSON Lines articles: one JSON object per line, as scrapers and exporters write them.

Each line stands alone, so one broken line is reported (as ``path:LINE``) and the
other lines are still read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from corroborate.errors import InputError
from corroborate.ingest.decoding import read_text
from corroborate.ingest.records import article_from_record
from corroborate.models import Article


def read_jsonl(
    path: Path, *, default_date: dt.date | None = None
) -> Iterator[Article | InputError]:
    """One article per non-blank line of ``path``; an :class:`InputError` per bad line."""
    yield from parse_jsonl(read_text(path), str(path), default_date=default_date)


def parse_jsonl(
    content: str, source: str, *, default_date: dt.date | None = None
) -> Iterator[Article | InputError]:
    """Read the lines of ``content``, naming each record ``source:LINE``."""
    # Not splitlines(): JSON strings may hold raw U+2028 and similar separators.
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        line_source = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(
                line_source,
                f"line is not valid JSON ({error.msg} at column {error.colno}); "
                "fix or remove the line",
            )
            continue
        try:
            yield article_from_record(record, line_source, "jsonl", default_date=default_date)
        except InputError as error:
            yield error
