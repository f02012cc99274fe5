"""The ledger's SQLite schema, its migrations, and the optional full-text index.

The schema version lives in ``PRAGMA user_version``. ``MIGRATIONS[n]`` is the SQL script
that takes a database from version ``n`` to ``n + 1``; a new release only ever appends to
the list, so any older ledger can be brought forward. All pending migrations run in one
write transaction: a failure leaves the file exactly as it was.

The full-text index (``articles_fts``) is kept out of the migrations because it depends
on the SQLite build, not on the ledger: a Python whose SQLite lacks FTS5 can still read
and write a ledger, with search disabled, and the index is rebuilt the next time the
ledger is opened by a SQLite that has FTS5.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from corroborate.errors import LedgerError

_VERSION_1 = """
CREATE TABLE ledger_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    command TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running'
        CHECK (status IN ('running', 'finished', 'interrupted')),
    new INTEGER,
    unchanged INTEGER,
    failed INTEGER,
    skipped INTEGER,
    pid INTEGER,
    host TEXT
);

CREATE TABLE errors (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX errors_by_run ON errors(run_id);

-- seq is the rowid: it keeps insertion order and is the full-text index's row key.
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    language TEXT,
    published TEXT,
    title TEXT,
    text TEXT NOT NULL,
    analysed INTEGER NOT NULL CHECK (analysed IN (0, 1)),
    skipped_reason TEXT,
    first_run_id INTEGER REFERENCES runs(id),
    added_at TEXT NOT NULL
);
CREATE INDEX articles_by_published ON articles(published);

CREATE TABLE repairs (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    original TEXT NOT NULL,
    replacement TEXT,
    PRIMARY KEY (article_id, idx)
);

-- text is NULL when it is the article text between start and end (nearly always):
-- sentences cover the whole article, so storing their text would double the ledger.
CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    entity_id TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX mentions_by_entity ON mentions(article_id, entity_id);

-- Entity ids are local to their article until cross-article resolution exists.
CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    id TEXT NOT NULL,
    canonical TEXT NOT NULL,
    kind TEXT NOT NULL,
    aliases TEXT NOT NULL,
    affiliation TEXT,
    mention_spans TEXT NOT NULL,
    PRIMARY KEY (article_id, idx),
    UNIQUE (article_id, id)
);
CREATE INDEX entities_by_canonical ON entities(canonical);

CREATE TABLE claims (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    id TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    content_text TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    sentence_text TEXT NOT NULL,
    sources TEXT NOT NULL,
    cue_start INTEGER,
    cue_end INTEGER,
    cue_text TEXT,
    via TEXT NOT NULL,
    channel TEXT,
    kind TEXT NOT NULL,
    hedged INTEGER NOT NULL CHECK (hedged IN (0, 1)),
    hedge_cues TEXT NOT NULL,
    certainty TEXT NOT NULL,
    polarity TEXT NOT NULL,
    status TEXT,
    event_id TEXT,
    PRIMARY KEY (article_id, idx),
    UNIQUE (article_id, id)
);
CREATE INDEX claims_by_event ON claims(article_id, event_id);

CREATE TABLE verification_statements (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL,
    qualifies TEXT NOT NULL,
    scope TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE dates (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    precision TEXT,
    in_caption INTEGER NOT NULL CHECK (in_caption IN (0, 1)),
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX dates_by_value ON dates(value);

CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    name TEXT NOT NULL,
    lat REAL,
    lon REAL,
    admin1 TEXT,
    country TEXT,
    precision TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX places_by_name ON places(name);

CREATE TABLE quantities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    claim_id TEXT NOT NULL,
    what TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    low REAL,
    high REAL,
    vague TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quantities_by_claim ON quantities(article_id, claim_id);

CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    sub_type TEXT,
    date TEXT,
    place TEXT,
    actors TEXT NOT NULL,
    claim_ids TEXT NOT NULL,
    place_mention_start INTEGER,
    place_mention_end INTEGER,
    place_mention_text TEXT,
    place_mention_name TEXT,
    place_mention_lat REAL,
    place_mention_lon REAL,
    place_mention_admin1 TEXT,
    place_mention_country TEXT,
    place_mention_precision TEXT,
    PRIMARY KEY (article_id, idx),
    UNIQUE (article_id, id)
);
CREATE INDEX events_by_date ON events(date);
CREATE INDEX events_by_type ON events(type, sub_type);

CREATE TABLE contradictions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    claim_a TEXT NOT NULL,
    claim_b TEXT NOT NULL,
    why TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
"""

# Version 2: entities linked to the actor knowledge base, places to the gazetteer.
_VERSION_2 = """
ALTER TABLE entities ADD COLUMN actor_id TEXT;
ALTER TABLE entities ADD COLUMN side TEXT;
CREATE INDEX entities_by_actor ON entities(actor_id);
ALTER TABLE places ADD COLUMN place_id INTEGER;
CREATE INDEX places_by_place_id ON places(place_id);
"""

# Version 3: what kind of figure a quantity is and the equipment model; event date
# precision, PLOVER type and the place's gazetteer id.
_VERSION_3 = """
ALTER TABLE quantities ADD COLUMN kind TEXT;
ALTER TABLE quantities ADD COLUMN model TEXT;
ALTER TABLE events ADD COLUMN date_precision TEXT;
ALTER TABLE events ADD COLUMN plover TEXT;
ALTER TABLE events ADD COLUMN place_id INTEGER;
CREATE INDEX events_by_place_id ON events(place_id);
"""

# Version 4: who carried an event out and who it was done to.
_VERSION_4 = """
ALTER TABLE events ADD COLUMN acted_by TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN targets TEXT NOT NULL DEFAULT '[]';
"""

# Version 5: the proposition slots a claim fills, to compare claims across articles.
_VERSION_5 = """
ALTER TABLE claims ADD COLUMN slots TEXT NOT NULL DEFAULT '{}';
"""

MIGRATIONS: tuple[str, ...] = (_VERSION_1, _VERSION_2, _VERSION_3, _VERSION_4, _VERSION_5)
"""``MIGRATIONS[n]`` upgrades a ledger from schema version ``n`` to ``n + 1``."""

SEARCH_INDEX_STALE = "search_index_stale"
"""``ledger_meta`` key set when articles were saved while the index could not be written."""

_CREATE_SEARCH_INDEX = """
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2'
)
"""


def latest_version() -> int:
    """The schema version this code writes: one per migration."""
    return len(MIGRATIONS)


def read_version(connection: sqlite3.Connection) -> int:
    version: int = connection.execute("PRAGMA user_version").fetchone()[0]
    return version


def migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the ledger at ``path`` to the latest schema, all or nothing.

    ``connection`` must be in autocommit mode (``isolation_level=None``) so that this
    function controls the transaction.
    """
    latest = latest_version()
    if _check_version(read_version(connection), latest, path) == latest:
        return
    # IMMEDIATE takes the write lock before the version is re-read, so two processes
    # opening the same old ledger cannot both run a migration.
    try:
        with immediate_transaction(connection):
            current = _check_version(read_version(connection), latest, path)
            for number in range(current, latest):
                for statement in split_statements(MIGRATIONS[number]):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {number + 1}")
    except sqlite3.Error as exc:
        raise LedgerError(
            f"{path}: cannot upgrade the ledger to schema version {latest}: {exc}. "
            "The file was left unchanged; check that it is writable and not damaged."
        ) from exc


@contextmanager
def immediate_transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: committed if the block ends, rolled back if it raises.

    Rolled back on any exception, KeyboardInterrupt included, so an interrupted write
    leaves no partial rows.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        # SQLite has already rolled back after some errors (a full disk, say).
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _check_version(version: int, latest: int, path: Path) -> int:
    if version > latest:
        raise LedgerError(
            f"{path}: the ledger has schema version {version}, but this version of "
            f"corroborate only knows versions up to {latest}. It was written by a newer "
            "corroborate: upgrade corroborate (pip install --upgrade corroborate) or use "
            "another ledger file."
        )
    return version


def split_statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, one at a time, so they can share a transaction.

    ``sqlite3.Connection.executescript`` would commit first, which is why it is not used.
    """
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n\t;"):
                yield pending.strip()
            pending = ""
    if pending.strip(" \n\t;"):
        yield pending.strip()


@cache
def search_module_available() -> bool:
    """Whether this Python's SQLite was built with FTS5."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
    except sqlite3.OperationalError:
        return False
    finally:
        probe.close()
    return True


def prepare_search_index(connection: sqlite3.Connection) -> bool:
    """Create or refresh ``articles_fts``; return whether search can be used.

    The index is rebuilt from ``articles`` when it is new or when articles were saved by
    a SQLite without FTS5 (the stale mark in ``ledger_meta``).
    """
    if not search_module_available():
        return False
    if not _search_index_needs_work(connection):
        return True
    with immediate_transaction(connection):
        # Checked again under the write lock: another process may have just done it.
        if _search_index_needs_work(connection):
            if not _search_index_exists(connection):
                connection.execute(_CREATE_SEARCH_INDEX)
            connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
            connection.execute("DELETE FROM ledger_meta WHERE key = ?", (SEARCH_INDEX_STALE,))
    return True


def _search_index_exists(connection: sqlite3.Connection) -> bool:
    row = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles_fts'"
    ).fetchone()
    return row is not None


def _search_index_needs_work(connection: sqlite3.Connection) -> bool:
    stale = connection.execute(
        "SELECT 1 FROM ledger_meta WHERE key = ?", (SEARCH_INDEX_STALE,)
    ).fetchone()
    return stale is not None or not _search_index_exists(connection)
