"""Russian articles in the analyser and across articles: one event, two languages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from corroborate.analyzer import Analyzer, unsupported_reason
from corroborate.geo import Gazetteer
from corroborate.geo.geoparse import Geoparser
from corroborate.merge.digest import digest
from corroborate.models import Article
from corroborate.resolve.actors import load_actors

DAY = dt.date(2024, 3, 12)


@pytest.fixture(scope="module")
def analyzer(nlp: Language, small_gazetteer: Path) -> Iterator[Analyzer]:
    with Gazetteer.open(small_gazetteer, build_if_missing=False) as gazetteer:
        yield Analyzer(nlp, geoparser=Geoparser(gazetteer, load_actors()))


def _article(article_id: str, text: str, language: str) -> Article:
    return Article(
        id=article_id, text=text, source=f"{article_id}.txt", format="text",
        language=language, published=DAY, url=f"https://example.org/{article_id}",
    )  # fmt: skip


def test_ru_across_languages_russian_is_analysed_in_input_order(analyzer: Analyzer) -> None:
    articles = [
        _article("en", "The governor said two houses were damaged in Shebekino.", "en"),
        _article("ru", "Гладков сообщил, что в Шебекино повреждены два дома.", "ru"),
        _article("uk", "Губернатор заявив, що в Шебекіному пошкоджено два будинки.", "uk"),
    ]
    assert unsupported_reason(articles[1]) is None
    en, ru, uk = analyzer.analyze_many(articles)
    assert (en.article.id, ru.article.id, uk.article.id) == ("en", "ru", "uk")
    assert ru.analysed and ru.claims[0].slots == {"damage": "damaged", "target": "civilian"}
    assert not uk.analysed and uk.skipped_reason is not None


def test_ru_across_languages_taken_and_repelled_contradict_in_one_cluster(
    analyzer: Analyzer,
) -> None:
    english = _article(
        "legion", "The Legion said its fighters had taken the village of Tyotkino.", "en"
    )
    russian = _article("mod", "Минобороны России заявило, что атака у Тёткино отражена.", "ru")
    analyses = list(analyzer.analyze_many([english, russian]))
    [cluster] = digest(analyses)
    assert cluster.origins == 2
    [pair] = cluster.pairs
    assert pair.aspect == "control"
    assert {pair.article_a, pair.article_b} == {"legion", "mod"}
    assert "Russian Ministry of Defence" in (pair.source_a, pair.source_b)
    assert "Tëtkino taken" in pair.why
