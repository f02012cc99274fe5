"""Names in Russian text: actors linked to the knowledge base, places in the gazetteer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from corroborate.geo import Gazetteer
from corroborate.models import Article, ArticleAnalysis, PlaceMention
from corroborate.resolve.actors import load_actors
from corroborate.ru import RussianAnalyzer

Analyse = Callable[[str], ArticleAnalysis]


@pytest.fixture(scope="module")
def analyse(small_gazetteer: Path) -> Iterator[Analyse]:
    with Gazetteer.open(small_gazetteer, build_if_missing=False) as gazetteer:
        analyzer = RussianAnalyzer(gazetteer, load_actors())

        def run(text: str) -> ArticleAnalysis:
            article = Article(
                id="ru", text=text, source="t", format="text", language="ru",
                published=dt.date(2024, 3, 12),
            )  # fmt: skip
            return analyzer.analyze(article)

        yield run


def _actors(analysis: ArticleAnalysis) -> set[str]:
    return {e.actor_id for e in analysis.entities if e.actor_id is not None}


def _places(analysis: ArticleAnalysis) -> dict[str, PlaceMention]:
    return {p.span.text: p for p in analysis.places}


def test_ru_names_ministry_in_any_case_links_to_the_actor(analyse: Analyse) -> None:
    assert "ru_mod" in _actors(analyse("Минобороны России сообщило об отражении атаки."))
    assert "ru_mod" in _actors(analyse("Представитель Министерства обороны России выступил."))
    # A ministry without its country in a Russian article is Russia's, unless an
    # adjective names another.
    assert "ru_mod" in _actors(analyse("В Министерстве обороны заявили, что атака отражена."))
    assert "ua_mod" in _actors(analyse("Минобороны Украины сообщило о потерях."))


def test_ru_names_body_with_its_genitive_or_quoted_name_is_one_actor(analyse: Analyse) -> None:
    general_staff = analyse("В Генштабе ВСУ заявили, что силы ПВО сбили две ракеты.")
    assert "ua_general_staff" in _actors(general_staff)
    assert "ru_general_staff" not in _actors(general_staff)
    battalion = analyse("Бойцы батальона «Сибирь» заявили, что удерживают позиции.")
    assert "siberian_battalion" in _actors(battalion)


def test_ru_names_people_and_outlets_link_with_their_side(analyse: Analyse) -> None:
    analysis = analyse(
        "Губернатор Белгородской области Вячеслав Гладков сообщил об этом ТАСС. "
        "ВСУ обстреляли Шебекино."
    )
    by_actor = {e.actor_id: e for e in analysis.entities if e.actor_id}
    assert by_actor["gladkov"].kind == "person" and by_actor["gladkov"].side == "russia"
    assert by_actor["ua_armed_forces"].side == "ukraine"
    assert "tass" in by_actor
    mention = next(m for m in analysis.mentions if m.span.text == "Вячеслав Гладков")
    assert mention.label == "PERSON" and mention.entity_id == by_actor["gladkov"].id


def test_ru_names_region_and_settlement_resolve_in_the_gazetteer(analyse: Analyse) -> None:
    places = _places(analyse("В Шебекино Белгородской области повреждены дома."))
    region = places["Белгородской области"]
    assert region.precision == "region" and region.name == "Belgorod Oblast"
    town = places["Шебекино"]
    assert town.precision == "settlement" and town.admin1 == "Belgorod Oblast"
    assert town.lat is not None and town.country == "RU"


def test_ru_names_inflected_and_misread_village_names_resolve(analyse: Analyse) -> None:
    # "Грайворона" is looked up by its lemma; "у Тёткино" is tagged a person and is read
    # as a place after its preposition.
    places = _places(analyse("Бои идут в районе Грайворона и у Тёткино."))
    assert places["Грайворона"].name == "Grayvoron"
    tyotkino = places["Тёткино"]
    assert tyotkino.place_id == 483166 and tyotkino.admin1 == "Kursk Oblast"


def test_ru_names_unknown_village_falls_back_to_its_region(analyse: Analyse) -> None:
    places = _places(analyse("Обстрелу подверглось село Новая Таволжанка Курской области."))
    village = places["Новая Таволжанка"]
    assert village.precision == "region"
    assert village.admin1 == "Kursk Oblast"
    assert village.name == "Новая Таволжанка"


def test_ru_names_country_in_a_body_name_is_no_place(analyse: Analyse) -> None:
    analysis = analyse("Минобороны России заявило, что атака у Тёткино отражена.")
    assert [p.name for p in analysis.places] == ["Tëtkino"]
