"""Ledger records to API shapes, with what a record needs from the rest of its article.

A claim alone names its sources by entity id and does not know its events; a
:class:`Context` holds, for the articles of one page of results, the entities, the claim
ids of each event, the contradictions and the quantities, so that each record is built
with its provenance in one pass. Rows are decoded with the ledger's own codec, so the API
reads exactly what the ledger stores.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from corroborate.models import (
    Article,
    ArticleAnalysis,
    Claim,
    Contradiction,
    Entity,
    Event,
    PlaceMention,
    Quantity,
    SourceRef,
    Span,
)
from corroborate.store import codec
from corroborate.web.schemas import (
    ActorRef,
    ArticleRef,
    ClaimContradiction,
    ClaimOut,
    ContradictionOut,
    EntityOut,
    EventOut,
    PlaceMentionOut,
    QuantityOut,
    SourceOut,
    SpanOut,
)

ARTICLE_REF_COLUMNS = "id, title, outlet, url, published, language"


def placeholders(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


def stub_article(article_id: str) -> Article:
    """An article carrying only its id: what the codec needs to decode a claim or event row."""
    return Article(id=article_id, text="", source="", format="")


def article_ref(row: sqlite3.Row) -> ArticleRef:
    return ArticleRef(
        id=row["id"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        published=row["published"],
        language=row["language"],
    )


def ref_of(article: Article) -> ArticleRef:
    return ArticleRef(
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        url=article.url,
        published=article.published,
        language=article.language,
    )


def span_out(span: Span) -> SpanOut:
    return SpanOut(start=span.start, end=span.end, text=span.text)


def place_mention_out(place: PlaceMention) -> PlaceMentionOut:
    return PlaceMentionOut(
        span=span_out(place.span),
        name=place.name,
        lat=place.lat,
        lon=place.lon,
        admin1=place.admin1,
        country=place.country,
        precision=place.precision,
        place_id=place.place_id,
    )


def entity_out(entity: Entity, article_id: str) -> EntityOut:
    return EntityOut(
        id=entity.id,
        article_id=article_id,
        canonical=entity.canonical,
        kind=entity.kind,
        aliases=entity.aliases,
        affiliation=entity.affiliation,
        side=entity.side,
        actor_id=entity.actor_id,
        mentions=[span_out(span) for span in entity.mentions],
    )


def quantity_out(quantity: Quantity) -> QuantityOut:
    return QuantityOut(
        claim_id=quantity.claim_id,
        what=quantity.what,
        span=span_out(quantity.span),
        low=quantity.low,
        high=quantity.high,
        vague=quantity.vague,
        kind=quantity.kind,
        model=quantity.model,
    )


def contradiction_out(contradiction: Contradiction, article_id: str) -> ContradictionOut:
    return ContradictionOut(
        article_id=article_id, a=contradiction.a, b=contradiction.b, why=contradiction.why
    )


@dataclass
class Context:
    """What the records of some articles need from the rest of those articles."""

    articles: dict[str, ArticleRef] = field(default_factory=dict)
    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)
    claim_events: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    contradictions: dict[str, list[Contradiction]] = field(default_factory=dict)
    quantities: dict[tuple[str, str], list[Quantity]] = field(default_factory=dict)

    def add_events(self, article_id: str, events: Iterable[Event]) -> None:
        for event in events:
            for claim_id in event.claim_ids:
                known = self.claim_events.setdefault((article_id, claim_id), [])
                if event.id not in known:
                    known.append(event.id)

    def add_analysis(self, analysis: ArticleAnalysis) -> None:
        article_id = analysis.article.id
        self.articles[article_id] = ref_of(analysis.article)
        for entity in analysis.entities:
            self.entities[(article_id, entity.id)] = entity
        self.add_events(article_id, analysis.events)
        self.contradictions[article_id] = list(analysis.contradictions)
        for quantity in analysis.quantities:
            self.quantities.setdefault((article_id, quantity.claim_id), []).append(quantity)

    def source_out(self, article_id: str, ref: SourceRef) -> SourceOut:
        entity = self.entities.get((article_id, ref.entity_id)) if ref.entity_id else None
        return SourceOut(
            name=ref.name,
            written=span_out(ref.span) if ref.span is not None else None,
            entity_id=ref.entity_id,
            canonical=entity.canonical if entity else None,
            actor_id=entity.actor_id if entity else None,
            affiliation=entity.affiliation if entity else None,
            side=entity.side if entity else None,
        )

    def claim_out(self, claim: Claim) -> ClaimOut:
        article_id = claim.article_id
        event_ids = list(self.claim_events.get((article_id, claim.id), []))
        if claim.event_id and claim.event_id not in event_ids:
            event_ids.insert(0, claim.event_id)
        contradictions = [
            ClaimContradiction(other=c.b if c.a == claim.id else c.a, why=c.why)
            for c in self.contradictions.get(article_id, [])
            if claim.id in (c.a, c.b)
        ]
        return ClaimOut(
            id=claim.id,
            article=self.articles[article_id],
            kind=claim.kind,
            content=span_out(claim.content),
            sentence=span_out(claim.sentence),
            cue=span_out(claim.cue) if claim.cue is not None else None,
            sources=[self.source_out(article_id, ref) for ref in claim.sources],
            via=[self.source_out(article_id, ref) for ref in claim.via],
            channel=claim.channel,
            hedged=claim.hedged,
            hedge_cues=claim.hedge_cues,
            certainty=claim.certainty,
            polarity=claim.polarity,
            status=claim.status,
            slots=claim.slots,
            event_ids=event_ids,
            contradictions=contradictions,
            quantities=[quantity_out(q) for q in self.quantities.get((article_id, claim.id), [])],
        )

    def event_out(self, event: Event) -> EventOut:
        article_id = event.article_id
        actors = []
        for entity_id in event.actors:
            entity = self.entities.get((article_id, entity_id))
            actors.append(
                ActorRef(
                    entity_id=entity_id,
                    name=entity.canonical if entity else entity_id,
                    actor_id=entity.actor_id if entity else None,
                    side=entity.side if entity else None,
                )
            )
        place = event.place_mention
        return EventOut(
            id=event.id,
            article=self.articles[article_id],
            type=event.type,
            sub_type=event.sub_type,
            plover=event.plover,
            date=event.date,
            date_precision=event.date_precision,
            place=event.place,
            place_mention=place_mention_out(place) if place is not None else None,
            actors=actors,
            acted_by=event.acted_by,
            targets=event.targets,
            claim_ids=event.claim_ids,
        )


def load_context(connection: sqlite3.Connection, article_ids: Iterable[str]) -> Context:
    """The context of the given articles, read in one query per table."""
    ids = sorted(set(article_ids))
    context = Context()
    if not ids:
        return context
    marks = placeholders(ids)

    def rows(sql: str) -> list[sqlite3.Row]:
        return connection.execute(sql.format(marks=marks), ids).fetchall()

    for row in rows(f"SELECT {ARTICLE_REF_COLUMNS} FROM articles WHERE id IN ({{marks}})"):
        context.articles[row["id"]] = article_ref(row)
    for row in rows("SELECT * FROM entities WHERE article_id IN ({marks})"):
        entity = codec.ENTITIES.decode(row, stub_article(row["article_id"]))
        context.entities[(row["article_id"], entity.id)] = entity
    for row in rows("SELECT * FROM events WHERE article_id IN ({marks}) ORDER BY article_id, idx"):
        context.add_events(row["article_id"], [codec.EVENTS.decode(row, stub_article(""))])
    for row in rows(
        "SELECT * FROM contradictions WHERE article_id IN ({marks}) ORDER BY article_id, idx"
    ):
        decoded = codec.CONTRADICTIONS.decode(row, stub_article(row["article_id"]))
        context.contradictions.setdefault(row["article_id"], []).append(decoded)
    for row in rows(
        "SELECT * FROM quantities WHERE article_id IN ({marks}) ORDER BY article_id, idx"
    ):
        quantity = codec.QUANTITIES.decode(row, stub_article(row["article_id"]))
        context.quantities.setdefault((row["article_id"], quantity.claim_id), []).append(quantity)
    return context
