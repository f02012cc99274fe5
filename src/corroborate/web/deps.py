"""What every request needs: the settings, a read-only ledger connection, the ingest check.

The server reads the ledger through one :class:`~corroborate.store.Ledger` per request,
opened read-only (SQLite's ``mode=ro``): a request can never change the ledger, never
creates a file where none exists, and no connection is shared between threads. Only the
ingest endpoint writes, through a ledger opened for writing, and only with the operator's
token.
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
from corroborate.store import Ledger
from corroborate.web.settings import ServerSettings

TOKEN_ENV = "CORROBORATE_INGEST_TOKEN"


def settings_of(request: Request) -> ServerSettings:
    settings: ServerSettings = request.app.state.settings
    return settings


def check_ledger(path: Path) -> None:
    """Make sure ``path`` is a ledger the server can read; raise LedgerError if not.

    Opening it once with :class:`Ledger` brings an older ledger to the current schema and
    builds its search index, so that the read-only ledgers of requests find both.
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


def open_reader(path: Path) -> Ledger:
    """The ledger at ``path`` opened read-only, its connection given the matching functions.

    Raise HTTPException (503) when it cannot be read: missing, damaged, of another version.
    """
    try:
        ledger = Ledger.open(path, read_only=True)
    except LedgerError as exc:
        raise HTTPException(status_code=503, detail=str(exc)) from exc
    connection = ledger.connection
    connection.create_function("corr_key", 1, _key, deterministic=True)
    connection.create_function("corr_contains", 2, _contains_folded, deterministic=True)
    return ledger


def ledger_reader(request: Request) -> Iterator[Ledger]:
    """The request's read-only ledger, closed when the response is built."""
    path = settings_of(request).db_path
    ledger = open_reader(path)
    try:
        yield ledger
    except sqlite3.Error as exc:
        raise _unavailable(
            path, f"cannot read the ledger ({exc}); retry, or check the file."
        ) from exc
    finally:
        ledger.close()


Reader = Annotated[Ledger, Depends(ledger_reader)]


def ledger_connection(ledger: Reader) -> sqlite3.Connection:
    """The connection of the request's ledger, for the read layer's own queries."""
    return ledger.connection


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
