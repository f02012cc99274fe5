"""``corroborate serve``: the REST API, its docs and the map page over one ledger."""

from __future__ import annotations

from pathlib import Path

import click

from corroborate.cli.common import existing_ledger_option, fail, note
from corroborate.errors import CorroborateError


@click.command()
@existing_ledger_option("serve")
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
        fail(exc)
    token = ingest_token.strip() if ingest_token and ingest_token.strip() else None
    app = create_app(ServerSettings(db_path=db, ingest_token=token, tile_url=tile_url))
    ingest = "on (POST /api/articles with the token)" if token else "off (read-only)"
    note(f"serving {db} at http://{host}:{port}/ — API at /api/, docs at /docs; ingest {ingest}")
    uvicorn.run(app, host=host, port=port)
