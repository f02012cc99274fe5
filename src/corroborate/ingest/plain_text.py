"""Plain-text articles, optionally opened by a ``date YYYY-MM-DD`` header.

The dated-text format is what hand-collected articles look like: the header may sit on
its own line or run straight into the text on the same line
(``date 2024-03-12 The group said...``). The header is not part of the article: the
article text starts after it, with the whitespace that follows the header removed and
everything else kept exactly, because every later offset points into it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from corroborate.errors import InputError
from corroborate.ingest.decoding import read_text
from corroborate.ingest.records import make_article
from corroborate.models import Article

HEADER_FORM = "'date YYYY-MM-DD' followed by a space or a new line, e.g. 'date 2024-03-12'"

# A header is "date" and a token starting with a digit; prose such as "Date palms..."
# is not mistaken for one, while a mistyped date is reported instead of read as text.
_HEADER = re.compile(r"\A\s*(?i:date):?[ \t]+(?P<value>\d\S*)(?P<gap>\s+|\Z)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_dated_text(raw: str, source: str, *, default_date: dt.date | None = None) -> Article:
    """Read one article in the dated-text format, or plain text if it has no header.

    Without a header the whole text is the article, dated ``default_date``.
    """
    if not raw.strip():
        raise InputError(source, "file is empty")
    match = _HEADER.match(raw)
    if match is None:
        return make_article(raw, source, "text", default_date=default_date)
    value = match.group("value")
    published = _parse_header_date(value)
    if published is None:
        raise InputError(source, f"malformed date header 'date {value}'; expected {HEADER_FORM}")
    text = raw[match.end() :]
    if not text.strip():
        raise InputError(source, "has a date header but no article text after it")
    return make_article(text, source, "dated-text", published=published)


def read_plain_text(path: Path, *, default_date: dt.date | None = None) -> Iterator[Article]:
    """The one article of a ``.txt``/``.text``/``.md`` file; raise :class:`InputError`."""
    yield parse_dated_text(read_text(path), str(path), default_date=default_date)


def _parse_header_date(value: str) -> dt.date | None:
    if not _ISO_DATE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
