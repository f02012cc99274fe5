"""The ``corroborate`` command: parse arguments, call the library, print.

Every command is a thin shell over a library function; all the work lives in
:mod:`corroborate.batch`, :mod:`corroborate.evaluation`, :mod:`corroborate.report` and
:mod:`corroborate.store`. Each module of this package holds the commands of one job, and
imports the library only inside its commands, so that ``corroborate --help`` starts fast.
"""

from __future__ import annotations

import click

from corroborate import __version__
from corroborate.cli import analyze, evaluate, gazetteer, read, serve


@click.group()
@click.version_option(__version__, prog_name="corroborate")
def main() -> None:
    """Corroborate: a ledger of events and attributed claims from contested conflict news."""


for _command in (
    analyze.analyze,
    read.report,
    read.search,
    read.clusters,
    read.export,
    evaluate.evaluate,
    gazetteer.gazetteer,
    serve.serve,
):
    main.add_command(_command)

__all__ = ["main"]
