"""The gazetteer keeps its answers, but never past a change of the index: a place added
by another connection (another process's ``gazetteer add``) is found at once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from corroborate.geo import Gazetteer, build_gazetteer
from corroborate.geo.build import INSERT_NAME, INSERT_PLACE
from corroborate.resolve.names import name_key

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "geo"


def test_geo_gazetteer_answers_follow_another_connections_change(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.sqlite"
    build_gazetteer(path, cities_json=FIXTURES / "cities.json", regions=FIXTURES / "regions.yaml")
    with Gazetteer.open(path, build_if_missing=False) as gazetteer:
        assert gazetteer.lookup("Zzyzx") == []
        assert [p.name for p in gazetteer.lookup("Kursk")] == [
            p.name for p in gazetteer.lookup("Kursk")
        ]
        other = sqlite3.connect(path)
        with other:
            other.execute(
                INSERT_PLACE, (999_001, "Zzyzx", "US", "CA", 30, 35.1, -116.1, "settlement")
            )
            other.execute(INSERT_NAME, (name_key("Zzyzx"), 999_001))
        other.close()
        assert [p.id for p in gazetteer.lookup("Zzyzx")] == [999_001]


def test_geo_gazetteer_answers_are_copies(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.sqlite"
    build_gazetteer(path, cities_json=FIXTURES / "cities.json", regions=FIXTURES / "regions.yaml")
    with Gazetteer.open(path, build_if_missing=False) as gazetteer:
        first = gazetteer.lookup("Kursk")
        assert first
        first.clear()
        assert gazetteer.lookup("Kursk")
