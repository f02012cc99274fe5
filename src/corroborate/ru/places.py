"""Place names in a Russian parse, resolved in the gazetteer with a stated precision.

Names come from natasha's LOC tags, and from the words that frame a name the tagger
missed: "село Тёткино", "в районе Грайворона", "Курская и Белгородская области". A name
is looked up in the nominative ("Белгородской области" -> "Белгородская область"), then as
written, then as its lemmas ("Грайворона" -> "Грайворон"): GeoNames lists Cyrillic
names, and the gazetteer's keys fold spelling (Тёткино, Теткино, Tyotkino).

As in the English geoparser (:mod:`corroborate.geo.geoparse`): regions and countries are
resolved first and are the context; a settlement is chosen among its namesakes by that
context (country, region, nearness to the other places), then by population; a village
the gazetteer lacks falls back to the region the text puts it in, with precision
"region". A country named inside a body's name ("Минобороны России") is no place.
"""

from __future__ import annotations

import math

from corroborate.geo.distance import haversine_km
from corroborate.geo.gazetteer import Gazetteer, GazPlace
from corroborate.geo.geoparse import PlaceFrame, fall_back_to_region
from corroborate.resolve.actors import ActorBase
from corroborate.resolve.names import clean_name, name_key
from corroborate.ru.pipeline import RuDoc, RuToken
from corroborate.ru.sources import ActorName

_REGION_NOUNS = {"область", "край", "республика", "обл", "округ"}
_SETTLEMENT_NOUNS = {
    "село", "поселок", "посёлок", "город", "деревня", "хутор", "станица", "пгт", "район",
    "окрестность", "пункт", "райцентр", "слобода",
}  # fmt: skip
# The tagger often calls an unfamiliar village a person ("атака у Тёткино"): a person's
# name after one of these is tried as a place, and kept when the gazetteer knows it.
_LOCATIVE = {"в", "во", "у", "под", "около", "возле", "близ", "на", "из", "над", "к", "по"}
# So is one word with the ending of an undeclined village name ("взяли Тёткино").
_VILLAGE_ENDINGS = ("ино", "ово", "ево", "ёво", "ыно")
_NEAR_KM = 300.0


class RuPlaces:
    """Finds and resolves the places of a parsed text against one gazetteer."""

    def __init__(self, gazetteer: Gazetteer, actors: ActorBase | None = None) -> None:
        self.gazetteer = gazetteer
        self.actors = actors

    def parse(self, doc: RuDoc, names: list[ActorName]) -> list[PlaceFrame]:
        """The places of the text; a person's name read as a place (see ``_LOCATIVE``)
        is kept only when it resolves."""
        found = self._mentions(doc, names)
        frames = [frame for frame, _ in found]
        guessed = {id(f) for f in frames if f.role == "guessed"}
        for frame, forms in found:
            if frame.role in ("region", "unknown", "guessed"):
                self._resolve_area(frame, forms)
        context = [f for f in frames if f.place is not None]
        for frame, forms in found:
            if frame.place is None and frame.role in ("settlement", "unknown", "guessed"):
                self._resolve_settlement(frame, forms, context)
        for frame in frames:
            if frame.place is None:
                fall_back_to_region(frame, frames)
        kept = [f for f in frames if id(f) not in guessed or f.place is not None]
        for frame in kept:
            if frame.role == "guessed":
                frame.role = "unknown"
        return sorted(kept, key=lambda f: f.span)

    def _mentions(self, doc: RuDoc, names: list[ActorName]) -> list[tuple[PlaceFrame, list[str]]]:
        """Each place name as a frame, with the forms to look it up under."""
        in_bodies = {i for n in names if n.label == "ORG" for i in range(n.first, n.last + 1)}
        found: list[tuple[PlaceFrame, list[str]]] = []
        taken: set[int] = set()
        for name in doc.names:
            guess = name.label == "PER" and self._village_as_person(doc, name.first, name.normal)
            if (name.label != "LOC" and not guess) or name.first in in_bodies:
                continue
            ids = list(range(name.first, name.last + 1))
            taken.update(ids)
            frame, forms = _frame(doc, ids, [name.normal, name.text])
            if guess:
                frame.role = "guessed"
            found.append((frame, forms))
        for token in doc.tokens:
            if token.i in taken or not token.text[:1].isupper():
                continue
            framed = _framed_name(doc, token)
            if framed is None:
                continue
            ids, role, noun = framed
            taken.update(ids)
            written = [doc.nominative(ids), _text(doc, ids)]
            frame, forms = _frame(doc, ids, [f"{w} {noun}".strip() for w in written])
            frame.role = role
            found.append((frame, forms))
        return found

    def _village_as_person(self, doc: RuDoc, first: int, name: str) -> bool:
        before = doc.tokens[first - 1] if first > 0 else None
        located = (
            before is not None
            and before.lemma in _LOCATIVE
            and before.sent == doc.tokens[first].sent
        )
        village = " " not in name and name.lower().endswith(_VILLAGE_ENDINGS)
        if not (located or village):
            return False
        return self.actors is None or self.actors.match(name, kind="person") is None

    def _resolve_area(self, frame: PlaceFrame, forms: list[str]) -> None:
        for form in forms:
            if frame.role == "region":
                regions = self.gazetteer.regions_named(form)
                if regions:
                    frame.place, frame.precision = regions[0], "region"
                    return
                continue
            country = self.gazetteer.country(form)
            if country is not None:
                frame.place, frame.precision, frame.role = country, "country", "country"
                return
            regions = self.gazetteer.regions_named(form)
            if regions and not self.gazetteer.lookup(form):
                frame.place, frame.precision, frame.role = regions[0], "region", "region"
                return

    def _resolve_settlement(
        self, frame: PlaceFrame, forms: list[str], context: list[PlaceFrame]
    ) -> None:
        for form in forms:
            candidates = self.gazetteer.lookup(form)
            settlements = [c for c in candidates if c.precision == "settlement"]
            chosen = settlements or candidates
            if not chosen:
                continue
            frame.place = max(chosen, key=lambda c: _score(c, form, frame, context))
            frame.precision = frame.place.precision
            if frame.place.precision == "settlement":
                frame.role = "settlement"
            return


def _frame(doc: RuDoc, ids: list[int], forms: list[str]) -> tuple[PlaceFrame, list[str]]:
    """A frame for the name made of these tokens, and the forms to look it up under: as
    given (nominative first), then its lemmas."""
    tokens = [doc.tokens[i] for i in ids]
    lemmas = " ".join(t.lemma.capitalize() for t in tokens)
    candidates = list(dict.fromkeys(clean_name(f) for f in [*forms, lemmas] if f.strip()))
    after = doc.tokens[ids[-1] + 1] if ids[-1] + 1 < len(doc.tokens) else None
    words = {t.lemma for t in tokens}
    region = bool(words & _REGION_NOUNS) or (after is not None and after.lemma in _REGION_NOUNS)
    frame = PlaceFrame(
        span=(tokens[0].start, tokens[-1].end),
        written=candidates[0],
        place=None,
        precision=None,
        role="region" if region else _role_before(doc, ids[0]),
        sentence=tokens[0].sent,
    )
    return frame, candidates


def _text(doc: RuDoc, ids: list[int]) -> str:
    return doc.text[doc.tokens[ids[0]].start : doc.tokens[ids[-1]].end]


def _role_before(doc: RuDoc, first: int) -> str:
    """ "село Тёткино", "в районе Грайворона": a settlement word before the name."""
    before = doc.tokens[first - 1] if first > 0 else None
    return "settlement" if before is not None and before.lemma in _SETTLEMENT_NOUNS else "unknown"


def _framed_name(doc: RuDoc, token: RuToken) -> tuple[list[int], str, str] | None:
    """A capitalised name the tagger missed, read from the word that frames it; with
    the region noun its name needs ("Курская" of "Курская и Белгородская области")."""
    if token.pos == "ADJ":
        # "Курская и Белгородская области": a region adjective over a region noun.
        head = doc.tokens[token.head] if token.head >= 0 else None
        while head is not None and head.pos == "ADJ" and token.rel == "conj":
            head = doc.tokens[head.head] if head.head >= 0 else None
        if head is not None and head.lemma in _REGION_NOUNS and head.i > token.i:
            return [token.i], "region", head.lemma
        return None
    if token.pos not in ("PROPN", "NOUN") or token.i == 0:
        return None
    before = doc.tokens[token.i - 1]
    if before.lemma in _SETTLEMENT_NOUNS and before.sent == token.sent:
        end = token.i + 1
        while end < len(doc.tokens) and doc.tokens[end].text[:1].isupper():
            if doc.tokens[end].pos not in ("PROPN", "NOUN", "ADJ"):
                break
            end += 1
        return list(range(token.i, end)), "settlement", ""
    return None


def _score(candidate: GazPlace, form: str, frame: PlaceFrame, context: list[PlaceFrame]) -> float:
    """Context first (country, region, nearness to the other places), then size."""
    score = math.log10(candidate.population + 10)
    if name_key(candidate.name) == name_key(form):
        score += 1.0
    places = [f for f in context if f.place is not None and f is not frame]
    if candidate.country in {f.place.country for f in places if f.place is not None}:
        score += 3.0
    regions = [f for f in places if f.precision == "region" and f.place is not None]
    for region in regions:
        assert region.place is not None
        if (candidate.country, candidate.admin1) == (region.place.country, region.place.admin1):
            score += 3.0 if region.sentence == frame.sentence else 2.0
            break
    points = [f.place for f in places if f.place is not None and f.precision == "settlement"]
    if any(_km(candidate, p) <= _NEAR_KM for p in points if p.id != candidate.id):
        score += 1.5
    return score


def _km(a: GazPlace, b: GazPlace) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)
