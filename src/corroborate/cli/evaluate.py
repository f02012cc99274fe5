"""``corroborate eval``: score the system against gold annotation files."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

from corroborate.cli.common import ACTORS_OPTION, fail
from corroborate.errors import CorroborateError, GoldFormatError
from corroborate.models import Article, ArticleAnalysis


@click.command("eval")
@click.argument("gold", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder the gold files' `doc` paths are relative to.",
)
@click.option("--per-file", is_flag=True, help="Also print a row per gold file.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
@click.option(
    "--clusters",
    type=click.Path(path_type=Path),
    default=None,
    help="A clusters gold file to score event merging across --corpus.",
)
@click.option(
    "--contradictions",
    type=click.Path(path_type=Path),
    default=None,
    help="A disputes gold file to score contradictions across the --clusters corpus.",
)
@ACTORS_OPTION
def evaluate(
    gold: tuple[Path, ...],
    corpus: Path | None,
    per_file: bool,
    as_json: bool,
    clusters: Path | None,
    contradictions: Path | None,
    actor_files: tuple[Path, ...],
) -> None:
    """Score the system against gold annotation files (files or folders)."""
    from corroborate import evaluation
    from corroborate.analyzer import Analyzer
    from corroborate.merge import assign_clusters

    if not gold and clusters is None:
        raise click.UsageError("give gold files or folders, or --clusters FILE --corpus DIR")
    if clusters is not None and corpus is None:
        raise click.UsageError("--clusters needs --corpus DIR, the folder of the articles")
    if contradictions is not None and clusters is None:
        raise click.UsageError("--contradictions needs --clusters FILE --corpus DIR")
    corpus_analyses: list[ArticleAnalysis] = []

    def assign(articles: list[Article]) -> dict[str, str]:
        corpus_analyses.extend(analyzer.analyze_many(articles))
        return assign_clusters(corpus_analyses)

    try:
        golds = [
            evaluation.load_gold(p, corpus=corpus)
            for p in evaluation.collect_gold_paths(list(gold))
        ]
        analyzer = Analyzer(progress=True, actor_files=actor_files)
        result = evaluation.evaluate(golds, analyzer.analyze) if golds else None
        cluster_result = (
            evaluation.evaluate_clusters(clusters, corpus, assign)
            if clusters is not None and corpus is not None
            else None
        )
        contradiction_result = None
        if contradictions is not None and clusters is not None and corpus is not None:
            articles, labels = evaluation.load_cluster_gold(clusters, corpus)
            event_of = {a.id: label for a, label in zip(articles, labels, strict=True)}
            contradiction_result = evaluation.evaluate_contradictions(
                contradictions, corpus, corpus_analyses, event_of, analyzer.actors
            )
    except GoldFormatError as exc:
        fail(f"malformed gold: {exc}")
    except CorroborateError as exc:
        fail(exc)
    console = Console()
    if as_json:
        payload: dict[str, object] = evaluation.result_to_json(result) if result else {"files": 0}
        if cluster_result is not None:
            payload["clusters"] = evaluation.cluster_result_to_json(cluster_result)
        if contradiction_result is not None:
            payload["cluster_contradictions"] = evaluation.contradiction_result_to_json(
                contradiction_result
            )
        click.echo(json.dumps(payload, indent=2))
        return
    if result is not None:
        evaluation.render_tables(result, console, per_file=per_file)
    if cluster_result is not None:
        evaluation.render_cluster_table(cluster_result, console)
    if contradiction_result is not None:
        evaluation.render_contradiction_table(contradiction_result, console)
