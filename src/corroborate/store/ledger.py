"""The ledger: one SQLite file holding every analysed article, run and input error.

Writes are crash safe: each article is saved in its own transaction, so an interrupted
batch keeps every article written before the interruption and no part of the one being
written. Saving is idempotent: an article id already in the ledger is left as it is.
The file is in WAL mode, so readers (a report, a search) never block a running batch.
A ledger opened read-only (``Ledger.open(path, read_only=True)``) is never created,
upgraded or written: a reader that must not change the file, such as the web server.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Literal

from corroborate.errors import LedgerError
from corroborate.models import ArticleAnalysis
from corroborate.store import codec, schema
from corroborate.store.read_only import STALE_SEARCH_INDEX, connect_read_only

RunStatus = Literal["running", "finished", "interrupted"]
_FINAL_STATUSES = ("finished", "interrupted")
_BUSY_TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class RunRecord:
    """One invocation that wrote to the ledger, with its counts once it has finished."""

    id: int
    command: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: RunStatus
    new: int | None
    unchanged: int | None
    failed: int | None
    skipped: int | None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _process_is_gone(pid: int) -> bool:
    # Only POSIX can probe a process harmlessly (on Windows os.kill terminates it).
    if os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class Ledger:
    """An open ledger file. Use :meth:`open`, and close it (or use ``with``)."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path,
        search_enabled: bool,
        *,
        read_only: bool = False,
    ) -> None:
        self._connection: sqlite3.Connection | None = connection
        self._path = path
        self._search_enabled = search_enabled
        self._read_only = read_only
        self._unfinished_runs: set[int] = set()

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False) -> Ledger:
        """Open the ledger at ``path``, creating and upgrading it as needed.

        Runs left 'running' by a process that no longer exists (a crash, a kill) are
        marked 'interrupted'. With ``read_only`` the ledger must exist and be of the
        current schema; nothing is created, upgraded or written, and writes raise.
        """
        path = Path(path)
        if read_only:
            connection, search_enabled = connect_read_only(path, _BUSY_TIMEOUT_SECONDS)
            return cls(connection, path, search_enabled, read_only=True)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LedgerError(
                f"{path}: cannot create the ledger's folder: {exc.strerror}. "
                "Choose a ledger path in a writable folder."
            ) from exc
        try:
            connection = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_SECONDS, isolation_level=None)
        except sqlite3.Error as exc:
            raise LedgerError(
                f"{path}: cannot open the ledger: {exc}. "
                "Check that the path is a file you may read and write."
            ) from exc
        try:
            cls._configure(connection, path)
            schema.migrate(connection, path)
            search_enabled = schema.prepare_search_index(connection)
            ledger = cls(connection, path, search_enabled)
            ledger._mark_abandoned_runs()
        except BaseException:
            connection.close()
            raise
        return ledger

    @staticmethod
    def _configure(connection: sqlite3.Connection, path: Path) -> None:
        connection.row_factory = sqlite3.Row
        try:
            # The first read of the header: this is where a non-SQLite file fails.
            schema.read_version(connection)
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            raise LedgerError(
                f"{path}: not a corroborate ledger ({exc}). The file exists but is not a "
                "SQLite database; give a new path or a ledger file written by corroborate."
            ) from exc

    @property
    def path(self) -> Path:
        return self._path

    @property
    def schema_version(self) -> int:
        return schema.read_version(self._db)

    @property
    def search_enabled(self) -> bool:
        """False when this Python's SQLite lacks FTS5, or when a ledger opened read-only
        has no current search index; everything else still works."""
        return self._search_enabled

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def connection(self) -> sqlite3.Connection:
        """The SQLite connection of a ledger opened read-only, for one's own queries.

        A writable ledger does not give it out: its writes keep their guarantees only
        through its methods.
        """
        if not self._read_only:
            raise LedgerError(
                f"{self._path}: the connection is only given for a ledger opened read-only; "
                "open it with Ledger.open(path, read_only=True)."
            )
        return self._db

    @property
    def _db(self) -> sqlite3.Connection:
        if self._connection is None:
            raise LedgerError(f"{self._path}: the ledger is closed; open it again to use it.")
        return self._connection

    def close(self) -> None:
        """Close the file; runs started here and never finished become 'interrupted'."""
        if self._connection is None:
            return
        try:
            for run_id in sorted(self._unfinished_runs):
                self._finish(run_id, "interrupted", None)
        finally:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> Ledger:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _check_writable(self, action: str) -> None:
        if self._read_only:
            raise LedgerError(
                f"{self._path}: cannot {action}: the ledger was opened read-only; "
                "open it with Ledger.open(path) to write to it."
            )

    def _error(self, action: str, exc: sqlite3.Error) -> LedgerError:
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            hint = "another process kept the ledger busy; retry when it has finished"
        elif isinstance(exc, sqlite3.IntegrityError):
            hint = "the records are inconsistent, so nothing of them was written"
        else:
            hint = "check that the file is writable and not damaged"
        return LedgerError(f"{self._path}: cannot {action}: {exc}; {hint}.")

    # Runs and errors -----------------------------------------------------------------

    def start_run(self, command: str) -> int:
        """Record the start of a run and return its id (for save_analysis and errors)."""
        self._check_writable("start a run")
        try:
            with schema.immediate_transaction(self._db):
                cursor = self._db.execute(
                    "INSERT INTO runs (command, started_at, pid, host) VALUES (?, ?, ?, ?)",
                    (command, _now(), os.getpid(), socket.gethostname()),
                )
        except sqlite3.Error as exc:
            raise self._error("start a run", exc) from exc
        run_id = cursor.lastrowid
        assert run_id is not None  # an INSERT into a rowid table always sets it
        self._unfinished_runs.add(run_id)
        return run_id

    def finish_run(
        self,
        run_id: int,
        *,
        new: int,
        unchanged: int,
        failed: int,
        skipped: int = 0,
        status: str = "finished",
    ) -> None:
        """Record a run's end and its counts; ``status`` is 'finished' or 'interrupted'."""
        if status not in _FINAL_STATUSES:
            raise LedgerError(
                f"{self._path}: cannot finish run {run_id} with status {status!r}; "
                f"use one of {', '.join(_FINAL_STATUSES)}."
            )
        self._finish(run_id, status, (new, unchanged, failed, skipped))

    def _finish(self, run_id: int, status: str, counts: tuple[int, int, int, int] | None) -> None:
        self._check_writable(f"finish run {run_id}")
        new, unchanged, failed, skipped = counts or (None, None, None, None)
        try:
            with schema.immediate_transaction(self._db):
                cursor = self._db.execute(
                    "UPDATE runs SET finished_at = ?, status = ?, new = ?, unchanged = ?, "
                    "failed = ?, skipped = ? WHERE id = ?",
                    (_now(), status, new, unchanged, failed, skipped, run_id),
                )
        except sqlite3.Error as exc:
            raise self._error(f"finish run {run_id}", exc) from exc
        self._unfinished_runs.discard(run_id)
        if cursor.rowcount == 0:
            raise LedgerError(
                f"{self._path}: there is no run {run_id} to finish; "
                "pass the id that start_run returned."
            )

    def _mark_abandoned_runs(self) -> None:
        host = socket.gethostname()
        rows = self._db.execute(
            "SELECT id, pid FROM runs WHERE status = 'running' AND host = ?", (host,)
        ).fetchall()
        for row in rows:
            if row["pid"] is not None and _process_is_gone(row["pid"]):
                self._finish(row["id"], "interrupted", None)

    def record_error(self, run_id: int, source: str, reason: str) -> None:
        """Record that the input ``source`` could not be read or analysed, and why."""
        self._check_writable(f"record an error for {source}")
        try:
            with schema.immediate_transaction(self._db):
                self._db.execute(
                    "INSERT INTO errors (run_id, source, reason, at) VALUES (?, ?, ?, ?)",
                    (run_id, source, reason, _now()),
                )
        except sqlite3.Error as exc:
            raise self._error(f"record an error for {source} in run {run_id}", exc) from exc

    def runs(self) -> list[RunRecord]:
        """Every run, oldest first."""
        rows = self._db.execute("SELECT * FROM runs ORDER BY id").fetchall()
        return [
            RunRecord(
                id=row["id"],
                command=row["command"],
                started_at=dt.datetime.fromisoformat(row["started_at"]),
                finished_at=(
                    dt.datetime.fromisoformat(row["finished_at"]) if row["finished_at"] else None
                ),
                status=row["status"],
                new=row["new"],
                unchanged=row["unchanged"],
                failed=row["failed"],
                skipped=row["skipped"],
            )
            for row in rows
        ]

    def errors(self, run_id: int | None = None) -> list[tuple[str, str]]:
        """``(source, reason)`` of every recorded error, or of one run's, oldest first."""
        if run_id is None:
            rows = self._db.execute("SELECT source, reason FROM errors ORDER BY id")
        else:
            rows = self._db.execute(
                "SELECT source, reason FROM errors WHERE run_id = ? ORDER BY id", (run_id,)
            )
        return [(row["source"], row["reason"]) for row in rows]

    # Articles -------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def article_ids(self) -> list[str]:
        """Every stored article id, in the order the articles were saved."""
        return [row["id"] for row in self._db.execute("SELECT id FROM articles ORDER BY seq")]

    def save_analysis(self, analysis: ArticleAnalysis, run_id: int) -> bool:
        """Store an analysis in one transaction; False (and no change) if already stored."""
        article_id = analysis.article.id
        self._check_writable(f"save article {article_id}")
        _check_belongs(analysis, self._path)
        try:
            with schema.immediate_transaction(self._db):
                if self.has_article(article_id):
                    return False
                self._insert(analysis, run_id)
        except sqlite3.Error as exc:
            raise self._error(f"save article {article_id}", exc) from exc
        return True

    def _insert(self, analysis: ArticleAnalysis, run_id: int) -> None:
        columns = {**codec.article_columns(analysis), "first_run_id": run_id, "added_at": _now()}
        names = ", ".join(columns)
        cursor = self._db.execute(
            f"INSERT INTO articles ({names}) VALUES ({', '.join(':' + n for n in columns)})",
            columns,
        )
        if self._search_enabled:
            self._db.execute(
                "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                (cursor.lastrowid, analysis.article.title, analysis.article.text),
            )
        else:
            self._db.execute(
                "INSERT OR IGNORE INTO ledger_meta (key, value) VALUES (?, '1')",
                (schema.SEARCH_INDEX_STALE,),
            )
        for table in codec.CHILD_TABLES:
            rows = table.rows(analysis)
            if rows:
                self._db.executemany(table.insert_sql(list(rows[0])), rows)

    def load_analysis(self, article_id: str) -> ArticleAnalysis | None:
        """The analysis stored under ``article_id``, exactly as saved; None if absent."""
        db = self._db
        article_row = db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if article_row is None:
            return None
        children = {
            table.name: db.execute(table.select_sql(), (article_id,)).fetchall()
            for table in codec.CHILD_TABLES
        }
        try:
            return codec.analysis_from_rows(article_row, children)
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise LedgerError(
                f"{self._path}: article {article_id} has a malformed row ({exc!r}); the file "
                "was changed outside corroborate. Re-run the analysis into a new ledger."
            ) from exc

    def iter_analyses(self) -> Iterator[ArticleAnalysis]:
        """Every stored analysis, in the order the articles were saved."""
        for article_id in self.article_ids():
            analysis = self.load_analysis(article_id)
            if analysis is not None:
                yield analysis

    # Search ---------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """``(article_id, snippet)`` of the articles whose title or text has every word.

        The query is plain text, never FTS5 syntax: each word is quoted, so operators,
        column filters and punctuation are searched for rather than interpreted.
        """
        if not self._search_enabled and self._read_only and schema.search_module_available():
            raise LedgerError(f"{self._path}: {STALE_SEARCH_INDEX}")
        if not self._search_enabled:
            raise LedgerError(
                f"{self._path}: full-text search is unavailable because this Python's "
                "SQLite was built without FTS5; use a Python whose sqlite3 has FTS5."
            )
        if limit < 1:
            raise LedgerError(f"search limit must be at least 1, got {limit}.")
        match = literal_match_expression(query)
        if not match:
            return []
        try:
            rows = self._db.execute(
                "SELECT articles.id AS id, "
                "snippet(articles_fts, -1, '[', ']', '…', 12) AS snippet "
                "FROM articles_fts JOIN articles ON articles.seq = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY rank, articles.seq LIMIT ?",
                (match, limit),
            ).fetchall()
        except sqlite3.Error as exc:
            raise self._error(f"search for {query!r}", exc) from exc
        return [(row["id"], row["snippet"]) for row in rows]


def literal_match_expression(query: str) -> str:
    """An FTS5 query matching every word of ``query`` taken literally (each one quoted)."""
    words = (word for word in query.split() if any(char.isalnum() for char in word))
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def _check_belongs(analysis: ArticleAnalysis, path: Path) -> None:
    article_id = analysis.article.id
    strays = [c.id for c in analysis.claims if c.article_id != article_id]
    strays += [e.id for e in analysis.events if e.article_id != article_id]
    if strays:
        raise LedgerError(
            f"{path}: cannot save article {article_id}: claims or events "
            f"{', '.join(strays)} carry another article id; every claim and event of an "
            "analysis must belong to its article."
        )
