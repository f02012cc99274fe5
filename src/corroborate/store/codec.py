"""Records to ledger rows and back, one table at a time.

Each :class:`ChildTable` pairs a list of :class:`~corroborate.models.ArticleAnalysis`
with the table that stores it, and knows how to turn one record into named column values
and one row back into the same record. Keeping both directions side by side is what makes
``load(save(x)) == x`` hold. Rows keep list order in ``idx``; small lists (aliases,
source chains, hedge cues) are JSON text, everything that is queried is a real column.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from corroborate.models import (
    Article,
    ArticleAnalysis,
    Claim,
    Contradiction,
    DateMention,
    Entity,
    Event,
    Mention,
    PlaceMention,
    Quantity,
    Repair,
    SourceRef,
    Span,
    VerificationStatement,
)

SqlValue = str | int | float | None
Columns = dict[str, SqlValue]
RecordT = TypeVar("RecordT")


@dataclass(frozen=True)
class ChildTable(Generic[RecordT]):
    """A per-article list of records and the table holding it (keyed by article and idx).

    Columns are named once, by ``encode``; ``decode`` reads them back by name.
    """

    name: str
    items: Callable[[ArticleAnalysis], Sequence[RecordT]]
    encode: Callable[[RecordT, Article], Columns]
    decode: Callable[[sqlite3.Row, Article], RecordT]

    def rows(self, analysis: ArticleAnalysis) -> list[Columns]:
        article = analysis.article
        return [
            {"article_id": article.id, "idx": idx, **self.encode(item, article)}
            for idx, item in enumerate(self.items(analysis))
        ]

    def insert_sql(self, columns: Sequence[str]) -> str:
        return (
            f"INSERT INTO {self.name} ({', '.join(_quoted(n) for n in columns)}) "
            f"VALUES ({', '.join(':' + n for n in columns)})"
        )

    def select_sql(self) -> str:
        return f"SELECT * FROM {self.name} WHERE article_id = ? ORDER BY idx"


def _quoted(name: str) -> str:
    # "end" is an SQL keyword; SQLite accepts it bare, but quoting costs nothing.
    return f'"{name}"'


def article_columns(analysis: ArticleAnalysis) -> Columns:
    article = analysis.article
    return {
        "id": article.id,
        "source": article.source,
        "format": article.format,
        "url": article.url,
        "outlet": article.outlet,
        "language": article.language,
        "published": article.published.isoformat() if article.published else None,
        "title": article.title,
        "text": article.text,
        "analysed": int(analysis.analysed),
        "skipped_reason": analysis.skipped_reason,
    }


def article_from_row(row: sqlite3.Row) -> Article:
    published = row["published"]
    return Article(
        id=row["id"],
        text=row["text"],
        source=row["source"],
        format=row["format"],
        url=row["url"],
        outlet=row["outlet"],
        language=row["language"],
        published=dt.date.fromisoformat(published) if published is not None else None,
        title=row["title"],
    )


def _span_columns(span: Span | None, prefix: str = "") -> Columns:
    return {
        f"{prefix}start": span.start if span else None,
        f"{prefix}end": span.end if span else None,
        f"{prefix}text": span.text if span else None,
    }


def _span(row: sqlite3.Row, prefix: str = "") -> Span:
    return Span(row[f"{prefix}start"], row[f"{prefix}end"], row[f"{prefix}text"])


def _optional_span(row: sqlite3.Row, prefix: str) -> Span | None:
    return None if row[f"{prefix}start"] is None else _span(row, prefix)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _span_json(span: Span | None) -> list[object] | None:
    return None if span is None else [span.start, span.end, span.text]


def _span_from_json(value: Any) -> Span | None:
    return None if value is None else Span(value[0], value[1], value[2])


def _sources_json(sources: Sequence[SourceRef]) -> str:
    return _json(
        [
            {"name": ref.name, "span": _span_json(ref.span), "entity_id": ref.entity_id}
            for ref in sources
        ]
    )


def _sources_from_json(text: str) -> list[SourceRef]:
    return [
        SourceRef(item["name"], _span_from_json(item["span"]), item["entity_id"])
        for item in json.loads(text)
    ]


def _strings(text: str) -> list[str]:
    values: list[str] = json.loads(text)
    return values


def _encode_repair(repair: Repair, article: Article) -> Columns:
    return {
        "kind": repair.kind,
        "start": repair.start,
        "end": repair.end,
        "original": repair.original,
        "replacement": repair.replacement,
    }


def _decode_repair(row: sqlite3.Row, article: Article) -> Repair:
    return Repair(row["kind"], row["start"], row["end"], row["original"], row["replacement"])


def _encode_sentence(sentence: Span, article: Article) -> Columns:
    sliced = article.text[sentence.start : sentence.end]
    text = None if sentence.text == sliced else sentence.text
    return {"start": sentence.start, "end": sentence.end, "text": text}


def _decode_sentence(row: sqlite3.Row, article: Article) -> Span:
    start, end, text = row["start"], row["end"], row["text"]
    return Span(start, end, article.text[start:end] if text is None else text)


def _encode_mention(mention: Mention, article: Article) -> Columns:
    return {**_span_columns(mention.span), "label": mention.label, "entity_id": mention.entity_id}


def _decode_mention(row: sqlite3.Row, article: Article) -> Mention:
    return Mention(_span(row), row["label"], row["entity_id"])


def _encode_entity(entity: Entity, article: Article) -> Columns:
    return {
        "id": entity.id,
        "canonical": entity.canonical,
        "kind": entity.kind,
        "aliases": _json(entity.aliases),
        "affiliation": entity.affiliation,
        "mention_spans": _json([_span_json(span) for span in entity.mentions]),
        "actor_id": entity.actor_id,
        "side": entity.side,
    }


def _decode_entity(row: sqlite3.Row, article: Article) -> Entity:
    spans = [_span_from_json(value) for value in json.loads(row["mention_spans"])]
    return Entity(
        id=row["id"],
        canonical=row["canonical"],
        kind=row["kind"],
        aliases=_strings(row["aliases"]),
        affiliation=row["affiliation"],
        mentions=[span for span in spans if span is not None],
        actor_id=row["actor_id"],
        side=row["side"],
    )


def _encode_claim(claim: Claim, article: Article) -> Columns:
    return {
        "id": claim.id,
        **_span_columns(claim.content, "content_"),
        **_span_columns(claim.sentence, "sentence_"),
        "sources": _sources_json(claim.sources),
        **_span_columns(claim.cue, "cue_"),
        "via": _sources_json(claim.via),
        "channel": claim.channel,
        "kind": claim.kind,
        "hedged": int(claim.hedged),
        "hedge_cues": _json(claim.hedge_cues),
        "certainty": claim.certainty,
        "polarity": claim.polarity,
        "status": claim.status,
        "event_id": claim.event_id,
        "slots": json.dumps(claim.slots, ensure_ascii=False, sort_keys=True),
    }


def _decode_claim(row: sqlite3.Row, article: Article) -> Claim:
    return Claim(
        id=row["id"],
        article_id=article.id,
        content=_span(row, "content_"),
        sentence=_span(row, "sentence_"),
        sources=_sources_from_json(row["sources"]),
        cue=_optional_span(row, "cue_"),
        via=_sources_from_json(row["via"]),
        channel=row["channel"],
        kind=row["kind"],
        hedged=bool(row["hedged"]),
        hedge_cues=_strings(row["hedge_cues"]),
        certainty=row["certainty"],
        polarity=row["polarity"],
        status=row["status"],
        event_id=row["event_id"],
        slots={str(k): str(v) for k, v in json.loads(row["slots"]).items()},
    )


def _encode_verification(statement: VerificationStatement, article: Article) -> Columns:
    return {
        **_span_columns(statement.span),
        "status": statement.status,
        "qualifies": _json(statement.qualifies),
        "scope": statement.scope,
    }


def _decode_verification(row: sqlite3.Row, article: Article) -> VerificationStatement:
    return VerificationStatement(
        _span(row), row["status"], _strings(row["qualifies"]), row["scope"]
    )


def _encode_date(date: DateMention, article: Article) -> Columns:
    return {
        **_span_columns(date.span),
        "value": date.value,
        "precision": date.precision,
        "in_caption": int(date.in_caption),
    }


def _decode_date(row: sqlite3.Row, article: Article) -> DateMention:
    return DateMention(_span(row), row["value"], row["precision"], bool(row["in_caption"]))


_PLACE_FIELDS = ("name", "lat", "lon", "admin1", "country", "precision")


def _place_columns(place: PlaceMention | None, prefix: str = "") -> Columns:
    return {
        **_span_columns(place.span if place else None, prefix),
        **{f"{prefix}{name}": getattr(place, name) if place else None for name in _PLACE_FIELDS},
    }


def _place(row: sqlite3.Row, prefix: str = "") -> PlaceMention:
    return PlaceMention(
        span=_span(row, prefix),
        name=row[f"{prefix}name"],
        lat=row[f"{prefix}lat"],
        lon=row[f"{prefix}lon"],
        admin1=row[f"{prefix}admin1"],
        country=row[f"{prefix}country"],
        precision=row[f"{prefix}precision"],
    )


def _encode_place(place: PlaceMention, article: Article) -> Columns:
    return {**_place_columns(place), "place_id": place.place_id}


def _decode_place(row: sqlite3.Row, article: Article) -> PlaceMention:
    place = _place(row)
    place.place_id = row["place_id"]
    return place


def _encode_quantity(quantity: Quantity, article: Article) -> Columns:
    return {
        "claim_id": quantity.claim_id,
        "what": quantity.what,
        **_span_columns(quantity.span),
        "low": quantity.low,
        "high": quantity.high,
        "vague": quantity.vague,
        "kind": quantity.kind,
        "model": quantity.model,
    }


def _decode_quantity(row: sqlite3.Row, article: Article) -> Quantity:
    return Quantity(
        row["claim_id"],
        row["what"],
        _span(row),
        row["low"],
        row["high"],
        row["vague"],
        kind=row["kind"],
        model=row["model"],
    )


_PLACE_MENTION = "place_mention_"


def _encode_event(event: Event, article: Article) -> Columns:
    return {
        "id": event.id,
        "type": event.type,
        "sub_type": event.sub_type,
        "date": event.date,
        "place": event.place,
        "actors": _json(event.actors),
        "claim_ids": _json(event.claim_ids),
        **_place_columns(event.place_mention, _PLACE_MENTION),
        "date_precision": event.date_precision,
        "plover": event.plover,
        "place_id": event.place_mention.place_id if event.place_mention else None,
        "acted_by": _json(event.acted_by),
        "targets": _json(event.targets),
    }


def _decode_event(row: sqlite3.Row, article: Article) -> Event:
    has_place = row[f"{_PLACE_MENTION}start"] is not None
    event = Event(
        id=row["id"],
        article_id=article.id,
        type=row["type"],
        sub_type=row["sub_type"],
        date=row["date"],
        place=row["place"],
        actors=_strings(row["actors"]),
        claim_ids=_strings(row["claim_ids"]),
        place_mention=_place(row, _PLACE_MENTION) if has_place else None,
        date_precision=row["date_precision"],
        plover=row["plover"],
        acted_by=_strings(row["acted_by"]),
        targets=_strings(row["targets"]),
    )
    if event.place_mention is not None:
        event.place_mention.place_id = row["place_id"]
    return event


def _encode_contradiction(contradiction: Contradiction, article: Article) -> Columns:
    return {"claim_a": contradiction.a, "claim_b": contradiction.b, "why": contradiction.why}


def _decode_contradiction(row: sqlite3.Row, article: Article) -> Contradiction:
    return Contradiction(row["claim_a"], row["claim_b"], row["why"])


REPAIRS = ChildTable("repairs", lambda a: a.repairs, _encode_repair, _decode_repair)
SENTENCES = ChildTable("sentences", lambda a: a.sentences, _encode_sentence, _decode_sentence)
MENTIONS = ChildTable("mentions", lambda a: a.mentions, _encode_mention, _decode_mention)
ENTITIES = ChildTable("entities", lambda a: a.entities, _encode_entity, _decode_entity)
CLAIMS = ChildTable("claims", lambda a: a.claims, _encode_claim, _decode_claim)
VERIFICATION_STATEMENTS = ChildTable(
    "verification_statements",
    lambda a: a.verification_statements,
    _encode_verification,
    _decode_verification,
)
DATES = ChildTable("dates", lambda a: a.dates, _encode_date, _decode_date)
PLACES = ChildTable("places", lambda a: a.places, _encode_place, _decode_place)
QUANTITIES = ChildTable("quantities", lambda a: a.quantities, _encode_quantity, _decode_quantity)
EVENTS = ChildTable("events", lambda a: a.events, _encode_event, _decode_event)
CONTRADICTIONS = ChildTable(
    "contradictions", lambda a: a.contradictions, _encode_contradiction, _decode_contradiction
)

CHILD_TABLES: tuple[ChildTable[Any], ...] = (
    REPAIRS,
    SENTENCES,
    MENTIONS,
    ENTITIES,
    CLAIMS,
    VERIFICATION_STATEMENTS,
    DATES,
    PLACES,
    QUANTITIES,
    EVENTS,
    CONTRADICTIONS,
)
"""Every per-article table, in the order rows are written."""


def analysis_from_rows(
    article_row: sqlite3.Row, children: Mapping[str, Sequence[sqlite3.Row]]
) -> ArticleAnalysis:
    """Rebuild an analysis from its ``articles`` row and its rows per child table name."""
    article = article_from_row(article_row)

    def load(table: ChildTable[RecordT]) -> list[RecordT]:
        return [table.decode(row, article) for row in children.get(table.name, ())]

    return ArticleAnalysis(
        article=article,
        analysed=bool(article_row["analysed"]),
        skipped_reason=article_row["skipped_reason"],
        repairs=load(REPAIRS),
        sentences=load(SENTENCES),
        mentions=load(MENTIONS),
        entities=load(ENTITIES),
        claims=load(CLAIMS),
        verification_statements=load(VERIFICATION_STATEMENTS),
        dates=load(DATES),
        places=load(PLACES),
        quantities=load(QUANTITIES),
        events=load(EVENTS),
        contradictions=load(CONTRADICTIONS),
    )
