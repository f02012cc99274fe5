"""What the commands share: default paths, the error stream, option types and checks."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
from rich.console import Console

DEFAULT_DB = Path("corroborate.db")
DEFAULT_HTML = Path("corroborate-report.html")

stderr = Console(stderr=True)


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """The callback of a ``YYYY-MM-DD`` option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; use YYYY-MM-DD") from None


def fail(message: object) -> NoReturn:
    """Print one error line and exit with status 2 (usage, gold or ledger errors)."""
    stderr.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
    sys.exit(2)


def note(message: str) -> None:
    """One line on standard error, printed as given (no markup, no highlighting)."""
    stderr.print(message, markup=False, highlight=False, soft_wrap=True)


F = TypeVar("F", bound=Callable[..., Any])

ACTORS_OPTION = click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Your own actor file (YAML, the layout of data/actors.yaml); repeatable.",
)


def existing_ledger_option(verb: str) -> Callable[[F], F]:
    """``--db PATH`` of a command that reads a ledger: it must exist."""

    def check(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
        if not value.exists():
            fail(f"{value}: no such ledger; run `corroborate analyze` first")
        return value

    return click.option(
        "--db",
        type=click.Path(path_type=Path),
        default=DEFAULT_DB,
        show_default=True,
        callback=check,
        help=f"The ledger database to {verb}.",
    )
