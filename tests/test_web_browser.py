"""The page in a real browser: from the map's Tyotkino marker to both sides' claims.

Headless Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright) loads the page
from a server started here on a free local port. Any request for an address outside this
server is refused and fails the test, and so does anything the page's
Content-Security-Policy had to block. Screenshots go to ``tests/output/``, or to the
folder ``CORROBORATE_SCREENSHOT_DIR`` names.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from playwright.sync_api import Route, expect, sync_playwright

Serve = Callable[[Path], AbstractContextManager[str]]  # the ``serve`` fixture


CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="no Chromium at /usr/bin/chromium; install Debian's chromium package to run this",
)


def _screenshots() -> Path:
    folder = os.environ.get("CORROBORATE_SCREENSHOT_DIR")
    path = Path(folder) if folder else Path(__file__).parent / "output"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def base_url(example_ledger: Path, serve: Serve) -> Iterator[str]:
    with serve(example_ledger) as url:
        yield url


def test_web_browser_map_marker_leads_to_both_sides_claims(base_url: str) -> None:
    outside: list[str] = []
    errors: list[str] = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        try:
            page = browser.new_page(viewport={"width": 1360, "height": 900})
            page.set_default_timeout(20000)  # a loaded CI machine is slow, never stuck
            expect.set_options(timeout=20000)

            def refuse(route: Route) -> None:
                outside.append(route.request.url)
                route.abort()

            page.route(re.compile(rf"^(?!{re.escape(base_url)}/)(https?|wss?)://"), refuse)
            page.on("pageerror", lambda error: errors.append(str(error)))
            # What the page's Content-Security-Policy refused never becomes a request.
            page.on(
                "console",
                lambda message: (
                    outside.append(message.text)
                    if "Content Security Policy" in message.text
                    else None
                ),
            )
            page.goto(f"{base_url}/")

            marker = page.locator(".leaflet-marker-icon[title*='Tyotkino']")
            expect(marker).to_have_count(1)
            expect(page.locator("path.leaflet-interactive, svg path").first).to_be_attached()
            page.screenshot(path=str(_screenshots() / "web-index.png"))

            # The filters swap the list and the markers in place.
            page.select_option("select[name=side]", "russia")
            expect(marker).to_have_count(0)
            expect(page).to_have_url(re.compile(r"/\?side=russia$"))
            page.select_option("select[name=side]", "")
            expect(marker).to_have_count(1)

            marker.click()
            popup = page.locator(".leaflet-popup-content")
            expect(popup).to_contain_text("Tyotkino")
            expect(popup).to_contain_text("Tëtkino")
            link = popup.get_by_role("link", name="Open the event page").first
            href = link.get_attribute("href") or ""
            assert re.search(r"/events/k\d+$", href), href
            # Opened by its address: a click can land while the map still pans to the popup.
            page.goto(href if href.startswith("http") else f"{base_url}{href}")

            expect(page.locator("h1")).to_have_text("Armed clash at Tëtkino")
            expect(page.locator(".contradiction .why")).to_contain_text("Tyotkino taken")
            for side, source, quoted in (
                ("ukraine", "Freedom of Russia Legion", "claimed to have taken over the entire"),
                ("russia", "Russian Ministry of Defence", "managed to prevent the border crossing"),
            ):
                claim = page.locator(f".side-{side} details.claim", has_text=source).first
                sentence = claim.locator(".source-sentence")
                expect(sentence).to_be_hidden()
                claim.locator("summary").click()
                expect(sentence).to_be_visible()
                expect(sentence).to_contain_text(quoted)
            page.screenshot(path=str(_screenshots() / "web-event.png"), full_page=True)
        finally:
            browser.close()
    assert outside == [], f"the page asked for addresses outside this server: {outside}"
    assert errors == [], f"the page raised script errors: {errors}"
