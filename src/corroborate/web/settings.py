"""What the operator sets when starting the server."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ServerSettings:
    """Settings of one server process.

    ``ingest_token`` switches on ``POST /api/articles``; without it the server is read-only.
    ``tile_url`` is an optional online tile layer (``https://.../{z}/{x}/{y}.png``) drawn
    over the shipped country and region outlines; the page works without it.
    """

    db_path: Path
    ingest_token: str | None = None
    tile_url: str | None = None
