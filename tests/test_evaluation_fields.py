"""Tests of the fields scored on their own: entities, places, dates, events, captions
and verification statements."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest

from corroborate.evaluation import GoldFile, load_gold, score_file
from corroborate.models import (
    ArticleAnalysis,
    DateMention,
    Entity,
    Event,
    PlaceMention,
    Repair,
    Span,
    VerificationStatement,
)

TEXT = (
    "Andriy Yusov told TV channel 24 that the groups act alone. "
    "Later Yusov repeated it, and Jusov was quoted by Peskov's office too. "
    "Kremlin spokesman said the village of Tjotkino in the Kursk region was shelled "
    "on the night before Tuesday and near Lozovaya Rudka since Sunday.\n"
    "Smoke over Tyotkino in May 2023.\n"
    "The information could not be independently confirmed."
)


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def load(tmp_path: Path, gold: Mapping[str, object]) -> GoldFile:
    (tmp_path / "a.txt").write_text(f"date 2024-03-12\n{TEXT}", encoding="utf-8")
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"doc": "a.txt", "date": "2024-03-12", **gold}), encoding="utf-8")
    return load_gold(path)


def figures(gold: GoldFile, analysis: ArticleAnalysis, field: str) -> dict[str, float]:
    return score_file(gold, analysis).figures()[field]


ENTITIES = {
    "entities": [
        {"id": "yusov", "canonical": "Andriy Yusov", "mentions": ["Andriy Yusov", "Later Yusov",
                                                                   "Jusov"]},
        {"id": "peskov", "canonical": "Dmitry Peskov", "mentions": ["Peskov",
                                                                     "Kremlin spokesman"]},
    ]
}  # fmt: skip


def test_evaluation_bcubed_entities_hand_example(tmp_path: Path) -> None:
    gold = load(tmp_path, ENTITIES)
    text = gold.article.text
    analysis = ArticleAnalysis(article=gold.article)
    # predicted clusters {Andriy Yusov, Yusov} and {Jusov, Peskov, Kremlin spokesman}
    analysis.entities = [
        Entity("e1", "Andriy Yusov", "person", mentions=[span(text, "Andriy Yusov"),
                                                          span(text, "Yusov repeated")]),
        Entity("e2", "Andriy Yusov", "person", mentions=[span(text, "Jusov"), span(text, "Peskov"),
                                                          span(text, "Kremlin spokesman")]),
    ]  # fmt: skip
    result = figures(gold, analysis, "entities")
    # precision per mention: 1, 1, 1/3, 2/3, 2/3; recall: 2/3, 2/3, 1/3, 1, 1
    assert result["precision"] == pytest.approx(11 / 15)
    assert result["recall"] == pytest.approx(11 / 15)
    assert result["f1"] == pytest.approx(11 / 15)
    # Yusov's mentions mostly go to e1 (right name), Peskov's to e2 (wrong name)
    assert result["canonical_accuracy"] == pytest.approx(1 / 2)


def test_evaluation_entity_found_by_text_or_left_alone(tmp_path: Path) -> None:
    gold = load(tmp_path, ENTITIES)
    text = gold.article.text
    analysis = ArticleAnalysis(article=gold.article)
    # no spans at all: Yusov's mentions come together through the entity's aliases
    analysis.entities = [
        Entity("e1", "Andriy Yusov", "person", aliases=["andriy yusov", "Later Yusov", "JUSOV"]),
        Entity("e2", "Dmitry Peskov", "person", mentions=[span(text, "Peskov")]),
    ]
    result = figures(gold, analysis, "entities")
    # "Kremlin spokesman" stays a singleton: recall 1/2 for both Peskov mentions
    assert result["precision"] == 1.0
    assert result["recall"] == pytest.approx((3 * 1 + 2 * 0.5) / 5)
    assert result["canonical_accuracy"] == 1.0


PLACES = {
    "places": [
        {"id": "tyotkino", "canonical": "Tyotkino", "admin1": "Kursk Oblast", "country": "RU",
         "lat": 51.28, "lon": 34.29, "tolerance_km": 10, "mentions": ["Tjotkino", "Tyotkino"]},
        {"id": "rudka", "canonical": "Lozovaya Rudka", "admin1": "Belgorod Oblast",
         "country": "RU", "lat": None, "lon": None, "tolerance_km": None,
         "mentions": ["Lozovaya Rudka"], "note": "not in the gazetteer"},
    ]
}  # fmt: skip


def place(text: str, phrase: str, lat: float | None, lon: float | None, admin1: str | None,
          country: str = "RU") -> PlaceMention:  # fmt: skip
    return PlaceMention(span(text, phrase), phrase, lat, lon, admin1, country)


def test_evaluation_places_tolerance_161km_and_admin1(tmp_path: Path) -> None:
    gold = load(tmp_path, PLACES)
    text = gold.article.text
    analysis = ArticleAnalysis(article=gold.article)
    analysis.places = [
        place(text, "Tjotkino", 51.30, 34.33, "Kursk Oblast"),  # about 3.5 km off
        place(text, "Tyotkino", 51.28, 35.29, "Kursk Oblast", "UA"),  # about 70 km off
        place(text, "Lozovaya Rudka", None, None, "Belgorod region"),
    ]
    result = figures(gold, analysis, "places")
    assert result == {
        "gold": 3, "accuracy": pytest.approx(2 / 3), "accuracy_161km": 1.0,
        "country_accuracy": pytest.approx(2 / 3),
    }  # fmt: skip
    analysis.places[2] = place(text, "Lozovaya Rudka", 50.6, 36.6, "Kursk Oblast")
    analysis.places.pop(0)  # an unresolved mention is wrong on every count
    result = figures(gold, analysis, "places")
    assert (result["accuracy"], result["accuracy_161km"]) == pytest.approx((0.0, 1 / 3))


DATES = {
    "dates": [
        {"text": "on the night before Tuesday", "value": "2024-03-11/2024-03-12"},
        {"text": "since Sunday", "value": "2024-03-10"},
        {"text": "in May 2023", "value": "2023-05", "note": "photo caption"},
    ]
}


def test_evaluation_dates_and_ranges(tmp_path: Path) -> None:
    gold = load(tmp_path, DATES)
    text = gold.article.text
    analysis = ArticleAnalysis(article=gold.article)
    analysis.dates = [
        DateMention(span(text, "the night before Tuesday"), "2024-03-12", "day"),  # one end
        DateMention(span(text, "since Sunday"), "2024-03-10/2024-03-12", "range"),  # an end
        DateMention(span(text, "May 2023"), "2023-06", "month"),  # wrong month
    ]
    assert figures(gold, analysis, "dates") == {"gold": 3, "accuracy": pytest.approx(2 / 3)}
    analysis.dates[0] = DateMention(span(text, "Tuesday"), "2024-03-13", "day")
    assert figures(gold, analysis, "dates")["accuracy"] == pytest.approx(1 / 3)


EVENTS = {
    **PLACES,
    "events": [
        {"id": "E1", "date": "2024-03-12", "type": "Explosions/Remote violence",
         "sub_type": "Shelling/artillery/missile attack", "place": "tyotkino",
         "actors": ["Ukrainian armed forces"], "status": "claimed"},
        {"id": "E2", "date": "2024-03-10", "type": "Battles", "sub_type": "Armed clash",
         "place": "rudka"},
        {"id": "E3", "date": "2024-03-12", "type": "Explosions/Remote violence",
         "place": "Russia (several regions), St. Petersburg"},
    ],
}  # fmt: skip


def test_evaluation_events_match_on_type_date_and_place(tmp_path: Path) -> None:
    gold = load(tmp_path, EVENTS)
    text = gold.article.text
    art = gold.article.id
    tyotkino = place(text, "Tjotkino", 51.29, 34.30, "Kursk Oblast")
    analysis = ArticleAnalysis(article=gold.article)
    analysis.events = [
        Event("p1", art, "Explosions-Remote violence", "Shelling-artillery-missile attack",
              "2024-03-11/2024-03-12", "Tjotkino", place_mention=tyotkino),
        Event("p2", art, "Battles", "Looting", "2024-03-10", "Lozovaya Rudka"),
        Event("p3", art, "Explosions/Remote violence", None, "2024-03-12", "St. Petersburg"),
        Event("p4", art, "Battles", "Armed clash", "2024-03-11", "Lozovaya Rudka"),  # wrong date
    ]  # fmt: skip
    result = figures(gold, analysis, "events")
    assert result["precision"] == pytest.approx(3 / 4)
    assert result["recall"] == 1.0
    # E1 right, E2 wrong (Looting); E3 gives no sub-type and is not scored
    assert result["sub_type_accuracy"] == pytest.approx(1 / 2)
    analysis.events[2].place = "Kursk"  # free-text gold place: name must be contained
    assert figures(gold, analysis, "events")["recall"] == pytest.approx(2 / 3)


CAPTIONS = {
    "captions": ["Smoke over Tyotkino in May 2023."],
    "verification_statements": ["The information could not be independently confirmed."],
}


def test_evaluation_captions_and_verification_statements(tmp_path: Path) -> None:
    gold = load(tmp_path, CAPTIONS)
    text = gold.article.text
    caption = span(text, "Smoke over Tyotkino in May 2023.")
    statement = span(text, "The information could not be independently confirmed.")
    analysis = ArticleAnalysis(article=gold.article)
    analysis.repairs = [
        Repair("caption", caption.start, caption.start + 15, caption.text[:15]),  # under half
        Repair("heading", 0, 12, "Andriy Yusov"),  # body text marked as a heading
        Repair("glued_word", 0, 6, "Andriy"),  # not a caption at all
    ]
    analysis.verification_statements = [VerificationStatement(statement, "unconfirmed")]
    result = score_file(gold, analysis).figures()
    assert result["captions"] == {"gold": 1, "precision": 0.5, "recall": 0.0}
    assert result["verification_statements"] == {"gold": 1, "recall": 1.0}
    assert len(caption.text) == 32
    analysis.repairs[0] = Repair("caption", caption.start, caption.start + 16, "")  # half
    half = Span(statement.start, statement.start + 20, "")
    analysis.verification_statements = [VerificationStatement(half, "unconfirmed")]
    result = score_file(gold, analysis).figures()
    assert result["captions"] == {"gold": 1, "precision": 0.5, "recall": 1.0}
    assert result["verification_statements"]["recall"] == 0.0
