"""Read articles from files and folders, choosing the reader by file type.

A batch never stops on bad input: every file or record that cannot be read is
yielded as an :class:`InputError` naming it, and reading goes on with the next one.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from corroborate.errors import InputError
from corroborate.ingest.decoding import BINARY_HINT, read_text
from corroborate.ingest.html_page import parse_html, read_html
from corroborate.ingest.json_file import load_json, read_json
from corroborate.ingest.jsonl import read_jsonl
from corroborate.ingest.plain_text import parse_dated_text, read_plain_text
from corroborate.ingest.records import article_from_record
from corroborate.ingest.telegram import is_telegram_export, parse_telegram_export
from corroborate.models import Article

logger = logging.getLogger(__name__)

ReadResult = Article | InputError


class Reader(Protocol):
    """A reader of one file format."""

    def __call__(
        self, path: Path, *, default_date: dt.date | None = None
    ) -> Iterator[ReadResult]: ...


READERS: dict[str, Reader] = {
    ".txt": read_plain_text,
    ".text": read_plain_text,
    ".md": read_plain_text,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
}
SUPPORTED_FORMATS = (
    ".txt/.text/.md (plain or dated text), .jsonl/.ndjson (JSON Lines), .json "
    "(an article, an array of articles or a Telegram export), .html/.htm (a saved page)"
)

_IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".svg", ".ico")
_MEDIA = (".mp3", ".mp4", ".m4a", ".wav", ".ogg", ".opus", ".webm", ".mov", ".avi", ".mkv")
_ARCHIVES = (".zip", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".7z", ".rar", ".tar")
_DATA = (".db", ".sqlite", ".sqlite3", ".duckdb", ".parquet", ".pkl", ".pickle", ".npy", ".npz")
_COMPILED = (".exe", ".dll", ".so", ".dylib", ".o", ".a", ".pyc", ".class", ".jar", ".wasm")
_PAGE_ASSETS = (".css", ".js", ".mjs", ".map", ".woff", ".woff2", ".ttf", ".otf", ".eot")
# Skipped silently in a folder walk: these never hold an article.
NOT_ARTICLES = frozenset(_IMAGES + _MEDIA + _ARCHIVES + _DATA + _COMPILED + _PAGE_ASSETS)
# Formats that may well hold an article but that no reader understands: always reported.
UNSUPPORTED_DOCUMENTS = frozenset(
    (".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".xls", ".xlsx", ".csv", ".xml", ".rss")
)


def read_paths(
    paths: Sequence[Path], *, default_date: dt.date | None = None
) -> Iterator[ReadResult]:
    """Articles from files and folders (folders recursively, in name order).

    Hidden files and folders are skipped inside folders. ``default_date`` dates the
    articles whose input gives no date.
    """
    for path in paths:
        yield from read_file(Path(path), default_date=default_date)


def read_file(path: Path, *, default_date: dt.date | None = None) -> Iterator[ReadResult]:
    """Articles from one file (or from a folder, walked as by :func:`read_paths`)."""
    try:
        is_folder = path.is_dir()
        exists = is_folder or path.exists()
    except OSError as error:
        yield InputError(str(path), f"cannot access the path ({error.strerror or error})")
        return
    if not exists:
        yield InputError(str(path), "no such file or folder; check the path")
    elif is_folder:
        yield from _read_folder(path, default_date)
    else:
        yield from _guarded(_read_by_type, path, default_date)


def _read_by_type(path: Path, default_date: dt.date | None) -> Iterator[ReadResult]:
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is not None:
        yield from reader(path, default_date=default_date)
    elif suffix in UNSUPPORTED_DOCUMENTS:
        raise InputError(
            str(path),
            f"'{suffix}' files are not supported; save the article in one of: {SUPPORTED_FORMATS}",
        )
    else:
        yield from _read_unknown(path, default_date)


def _read_unknown(path: Path, default_date: dt.date | None) -> Iterator[ReadResult]:
    """A file of unknown type is read as text, its format recognised by its content."""
    source = str(path)
    try:
        content = read_text(path)
    except InputError as error:
        if error.reason != BINARY_HINT and "decode" not in error.reason:
            raise  # empty or unreadable: the reason says it all
        kind = (
            f"'{path.suffix}' is not a supported format"
            if path.suffix
            else "a file without an extension is not a supported format"
        )
        if error.reason == BINARY_HINT:
            problem = f"{kind} and the file looks binary, not text"
        else:
            problem = f"{kind} and as text it fails: {error.reason}"
        raise InputError(source, f"{problem}; supported formats: {SUPPORTED_FORMATS}") from None
    opening = content.lstrip()[:100].lower()
    if opening.startswith(("<!doctype html", "<html")):
        yield parse_html(content, source, default_date=default_date)
    elif opening.startswith("{"):
        document = load_json(content, source)
        if is_telegram_export(document):
            yield from parse_telegram_export(document, source)
        else:
            yield article_from_record(document, source, "json", default_date=default_date)
    else:
        yield parse_dated_text(content, source, default_date=default_date)


def _guarded(
    read: Callable[[Path, dt.date | None], Iterator[ReadResult]],
    path: Path,
    default_date: dt.date | None,
) -> Iterator[ReadResult]:
    """Run a reader so that no failure, expected or not, ends the batch."""
    try:
        yield from read(path, default_date)
    except InputError as error:
        yield error
    except Exception as error:  # a bug in a reader or a library must not end the batch
        logger.exception("unexpected failure reading %s", path)
        yield InputError(
            str(path),
            f"unexpected error while reading ({type(error).__name__}: {error}); "
            "this is a bug in Corroborate, please report it with the file",
        )


def _read_folder(folder: Path, default_date: dt.date | None) -> Iterator[ReadResult]:
    found = False
    for item in _walk(folder, set()):
        if isinstance(item, InputError):
            yield item
            continue
        found = True
        yield from _guarded(_read_by_type, item, default_date)
    if not found:
        yield InputError(
            str(folder), f"the folder holds no article files; supported: {SUPPORTED_FORMATS}"
        )


def _walk(folder: Path, visited: set[Path]) -> Iterator[Path | InputError]:
    """Candidate article files under ``folder``, in name order, hidden ones left out."""
    real = folder.resolve()
    if real in visited:  # a symbolic link back up the tree
        return
    visited.add(real)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield InputError(
            str(folder),
            f"cannot list the folder ({error.strerror or error}); check its permissions",
        )
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if is_folder:
            yield from _walk(path, visited)
        elif path.suffix.lower() not in NOT_ARTICLES:
            yield path
