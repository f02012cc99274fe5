"""Clustering figures: B-cubed precision/recall/F1 and the adjusted Rand index.

B-cubed also scores entity coreference within an article (items are gold mentions);
here it scores the merging of articles into events against a clusters file::

    {"clusters": [{"doc": "a.json", "main_event": "2024-03-12/tyotkino-incursion"}, ...]}

``doc`` is relative to the corpus folder (else to the clusters file's folder).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from math import comb
from pathlib import Path

from corroborate.evaluation.gold_checks import FieldReader
from corroborate.evaluation.gold_sources import read_article, resolve_doc
from corroborate.models import Article


@dataclass(frozen=True)
class ClusterResult:
    """How the system's event clusters agree with the gold ``main_event`` labels.

    ``ari`` is the adjusted Rand index as computed (it falls below 0 when agreement is
    worse than chance); reports show it floored at 0 so every figure lies in 0..1.
    """

    articles: int
    precision: float
    recall: float
    f1: float
    ari: float


def bcubed_sums(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float]:
    """Sums of the per-item B-cubed precision and recall (divide by the item count).

    For item i, precision is the share of its predicted cluster that shares its gold
    cluster, recall the share of its gold cluster that shares its predicted cluster.
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels must label the same items")
    both = Counter(zip(gold, predicted, strict=True))
    gold_sizes = Counter(gold)
    predicted_sizes = Counter(predicted)
    precision = sum(both[g, p] / predicted_sizes[p] for g, p in zip(gold, predicted, strict=True))
    recall = sum(both[g, p] / gold_sizes[g] for g, p in zip(gold, predicted, strict=True))
    return precision, recall


def f1_score(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def adjusted_rand_index(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Hubert and Arabie's adjusted Rand index from the contingency table.

    When the index is undefined (fewer than two items, or both partitions all
    singletons or both one cluster, the expected index then equals its maximum), the
    partitions are identical and the index is 1.0.
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels must label the same items")
    pairs = comb(len(gold), 2)
    if pairs == 0:
        return 1.0
    index = sum(comb(n, 2) for n in Counter(zip(gold, predicted, strict=True)).values())
    gold_pairs = sum(comb(n, 2) for n in Counter(gold).values())
    predicted_pairs = sum(comb(n, 2) for n in Counter(predicted).values())
    expected = gold_pairs * predicted_pairs / pairs
    maximum = (gold_pairs + predicted_pairs) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


def cluster_figures(gold: Sequence[str], predicted: Sequence[str]) -> ClusterResult:
    """B-cubed and ARI for two labellings of the same items."""
    count = len(gold)
    precision_sum, recall_sum = bcubed_sums(gold, predicted)
    precision = precision_sum / count if count else 1.0
    recall = recall_sum / count if count else 1.0
    return ClusterResult(
        articles=count,
        precision=precision,
        recall=recall,
        f1=f1_score(precision, recall),
        ari=adjusted_rand_index(gold, predicted),
    )


def load_cluster_gold(clusters_file: Path, corpus: Path) -> tuple[list[Article], list[str]]:
    """The articles a clusters file lists and the gold ``main_event`` of each.

    Raises :class:`~corroborate.errors.GoldFormatError` when the file or a ``doc`` is unusable.
    """
    reader = FieldReader(clusters_file)
    data = reader.load_object()
    items = reader.object_list(data, "clusters")
    if items is None:
        reader.fail("clusters", 'is missing; write {"clusters": [{"doc": ..., "main_event": ...}]}')
    articles: list[Article] = []
    gold: list[str] = []
    seen: dict[Path, int] = {}
    for index, item in enumerate(items):
        where = f"clusters[{index}]"
        doc_name = reader.text(item, "doc", where)
        label = reader.text(item, "main_event", where)
        doc = resolve_doc(reader, doc_name, corpus, f"{where}.doc")
        if doc.resolve() in seen:
            reader.fail(
                f"{where}.doc",
                f"{doc_name!r} is already listed at clusters[{seen[doc.resolve()]}]; list it once",
            )
        seen[doc.resolve()] = index
        articles.append(read_article(reader, doc, None, f"{where}.doc"))
        gold.append(label)
    return articles, gold


def evaluate_clusters(
    clusters_file: Path, corpus: Path, assign: Callable[[list[Article]], dict[str, str]]
) -> ClusterResult:
    """Score the system's event clusters against a clusters file.

    ``assign`` receives every article of the file and returns article id -> predicted
    cluster id; an article it leaves out is a cluster of its own. Raises
    :class:`~corroborate.errors.GoldFormatError` when the file or a ``doc`` is unusable.
    """
    articles, gold = load_cluster_gold(clusters_file, corpus)
    assigned = assign(list(articles))
    predicted = [
        assigned.get(article.id, f"\x00unassigned-{index}")
        for index, article in enumerate(articles)
    ]
    return cluster_figures(gold, predicted)
