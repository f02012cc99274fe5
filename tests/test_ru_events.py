"""Events, dates and casualty figures read from Russian articles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from corroborate.geo import Gazetteer
from corroborate.models import Article, ArticleAnalysis, Event
from corroborate.resolve.actors import load_actors
from corroborate.ru import RussianAnalyzer
from corroborate.ru.dates import find_dates

Analyse = Callable[[str], ArticleAnalysis]
TUESDAY = dt.date(2024, 3, 12)


@pytest.fixture(scope="module")
def analyse(small_gazetteer: Path) -> Iterator[Analyse]:
    with Gazetteer.open(small_gazetteer, build_if_missing=False) as gazetteer:
        analyzer = RussianAnalyzer(gazetteer, load_actors())

        def run(text: str) -> ArticleAnalysis:
            article = Article(
                id="ru", text=text, source="t", format="text", language="ru", published=TUESDAY
            )
            return analyzer.analyze(article)

        yield run


def _event(analysis: ArticleAnalysis) -> Event:
    [event] = analysis.events
    return event


def test_ru_events_cues_give_acled_sub_types(analyse: Analyse) -> None:
    shelling = _event(analyse("Гладков сообщил, что ВСУ обстреляли Шебекино."))
    assert (shelling.type, shelling.sub_type) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )
    drone = _event(analyse("В результате атаки беспилотника в Шебекино поврежден дом."))
    assert drone.sub_type == "Air/drone strike"
    downed = _event(analyse("Над Белгородской областью сбиты три беспилотника."))
    assert downed.sub_type == "Disrupted weapons use"
    clash = _event(analyse("У Тёткино идет бой с украинской ДРГ."))
    assert (clash.type, clash.sub_type) == ("Battles", "Armed clash")


def test_ru_events_negated_cue_reports_nothing(analyse: Analyse) -> None:
    assert analyse("Гладков сообщил, что обстрелов Шебекино не было.").events == []


def test_ru_events_placed_dated_and_resting_on_claims(analyse: Analyse) -> None:
    analysis = analyse("Гладков сообщил, что в воскресенье ВСУ обстреляли Шебекино.")
    event = _event(analysis)
    assert event.place == "Shebekino"
    assert event.place_mention is not None and event.place_mention.precision == "settlement"
    assert event.date == "2024-03-10" and event.date_precision == "day"
    assert event.claim_ids == [analysis.claims[0].id]
    assert event.plover == "FIGHT"


def test_ru_events_without_a_place_happen_at_the_article_s_place(analyse: Analyse) -> None:
    analysis = analyse(
        "Жители Шебекино слышали взрывы. Позже Гладков сообщил, что город подвергся обстрелу."
    )
    event = _event(analysis)
    assert event.place == "Shebekino"
    assert event.date == TUESDAY.isoformat()


def test_ru_events_dateline_place_is_where_the_reporter_was(analyse: Analyse) -> None:
    analysis = analyse("МОСКВА, 12 марта. /ТАСС/. Над Белгородской областью сбиты три дрона.")
    assert _event(analysis).place == "Belgorod Oblast"


def test_ru_events_casualty_figures_are_quantities(analyse: Analyse) -> None:
    analysis = analyse("Гладков сообщил, что погибли два человека, еще пятеро ранены.")
    found = {(q.kind, q.low, q.high) for q in analysis.quantities}
    assert found == {("killed", 2.0, 2.0), ("wounded", 5.0, 5.0)}
    assert all(q.claim_id == analysis.claims[0].id for q in analysis.quantities)


def test_ru_events_dates_resolve_against_the_article_date() -> None:
    text = "12 марта, в ночь на понедельник, вчера, в феврале и с воскресенья"
    found = [(d.frame.value, d.frame.precision, d.since) for d in find_dates(text, TUESDAY)]
    assert found == [
        ("2024-03-12", "day", False),
        ("2024-03-11", "day", False),
        ("2024-03-11", "day", False),
        ("2024-02", "month", False),
        ("2024-03-10", "day", True),
    ]
    assert [d.frame.value for d in find_dates("во вторник", None)] == [None]
