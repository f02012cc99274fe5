"""The REST API's read endpoints over the analysed example article (12 events).

The example reports a raid on the village of Tyotkino (written "Tjotkino" and
"Tyotkino", "Tëtkino" in the gazetteer) in Kursk Oblast, and a drone strike on the city
of Belgorod; the Freedom of Russia Legion claims the village was taken, the Russian
Ministry of Defence that the attack was stopped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from corroborate.web.app import create_app
from corroborate.web.settings import ServerSettings

TYOTKINO_BOX = "34.0,51.0,34.6,51.5"
BELGOROD_CITY = (50.61074, 36.58015)


@pytest.fixture(scope="module")
def client(example_ledger: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ServerSettings(db_path=example_ledger))) as test_client:
        yield test_client


def _get(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _event_ids(client: TestClient, **params: Any) -> set[str]:
    page = _get(client, "/api/events", limit=500, **params)
    assert page["total"] == len(page["items"])
    return {event["id"] for event in page["items"]}


def _places(client: TestClient, **params: Any) -> set[str | None]:
    page = _get(client, "/api/events", limit=500, **params)
    return {event["place"] for event in page["items"]}


def test_web_api_events_list_is_paginated(client: TestClient) -> None:
    everything = _get(client, "/api/events", limit=500)
    assert everything["total"] == 12 and len(everything["items"]) == 12
    first = _get(client, "/api/events", limit=5, offset=0)
    second = _get(client, "/api/events", limit=5, offset=5)
    assert (first["total"], first["limit"], first["offset"]) == (12, 5, 0)
    assert len(first["items"]) == 5 and second["offset"] == 5
    ids = [e["id"] for e in first["items"] + second["items"]]
    assert ids == [e["id"] for e in everything["items"]][:10]
    assert _get(client, "/api/events")["limit"] == 50


def test_web_api_events_bbox_keeps_tyotkino_only(client: TestClient) -> None:
    inside = _get(client, "/api/events", bbox=TYOTKINO_BOX)["items"]
    assert len(inside) == 2
    for event in inside:
        assert event["place"] == "Tëtkino"
        assert event["place_mention"]["span"]["text"] in {
            "Tjotkino",
            "Tyotkino",
        }
        assert 34.0 <= event["place_mention"]["lon"] <= 34.6
    assert "Belgorod" not in _places(client, bbox=TYOTKINO_BOX)
    lat, lon = BELGOROD_CITY
    city_box = f"{lon - 0.05},{lat - 0.02},{lon + 0.05},{lat + 0.02}"
    assert _places(client, bbox=city_box) == {"Belgorod"}
    assert _event_ids(client, bbox="10,10,11,11") == set()


def test_web_api_events_place_any_spelling_or_id(client: TestClient) -> None:
    by_text = _event_ids(client, place="Tyotkino")
    assert len(by_text) == 2
    assert _event_ids(client, place="Tjotkino") == by_text
    assert _event_ids(client, place="Тёткино") == by_text
    assert _event_ids(client, place="483166") == by_text
    assert _event_ids(client, place="Kyiv") == set()


def test_web_api_events_actor_by_name_alias_or_id(client: TestClient) -> None:
    legion = _event_ids(client, actor="Freedom of Russia Legion")
    assert legion
    assert _event_ids(client, actor="Legion of Free Russia") == legion
    assert _event_ids(client, actor="freedom_of_russia_legion") == legion
    # The Legion's claim to have taken the village is an event it acted in.
    taken = _get(client, "/api/events", actor="freedom_of_russia_legion", place="Tyotkino")
    assert "Non-state actor overtakes territory" in {e["sub_type"] for e in taken["items"]}
    assert _event_ids(client, actor="Fontanka Unknown Brigade") == set()


def test_web_api_events_dates_type_and_text(client: TestClient) -> None:
    assert len(_event_ids(client, date_from="2024-03-12", date_to="2024-03-12")) == 12
    # Only the night strike's range (2024-03-11/2024-03-12) reaches back to the 11th.
    assert _places(client, date_to="2024-03-11") == {"Russia"}
    assert _event_ids(client, date_from="2024-03-13") == set()
    battles = _get(client, "/api/events", type="Battles", limit=500)["items"]
    assert battles and {e["type"] for e in battles} == {"Battles"}
    strikes = _get(client, "/api/events", sub_type="air/drone strike", limit=500)["items"]
    assert len(strikes) == 2 and {e["sub_type"] for e in strikes} == {"Air/drone strike"}
    assert "Belgorod" in _places(client, q="commercial")
    assert "Tëtkino" not in _places(client, q="commercial")
    assert _event_ids(client, q="zzzzqqq") == set()


def test_web_api_event_detail_has_claims_and_contradiction(client: TestClient) -> None:
    [taken] = _get(client, "/api/events", sub_type="Non-state actor overtakes territory")["items"]
    detail = _get(client, f"/api/events/{taken['id']}")
    [claim] = detail["claims"]
    assert "Tyotkino" in claim["sentence"]["text"]
    assert claim["sources"][0]["canonical"] == "Freedom of Russia Legion"
    assert claim["sources"][0]["side"] == "ukraine"
    assert claim["hedged"] is True and claim["status"] == "unconfirmed"
    [contradiction] = detail["contradictions"]
    assert "Tyotkino taken" in contradiction["why"]
    assert claim["contradictions"][0]["other"] == contradiction["b"]


def test_web_api_article_list_and_detail(client: TestClient) -> None:
    page = _get(client, "/api/articles")
    [article] = page["items"]
    assert article["published"] == "2024-03-12" and article["events"] == 12
    assert _get(client, "/api/articles", date_from="2024-03-13")["total"] == 0
    assert _get(client, "/api/articles", language="de")["total"] == 0
    assert _get(client, "/api/articles", language="EN")["total"] == 1
    assert _get(client, "/api/articles", outlet="Reuters")["total"] == 0  # the outlet is unknown
    detail = _get(client, f"/api/articles/{article['id']}")
    assert len(detail["events"]) == 12 and len(detail["claims"]) == article["claims"]
    text = detail["text"]
    for sentence in detail["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    assert "Tëtkino" in {place["name"] for place in detail["places"]}
    assert "Freedom of Russia Legion" in {entity["canonical"] for entity in detail["entities"]}


def test_web_api_claims_filters(client: TestClient) -> None:
    legion = _get(client, "/api/claims", source="Legion of Free Russia", limit=500)["items"]
    assert legion and all(c["sources"][0]["actor_id"] == "freedom_of_russia_legion" for c in legion)
    by_canonical = _get(client, "/api/claims", source="Freedom of Russia Legion", limit=500)
    assert {c["id"] for c in by_canonical["items"]} == {c["id"] for c in legion}
    mod = _get(client, "/api/claims", source="ru_mod", limit=500)["items"]
    assert mod and {c["sources"][0]["canonical"] for c in mod} == {"Russian Ministry of Defence"}
    russian = _get(client, "/api/claims", affiliation="russia", limit=500)["items"]
    assert russian and all(any(s["side"] == "russia" for s in c["sources"]) for c in russian)
    assert not {c["id"] for c in legion} & {c["id"] for c in russian}
    fighting = _get(client, "/api/claims", contradiction="true", limit=500)
    others = _get(client, "/api/claims", contradiction="false", limit=500)
    assert fighting["items"] and all(c["contradictions"] for c in fighting["items"])
    assert not any(c["contradictions"] for c in others["items"])
    assert fighting["total"] + others["total"] == _get(client, "/api/claims")["total"]


def test_web_api_claims_of_event_have_provenance(client: TestClient) -> None:
    [taken] = _get(client, "/api/events", sub_type="Non-state actor overtakes territory")["items"]
    [claim] = _get(client, "/api/claims", event=taken["id"])["items"]
    assert claim["id"] in taken["claim_ids"] and taken["id"] in claim["event_ids"]
    assert claim["article"]["id"] == taken["article"]["id"]
    assert claim["cue"]["text"] == "claimed"
    relayed = _get(client, "/api/claims", source="FSB", limit=500)["items"]
    assert relayed and all(c["via"][0]["name"] == "Baza" for c in relayed)
    assert _get(client, "/api/claims", event="no-such-event")["total"] == 0


def test_web_api_entities_and_places(client: TestClient) -> None:
    [yusov] = _get(client, "/api/entities", q="Jusov")["items"]
    assert yusov["actor_id"] == "yusov" and yusov["mentions"]
    ministry = _get(client, "/api/entities", actor="ru_mod")["items"]
    assert {e["canonical"] for e in ministry} == {"Russian Ministry of Defence"}
    assert all(
        e["side"] == "ukraine" for e in _get(client, "/api/entities", side="ukraine")["items"]
    )
    [village] = _get(client, "/api/places", bbox=TYOTKINO_BOX)["items"]
    assert village["name"] == "Tëtkino" and village["place_id"] == 483166
    assert village["precision"] == "settlement"
    assert set(village["written"]) == {"Tjotkino", "Tyotkino"} and village["mentions"] == 2
    regions = _get(client, "/api/places", precision="region", limit=500)["items"]
    assert regions and {p["precision"] for p in regions} == {"region"}
    assert _get(client, "/api/places", q="Tyotkino")["items"][0]["place_id"] == 483166


def test_web_api_search_finds_words(client: TestClient) -> None:
    page = _get(client, "/api/search", q="Tyotkino")
    assert page["total"] == 1
    assert "[Tyotkino]" in page["items"][0]["snippet"]
    assert _get(client, "/api/search", q="tjotkino village")["total"] == 1
    assert _get(client, "/api/search", q="zzzzqqq")["total"] == 0


@pytest.mark.parametrize(
    "query",
    [
        '"Tyotkino" OR 1=1; --',
        "Tyotkino OR zzzzqqq",
        'Tyotkino" OR "',
        "title:Tyotkino",
        "Tyotkino NEAR(",
        "'; DROP TABLE articles; --",
    ],
)
def test_web_api_search_takes_query_syntax_literally(client: TestClient, query: str) -> None:
    page = _get(client, "/api/search", q=query)
    assert isinstance(page["items"], list)
    # An OR operator would have matched the article through "Tyotkino"; a literal "or"
    # next to "zzzzqqq" cannot.
    if "zzzzqqq" in query:
        assert page["total"] == 0
    assert _get(client, "/api/articles")["total"] == 1
    assert _get(client, "/api/search", q="Tyotkino")["total"] == 1


def test_web_api_clusters(client: TestClient) -> None:
    page = _get(client, "/api/clusters", limit=500)
    assert page["total"] == len(page["items"]) >= 1
    [tyotkino] = [c for c in page["items"] if "Tëtkino" in c["title"]]
    assert "Tyotkino taken" in " ".join(tyotkino["contradictions"])
    assert "Russian Ministry of Defence" in tyotkino["corroboration"]["disputed_by"]
    event_ids = _event_ids(client, place="Tyotkino")
    assert event_ids <= set(tyotkino["event_ids"])
    one = next(iter(event_ids))
    assert [c["id"] for c in _get(client, "/api/clusters", event=one)["items"]] == [tyotkino["id"]]
    assert _get(client, f"/api/clusters/{tyotkino['id']}") == tyotkino
    assert _get(client, "/api/clusters", date_from="2024-03-13")["total"] == 0


def test_web_api_openapi_lists_paths(client: TestClient) -> None:
    document = _get(client, "/openapi.json")
    paths = document["paths"]
    for path in (
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/events",
        "/api/events/{event_id}",
        "/api/clusters",
        "/api/clusters/{cluster_id}",
        "/api/claims",
        "/api/entities",
        "/api/places",
        "/api/search",
    ):
        assert "get" in paths[path], path
    assert "post" in paths["/api/articles"]
    assert "EventOut" in document["components"]["schemas"]
    event_params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {
        "bbox",
        "date_from",
        "date_to",
        "actor",
        "place",
        "q",
        "limit",
        "offset",
    } <= event_params
    error = paths["/api/events/{event_id}"]["get"]["responses"]["404"]
    assert error["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
