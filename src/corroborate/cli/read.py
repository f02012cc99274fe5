"""The commands that read a ledger: ``report``, ``search``, ``clusters`` and ``export``."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.panel import Panel

from corroborate.cli.common import existing_ledger_option, fail, note, stderr
from corroborate.errors import CorroborateError


@click.command()
@existing_ledger_option("read")
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
        fail(exc)
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


@click.command()
@click.argument("query")
@existing_ledger_option("search")
@click.option("--limit", type=int, default=20, show_default=True, help="At most this many hits.")
def search(query: str, db: Path, limit: int) -> None:
    """Full-text search of the stored articles (the query is taken as plain words)."""
    from corroborate.store import Ledger

    try:
        with Ledger.open(db) as ledger:
            hits = ledger.search(query, limit=limit)
    except CorroborateError as exc:
        fail(exc)
    for article_id, snippet in hits:
        click.echo(f"{article_id}\t{snippet}")
    if not hits:
        stderr.print("no matches")


@click.command()
@existing_ledger_option("read")
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
        fail(exc)
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


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "geojson", "jsonl", "claimreview"]),
    required=True,
    help="csv (ACLED's columns), geojson, jsonl (one claim a line) or claimreview (JSON-LD).",
)
@existing_ledger_option("export")
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
        fail(exc)
    except BrokenPipeError:
        # The reader stopped early (`| head`): nothing is wrong with the export.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except OSError as exc:
        fail(f"{output}: cannot write the export: {exc.strerror or exc}")
    for line in result.notes:
        note(f"note: {line}")
    if str(output) != "-":
        note(f"{output}: {result.records} {fmt} records")
