"""`POST /api/articles`: analyse and store one article, only with the operator's token.

Every test writes into its own copy of the example ledger, never into the shared one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from corroborate.analyzer import Analyzer
from corroborate.models import Article, ArticleAnalysis
from corroborate.store import Ledger
from corroborate.web.app import create_app
from corroborate.web.ingest import AnalyzerSlot
from corroborate.web.settings import ServerSettings

TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

SHELLING = {
    "title": "Shelling of Tyotkino",
    "text": (
        "Governor Vyacheslav Gladkov said on Telegram that Ukrainian forces shelled the "
        "village of Tyotkino in the Kursk region on Monday, wounding two civilians.\n"
    ),
    "published": "2024-03-18",
    "url": "https://example.org/tyotkino-shelling",
    "source": "Example Daily",
    "language": "en",
}


class CountingAnalyzer:
    """Stands in for the pipeline: finds nothing, counts how often it was built."""

    built = 0

    def __init__(self) -> None:
        CountingAnalyzer.built += 1

    def analyze(self, article: Article) -> ArticleAnalysis:
        return ArticleAnalysis(article=article)


@pytest.fixture
def ledger_copy(example_ledger: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.db"
    with (
        closing(sqlite3.connect(example_ledger)) as source,
        closing(sqlite3.connect(target)) as copy,
    ):
        source.backup(copy)
    return target


def _client(path: Path, slot: AnalyzerSlot) -> TestClient:
    app = create_app(ServerSettings(db_path=path, ingest_token=TOKEN))
    app.state.analyzer = slot
    return TestClient(app)


@pytest.fixture
def counting_client(ledger_copy: Path) -> Iterator[TestClient]:
    CountingAnalyzer.built = 0
    with _client(ledger_copy, AnalyzerSlot(CountingAnalyzer)) as client:
        yield client


def _post(client: TestClient, body: dict[str, Any], status: int) -> Any:
    response = client.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == status, response.text
    return response.json()


def test_web_api_ingest_stores_once_and_loads_analyzer_once(
    counting_client: TestClient, ledger_copy: Path
) -> None:
    assert CountingAnalyzer.built == 0  # nothing is loaded before the first article
    created = _post(counting_client, SHELLING, 201)
    assert created["created"] is True
    article = created["article"]
    assert article["title"] == "Shelling of Tyotkino" and article["outlet"] == "Example Daily"
    assert article["published"] == "2024-03-18" and article["url"] == SHELLING["url"]
    again = _post(counting_client, SHELLING, 200)
    assert again == {"created": False, "article": article}
    other = _post(counting_client, {"text": "Drones were shot down over Kursk."}, 201)
    assert other["article"]["id"] != article["id"]
    assert CountingAnalyzer.built == 1
    listed = counting_client.get("/api/articles").json()
    assert listed["total"] == 3
    by_outlet = counting_client.get("/api/articles", params={"outlet": "example daily"}).json()
    assert [item["id"] for item in by_outlet["items"]] == [article["id"]]
    with Ledger.open(ledger_copy) as ledger:
        assert ledger.has_article(article["id"])
        runs = [run for run in ledger.runs() if run.command.startswith("serve")]
        assert [(run.status, run.new) for run in runs] == [("finished", 1), ("finished", 1)]


def test_web_api_ingest_location_and_detail(counting_client: TestClient) -> None:
    response = counting_client.post("/api/articles", json=SHELLING, headers=AUTH)
    assert response.status_code == 201
    location = response.headers["location"]
    assert location == f"/api/articles/{response.json()['article']['id']}"
    detail = counting_client.get(location).json()
    assert detail["text"] == SHELLING["text"]


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"title": "no text"}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "Shelling.", "published": "last Monday"}, "published"),
        ({"text": "Shelling.", "author": "someone"}, "author"),
    ],
)
def test_web_api_ingest_rejects_bad_body(
    counting_client: TestClient, body: dict[str, str], named: str
) -> None:
    error = _post(counting_client, body, 422)["error"]
    assert error["code"] == "invalid_parameter" and named in error["message"]
    assert counting_client.get("/api/articles").json()["total"] == 1


def test_web_api_ingest_failed_analysis_is_recorded(ledger_copy: Path) -> None:
    class Broken:
        def analyze(self, article: Article) -> ArticleAnalysis:
            raise RuntimeError("pipeline exploded")

    with _client(ledger_copy, AnalyzerSlot(Broken)) as client:
        error = _post(client, SHELLING, 500)["error"]
        assert "pipeline exploded" in error["message"] and "not stored" in error["message"]
        assert client.get("/api/articles").json()["total"] == 1
    with Ledger.open(ledger_copy) as ledger:
        assert any("pipeline exploded" in reason for _, reason in ledger.errors())


def test_web_api_ingest_real_analysis_is_queryable(ledger_copy: Path, nlp: Language) -> None:
    with _client(ledger_copy, AnalyzerSlot(lambda: Analyzer(nlp=nlp))) as client:
        article_id = _post(client, SHELLING, 201)["article"]["id"]
        events = client.get("/api/events", params={"place": "Tyotkino", "limit": 500}).json()
        new = [e for e in events["items"] if e["article"]["id"] == article_id]
        assert new and new[0]["place"] == "Tëtkino" and new[0]["date"] == "2024-03-18"
        claims = client.get("/api/claims", params={"article": article_id}).json()["items"]
        assert claims[0]["sources"][0]["canonical"] == "Vyacheslav Gladkov"
        assert claims[0]["channel"] == "telegram"
        hits = client.get("/api/search", params={"q": "wounding civilians"}).json()
        assert [hit["article"]["id"] for hit in hits["items"]] == [article_id]
