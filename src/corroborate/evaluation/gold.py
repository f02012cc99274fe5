"""Gold annotation files (gold format version 1): records, reading and checking.

:func:`load_gold` reads one gold file, reads the article it points to and checks the
annotation strictly: wrong types, missing keys the scorer needs, strings that are not
in the article, unknown claim ids and malformed dates all raise
:class:`~corroborate.errors.GoldFormatError` naming the file and the field. Keys the
format does not define (``note``, ``side``, ``role``...) are ignored.

Keys the scorer needs are required: ``doc``; claims ``id``, ``quote``, ``source``;
entities ``id``, ``canonical``, ``mentions``; places ``id``, ``country``, ``lat``,
``lon``, ``mentions`` (plus ``tolerance_km`` when the coordinates are given and
``admin1`` when they are null); contradictions ``a``, ``b``; dates ``text``, ``value``;
events ``id``, ``type``, ``date``, ``place``; quantities ``claim``, ``what``, ``value``.
Every other key of the format is optional but must have the right type when given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from corroborate.errors import GoldFormatError
from corroborate.evaluation.gold_checks import FieldReader, JsonObject
from corroborate.evaluation.gold_sources import read_article, resolve_doc
from corroborate.models import Article

FIELDS = (
    "claims",
    "entities",
    "places",
    "contradictions",
    "dates",
    "events",
    "quantities",
    "captions",
    "verification_statements",
)


@dataclass(frozen=True)
class GoldClaim:
    id: str
    quote: str
    sources: tuple[str, ...]
    via: tuple[str, ...] = ()
    hedged: bool | None = None
    status: str | None = None
    channel: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class GoldEntity:
    id: str
    canonical: str
    mentions: tuple[str, ...]
    kind: str | None = None


@dataclass(frozen=True)
class GoldPlace:
    """A gold place; null coordinates mean it is scored on ``admin1``."""

    id: str
    country: str
    mentions: tuple[str, ...]
    lat: float | None = None
    lon: float | None = None
    tolerance_km: float | None = None
    admin1: str | None = None
    canonical: str | None = None


@dataclass(frozen=True)
class GoldContradiction:
    a: str
    b: str
    why: str | None = None


@dataclass(frozen=True)
class GoldDate:
    text: str
    value: str


@dataclass(frozen=True)
class GoldEvent:
    """A gold event; ``place`` is a gold place id or free text."""

    id: str
    type: str
    date: str
    place: str
    sub_type: str | None = None
    actors: tuple[str, ...] = ()
    from_claims: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldQuantity:
    """A number stated by a claim; ``value`` is a number or vague words ("several dozen")."""

    claim: str
    what: str
    value: float | str


@dataclass(frozen=True)
class GoldFile:
    """One checked gold file and its article. A field left out of the file is None."""

    path: Path
    doc: Path
    article: Article
    date: dt.date | None = None
    claims: tuple[GoldClaim, ...] | None = None
    entities: tuple[GoldEntity, ...] | None = None
    places: tuple[GoldPlace, ...] | None = None
    contradictions: tuple[GoldContradiction, ...] | None = None
    dates: tuple[GoldDate, ...] | None = None
    events: tuple[GoldEvent, ...] | None = None
    quantities: tuple[GoldQuantity, ...] | None = None
    captions: tuple[str, ...] | None = None
    verification_statements: tuple[str, ...] | None = None

    def annotated(self, field: str) -> bool:
        """Whether this file scores ``field`` (it is present, even as an empty list)."""
        return getattr(self, field) is not None


def collect_gold_paths(paths: Sequence[Path]) -> list[Path]:
    """Gold files named by ``paths``: files as given, folders searched for ``*.json``.

    Folders are searched recursively, so they should hold gold files only.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.json") if p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise GoldFormatError(str(path), "(file)", "no such file or folder; check the path")
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def load_gold(path: Path, *, corpus: Path | None = None) -> GoldFile:
    """Read and check one gold file and the article it annotates."""
    reader = FieldReader(path)
    data = reader.load_object()
    doc_name = reader.text(data, "doc", "")
    date = reader.day(data.get("date"), "date")
    doc = resolve_doc(reader, doc_name, corpus)
    article = read_article(reader, doc, date)

    claims = _claims(reader, data)
    entities = _entities(reader, data)
    gold = GoldFile(
        path=path,
        doc=doc,
        article=article,
        date=date,
        claims=claims,
        entities=entities,
        places=_places(reader, data),
        contradictions=_contradictions(reader, data, claims),
        dates=_dates(reader, data),
        events=_events(reader, data, claims),
        quantities=_quantities(reader, data, claims),
        captions=reader.text_list_field(data, "captions"),
        verification_statements=reader.text_list_field(data, "verification_statements"),
    )
    _check_strings_in_text(reader, gold)
    return gold


def _unique_ids(reader: FieldReader, key: str, ids: Sequence[str]) -> None:
    seen: set[str] = set()
    for index, item_id in enumerate(ids):
        if item_id in seen:
            reader.fail(f"{key}[{index}].id", f"{item_id!r} is used twice; give each a new id")
        seen.add(item_id)


def _claims(reader: FieldReader, data: JsonObject) -> tuple[GoldClaim, ...] | None:
    items = reader.object_list(data, "claims")
    if items is None:
        return None
    claims: list[GoldClaim] = []
    for index, item in enumerate(items):
        where = f"claims[{index}]"
        claim_id = reader.text(item, "id", where)
        quote = reader.text(item, "quote", where)
        source = item.get("source")
        if isinstance(source, str) and source.strip():
            sources: tuple[str, ...] = (source,)
        elif "source" not in item:
            reader.fail(f"{where}.source", "is missing; add the id of the entity making the claim")
        else:
            sources = reader.strings(source, f"{where}.source", "source", allow_empty=False)
        via = item.get("via")
        claims.append(
            GoldClaim(
                id=claim_id,
                quote=quote,
                sources=sources,
                via=()
                if via is None
                else reader.strings(via, f"{where}.via", "via", allow_empty=True),
                hedged=reader.optional_bool(item, "hedged", where),
                status=reader.optional_text(item, "status", where),
                channel=reader.optional_text(item, "channel", where),
                kind=reader.optional_text(item, "kind", where),
            )
        )
    _unique_ids(reader, "claims", [claim.id for claim in claims])
    return tuple(claims)


def _entities(reader: FieldReader, data: JsonObject) -> tuple[GoldEntity, ...] | None:
    items = reader.object_list(data, "entities")
    if items is None:
        return None
    entities = [
        GoldEntity(
            id=reader.text(item, "id", f"entities[{index}]"),
            canonical=reader.text(item, "canonical", f"entities[{index}]"),
            mentions=_mentions(reader, item, f"entities[{index}]"),
            kind=reader.optional_text(item, "kind", f"entities[{index}]"),
        )
        for index, item in enumerate(items)
    ]
    _unique_ids(reader, "entities", [entity.id for entity in entities])
    return tuple(entities)


def _mentions(reader: FieldReader, item: JsonObject, where: str) -> tuple[str, ...]:
    if "mentions" not in item:
        reader.fail(f"{where}.mentions", "is missing; add the names as written in the article")
    return reader.strings(item["mentions"], f"{where}.mentions", "mentions", allow_empty=False)


def _places(reader: FieldReader, data: JsonObject) -> tuple[GoldPlace, ...] | None:
    items = reader.object_list(data, "places")
    if items is None:
        return None
    places: list[GoldPlace] = []
    for index, item in enumerate(items):
        where = f"places[{index}]"
        place_id = reader.text(item, "id", where)
        lat = reader.number_or_null(item, "lat", where)
        lon = reader.number_or_null(item, "lon", where)
        if (lat is None) != (lon is None):
            reader.fail(f"{where}.lat", "give both lat and lon, or set both to null")
        if lat is not None and not -90 <= lat <= 90:
            reader.fail(f"{where}.lat", f"{lat} is outside -90..90; latitude comes first")
        if lon is not None and not -180 <= lon <= 180:
            reader.fail(f"{where}.lon", f"{lon} is outside -180..180")
        tolerance = None
        if lat is not None:
            tolerance = reader.number_or_null(item, "tolerance_km", where)
            if tolerance is None or tolerance <= 0:
                reader.fail(
                    f"{where}.tolerance_km",
                    "must be a positive number of kilometres when lat/lon are given, e.g. 10",
                )
        admin1 = (
            reader.text(item, "admin1", where)
            if lat is None
            else reader.optional_text(item, "admin1", where)
        )
        country = reader.text(item, "country", where)
        if len(country) != 2 or not country.isalpha():
            reader.fail(f"{where}.country", f"{country!r} is not a two-letter code; write e.g. RU")
        places.append(
            GoldPlace(
                id=place_id,
                country=country.upper(),
                mentions=_mentions(reader, item, where),
                lat=lat,
                lon=lon,
                tolerance_km=tolerance,
                admin1=admin1,
                canonical=reader.optional_text(item, "canonical", where),
            )
        )
    _unique_ids(reader, "places", [place.id for place in places])
    return tuple(places)


def _claim_ref(
    reader: FieldReader,
    item: JsonObject,
    key: str,
    where: str,
    claims: tuple[GoldClaim, ...] | None,
) -> str:
    claim_id = reader.text(item, key, where)
    if claims is None:
        reader.fail(f"{where}.{key}", "refers to a claim but the file has no claims; add them")
    if claim_id not in {claim.id for claim in claims}:
        reader.fail(
            f"{where}.{key}", f"{claim_id!r} is not the id of any claim in this file; fix the id"
        )
    return claim_id


def _contradictions(
    reader: FieldReader, data: JsonObject, claims: tuple[GoldClaim, ...] | None
) -> tuple[GoldContradiction, ...] | None:
    items = reader.object_list(data, "contradictions")
    if items is None:
        return None
    found: list[GoldContradiction] = []
    for index, item in enumerate(items):
        where = f"contradictions[{index}]"
        a = _claim_ref(reader, item, "a", where, claims)
        b = _claim_ref(reader, item, "b", where, claims)
        if a == b:
            reader.fail(f"{where}.b", "a claim cannot contradict itself; name two claims")
        found.append(GoldContradiction(a, b, reader.optional_text(item, "why", where)))
    return tuple(found)


def _dates(reader: FieldReader, data: JsonObject) -> tuple[GoldDate, ...] | None:
    items = reader.object_list(data, "dates")
    if items is None:
        return None
    dates: list[GoldDate] = []
    for index, item in enumerate(items):
        where = f"dates[{index}]"
        text = reader.text(item, "text", where)
        if "value" not in item:
            reader.fail(f"{where}.value", "is missing; add the resolved date, e.g. 2024-03-12")
        dates.append(GoldDate(text, reader.date_value(item["value"], f"{where}.value", "value")))
    return tuple(dates)


def _events(
    reader: FieldReader, data: JsonObject, claims: tuple[GoldClaim, ...] | None
) -> tuple[GoldEvent, ...] | None:
    items = reader.object_list(data, "events")
    if items is None:
        return None
    events: list[GoldEvent] = []
    for index, item in enumerate(items):
        where = f"events[{index}]"
        if "date" not in item:
            reader.fail(f"{where}.date", "is missing; add the event's date, e.g. 2024-03-12")
        actors = item.get("actors")
        from_claims = item.get("from_claims")
        event = GoldEvent(
            id=reader.text(item, "id", where),
            type=reader.text(item, "type", where),
            date=reader.date_value(item["date"], f"{where}.date", "date"),
            place=reader.text(item, "place", where),
            sub_type=reader.optional_text(item, "sub_type", where),
            actors=()
            if actors is None
            else reader.strings(actors, f"{where}.actors", "actors", allow_empty=True),
            from_claims=()
            if from_claims is None
            else reader.strings(from_claims, f"{where}.from_claims", "claim", allow_empty=True),
        )
        known = {claim.id for claim in claims or ()}
        for position, claim_id in enumerate(event.from_claims):
            if claims is not None and claim_id not in known:
                reader.fail(
                    f"{where}.from_claims[{position}]",
                    f"{claim_id!r} is not the id of any claim in this file; fix the id",
                )
        events.append(event)
    _unique_ids(reader, "events", [event.id for event in events])
    return tuple(events)


def _quantities(
    reader: FieldReader, data: JsonObject, claims: tuple[GoldClaim, ...] | None
) -> tuple[GoldQuantity, ...] | None:
    items = reader.object_list(data, "quantities")
    if items is None:
        return None
    quantities: list[GoldQuantity] = []
    for index, item in enumerate(items):
        where = f"quantities[{index}]"
        claim_id = _claim_ref(reader, item, "claim", where, claims)
        what = reader.text(item, "what", where)
        value = item.get("value")
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            reader.fail(
                f"{where}.value",
                'expected a number (no quotes) or vague words such as "several dozen"',
            )
        if isinstance(value, str) and not value.strip():
            reader.fail(f"{where}.value", "is empty; write the number or the words of the text")
        quantities.append(
            GoldQuantity(claim_id, what, value if isinstance(value, str) else float(value))
        )
    return tuple(quantities)


def _check_strings_in_text(reader: FieldReader, gold: GoldFile) -> None:
    """Every quote, mention, caption, date text and statement must be in the article."""
    text, doc = gold.article.text, gold.doc
    checks: list[tuple[str, str]] = []
    checks += [(f"claims[{i}].quote", claim.quote) for i, claim in enumerate(gold.claims or ())]
    named: list[tuple[str, tuple[str, ...]]] = [
        (f"entities[{i}]", entity.mentions) for i, entity in enumerate(gold.entities or ())
    ]
    named += [(f"places[{i}]", place.mentions) for i, place in enumerate(gold.places or ())]
    for where, mentions in named:
        checks += [(f"{where}.mentions[{j}]", mention) for j, mention in enumerate(mentions)]
    checks += [(f"dates[{i}].text", date.text) for i, date in enumerate(gold.dates or ())]
    checks += [(f"captions[{i}]", caption) for i, caption in enumerate(gold.captions or ())]
    statements = gold.verification_statements or ()
    checks += [(f"verification_statements[{i}]", s) for i, s in enumerate(statements)]
    for field, needle in checks:
        reader.require_in_text(text, needle, field, doc)
