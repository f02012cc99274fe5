"""The server-rendered page at ``/``: map, timeline, filters, search, event pages.

Pages are Jinja2 templates with autoescaping always on: every piece of ledger text is
untrusted. The filters re-render only the list through HTMX (``/fragments/events``), and
without JavaScript the same form reloads the whole page. Everything the page loads ships
in the package under ``/static``; a Content-Security-Policy keeps the browser from
fetching anything else, except the operator's own tile server when one is configured.

The ledger is read through the server's read-only connections (:mod:`corroborate.web.deps`),
so a page never creates or changes it. Its events are clustered and worded once per
ledger state and kept in memory: articles are only ever added, so the number of articles
and the last one's id tell whether what is kept is still current.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined

from corroborate.errors import CorroborateError
from corroborate.web.deps import open_reader
from corroborate.web.listing import EventFilter, listing
from corroborate.web.settings import ServerSettings
from corroborate.web.views import SIDES, Board, build_board

router = APIRouter(include_in_schema=False)

_ENVIRONMENT = Environment(
    loader=PackageLoader("corroborate.web", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


class BoardCache:
    """The board of each ledger file, rebuilt when articles were added since."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._boards: dict[Path, tuple[tuple[int, str | None], Board]] = {}

    def board(self, path: Path) -> Board:
        """The board of the ledger at ``path``; HTTPException (503) when it cannot be read."""
        ledger = open_reader(path)
        try:
            ids = ledger.article_ids()
            state = (len(ids), ids[-1] if ids else None)
            # One build at a time: a second request waits for the first and reuses it.
            with self._lock:
                kept = self._boards.get(path)
                if kept is not None and kept[0] == state:
                    return kept[1]
                board = build_board(ledger.iter_analyses())
                self._boards[path] = (state, board)
                return board
        except (sqlite3.Error, CorroborateError) as exc:
            raise HTTPException(
                503, f"{path}: cannot read the ledger ({exc}); retry, or check the file."
            ) from exc
        finally:
            ledger.close()

    def clear(self) -> None:
        with self._lock:
            self._boards.clear()


BOARDS = BoardCache()


def _settings(request: Request) -> ServerSettings:
    settings: ServerSettings = request.app.state.settings
    return settings


def content_security_policy(tile_url: str | None) -> str:
    """Only this server, plus the tile server's host for images when one is configured."""
    images = "'self' data:"
    tiles = tile_origin(tile_url)
    if tiles:
        images += f" {tiles}"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        f"img-src {images}; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    )


def tile_origin(tile_url: str | None) -> str | None:
    """``https://{s}.tile.example.org/{z}/{x}/{y}.png`` -> ``https://*.tile.example.org``."""
    if not tile_url:
        return None
    parts = urlsplit(tile_url.replace("{s}", "*"))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def _render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    settings = _settings(request)
    root = request.scope.get("root_path", "")
    html = _ENVIRONMENT.get_template(template).render(
        root=root,
        static=f"{root}/static",
        tile_url=settings.tile_url if tile_origin(settings.tile_url) else None,
        **context,
    )
    all_headers = {
        "Content-Security-Policy": content_security_policy(settings.tile_url),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        **(headers or {}),
    }
    return HTMLResponse(html, status_code=status, headers=all_headers)


def _trouble(request: Request, exc: HTTPException) -> HTMLResponse:
    return _render(
        request,
        "message.html",
        {"title": "The ledger cannot be read", "message": str(exc.detail)},
        status=exc.status_code,
    )


def _wanted(
    date_from: str | None = None,
    date_to: str | None = None,
    type: str | None = None,
    side: str | None = None,
    actor: str | None = None,
    q: str | None = None,
) -> EventFilter:
    """The filters of the query string (a dependency of the pages that list events)."""
    return EventFilter.parse(
        date_from=date_from, date_to=date_to, type=type, side=side, actor=actor, q=q
    )


# The filters of a listing page, read from its query string.
Wanted = Annotated[EventFilter, Depends(_wanted)]


@router.get("/", response_class=HTMLResponse)
def index(request: Request, wanted: Wanted) -> HTMLResponse:
    """The map, the timeline and the list of events, with filters and search."""
    try:
        board = BOARDS.board(_settings(request).db_path)
    except HTTPException as exc:
        return _trouble(request, exc)
    return _render(
        request,
        "index.html",
        {"board": board, "wanted": wanted, "listing": listing(board, wanted), "sides": SIDES},
    )


@router.get("/fragments/events", response_class=HTMLResponse)
def events_fragment(request: Request, wanted: Wanted) -> HTMLResponse:
    """The filtered list, timeline and map markers, for HTMX to swap into the page."""
    try:
        board = BOARDS.board(_settings(request).db_path)
    except HTTPException as exc:
        return _trouble(request, exc)
    query = wanted.query_string()
    root = request.scope.get("root_path", "")
    # The address bar follows the filters, so a reload or a shared link shows the same list.
    headers = {"HX-Replace-Url": f"{root}/?{query}" if query else f"{root}/"}
    return _render(
        request,
        "results.html",
        {"wanted": wanted, "listing": listing(board, wanted)},
        headers=headers,
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> Response:
    """One event cluster: its claims by side, contradictions, corroboration, sources.

    An article's own event id (as the API gives it) leads to the cluster it belongs to.
    """
    try:
        board = BOARDS.board(_settings(request).db_path)
    except HTTPException as exc:
        return _trouble(request, exc)
    event = board.event(event_id)
    if event is None and event_id in board.cluster_of_event:
        root = request.scope.get("root_path", "")
        return RedirectResponse(f"{root}/events/{board.cluster_of_event[event_id]}", 307)
    if event is None:
        return _render(
            request,
            "message.html",
            {
                "title": "No such event",
                "message": (
                    f"There is no event {event_id!r} in this ledger. Event ids are those the "
                    "front page links to (k1, k2, ...) or an article's event ids."
                ),
            },
            status=404,
        )
    return _render(request, "event.html", {"event": event})
