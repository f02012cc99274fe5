"""Reading the ledger for the API: claims with their provenance, entities and places.

Like :mod:`corroborate.web.queries`, every filter is SQL with bound parameters and names
are compared by their folded keys, so "Legion of Free Russia", its canonical name
"Freedom of Russia Legion" and its knowledge-base id find the same source.
"""

from __future__ import annotations

import json
import sqlite3

from corroborate.resolve.names import name_key
from corroborate.store import codec
from corroborate.web.convert import entity_out, load_context, stub_article
from corroborate.web.params import BBox, Pagination
from corroborate.web.queries import ENTITY_MATCHES, Where, count, words_of
from corroborate.web.schemas import ClaimOut, EntityOut, Page, PlaceOut

# A source of the claim (not a relay) is the one asked for: by the entity id it resolves
# to, by its name as resolved, or through that entity's canonical name, aliases and
# knowledge-base id.
_CLAIM_SOURCE = (
    "EXISTS (SELECT 1 FROM json_each(c.sources) s LEFT JOIN entities en "
    "ON en.article_id = c.article_id AND en.id = json_extract(s.value, '$.entity_id') "
    "WHERE json_extract(s.value, '$.entity_id') = :raw "
    "OR corr_key(json_extract(s.value, '$.name')) = :key "
    f"OR (en.id IS NOT NULL AND {ENTITY_MATCHES}))"
)

_CLAIM_AFFILIATION = (
    "EXISTS (SELECT 1 FROM json_each(c.sources) s JOIN entities en "
    "ON en.article_id = c.article_id AND en.id = json_extract(s.value, '$.entity_id') "
    "WHERE lower(en.affiliation) = :value OR lower(en.side) = :value)"
)

_CLAIM_EVENT = (
    "(c.event_id = :event OR EXISTS (SELECT 1 FROM events ev, json_each(ev.claim_ids) j "
    "WHERE ev.article_id = c.article_id AND ev.id = :event AND j.value = c.id))"
)

_IN_CONTRADICTION = (
    "EXISTS (SELECT 1 FROM contradictions x WHERE x.article_id = c.article_id "
    "AND (x.claim_a = c.id OR x.claim_b = c.id))"
)

_CLAIMS_FROM = "claims c JOIN articles a ON a.id = c.article_id"


def list_claims(
    connection: sqlite3.Connection,
    page: Pagination,
    *,
    source: str | None = None,
    event: str | None = None,
    affiliation: str | None = None,
    contradiction: bool | None = None,
    article: str | None = None,
    q: str | None = None,
) -> Page[ClaimOut]:
    """Claims in the order the articles were stored and, within one, in reading order."""
    where = Where()
    if source:
        raw = source.strip()
        where.add(_CLAIM_SOURCE, raw=raw, key=name_key(raw))
    if event:
        where.add(_CLAIM_EVENT, event=event.strip())
    if affiliation:
        where.add(_CLAIM_AFFILIATION, value=affiliation.strip().lower())
    if contradiction is True:
        where.add(_IN_CONTRADICTION)
    elif contradiction is False:
        where.add(f"NOT {_IN_CONTRADICTION}")
    if article:
        where.add("c.article_id = :article", article=article.strip())
    for word in words_of(q):
        where.add("corr_contains(c.sentence_text, :word)", word=word)
    rows = connection.execute(
        f"SELECT c.* FROM {_CLAIMS_FROM}{where.sql()} "
        "ORDER BY a.seq, c.idx LIMIT :limit OFFSET :offset",
        where.paged(page),
    ).fetchall()
    claims = [codec.CLAIMS.decode(row, stub_article(row["article_id"])) for row in rows]
    context = load_context(connection, (claim.article_id for claim in claims))
    return Page[ClaimOut](
        items=[context.claim_out(claim) for claim in claims],
        total=count(connection, _CLAIMS_FROM, where),
        limit=page.limit,
        offset=page.offset,
    )


# Entities ------------------------------------------------------------------------------

_ENTITY_WORD = (
    "(corr_contains(en.canonical, :word) "
    "OR EXISTS (SELECT 1 FROM json_each(en.aliases) al WHERE corr_contains(al.value, :word)))"
)

_ENTITIES_FROM = "entities en JOIN articles a ON a.id = en.article_id"


def list_entities(
    connection: sqlite3.Connection,
    page: Pagination,
    *,
    q: str | None = None,
    kind: str | None = None,
    side: str | None = None,
    affiliation: str | None = None,
    actor: str | None = None,
    article: str | None = None,
) -> Page[EntityOut]:
    """Entities as resolved in each article, in the order the articles were stored."""
    where = Where()
    for word in words_of(q):
        where.add(_ENTITY_WORD, word=word)
    for column, value in (("kind", kind), ("side", side), ("affiliation", affiliation)):
        if value:
            where.add(f"lower(en.{column}) = lower(:value)", value=value.strip())
    if actor:
        where.add("en.actor_id = :actor", actor=actor.strip())
    if article:
        where.add("en.article_id = :article", article=article.strip())
    rows = connection.execute(
        f"SELECT en.* FROM {_ENTITIES_FROM}{where.sql()} "
        "ORDER BY a.seq, en.idx LIMIT :limit OFFSET :offset",
        where.paged(page),
    ).fetchall()
    return Page[EntityOut](
        items=[
            entity_out(
                codec.ENTITIES.decode(row, stub_article(row["article_id"])), row["article_id"]
            )
            for row in rows
        ],
        total=count(connection, _ENTITIES_FROM, where),
        limit=page.limit,
        offset=page.offset,
    )


# Places --------------------------------------------------------------------------------

# One row per gazetteer entry and name: a village the gazetteer lacks is stored with its
# region's id and coordinates under its own name, and must not merge into the region.
_PLACE_GROUPS = (
    "SELECT p.place_id, p.name, max(p.lat) AS lat, max(p.lon) AS lon, "
    "max(p.precision) AS precision, max(p.admin1) AS admin1, max(p.country) AS country, "
    "count(*) AS n_mentions, count(DISTINCT p.article_id) AS n_articles, "
    "json_group_array(DISTINCT p.text) AS written "
    "FROM places p{where} GROUP BY p.place_id, p.name"
)


def list_places(
    connection: sqlite3.Connection,
    page: Pagination,
    *,
    q: str | None = None,
    bbox: BBox | None = None,
    precision: str | None = None,
    country: str | None = None,
) -> Page[PlaceOut]:
    """The places the articles name, the most often named first."""
    where = Where()
    for word in words_of(q):
        where.add(
            "(corr_contains(p.name, :word) OR corr_contains(p.text, :word))",
            word=word,
        )
    if bbox is not None:
        where.add(
            "p.lon BETWEEN :west AND :east AND p.lat BETWEEN :south AND :north",
            west=bbox.min_lon,
            east=bbox.max_lon,
            south=bbox.min_lat,
            north=bbox.max_lat,
        )
    if precision:
        where.add("lower(p.precision) = lower(:precision)", precision=precision.strip())
    if country:
        where.add("upper(p.country) = upper(:country)", country=country.strip())
    groups = _PLACE_GROUPS.format(where=where.sql())
    rows = connection.execute(
        f"{groups} ORDER BY n_mentions DESC, p.name, p.place_id LIMIT :limit OFFSET :offset",
        where.paged(page),
    ).fetchall()
    total = connection.execute(f"SELECT count(*) FROM ({groups})", where.params).fetchone()[0]
    return Page[PlaceOut](
        items=[_place(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )


def _place(row: sqlite3.Row) -> PlaceOut:
    return PlaceOut(
        place_id=row["place_id"],
        name=row["name"],
        lat=row["lat"],
        lon=row["lon"],
        precision=row["precision"],
        admin1=row["admin1"],
        country=row["country"],
        written=sorted(json.loads(row["written"])),
        mentions=row["n_mentions"],
        articles=row["n_articles"],
    )
