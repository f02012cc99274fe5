"""Place names in an analysed Doc, resolved to the gazetteer with a stated precision.

A name is first read in its phrase: "the Kursk region" and "the Belgorod and Kursk
regions" name regions, "the city of Belgorod" and "the village of Tjotkino" name
settlements, "Russia" names a country. Regions and countries are resolved first; they
are the article's context. A settlement is then ranked among its namesakes by that
context (its country, its region, its distance to the other places), then by
population. A settlement the gazetteer lacks falls back to the region the text puts it
in ("Lozovaya Rudka, located in the Belgorod region"; "Prilesje, which belongs to the
region") with precision "region": the region is known, the point is not, and we do
not guess one.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.attrs import POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from corroborate.geo.distance import haversine_km
from corroborate.geo.gazetteer import Gazetteer, GazPlace
from corroborate.nlp.frames import doc_ents, doc_sents, doc_text, span_text
from corroborate.resolve.actors import ActorBase, load_actors
from corroborate.resolve.names import clean_name, name_key

_PLACE_LABELS = ("GPE", "LOC", "FAC")
_REGION_WORDS = {
    "region", "regions", "oblast", "oblasts", "province", "provinces", "area", "district",
    "districts", "krai", "territory", "republic",
}  # fmt: skip
_LOCATIVE = {"in", "near", "at", "on", "outside", "over", "towards", "toward", "around", "into"}
# The tagger often calls an unfamiliar village a person ("a strike on Shebekino"), so a
# PERSON after a place preposition is tried, unless the actor base knows the person.
_NOT_PLACES = {"DATE", "TIME", "ORG", "NORP", "CARDINAL", "ORDINAL", "EVENT", "LAW", "MONEY"}
_SETTLEMENT_WORDS = {"village", "town", "city", "settlement", "hamlet", "township", "port"}
# Actors that are also places: a state's name is its territory.
_PLACE_ACTOR_KINDS = {"state"}
_CONTEXT_SENTENCES = 3  # how far back "the region" reaches for the region it means
_NEAR_KM = 300.0


@dataclass
class PlaceFrame:
    """A place named in the Doc (repaired-text offsets) and what it resolved to."""

    span: tuple[int, int]
    written: str
    place: GazPlace | None
    precision: str | None
    role: str  # "region", "country", "settlement", or "unknown" before resolution
    sentence: int


class Geoparser:
    """Finds and resolves place names; one per Analyzer, shared by all its articles."""

    def __init__(self, gazetteer: Gazetteer, actors: ActorBase | None = None) -> None:
        self.gazetteer = gazetteer
        self.actors = actors
        self._guessed: set[tuple[int, int]] = set()

    def parse(self, doc: Doc) -> list[PlaceFrame]:
        # Captions and headings count: "in Kiev in February" places a photo, and the map
        # should show it, even though no claim is read from a caption.
        sentence_of = _sentence_index(doc)
        frames = self._resolve(list(self._mentions(doc, sentence_of)))
        # A name found only by its preposition ("a strike on Shebekino") must resolve.
        frames = [f for f in frames if f.place is not None or f.span not in self._guessed]
        return sorted(frames + _repeats(doc, frames, sentence_of), key=lambda f: f.span)

    def resolve_spans(self, doc: Doc, spans: list[tuple[int, int]]) -> list[PlaceFrame]:
        """Resolve names whose spans are already known (character offsets in the Doc)."""
        sentence_of = _sentence_index(doc)
        frames = []
        for start, end in spans:
            name = doc.char_span(start, end, alignment_mode="expand")
            if name is None or len(name) == 0:
                continue
            frame = self._frame(name, sentence_of[name.start])
            frame.span = (start, end)
            frames.append(frame)
        return self._resolve(frames)

    def _resolve(self, frames: list[PlaceFrame]) -> list[PlaceFrame]:
        for frame in frames:
            if frame.role in ("region", "unknown"):
                self._resolve_area(frame)
        context = [f for f in frames if f.place is not None]
        for frame in frames:
            if frame.role == "settlement" or (frame.role == "unknown" and frame.place is None):
                self._resolve_settlement(frame, context)
        for frame in frames:
            if frame.place is None:
                fall_back_to_region(frame, frames)
        return frames

    # -- finding names ------------------------------------------------------------------

    def _mentions(self, doc: Doc, sentence_of: list[int]) -> Iterator[PlaceFrame]:
        taken: set[int] = set()
        for ent in doc_ents(doc):
            if ent.label_ not in _PLACE_LABELS:
                continue
            written = span_text(ent)
            if self._is_non_place_actor(written):
                continue
            if ent[-1].tag_ == "JJ" or written.endswith(("ian", "ese", "ish")):
                continue  # "Ukrainian", "Russian": adjectives the tagger called places
            taken.update(t.i for t in ent)
            yield self._frame(ent, sentence_of[ent.start])
        # Both passes below read proper nouns only.
        tags: list[int] = doc.to_array(POS).tolist()
        proper_nouns = [doc[i] for i, tag in enumerate(tags) if tag == PROPN]
        # Names the entity recogniser missed, read from their phrase: "the Kursk region".
        for token in proper_nouns:
            if token.i in taken or not token.text[:1].isupper():
                continue
            name = _name_before(token)
            if name is None or not taken.isdisjoint(range(name.start, name.end)):
                continue
            taken.update(range(name.start, name.end))
            if self._is_non_place_actor(span_text(name)):
                continue
            yield self._frame(name, sentence_of[name.start])
        # Names after a locative preposition that the recogniser left untagged.
        self._guessed = set()
        for token in proper_nouns:
            if token.i in taken or token.ent_type_ in _NOT_PLACES:
                continue
            name = _name_after_preposition(token)
            if name is None or not taken.isdisjoint(range(name.start, name.end)):
                continue
            written = span_text(name)
            if self._is_non_place_actor(written):
                continue
            if self.actors is not None and self.actors.match(written, kind="person"):
                continue
            taken.update(t.i for t in name)
            frame = self._frame(name, sentence_of[name.start])
            self._guessed.add(frame.span)
            yield frame

    def _frame(self, name: Span, sentence: int) -> PlaceFrame:
        return PlaceFrame(
            span=(name.start_char, name.end_char),
            written=clean_name(span_text(name)),
            place=None,
            precision=None,
            role=_role(name),
            sentence=sentence,
        )

    def _is_non_place_actor(self, text: str) -> bool:
        if self.actors is None:
            return False
        # As an organisation: a town that shares a surname ("Austin") stays a town.
        actor = self.actors.match(clean_name(text), kind="organisation")
        return actor is not None and actor.kind not in _PLACE_ACTOR_KINDS

    # -- resolving ----------------------------------------------------------------------

    def _resolve_area(self, frame: PlaceFrame) -> None:
        if frame.role == "region":
            written = _expand(frame.written)
            regions = self.gazetteer.regions_named(f"{written} region") or (
                self.gazetteer.regions_named(written)
            )
            if regions:
                frame.place, frame.precision = regions[0], "region"
            return
        name = _expand(frame.written)
        country = self.gazetteer.country(name)
        if country is not None:
            frame.place, frame.precision, frame.role = country, "country", "country"
            return
        regions = self.gazetteer.regions_named(name)
        if regions and not self.gazetteer.lookup(name):
            frame.place, frame.precision, frame.role = regions[0], "region", "region"

    def _resolve_settlement(self, frame: PlaceFrame, context: list[PlaceFrame]) -> None:
        written = _expand(frame.written)
        candidates = self.gazetteer.lookup(written)
        # A city that is also a region (Kyiv, Moscow, Sevastopol) is named as the city; a
        # region whose own name this is and which dwarfs every namesake town ("Texas",
        # "Minnesota") is the region.
        settlements = [c for c in candidates if c.precision == "settlement"]
        biggest = max((c.population for c in settlements), default=0)
        key = name_key(written)
        regions = [
            c
            for c in candidates
            if c.precision == "region" and name_key(c.name) == key and c.population > 10 * biggest
        ]
        if regions and frame.role != "settlement":
            frame.place, frame.precision, frame.role = regions[0], "region", "region"
            return
        candidates = settlements or candidates
        if not candidates:
            return
        frame.place = max(candidates, key=lambda c: _score(c, frame, context))
        frame.precision = frame.place.precision
        frame.role = "settlement" if frame.place.precision == "settlement" else frame.role


def fall_back_to_region(frame: PlaceFrame, frames: list[PlaceFrame]) -> None:
    """The region the text puts an unknown place in: same sentence, else the last one."""
    if frame.role == "region":
        return
    regions = [
        f
        for f in frames
        if f.precision == "region"
        and f.role == "region"
        and frame.sentence - _CONTEXT_SENTENCES <= f.sentence <= frame.sentence
        and f is not frame
    ]
    same = [f for f in regions if f.sentence == frame.sentence]
    before = [f for f in regions if f.span[0] < frame.span[0]]
    chosen = same[0] if same else (before[-1] if before else None)
    if chosen is not None:
        frame.place, frame.precision = chosen.place, "region"


def default_geoparser(actors: ActorBase | None = None, progress: bool = False) -> Geoparser:
    """The user's gazetteer (built on first use, which takes a while) and actor base."""
    return Geoparser(Gazetteer.open(progress=progress), actors or load_actors())


def _score(candidate: GazPlace, frame: PlaceFrame, context: list[PlaceFrame]) -> float:
    """Context first (country, region, nearness to the article's other places), then size."""
    score = math.log10(candidate.population + 10)
    if name_key(candidate.name) == name_key(_expand(frame.written)):
        score += 1.0  # its own name, not one of the many alternate names GeoNames lists
    countries = {f.place.country for f in context if f.place is not None}
    regions = {
        (f.place.country, f.place.admin1)
        for f in context
        if f.place is not None and f.precision == "region"
    }
    if candidate.country in countries:
        score += 3.0
    if (candidate.country, candidate.admin1) in regions:
        score += 2.0
        if any(f.sentence == frame.sentence for f in context if f.precision == "region"):
            score += 1.0
    points = [f.place for f in context if f.place is not None and f.precision == "settlement"]
    if any(_km(candidate, p) <= _NEAR_KM for p in points if p.id != candidate.id):
        score += 1.5
    return score


def _km(a: GazPlace, b: GazPlace) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _role(name: Span) -> str:
    """Region, settlement or unknown, from the words around the name."""
    doc = name.doc
    if name.end < len(doc):
        after = doc[name.end].lower_
        if after in _REGION_WORDS:
            return "region"
        # "the Belgorod and Kursk regions": the first of a coordination shares the noun.
        if after in ("and", ","):
            for i in range(name.end + 1, min(len(doc), name.end + 5)):
                token = doc[i]
                if token.lower_ in _REGION_WORDS:
                    return "region"
                if token.pos_ != "PROPN" and token.lower_ not in ("and", ","):
                    break
    if name.start >= 2:
        first, second = doc[name.start - 2].lower_, doc[name.start - 1].lower_
        if second == "of" and first in _SETTLEMENT_WORDS:
            return "settlement"
        if first == "of" and second in _REGION_WORDS:
            return "region"  # "the Region of Kursk" is rare but written
    return "unknown"


def _name_after_preposition(token: Token) -> Span | None:
    """ "on Shebekino", "near Velyka Novosilka": a capitalised run after a place preposition."""
    doc = token.doc
    if token.i == 0 or doc[token.i - 1].lower_ not in _LOCATIVE or not token.text[:1].isupper():
        return None
    end = token.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    return doc[token.i : end]


def _name_before(token: Token) -> Span | None:
    """A run of proper nouns ending at ``token`` that a region word or "village of" frames."""
    doc = token.doc
    end = token.i + 1
    if end < len(doc) and doc[end].pos_ == "PROPN":
        return None  # not the end of the name yet
    start = token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
        start -= 1
    span = doc[start:end]
    return span if _role(span) != "unknown" else None


def _repeats(doc: Doc, frames: list[PlaceFrame], sentence_of: list[int]) -> list[PlaceFrame]:
    """Later mentions of a resolved name that the recogniser missed: one name, one place.

    "a drone strike on Shebekino" names the Shebekino found two sentences before, even
    when the tagger did not mark it the second time.
    """
    text = doc_text(doc)
    covered = [f.span for f in frames]
    found: list[PlaceFrame] = []
    searched: set[str] = set()
    for frame in frames:
        if frame.place is None or len(frame.written) < 4 or not frame.written[0].isupper():
            continue
        if frame.written in searched:
            continue  # every occurrence of a name was found the first time it was searched
        searched.add(frame.written)
        for span in _whole_word_occurrences(text, frame.written):
            if any(s < span[1] and span[0] < e for s, e in covered):
                continue
            name = doc.char_span(*span)
            if name is None:
                continue
            covered.append(span)
            found.append(replace(frame, span=span, sentence=sentence_of[name.start]))
    return found


def _whole_word_occurrences(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Where ``re.finditer(rf"\\b{re.escape(name)}\\b", text)`` matches, found with
    ``str.find``: a pattern opening with ``\\b`` is tried at every position of the text."""
    position = 0
    while (start := text.find(name, position)) >= 0:
        end = start + len(name)
        if _word_boundary(text, start) and _word_boundary(text, end):
            yield start, end
            position = end if end > start else start + 1
        else:
            position = start + 1


def _word_boundary(text: str, position: int) -> bool:
    """``\\b``: a word character on one side of ``position`` only."""
    before = position > 0 and _is_word_char(text[position - 1])
    after = position < len(text) and _is_word_char(text[position])
    return before != after


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _expand(name: str) -> str:
    words = name.split()
    if words and words[0].lower() in ("st.", "st"):
        words[0] = "Saint"
    return " ".join(words)


def _sentence_index(doc: Doc) -> list[int]:
    """The number of the sentence of each token, by token index."""
    index: list[int] = []
    for n, sent in enumerate(doc_sents(doc)):
        index.extend([n] * (sent.end - sent.start))
    return index
