"""``corroborate analyze``: read articles, analyse them, store them, write the report."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click
from rich.console import Console

from corroborate.cli.common import (
    ACTORS_OPTION,
    DEFAULT_DB,
    DEFAULT_HTML,
    fail,
    note,
    parse_date,
)
from corroborate.errors import CorroborateError


@click.command()
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
    callback=parse_date,
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
@ACTORS_OPTION
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
        fail(exc)
    for source, reason in outcome.failures:
        note(f"failed: {source}: {reason}")
    for source, reason in outcome.skipped:
        note(f"skipped: {source}: {reason}")
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
