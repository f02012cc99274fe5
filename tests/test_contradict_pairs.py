"""Contradictions between the parties, read from small hand-written articles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from corroborate.analyzer import Analyzer
from corroborate.contradict.across import stored_claims
from corroborate.geo import Gazetteer
from corroborate.geo.geoparse import Geoparser
from corroborate.models import Article, ArticleAnalysis
from corroborate.resolve.actors import load_actors


@pytest.fixture(scope="module")
def analyzer(nlp: Language, small_gazetteer: Path) -> Iterator[Analyzer]:
    with Gazetteer.open(small_gazetteer, build_if_missing=False) as gazetteer:
        yield Analyzer(nlp, geoparser=Geoparser(gazetteer, load_actors()))


def _analyse(analyzer: Analyzer, text: str) -> ArticleAnalysis:
    article = Article(
        id="a-test", text=text, source="test", format="text", published=dt.date(2024, 3, 12)
    )
    return analyzer.analyze(article)


def _pairs(analysis: ArticleAnalysis) -> list[tuple[str, str, str]]:
    content = {c.id: c.content.text for c in analysis.claims}
    return [(content[c.a], content[c.b], c.why) for c in analysis.contradictions]


def test_contradict_taken_against_crossing_prevented_in_its_region(analyzer: Analyzer) -> None:
    text = (
        "The Freedom of Russia Legion said it had taken the village of Tjotkino.\n\n"
        "The Russian Ministry of Defence said its forces had prevented the border crossing "
        "in the Kursk region."
    )
    [(_, _, why)] = _pairs(_analyse(analyzer, text))
    assert "Tjotkino taken" in why
    assert "Kursk Oblast" in why


def test_contradict_taken_against_repulse_elsewhere_is_no_pair(analyzer: Analyzer) -> None:
    text = (
        "The Freedom of Russia Legion said it had taken the village of Tjotkino.\n\n"
        "The Russian Ministry of Defence said its forces had prevented the border crossing "
        "in the Belgorod region."
    )
    assert _pairs(_analyse(analyzer, text)) == []


def test_contradict_fighting_continues_against_repelled(analyzer: Analyzer) -> None:
    text = (
        "The Russian Ministry of Defence said Russian forces repelled the attacks.\n\n"
        "Alexei Baranovsky said the fighting in the two regions was still continuing."
    )
    [(_, _, why)] = _pairs(_analyse(analyzer, text))
    assert "fighting continues" in why


def test_contradict_independent_fighters_against_state_forces(analyzer: Analyzer) -> None:
    text = (
        "Andriy Yusov said the volunteer groups act independently of the Ukrainian army.\n\n"
        "The FSB said the Ukrainian armed forces tried to attack Russian territory."
    )
    [(_, _, why)] = _pairs(_analyse(analyzer, text))
    assert "independently" in why and "state forces" in why


def test_contradict_defending_forces_are_not_the_attackers(analyzer: Analyzer) -> None:
    text = (
        "Andriy Yusov said the volunteer groups act independently of the Ukrainian army.\n\n"
        "The Russian Ministry of Defence said Russian forces repelled the attacks."
    )
    assert _pairs(_analyse(analyzer, text)) == []


def test_contradict_start_days_differ(analyzer: Analyzer) -> None:
    text = (
        "The volunteer groups said they started the attack on Tuesday morning.\n\n"
        "The FSB said Ukrainian forces had been attacking the border since Sunday."
    )
    [(_, _, why)] = _pairs(_analyse(analyzer, text))
    assert "2024-03-12" in why and "2024-03-10" in why


def test_contradict_one_source_does_not_contradict_itself(analyzer: Analyzer) -> None:
    text = (
        "The Russian Ministry of Defence said its forces repelled the attacks.\n\n"
        "The Russian Ministry of Defence said the fighting was still continuing."
    )
    assert _pairs(_analyse(analyzer, text)) == []


def test_contradict_footage_is_evidence_not_a_party(analyzer: Analyzer) -> None:
    text = (
        "Governor Alexander Gusev said there was no serious damage.\n\n"
        "Footage posted online showed smoke rising over the oil depot."
    )
    analysis = _analyse(analyzer, text)
    [footage] = [c for c in analysis.claims if c.channel == "video"]
    assert footage.sources[0].name == "Footage"
    stored = stored_claims(analysis, "a-test", {c.id for c in analysis.claims})
    assert footage.id not in {s.claim.id for s in stored}


def test_contradict_a_claim_the_other_side_denied_in_the_same_sentence(
    analyzer: Analyzer,
) -> None:
    text = (
        "The Russian Defence Ministry said on Tuesday its forces had captured the village of "
        "Tjotkino, a claim Ukraine denied."
    )
    [(_, _, why)] = _pairs(_analyse(analyzer, text))
    assert "Tjotkino taken" in why


def test_contradict_unnamed_village_is_the_one_its_sentence_names(analyzer: Analyzer) -> None:
    text = (
        "The Russian Defence Ministry said its forces had repelled four attacks near the "
        "village of Tjotkino, while Ukraine's military said its troops had recaptured part "
        "of the village."
    )
    [(_, _, why)] = _pairs(_analyse(analyzer, text))
    assert "Tjotkino taken" in why
