"""GeoNames dumps: reading the geoname table and loading it into a gazetteer index.

tests/fixtures/geo/XX.txt is a dump written for these tests (XX.zip holds it and a
readme, as GeoNames' own archives do): a new settlement, a settlement the cities file
has, a first-level division of Russia, one of Belarus, a district, three features the
gazetteer passes over, and two malformed lines.
"""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.errors import InputError
from corroborate.geo import Gazetteer, build_gazetteer
from corroborate.geo import build as build_module
from corroborate.geo import dump as dump_module
from corroborate.geo import gazetteer as gazetteer_module
from corroborate.geo.dump import DumpReader

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "geo"
DUMP_TXT = FIXTURES / "XX.txt"
DUMP_ZIP = FIXTURES / "XX.zip"
KEPT = [
    (9100001, "settlement"),
    (483166, "settlement"),
    (538555, "adm1"),
    (628035, "adm1"),
    (9100002, "adm2"),
]


@pytest.fixture
def index(tmp_path: Path) -> Path:
    path = tmp_path / "g.sqlite"
    build_gazetteer(path, cities_json=FIXTURES / "cities.json", regions=FIXTURES / "regions.yaml")
    return path


def _count(path: Path, sql: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(sql).fetchone()[0])


@pytest.mark.parametrize("dump", [DUMP_TXT, DUMP_ZIP])
def test_geo_dump_reader_keeps_places_and_counts_bad_lines(dump: Path) -> None:
    reader = DumpReader(dump)
    places = list(reader.places())
    assert [(p.row[0], p.kind) for p in places] == KEPT
    assert reader.skipped == 2
    sudzha = places[0]
    assert sudzha.row == (9100001, "Sudzha", "RU", "41", 5700, 51.19055, 35.27088, "settlement")
    assert sudzha.names == ["Sudzha", "Sudzha", "Sudja", "Sudža", "Суджа"]
    assert reader.total_bytes() == DUMP_TXT.stat().st_size


def test_geo_dump_reader_reports_bytes_read(tmp_path: Path) -> None:
    heard: list[int] = []
    list(DumpReader(DUMP_TXT).places(heard.append))
    assert sum(heard) == DUMP_TXT.stat().st_size


def test_geo_dump_bad_files_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.zip.*no such file"):
        DumpReader(tmp_path / "missing.zip").total_bytes()
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("a.txt", "")
        handle.writestr("b.txt", "")
    with pytest.raises(InputError, match=r"two\.zip.*a\.txt, b\.txt"):
        list(DumpReader(archive).places())


def test_geo_dump_added_places_are_found(index: Path) -> None:
    with Gazetteer.open(index, build_if_missing=False) as gazetteer:
        before = _count(index, "SELECT count(*) FROM places")
        stats = gazetteer.add_dump(DUMP_ZIP)
        assert (stats.added, stats.skipped, stats.path) == (5, 2, DUMP_ZIP)
        [sudzha] = gazetteer.lookup("Суджа")
        assert (sudzha.id, sudzha.admin1_name, sudzha.precision) == (
            9100001,
            "Kursk Oblast",
            "settlement",
        )
        # A place the cities file has is updated, not doubled, and gains the dump's names.
        assert [p.id for p in gazetteer.lookup("Tetkino-Posad")] == [483166]
        # Russia's first-level division lends its names to the hand-written region.
        [kursk] = gazetteer.regions_named("Kurská oblast")
        assert kursk.id < 0 and kursk.name == "Kursk Oblast"
        gomel = gazetteer.region("BY", "02")
        assert gomel is not None and (gomel.id, gomel.name) == (628035, "Gomel Region")
        assert gazetteer.regions_named("Гомельская область") == [gomel]
        [district] = gazetteer.lookup("Sudzhansky District")
        assert (district.precision, district.admin1_name) == ("region", "Kursk Oblast")
        assert gazetteer.lookup("Hotel Kursk") == gazetteer.lookup("Seym") == []
        assert gazetteer.info().dumps == [str(DUMP_ZIP.resolve())]
    # New: Sudzha, the district, Gomel Region; Tëtkino replaced; Kursk Oblast merged.
    assert _count(index, "SELECT count(*) FROM places") == before + 3


def test_geo_dump_loading_twice_changes_nothing(index: Path) -> None:
    with Gazetteer.open(index, build_if_missing=False) as gazetteer:
        gazetteer.add_dump(DUMP_TXT)
        counts = [_count(index, f"SELECT count(*) FROM {t}") for t in ("places", "names")]
        gazetteer.add_dump(DUMP_TXT)
        assert [_count(index, f"SELECT count(*) FROM {t}") for t in ("places", "names")] == counts
        assert gazetteer.info().dumps == [str(DUMP_TXT.resolve())]


def test_geo_dump_interrupted_load_changes_nothing(
    index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = dump_module._parse
    calls = 0

    def failing(line: bytes) -> dump_module.DumpPlace | None:
        nonlocal calls
        calls += 1
        if calls == 4:
            raise KeyboardInterrupt
        return original(line)

    monkeypatch.setattr(dump_module, "_parse", failing)
    monkeypatch.setattr(gazetteer_module, "_BATCH", 1)  # write each place as it comes
    with Gazetteer.open(index, build_if_missing=False) as gazetteer:
        before = _count(index, "SELECT count(*) FROM places")
        with pytest.raises(KeyboardInterrupt):
            gazetteer.add_dump(DUMP_TXT, progress=True)
        assert gazetteer.lookup("Sudzha") == []
        assert gazetteer.info().dumps == []
    assert _count(index, "SELECT count(*) FROM places") == before


def test_geo_dump_survives_a_rebuild(index: Path, tmp_path: Path) -> None:
    dump = tmp_path / "RU.txt"
    dump.write_bytes(DUMP_TXT.read_bytes())
    gone = tmp_path / "UA.txt"
    gone.write_bytes(DUMP_TXT.read_bytes())
    with Gazetteer.open(index, build_if_missing=False) as gazetteer:
        gazetteer.add_dump(dump)
        gazetteer.add_dump(gone)
    gone.unlink()
    with sqlite3.connect(index) as conn:
        conn.execute("UPDATE meta SET value = 'older' WHERE key = 'key_fingerprint'")
    with Gazetteer.open(index) as gazetteer:
        assert [p.id for p in gazetteer.lookup("Sudzha")] == [9100001]
        assert gazetteer.info().dumps == [str(dump.resolve())]
        assert build_module.inspect_index(index).problem is None


def test_geo_dump_cli_add_prints_counts(
    index: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CORROBORATE_DATA_DIR", str(index.parent))
    index.rename(index.with_name("gazetteer-v1.sqlite"))
    result = CliRunner().invoke(main, ["gazetteer", "add", str(DUMP_TXT)])
    assert result.exit_code == 0, result.output
    assert f"{DUMP_TXT}: 5 places added or updated, 2 malformed lines skipped" in result.output
    missing = CliRunner().invoke(main, ["gazetteer", "add", str(tmp_path / "nope.zip")])
    assert missing.exit_code == 2
    assert "nope.zip: no such file" in missing.output
