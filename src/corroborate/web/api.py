"""The REST API under ``/api/``: the ledger's articles, events, clusters, claims, entities
and places as JSON, read-only unless the operator gave an ingest token.

Every list takes ``limit`` (default 50, at most 500) and ``offset`` and answers
``{"items": [...], "total": N, "limit": L, "offset": O}``. Every error has the server's one
shape, ``{"error": {"status", "code", "message"}}``. The handlers only parse, call the
read layer (:mod:`corroborate.web.queries`, :mod:`corroborate.web.claim_queries`,
:mod:`corroborate.web.clusters`) and return its models.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request, Response

from corroborate.errors import LedgerError
from corroborate.web import claim_queries, queries
from corroborate.web.clusters import cluster_cache, filter_clusters
from corroborate.web.deps import (
    Connection,
    Reader,
    open_reader,
    require_ingest_token,
    settings_of,
)
from corroborate.web.ingest import analyzer_slot, article_from_body, ingest
from corroborate.web.params import (
    BBox,
    DateRange,
    Pagination,
    bbox_query,
    date_range,
    pagination,
)
from corroborate.web.schemas import (
    ArticleDetail,
    ArticleIn,
    ArticleSummary,
    ClaimOut,
    ClusterOut,
    EntityOut,
    ErrorOut,
    EventDetail,
    EventOut,
    IngestOut,
    Page,
    PlaceOut,
    SearchHit,
)


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorOut, "description": description}


router = APIRouter(
    responses={
        422: _error("A parameter is malformed (a bad date, bounding box or limit)."),
        503: _error("The ledger cannot be read (missing, damaged or of another version)."),
    }
)

Paging = Annotated[Pagination, Depends(pagination)]
Dates = Annotated[DateRange, Depends(date_range)]
Box = Annotated[BBox | None, Depends(bbox_query)]
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: _error("No record has this id.")}


def _not_found(kind: str, record_id: str, listing: str) -> HTTPException:
    return HTTPException(
        status_code=404,
        detail=f"no {kind} '{record_id}' in the ledger; the ids are listed by GET {listing}.",
    )


def _text(description: str, example: str | None = None) -> Any:
    return Query(description=description, examples=[example] if example else None)


# Articles ------------------------------------------------------------------------------


@router.get("/articles", response_model=Page[ArticleSummary], tags=["articles"])
def list_articles(
    connection: Connection,
    page: Paging,
    dates: Dates,
    language: Annotated[str | None, _text("ISO 639-1 code, e.g. en.", "en")] = None,
    outlet: Annotated[str | None, _text("The outlet's name.")] = None,
) -> Page[ArticleSummary]:
    """Stored articles, newest first; the date filters apply to the publication date."""
    return queries.list_articles(connection, page, dates, language, outlet)


@router.get(
    "/articles/{article_id}", response_model=ArticleDetail, tags=["articles"], responses=_NOT_FOUND
)
def get_article(ledger: Reader, article_id: str) -> ArticleDetail:
    """The article with its text, sentences, claims, events, entities, places and dates."""
    detail = queries.article_detail(ledger, article_id)
    if detail is None:
        raise _not_found("article", article_id, "/api/articles")
    return detail


@router.post(
    "/articles",
    response_model=IngestOut,
    status_code=201,
    tags=["articles"],
    dependencies=[Depends(require_ingest_token)],
    responses={
        200: {"model": IngestOut, "description": "The same text was already in the ledger."},
        401: _error("The bearer token is missing or wrong."),
        403: _error("Ingest is disabled: the server was started without a token."),
        500: _error("The analysis failed; the article was not stored, the error was recorded."),
    },
)
def post_article(
    request: Request, response: Response, body: Annotated[ArticleIn, Body()]
) -> IngestOut:
    """Analyse one article and store it in the ledger (needs `Authorization: Bearer TOKEN`).

    The first article posted loads the analysis pipeline, which takes a few seconds.
    Posting a text already stored changes nothing and answers 200 instead of 201.
    """
    path = settings_of(request).db_path
    article = article_from_body(body)
    created = ingest(path, analyzer_slot(request.app), article)
    reader = open_reader(path)
    try:
        summary = queries.article_summary(reader.connection, article.id)
    finally:
        reader.close()
    if summary is None:  # written a moment ago; only a file replaced meanwhile gets here
        raise HTTPException(status_code=503, detail=f"{path}: the article stored is gone.")
    response.status_code = 201 if created else 200
    response.headers["Location"] = f"/api/articles/{article.id}"
    return IngestOut(created=created, article=summary)


# Events and clusters -------------------------------------------------------------------


@router.get("/events", response_model=Page[EventOut], tags=["events"])
def list_events(
    connection: Connection,
    page: Paging,
    dates: Dates,
    bbox: Box,
    event_type: Annotated[
        str | None, Query(alias="type", description="ACLED event type.", examples=["Battles"])
    ] = None,
    sub_type: Annotated[str | None, _text("ACLED sub-type.", "Armed clash")] = None,
    actor: Annotated[
        str | None,
        _text(
            "An actor's name, entity id or knowledge-base id: who acted, was targeted or took part."
        ),
    ] = None,
    place: Annotated[
        str | None, _text("A place's name (any spelling) or gazetteer id.", "Tyotkino")
    ] = None,
    q: Annotated[
        str | None, _text("Words in the event's sentences, place, type or article title.")
    ] = None,
) -> Page[EventOut]:
    """Events by date; a date filter keeps events whose date (or range) overlaps it."""
    filters = queries.EventFilters(dates, bbox, event_type, sub_type, actor, place, q)
    return queries.list_events(connection, page, filters)


@router.get("/events/{event_id}", response_model=EventDetail, tags=["events"], responses=_NOT_FOUND)
def get_event(connection: Connection, event_id: str) -> EventDetail:
    """The event with the claims it rests on, their provenance and their contradictions."""
    detail = queries.event_detail(connection, event_id)
    if detail is None:
        raise _not_found("event", event_id, "/api/events")
    return detail


@router.get("/clusters", response_model=Page[ClusterOut], tags=["events"])
def list_clusters(
    request: Request,
    ledger: Reader,
    page: Paging,
    dates: Dates,
    min_articles: Annotated[int, Query(ge=1, description="Reported in at least N articles.")] = 1,
    event: Annotated[str | None, _text("Only the cluster holding this event id.")] = None,
) -> Page[ClusterOut]:
    """Events across articles: claims by source, contradictions, corroboration verdict.

    Computed on the first request after articles were added (about a second for a small
    ledger), then kept.
    """
    clusters = cluster_cache(request.app).get(ledger)
    return filter_clusters(clusters, page, dates=dates, min_articles=min_articles, event=event)


@router.get(
    "/clusters/{cluster_id}", response_model=ClusterOut, tags=["events"], responses=_NOT_FOUND
)
def get_cluster(request: Request, ledger: Reader, cluster_id: str) -> ClusterOut:
    clusters = cluster_cache(request.app).get(ledger)
    for cluster in clusters:
        if cluster.id == cluster_id:
            return cluster
    raise _not_found("event cluster", cluster_id, "/api/clusters")


# Claims, entities, places --------------------------------------------------------------


@router.get("/claims", response_model=Page[ClaimOut], tags=["claims"])
def list_claims(
    connection: Connection,
    page: Paging,
    source: Annotated[
        str | None, _text("The source's name (any spelling), entity id or knowledge-base id.")
    ] = None,
    event: Annotated[str | None, _text("Only claims an event (by id) rests on.")] = None,
    affiliation: Annotated[
        str | None,
        _text("The source's affiliation (russian_state, ...) or side (russia, ukraine).", "russia"),
    ] = None,
    contradiction: Annotated[
        bool | None,
        Query(description="true: only claims in a contradiction; false: only the others."),
    ] = None,
    article: Annotated[str | None, _text("Only claims of this article id.")] = None,
    q: Annotated[str | None, _text("Words in the claim's sentence.")] = None,
) -> Page[ClaimOut]:
    """Attributed claims with their provenance: article, sentence, relay chain, channel,
    hedging and the verification status the reporter gave."""
    return claim_queries.list_claims(
        connection,
        page,
        source=source,
        event=event,
        affiliation=affiliation,
        contradiction=contradiction,
        article=article,
        q=q,
    )


@router.get("/entities", response_model=Page[EntityOut], tags=["claims"])
def list_entities(
    connection: Connection,
    page: Paging,
    q: Annotated[str | None, _text("Words of the name or an alias (any spelling).")] = None,
    kind: Annotated[str | None, _text("person, organisation, group, place, unnamed, ...")] = None,
    side: Annotated[str | None, _text("russia, ukraine or none.")] = None,
    affiliation: Annotated[str | None, _text("russian_state, ukrainian_state, ...")] = None,
    actor: Annotated[str | None, _text("The knowledge base's actor id.", "ru_mod")] = None,
    article: Annotated[str | None, _text("Only entities of this article id.")] = None,
) -> Page[EntityOut]:
    """Entities as resolved in each article, with every span naming them."""
    return claim_queries.list_entities(
        connection,
        page,
        q=q,
        kind=kind,
        side=side,
        affiliation=affiliation,
        actor=actor,
        article=article,
    )


@router.get("/places", response_model=Page[PlaceOut], tags=["places"])
def list_places(
    connection: Connection,
    page: Paging,
    bbox: Box,
    q: Annotated[str | None, _text("Words of the name, as written or in the gazetteer.")] = None,
    precision: Annotated[str | None, _text("settlement, district, region or country.")] = None,
    country: Annotated[str | None, _text("ISO 3166 country code.", "RU")] = None,
) -> Page[PlaceOut]:
    """The places named in the articles, with coordinates, precision and gazetteer id."""
    return claim_queries.list_places(
        connection, page, q=q, bbox=bbox, precision=precision, country=country
    )


# Search --------------------------------------------------------------------------------


@router.get("/search", response_model=Page[SearchHit], tags=["articles"])
def search(
    ledger: Reader,
    page: Paging,
    q: Annotated[
        str, Query(description="Plain words; every one must occur.", examples=["Tyotkino"])
    ],
) -> Page[SearchHit]:
    """Full-text search of titles and texts. The query is words, never query syntax:
    quotes, operators and punctuation are searched for, not interpreted."""
    try:
        return queries.search(ledger, ledger.connection, q, page)
    except LedgerError as exc:
        raise HTTPException(status_code=503, detail=str(exc)) from exc
