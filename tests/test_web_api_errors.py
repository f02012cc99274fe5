"""Every error of the API has one shape: {"error": {"status", "code", "message"}}."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from corroborate.web.app import create_app
from corroborate.web.settings import ServerSettings


@pytest.fixture(scope="module")
def client(example_ledger: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ServerSettings(db_path=example_ledger))) as test_client:
        yield test_client


def _error(response: Response, status: int, code: str) -> str:
    """The message of an error response, after checking its shape exactly."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    message: str = body["error"]["message"]
    assert message.strip()
    return message


def test_web_api_errors_unknown_path_and_method(client: TestClient) -> None:
    message = _error(client.get("/api/no-such-thing"), 404, "not_found")
    assert "/api/no-such-thing" in message and "/docs" in message
    message = _error(client.delete("/api/events"), 405, "method_not_allowed")
    assert "DELETE" in message


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("/api/events/ae0-v99", "event 'ae0-v99'"),
        ("/api/articles/nope", "article 'nope'"),
        ("/api/clusters/k999", "cluster 'k999'"),
    ],
)
def test_web_api_errors_unknown_id(client: TestClient, url: str, named: str) -> None:
    message = _error(client.get(url), 404, "not_found")
    assert named in message and "GET /api/" in message


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"bbox": "34,51,35"}, "bbox"),
        ({"bbox": "a,b,c,d"}, "bbox"),
        ({"bbox": "35,51,34,52"}, "bbox"),
        ({"bbox": "34,95,35,96"}, "bbox"),
        ({"date_from": "12.03.2024"}, "date_from"),
        ({"date_to": "2024-02-30"}, "date_to"),
        ({"date_from": "2024-03-13", "date_to": "2024-03-12"}, "date_to"),
        ({"limit": "501"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"offset": "-1"}, "offset"),
    ],
)
def test_web_api_errors_bad_parameter(
    client: TestClient, params: dict[str, str], named: str
) -> None:
    message = _error(client.get("/api/events", params=params), 422, "invalid_parameter")
    assert named in message


def test_web_api_errors_bad_parameter_on_other_lists(client: TestClient) -> None:
    assert "bbox" in _error(
        client.get("/api/places", params={"bbox": "x"}), 422, "invalid_parameter"
    )
    assert "contradiction" in _error(
        client.get("/api/claims", params={"contradiction": "perhaps"}), 422, "invalid_parameter"
    )
    assert "q" in _error(client.get("/api/search"), 422, "invalid_parameter")
    message = _error(
        client.get("/api/articles", params={"date_from": "yesterday"}), 422, "invalid_parameter"
    )
    assert "YYYY-MM-DD" in message


def test_web_api_errors_ingest_disabled_without_token(client: TestClient) -> None:
    response = client.post("/api/articles", json={"text": "Shelling was reported."})
    message = _error(response, 403, "forbidden")
    assert "disabled" in message and "--ingest-token" in message
    assert "CORROBORATE_INGEST_TOKEN" in message
    # Even with a header: no token configured means no writes at all.
    response = client.post(
        "/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer anything"}
    )
    _error(response, 403, "forbidden")


def test_web_api_errors_ingest_wrong_or_missing_token(example_ledger: Path) -> None:
    app = create_app(ServerSettings(db_path=example_ledger, ingest_token="s3cret"))
    with TestClient(app) as client:
        missing = client.post("/api/articles", json={"text": "x"})
        assert "missing" in _error(missing, 401, "unauthorized")
        assert missing.headers["www-authenticate"] == "Bearer"
        wrong = client.post(
            "/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer guess"}
        )
        assert "does not match" in _error(wrong, 401, "unauthorized")
        # The token is checked before the body: a stranger learns nothing of the format.
        junk = client.post("/api/articles", content=b"{not json")
        _error(junk, 401, "unauthorized")
    with closing(sqlite3.connect(example_ledger)) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_web_api_errors_missing_ledger_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    with TestClient(create_app(ServerSettings(db_path=path))) as client:
        message = _error(client.get("/api/events"), 503, "unavailable")
        assert str(path) in message and "corroborate analyze" in message
        _error(client.get("/api/search", params={"q": "x"}), 503, "unavailable")
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_web_api_errors_not_a_ledger(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database\n" * 100, encoding="utf-8")
    with TestClient(create_app(ServerSettings(db_path=path))) as client:
        assert str(path) in _error(client.get("/api/articles"), 503, "unavailable")
    assert path.read_text(encoding="utf-8").startswith("these are notes")
