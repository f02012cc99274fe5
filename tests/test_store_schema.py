"""Tests of opening a ledger: creation, migrations, bad files, WAL, missing FTS5."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from corroborate.errors import LedgerError
from corroborate.models import Article, ArticleAnalysis
from corroborate.store import Ledger, latest_version, schema

EXPECTED_TABLES = {
    "articles",
    "articles_fts",
    "claims",
    "contradictions",
    "dates",
    "entities",
    "errors",
    "events",
    "ledger_meta",
    "mentions",
    "places",
    "quantities",
    "repairs",
    "runs",
    "sentences",
    "verification_statements",
}


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as raw:
        rows = raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for (name,) in rows if not name.startswith(("sqlite_", "articles_fts_"))}


def user_version(path: Path) -> int:
    with sqlite3.connect(path) as raw:
        version: int = raw.execute("PRAGMA user_version").fetchone()[0]
    return version


def small_analysis(article_id: str, text: str) -> ArticleAnalysis:
    return ArticleAnalysis(Article(id=article_id, text=text, source="t.txt", format="text"))


def test_store_migration_from_empty_creates_every_table(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "ledger.db"
    with Ledger.open(str(path)) as ledger:
        assert ledger.schema_version == latest_version() >= 1
    assert tables(path) == EXPECTED_TABLES
    assert user_version(path) == latest_version()


def test_store_migration_of_an_empty_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    sqlite3.connect(path).close()
    with Ledger.open(path) as ledger:
        assert ledger.schema_version == latest_version()
    assert tables(path) == EXPECTED_TABLES


def test_store_migration_forward_keeps_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ledger.db"
    with Ledger.open(path) as ledger:
        ledger.save_analysis(small_analysis("a1", "Tyotkino"), ledger.start_run("analyse"))
    upgrade = "ALTER TABLE articles ADD COLUMN note TEXT; CREATE INDEX note_idx ON articles(note);"
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, upgrade))
    with Ledger.open(path) as ledger:
        assert ledger.schema_version == len(schema.MIGRATIONS)
        assert ledger.load_analysis("a1") == small_analysis("a1", "Tyotkino")
    with sqlite3.connect(path) as raw:
        columns = {row[1] for row in raw.execute("PRAGMA table_info(articles)")}
    assert "note" in columns


def test_store_failed_migration_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ledger.db"
    Ledger.open(path).close()
    current = latest_version()
    broken = "CREATE TABLE half_done (x TEXT); CREATE TABLE broken (;"
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, broken))
    with pytest.raises(LedgerError, match=re.escape(str(path)) + f".*schema version {current + 1}"):
        Ledger.open(path)
    assert user_version(path) == current
    assert "half_done" not in tables(path)


def test_store_version_too_new_says_to_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    Ledger.open(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA user_version = 99")
    with pytest.raises(LedgerError) as caught:
        Ledger.open(path)
    message = str(caught.value)
    assert str(path) in message and "99" in message and "upgrade corroborate" in message
    assert user_version(path) == 99


def test_store_not_a_database_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    content = b"These are my notes, not a ledger.\n" * 50
    path.write_bytes(content)
    with pytest.raises(LedgerError, match=r"notes\.txt.*not a SQLite database"):
        Ledger.open(path)
    assert path.read_bytes() == content


def test_store_directory_as_ledger_path_is_a_ledger_error(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match=re.escape(str(tmp_path))):
        Ledger.open(tmp_path)


def test_store_wal_mode_is_on(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    with Ledger.open(path) as ledger:
        ledger.save_analysis(small_analysis("a1", "text"), ledger.start_run("analyse"))
        assert Path(f"{path}-wal").exists()
        with sqlite3.connect(path) as raw:
            assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_without_fts5_works_and_indexes_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ledger.db"
    monkeypatch.setattr(schema, "search_module_available", lambda: False)
    with Ledger.open(path) as ledger:
        assert ledger.search_enabled is False
        ledger.save_analysis(small_analysis("a1", "Fighting near Tyotkino"), ledger.start_run("x"))
        assert ledger.load_analysis("a1") is not None
        with pytest.raises(LedgerError, match="FTS5"):
            ledger.search("Tyotkino")
    assert "articles_fts" not in tables(path)
    monkeypatch.undo()
    with Ledger.open(path) as ledger:
        assert ledger.search_enabled is True
        assert [hit[0] for hit in ledger.search("Tyotkino")] == ["a1"]


def test_store_stale_search_index_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ledger.db"
    Ledger.open(path).close()
    monkeypatch.setattr(schema, "search_module_available", lambda: False)
    with Ledger.open(path) as ledger:
        ledger.save_analysis(small_analysis("a1", "Shelling in Belgorod"), ledger.start_run("x"))
    monkeypatch.undo()
    with Ledger.open(path) as ledger:
        assert [hit[0] for hit in ledger.search("Belgorod")] == ["a1"]
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT count(*) FROM ledger_meta").fetchone()[0] == 0


def test_store_split_statements_keeps_trigger_bodies_whole() -> None:
    script = """
        CREATE TABLE a (x TEXT DEFAULT 'a;b');
        CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; SELECT 2; END;
        ;
    """
    statements = list(schema.split_statements(script))
    assert len(statements) == 2
    assert statements[0].endswith("'a;b');")
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
