"""``corroborate gazetteer``: build, extend and describe the offline gazetteer index."""

from __future__ import annotations

from pathlib import Path

import click

from corroborate.cli.common import fail
from corroborate.errors import CorroborateError


@click.group()
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
        fail(exc)
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
        fail(exc)


@gazetteer.command("info")
def gazetteer_info() -> None:
    """Say where the gazetteer index is, what it was built from and what it holds."""
    from corroborate.geo import Gazetteer

    try:
        with Gazetteer.open(build_if_missing=False) as opened:
            info = opened.info()
    except CorroborateError as exc:
        fail(exc)
    kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(info.places.items()))
    click.echo(f"index: {info.path} ({info.size_bytes / 1e6:.1f} MB), built {info.built_at}")
    click.echo(f"from: {info.cities_json}")
    click.echo(f"      {info.regions}")
    click.echo(f"places: {kinds}; names: {info.names}")
    for dump in info.dumps:
        click.echo(f"dump: {dump}")
