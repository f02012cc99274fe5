"""The offline gazetteer: places by name, regions by their many names, countries.

An index (one SQLite file, built once by :func:`build_gazetteer`) holds GeoNames
settlements, the first-level regions of Russia and Ukraine, the states of the United
States, the countries, and every name each goes by under its
:func:`corroborate.resolve.names.name_key`. Opening an index reads nothing but its
header; each query reads only the rows it returns.

The index lives in the user's data folder (``CORROBORATE_DATA_DIR`` overrides it). It is
built on first use, and built again when it was made by another schema version or by a
``name_key`` that folds names differently, since stale keys would make lookups miss.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Literal

import platformdirs

from corroborate.errors import ConfigError, CorroborateError
from corroborate.geo.build import (
    INSERT_NAME,
    INSERT_PLACE,
    build_gazetteer,
    inspect_index,
    keys_of,
    read_meta,
    recorded_dumps,
    refresh_regions,
    write_meta,
)
from corroborate.geo.dump import DumpReader, DumpStats, PlaceRow, progress_bar
from corroborate.resolve.names import name_key

logger = logging.getLogger(__name__)

Precision = Literal["settlement", "region", "country"]
# The name stays when the schema changes: the stale index is rebuilt in place, and the
# dumps it held are loaded again, instead of being left behind in a file of its own.
INDEX_FILE = "gazetteer-v1.sqlite"
_PRECISION: dict[str, Precision] = {
    "settlement": "settlement",
    "adm1": "region",
    "adm2": "region",
    "country": "country",
}
# Words that make a name a region ("Kharkov region", "Харьковская обл.").
_REGION_WORDS = ("region", "oblast", "obl", "province", "krai", "kray", "territory", "область")
_BATCH = 20_000
# Remembered query answers; past this many (a long batch of varied places) they are
# dropped and gathered again.
_MAX_ANSWERS = 50_000
_MOVE = "UPDATE places SET lat = ?, lon = ? WHERE id = ?"

# A place with the English name of its region: the region the build made first (lowest,
# negative id), else a first-level division loaded from a dump.
_SELECT = """
SELECT p.id, p.name, p.country, p.admin1,
    (SELECT r.name FROM places r
     WHERE r.kind = 'adm1' AND r.country = p.country AND r.admin1 = p.admin1
     ORDER BY r.id LIMIT 1),
    p.population, p.lat, p.lon, p.kind
FROM places p
"""
_ORDER = " ORDER BY p.population DESC, p.id"


@dataclass(frozen=True)
class GazPlace:
    """A place of the gazetteer."""

    id: int  # GeoNames id; regions the build makes have a stable negative id
    name: str  # GeoNames' main name; for regions and countries the English name
    country: str  # ISO 3166 alpha-2
    admin1: str | None  # GeoNames admin1 code
    admin1_name: str | None  # English name of that region, when the index knows it
    population: int
    lat: float
    lon: float
    precision: Precision


@cache
def _region_word_keys() -> frozenset[str]:
    return frozenset(name_key(word) for word in _REGION_WORDS)


def default_index_path() -> Path:
    """Where the index lives: ``$CORROBORATE_DATA_DIR`` or the user's data folder."""
    folder = os.environ.get("CORROBORATE_DATA_DIR") or platformdirs.user_data_dir("corroborate")
    return Path(folder) / INDEX_FILE


def _existing(path: str | None) -> Path | None:
    return Path(path) if path and Path(path).is_file() else None


@dataclass(frozen=True)
class GazetteerInfo:
    """What an index holds, for ``corroborate gazetteer info``."""

    path: Path
    size_bytes: int
    places: dict[str, int]
    names: int
    built_at: str
    cities_json: str
    regions: str
    dumps: list[str]


class Gazetteer:
    """An open index. Use :meth:`open`; close it, or use it as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        # Articles name the same few places again and again: answers are kept until the
        # index changes (another connection's commit moves ``data_version``; this
        # connection's own loads clear them).
        self._answers: dict[tuple[str, tuple[object, ...]], tuple[GazPlace, ...]] = {}
        self._data_version: object = None

    @classmethod
    def open(
        cls, path: Path | None = None, *, build_if_missing: bool = True, progress: bool = False
    ) -> Gazetteer:
        """Open the index at ``path`` (default :func:`default_index_path`).

        A missing or stale index is built first when ``build_if_missing`` is true, else
        ConfigError. A file that is not a gazetteer is never touched: ConfigError.
        """
        target = path or default_index_path()
        state = inspect_index(target)
        if state.problem is not None:
            if not build_if_missing:
                raise ConfigError(
                    f"{target}: {state.problem}; run `corroborate gazetteer build` to build it"
                )
            logger.info("%s: %s; building the gazetteer", target, state.problem)
            # Rebuild from the sources of the stale index, when they are still there.
            cities, regions = (_existing(state.meta.get(key)) for key in ("cities_json", "regions"))
            build_gazetteer(target, cities, regions, progress=progress)
        try:
            conn = sqlite3.connect(target, isolation_level=None, timeout=30.0)
        except sqlite3.Error as exc:
            raise ConfigError(f"{target}: cannot open the gazetteer ({exc})") from exc
        gazetteer = cls(conn, target)
        gazetteer._load_pending(progress)
        return gazetteer

    def _load_pending(self, progress: bool) -> None:
        """Load again the dumps a rebuilt index inherited from the one it replaced."""
        for pending in recorded_dumps(read_meta(self._conn), "pending_dumps"):
            try:
                self.add_dump(Path(pending), progress=progress)
            except CorroborateError as exc:
                logger.warning("%s: not loaded again into the rebuilt gazetteer: %s", pending, exc)
                self._record_dump(pending, keep=False)

    def _record_dump(self, path: str, keep: bool) -> None:
        meta = read_meta(self._conn)
        pending = [p for p in recorded_dumps(meta, "pending_dumps") if p != path]
        dumps = [p for p in recorded_dumps(meta) if p != path] + ([path] if keep else [])
        write_meta(self._conn, {"dumps": json.dumps(dumps), "pending_dumps": json.dumps(pending)})

    def _places(self, where: str, params: tuple[object, ...]) -> list[GazPlace]:
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version or len(self._answers) >= _MAX_ANSWERS:
            self._answers.clear()
            self._data_version = version
        answer = self._answers.get((where, params))
        if answer is None:
            answer = self._answers[(where, params)] = tuple(self._query(where, params))
        return list(answer)

    def _query(self, where: str, params: tuple[object, ...]) -> list[GazPlace]:
        rows = self._conn.execute(_SELECT + where, params).fetchall()
        return [
            GazPlace(
                id=row[0],
                name=row[1],
                country=row[2],
                admin1=row[3],
                admin1_name=row[4],
                population=row[5],
                lat=row[6],
                lon=row[7],
                precision=_PRECISION[row[8]],
            )
            for row in rows
        ]

    def lookup(self, name: str, country: str | None = None) -> list[GazPlace]:
        """Every place one of whose names has the key of ``name``, most populous first."""
        key = name_key(name)
        if not key:
            return []
        where = " JOIN names n ON n.place_id = p.id WHERE n.key = ?"
        if country is None:
            return self._places(where + _ORDER, (key,))
        return self._places(where + " AND p.country = ?" + _ORDER, (key, country.upper()))

    def has_id(self, place_id: int) -> bool:
        """Is the place with this GeoNames id in the index?"""
        row = self._conn.execute("SELECT 1 FROM places WHERE id = ?", (place_id,)).fetchone()
        return row is not None

    def region(self, country: str, admin1: str) -> GazPlace | None:
        """The first-level region with this admin1 code."""
        found = self._places(
            " WHERE p.kind = 'adm1' AND p.country = ? AND p.admin1 = ? ORDER BY p.id LIMIT 1",
            (country.upper(), admin1),
        )
        return found[0] if found else None

    def regions_named(self, name: str) -> list[GazPlace]:
        """The first-level regions a phrase names, most populous first.

        "Kursk Oblast", "Kursk region", "Курская область", "Kurskaya oblast" are names of
        the region. Failing those, "<town> region" (any generic word: region, oblast,
        province, krai, territory) names the region whose capital the town is, so
        "Kharkov oblast" finds Kharkiv Oblast through the city's names.
        """
        key = name_key(name)
        if not key:
            return []
        join = " JOIN names n ON n.place_id = p.id WHERE n.key = ? AND p.kind = 'adm1'"
        found = self._places(join + _ORDER, (key,))
        words = key.split()
        if found or len(words) < 2 or words[-1] not in _region_word_keys():
            return found
        stem = " ".join(words[:-1])
        by_capital = (
            " JOIN capitals c ON c.region_id = p.id JOIN names n ON n.place_id = c.capital_id"
            " WHERE n.key = ?"
        )
        found = self._places(by_capital + _ORDER, (stem,)) or self._places(join + _ORDER, (stem,))
        return found

    def country(self, code_or_name: str) -> GazPlace | None:
        """A country by ISO alpha-2 or alpha-3 code, or by name in any language indexed."""
        text = code_or_name.strip()
        if text.isascii() and text.isalpha() and len(text) in (2, 3):
            column = "code" if len(text) == 2 else "iso3"
            found = self._places(
                f" JOIN countries c ON c.place_id = p.id WHERE c.{column} = ?", (text.upper(),)
            )
            if found:
                return found[0]
        key = name_key(text)
        found = self._places(
            " JOIN names n ON n.place_id = p.id WHERE n.key = ? AND p.kind = 'country'"
            + _ORDER
            + " LIMIT 1",
            (key,),
        )
        return found[0] if found else None

    def add_dump(self, path: Path, progress: bool = False) -> DumpStats:
        """Load a GeoNames dump: its settlements and divisions join the index.

        A place already indexed is updated; a first-level division of Russia or Ukraine,
        or a US state, lends its names to the region the build made. A country of the
        index moves to the position GeoNames gives it (near its middle) and gains its
        names; a country the index lacks is passed over. The load is one transaction: an
        interrupted load changes nothing.
        """
        reader = DumpReader(path)
        self._answers.clear()
        regions = {
            (country, admin1): rid
            for rid, country, admin1 in self._conn.execute(
                "SELECT id, country, admin1 FROM places WHERE id < 0 AND kind = 'adm1'"
            )
        }
        countries = {row[0] for row in self._conn.execute("SELECT place_id FROM countries")}
        added = 0
        places: list[PlaceRow] = []
        names: list[tuple[str, int]] = []
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            with progress_bar(f"loading {path.name}", progress) as bar:
                task = bar.add_task("dump", total=reader.total_bytes())
                for place in reader.places(lambda n: bar.advance(task, n)):
                    row = place.row
                    keys = keys_of(place.names)
                    target: int | None = None
                    if place.kind == "country":
                        if row[0] not in countries:
                            continue  # the index's countries come with their ISO codes
                        target = row[0]
                        self._conn.execute(_MOVE, (row[5], row[6], row[0]))
                    elif place.kind == "adm1":
                        # A division's code is no name of it: "MN", "CA" mean much else.
                        keys.discard(name_key(row[3] or ""))
                        target = regions.get((row[2], row[3] or ""))
                    if target is None:
                        places.append(row)
                    names.extend((key, target or row[0]) for key in keys)
                    added += 1
                    if len(names) >= _BATCH:
                        self._write(places, names)
                self._write(places, names)
            refresh_regions(self._conn)
            self._record_dump(str(path.resolve()), keep=True)
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        finally:
            self._answers.clear()
        return DumpStats(added=added, skipped=reader.skipped, path=path)

    def _write(self, places: list[PlaceRow], names: list[tuple[str, int]]) -> None:
        self._conn.executemany(INSERT_PLACE, places)
        self._conn.executemany(INSERT_NAME, names)
        places.clear()
        names.clear()

    def info(self) -> GazetteerInfo:
        """Counts and provenance of the index (counting reads the whole name table)."""
        meta = read_meta(self._conn)
        kinds = dict(self._conn.execute("SELECT kind, count(*) FROM places GROUP BY kind"))
        return GazetteerInfo(
            path=self.path,
            size_bytes=self.path.stat().st_size,
            places={str(kind): int(count) for kind, count in kinds.items()},
            names=self._conn.execute("SELECT count(*) FROM names").fetchone()[0],
            built_at=meta.get("built_at", "?"),
            cities_json=meta.get("cities_json", "?"),
            regions=meta.get("regions", "?"),
            dumps=recorded_dumps(meta),
        )

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
