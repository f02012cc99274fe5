"""Finding and reading the article a gold file (or a clusters file) points to.

``doc`` is relative to ``--corpus DIR`` when one is given, else to the gold file's own
folder (a corpus-relative path that does not exist falls back to the gold file's
folder). A ``.txt`` article is dated text; a ``.json`` article is an object with
``text`` and optional ``url``, ``outlet``, ``language``, ``published``, ``title``, whose
text is itself read as dated text when it begins with a ``date YYYY-MM-DD`` header.

The gold ``date`` is the anchor for relative dates: an article without a date of its
own gets it; an article whose own date differs is reported, because one of the two is
then wrong.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from pathlib import Path

from corroborate.errors import InputError
from corroborate.evaluation.gold_checks import FieldReader, describe
from corroborate.models import Article

_OPTIONAL_TEXT_KEYS = ("url", "outlet", "language", "title")


def resolve_doc(reader: FieldReader, doc: str, corpus: Path | None, field: str = "doc") -> Path:
    """The article file named by ``doc``; fails on ``field`` when it does not exist."""
    candidates: list[Path] = []
    if corpus is not None:
        candidates.append(corpus / doc)
    candidates.append(reader.path.parent / doc)
    for candidate in candidates:
        if candidate.is_file():
            return Path(os.path.normpath(candidate))
    tried = " or ".join(str(candidate) for candidate in candidates)
    where = "--corpus" if corpus is not None else "the gold file's folder"
    reader.fail(
        field,
        f"the article {doc!r} was not found (looked for {tried}); give its path relative "
        f"to {where}",
    )


def read_article(
    reader: FieldReader, doc: Path, date: dt.date | None, field: str = "doc"
) -> Article:
    """The article at ``doc`` (``.txt`` or ``.json``), anchored on the gold ``date``.

    Problems with the article are reported on ``field`` of the gold file.
    """
    suffix = doc.suffix.casefold()
    if suffix not in (".txt", ".json"):
        reader.fail(field, f"{doc} is neither a .txt nor a .json article; convert it to one")
    try:
        raw = doc.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reader.fail(field, f"the article {doc} cannot be read as UTF-8 text ({error})")
    try:
        article = (
            _dated_text(raw, doc, date)
            if suffix == ".txt"
            else _json_article(reader, raw, doc, date, field)
        )
    except InputError as error:
        reader.fail(field, f"the article cannot be read: {error}")
    if date is not None and article.published not in (None, date):
        reader.fail(
            "date",
            f"{date.isoformat()} differs from the article's own date "
            f"{article.published.isoformat() if article.published else ''} in {doc}; "
            "make them equal, or set date to null to use the article's",
        )
    if article.published is None and date is not None:
        article = dataclasses.replace(article, published=date)
    return article


def _dated_text(raw: str, doc: Path, date: dt.date | None) -> Article:
    from corroborate.ingest import parse_dated_text

    return parse_dated_text(raw, str(doc), default_date=date)


def _json_article(
    reader: FieldReader, raw: str, doc: Path, date: dt.date | None, field: str
) -> Article:
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:
        reader.fail(
            field, f"the article {doc} is not valid JSON ({error.msg} at line {error.lineno})"
        )
    if not isinstance(record, dict):
        reader.fail(field, f"the article {doc} must be a JSON object, found {describe(record)}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        reader.fail(field, f"the article {doc} has no non-empty 'text' string; add the text")
    extras: dict[str, str] = {}
    for key in _OPTIONAL_TEXT_KEYS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            reader.fail(
                field, f"'{key}' in the article {doc} must be a string, not {describe(value)}"
            )
        if value:
            extras[key] = value
    published = _published(reader, record.get("published"), doc, field)
    # Without a header the whole text is the article; with one, the header is dropped.
    article = _dated_text(text, doc, published or date)
    return dataclasses.replace(
        article,
        format="json",
        url=extras.get("url"),
        outlet=extras.get("outlet"),
        language=extras.get("language", article.language),
        title=extras.get("title"),
        published=published or article.published,
    )


def _published(reader: FieldReader, value: object, doc: Path, field: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    reader.fail(
        field, f"'published' in the article {doc} must be a date YYYY-MM-DD, not {describe(value)}"
    )
