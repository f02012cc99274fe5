"""From an analysed ``Doc`` to the ledger's typed records.

Components write plain frames on the Doc in repaired-text offsets; here every offset is
mapped back to the original article text, entities are grouped, and ids are given.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from corroborate.contradict.pairs import find_contradictions
from corroborate.contradict.propositions import read_propositions
from corroborate.events.assemble import assemble_events
from corroborate.events.classify import EventClassifier
from corroborate.events.quantities import QuantityFrame, find_quantities
from corroborate.geo.geoparse import PlaceFrame
from corroborate.models import (
    Article,
    ArticleAnalysis,
    Claim,
    DateMention,
    Entity,
    Event,
    Mention,
    PlaceMention,
    Quantity,
    SourceRef,
    Span,
    VerificationStatement,
)
from corroborate.nlp.frames import (
    ClaimFrame,
    DateFrame,
    SourceMention,
    VerificationFrame,
    doc_ents,
    doc_sents,
    span_text,
)
from corroborate.repair import RepairedText
from corroborate.resolve.actors import ActorBase
from corroborate.resolve.entities import (
    EntityFinder,
    NameMention,
    group_entities,
    kind_for_label,
)
from corroborate.resolve.names import clean_name

_NAME_KINDS = {"person", "organisation", "group", "unnamed"}


class OffsetMapper:
    """Maps offsets in the repaired text the pipeline read back to the article as stored."""

    def __init__(self, article: Article, repaired: RepairedText) -> None:
        self.text = article.text
        self.repaired = repaired
        # Sentences, claims and sources map the same ranges many times; a Span is frozen,
        # so one instance serves them all.
        self._spans: dict[tuple[int, int], Span] = {}

    def span(self, start: int, end: int) -> Span:
        span = self._spans.get((start, end))
        if span is None:
            o_start, o_end = self.repaired.original_span(start, end)
            span = self._spans[(start, end)] = Span(o_start, o_end, self.text[o_start:o_end])
        return span


def build_analysis(
    article: Article,
    repaired: RepairedText,
    doc: Doc,
    places: list[PlaceFrame] | None = None,
    actors: ActorBase | None = None,
    classifier: EventClassifier | None = None,
) -> ArticleAnalysis:
    to = OffsetMapper(article, repaired)
    frames: list[ClaimFrame] = doc._.claims or []
    mentions = [
        Mention(span=to.span(e.start_char, e.end_char), label=e.label_)
        for e in doc_ents(doc)
        if not repaired.is_excluded(e.start_char, e.end_char)
    ]
    names = [
        NameMention(clean_name(m.span.text), m.span, kind)
        for m in mentions
        if (kind := kind_for_label(m.label)) is not None
    ]
    for frame in frames:
        for source in frame.sources + frame.via:
            if source.kind in _NAME_KINDS and source.resolved_from is None and source.span:
                names.append(NameMention(source.name, to.span(*source.span), source.kind))
    entities = group_entities(article.id, names, actors, article.text)
    entity_of_span = {span: e.id for e in entities for span in e.mentions}
    for mention in mentions:
        mention.entity_id = entity_of_span.get(mention.span)

    finder = EntityFinder(entities)
    found: dict[str, Entity | None] = {}  # sources repeat their names claim after claim

    def ref(source: SourceMention) -> SourceRef:
        if source.name not in found:
            found[source.name] = finder.find(source.name)
        entity = found[source.name]
        span = to.span(*source.span) if source.span else None
        return SourceRef(name=source.name, span=span, entity_id=entity.id if entity else None)

    claims = [claim_record(article.id, n, frame, to, ref) for n, frame in enumerate(frames, 1)]
    figures = [
        find_quantities(doc, *frame.content) if claim.kind != "verification_status" else []
        for frame, claim in zip(frames, claims, strict=True)
    ]
    quantities = quantity_records(claims, figures, to)
    verifications: list[VerificationFrame] = doc._.verifications or []
    dates: list[DateFrame] = doc._.dates or []
    events = (
        _events(
            article,
            doc,
            frames,
            [c.id for c in claims],
            places or [],
            entities,
            actors,
            classifier,
            to,
        )
        if classifier is not None
        else []
    )
    propositions = read_propositions(doc, frames, places or [], doc._.dates or [], figures)
    for proposition in propositions:
        claims[proposition.claim].slots = proposition.slots()
    contradictions = find_contradictions(propositions, claims, entities)
    return ArticleAnalysis(
        article=article,
        repairs=list(repaired.repairs),
        sentences=[
            to.span(s.start_char, s.end_char) for s in doc_sents(doc) if span_text(s).strip()
        ],
        mentions=mentions,
        entities=entities,
        claims=claims,
        verification_statements=[
            VerificationStatement(
                span=to.span(*v.span),
                status=v.status,
                qualifies=[claims[i].id for i in v.qualifies],
                scope="article" if v.scope == "article" else "preceding",
            )
            for v in verifications
        ],
        dates=[
            DateMention(
                span=to.span(*d.span),
                value=d.value,
                precision=d.precision,
                in_caption=d.in_caption,
            )
            for d in dates
        ],
        places=[_place(frame, to) for frame in places or []],
        quantities=quantities,
        events=events,
        contradictions=contradictions,
    )


def _events(
    article: Article,
    doc: Doc,
    frames: list[ClaimFrame],
    claim_ids: list[str],
    places: list[PlaceFrame],
    entities: list[Entity],
    actors: ActorBase | None,
    classifier: EventClassifier,
    to: OffsetMapper,
) -> list[Event]:
    # Outlets report events and places host them; neither is one of the event's actors.
    reporting = {
        e.id
        for e in entities
        if actors is not None
        and e.actor_id is not None
        and (actor := actors.get(e.actor_id)) is not None
        and actor.kind in ("outlet", "channel")
    }
    reporting |= {e.id for e in entities if e.kind == "place" and e.actor_id is None}

    mention_starts = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
    starts = [start for start, _, _ in mention_starts]

    def entity_at(start: int, end: int) -> str | None:
        span = to.span(start, end)
        i = bisect.bisect_right(starts, span.start) - 1
        while i >= 0 and mention_starts[i][0] <= span.start:
            if span.start < mention_starts[i][1]:
                return mention_starts[i][2]
            i -= 1
            if span.start - mention_starts[i + 1][0] > 200:
                break  # mentions are short: none further back can hold this offset
        return None

    def name_of(phrase: str) -> str | None:
        name = clean_name(phrase)
        # "Rosgvardia units", "Wagner fighters": the name without the common noun after it.
        words = name.split()
        while len(words) > 1 and words[-1].islower():
            words.pop()
        named = " ".join(words)
        actor = actors.match(named) if actors is not None else None
        if actor is not None:
            return None if actor.kind in ("outlet", "channel") else actor.canonical
        return named if named[:1].isupper() else None  # "units", "residents": no actor named

    return assemble_events(
        article.id,
        doc,
        frames,
        claim_ids,
        places,
        doc._.dates or [],
        reporting,
        classifier,
        lambda frame: _place(frame, to),
        entity_at,
        name_of,
    )


def _place(frame: PlaceFrame, to: OffsetMapper) -> PlaceMention:
    place = frame.place
    if place is None:
        return PlaceMention(span=to.span(*frame.span), name=frame.written)
    # A region fallback keeps the name as written: the settlement, placed in its region.
    fallback = frame.role != "region" and frame.precision == "region"
    name = frame.written if fallback else place.name
    return PlaceMention(
        span=to.span(*frame.span),
        name=name,
        lat=place.lat,
        lon=place.lon,
        admin1=place.admin1_name,
        country=place.country,
        precision=frame.precision,  # type: ignore[arg-type]
        place_id=place.id,
    )


def quantity_records(
    claims: Sequence[Claim], figures: Sequence[Sequence[QuantityFrame]], to: OffsetMapper
) -> list[Quantity]:
    """The figures of each claim (in the order of ``claims``) as ledger records."""
    return [
        Quantity(
            claim_id=claim.id,
            what=q.what,
            span=to.span(*q.span),
            low=q.low,
            high=q.high,
            vague=q.vague,
            kind=q.kind,
            model=q.model,
        )
        for claim, found in zip(claims, figures, strict=True)
        for q in found
    ]


def claim_record(
    article_id: str,
    n: int,
    frame: ClaimFrame,
    to: OffsetMapper,
    ref: Callable[[SourceMention], SourceRef],
) -> Claim:
    return Claim(
        id=f"{article_id}-c{n}",
        article_id=article_id,
        content=to.span(*frame.content),
        sentence=to.span(*frame.sentence),
        sources=[ref(s) for s in frame.sources],
        cue=to.span(*frame.cue) if frame.cue else None,
        via=[ref(s) for s in frame.via],
        channel=frame.channel,
        kind=frame.kind,
        hedged=frame.hedged,
        hedge_cues=list(frame.hedge_cues),
        certainty=frame.certainty,
        polarity=frame.polarity,
        status=frame.status,
    )
