"""The server-rendered pages: front page, filter fragment and event pages.

Most tests read the analysed example ledger; the escaping and cross-article tests use two
small articles written here, about one raid at Tyotkino told by each side.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from corroborate.models import (
    Article,
    ArticleAnalysis,
    Claim,
    Contradiction,
    Entity,
    Event,
    PlaceMention,
    SourceRef,
    Span,
)
from corroborate.store.ledger import Ledger
from corroborate.web.app import create_app
from corroborate.web.listing import EventFilter
from corroborate.web.settings import ServerSettings
from corroborate.web.views import build_board

HOSTILE = "<script>alert('x')</script>"
TETKINO, TETKINO_LAT, TETKINO_LON = "Tëtkino", 51.28128, 34.29382


@pytest.fixture(scope="module")
def client(example_ledger: Path) -> TestClient:
    return TestClient(create_app(ServerSettings(db_path=example_ledger)))


def _tyotkino_id(client: TestClient) -> str:
    fragment = client.get("/fragments/events", params={"q": "Tyotkino"}).text
    ids = re.findall(r'href="/events/(k\d+)"', fragment)
    assert ids, fragment
    return str(ids[0])


def test_web_pages_index_shows_map_timeline_and_tyotkino(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert 'id="map"' in html and "/static/leaflet.js" in html and "/static/htmx.min.js" in html
    assert 'class="timeline"' in html and "Tue 12 Mar 2024" in html
    marker = re.search(r'class="map-place"[^>]*data-title="([^"]*Tyotkino[^"]*)"', html)
    assert marker is not None, "no map marker names Tyotkino"
    assert "Tëtkino" in marker.group(1)
    assert 'hx-get="/fragments/events"' in html


def test_web_pages_event_page_shows_both_sides_and_the_contradiction(client: TestClient) -> None:
    html = client.get(f"/events/{_tyotkino_id(client)}").text
    assert "Armed clash at Tëtkino" in html
    assert "Ukrainian side" in html and "Russian side" in html
    assert "Freedom of Russia Legion" in html and "Russian Ministry of Defence" in html
    assert "to have taken over the entire village of Tyotkino" in html
    assert "Russia managed to prevent the border crossing" in html
    assert "Tyotkino taken vs Russian Ministry of Defense: the attack stopped in Kursk" in html
    assert "claimed by one side only (Ukraine)" in html
    assert "<details" in html and 'class="source-sentence"' in html
    assert "examples/seed-2024-03-12.txt" in html


def test_web_pages_load_nothing_from_elsewhere(client: TestClient) -> None:
    pages = [client.get("/"), client.get(f"/events/{_tyotkino_id(client)}")]
    for response in pages:
        assert "http://" not in response.text and "https://" not in response.text
        for link in re.findall(r'(?:src|href)="([^"]*)"', response.text):
            assert link.startswith(("/", "#", "data:")), link
        policy = response.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert client.get("/static/leaflet.css").status_code == 200
    assert client.get("/static/images/marker-icon.png").status_code == 200
    assert client.get("/static/countries.geojson").status_code == 200


def test_web_pages_tile_server_is_the_only_other_origin(example_ledger: Path) -> None:
    tiles = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    app = create_app(ServerSettings(db_path=example_ledger, tile_url=tiles))
    response = TestClient(app).get("/")
    assert f'data-tile-url="{tiles}"' in response.text
    assert (
        "img-src 'self' data: https://*.tiles.example.org;"
        in (response.headers["content-security-policy"])
    )


def test_web_pages_filters_narrow_the_list(client: TestClient) -> None:
    def titles(**params: str) -> list[str]:
        response = client.get("/fragments/events", params=params)
        assert response.status_code == 200
        return re.findall(r'class="event-link"[^>]*>([^<]*)<', response.text)

    everything = titles()
    assert len(everything) == 8
    assert titles(q="tetkino") == ["Battles / Armed clash at Tëtkino"]
    assert "Battles / Armed clash at Tëtkino" in titles(side="ukraine")
    assert "Battles / Armed clash at Tëtkino" not in titles(side="russia")
    assert titles(type="Non-state actor overtakes territory") == [
        "Battles / Armed clash at Tëtkino"
    ]
    assert titles(actor="legion") == ["Battles / Armed clash at Tëtkino"]
    assert titles(date_from="2024-03-13") == []
    assert len(titles(date_from="2024-03-12", date_to="2024-03-12")) == len(everything)


def test_web_pages_fragment_keeps_the_address_and_reports_bad_values(client: TestClient) -> None:
    response = client.get("/fragments/events", params={"side": "ukraine", "q": "Tyotkino"})
    assert response.headers["hx-replace-url"] == "/?side=ukraine&q=Tyotkino"
    bad = client.get("/", params={"date_from": "12/03/2024", "side": "martians"})
    assert bad.status_code == 200
    assert "date_from &#39;12/03/2024&#39; is not a date: write it as YYYY-MM-DD" in bad.text
    assert "side &#39;martians&#39; is not known" in bad.text


def test_web_pages_event_ids_and_unknown_ids(client: TestClient) -> None:
    page = _tyotkino_id(client)
    assert client.get(f"/events/{page}").status_code == 200
    answer = client.get("/events/ae530568414404955-v4", follow_redirects=False)
    assert answer.status_code == 307 and answer.headers["location"] == f"/events/{page}"
    missing = client.get("/events/k999")
    assert missing.status_code == 404 and "There is no event" in missing.text


def test_web_pages_missing_ledger_is_reported_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    response = TestClient(create_app(ServerSettings(db_path=path))).get("/")
    assert response.status_code == 503
    assert "no such ledger" in response.text and "corroborate analyze" in response.text
    assert not path.exists()


def _raid(
    article_id: str, text: str, claim: str, who: tuple[str, str, str, str]
) -> ArticleAnalysis:
    """One article: one source's claim about a raid at Tyotkino on 12 March 2024."""
    actor_id, name, side, affiliation = who
    start = text.index(claim)
    content = Span(start, start + len(claim), claim)
    sentence = Span(0, len(text), text)
    places = []
    for written, region in (("Tyotkino", False), ("Kursk region", True)):
        if written in text:
            at = text.index(written)
            places.append(
                PlaceMention(
                    span=Span(at, at + len(written), written),
                    name="Kursk Oblast" if region else TETKINO,
                    lat=51.68 if region else TETKINO_LAT,
                    lon=35.83 if region else TETKINO_LON,
                    admin1="Kursk Oblast",
                    country="RU",
                    precision="region" if region else "settlement",
                    place_id=-41 if region else 483166,
                )
            )
    entity = Entity(
        f"{article_id}-e1",
        name,
        "organisation",
        affiliation=affiliation,
        actor_id=actor_id,
        side=side,
    )
    claim_record = Claim(
        id=f"{article_id}-c1",
        article_id=article_id,
        content=content,
        sentence=sentence,
        sources=[SourceRef(name, None, entity.id)],
        slots={"outcome": "taken" if side == "ukraine" else "repelled"},
    )
    event = Event(
        id=f"{article_id}-v1",
        article_id=article_id,
        type="Battles",
        sub_type="Armed clash",
        date="2024-03-12",
        place=TETKINO,
        claim_ids=[claim_record.id],
        place_mention=next(p for p in places if p.precision == "settlement"),
        date_precision="day",
    )
    return ArticleAnalysis(
        article=Article(
            id=article_id,
            text=text,
            source=f"inputs/{article_id}.txt",
            format="text",
            published=dt.date(2024, 3, 12),
        ),
        sentences=[sentence],
        entities=[entity],
        claims=[claim_record],
        places=places,
        events=[event],
    )


def _two_sides() -> list[ArticleAnalysis]:
    legion = _raid(
        "a1",
        f"The Legion said {HOSTILE} it had taken the village of Tyotkino in the morning.",
        f"{HOSTILE} it had taken the village of Tyotkino",
        ("freedom_of_russia_legion", "Freedom of Russia Legion", "ukraine", "pro_ukrainian"),
    )
    legion.article.title = f"Raid {HOSTILE}"
    legion.article.url = "javascript:alert(1)"
    legion.contradictions = [Contradiction("a1-c1", "a1-c1", f"<b>{HOSTILE}</b>")]
    ministry = _raid(
        "a2",
        "Officials in Moscow stated the attack near Tyotkino in the Kursk region was repelled.",
        "the attack near Tyotkino in the Kursk region was repelled",
        ("ru_mod", "Russian Ministry of Defence", "russia", "russian_state"),
    )
    ministry.article.url = "https://example.org/mod"
    ministry.article.outlet = "TASS"
    return [legion, ministry]


def test_web_pages_one_event_across_articles_with_both_sides() -> None:
    board = build_board(_two_sides())
    assert len(board.events) == 1
    event = board.events[0]
    assert [group.side for group in event.groups] == ["ukraine", "russia"]
    assert event.place is not None and event.place.written == ("Tyotkino",)
    reasons = [item.why for item in event.contradictions]
    assert (
        "Freedom of Russia Legion: Tëtkino taken vs Russian Ministry of Defence: "
        "the attack stopped in Kursk Oblast"
    ) in reasons
    assert all(claim.disputed for group in event.groups for claim in group.claims)
    assert event.articles[1].web_url == "https://example.org/mod"
    assert event.articles[0].web_url is None  # a javascript: URL is never a link
    assert EventFilter.parse(side="russia").matches(event)
    assert not EventFilter.parse(date_to="2024-03-11").matches(event)


def test_web_pages_escape_ledger_text(tmp_path: Path) -> None:
    path = tmp_path / "hostile.db"
    with Ledger.open(path) as ledger:
        run = ledger.start_run("test")
        for analysis in _two_sides():
            ledger.save_analysis(analysis, run)
        ledger.finish_run(run, new=2, unchanged=0, failed=0)
    client = TestClient(create_app(ServerSettings(db_path=path)))
    event = client.get("/events/k1").text
    index = client.get("/", params={"q": "alert"}).text
    for html in (event, index):
        assert "<script>alert" not in html and "<b><script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in event
    assert 'href="javascript:' not in event and "<code>javascript:alert(1)</code>" in event
    assert 'href="https://example.org/mod" rel="noopener noreferrer nofollow"' in event
