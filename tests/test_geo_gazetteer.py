"""The gazetteer index: building it, finding places, regions and countries, keeping it fresh.

Every index here is built from the small hand-written files under tests/fixtures/geo/.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.errors import ConfigError
from corroborate.geo import Gazetteer, GazPlace, build_gazetteer, default_index_path
from corroborate.geo import build as build_module

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "geo"
CITIES = FIXTURES / "cities.json"
REGIONS = FIXTURES / "regions.yaml"


def _build(path: Path, regions: Path = REGIONS, cities: Path = CITIES) -> Path:
    build_gazetteer(path, cities_json=cities, regions=regions)
    return path


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gazetteer]:
    path = _build(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite")
    with Gazetteer.open(path, build_if_missing=False) as opened:
        yield opened


@pytest.fixture
def fixture_sources(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Default sources are the fixtures and the data folder is a temporary one."""
    monkeypatch.setattr(build_module, "default_cities_path", lambda: CITIES)
    monkeypatch.setattr(build_module, "default_regions_path", lambda: REGIONS)
    monkeypatch.setenv("CORROBORATE_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "gazetteer-v1.sqlite"


def _write_regions(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "regions.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def _ids(places: list[GazPlace]) -> list[int]:
    return [place.id for place in places]


def test_geo_gazetteer_lookup_folds_spellings_and_scripts(gazetteer: Gazetteer) -> None:
    for spelling in ("Tjotkino", "Tyotkino", "Tëtkino", "T'otkino", "Тёткино", "Тьоткіно"):
        [place] = gazetteer.lookup(spelling)
        assert place.id == 483166, spelling
    assert place.admin1 == "41"
    assert place.admin1_name == "Kursk Oblast"
    assert place.precision == "settlement"
    assert (place.lat, place.lon) == (51.28128, 34.29382)


def test_geo_gazetteer_lookup_most_populous_first(gazetteer: Gazetteer) -> None:
    kirovs = gazetteer.lookup("Kirov")
    assert [(p.population, p.admin1_name) for p in kirovs] == [
        (507155, "Kirov Oblast"),
        (39319, "Kaluga Oblast"),
    ]
    assert gazetteer.lookup("Kirov", country="ua") == []
    assert _ids(gazetteer.lookup("Киров", country="RU")) == _ids(kirovs)


def test_geo_gazetteer_lookup_exonyms_and_namesakes(gazetteer: Gazetteer) -> None:
    assert _ids(gazetteer.lookup("Beograd")) == [792680]
    kyiv = gazetteer.lookup("Kiev")
    assert {(p.id, p.precision) for p in kyiv} >= {(703448, "settlement")}
    assert {p.name for p in kyiv} == {"Kyiv"}
    # Bilhorod-Dnistrovskyi is not Belgorod, whatever the shared "city" root.
    assert _ids(gazetteer.lookup("Bilhorod-Dnistrovskyi")) == [712160]
    assert _ids(gazetteer.lookup("Belgorod")) == [578072]
    assert gazetteer.lookup("") == []
    assert gazetteer.lookup("Atlantis") == []


@pytest.mark.parametrize(
    "phrase",
    [
        "Kursk Oblast",
        "Kursk region",
        "the Kursk region",
        "Kursk province",
        "Kursk oblast'",
        "Курская область",
        "Kurskaya oblast",
        "Курська область",
        "Курская обл.",
        "Курщина",
    ],
)
def test_geo_gazetteer_regions_named_forms(gazetteer: Gazetteer, phrase: str) -> None:
    [region] = gazetteer.regions_named(phrase)
    assert (region.name, region.country, region.admin1) == ("Kursk Oblast", "RU", "41")
    assert region.precision == "region"
    assert region.id < 0


def test_geo_gazetteer_regions_named_through_capital(gazetteer: Gazetteer) -> None:
    # No name of the region is "Vyatka region": it is found as the region whose capital
    # (Kirov) has "Vyatka" among its names.
    assert [r.name for r in gazetteer.regions_named("Vyatka region")] == ["Kirov Oblast"]
    assert [r.name for r in gazetteer.regions_named("Kharkov oblast")] == ["Kharkiv Oblast"]
    assert [r.name for r in gazetteer.regions_named("Odessa region")] == ["Odesa Oblast"]
    # A listed alias wins over the capital: Kyiv is the centre of two regions.
    assert [r.name for r in gazetteer.regions_named("Kiev region")] == ["Kyiv Oblast"]
    assert gazetteer.regions_named("Kursk") == []
    assert gazetteer.regions_named("Tetkino region") == []  # not a capital
    assert gazetteer.regions_named("Vyatka") == []
    assert gazetteer.regions_named("Narnia region") == []


def test_geo_gazetteer_region_by_code_and_locator(gazetteer: Gazetteer) -> None:
    kursk = gazetteer.region("RU", "41")
    assert kursk is not None and kursk.name == "Kursk Oblast"
    assert kursk.id == build_module.region_id("RU", "41")
    # Kyiv (the city) is the centre of Kyiv Oblast but a region of its own; the locator
    # gives the oblast its code.
    oblast, city = gazetteer.region("UA", "13"), gazetteer.region("UA", "12")
    assert oblast is not None and oblast.name == "Kyiv Oblast"
    assert city is not None and city.name == "Kyiv"
    assert gazetteer.region("RU", "99") is None


def test_geo_gazetteer_region_centre_weighted_by_root_population(gazetteer: Gazetteer) -> None:
    towns = [(345289, 50.61074, 36.58015), (40000, 50.41, 36.89), (6000, 50.48, 35.68)]
    total = sum(math.sqrt(pop) for pop, _, _ in towns)
    lat = sum(math.sqrt(pop) * la for pop, la, _ in towns) / total
    lon = sum(math.sqrt(pop) * lo for pop, _, lo in towns) / total
    region = gazetteer.region("RU", "09")
    assert region is not None
    assert region.lat == pytest.approx(lat, abs=0.01)
    assert region.lon == pytest.approx(lon, abs=0.01)
    assert region.population == 345289 + 40000 + 6000


def test_geo_gazetteer_country_by_code_or_name(gazetteer: Gazetteer) -> None:
    for query in ("Russia", "RU", "ru", "RUS", "Россия", "Росія", "Russian Federation"):
        found = gazetteer.country(query)
        assert found is not None and found.country == "RU", query
    russia = gazetteer.country("Russia")
    assert russia is not None and russia.precision == "country"
    # Not the capital (Moscow, 55.75 N 37.62 E): the middle of the 5th-95th percentile
    # range of the 11 Russian settlements, which falls halfway between the lowest two
    # and halfway between the highest two.
    lats = sorted([51.28128, 51.73733, 51.56, 50.61074, 50.41, 50.48, 50.55, 55.75222])
    lats = sorted([*lats, 58.59665, 54.079, 54.5293])
    lons = sorted([34.29382, 36.18735, 34.68, 36.58015, 36.89, 35.68, 35.9, 37.61556])
    lons = sorted([*lons, 49.66007, 34.3076, 36.27542])
    for got, values in ((russia.lat, lats), (russia.lon, lons)):
        low, high = (values[0] + values[1]) / 2, (values[-2] + values[-1]) / 2
        assert got == pytest.approx((low + high) / 2, abs=1e-5)
    for query in ("Україна", "Украина", "Ukraine", "UA"):
        found = gazetteer.country(query)
        assert found is not None and found.name == "Ukraine", query
    assert gazetteer.country("Atlantis") is None
    # A country with no place in the cities file cannot be placed, so it is left out.
    assert gazetteer.country("France") is None


def _city(gid: int, country: str, lat: float, lon: float) -> str:
    record = f'"name": "P{gid}", "latitude": {lat}, "longitude": {lon}, "countrycode": "{country}"'
    return f'"{gid}": {{"geonameid": {gid}, {record}, "population": 1000, "admin1code": "01"}}'


def test_geo_gazetteer_country_centre_across_the_180th_meridian(tmp_path: Path) -> None:
    # Fiji: 19 settlements from 178 E to 178.4 W, and two outliers the percentiles drop.
    spans = [(-18.0 + 0.1 * n, 178.0 + 0.2 * n) for n in range(19)]
    points = [(-30.0, 170.0), *spans, (-5.0, 190.0)]
    records = [
        _city(9500000 + n, "FJ", lat, (lon + 180) % 360 - 180)
        for n, (lat, lon) in enumerate(points)
    ]
    cities = tmp_path / "cities.json"
    cities.write_text("{" + ",".join(records) + "}", encoding="utf-8")
    path = _build(tmp_path / "g.sqlite", _write_regions(tmp_path, "regions: []\n"), cities)
    with Gazetteer.open(path, build_if_missing=False) as gazetteer:
        fiji = gazetteer.country("FJ")
    assert fiji is not None
    # Halfway between -18.0 and -16.2, and between 178.0 E and 181.6 E (178.4 W).
    assert fiji.lat == pytest.approx(-17.1)
    assert fiji.lon == pytest.approx(179.8)


def test_geo_gazetteer_us_state_found_by_name(gazetteer: Gazetteer) -> None:
    [minnesota] = gazetteer.regions_named("Minnesota")
    assert (minnesota.name, minnesota.country, minnesota.admin1) == ("Minnesota", "US", "MN")
    assert (minnesota.precision, minnesota.admin1_name) == ("region", "Minnesota")
    assert minnesota.id == build_module.region_id("US", "MN")
    for name in ("State of Minnesota", "the State of Minnesota", "Minnesota State"):
        assert gazetteer.regions_named(name) == [minnesota], name
    # lookup sees the state among a name's candidates, whatever their kind.
    assert gazetteer.lookup("Minnesota") == [minnesota]
    assert gazetteer.region("US", "MN") == minnesota
    [minneapolis] = gazetteer.lookup("Minneapolis")
    assert minneapolis.admin1_name == "Minnesota"
    # Placed as the Russian regions are: its settlements, weighted by root population.
    towns = [(410939, 44.97997, -93.26384), (86110, 46.78327, -92.10658)]
    total = sum(math.sqrt(pop) for pop, _, _ in towns)
    lat = sum(math.sqrt(pop) * la for pop, la, _ in towns) / total
    lon = sum(math.sqrt(pop) * lo for pop, _, lo in towns) / total
    assert minnesota.lat == pytest.approx(lat, abs=0.01)
    assert minnesota.lon == pytest.approx(lon, abs=0.01)
    assert minnesota.population == 410939 + 86110
    # No settlement of Texas in the cities file: the state cannot be placed, so it is not there.
    assert gazetteer.regions_named("Texas") == gazetteer.lookup("Texas") == []
    assert {r.name for r in (gazetteer.region("US", c) for c in ("NY", "CA")) if r} == {
        "New York",
        "California",
    }


def _dump_line(
    gid: int, name: str, alternates: str, lat: float, lon: float, code: str, area: str
) -> str:
    country, admin1 = area.split(".")
    cols = [str(gid), name, name, alternates, str(lat), str(lon), "A", code, country, "", admin1]
    return "\t".join([*cols, "", "", "", "0", "", "", "", "2024-01-01"]) + "\n"


def test_geo_gazetteer_us_postal_codes_are_not_names(tmp_path: Path) -> None:
    minnesota = _dump_line(5037779, "Minnesota", "MN,Minesota", 46.25, -94.25, "ADM1", "US.MN")
    dump = tmp_path / "US.txt"
    dump.write_text(minnesota, encoding="utf-8")
    with Gazetteer.open(_build(tmp_path / "g.sqlite"), build_if_missing=False) as gazetteer:
        assert gazetteer.lookup("MN") == gazetteer.regions_named("MN") == []
        gazetteer.add_dump(dump)
        # The division lends its names to the state, but not its code.
        [state] = gazetteer.regions_named("Minesota")
        assert state.id == build_module.region_id("US", "MN")
        assert gazetteer.lookup("MN") == gazetteer.regions_named("MN") == []


def test_geo_gazetteer_dump_moves_country_to_geonames_centre(tmp_path: Path) -> None:
    dump = tmp_path / "countries.txt"
    dump.write_text(
        _dump_line(6252001, "United States", "USA,Amerika", 39.76, -98.5, "PCLI", "US.00")
        + _dump_line(3017382, "France", "Frankreich", 46.0, 2.0, "PCLI", "FR.00"),
        encoding="utf-8",
    )
    with Gazetteer.open(_build(tmp_path / "g.sqlite"), build_if_missing=False) as gazetteer:
        before = gazetteer.country("US")
        # Placed among the fixture's four US cities until GeoNames' record moves it.
        assert before is not None and (before.lat, before.lon) != (39.76, -98.5)
        gazetteer.add_dump(dump)
        moved = gazetteer.country("Amerika")
        assert moved is not None and (moved.id, moved.lat, moved.lon) == (6252001, 39.76, -98.5)
        # A country the index lacks (no settlement in the cities file) is not added.
        assert gazetteer.country("France") is None and gazetteer.lookup("Frankreich") == []


def test_geo_gazetteer_missing_capital_names_the_region(tmp_path: Path) -> None:
    regions = _write_regions(
        tmp_path,
        "regions:\n  - {country: RU, name: Kursk Oblast, capital: Kurks, ru: x, uk: y}\n",
    )
    with pytest.raises(ConfigError, match=r"Kursk Oblast.*'Kurks'"):
        _build(tmp_path / "out" / "g.sqlite", regions=regions)
    assert list((tmp_path / "out").iterdir()) == []


def test_geo_gazetteer_two_regions_on_one_code_is_an_error(tmp_path: Path) -> None:
    regions = _write_regions(
        tmp_path,
        "regions:\n"
        "  - {country: UA, name: Kyiv, capital: Kyiv, ru: a, uk: b}\n"
        "  - {country: UA, name: Kyiv Oblast, capital: Kyiv, ru: c, uk: d}\n",
    )
    with pytest.raises(ConfigError, match=r"'Kyiv' and 'Kyiv Oblast'.*locator"):
        _build(tmp_path / "g.sqlite", regions=regions)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("regions:\n  - {country: RU, name: X, capital: Kursk, ru: a}\n", r"region 1.*\['uk'\]"),
        (
            "regions:\n  - {country: RU, name: X, capital: Kursk, ru: a, uk: b, alias: [c]}\n",
            "alias",
        ),
        (
            "regions:\n  - {country: RU, name: X, capital: Kursk, ru: a, uk: b, aliases: c}\n",
            "list",
        ),
        ("countries: []\n", "regions"),
        ("regions: [\n", "YAML"),
    ],
)
def test_geo_gazetteer_bad_regions_file(tmp_path: Path, body: str, message: str) -> None:
    regions = _write_regions(tmp_path, body)
    with pytest.raises(ConfigError, match=message) as caught:
        _build(tmp_path / "g.sqlite", regions=regions)
    assert str(regions) in str(caught.value)


def test_geo_gazetteer_failed_build_keeps_the_old_index(tmp_path: Path) -> None:
    path = _build(tmp_path / "g.sqlite")
    broken = tmp_path / "broken.json"
    broken.write_text(CITIES.read_text(encoding="utf-8")[:2000], encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken\.json"):
        _build(path, cities=broken)
    bad_record = tmp_path / "bad.json"
    bad_record.write_text('{"1": {"geonameid": 1, "name": "X"}}', encoding="utf-8")
    with pytest.raises(ConfigError, match="not a GeoNames city"):
        _build(path, cities=bad_record)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "broken.json", "g.sqlite"]
    with Gazetteer.open(path, build_if_missing=False) as gazetteer:
        assert _ids(gazetteer.lookup("Tjotkino")) == [483166]


def test_geo_gazetteer_unwritable_place_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot write the gazetteer index"):
        _build(tmp_path / "a-file" / "g.sqlite")


def test_geo_gazetteer_missing_index_without_build(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="corroborate gazetteer build"):
        Gazetteer.open(tmp_path / "none.sqlite", build_if_missing=False)
    assert not (tmp_path / "none.sqlite").exists()


def test_geo_gazetteer_built_on_first_open_in_data_dir(fixture_sources: Path) -> None:
    assert default_index_path() == fixture_sources
    with Gazetteer.open() as gazetteer:
        assert gazetteer.path == fixture_sources
        assert _ids(gazetteer.lookup("Tyotkino")) == [483166]
    assert fixture_sources.exists()


def test_geo_gazetteer_other_schema_version_is_rebuilt(tmp_path: Path) -> None:
    path = _build(tmp_path / "g.sqlite")
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 0")
        conn.execute("DELETE FROM names")
    with Gazetteer.open(path) as gazetteer:
        assert _ids(gazetteer.lookup("Tjotkino")) == [483166]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == build_module.SCHEMA_VERSION


def test_geo_gazetteer_stale_name_keys_are_rebuilt_from_recorded_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _build(tmp_path / "g.sqlite")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = 'older' WHERE key = 'key_fingerprint'")
        conn.execute("DELETE FROM names")

    def no_default() -> Path:
        raise AssertionError("the rebuild must reuse the sources the index was built from")

    monkeypatch.setattr(build_module, "default_cities_path", no_default)
    with pytest.raises(ConfigError, match="name_key"):
        Gazetteer.open(path, build_if_missing=False)
    with Gazetteer.open(path) as gazetteer:
        assert _ids(gazetteer.lookup("Tjotkino")) == [483166]


def test_geo_gazetteer_fingerprint_follows_name_key(monkeypatch: pytest.MonkeyPatch) -> None:
    before = build_module.key_fingerprint()
    monkeypatch.setattr(build_module, "name_key", lambda name: name.lower())
    assert build_module.key_fingerprint() != before


@pytest.mark.parametrize("content", [b"not a database at all, just text\n" * 100, None])
def test_geo_gazetteer_refuses_a_file_that_is_not_ours(
    tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "g.sqlite"
    if content is None:
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE articles (id TEXT)")
    else:
        path.write_bytes(content)
    before = path.read_bytes()
    with pytest.raises(ConfigError, match=r"g\.sqlite.*not a Corroborate gazetteer"):
        Gazetteer.open(path)
    with pytest.raises(ConfigError, match="not a Corroborate gazetteer"):
        _build(path)
    assert path.read_bytes() == before


def test_geo_gazetteer_cli_build_info_and_docs(fixture_sources: Path) -> None:
    runner = CliRunner()
    built = runner.invoke(main, ["gazetteer", "build"])
    assert built.exit_code == 0, built.output
    assert str(fixture_sources) in built.output
    assert "places" in built.output
    again = runner.invoke(main, ["gazetteer", "build"])
    assert again.exit_code == 0 and "--force" in again.output
    forced = runner.invoke(main, ["gazetteer", "build", "--force"])
    assert forced.exit_code == 0 and "places" in forced.output
    info = runner.invoke(main, ["gazetteer", "info"])
    assert info.exit_code == 0, info.output
    assert "settlement" in info.output and str(CITIES) in info.output
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for documented in ("corroborate gazetteer build", "corroborate gazetteer add", "`--force`"):
        assert documented in readme
    assert "corroborate gazetteer info" in readme


def test_geo_gazetteer_cli_info_without_index_fails(fixture_sources: Path) -> None:
    result = CliRunner().invoke(main, ["gazetteer", "info"])
    assert result.exit_code == 2
    assert "corroborate gazetteer build" in result.output
    assert not fixture_sources.exists()
