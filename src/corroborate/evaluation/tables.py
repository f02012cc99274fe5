"""Presenting evaluation results: rich tables for people, one JSON object for programs.

The JSON object has exactly the keys of the gold format: ``files``, then one object per
field some gold file annotates (see :mod:`corroborate.evaluation.results` for which
figures a field carries), then ``clusters`` when cluster figures were computed.
The adjusted Rand index is floored at 0 in both outputs so that every figure lies in
0..1 as the format promises; :class:`ClusterResult` keeps the raw value.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from corroborate.evaluation.clusters import ClusterResult
from corroborate.evaluation.corpus_contradictions import (
    ContradictionResult,
    contradiction_result_to_json,
)
from corroborate.evaluation.results import EvalResult, Figures

_COUNTS = frozenset({"gold", "predicted", "articles"})
_TITLES = {
    "claims": "Claims",
    "entities": "Entities (B-cubed over mentions)",
    "places": "Places",
    "contradictions": "Contradictions",
    "dates": "Dates",
    "events": "Events",
    "quantities": "Quantities",
    "captions": "Captions and headings",
    "verification_statements": "Verification statements",
    "clusters": "Event clusters across articles",
    "cluster_contradictions": "Contradictions across articles",
}
_HEADERS = {
    "f1": "F1",
    "source_accuracy": "source acc.",
    "relay_accuracy": "relay acc.",
    "hedge_accuracy": "hedge acc.",
    "status_accuracy": "status acc.",
    "canonical_accuracy": "canonical acc.",
    "accuracy_161km": "acc. ≤161 km",
    "country_accuracy": "country acc.",
    "sub_type_accuracy": "sub-type acc.",
    "ari": "ARI",
}


def cluster_result_to_json(clusters: ClusterResult) -> Figures:
    """The ``clusters`` object of the JSON output."""
    return {
        "articles": clusters.articles,
        "precision": clusters.precision,
        "recall": clusters.recall,
        "f1": clusters.f1,
        "ari": max(0.0, clusters.ari),
    }


def result_to_json(result: EvalResult) -> dict[str, object]:
    """The JSON object of ``corroborate eval --json``, with exactly the documented keys."""
    output: dict[str, object] = {"files": len(result.files)}
    output.update(result.figures())
    if result.clusters is not None:
        output["clusters"] = cluster_result_to_json(result.clusters)
    return output


def _cell(key: str, figures: Figures) -> str:
    if key not in figures:
        return "–"
    value = figures[key]
    return str(int(value)) if key in _COUNTS else f"{value:.3f}"


def _table(name: str, keys: list[str], *, with_files: bool) -> Table:
    table = Table(title=_TITLES.get(name, name), title_justify="left")
    if with_files:
        table.add_column("file", overflow="fold")
    for key in keys:
        table.add_column(_HEADERS.get(key, key.replace("_", " ")), justify="right")
    return table


def render_tables(result: EvalResult, console: Console, *, per_file: bool) -> None:
    """Print one table per annotated field: micro-averaged figures and, if asked, per file.

    In per-file rows a dash marks a figure the file does not score (no gold item of
    that file gives ``hedged``, say).
    """
    for name, total in result.figures().items():
        keys = list(total)
        table = _table(name, keys, with_files=per_file)
        if per_file:
            for file_result in result.files:
                if name not in file_result.tallies:
                    continue
                figures = file_result.figures()[name]
                label = str(file_result.path)
                if not file_result.analysed:
                    label += f" (not analysed: {file_result.skipped_reason or 'no reason given'})"
                table.add_row(label, *(_cell(key, figures) for key in keys))
            table.add_row(
                _total_label(len(result.files)),
                *(_cell(key, total) for key in keys),
                style="bold",
            )
        else:
            table.add_row(*(_cell(key, total) for key in keys))
        console.print(table)
    if result.clusters is not None:
        render_cluster_table(result.clusters, console)


def render_contradiction_table(result: ContradictionResult, console: Console) -> None:
    """Print the table of contradictions found across the articles of a corpus."""
    figures = contradiction_result_to_json(result)
    table = _table("cluster_contradictions", list(figures), with_files=False)
    table.add_row(*(_cell(key, figures) for key in figures))
    console.print(table)


def render_cluster_table(clusters: ClusterResult, console: Console) -> None:
    """Print the table of event-cluster figures (B-cubed and ARI)."""
    figures = cluster_result_to_json(clusters)
    table = _table("clusters", list(figures), with_files=False)
    table.add_row(*(_cell(key, figures) for key in figures))
    console.print(table)


def _total_label(files: int) -> str:
    return f"all {files} file{'' if files == 1 else 's'} (micro-average)"
