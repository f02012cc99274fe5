"""Events in one article: what happened, where, when, who, resting on which claims.

Every sentence is typed by the event classifier. A sentence that reports an event gives
one candidate per place it names (the most precise ones: a village over its region, a
region over its country), dated by its own date expression or, failing one, the
article's date. The claims whose content holds the trigger word are the event's
support: a claimed event rests on its claim alone ("the Legion claimed to have taken
the village" is an event whose only support is that claim); the reporter's narration
gives events without a claim.

Candidates then merge: the same sub-type at the same place on the same date is one
event; within a sentence, a village is kept over the region it lies in ("battles in
Tjotkino in the Kursk region" is one event at Tjotkino); a country-wide report joins the
event of its sub-type and date inside that country ("an attack across Russia's border"
joins the clash at Tyotkino); a sentence that names no place joins the latest event of
its sub-type. Nothing else merges: the
same village attacked on another day is another event.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from spacy.attrs import ENT_IOB
from spacy.tokens import Doc, Span, Token

from corroborate.events.classify import EventClassifier
from corroborate.events.roles import agents, patients
from corroborate.events.taxonomy import PLOVER_OF
from corroborate.geo.geoparse import PlaceFrame
from corroborate.models import DatePrecision, Event, PlaceMention
from corroborate.nlp.datelines import dateline_end
from corroborate.nlp.frames import (
    ClaimFrame,
    DateFrame,
    doc_sents,
    doc_text,
    in_excluded,
    span_text,
)
from corroborate.nlp.sources import noun_phrase

# A name followed by these words stands for a government or its forces, not a place:
# "the Kyiv regime", "Moscow's forces" are actors.
_METONYMS = {"regime", "government", "authorities", "leadership", "forces", "army", "side"}
# A place name in these roles is the one who acts or speaks.
_ACTOR_DEPS = {"nsubj", "nsubjpass", "poss"}
_BEGIN = 3  # ENT_IOB of a token that begins an entity ("B")
_PRECISION_RANK = {"settlement": 0, "district": 1, "region": 2, "country": 3}


@dataclass
class _Candidate:
    sub_type: str
    type: str
    sentence: int
    claims: list[int]
    place: PlaceFrame | None
    date: str | None
    precision: DatePrecision | None = None
    actors: list[str] = field(default_factory=list)
    acted_by: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


def assemble_events(
    article_id: str,
    doc: Doc,
    claims: Sequence[ClaimFrame],
    claim_ids: Sequence[str],
    places: Sequence[PlaceFrame],
    dates: Sequence[DateFrame],
    reporting: set[str],
    classifier: EventClassifier,
    to_place: Callable[[PlaceFrame], PlaceMention],
    entity_at: Callable[[int, int], str | None],
    name_of: Callable[[str], str | None],
) -> list[Event]:
    """The article's events.

    ``reporting`` holds the ids of entities that only report (outlets, channels): they
    are never an event's actors. ``to_place`` and ``entity_at`` map Doc offsets to the
    ledger's records; ``name_of`` gives the name an actor goes by (the knowledge base's
    canonical name when it knows the phrase), or None for a phrase that names no actor.
    """
    article_date = doc._.article_date
    default: tuple[str | None, DatePrecision | None] = (
        (article_date.isoformat(), "day") if article_date is not None else (None, None)
    )
    candidates: list[_Candidate] = []
    entity_starts: list[int] = doc.to_array(ENT_IOB).tolist()
    for n, sent in enumerate(doc_sents(doc)):
        if not span_text(sent).strip() or in_excluded(doc, sent.start_char, sent.end_char):
            continue
        cues = [c for c in classifier.sentence_cues(sent) if c.type]
        if not cues:
            continue
        cue = cues[0]
        supporting = [
            i
            for i, claim in enumerate(claims)
            if claim.content[0] <= cue.trigger[0] < claim.content[1]
            and claim.kind != "verification_status"
        ]
        scope = (
            (
                min(claims[i].content[0] for i in supporting),
                max(claims[i].content[1] for i in supporting),
            )
            if supporting
            else (sent.start_char, sent.end_char)
        )
        date, precision = _date_in(sent, dates) or default
        if _background(date, precision, article_date):
            continue  # "raids into the region since 2023": history, not this report's event
        actors = _actors(sent, scope, reporting, entity_at, entity_starts)
        acted_by, targets = _roles(doc, cue.trigger, name_of)
        named: list[PlaceFrame | None] = list(_places_in(sent, scope, places))
        for place in named or [None]:
            candidates.append(
                _Candidate(
                    cue.sub_type,
                    cue.type,
                    n,
                    list(supporting),
                    place,
                    date,
                    precision,
                    list(actors),
                    list(acted_by),
                    list(targets),
                )
            )
    events = _merge(candidates)
    if not events and candidates:
        events = _at_topic_place(doc, candidates, places)
    return [
        Event(
            id=f"{article_id}-v{k}",
            article_id=article_id,
            type=c.type,
            sub_type=c.sub_type,
            date=c.date,
            place=to_place(c.place).name if c.place is not None else None,
            actors=c.actors,
            claim_ids=[claim_ids[i] for i in c.claims],
            place_mention=to_place(c.place) if c.place is not None else None,
            date_precision=c.precision,
            plover=PLOVER_OF.get(c.sub_type),
            acted_by=c.acted_by,
            targets=c.targets,
        )
        for k, c in enumerate(events, 1)
    ]


def _date_in(sent: Span, dates: Sequence[DateFrame]) -> tuple[str, DatePrecision | None] | None:
    for date in dates:
        if sent.start_char <= date.span[0] < sent.end_char and not date.in_caption and date.value:
            return date.value, date.precision
    return None


def _places_in(
    sent: Span, scope: tuple[int, int], places: Sequence[PlaceFrame]
) -> list[PlaceFrame]:
    """The most precise places named in the claim (or sentence), one of each."""
    doc = sent.doc
    found = []
    for place in places:
        if place.place is None or place.precision is None:
            continue
        if not (scope[0] <= place.span[0] < scope[1]):
            continue
        name = doc.char_span(place.span[0], place.span[1], "expand")
        if name is None or not len(name):
            continue
        if name.end < len(doc) and doc[name.end].lower_ in _METONYMS:
            continue
        if name.root.dep_ in _ACTOR_DEPS:
            continue  # "Ukraine did several dozen drone attacks": the attacker, not the place
        if _in_dateline(doc, place.span):
            continue  # "KYIV, Ukraine (AP) —" says where the reporter was
        found.append(place)
    if not found:
        return []
    best = min(_PRECISION_RANK.get(p.precision or "", 9) for p in found)
    keep: list[PlaceFrame] = []
    for place in sorted(found, key=lambda p: _PRECISION_RANK.get(p.precision or "", 9)):
        if any(place_key(place) == place_key(k) or _inside(k, place) for k in keep):
            continue
        if place.precision == "country" and (
            best < _PRECISION_RANK["country"] or any(k.precision == "country" for k in keep)
        ):
            continue  # one country at most, and none when a finer place is named
        keep.append(place)
    return sorted(keep, key=lambda p: p.span[0])


def _in_dateline(doc: Doc, span: tuple[int, int]) -> bool:
    end = dateline_end(doc_text(doc))
    return end is not None and span[1] <= end


def place_key(place: PlaceFrame) -> str:
    """A place's identity: a region fallback is its own place, named as written."""
    if place.role != "region" and place.precision == "region":
        return f"written:{place.written.lower()}"
    return f"id:{place.place.id}" if place.place is not None else f"written:{place.written}"


def _inside(small: PlaceFrame, large: PlaceFrame) -> bool:
    """Does ``small`` lie in ``large`` (a region or a country)?"""
    if small.place is None or large.place is None:
        return False
    if large.precision == "country":
        return small.place.country == large.place.country and place_key(small) != place_key(large)
    if large.precision == "region" and large.role == "region":
        finer = _PRECISION_RANK.get(small.precision or "", 9) < _PRECISION_RANK["region"]
        placed_in = small.role != "region" and small.precision == "region"  # a fallback
        return (
            small.place.country == large.place.country
            and small.place.admin1 == large.place.admin1
            and (finer or placed_in)
        )
    return False


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    events: list[_Candidate] = []
    placeless: list[_Candidate] = []
    for candidate in candidates:
        if candidate.place is None:
            placeless.append(candidate)
            continue
        same = next((e for e in events if same_event(e, candidate)), None)
        if same is None:
            events.append(candidate)
        else:
            _absorb(same, candidate)
    # Country-wide reports join an event inside the country, when there is one. A region
    # keeps its own event: "the missile alert across the Belgorod region" is not the
    # shelling of one village in it, reported later.
    for wide in [e for e in events if _precision(e) == "country"]:
        inner = next(
            (
                e
                for e in events
                if e is not wide
                and e.sub_type == wide.sub_type
                and e.date == wide.date
                and wide.place is not None
                and e.place is not None
                and _inside(e.place, wide.place)
            ),
            None,
        )
        if inner is not None:
            _absorb(inner, wide)
            events.remove(wide)
    for candidate in placeless:
        latest = [
            e
            for e in events
            if e.sub_type == candidate.sub_type and e.sentence <= candidate.sentence
        ]
        if latest:
            _absorb(latest[-1], candidate)
    return sorted(events, key=lambda e: e.sentence)


_HISTORY_DAYS = 14


def _background(
    date: str | None, precision: DatePrecision | None, article_date: dt.date | None
) -> bool:
    """A month or a year that ended weeks before the article: what it recalls, not reports."""
    if article_date is None or date is None or precision not in ("month", "year"):
        return False
    first = date.split("/")[-1]
    try:
        if len(first) == 4:
            end = dt.date(int(first), 12, 31)
        elif len(first) == 7:
            year, month = int(first[:4]), int(first[5:7])
            end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        else:
            return False
    except ValueError:
        return False
    return end < article_date - dt.timedelta(days=_HISTORY_DAYS)


def _at_topic_place(
    doc: Doc, candidates: list[_Candidate], places: Sequence[PlaceFrame]
) -> list[_Candidate]:
    """Events of an article whose event sentences name no place ("Debris of a downed drone
    fell on an industrial site"): they happened where the article is about, the place it
    names most (the most precise on a tie), when it names one outside its dateline."""
    named = [
        p
        for p in places
        if p.place is not None and p.precision in _PRECISION_RANK and not _in_dateline(doc, p.span)
    ]
    if not named:
        return []
    counts = Counter(place_key(p) for p in named)
    topic = min(named, key=lambda p: (-counts[place_key(p)], _PRECISION_RANK[p.precision or ""]))
    first = candidates[0]
    first.place = topic
    for other in candidates[1:]:
        if other.sub_type == first.sub_type:
            _absorb(first, other)
    return [first]


def _precision(event: _Candidate) -> str:
    return event.place.precision or "" if event.place is not None else ""


class EventPlace(Protocol):
    """What decides that two reports in one article are one event."""

    sub_type: str
    date: str | None
    place: PlaceFrame | None


def same_event(a: EventPlace, b: EventPlace) -> bool:
    """Same sub-type, same day, same place: one event told twice in the article."""
    return (
        a.sub_type == b.sub_type
        and a.date == b.date
        and a.place is not None
        and b.place is not None
        and place_key(a.place) == place_key(b.place)
    )


def _absorb(into: _Candidate, other: _Candidate) -> None:
    into.claims.extend(i for i in other.claims if i not in into.claims)
    into.actors.extend(a for a in other.actors if a not in into.actors)
    into.acted_by.extend(a for a in other.acted_by if a not in into.acted_by)
    into.targets.extend(a for a in other.targets if a not in into.targets)
    into.sentence = min(into.sentence, other.sentence)


def _actors(
    sent: Span,
    scope: tuple[int, int],
    reporting: set[str],
    entity_at: Callable[[int, int], str | None],
    entity_starts: list[int],
) -> list[str]:
    """Entities named in the claim or sentence that can act: not the outlets reporting.

    ``entity_starts`` is the Doc's ENT_IOB column (3 where a token begins an entity)."""
    found: list[str] = []
    doc = sent.doc
    for i in range(sent.start, sent.end):
        if entity_starts[i] != _BEGIN:
            continue  # the table first: most words start no entity
        token = doc[i]
        if not (scope[0] <= token.idx < scope[1]):
            continue
        if token.ent_type_ == "NORP":
            continue  # "Russian", "Ukrainian": a nationality is not an actor
        entity_id = entity_at(token.idx, token.idx + len(token))
        if entity_id is not None and entity_id not in found and entity_id not in reporting:
            found.append(entity_id)
    return found


def _roles(
    doc: Doc, trigger: tuple[int, int], name_of: Callable[[str], str | None]
) -> tuple[list[str], list[str]]:
    """Who carried out the act the trigger names, and who it was done to, by name."""
    span = doc.char_span(*trigger, alignment_mode="expand")
    if span is None or not len(span):
        return [], []
    word = span.root

    def named(heads: list[Token]) -> list[str]:
        found: list[str] = []
        for head in heads:
            if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in ("NORP", "DATE"):
                continue
            tokens = noun_phrase(head)
            name = name_of(span_text(doc[tokens[0].i : tokens[-1].i + 1]))
            if name and name not in found:
                found.append(name)
        return found

    return named(agents(word)), named(patients(word))
