"""Reading the ledger for the API: articles, events and full-text search.

Filters are SQL over the ledger's tables, so a page costs the same however large the
ledger. Every user value is a bound parameter, never SQL text. Names (places, actors,
sources) are compared by their folded keys (:func:`corroborate.resolve.names.name_key`,
registered on the connection as ``corr_key``), so "Tyotkino", "Tjotkino" and "Tëtkino"
are one place.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from corroborate.resolve.names import name_key
from corroborate.store import Ledger, codec
from corroborate.store.ledger import literal_match_expression
from corroborate.web.convert import (
    ARTICLE_REF_COLUMNS,
    Context,
    article_ref,
    contradiction_out,
    entity_out,
    load_context,
    place_mention_out,
    placeholders,
    span_out,
    stub_article,
)
from corroborate.web.deps import fold
from corroborate.web.params import BBox, DateRange, Pagination, parse_place_id
from corroborate.web.schemas import (
    ArticleDetail,
    ArticleSummary,
    DateOut,
    EventDetail,
    EventOut,
    Page,
    RepairOut,
    SearchHit,
    VerificationOut,
)

_PARAMETER = re.compile(r":([a-z_]+)\b")


@dataclass
class Where:
    """SQL conditions joined by AND, with named parameters kept apart clause by clause.

    A clause is written with ``:name`` placeholders; each clause's names are made unique,
    so two clauses may both say ``:key``.
    """

    clauses: list[str] = field(default_factory=list)
    params: dict[str, object] = field(default_factory=dict)

    def add(self, clause: str, **params: object) -> None:
        prefix = f"w{len(self.clauses)}_"

        def rename(match: re.Match[str]) -> str:
            name = match.group(1)
            return f":{prefix}{name}" if name in params else match.group(0)

        self.clauses.append(_PARAMETER.sub(rename, clause))
        self.params.update({prefix + name: value for name, value in params.items()})

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""

    def paged(self, page: Pagination) -> dict[str, object]:
        return {**self.params, "limit": page.limit, "offset": page.offset}


def count(connection: sqlite3.Connection, from_sql: str, where: Where) -> int:
    row = connection.execute(f"SELECT count(*) FROM {from_sql}{where.sql()}", where.params)
    total: int = row.fetchone()[0]
    return total


def words_of(query: str | None) -> list[str]:
    """The folded words of a text filter; words with nothing to fold are dropped."""
    return [key for key in (fold(word) for word in (query or "").split()) if key]


# Articles ------------------------------------------------------------------------------

_ARTICLE_SUMMARY = (
    "SELECT a.id, a.title, a.outlet, a.url, a.published, a.language, a.source, a.format, "
    "a.analysed, a.skipped_reason, "
    "(SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS n_claims, "
    "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events "
    "FROM articles a"
)


def _summary(row: sqlite3.Row) -> ArticleSummary:
    return ArticleSummary(
        **article_ref(row).model_dump(),
        source=row["source"],
        format=row["format"],
        analysed=bool(row["analysed"]),
        skipped_reason=row["skipped_reason"],
        claims=row["n_claims"],
        events=row["n_events"],
    )


def list_articles(
    connection: sqlite3.Connection,
    page: Pagination,
    dates: DateRange,
    language: str | None,
    outlet: str | None,
) -> Page[ArticleSummary]:
    """Articles, newest first (undated last), then in the order they were stored."""
    where = Where()
    if dates.start is not None:
        where.add("a.published >= :day", day=dates.start)
    if dates.end is not None:
        where.add("a.published <= :day", day=dates.end)
    if language:
        where.add("lower(a.language) = lower(:language)", language=language.strip())
    if outlet:
        where.add("corr_key(a.outlet) = :key", key=name_key(outlet))
    rows = connection.execute(
        f"{_ARTICLE_SUMMARY}{where.sql()} "
        "ORDER BY a.published IS NULL, a.published DESC, a.seq LIMIT :limit OFFSET :offset",
        where.paged(page),
    ).fetchall()
    return Page[ArticleSummary](
        items=[_summary(row) for row in rows],
        total=count(connection, "articles a", where),
        limit=page.limit,
        offset=page.offset,
    )


def article_summary(connection: sqlite3.Connection, article_id: str) -> ArticleSummary | None:
    row = connection.execute(f"{_ARTICLE_SUMMARY} WHERE a.id = ?", (article_id,)).fetchone()
    return _summary(row) if row is not None else None


def article_detail(ledger: Ledger, article_id: str) -> ArticleDetail | None:
    """The article with every record found in it, as the ledger stores them."""
    analysis = ledger.load_analysis(article_id)
    if analysis is None:
        return None
    context = Context()
    context.add_analysis(analysis)
    article = analysis.article
    return ArticleDetail(
        **context.articles[article.id].model_dump(),
        source=article.source,
        format=article.format,
        analysed=analysis.analysed,
        skipped_reason=analysis.skipped_reason,
        text=article.text,
        repairs=[
            RepairOut(
                kind=r.kind,
                start=r.start,
                end=r.end,
                original=r.original,
                replacement=r.replacement,
            )
            for r in analysis.repairs
        ],
        sentences=[span_out(sentence) for sentence in analysis.sentences],
        claims=[context.claim_out(claim) for claim in analysis.claims],
        events=[context.event_out(event) for event in analysis.events],
        entities=[entity_out(entity, article.id) for entity in analysis.entities],
        places=[place_mention_out(place) for place in analysis.places],
        dates=[
            DateOut(
                span=span_out(d.span), value=d.value, precision=d.precision, in_caption=d.in_caption
            )
            for d in analysis.dates
        ],
        verification_statements=[
            VerificationOut(
                span=span_out(v.span), status=v.status, qualifies=v.qualifies, scope=v.scope
            )
            for v in analysis.verification_statements
        ],
        contradictions=[contradiction_out(c, article.id) for c in analysis.contradictions],
    )


# Events --------------------------------------------------------------------------------

# The first and last day a date value can mean: "2024-03-11/2024-03-12" spans two days,
# "2024-03" a month. The end gets a "~" (after every digit and "-") so that a month or
# year prefix sorts after each of its days.
_EVENT_START = (
    "CASE WHEN instr(e.date, '/') > 0 THEN substr(e.date, 1, instr(e.date, '/') - 1) "
    "ELSE e.date END"
)
_EVENT_END = (
    "(CASE WHEN instr(e.date, '/') > 0 THEN substr(e.date, instr(e.date, '/') + 1) "
    "ELSE e.date END) || '~'"
)

ENTITY_MATCHES = (
    "(en.id = :raw OR en.actor_id = :raw OR corr_key(en.canonical) = :key "
    "OR EXISTS (SELECT 1 FROM json_each(en.aliases) al WHERE corr_key(al.value) = :key))"
)

# An actor takes part in an event as one of its entities, or by name as the one who acted
# or the one acted against. Those names are the knowledge base's canonical names, so an
# alias or an actor id is matched through the article's entity of that canonical name.
_EVENT_ACTOR = (
    "(EXISTS (SELECT 1 FROM json_each(e.actors) j JOIN entities en "
    f"ON en.article_id = e.article_id AND en.id = j.value WHERE {ENTITY_MATCHES}) "
    "OR EXISTS (SELECT 1 FROM (SELECT value FROM json_each(e.acted_by) "
    "UNION ALL SELECT value FROM json_each(e.targets)) named "
    "WHERE corr_key(named.value) = :key OR EXISTS (SELECT 1 FROM entities en "
    "WHERE en.article_id = e.article_id AND corr_key(en.canonical) = corr_key(named.value) "
    f"AND {ENTITY_MATCHES})))"
)

# A word of ``q`` is in the event when it is in a sentence of a claim the event rests on,
# in its place (as written or the gazetteer's name), its type, or the article's title.
_EVENT_WORD = (
    "(corr_contains(coalesce(e.place_mention_text, '') || ' ' || coalesce(e.place, '') || ' ' "
    "|| e.type || ' ' || coalesce(e.sub_type, '') || ' ' || coalesce(a.title, ''), :word) "
    "OR EXISTS (SELECT 1 FROM json_each(e.claim_ids) j JOIN claims c "
    "ON c.article_id = e.article_id AND c.id = j.value "
    "WHERE corr_contains(c.sentence_text, :word)))"
)


@dataclass(frozen=True)
class EventFilters:
    dates: DateRange
    bbox: BBox | None = None
    type: str | None = None
    sub_type: str | None = None
    actor: str | None = None
    place: str | None = None
    q: str | None = None


def _event_where(filters: EventFilters) -> Where:
    where = Where()
    if filters.dates.start is not None:
        where.add(f"e.date IS NOT NULL AND {_EVENT_END} >= :day", day=filters.dates.start)
    if filters.dates.end is not None:
        where.add(f"e.date IS NOT NULL AND {_EVENT_START} <= :day", day=filters.dates.end)
    if filters.bbox is not None:
        box = filters.bbox
        where.add(
            "e.place_mention_lon BETWEEN :west AND :east "
            "AND e.place_mention_lat BETWEEN :south AND :north",
            west=box.min_lon,
            east=box.max_lon,
            south=box.min_lat,
            north=box.max_lat,
        )
    if filters.type:
        where.add("lower(e.type) = lower(:type)", type=filters.type.strip())
    if filters.sub_type:
        where.add("lower(e.sub_type) = lower(:sub_type)", sub_type=filters.sub_type.strip())
    if filters.place:
        place_id = parse_place_id(filters.place)
        if place_id is not None:
            where.add("e.place_id = :place_id", place_id=place_id)
        else:
            where.add(
                "(corr_key(e.place) = :key OR corr_key(e.place_mention_text) = :key "
                "OR corr_key(e.place_mention_name) = :key)",
                key=name_key(filters.place),
            )
    if filters.actor:
        raw = filters.actor.strip()
        where.add(_EVENT_ACTOR, raw=raw, key=name_key(raw))
    for word in words_of(filters.q):
        where.add(_EVENT_WORD, word=word)
    return where


_EVENTS_FROM = "events e JOIN articles a ON a.id = e.article_id"


def list_events(
    connection: sqlite3.Connection, page: Pagination, filters: EventFilters
) -> Page[EventOut]:
    """Events by date (undated last), then in article and reading order."""
    where = _event_where(filters)
    rows = connection.execute(
        f"SELECT e.* FROM {_EVENTS_FROM}{where.sql()} "
        f"ORDER BY e.date IS NULL, {_EVENT_START}, a.seq, e.idx LIMIT :limit OFFSET :offset",
        where.paged(page),
    ).fetchall()
    events = [codec.EVENTS.decode(row, stub_article(row["article_id"])) for row in rows]
    context = load_context(connection, (event.article_id for event in events))
    return Page[EventOut](
        items=[context.event_out(event) for event in events],
        total=count(connection, _EVENTS_FROM, where),
        limit=page.limit,
        offset=page.offset,
    )


def event_detail(connection: sqlite3.Connection, event_id: str) -> EventDetail | None:
    """The event with the claims it rests on and the contradictions between them."""
    row = connection.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    article_id = row["article_id"]
    event = codec.EVENTS.decode(row, stub_article(article_id))
    context = load_context(connection, [article_id])
    claim_rows = connection.execute(
        "SELECT * FROM claims WHERE article_id = ? ORDER BY idx", (article_id,)
    ).fetchall()
    by_id = {
        claim.id: claim
        for claim in (codec.CLAIMS.decode(r, stub_article(article_id)) for r in claim_rows)
    }
    claims = [by_id[i] for i in event.claim_ids if i in by_id]
    claims += [c for c in by_id.values() if c.event_id == event.id and c not in claims]
    ids = {claim.id for claim in claims}
    return EventDetail(
        **context.event_out(event).model_dump(),
        claims=[context.claim_out(claim) for claim in claims],
        contradictions=[
            contradiction_out(c, article_id)
            for c in context.contradictions.get(article_id, [])
            if c.a in ids or c.b in ids
        ],
    )


# Search --------------------------------------------------------------------------------


def search(
    ledger: Ledger, connection: sqlite3.Connection, query: str, page: Pagination
) -> Page[SearchHit]:
    """Articles whose title or text has every word of ``query``, taken literally, best first."""
    hits = ledger.search(query, limit=page.offset + page.limit)[page.offset :]
    match = literal_match_expression(query)
    total = 0
    if match:
        total = connection.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)
        ).fetchone()[0]
    ids = [article_id for article_id, _ in hits]
    refs = {
        row["id"]: article_ref(row)
        for row in connection.execute(
            f"SELECT {ARTICLE_REF_COLUMNS} FROM articles WHERE id IN ({placeholders(ids)})",
            ids,
        )
    }
    return Page[SearchHit](
        items=[SearchHit(article=refs[i], snippet=snippet) for i, snippet in hits if i in refs],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )
