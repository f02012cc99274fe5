"""Events assembled from small hand-written articles: type, place, date, support."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from corroborate.analyzer import Analyzer
from corroborate.geo import Gazetteer
from corroborate.geo.geoparse import Geoparser
from corroborate.models import Article, ArticleAnalysis
from corroborate.resolve.actors import load_actors

TUESDAY = dt.date(2024, 3, 12)


@pytest.fixture(scope="module")
def analyzer(nlp: Language, small_gazetteer: Path) -> Iterator[Analyzer]:
    with Gazetteer.open(small_gazetteer, build_if_missing=False) as gazetteer:
        yield Analyzer(nlp, geoparser=Geoparser(gazetteer, load_actors()))


def _analyse(analyzer: Analyzer, text: str) -> ArticleAnalysis:
    article = Article(id="a-test", text=text, source="test", format="text", published=TUESDAY)
    return analyzer.analyze(article)


def test_events_claimed_capture_rests_on_its_claim(analyzer: Analyzer) -> None:
    analysis = _analyse(
        analyzer,
        "The Legion claimed on Tuesday to have taken over the village of Tjotkino.",
    )
    [event] = [e for e in analysis.events if e.type == "Battles"]
    assert event.sub_type == "Non-state actor overtakes territory"
    assert event.place_mention is not None and event.place_mention.name == "Tëtkino"
    assert event.date == "2024-03-12"
    [claim] = analysis.claims
    assert event.claim_ids == [claim.id]


def test_events_same_place_other_day_is_another_event(analyzer: Analyzer) -> None:
    text = (
        "On Sunday, a drone strike on Shebekino damaged a school, Governor Gladkov said.\n\n"
        "On Tuesday, another drone strike on Shebekino hit a power line, he said."
    )
    strikes = [e for e in _analyse(analyzer, text).events if e.sub_type == "Air/drone strike"]
    assert sorted(e.date or "" for e in strikes) == ["2024-03-10", "2024-03-12"]
    assert all(e.place == "Shebekino" for e in strikes)


def test_events_village_in_region_is_one_event_at_the_village(analyzer: Analyzer) -> None:
    text = "Baza said heavy fighting took place in the village of Tjotkino in the Kursk region."
    events = [e for e in _analyse(analyzer, text).events if e.type == "Battles"]
    assert [e.place for e in events] == ["Tëtkino"]


def test_events_country_report_joins_the_event_inside_it(analyzer: Analyzer) -> None:
    text = (
        "Fighting broke out in the village of Tjotkino on Tuesday morning, Baza said.\n\n"
        "The volunteers said they had started an attack across Russia's border on Tuesday."
    )
    events = [e for e in _analyse(analyzer, text).events if e.type == "Battles"]
    assert len(events) == 1
    assert len(events[0].claim_ids) == 2


def test_events_date_in_caption_does_not_date_the_event(analyzer: Analyzer) -> None:
    text = (
        "Kharkiv residents clear rubble in February.\n\n"
        "Russian forces shelled Kharkiv overnight, the governor said on Tuesday."
    )
    shelling = [e for e in _analyse(analyzer, text).events if "Shelling" in (e.sub_type or "")]
    assert shelling and all(e.date == "2024-03-12" for e in shelling)


def test_events_narration_without_event_gives_none(analyzer: Analyzer) -> None:
    text = "The governor held a meeting with farmers about the spring sowing on Tuesday."
    assert _analyse(analyzer, text).events == []


def test_events_plover_type_is_given(analyzer: Analyzer) -> None:
    text = "Russian forces shelled Kharkiv overnight, the governor said."
    [event] = [e for e in _analyse(analyzer, text).events if e.place == "Kharkiv"]
    assert event.plover is not None


def test_events_who_acted_and_who_was_targeted(analyzer: Analyzer) -> None:
    text = (
        "The Freedom of Russia Legion attacked Rosgvardia units in Tjotkino on Tuesday, Baza said."
    )
    analysis = _analyse(analyzer, text)
    [event] = [e for e in analysis.events if e.type == "Battles"]
    assert event.acted_by == ["Freedom of Russia Legion"]
    assert event.targets == ["National Guard of Russia"]  # Rosgvardia, by its canonical name


def test_events_without_a_named_place_happen_where_the_article_is(analyzer: Analyzer) -> None:
    analysis = _analyse(
        analyzer,
        "Officials in Tjotkino described the night.\n\n"
        "Debris of a downed drone fell on the territory of an industrial site, the governor "
        "said. A small fire broke out. Residents of Tjotkino were told to stay indoors.",
    )
    assert analysis.events, "the drone event needs a place"
    assert all(e.place_mention is not None for e in analysis.events)
    assert {e.place_mention.name for e in analysis.events if e.place_mention} == {"Tëtkino"}


def test_events_history_recalled_is_no_event(analyzer: Analyzer) -> None:
    analysis = _analyse(
        analyzer,
        "Thousands of civilians have been killed since Russia invaded Ukraine in February "
        "2022. In 2023 Russian volunteer units staged several raids into the Belgorod region.",
    )
    assert analysis.events == []
    recent = _analyse(analyzer, "On Tuesday Russian volunteer units raided the Belgorod region.")
    assert recent.events
