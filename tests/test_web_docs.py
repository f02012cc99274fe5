"""The API documentation at /docs: Swagger UI from the package, under a strict policy."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Route, sync_playwright

from corroborate.web.app import create_app
from corroborate.web.settings import ServerSettings

Serve = Callable[[Path], AbstractContextManager[str]]  # the ``serve`` fixture

CHROMIUM = Path("/usr/bin/chromium")
_REFERENCE = re.compile(r"""(?:src|href)=["']([^"']+)["']""")


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    # The documentation never reads the ledger: a missing one shows it.
    return TestClient(create_app(ServerSettings(db_path=tmp_path / "absent.db")))


def test_web_docs_page_loads_only_shipped_files(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    references = _REFERENCE.findall(response.text)
    assert sorted(references) == [
        "/static/swagger/favicon-32x32.png",
        "/static/swagger/swagger-ui-bundle.js",
        "/static/swagger/swagger-ui.css",
    ]
    assert re.search(r"(https?:)?//[a-z]", response.text) is None
    assert "url: '/openapi.json'" in response.text
    for reference in references:
        served = client.get(reference)
        assert served.status_code == 200, reference
        assert len(served.content) > 500, reference
    script = client.get("/static/swagger/swagger-ui-bundle.js")
    assert script.headers["content-type"].startswith("text/javascript")
    assert "SwaggerUIBundle" in script.text
    assert "Apache License" in client.get("/static/swagger/LICENSE").text
    assert client.get("/openapi.json").json()["info"]["title"] == "Corroborate"


def test_web_docs_policy_allows_only_the_page_script(client: TestClient) -> None:
    response = client.get("/docs")
    policy = response.headers["content-security-policy"]
    inline = re.findall(r"<script>(.*?)</script>", response.text, re.DOTALL)
    assert len(inline) == 1
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert f"script-src 'self' 'sha256-{digest}';" in policy
    assert "default-src 'self';" in policy and "style-src 'self';" in policy
    assert "unsafe" not in policy and "http" not in policy
    # The map page keeps its own policy: the script's hash holds on /docs only.
    page_policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self';" in page_policy and "sha256" not in page_policy


def test_web_docs_fastapi_cdn_pages_are_off(client: TestClient) -> None:
    assert client.get("/redoc").status_code == 404
    assert client.get("/docs/oauth2-redirect").status_code == 404
    paths = client.get("/openapi.json").json()["paths"]
    assert "/docs" not in paths and all(path.startswith("/api/") for path in paths)


def test_web_docs_under_a_root_path(tmp_path: Path) -> None:
    app = create_app(ServerSettings(db_path=tmp_path / "absent.db"))
    text = TestClient(app, root_path="/corroborate").get("/docs").text
    assert all(ref.startswith("/corroborate/static/swagger/") for ref in _REFERENCE.findall(text))
    assert "url: '/corroborate/openapi.json'" in text


@pytest.fixture
def base_url(tmp_path: Path, serve: Serve) -> Iterator[str]:
    with serve(tmp_path / "absent.db") as url:
        yield url


@pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="no Chromium at /usr/bin/chromium; install Debian's chromium package to run this",
)
def test_web_docs_swagger_ui_runs_in_a_browser(base_url: str) -> None:
    outside: list[str] = []
    problems: list[str] = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        try:
            page = browser.new_page()
            page.set_default_timeout(5000)

            def refuse(route: Route) -> None:
                outside.append(route.request.url)
                route.abort()

            page.route(re.compile(rf"^(?!{re.escape(base_url)}/)(https?|wss?)://"), refuse)
            page.on("pageerror", lambda error: problems.append(str(error)))
            # What the policy blocks is reported on the console, and only there.
            page.on("console", lambda message: problems.append(message.text))
            page.goto(f"{base_url}/docs")
            page.locator(".opblock-summary-path").first.wait_for()
            paths = page.locator(".opblock-summary-path").all_inner_texts()
        finally:
            browser.close()
    assert "/api/events" in paths and "/api/search" in paths
    assert problems == [] and outside == []
