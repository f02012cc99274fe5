"""Tests of the clustering figures (B-cubed, adjusted Rand index) and the clusters file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate.errors import GoldFormatError
from corroborate.evaluation import (
    adjusted_rand_index,
    bcubed_sums,
    cluster_figures,
    evaluate_clusters,
)
from corroborate.models import Article


def test_evaluation_ari_matches_hand_computed_values() -> None:
    # contingency [[2, 1, 0], [0, 1, 2]]: index 2, expected 6 * 3 / 15 = 1.2, max 4.5
    gold = ["x", "x", "x", "y", "y", "y"]
    predicted = ["a", "a", "b", "b", "c", "c"]
    assert adjusted_rand_index(gold, predicted) == pytest.approx((2 - 1.2) / (4.5 - 1.2))
    # index 1 equals its expectation 2 * 3 / 6: no better than chance
    assert adjusted_rand_index(["x", "x", "y", "y"], ["a", "a", "a", "b"]) == pytest.approx(0.0)
    # index 0, expected 2 * 2 / 6, max 2: worse than chance
    assert adjusted_rand_index(["x", "x", "y", "y"], ["a", "b", "a", "b"]) == pytest.approx(-0.5)


def test_evaluation_ari_of_identical_partitions_is_one() -> None:
    assert adjusted_rand_index(["x", "x", "y"], ["b", "b", "a"]) == 1.0
    assert adjusted_rand_index(["x", "y", "z"], ["a", "b", "c"]) == 1.0  # all singletons
    assert adjusted_rand_index(["x"], ["a"]) == 1.0


def test_evaluation_bcubed_hand_example() -> None:
    gold = ["x", "x", "x", "y", "y"]
    predicted = ["a", "a", "b", "b", "b"]
    precision_sum, recall_sum = bcubed_sums(gold, predicted)
    # precision: 1, 1, 1/3, 2/3, 2/3; recall: 2/3, 2/3, 1/3, 1, 1
    assert precision_sum == pytest.approx(11 / 3)
    assert recall_sum == pytest.approx(11 / 3)
    figures = cluster_figures(gold, predicted)
    assert figures.articles == 5
    assert (figures.precision, figures.f1) == pytest.approx((11 / 15, 11 / 15))


def write_corpus(tmp_path: Path, clusters: list[dict[str, str]]) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for index, words in enumerate(["raid on Tyotkino", "Tyotkino raid", "drones", "shelling"]):
        (corpus / f"{index}.txt").write_text(f"date 2024-03-12\nReport {words}.", encoding="utf-8")
    clusters_file = tmp_path / "clusters.json"
    clusters_file.write_text(json.dumps({"clusters": clusters}), encoding="utf-8")
    return clusters_file, corpus


CLUSTERS = [
    {"doc": "0.txt", "main_event": "2024-03-12/tyotkino-incursion"},
    {"doc": "1.txt", "main_event": "2024-03-12/tyotkino-incursion"},
    {"doc": "2.txt", "main_event": "2024-03-12/drone-strikes"},
    {"doc": "3.txt", "main_event": "2024-03-12/belgorod-shelling"},
]


def test_evaluation_clusters_file_scored_against_assignment(tmp_path: Path) -> None:
    clusters_file, corpus = write_corpus(tmp_path, CLUSTERS)
    seen: list[str] = []

    def assign(articles: list[Article]) -> dict[str, str]:
        seen.extend(article.text for article in articles)
        by_text = {article.text: article.id for article in articles}
        # Tyotkino reports merged, drones and shelling wrongly merged too
        return {
            by_text["Report raid on Tyotkino."]: "e1",
            by_text["Report Tyotkino raid."]: "e1",
            by_text["Report drones."]: "e2",
            by_text["Report shelling."]: "e2",
        }

    result = evaluate_clusters(clusters_file, corpus, assign)
    assert len(seen) == 4 and result.articles == 4
    assert (result.precision, result.recall) == pytest.approx((3 / 4, 1.0))
    # index 1, gold pairs 1, predicted pairs 2: expected 1 * 2 / 6, max 3 / 2
    assert result.ari == pytest.approx((1 - 1 / 3) / (3 / 2 - 1 / 3))


def test_evaluation_clusters_unassigned_article_is_alone(tmp_path: Path) -> None:
    clusters_file, corpus = write_corpus(tmp_path, CLUSTERS)
    result = evaluate_clusters(clusters_file, corpus, lambda articles: {})
    assert (result.precision, result.recall) == pytest.approx((1.0, 3 / 4))


@pytest.mark.parametrize(
    ("clusters", "field", "problem"),
    [
        ([{"doc": "9.txt", "main_event": "e"}], "clusters[0].doc", "was not found"),
        ([{"doc": "0.txt"}], "clusters[0].main_event", "missing"),
        ([{"doc": "0.txt", "main_event": "e"}, {"doc": "0.txt", "main_event": "e"}],
         "clusters[1].doc", "already listed"),
    ],
)  # fmt: skip
def test_evaluation_malformed_clusters_file_is_reported(
    tmp_path: Path, clusters: list[dict[str, str]], field: str, problem: str
) -> None:
    clusters_file, corpus = write_corpus(tmp_path, clusters)
    with pytest.raises(GoldFormatError) as caught:
        evaluate_clusters(clusters_file, corpus, lambda articles: {})
    assert caught.value.field == field and problem in caught.value.problem
    assert caught.value.path == str(clusters_file)
