"""Tests of claim scoring: detection, sources, relays, hedges, statuses, and the fields
that hang on matched claims (contradictions, quantities)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate.evaluation import GoldFile, evaluate, load_gold, score_file
from corroborate.models import (
    Article,
    ArticleAnalysis,
    Claim,
    Contradiction,
    Entity,
    Quantity,
    SourceRef,
    Span,
)

TEXT = (
    "The Legion said it took the village of Tyotkino on Tuesday morning. "
    "Reuters and Baza report, citing war correspondents, that two people were wounded. "
    "The ministry said the attack was repelled. "
    "Several dozen drones were launched, Reuters says."
)

GOLD: dict[str, object] = {
    "entities": [
        {"id": "legion", "canonical": "Freedom of Russia Legion", "mentions": ["Legion"]},
        {"id": "reuters", "canonical": "Reuters", "mentions": ["Reuters"]},
        {"id": "baza", "canonical": "Baza", "mentions": ["Baza"]},
        {"id": "corr", "canonical": "war correspondents", "mentions": ["war correspondents"]},
        {"id": "mod", "canonical": "Ministry of Defence", "mentions": ["ministry"]},
    ],
    "claims": [
        {"id": "C1", "quote": "it took the village of Tyotkino on Tuesday morning",
         "source": "legion", "hedged": False},
        {"id": "C2", "quote": "two people were wounded", "source": "corr",
         "via": ["reuters", "baza"], "hedged": False, "status": "unconfirmed"},
        {"id": "C3", "quote": "the attack was repelled", "source": "mod"},
        {"id": "C4", "quote": "Several dozen drones were launched", "source": ["reuters"]},
    ],
    "contradictions": [{"a": "C1", "b": "C3", "why": "taken vs repelled"}],
    "quantities": [
        {"claim": "C2", "what": "wounded", "value": 2},
        {"claim": "C4", "what": "drones", "value": "several dozen"},
    ],
}  # fmt: skip


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def load(tmp_path: Path, gold: dict[str, object], text: str = TEXT) -> GoldFile:
    (tmp_path / "a.txt").write_text(f"date 2024-03-12\n{text}", encoding="utf-8")
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"doc": "a.txt", "date": "2024-03-12", **gold}), encoding="utf-8")
    return load_gold(path)


def ref(analysis: ArticleAnalysis, phrase: str, entity_id: str | None = None) -> SourceRef:
    return SourceRef(name=phrase, span=span(analysis.article.text, phrase), entity_id=entity_id)


def claim(analysis: ArticleAnalysis, claim_id: str, quote: str, sources: list[SourceRef],
          via: list[SourceRef] | None = None, *, hedged: bool = False,
          status: str | None = None) -> Claim:  # fmt: skip
    content = span(analysis.article.text, quote)
    return Claim(claim_id, analysis.article.id, content, content, sources, via=via or [],
                 hedged=hedged, status=status)  # fmt: skip


def perfect(article: Article) -> ArticleAnalysis:
    analysis = ArticleAnalysis(article=article)
    text = article.text
    analysis.claims = [
        claim(analysis, "p1", "it took the village of Tyotkino on Tuesday morning",
              [ref(analysis, "Legion")]),
        claim(analysis, "p2", "two people were wounded", [ref(analysis, "war correspondents")],
              [ref(analysis, "Reuters"), ref(analysis, "Baza")], status="Unconfirmed"),
        claim(analysis, "p3", "the attack was repelled", [ref(analysis, "ministry")]),
        claim(analysis, "p4", "Several dozen drones were launched", [SourceRef("Reuters")]),
    ]  # fmt: skip
    analysis.contradictions = [Contradiction("p3", "p1", "control")]
    analysis.quantities = [
        Quantity("p2", "wounded", span(text, "two"), 2, 2),
        Quantity("p4", "drones", span(text, "Several dozen"), 24, 60, vague="several dozen"),
    ]
    return analysis


def claim_figures(gold: GoldFile, analysis: ArticleAnalysis) -> dict[str, float]:
    return score_file(gold, analysis).figures()["claims"]


def test_evaluation_perfect_claims_score_one(tmp_path: Path) -> None:
    gold = load(tmp_path, GOLD)
    figures = evaluate([gold], perfect).figures()
    assert figures["claims"] == {
        "gold": 4, "predicted": 4, "precision": 1.0, "recall": 1.0, "f1": 1.0,
        "source_accuracy": 1.0, "relay_accuracy": 1.0, "hedge_accuracy": 1.0,
        "status_accuracy": 1.0,
    }  # fmt: skip
    assert figures["contradictions"]["f1"] == 1.0
    assert figures["quantities"] == {"gold": 2, "recall": 1.0}


def test_evaluation_missed_claim_lowers_recall(tmp_path: Path) -> None:
    gold = load(tmp_path, GOLD)
    analysis = perfect(gold.article)
    del analysis.claims[1]
    result = score_file(gold, analysis).figures()
    assert result["claims"]["recall"] == pytest.approx(3 / 4)
    assert result["claims"]["precision"] == 1.0
    assert result["claims"]["f1"] == pytest.approx(2 * 0.75 / 1.75)
    # C2 carried the only status and one of the two quantities
    assert result["claims"]["status_accuracy"] == 0.0
    assert result["quantities"]["recall"] == pytest.approx(1 / 2)


def test_evaluation_claim_overlap_needs_half(tmp_path: Path) -> None:
    gold = load(tmp_path, {"claims": GOLD["claims"]})
    analysis = perfect(gold.article)
    text = gold.article.text
    quote = "it took the village of Tyotkino on Tuesday morning"
    assert len(quote) == 50
    end = text.index(quote) + len(quote)
    # the last 24 characters of the quote plus 40 after it: under half of either stretch
    analysis.claims[0].content = Span(end - 24, end + 40, "")
    assert claim_figures(gold, analysis)["recall"] == pytest.approx(3 / 4)
    # 25 characters of the quote: exactly half of the quote is enough
    analysis.claims[0].content = Span(end - 25, end + 40, "")
    assert claim_figures(gold, analysis)["recall"] == 1.0
    # a long span wholly containing the quote matches too, as the quote covers it all
    analysis.claims[0].content = Span(0, len(text), text)
    assert claim_figures(gold, analysis)["recall"] == 1.0


def test_evaluation_claims_match_one_to_one(tmp_path: Path) -> None:
    gold = load(tmp_path, {"claims": GOLD["claims"]})
    analysis = perfect(gold.article)
    duplicate = claim(analysis, "p9", "the attack was repelled", [ref(analysis, "ministry")])
    analysis.claims.append(duplicate)
    figures = claim_figures(gold, analysis)
    assert (figures["predicted"], figures["recall"]) == (5, 1.0)
    assert figures["precision"] == pytest.approx(4 / 5)


def test_evaluation_source_list_needs_every_gold_source(tmp_path: Path) -> None:
    claims = [{"id": "C1", "quote": "two people were wounded", "source": ["reuters", "baza"]}]
    gold = load(tmp_path, {"entities": GOLD["entities"], "claims": claims})
    analysis = ArticleAnalysis(article=gold.article)
    predicted = claim(analysis, "p1", "two people were wounded", [ref(analysis, "Reuters")])
    analysis.claims = [predicted]
    assert claim_figures(gold, analysis)["source_accuracy"] == 0.0
    predicted.sources.append(ref(analysis, "Baza"))
    assert claim_figures(gold, analysis)["source_accuracy"] == 1.0
    predicted.sources.append(ref(analysis, "ministry"))
    assert claim_figures(gold, analysis)["source_accuracy"] == 0.0


def test_evaluation_source_resolves_through_predicted_entity(tmp_path: Path) -> None:
    gold = load(tmp_path, GOLD)
    analysis = perfect(gold.article)
    analysis.entities = [Entity("e1", "Freedom of Russia Legion", "armed_group")]
    analysis.claims[0].sources = [SourceRef("it", span(gold.article.text, "it"), "e1")]
    assert claim_figures(gold, analysis)["source_accuracy"] == 1.0
    analysis.claims[0].sources = [SourceRef("Baza")]
    assert claim_figures(gold, analysis)["source_accuracy"] == pytest.approx(3 / 4)


def test_evaluation_single_source_rejects_a_second_different_source(tmp_path: Path) -> None:
    gold = load(tmp_path, GOLD)
    analysis = perfect(gold.article)
    analysis.claims[2].sources.append(SourceRef("Reuters"))
    assert claim_figures(gold, analysis)["source_accuracy"] == pytest.approx(3 / 4)


def test_evaluation_relay_mismatch_is_wrong(tmp_path: Path) -> None:
    gold = load(tmp_path, GOLD)
    analysis = perfect(gold.article)
    analysis.claims[1].via = [ref(analysis, "Reuters")]  # Baza missing from the chain
    assert claim_figures(gold, analysis)["relay_accuracy"] == pytest.approx(3 / 4)
    analysis.claims[0].via = [SourceRef("Interfax")]  # gold C1 has no relay at all
    assert claim_figures(gold, analysis)["relay_accuracy"] == pytest.approx(2 / 4)


def test_evaluation_hedge_and_status_scored_only_where_gold_gives_them(tmp_path: Path) -> None:
    gold = load(tmp_path, GOLD)
    analysis = perfect(gold.article)
    analysis.claims[0].hedged = True  # gold C1: hedged false
    analysis.claims[2].hedged = True  # gold C3 gives no hedged: not scored
    analysis.claims[1].status = "confirmed"
    figures = claim_figures(gold, analysis)
    assert figures["hedge_accuracy"] == pytest.approx(1 / 2)
    assert figures["status_accuracy"] == 0.0
    plain = load(tmp_path, {"claims": [{"id": "C3", "quote": "the attack", "source": "mod"}]})
    assert "hedge_accuracy" not in claim_figures(plain, analysis)
    assert "status_accuracy" not in claim_figures(plain, analysis)


def test_evaluation_contradiction_matches_in_either_order_once(tmp_path: Path) -> None:
    gold = load(tmp_path, GOLD)
    analysis = perfect(gold.article)
    analysis.contradictions = [
        Contradiction("p1", "p3", "a"),
        Contradiction("p3", "p1", "same pair again"),
        Contradiction("p2", "p4", "not in gold"),
    ]
    figures = score_file(gold, analysis).figures()["contradictions"]
    assert figures == {
        "gold": 1, "predicted": 3, "precision": pytest.approx(1 / 3), "recall": 1.0,
        "f1": pytest.approx(0.5),
    }  # fmt: skip


def test_evaluation_quantity_needs_same_number_on_matched_claim(tmp_path: Path) -> None:
    gold = load(tmp_path, GOLD)
    analysis = perfect(gold.article)
    text = gold.article.text
    analysis.quantities = [
        Quantity("p2", "wounded", span(text, "two"), 1, 3),  # 2 lies within 1..3
        Quantity("p4", "drones", span(text, "drones"), 24, 60, vague="dozens"),
    ]
    assert score_file(gold, analysis).figures()["quantities"]["recall"] == pytest.approx(1 / 2)
    analysis.quantities = [Quantity("p1", "wounded", span(text, "two"), 2, 2)]  # wrong claim
    assert score_file(gold, analysis).figures()["quantities"]["recall"] == 0.0
