"""The hand-checked Russian sample (tests/data/ru): what a careful reader takes from it.

``expected.json`` holds, per invented article, the claims a reader finds (a phrase of the
content, the source, the slots) and the reporter's verification statements. The analysis
must find every claim and nearly always agree on the source and the slots.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from corroborate.geo import Gazetteer
from corroborate.models import Article, ArticleAnalysis, Claim
from corroborate.resolve.actors import load_actors
from corroborate.resolve.names import name_key
from corroborate.ru import RussianAnalyzer

SAMPLE = Path(__file__).parent / "data" / "ru"


@pytest.fixture(scope="module")
def analysed(small_gazetteer: Path) -> Iterator[dict[str, ArticleAnalysis]]:
    with Gazetteer.open(small_gazetteer, build_if_missing=False) as gazetteer:
        analyzer = RussianAnalyzer(gazetteer, load_actors())
        found = {}
        for path in sorted(SAMPLE.glob("[0-9]*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            article = Article(
                id=path.stem, text=record["text"], source=path.name, format="json",
                language="ru", published=dt.date.fromisoformat(record["published"]),
            )  # fmt: skip
            found[path.name] = analyzer.analyze(article)
        yield found


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))
    return data


def _source(analysis: ArticleAnalysis, claim: Claim) -> str:
    entity = analysis.entity(claim.sources[0].entity_id)
    known = entity is not None and entity.actor_id and not entity.actor_id.startswith("new:")
    return entity.canonical if entity is not None and known else claim.sources[0].name


def _matched(analysis: ArticleAnalysis, wanted: list[dict[str, Any]]) -> list[tuple[Any, Claim]]:
    pairs = []
    used: set[str] = set()
    for item in wanted:
        claim = next(
            (c for c in analysis.claims if item["content"] in c.content.text and c.id not in used),
            None,
        )
        if claim is not None:
            used.add(claim.id)
            pairs.append((item, claim))
    return pairs


def test_ru_sample_articles_every_claim_is_found_and_no_other(
    analysed: dict[str, ArticleAnalysis], expected: dict[str, Any]
) -> None:
    assert set(analysed) == set(expected)
    for name, wanted in expected.items():
        analysis = analysed[name]
        assert len(_matched(analysis, wanted["claims"])) == len(wanted["claims"]), name
        assert len(analysis.claims) == len(wanted["claims"]), name


def test_ru_sample_articles_sources_and_slots_agree_with_the_reader(
    analysed: dict[str, ArticleAnalysis], expected: dict[str, Any]
) -> None:
    total = sources = slots = 0
    for name, wanted in expected.items():
        analysis = analysed[name]
        for item, claim in _matched(analysis, wanted["claims"]):
            total += 1
            sources += name_key(_source(analysis, claim)) == name_key(item["source"])
            slots += claim.slots == item["slots"]
    assert total == 29
    assert sources >= 28
    assert slots >= 27


def test_ru_sample_articles_relays_hedges_and_verification(
    analysed: dict[str, ArticleAnalysis], expected: dict[str, Any]
) -> None:
    for name, wanted in expected.items():
        analysis = analysed[name]
        for item, claim in _matched(analysis, wanted["claims"]):
            if "via" in item:
                assert [v.name for v in claim.via] == ["ТАСС"], name
            for field in ("certainty", "status", "channel"):
                if field in item:
                    assert getattr(claim, field) == item[field], (name, field)
        statuses = {v.status for v in analysis.verification_statements}
        assert statuses == set(wanted.get("verification", [])), name
