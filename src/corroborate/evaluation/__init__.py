"""The scorer for gold annotation files (gold format version 1).

Typical use::

    golds = [load_gold(p, corpus=corpus) for p in collect_gold_paths(paths)]
    result = evaluate(golds, analyzer)          # analyzer: Article -> ArticleAnalysis
    render_tables(result, console, per_file=True)
    print(json.dumps(result_to_json(result)))

Malformed gold files raise :class:`~corroborate.errors.GoldFormatError`.
"""

from __future__ import annotations

from corroborate.evaluation.clusters import (
    ClusterResult,
    adjusted_rand_index,
    bcubed_sums,
    cluster_figures,
    evaluate_clusters,
    load_cluster_gold,
)
from corroborate.evaluation.corpus_contradictions import (
    ContradictionResult,
    Dispute,
    contradiction_result_to_json,
    evaluate_contradictions,
    gold_units,
    load_disputes,
    score_contradictions,
)
from corroborate.evaluation.gold import (
    FIELDS,
    GoldClaim,
    GoldContradiction,
    GoldDate,
    GoldEntity,
    GoldEvent,
    GoldFile,
    GoldPlace,
    GoldQuantity,
    collect_gold_paths,
    load_gold,
)
from corroborate.evaluation.results import (
    Analyzer,
    EvalResult,
    FileResult,
    evaluate,
    field_figures,
    score_file,
)
from corroborate.evaluation.tables import (
    cluster_result_to_json,
    render_cluster_table,
    render_contradiction_table,
    render_tables,
    result_to_json,
)

__all__ = [
    "FIELDS",
    "Analyzer",
    "ClusterResult",
    "ContradictionResult",
    "Dispute",
    "EvalResult",
    "FileResult",
    "GoldClaim",
    "GoldContradiction",
    "GoldDate",
    "GoldEntity",
    "GoldEvent",
    "GoldFile",
    "GoldPlace",
    "GoldQuantity",
    "adjusted_rand_index",
    "bcubed_sums",
    "cluster_figures",
    "cluster_result_to_json",
    "collect_gold_paths",
    "contradiction_result_to_json",
    "evaluate",
    "evaluate_clusters",
    "evaluate_contradictions",
    "field_figures",
    "gold_units",
    "load_cluster_gold",
    "load_disputes",
    "load_gold",
    "render_cluster_table",
    "render_contradiction_table",
    "render_tables",
    "result_to_json",
    "score_contradictions",
    "score_file",
]
