"""Events in a Russian article: what happened, where, when, resting on which claims.

A small cue lexicon (``[events]`` of ``data/ru.toml``) types a sentence with an ACLED
sub-type: "обстрел" a shelling, "атака БПЛА" a drone strike, "сбиты", "перехвачены" a
disrupted strike, "бой", "прорыв", "атака ДРГ" an armed clash; the heaviest cue of a
sentence wins, and a negated cue ("обстрелов не было") reports nothing. The event is
dated by the sentence's own date, else the article's; it is placed at the most precise
places its claim (or sentence) names, else at the place the article names most. The
claims whose content holds the cue are its support; as in English
(:mod:`corroborate.events.assemble`), the same sub-type at the same place on the same
date is one event.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from corroborate.events.assemble import place_key, same_event
from corroborate.events.taxonomy import PLOVER_OF, type_of
from corroborate.geo.geoparse import PlaceFrame
from corroborate.models import DatePrecision, Event, PlaceMention
from corroborate.nlp.frames import ClaimFrame
from corroborate.ru.dates import RuDate
from corroborate.ru.lexicon import RuLexicon, find_phrase
from corroborate.ru.pipeline import RuDoc, RuSentence, RuToken

_RANK = {"settlement": 0, "district": 1, "region": 2, "country": 3}
# "МОСКВА, 12 марта. /ТАСС/." or "КИЕВ, 12 мар — РИА Новости.": where the reporter was.
_DATELINE = re.compile(
    r"^\s*[А-ЯЁ][А-ЯЁ\- ]{2,40},\s*\d{1,2}\s+[а-я]+\.?\s*"
    r"(?:/[^/\n]{1,30}/\.?|[—–-][^.\n]{1,40}\.)"
)
_ACTOR_RELS = {"nsubj", "nsubj:pass"}


@dataclass
class _Candidate:
    sub_type: str
    sentence: int
    claims: list[int]
    place: PlaceFrame | None
    date: str | None
    precision: DatePrecision | None
    actors: list[str] = field(default_factory=list)
    acted_by: list[str] = field(default_factory=list)


@dataclass
class EventContext:
    """What the events of one article are built from, and how to map them to records."""

    article_id: str
    article_date: str | None
    claims: Sequence[ClaimFrame]
    claim_ids: Sequence[str]
    places: Sequence[PlaceFrame]
    dates: Sequence[RuDate]
    excluded: Sequence[tuple[int, int]]
    to_place: Callable[[PlaceFrame], PlaceMention]
    actors_at: Callable[[int, int], list[str]]  # acting entities (ids) in a range
    name_at: Callable[[int, int], str | None]  # the actor named in a range


def assemble_events(doc: RuDoc, context: EventContext, lex: RuLexicon) -> list[Event]:
    dateline = _DATELINE.match(doc.text)
    reporter_at = dateline.end() if dateline else 0
    candidates: list[_Candidate] = []
    for sentence in doc.sentences:
        if any(s <= sentence.start and sentence.end <= e for s, e in context.excluded):
            continue
        cue = _cue(doc, sentence, lex)
        if cue is None:
            continue
        sub_type, trigger = cue
        at = trigger[0].start
        supporting = [
            i
            for i, claim in enumerate(context.claims)
            if claim.content[0] <= at < claim.content[1] and claim.kind != "verification_status"
        ]
        if supporting:
            scope = (
                min(context.claims[i].content[0] for i in supporting),
                max(context.claims[i].content[1] for i in supporting),
            )
        else:
            scope = (sentence.start, sentence.end)
        date = next(
            (d.frame for d in context.dates if sentence.start <= d.frame.span[0] < sentence.end),
            None,
        )
        value = context.article_date
        precision: DatePrecision | None = "day" if value else None
        if date is not None and date.value:
            value, precision = date.value, date.precision
        named: list[PlaceFrame | None] = list(_places_in(doc, scope, context.places, reporter_at))
        for place in named or [None]:
            candidates.append(
                _Candidate(
                    sub_type,
                    sentence.index,
                    list(supporting),
                    place,
                    value,
                    precision,
                    context.actors_at(*scope),
                    _acted_by(doc, trigger[0], context),
                )
            )
    topic = _topic_place(context.places, reporter_at)
    events: list[_Candidate] = []
    for candidate in candidates:
        if candidate.place is None:
            candidate.place = topic
        same = next((e for e in events if same_event(e, candidate)), None)
        if same is None:
            events.append(candidate)
        else:
            _absorb(same, candidate)
    return [
        Event(
            id=f"{context.article_id}-v{k}",
            article_id=context.article_id,
            type=type_of(c.sub_type),
            sub_type=c.sub_type,
            date=c.date,
            place=context.to_place(c.place).name if c.place is not None else None,
            actors=c.actors,
            claim_ids=[context.claim_ids[i] for i in c.claims],
            place_mention=context.to_place(c.place) if c.place is not None else None,
            date_precision=c.precision,
            plover=PLOVER_OF.get(c.sub_type),
            acted_by=c.acted_by,
        )
        for k, c in enumerate(events, 1)
    ]


def _cue(doc: RuDoc, sentence: RuSentence, lex: RuLexicon) -> tuple[str, list[RuToken]] | None:
    """The sentence's heaviest event cue that is not negated, with its words."""
    tokens = [t for t in doc.sentence_tokens(sentence) if t.pos != "PUNCT"]
    best: tuple[float, int, str, list[RuToken]] | None = None
    for cue in lex.event_cues:
        for phrase in cue.phrases:
            match = find_phrase(tokens, phrase)
            if match is None or _negated(doc, match[0]):
                continue
            key = (cue.weight, len(phrase), cue.sub_type, match)
            if best is None or key[:2] > best[:2]:
                best = key
    return (best[2], best[3]) if best is not None else None


def _negated(doc: RuDoc, token: RuToken) -> bool:
    above = [token, *([doc.tokens[token.head]] if token.head >= 0 else [])]
    return any(c.lemma in ("не", "ни") for a in above for c in doc.kids(a.i, "advmod")) or any(
        a.lemma == "нет" for a in above[1:]
    )


def _places_in(
    doc: RuDoc, scope: tuple[int, int], places: Sequence[PlaceFrame], reporter_at: int
) -> list[PlaceFrame]:
    """The most precise places named in the scope, one of each; a place that acts
    ("Украина атаковала") and the dateline's place are no event's place."""
    starts = {t.start: t for t in doc.tokens}
    found = []
    for place in places:
        if place.place is None or place.precision is None or place.span[0] < reporter_at:
            continue
        if not scope[0] <= place.span[0] < scope[1]:
            continue
        token = starts.get(place.span[0])
        if token is not None and token.rel in _ACTOR_RELS and place.precision == "country":
            continue
        found.append(place)
    if not found:
        return []
    best = min(_RANK.get(p.precision or "", 9) for p in found)
    keep: list[PlaceFrame] = []
    for place in sorted(found, key=lambda p: _RANK.get(p.precision or "", 9)):
        if any(place_key(place) == place_key(k) or _inside(k, place) for k in keep):
            continue
        if place.precision == "country" and best < _RANK["country"]:
            continue
        keep.append(place)
    return sorted(keep, key=lambda p: p.span[0])


def _inside(small: PlaceFrame, large: PlaceFrame) -> bool:
    if small.place is None or large.place is None or small.place.country != large.place.country:
        return False
    if large.precision == "country":
        return place_key(small) != place_key(large)
    if large.precision == "region" and large.role == "region":
        return small.place.admin1 == large.place.admin1 and place_key(small) != place_key(large)
    return False


def _topic_place(places: Sequence[PlaceFrame], reporter_at: int) -> PlaceFrame | None:
    """The place the article names most (the most precise on a tie)."""
    named = [
        p
        for p in places
        if p.place is not None and p.precision in _RANK and p.span[0] >= reporter_at
    ]
    if not named:
        return None
    counts = Counter(place_key(p) for p in named)
    return min(named, key=lambda p: (-counts[place_key(p)], _RANK[p.precision or ""], p.span[0]))


def _acted_by(doc: RuDoc, word: RuToken, context: EventContext) -> list[str]:
    """Who carried the act out: the named subject of the cue verb, or the genitive of the
    cue noun ("атака ВСУ")."""
    if word.pos in ("VERB", "AUX"):
        doers = [c for c in doc.kids(word.i, "nsubj") if c.rel == "nsubj"]
    else:
        doers = [
            c
            for c in doc.kids(word.i, "nmod")
            if c.feats.get("Case") == "Gen" and not doc.kids(c.i, "case")
        ]
    found: list[str] = []
    for doer in doers:
        ids = sorted(doc.subtree(doer.i))
        name = context.name_at(doc.tokens[ids[0]].start, doc.tokens[ids[-1]].end)
        if name and name not in found:
            found.append(name)
    return found


def _absorb(into: _Candidate, other: _Candidate) -> None:
    into.claims.extend(i for i in other.claims if i not in into.claims)
    into.actors.extend(a for a in other.actors if a not in into.actors)
    into.acted_by.extend(a for a in other.acted_by if a not in into.acted_by)
    into.sentence = min(into.sentence, other.sentence)
