"""Analyse a Russian article into the ledger's records, as English articles are.

The text is repaired (captions and headings set apart) and parsed by natasha
(:mod:`corroborate.ru.pipeline`); names become mentions and entities linked to the actor
base, places are resolved in the gazetteer, claims are read from the parse with their
sources, channels, relays and hedges, and each claim's propositions fill the slots that
contradictions are found on, within the article and (by :mod:`corroborate.contradict`)
across articles and languages. Every offset points into the original article text.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from corroborate.analysis import OffsetMapper, claim_record, quantity_records
from corroborate.contradict.pairs import find_contradictions
from corroborate.geo.gazetteer import Gazetteer
from corroborate.geo.geoparse import PlaceFrame
from corroborate.models import (
    Article,
    ArticleAnalysis,
    DateMention,
    Entity,
    Mention,
    PlaceMention,
    PlacePrecision,
    SourceRef,
    VerificationStatement,
)
from corroborate.nlp.frames import ClaimFrame, SourceMention
from corroborate.repair import RepairedText, repair_text
from corroborate.resolve.actors import ActorBase
from corroborate.resolve.entities import NameMention, find_entity, group_entities
from corroborate.ru.claims import RuAttribution
from corroborate.ru.dates import find_dates
from corroborate.ru.events import EventContext, assemble_events
from corroborate.ru.figures import find_figures
from corroborate.ru.hedges import verification_frames
from corroborate.ru.lexicon import load_ru_lexicon
from corroborate.ru.pipeline import RuDoc, RuToken, parse
from corroborate.ru.places import RuPlaces
from corroborate.ru.propositions import read_propositions
from corroborate.ru.sources import ActorName, actor_names

# natasha's labels as the ledger stores them (spaCy's, as for English).
_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
_KINDS = {"PER": "person", "ORG": "organisation", "LOC": "place"}
_NAME_KINDS = {"person", "organisation", "group", "unnamed"}
_REPORTING_KINDS = ("outlet", "channel")
_PRECISIONS: dict[str, PlacePrecision] = {
    "settlement": "settlement",
    "district": "district",
    "region": "region",
    "country": "country",
}


class RussianAnalyzer:
    """Analyses Russian articles; ``gazetteer=None`` leaves places unresolved."""

    def __init__(self, gazetteer: Gazetteer | None = None, actors: ActorBase | None = None):
        self.lex = load_ru_lexicon()
        self.actors = actors
        self.places = RuPlaces(gazetteer, actors) if gazetteer is not None else None
        self.attribution = RuAttribution(self.lex)

    def analyze(self, article: Article, repaired: RepairedText | None = None) -> ArticleAnalysis:
        repaired = repaired if repaired is not None else repair_text(article.text)
        doc = parse(repaired.text)
        to = OffsetMapper(article, repaired)
        excluded = list(repaired.excluded)
        names = actor_names(doc, self.lex)
        places = self.places.parse(doc, names) if self.places is not None else []
        names = _as_places(doc, names, places)
        kept = [n for n in names if not repaired.is_excluded(*_chars(doc, n))]
        mentions = [Mention(to.span(*_chars(doc, n)), _LABELS[n.label]) for n in kept]
        frames = self.attribution.claims(doc, names, excluded)
        entities = self._entities(article, kept, mentions, frames, to)
        entity_of_span = {span: e.id for e in entities for span in e.mentions}
        for mention in mentions:
            mention.entity_id = entity_of_span.get(mention.span)

        actors_first = [e for e in entities if e.kind != "place"] + entities

        def ref(source: SourceMention) -> SourceRef:
            # "в Кремле заявили": the body that speaks, not the place it sits in.
            entity = find_entity(actors_first, source.name)
            span = to.span(*source.span) if source.span else None
            return SourceRef(name=source.name, span=span, entity_id=entity.id if entity else None)

        claims = [claim_record(article.id, n, f, to, ref) for n, f in enumerate(frames, 1)]
        verifications = verification_frames(doc, frames, self.lex, excluded)
        for claim, frame in zip(claims, frames, strict=True):
            claim.status = frame.status
        dates = find_dates(repaired.text, article.published)
        figures = [find_figures(doc, _tokens_in(doc, f.content), self.lex) for f in frames]
        propositions = read_propositions(doc, frames, places, dates, figures, self.lex)
        for proposition in propositions:
            claims[proposition.claim].slots = proposition.slots()
        context = EventContext(
            article_id=article.id,
            article_date=article.published.isoformat() if article.published else None,
            claims=frames,
            claim_ids=[c.id for c in claims],
            places=places,
            dates=dates,
            excluded=excluded,
            to_place=lambda frame: _place(frame, to),
            actors_at=self._actors_at(entities, to),
            name_at=self._name_at(entities, to),
        )
        return ArticleAnalysis(
            article=article,
            repairs=list(repaired.repairs),
            sentences=[to.span(s.start, s.end) for s in doc.sentences],
            mentions=mentions,
            entities=entities,
            claims=claims,
            verification_statements=[
                VerificationStatement(
                    span=to.span(*v.span),
                    status=v.status,
                    qualifies=[claims[i].id for i in v.qualifies],
                )
                for v in verifications
            ],
            dates=[
                DateMention(to.span(*d.frame.span), d.frame.value, d.frame.precision) for d in dates
            ],
            places=[_place(frame, to) for frame in places],
            quantities=quantity_records(claims, figures, to),
            events=assemble_events(doc, context, self.lex),
            contradictions=find_contradictions(propositions, claims, entities),
        )

    def _entities(
        self,
        article: Article,
        names: list[ActorName],
        mentions: list[Mention],
        frames: list[ClaimFrame],
        to: OffsetMapper,
    ) -> list[Entity]:
        found = [
            NameMention(n.name, m.span, _KINDS[n.label])
            for n, m in zip(names, mentions, strict=True)
        ]
        for frame in frames:
            for source in frame.sources + frame.via:
                if source.kind in _NAME_KINDS and source.resolved_from is None and source.span:
                    found.append(NameMention(source.name, to.span(*source.span), source.kind))
        return group_entities(article.id, found, self.actors, article.text)

    def _actors_at(
        self, entities: list[Entity], to: OffsetMapper
    ) -> Callable[[int, int], list[str]]:
        """Entities that can act, named in a range: not outlets, not mere places."""
        acting = [
            (span, e.id)
            for e in entities
            if not self._reports(e) and not (e.kind == "place" and e.actor_id is None)
            for span in e.mentions
        ]
        acting.sort(key=lambda item: item[0].start)
        starts = [span.start for span, _ in acting]

        def within(start: int, end: int) -> list[str]:
            area = to.span(start, end)
            first = bisect.bisect_left(starts, area.start)
            found: list[str] = []
            for span, entity_id in acting[first:]:
                if span.start >= area.end:
                    break
                if entity_id not in found:
                    found.append(entity_id)
            return found

        return within

    def _name_at(
        self, entities: list[Entity], to: OffsetMapper
    ) -> Callable[[int, int], str | None]:
        def name(start: int, end: int) -> str | None:
            area = to.span(start, end)
            for entity in entities:
                if self._reports(entity) or entity.kind in ("place", "unnamed"):
                    continue
                if any(area.start <= m.start and m.end <= area.end for m in entity.mentions):
                    return entity.canonical
            return None

        return name

    def _reports(self, entity: Entity) -> bool:
        """Outlets and channels report events; they are never their actors."""
        if self.actors is None or entity.actor_id is None:
            return False
        actor = self.actors.get(entity.actor_id)
        return actor is not None and actor.kind in _REPORTING_KINDS


def _as_places(doc: RuDoc, names: list[ActorName], places: list[PlaceFrame]) -> list[ActorName]:
    """Names the tagger took for people that the gazetteer knows as places ("у Тёткино")."""
    placed = {f.span for f in places if f.place is not None}
    return [
        ActorName("LOC", n.first, n.last, n.name)
        if n.label == "PER" and _chars(doc, n) in placed
        else n
        for n in names
    ]


def _tokens_in(doc: RuDoc, span: tuple[int, int]) -> list[RuToken]:
    return [t for t in doc.tokens if span[0] <= t.start < span[1]]


def _chars(doc: RuDoc, name: ActorName) -> tuple[int, int]:
    return doc.tokens[name.first].start, doc.tokens[name.last].end


def _place(frame: PlaceFrame, to: OffsetMapper) -> PlaceMention:
    place = frame.place
    if place is None:
        return PlaceMention(span=to.span(*frame.span), name=frame.written)
    # A region fallback keeps the name as written: the settlement, placed in its region.
    fallback = frame.role != "region" and frame.precision == "region"
    return PlaceMention(
        span=to.span(*frame.span),
        name=frame.written if fallback else place.name,
        lat=place.lat,
        lon=place.lon,
        admin1=place.admin1_name,
        country=place.country,
        precision=_PRECISIONS.get(frame.precision or ""),
        place_id=place.id,
    )
