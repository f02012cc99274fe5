"""What every request needs: the settings, a read-only ledger connection, the ingest check.

The server reads the ledger through one SQLite connection per request, opened read-only
(``mode=ro``): a request can never change the ledger, never creates a file where none
exists, and no connection is shared between threads. Only the ingest endpoint writes,
through :class:`~corroborate.store.Ledger`, and only with the operator's token.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from corroborate.errors import LedgerError
from corroborate.resolve.names import name_key
from corroborate.store import Ledger, schema
from corroborate.web.settings import ServerSettings

TOKEN_ENV = "CORROBORATE_INGEST_TOKEN"


def settings_of(request: Request) -> ServerSettings:
    settings: ServerSettings = request.app.state.settings
    return settings


def check_ledger(path: Path) -> None:
    """Make sure ``path`` is a ledger the server can read; raise LedgerError if not.

    Opening it once with :class:`Ledger` brings an older ledger to the current schema and
    builds its search index, so that the read-only connections of requests find both.
    A missing file is an error, never created.
    """
    if not path.exists():
        raise LedgerError(
            f"{path}: no such ledger; run `corroborate analyze ... --db {path}` first, "
            "or pass the ledger you have with --db."
        )
    if not path.is_file():
        raise LedgerError(f"{path}: is not a file; pass the ledger database file with --db.")
    Ledger.open(path).close()


def fold(text: str | None) -> str:
    """Text folded as names are (case, script, transliteration variants), for matching."""
    if not text:
        return ""
    return " ".join(name_key(word) for word in text.split())


def _key(text: str | None) -> str | None:
    # SQL NULL (a missing outlet, an unplaced event) has no key and matches nothing.
    return name_key(text) if text else None


def _contains_folded(text: str | None, folded_word: str) -> int:
    return int(folded_word in fold(text))


def _unavailable(path: Path, problem: str) -> HTTPException:
    return HTTPException(status_code=503, detail=f"{path}: {problem}")


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to the ledger at ``path``, with the matching functions."""
    if not path.is_file():
        raise _unavailable(
            path, "no such ledger; run `corroborate analyze` to write it, then restart the server."
        )
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        # Requests run in a thread pool and a dependency may be entered and left on
        # different threads; the connection is still used by one request at a time.
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=30.0)
    except sqlite3.Error as exc:
        raise _unavailable(path, f"cannot open the ledger ({exc}); check it is readable.") from exc
    connection.row_factory = sqlite3.Row
    connection.create_function("corr_key", 1, _key, deterministic=True)
    connection.create_function("corr_contains", 2, _contains_folded, deterministic=True)
    try:
        version = schema.read_version(connection)
    except sqlite3.DatabaseError as exc:
        connection.close()
        raise _unavailable(path, f"not a corroborate ledger ({exc}).") from exc
    if version != schema.latest_version():
        connection.close()
        raise _unavailable(
            path,
            f"the ledger has schema version {version}, this server reads version "
            f"{schema.latest_version()}; restart `corroborate serve`, which upgrades it.",
        )
    return connection


def ledger_connection(request: Request) -> Iterator[sqlite3.Connection]:
    """One read-only connection for the request, closed when the response is built."""
    path = settings_of(request).db_path
    connection = open_read_only(path)
    try:
        yield connection
    except sqlite3.Error as exc:
        raise _unavailable(
            path, f"cannot read the ledger ({exc}); retry, or check the file."
        ) from exc
    finally:
        connection.close()


def reader_ledger(connection: sqlite3.Connection, path: Path) -> Ledger:
    """A :class:`Ledger` over the request's read-only connection, for its loaders and search.

    ``Ledger.open`` would create a missing file and may write (migrations, run records);
    a request only reads, so the ledger is built around the connection it already has.
    """
    row = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles_fts'"
    ).fetchone()
    return Ledger(connection, path, search_enabled=row is not None)


Connection = Annotated[sqlite3.Connection, Depends(ledger_connection)]

_bearer = HTTPBearer(auto_error=False, description="The token the server was started with.")


def require_ingest_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Let a write through only with the operator's token; the server is read-only without one."""
    expected = settings_of(request).ingest_token
    if not expected:
        raise HTTPException(
            status_code=403,
            detail="ingest is disabled: this server is read-only. To accept POST /api/articles, "
            f"start it with `corroborate serve --ingest-token TOKEN` (or set {TOKEN_ENV}) and "
            "send `Authorization: Bearer TOKEN`.",
        )
    given = credentials.credentials if credentials is not None else None
    if given is None or not secrets.compare_digest(given.encode(), expected.encode()):
        problem = "is missing" if given is None else "does not match the server's token"
        raise HTTPException(
            status_code=401,
            detail=f"the ingest token {problem}; send the header `Authorization: Bearer TOKEN` "
            "with the token the server was started with.",
            headers={"WWW-Authenticate": "Bearer"},
        )
