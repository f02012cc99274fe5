"""Tests of opening a ledger read-only: never created, upgraded, indexed or written."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from pathlib import Path

import pytest

from corroborate.errors import LedgerError
from corroborate.models import Article, ArticleAnalysis
from corroborate.store import Ledger, latest_version, schema


def small_analysis(article_id: str, text: str) -> ArticleAnalysis:
    return ArticleAnalysis(Article(id=article_id, text=text, source="t.txt", format="text"))


def written_ledger(path: Path) -> Path:
    """A ledger of one article, closed (its WAL checkpointed into the main file)."""
    with Ledger.open(path) as ledger:
        run_id = ledger.start_run("x")
        ledger.save_analysis(small_analysis("a1", "Shelling near Tyotkino"), run_id)
        ledger.finish_run(run_id, new=1, unchanged=0, failed=0)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def user_version(path: Path) -> int:
    with sqlite3.connect(path) as raw:
        version: int = raw.execute("PRAGMA user_version").fetchone()[0]
    return version


def test_store_ledger_read_only_missing_file_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "absent" / "ledger.db"
    with pytest.raises(LedgerError) as caught:
        Ledger.open(path, read_only=True)
    message = str(caught.value)
    assert str(path) in message and "no such ledger" in message
    assert "corroborate analyze" in message
    assert list(tmp_path.iterdir()) == []


def test_store_ledger_read_only_folder_is_a_ledger_error(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match=re.escape(str(tmp_path)) + ".*not a file"):
        Ledger.open(tmp_path, read_only=True)


def test_store_ledger_read_only_reads_everything(tmp_path: Path) -> None:
    path = written_ledger(tmp_path / "ledger.db")
    with Ledger.open(str(path), read_only=True) as ledger:
        assert ledger.read_only is True
        assert ledger.article_ids() == ["a1"]
        assert ledger.load_analysis("a1") == small_analysis("a1", "Shelling near Tyotkino")
        assert [hit[0] for hit in ledger.search("Tyotkino")] == ["a1"]
        assert [run.status for run in ledger.runs()] == ["finished"]
        row = ledger.connection.execute("SELECT count(*) AS n FROM articles").fetchone()
        assert row["n"] == 1


def test_store_ledger_read_only_writes_raise_and_change_nothing(tmp_path: Path) -> None:
    path = written_ledger(tmp_path / "ledger.db")
    before = digest(path)
    with Ledger.open(path, read_only=True) as ledger:
        with pytest.raises(LedgerError, match="opened read-only"):
            ledger.start_run("y")
        with pytest.raises(LedgerError, match="opened read-only"):
            ledger.save_analysis(small_analysis("a2", "Another text"), 1)
        with pytest.raises(LedgerError, match="opened read-only"):
            ledger.record_error(1, "bad.txt", "unreadable")
        with pytest.raises(LedgerError, match="opened read-only"):
            ledger.finish_run(1, new=0, unchanged=0, failed=0)
        # Even SQL of one's own cannot write: SQLite itself holds the file read-only.
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ledger.connection.execute("DELETE FROM articles")
    assert digest(path) == before
    with Ledger.open(path) as ledger:
        assert ledger.article_ids() == ["a1"] and ledger.errors() == []


def test_store_ledger_writable_ledger_keeps_its_connection(tmp_path: Path) -> None:
    with (
        Ledger.open(tmp_path / "ledger.db") as ledger,
        pytest.raises(LedgerError, match="read_only=True"),
    ):
        _ = ledger.connection


def test_store_ledger_read_only_older_schema_says_how_to_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = written_ledger(tmp_path / "ledger.db")
    current = latest_version()
    upgrade = "ALTER TABLE articles ADD COLUMN note TEXT;"
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, upgrade))
    with pytest.raises(LedgerError) as caught:
        Ledger.open(path, read_only=True)
    message = str(caught.value)
    assert str(path) in message and f"schema version {current}" in message
    assert "corroborate analyze" in message and "upgrade" in message
    assert user_version(path) == current
    with Ledger.open(path) as ledger:  # the way out the message gives
        assert ledger.schema_version == current + 1
    with Ledger.open(path, read_only=True) as ledger:
        assert ledger.article_ids() == ["a1"]


def test_store_ledger_read_only_newer_schema_says_to_upgrade_corroborate(tmp_path: Path) -> None:
    path = written_ledger(tmp_path / "ledger.db")
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA user_version = 99")
    with pytest.raises(LedgerError, match=r"99.*newer corroborate"):
        Ledger.open(path, read_only=True)


def test_store_ledger_read_only_not_a_ledger(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    content = b"These are my notes, not a ledger.\n" * 50
    notes.write_bytes(content)
    with pytest.raises(LedgerError, match=r"notes\.db.*not a corroborate ledger"):
        Ledger.open(notes, read_only=True)
    assert notes.read_bytes() == content
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(LedgerError, match=r"empty\.db.*empty database.*corroborate analyze"):
        Ledger.open(empty, read_only=True)
    assert empty.read_bytes() == b""


def test_store_ledger_read_only_stale_search_index_is_not_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ledger.db"
    Ledger.open(path).close()
    monkeypatch.setattr(schema, "search_module_available", lambda: False)
    with Ledger.open(path) as ledger:
        ledger.save_analysis(small_analysis("a1", "Shelling in Belgorod"), ledger.start_run("x"))
    monkeypatch.undo()
    with Ledger.open(path, read_only=True) as ledger:
        assert ledger.search_enabled is False
        assert ledger.article_ids() == ["a1"]
        with pytest.raises(LedgerError, match=r"search index.*corroborate search"):
            ledger.search("Belgorod")
    with Ledger.open(path) as ledger:
        assert [hit[0] for hit in ledger.search("Belgorod")] == ["a1"]
    with Ledger.open(path, read_only=True) as ledger:
        assert [hit[0] for hit in ledger.search("Belgorod")] == ["a1"]
