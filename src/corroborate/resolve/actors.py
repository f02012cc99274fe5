"""The actor knowledge base: known armed groups, state bodies, officials and media.

The packaged ``data/actors.yaml`` lists each actor with its English name and the
spellings it appears under (English variants, abbreviations, Russian and Ukrainian
Cyrillic). A user may add YAML files in the same format: an entry whose id is already
known replaces it, a new id is added.

A mention is matched, in this order, by

1. its name key (``names.name_key``) against the keys of every name of every actor;
2. a word-order-free key, so that "Russian Defence Ministry" and "Ministry of Defence of
   Russia" meet (demonyms are read as the country: "Russian" is "Russia");
3. a known name after a country ("Ukraine's HUR", "Russian Interfax"), when the actor is
   based in that country;
4. a surname: a single word of four letters or more that is the last word of exactly one
   known person's name ("Peskov");
5. a guarded fuzzy match (``names.close_keys``) for small misspellings of longer names.

A mention made only of generic words ("the Legion", "Ministry of Defence", "the army")
never matches: it could be any of several actors. A name that is shared by two actors
matches neither; :meth:`ActorBase.candidates` lists both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from corroborate.errors import ConfigError
from corroborate.resolve.names import MIN_FUZZY_LENGTH, close_keys, name_key

KINDS = frozenset(
    {
        "armed_group",
        "military_unit",
        "ministry",
        "agency",
        "official",
        "outlet",
        "channel",
        "state",
        "organisation",
        "person",
    }
)
AFFILIATIONS = frozenset(
    {
        "russian_state",
        "ukrainian_state",
        "independent",
        "international_wire",
        "international",
        "foreign_state",
        "pro_russian",
        "pro_ukrainian",
    }
)
SIDES = frozenset({"russia", "ukraine", "none"})
PERSON_KINDS = frozenset({"official", "person"})
PACKAGED = "corroborate/data/actors.yaml"

_REQUIRED = ("id", "canonical", "kind", "affiliation", "side", "country")
_OPTIONAL = ("aliases", "note")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_FUZZY_THRESHOLD = 90.0
_CANDIDATE_CUTOFF = 75.0

# Words that name a kind of body, not a body: alone they fit too many actors.
_GENERIC_WORDS = """
    the a an of and s
    legion ministry minister group grouping army forces force troops military militia
    battalion brigade regiment corps division unit units detachment
    government defence defense service services staff general guard national office
    committee council fleet navy naval air airborne armed special operations agency
    intelligence security foreign affairs internal emergency emergencies border
    prosecutor prosecutors parliament president presidential administration governor
    mayor spokesman spokesperson spokeswoman commander chief head directorate main
    state people peoples republic region regional city news media channel
    telegram tv radio press volunteer volunteers assault mechanised mechanized separate
    infantry marines
"""
_GENERIC = frozenset(name_key(word) for word in _GENERIC_WORDS.split())
_LOOSE_DROP = frozenset(name_key(word) for word in ("the", "of", "and", "s"))
_DEMONYMS = {
    name_key(adjective): name_key(country)
    for adjective, country in (
        ("Russian", "Russia"),
        ("Ukrainian", "Ukraine"),
        ("Belarusian", "Belarus"),
        ("Chechen", "Chechnya"),
    )
}
# A country named before a name ("Ukraine's HUR", "Russian FSB") qualifies it.
_COUNTRY_WORDS = {name_key("Russia"): "RU", name_key("Ukraine"): "UA", name_key("Belarus"): "BY"}


@dataclass(frozen=True)
class Actor:
    """One known actor: its canonical English name, what it is, whose side it is on."""

    id: str
    canonical: str
    kind: str
    affiliation: str
    side: str
    country: str | None
    aliases: tuple[str, ...]
    note: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.canonical, *self.aliases)

    @property
    def is_person(self) -> bool:
        return self.kind in PERSON_KINDS


def _is_generic(key: str) -> bool:
    return all(word in _GENERIC for word in key.split())


def _loose_key(key: str) -> str:
    """Word order, "of" and demonym-vs-country left out: "rusia defence ministri"."""
    words = sorted(_DEMONYMS.get(w, w) for w in key.split() if w not in _LOOSE_DROP)
    return " ".join(words) if len(words) > 1 else ""


def _split_country(key: str) -> tuple[str, str] | None:
    """("UA", "hur") for "ukraine hur" or "ukrainian hur"; None without a country first."""
    first, _, rest = key.partition(" ")
    code = _COUNTRY_WORDS.get(_DEMONYMS.get(first, first))
    return (code, rest) if code and rest else None


def _looks_like_full_name(key: str) -> bool:
    """Two or three words and no title: "Kyiv mayor" must not make "mayor" a surname."""
    words = key.split()
    return 2 <= len(words) <= 3 and not any(w in _GENERIC for w in words)


def _person_group(kind: str | None) -> bool | None:
    """None: any actor; True: people only; False: everything but people."""
    if kind is None or kind == "unknown":
        return None
    return kind in PERSON_KINDS


class ActorBase:
    """Actors indexed by the keys of all their names."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self._actors: dict[str, Actor] = {actor.id: actor for actor in actors}
        self._matched: dict[tuple[str, str | None], Actor | None] = {}
        self._exact: dict[str, list[str]] = {}
        self._loose: dict[str, list[str]] = {}
        self._surnames: dict[str, list[str]] = {}
        for actor in self._actors.values():
            for name in actor.names:
                key = name_key(name)
                if not key:
                    continue
                _add(self._exact, key, actor.id)
                _add(self._loose, _loose_key(key), actor.id)
                if actor.is_person and _looks_like_full_name(key):
                    _add(self._surnames, key.split()[-1], actor.id)
        self._loose.pop("", None)
        self._fuzzy_keys = {
            group: [k for k, ids in self._exact.items() if self._in_group(ids, group)]
            for group in (None, True, False)
        }

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> ActorBase:
        """The packaged actors, then each user file in order (same id: the later wins)."""
        text = resources.files("corroborate").joinpath("data/actors.yaml").read_text("utf-8")
        actors = {actor.id: actor for actor in parse_actors(text, PACKAGED)}
        for path in extra:
            try:
                user_text = Path(path).read_text(encoding="utf-8")
            except OSError as exc:
                raise ConfigError(
                    f"{path}: cannot read the actor file ({exc.strerror or exc}); "
                    "check the path or remove it from the list of actor files"
                ) from exc
            for actor in parse_actors(user_text, str(path)):
                actors[actor.id] = actor
        return cls(actors.values())

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def get(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def match(self, mention: str, kind: str | None = None) -> Actor | None:
        """The one actor a mention names, or None when none or several fit (cached:
        the same names come back in article after article)."""
        cache_key = (mention, kind)
        if cache_key not in self._matched:
            if len(self._matched) > 50_000:
                self._matched.clear()
            found = self._match(mention, kind)
            adjectival = _adjectival(mention)
            if found is None and adjectival is not None:
                found = self._match(adjectival, kind)  # "Ukraine's military": "Ukrainian military"
            self._matched[cache_key] = found
        return self._matched[cache_key]

    def _match(self, mention: str, kind: str | None = None) -> Actor | None:
        """The one actor a mention names, or None when none or several fit.

        ``kind`` (an actor kind, or a mention kind such as "person" or "organisation")
        restricts the surname and fuzzy steps to people or to everything else; an exact
        name is trusted across kinds when only one actor has it, since entity labels are
        often wrong about organisations named after people ("Akhmat", "Wagner").
        """
        key = name_key(mention)
        if not key or _is_generic(key):
            return None
        group = _person_group(kind)
        for index, lookup in ((self._exact, key), (self._loose, _loose_key(key))):
            hit = self._pick(index.get(lookup, []), group)
            if hit is not None:
                return hit
        hit = self._pick(self._qualified(key), group)
        if hit is not None:
            return hit
        if group is not False and " " not in key and sum(c.isalpha() for c in key) >= 4:
            ids = self._surnames.get(key, [])
            if len(ids) == 1:
                return self._actors[ids[0]]
        return self._fuzzy(key, group)

    def candidates(
        self, mention: str, kind: str | None = None, limit: int = 5
    ) -> list[tuple[Actor, float]]:
        """Actors a mention may name, best first, with a score 0-100, for review.

        Unlike :meth:`match` this also lists shared names and near spellings that the
        look-alike guard rejects, so that a reviewer sees why nothing matched.
        """
        key = name_key(mention)
        if not key or _is_generic(key) or limit <= 0:
            return []
        group = _person_group(kind)
        scores: dict[str, float] = {}

        def offer(ids: Iterable[str], score: float) -> None:
            for actor_id in ids:
                if self._in_group([actor_id], group):
                    scores[actor_id] = max(scores.get(actor_id, 0.0), score)

        offer(self._exact.get(key, []), 100.0)
        offer(self._loose.get(_loose_key(key), []), 98.0)
        offer(self._qualified(key), 97.0)
        if " " not in key:
            offer(self._surnames.get(key, []), 95.0)
        found = process.extract(
            key,
            self._fuzzy_keys[group],
            scorer=fuzz.ratio,
            score_cutoff=_CANDIDATE_CUTOFF,
            limit=limit * 3,
        )
        for choice, score, _ in found:
            offer(self._exact[choice], float(score))
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [(self._actors[actor_id], score) for actor_id, score in ranked[:limit]]

    def _qualified(self, key: str) -> list[str]:
        """Actors of the named country whose name is the rest of the mention."""
        split = _split_country(key)
        if split is None or _is_generic(split[1]):
            return []
        code, rest = split
        return [i for i in self._exact.get(rest, []) if self._actors[i].country == code]

    def _pick(self, ids: Sequence[str], group: bool | None) -> Actor | None:
        if not ids:
            return None
        in_group = [i for i in ids if self._in_group([i], group)]
        chosen = in_group if in_group else list(ids)
        return self._actors[chosen[0]] if len(chosen) == 1 else None

    def _fuzzy(self, key: str, group: bool | None) -> Actor | None:
        if len(key) < MIN_FUZZY_LENGTH:
            return None
        found = process.extract(
            key,
            self._fuzzy_keys[group],
            scorer=fuzz.ratio,
            score_cutoff=_FUZZY_THRESHOLD,
            limit=10,
        )
        best: float | None = None
        winners: set[str] = set()
        for choice, score, _ in found:
            if not close_keys(key, choice, _FUZZY_THRESHOLD):
                continue
            ids = [i for i in self._exact[choice] if self._in_group([i], group)]
            if best is None or score > best:
                best, winners = score, set(ids)
            elif score == best:
                winners.update(ids)
        return self._actors[winners.pop()] if len(winners) == 1 else None

    def _in_group(self, ids: Iterable[str], group: bool | None) -> bool:
        return group is None or any(self._actors[i].is_person == group for i in ids)


def _add(index: dict[str, list[str]], key: str, actor_id: str) -> None:
    ids = index.setdefault(key, [])
    if actor_id not in ids:
        ids.append(actor_id)


@lru_cache(maxsize=1)
def _packaged() -> ActorBase:
    return ActorBase.load()


def load_actors(extra: Sequence[Path] = ()) -> ActorBase:
    """The actor base; the packaged-only base is built once and shared."""
    return ActorBase.load(extra) if extra else _packaged()


def parse_actors(text: str, source: str) -> list[Actor]:
    """Actors from the text of an actor file; ``source`` names it in error messages."""
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(
            f"{source}: not valid YAML{where}: {problem}; fix the syntax (quote a name "
            "that holds ':', ',', '[' or ']')"
        ) from exc
    if not isinstance(data, Mapping) or "actors" not in data:
        raise ConfigError(
            f"{source}: expected a mapping with 'version: 1' and an 'actors:' list; "
            "see the packaged actors.yaml for the format"
        )
    version = data.get("version", 1)
    if version != 1:
        raise ConfigError(f"{source}: field 'version': {version!r} is not supported; use 1")
    entries = data["actors"]
    if not isinstance(entries, list):
        raise ConfigError(f"{source}: field 'actors': expected a list of actor entries")
    actors: list[Actor] = []
    seen: set[str] = set()
    for position, entry in enumerate(entries, start=1):
        actor = _parse_entry(entry, source, position)
        if actor.id in seen:
            raise ConfigError(
                f"{source}: actor '{actor.id}' (entry {position}): field 'id': the id is "
                "used twice in this file; give each entry its own id or merge them"
            )
        seen.add(actor.id)
        actors.append(actor)
    return actors


def _parse_entry(entry: Any, source: str, position: int) -> Actor:
    where = f"{source}: entry {position}"
    if not isinstance(entry, Mapping):
        raise ConfigError(f"{where}: expected a mapping of fields (id, canonical, kind, ...)")
    raw_id = entry.get("id")
    if isinstance(raw_id, str) and raw_id:
        where = f"{source}: actor '{raw_id}' (entry {position})"

    def fail(field: str, problem: str) -> ConfigError:
        return ConfigError(f"{where}: field '{field}': {problem}")

    unknown = sorted(str(k) for k in entry if k not in _REQUIRED + _OPTIONAL)
    if unknown:
        raise fail(unknown[0], f"unknown field; the fields are {', '.join(_REQUIRED + _OPTIONAL)}")
    for field in _REQUIRED:
        if field not in entry:
            raise fail(field, "missing; every actor needs " + ", ".join(_REQUIRED))
    values: dict[str, str] = {}
    for field in ("id", "canonical", "kind", "affiliation", "side"):
        value = entry[field]
        if not isinstance(value, str) or not value.strip():
            raise fail(field, f"expected a non-empty text, found {value!r}")
        values[field] = value.strip()
    if not _ID.match(values["id"]):
        raise fail("id", f"{values['id']!r} is not snake_case; use e.g. 'ru_mod'")
    for field, allowed in (("kind", KINDS), ("affiliation", AFFILIATIONS), ("side", SIDES)):
        if values[field] not in allowed:
            raise fail(
                field, f"{values[field]!r} is not known; use one of {', '.join(sorted(allowed))}"
            )
    country = entry["country"]
    if country is not None and not (isinstance(country, str) and _COUNTRY.match(country)):
        raise fail(
            "country",
            f"{country!r} is not a two-letter ISO code; write e.g. RU, or null "
            "(quote NO for Norway: YAML reads a bare NO as false)",
        )
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise fail(
            "aliases",
            "expected a list of names such as [RDK, РДК]; quote a name YAML reads as a number",
        )
    note = entry.get("note")
    if note is not None and not isinstance(note, str):
        raise fail("note", f"expected a text, found {note!r}")
    return Actor(
        id=values["id"],
        canonical=values["canonical"],
        kind=values["kind"],
        affiliation=values["affiliation"],
        side=values["side"],
        country=country,
        aliases=tuple(a.strip() for a in aliases if a.strip()),
        note=note,
    )


# Countries of the war and their adjectives: "Ukraine's army" is the "Ukrainian army".
_ADJECTIVES = {
    "ukraine": "Ukrainian",
    "russia": "Russian",
    "belarus": "Belarusian",
    "poland": "Polish",
    "moldova": "Moldovan",
    "georgia": "Georgian",
}
_POSSESSIVE = re.compile(r"^(?:the\s+)?(\w+)['’]s\s+(.+)$", re.IGNORECASE)


def _adjectival(mention: str) -> str | None:
    """ "Ukraine's military" as "Ukrainian military", for the names the base knows."""
    match = _POSSESSIVE.match(mention.strip())
    if match is None or match.group(1).lower() not in _ADJECTIVES:
        return None
    return f"{_ADJECTIVES[match.group(1).lower()]} {match.group(2)}"
