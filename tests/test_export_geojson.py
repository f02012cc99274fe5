"""The GeoJSON export: RFC 7946 structure, [lon, lat] order, events without coordinates."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from corroborate.export import export, export_ledger, feature_collection
from corroborate.export.events import collect
from corroborate.models import (
    Article,
    ArticleAnalysis,
    Claim,
    Event,
    PlaceMention,
    SourceRef,
    Span,
)

SCHEMA_PATH = Path(__file__).parent / "fixtures" / "export" / "geojson.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _analysis(place: PlaceMention | None, article_id: str = "a") -> ArticleAnalysis:
    text = f"The governor said a drone hit the town on Tuesday ({article_id})."
    claim = Claim(
        id=f"{article_id}-c1",
        article_id=article_id,
        content=Span(18, 49, text[18:49]),
        sentence=Span(0, len(text), text),
        sources=[SourceRef("the governor", Span(0, 12, text[:12]))],
    )
    event = Event(
        id=f"{article_id}-v1",
        article_id=article_id,
        type="Explosions/Remote violence",
        sub_type="Air/drone strike",
        date="2024-03-12",
        place=place.name if place is not None else None,
        claim_ids=[claim.id],
        place_mention=place,
        date_precision="day",
    )
    article = Article(
        article_id, text, f"{article_id}.txt", "text", outlet="Test Wire",
        published=dt.date(2024, 3, 12),
    )  # fmt: skip
    return ArticleAnalysis(article=article, claims=[claim], events=[event])


def _collection(place: PlaceMention | None) -> dict[str, Any]:
    out = io.StringIO()
    export([_analysis(place)], "geojson", out)
    parsed: dict[str, Any] = json.loads(out.getvalue())
    return parsed


def test_export_geojson_example_validates_against_rfc7946_schema(
    example_ledger: Path, validator: jsonschema.Draft202012Validator
) -> None:
    out = io.StringIO()
    result = export_ledger(example_ledger, "geojson", out)
    collection = json.loads(out.getvalue())
    validator.validate(collection)
    features = collection["features"]
    assert len(features) == result.records >= 1
    ids = [f["id"] for f in features]
    assert len(set(ids)) == len(ids)
    assert all(f["properties"]["id"] == f["id"] for f in features)
    for key in ("date", "type", "sub_type", "place", "precision", "actors", "articles"):
        assert all(key in f["properties"] for f in features), key
    assert all(isinstance(f["properties"]["claims"], int) for f in features)
    assert all(f["properties"]["verdict"] for f in features)
    tyotkino = [f for f in features if f["properties"]["place"] == "Tëtkino"]
    assert tyotkino
    lon, lat = tyotkino[0]["geometry"]["coordinates"]
    assert (round(lon, 2), round(lat, 2)) == (34.29, 51.28)


def test_export_geojson_coordinates_are_lon_then_lat(
    validator: jsonschema.Draft202012Validator,
) -> None:
    # Longitude 120 is no latitude: swapped coordinates would also fail the schema.
    place = PlaceMention(Span(0, 4, "Town"), "Town", 10.5, 120.25, None, "PH", "settlement", 7)
    collection = _collection(place)
    validator.validate(collection)
    [feature] = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [120.25, 10.5]}
    swapped = json.loads(json.dumps(collection))
    swapped["features"][0]["geometry"]["coordinates"].reverse()
    assert not validator.is_valid(swapped)


def test_export_geojson_event_without_coordinates_has_null_geometry(
    validator: jsonschema.Draft202012Validator,
) -> None:
    unplaced = PlaceMention(Span(0, 4, "Xyzzy"), "Xyzzy")
    out = io.StringIO()
    result = export([_analysis(unplaced, "a"), _analysis(None, "b")], "geojson", out)
    collection = json.loads(out.getvalue())
    validator.validate(collection)
    features = collection["features"]
    assert [f["geometry"] for f in features] == [None, None]
    assert [f["properties"]["place"] for f in features] == ["Xyzzy", None]
    assert any(note.startswith("2 of 2 events") for note in result.notes)


def test_export_geojson_properties_of_a_hand_made_event() -> None:
    place = PlaceMention(
        Span(0, 8, "Belgorod"), "Belgorod", 50.61074, 36.58015, "Belgorod Oblast", "RU",
        "settlement", 578072,
    )  # fmt: skip
    # The same article given twice is still one event.
    [feature] = feature_collection(collect([_analysis(place), _analysis(place)]))["features"]
    props = feature["properties"]
    assert props["id"] == feature["id"] == "a-v1"
    assert (props["date"], props["type"], props["sub_type"]) == (
        "2024-03-12",
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert (props["place"], props["admin1"], props["precision"]) == (
        "Belgorod",
        "Belgorod Oblast",
        "settlement",
    )
    assert props["articles"] == [
        {"id": "a", "url": None, "outlet": "Test Wire", "published": "2024-03-12"}
    ]
    assert props["claims"] == 1
    assert props["fatalities"] == 0
    assert "not independently confirmed" in props["verdict"]
