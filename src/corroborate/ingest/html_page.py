"""Saved web pages: the article text and metadata extracted with trafilatura.

Reader comments are left out (they are not the article). The publication date is taken
from the page's metadata only: searching the body for dates picks up dates the article
merely mentions, and a wrong article date would misplace every relative date in it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import trafilatura

from corroborate.errors import InputError
from corroborate.ingest.decoding import read_bytes, read_text
from corroborate.ingest.records import make_article, parse_published
from corroborate.models import Article

NO_ARTICLE = "no article text found in the HTML page (is it an index or login page?)"

_DATE_PARAMS = {"original_date": True, "extensive_search": False}
# A page holds an article when at least one extracted line reads like a sentence; lists
# of headlines, menus and form labels do not end in sentence punctuation.
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s")
_MIN_SENTENCE_LETTERS = 30
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_CHARSET_WINDOW = 4096


def read_html(path: Path, *, default_date: dt.date | None = None) -> Iterator[Article]:
    """The article of a saved page; raise :class:`InputError` if it holds none."""
    yield parse_html(_read_page(path), str(path), default_date=default_date)


def _read_page(path: Path) -> str:
    """The page as text; failing the usual encodings, in the charset the page declares."""
    try:
        return read_text(path)
    except InputError as error:
        if "decode" not in error.reason:
            raise
        data = read_bytes(path)
        declared = _DECLARED_CHARSET.search(data[:_CHARSET_WINDOW])
        if declared is None:
            raise
        try:
            page = data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            raise error from None
        return page.replace("\r\n", "\n").replace("\r", "\n")


def parse_html(html: str, source: str, *, default_date: dt.date | None = None) -> Article:
    """Extract the article in ``html``, read from ``source``."""
    fields = _extract(html, source)
    text = fields.get("text")
    if not isinstance(text, str) or not has_article_text(text):
        raise InputError(source, NO_ARTICLE)
    return make_article(
        text,
        source,
        "html",
        url=_string(fields.get("url")),
        outlet=_string(fields.get("sitename")),
        published=parse_published(fields.get("date")),
        title=_string(fields.get("title")),
        default_date=default_date,
    )


def has_article_text(text: str) -> bool:
    """Whether extracted text has at least one line of running prose."""
    for line in text.split("\n"):
        if _LIST_ITEM.match(line) or not _SENTENCE_END.search(line):
            continue
        if sum(1 for char in line if char.isalpha()) >= _MIN_SENTENCE_LETTERS:
            return True
    return False


def _extract(html: str, source: str) -> dict[str, Any]:
    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception as error:  # trafilatura and lxml raise many kinds on broken pages
        raise InputError(
            source, f"cannot parse the HTML page ({type(error).__name__}: {error})"
        ) from None
    if document is None:
        return {}
    if isinstance(document, dict):
        return document
    fields: dict[str, Any] = document.as_dict()
    return fields


def _string(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
