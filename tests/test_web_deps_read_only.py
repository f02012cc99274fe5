"""Requests read the ledger opened read-only: they never upgrade, index or change it."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from corroborate.models import Article, ArticleAnalysis
from corroborate.store import Ledger, latest_version, schema
from corroborate.web.app import create_app
from corroborate.web.settings import ServerSettings


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.db"
    article = Article(id="a1", text="Shelling near Tyotkino", source="t.txt", format="text")
    with Ledger.open(path) as ledger:
        ledger.save_analysis(ArticleAnalysis(article), ledger.start_run("x"))
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _user_version(path: Path) -> int:
    with sqlite3.connect(path) as raw:
        version: int = raw.execute("PRAGMA user_version").fetchone()[0]
    return version


def test_web_deps_read_only_requests_change_nothing(ledger_path: Path) -> None:
    before = _digest(ledger_path)
    with TestClient(create_app(ServerSettings(db_path=ledger_path))) as client:
        assert client.get("/api/articles").json()["total"] == 1
        assert client.get("/api/articles/a1").json()["id"] == "a1"
        hits = client.get("/api/search", params={"q": "Tyotkino"}).json()["items"]
        assert [hit["article"]["id"] for hit in hits] == ["a1"]
    assert _digest(ledger_path) == before


def test_web_deps_read_only_older_ledger_is_unavailable_and_left_as_it_is(
    ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    current = latest_version()
    upgrade = "ALTER TABLE articles ADD COLUMN note TEXT;"
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, upgrade))
    with TestClient(create_app(ServerSettings(db_path=ledger_path))) as client:
        answer = client.get("/api/articles")
        page = client.get("/")
    assert answer.status_code == 503
    message = answer.json()["error"]["message"]
    assert str(ledger_path) in message and f"schema version {current}" in message
    assert "corroborate analyze" in message
    assert page.status_code == 503 and "corroborate analyze" in page.text
    assert _user_version(ledger_path) == current
