"""The JSON shapes of the REST API, as pydantic models so the OpenAPI document describes them.

They mirror the ledger's records (:mod:`corroborate.models`) and add what a client needs
to follow provenance without a second request: the article a record was read in, the
names behind entity ids, the events and contradictions a claim takes part in.
"""

from __future__ import annotations

import datetime as dt
from typing import Generic, TypeVar

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

ItemT = TypeVar("ItemT")


class Page(BaseModel, Generic[ItemT]):
    """One page of a list: ``items`` from ``offset`` on, at most ``limit``, of ``total``."""

    items: list[ItemT]
    total: int = Field(description="How many records match the filters, on every page.")
    limit: int
    offset: int


class SpanOut(BaseModel):
    """A stretch of the article text as read: character offsets and the words there."""

    start: int
    end: int
    text: str


class ArticleRef(BaseModel):
    """Which article a record was read in."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    language: str | None


class ArticleSummary(ArticleRef):
    source: str = Field(description="The input the article was read from (a path, a URL).")
    format: str
    analysed: bool
    skipped_reason: str | None
    claims: int = Field(description="Number of claims found in the article.")
    events: int = Field(description="Number of events found in the article.")


class RepairOut(BaseModel):
    kind: str
    start: int
    end: int
    original: str
    replacement: str | None


class SourceOut(BaseModel):
    """Who tells (a source) or who passed it on (a relay), with the entity it resolves to."""

    name: str
    written: SpanOut | None = Field(description="The words of the article naming the teller.")
    entity_id: str | None
    canonical: str | None = None
    actor_id: str | None = None
    affiliation: str | None = None
    side: str | None = None


class QuantityOut(BaseModel):
    claim_id: str
    what: str
    span: SpanOut
    low: float | None
    high: float | None
    vague: str | None
    kind: str | None
    model: str | None


class ContradictionOut(BaseModel):
    """Two claims of one article whose propositions cannot both hold, and why."""

    article_id: str
    a: str
    b: str
    why: str


class ClaimContradiction(BaseModel):
    other: str = Field(description="The id of the claim this one contradicts.")
    why: str


class ClaimOut(BaseModel):
    """A proposition attributed to a source, with its full provenance."""

    id: str
    article: ArticleRef
    kind: str
    content: SpanOut
    sentence: SpanOut
    cue: SpanOut | None
    sources: list[SourceOut]
    via: list[SourceOut] = Field(description="The relay chain, nearest teller first.")
    channel: str | None
    hedged: bool
    hedge_cues: list[str]
    certainty: str
    polarity: str
    status: str | None
    slots: dict[str, str]
    event_ids: list[str]
    contradictions: list[ClaimContradiction]
    quantities: list[QuantityOut]


class PlaceMentionOut(BaseModel):
    """A place as written in the article and the gazetteer entry it resolved to."""

    span: SpanOut
    name: str
    lat: float | None
    lon: float | None
    admin1: str | None
    country: str | None
    precision: str | None
    place_id: int | None


class ActorRef(BaseModel):
    entity_id: str
    name: str
    actor_id: str | None
    side: str | None


class EventOut(BaseModel):
    id: str
    article: ArticleRef
    type: str
    sub_type: str | None
    plover: str | None
    date: str | None = Field(description="YYYY-MM-DD, YYYY-MM, YYYY or a range A/B.")
    date_precision: str | None
    place: str | None
    place_mention: PlaceMentionOut | None
    actors: list[ActorRef]
    acted_by: list[str]
    targets: list[str]
    claim_ids: list[str]


class EventDetail(EventOut):
    claims: list[ClaimOut]
    contradictions: list[ContradictionOut]


class EntityOut(BaseModel):
    """One actor as resolved within one article."""

    id: str
    article_id: str
    canonical: str
    kind: str
    aliases: list[str]
    affiliation: str | None
    side: str | None
    actor_id: str | None = Field(description="The actor knowledge base's id, across articles.")
    mentions: list[SpanOut]


class PlaceOut(BaseModel):
    """A place of the ledger: every mention of one gazetteer entry under one name."""

    place_id: int | None
    name: str
    lat: float | None
    lon: float | None
    precision: str | None
    admin1: str | None
    country: str | None
    written: list[str] = Field(description="The spellings the articles use for it.")
    mentions: int
    articles: int


class DateOut(BaseModel):
    span: SpanOut
    value: str | None
    precision: str | None
    in_caption: bool


class VerificationOut(BaseModel):
    span: SpanOut
    status: str
    qualifies: list[str]
    scope: str


class ArticleDetail(ArticleRef):
    """An article with everything found in it; every span is an offset into ``text``."""

    source: str
    format: str
    analysed: bool
    skipped_reason: str | None
    text: str
    repairs: list[RepairOut]
    sentences: list[SpanOut]
    claims: list[ClaimOut]
    events: list[EventOut]
    entities: list[EntityOut]
    places: list[PlaceMentionOut]
    dates: list[DateOut]
    verification_statements: list[VerificationOut]
    contradictions: list[ContradictionOut]


class SearchHit(BaseModel):
    article: ArticleRef
    snippet: str = Field(description="The matching passage, matched words in [brackets].")


class GroupedClaimOut(BaseModel):
    source: str
    text: str
    citations: list[str]


class CorroborationOut(BaseModel):
    origins: dict[str, list[str]] = Field(description="Independent origins by group.")
    disputed_by: list[str]
    unconfirmed_by_reporter: bool
    verdict: str


class ClusterOut(BaseModel):
    """One real-world event across articles."""

    id: str
    title: str
    first_date: str | None
    articles: list[str]
    origins: int = Field(description="Independent origins (copies of one text count once).")
    event_ids: list[str]
    claims: list[GroupedClaimOut]
    contradictions: list[str]
    corroboration: CorroborationOut


class ArticleIn(BaseModel):
    """An article to analyse and store; only ``text`` is required."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=1_000_000)
    title: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD or an ISO date-time.")
    url: str | None = None
    outlet: str | None = Field(
        None,
        validation_alias=AliasChoices("outlet", "source"),
        description="The outlet or channel that published it (also accepted as `source`).",
    )
    language: str | None = Field(None, description="ISO 639-1 code; detected when absent.")


class IngestOut(BaseModel):
    created: bool = Field(description="False when the same text was already in the ledger.")
    article: ArticleSummary


class ErrorDetail(BaseModel):
    status: int
    code: str = Field(description="not_found, invalid_parameter, unauthorized, forbidden, ...")
    message: str = Field(description="What is wrong with which input, and how to fix it.")


class ErrorOut(BaseModel):
    """The one shape of every error the server answers with."""

    error: ErrorDetail
