"""Opening a ledger read-only: an existing file of the current schema, never changed.

A reader such as the web server must not create a missing ledger, upgrade an old one or
build its search index; SQLite's ``mode=ro`` makes any write fail, and the checks here
say, before that, what is wrong with the file and which command puts it right.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from corroborate.errors import LedgerError
from corroborate.store import schema


def connect_read_only(path: Path, timeout: float) -> tuple[sqlite3.Connection, bool]:
    """A read-only connection to the ledger at ``path``, and whether search can be used.

    Raise LedgerError when there is no file, when it is not a ledger, or when its schema
    is not the current one (a read-only ledger cannot be upgraded).
    """
    if path.exists() and not path.is_file():
        raise LedgerError(f"{path}: is not a file; give the path of the ledger database file.")
    if not path.exists():
        raise LedgerError(
            f"{path}: no such ledger; run `corroborate analyze ... --db {path}` to write "
            "one, or give the path of the ledger you have."
        )
    try:
        # A reader may be opened on one thread and closed on another (a web request's
        # dependency); it is still used by one thread at a time.
        connection = sqlite3.connect(
            path.resolve().as_uri() + "?mode=ro",
            uri=True,
            timeout=timeout,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.Error as exc:
        raise LedgerError(
            f"{path}: cannot open the ledger: {exc}; check that it is a file you may read."
        ) from exc
    try:
        connection.row_factory = sqlite3.Row
        check_version(connection, path)
        searchable = schema.search_module_available() and search_index_current(connection)
    except BaseException:
        connection.close()
        raise
    return connection, searchable


def check_version(connection: sqlite3.Connection, path: Path) -> None:
    """Raise LedgerError unless the ledger has the current schema."""
    try:
        version = schema.read_version(connection)
    except sqlite3.DatabaseError as exc:
        raise LedgerError(
            f"{path}: not a corroborate ledger ({exc}); give the path of a ledger file "
            "written by corroborate."
        ) from exc
    latest = schema.latest_version()
    if version == 0:
        raise LedgerError(
            f"{path}: is an empty database, not a corroborate ledger; run "
            f"`corroborate analyze ... --db {path}` to write one."
        )
    if version < latest:
        raise LedgerError(
            f"{path}: the ledger has schema version {version} and this corroborate reads "
            f"version {latest}; a ledger opened read-only is never upgraded. Run "
            "`corroborate analyze` (or any command that writes to the ledger) on it once to "
            "upgrade it."
        )
    if version > latest:
        raise LedgerError(
            f"{path}: the ledger has schema version {version}, written by a newer "
            f"corroborate; this one reads version {latest}. Upgrade corroborate to read it."
        )


def search_index_current(connection: sqlite3.Connection) -> bool:
    """Whether the search index exists and holds every article (it is not marked stale)."""
    row = connection.execute(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?) "
        "AND NOT EXISTS (SELECT 1 FROM ledger_meta WHERE key = ?)",
        ("articles_fts", schema.SEARCH_INDEX_STALE),
    ).fetchone()
    return bool(row[0])


STALE_SEARCH_INDEX = (
    "the search index is missing or out of date, and a ledger opened read-only cannot "
    "rebuild it; run `corroborate search` (which opens the ledger for writing) once to "
    "rebuild it."
)
