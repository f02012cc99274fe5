"""The ``corroborate`` command: parse arguments, call the library, print.

Every command is a thin shell over a library function; all the work lives in
:mod:`corroborate.batch`, :mod:`corroborate.evaluation`, :mod:`corroborate.report` and
:mod:`corroborate.store`.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
from rich.console import Console
from rich.panel import Panel

from corroborate import __version__
from corroborate.errors import CorroborateError, GoldFormatError
from corroborate.models import Article, ArticleAnalysis

DEFAULT_DB = Path("corroborate.db")
DEFAULT_HTML = Path("corroborate-report.html")

stderr = Console(stderr=True)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; use YYYY-MM-DD") from None


def _fail(message: object) -> NoReturn:
    """Print one error line and exit with status 2 (usage, gold or ledger errors)."""
    stderr.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
    sys.exit(2)


F = TypeVar("F", bound=Callable[..., Any])

_ACTORS_OPTION = click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Your own actor file (YAML, the layout of data/actors.yaml); repeatable.",
)


def _existing_ledger_option(verb: str) -> Callable[[F], F]:
    """``--db PATH`` of a command that reads a ledger: it must exist."""

    def check(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
        if not value.exists():
            _fail(f"{value}: no such ledger; run `corroborate analyze` first")
        return value

    return click.option(
        "--db",
        type=click.Path(path_type=Path),
        default=DEFAULT_DB,
        show_default=True,
        callback=check,
        help=f"The ledger database to {verb}.",
    )


@click.group()
@click.version_option(__version__, prog_name="corroborate")
def main() -> None:
    """Corroborate: a ledger of events and attributed claims from contested conflict news."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="The ledger database (SQLite) to write.",
)
@click.option(
    "--date",
    "default_date",
    callback=_date,
    metavar="YYYY-MM-DD",
    help="Publication date for plain-text articles that carry none.",
)
@click.option(
    "--html",
    type=click.Path(path_type=Path),
    default=DEFAULT_HTML,
    show_default=True,
    help="Where to write the self-contained HTML situation report.",
)
@click.option(
    "--markdown",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the situation report as Markdown to this file.",
)
@_ACTORS_OPTION
@click.option("--no-report", is_flag=True, help="Store only; print and write no report.")
@click.option("--strict", is_flag=True, help="Exit non-zero if any input fails.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def analyze(
    paths: tuple[Path, ...],
    db: Path,
    default_date: dt.date | None,
    html: Path,
    markdown: Path | None,
    actor_files: tuple[Path, ...],
    no_report: bool,
    strict: bool,
    quiet: bool,
) -> None:
    """Read articles (files or folders), analyse them and store them in the ledger.

    Formats: dated text (a `date YYYY-MM-DD` header, then the text), plain .txt, JSON
    Lines, JSON, HTML pages and Telegram channel exports.
    """
    from corroborate.batch import run_batch
    from corroborate.report import build_sitrep, render_html, render_markdown, render_terminal

    console = Console()
    try:
        outcome = run_batch(
            list(paths),
            db=db,
            default_date=default_date,
            console=console,
            progress=not quiet,
            actor_files=actor_files,
        )
    except CorroborateError as exc:
        _fail(exc)
    for source, reason in outcome.failures:
        stderr.print(f"failed: {source}: {reason}", highlight=False, markup=False, soft_wrap=True)
    for source, reason in outcome.skipped:
        stderr.print(f"skipped: {source}: {reason}", highlight=False, markup=False, soft_wrap=True)
    if outcome.analyses and not no_report:
        sitrep = build_sitrep(outcome.analyses)
        render_terminal(sitrep, console)
        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text(render_html(sitrep), encoding="utf-8")
        if markdown is not None:
            markdown.parent.mkdir(parents=True, exist_ok=True)
            markdown.write_text(render_markdown(sitrep), encoding="utf-8")
    console.print(outcome.summary(), highlight=False)
    if outcome.analyses and not no_report:
        console.print(f"ledger: {db}   HTML report: {html}", highlight=False)
    if outcome.interrupted:
        sys.exit(130)
    if strict and outcome.failures:
        sys.exit(1)
    if not outcome.analyses:
        sys.exit(1)


@main.command()
@_existing_ledger_option("read")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["terminal", "markdown", "html"]),
    default="terminal",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
def report(db: Path, fmt: str, output: Path | None) -> None:
    """Write the situation report for every article in the ledger."""
    from corroborate.report import build_sitrep, render_html, render_markdown, render_terminal
    from corroborate.store import Ledger

    try:
        with Ledger.open(db) as ledger:
            sitrep = build_sitrep(list(ledger.iter_analyses()))
    except CorroborateError as exc:
        _fail(exc)
    if fmt == "terminal":
        if output is None:
            render_terminal(sitrep, Console())
        else:
            with output.open("w", encoding="utf-8") as handle:
                render_terminal(sitrep, Console(file=handle))
        return
    text = render_markdown(sitrep) if fmt == "markdown" else render_html(sitrep)
    if output is None:
        click.echo(text)
    else:
        output.write_text(text, encoding="utf-8")


@main.command()
@click.argument("query")
@_existing_ledger_option("search")
@click.option("--limit", type=int, default=20, show_default=True, help="At most this many hits.")
def search(query: str, db: Path, limit: int) -> None:
    """Full-text search of the stored articles (the query is taken as plain words)."""
    from corroborate.store import Ledger

    try:
        with Ledger.open(db) as ledger:
            hits = ledger.search(query, limit=limit)
    except CorroborateError as exc:
        _fail(exc)
    for article_id, snippet in hits:
        click.echo(f"{article_id}\t{snippet}")
    if not hits:
        stderr.print("no matches")


@main.command()
@_existing_ledger_option("read")
@click.option(
    "--min-articles",
    type=int,
    default=1,
    show_default=True,
    help="Only clusters reported in at least N articles.",
)
def clusters(db: Path, min_articles: int) -> None:
    """Events across articles: each cluster's sides, contradictions and corroboration."""
    from corroborate.merge.digest import digest
    from corroborate.store import Ledger

    try:
        with Ledger.open(db) as ledger:
            found = digest(ledger.iter_analyses())
    except CorroborateError as exc:
        _fail(exc)
    console = Console()
    shown = [d for d in found if len(d.articles) >= min_articles]
    for item in shown:
        lines = [
            f"{len(item.articles)} article(s), {item.origins} independent origin(s)",
            f"verdict: {item.corroboration.verdict}",
        ]
        for claim in item.claims:
            lines.append(f"• {claim.source}: “{claim.text}”")
            lines += [f"    — {citation}" for citation in claim.citations]
        lines += [f"⚠ {why}" for why in item.contradictions]
        title = f"{item.first_date or 'undated'} · {item.title}"
        console.print(Panel("\n".join(lines), title=title, title_align="left"), markup=False)
    if not shown:
        stderr.print("no event clusters in this ledger")


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "geojson", "jsonl", "claimreview"]),
    required=True,
    help="csv (ACLED's columns), geojson, jsonl (one claim a line) or claimreview (JSON-LD).",
)
@_existing_ledger_option("export")
@click.option(
    "--output",
    type=click.Path(path_type=Path, allow_dash=True),
    default=Path("-"),
    show_default=True,
    help="The file to write; '-' is standard output.",
)
@click.option(
    "--reviewer",
    default="Corroborate",
    show_default=True,
    help="claimreview: the organisation named as the author of the reviews.",
)
@click.option(
    "--base-url",
    default=None,
    help="claimreview: where the reviews are published; each review's url is URL#claim-id.",
)
def export(fmt: str, db: Path, output: Path, reviewer: str, base_url: str | None) -> None:
    """Export the ledger's events (csv, geojson) or claims (jsonl, claimreview)."""
    import io
    import os

    from corroborate.export import export_ledger, export_ledger_file

    try:
        if str(output) != "-":
            result = export_ledger_file(db, fmt, output, reviewer=reviewer, base_url=base_url)
        else:
            stream = io.TextIOWrapper(sys.stdout.buffer, "utf-8", newline="")
            try:
                result = export_ledger(db, fmt, stream, reviewer=reviewer, base_url=base_url)
                stream.flush()
            finally:
                stream.detach()
    except CorroborateError as exc:
        _fail(exc)
    except BrokenPipeError:
        # The reader stopped early (`| head`): nothing is wrong with the export.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except OSError as exc:
        _fail(f"{output}: cannot write the export: {exc.strerror or exc}")
    for note in result.notes:
        stderr.print(f"note: {note}", markup=False, highlight=False, soft_wrap=True)
    if str(output) != "-":
        stderr.print(
            f"{output}: {result.records} {fmt} records",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


@main.command("eval")
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
@_ACTORS_OPTION
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
        _fail(f"malformed gold: {exc}")
    except CorroborateError as exc:
        _fail(exc)
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


@main.group()
def gazetteer() -> None:
    """The offline gazetteer: GeoNames places, the regions of Russia and Ukraine, countries."""


@gazetteer.command("build")
@click.option("--force", is_flag=True, help="Build again even if a current index exists.")
def gazetteer_build(force: bool) -> None:
    """Build the gazetteer index from the bundled GeoNames data; it is then cached."""
    from corroborate.geo import Gazetteer, build_gazetteer, default_index_path
    from corroborate.geo.build import inspect_index

    path = default_index_path()
    try:
        if not force and inspect_index(path).problem is None:
            with Gazetteer.open(path, build_if_missing=False) as current:
                places = sum(current.info().places.values())
            click.echo(f"{path}: up to date, {places} places; use --force to build it again")
            return
        stats = build_gazetteer(path, progress=True)
        # Opening loads again the dumps the replaced index held.
        with Gazetteer.open(path, progress=True) as built:
            dumps = built.info().dumps
    except CorroborateError as exc:
        _fail(exc)
    click.echo(f"{stats.path}: {stats.places} places, built in {stats.seconds:.1f} s")
    for dump in dumps:
        click.echo(f"loaded again: {dump}")


@gazetteer.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def gazetteer_add(files: tuple[Path, ...]) -> None:
    """Load GeoNames dumps (RU.zip, UA.txt, allCountries.zip, ...) into the gazetteer."""
    from corroborate.geo import Gazetteer

    try:
        with Gazetteer.open(progress=True) as opened:
            for file in files:
                stats = opened.add_dump(file, progress=True)
                click.echo(
                    f"{stats.path}: {stats.added} places added or updated,"
                    f" {stats.skipped} malformed lines skipped"
                )
    except CorroborateError as exc:
        _fail(exc)


@gazetteer.command("info")
def gazetteer_info() -> None:
    """Say where the gazetteer index is, what it was built from and what it holds."""
    from corroborate.geo import Gazetteer

    try:
        with Gazetteer.open(build_if_missing=False) as opened:
            info = opened.info()
    except CorroborateError as exc:
        _fail(exc)
    kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(info.places.items()))
    click.echo(f"index: {info.path} ({info.size_bytes / 1e6:.1f} MB), built {info.built_at}")
    click.echo(f"from: {info.cities_json}")
    click.echo(f"      {info.regions}")
    click.echo(f"places: {kinds}; names: {info.names}")
    for dump in info.dumps:
        click.echo(f"dump: {dump}")


@main.command()
@_existing_ledger_option("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on; 0.0.0.0 listens on every network interface.",
)
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="The port."
)
@click.option(
    "--ingest-token",
    envvar="CORROBORATE_INGEST_TOKEN",
    default=None,
    metavar="TOKEN",
    help="Accept POST /api/articles with `Authorization: Bearer TOKEN` (or set "
    "CORROBORATE_INGEST_TOKEN); without it the server is read-only.",
)
@click.option(
    "--tile-url",
    default=None,
    metavar="URL",
    help="An online map tile layer (https://.../{z}/{x}/{y}.png) over the shipped outlines.",
)
def serve(db: Path, host: str, port: int, ingest_token: str | None, tile_url: str | None) -> None:
    """Serve the ledger: the REST API under /api/ (docs at /docs) and the map page at /."""
    import uvicorn

    from corroborate.web.app import create_app
    from corroborate.web.deps import check_ledger
    from corroborate.web.settings import ServerSettings

    try:
        check_ledger(db)
    except CorroborateError as exc:
        _fail(exc)
    token = ingest_token.strip() if ingest_token and ingest_token.strip() else None
    app = create_app(ServerSettings(db_path=db, ingest_token=token, tile_url=tile_url))
    ingest = "on (POST /api/articles with the token)" if token else "off (read-only)"
    stderr.print(
        f"serving {db} at http://{host}:{port}/ — API at /api/, docs at /docs; ingest {ingest}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    uvicorn.run(app, host=host, port=port)
