"""Place names read in their phrase and article, resolved against a small gazetteer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from spacy.tokens import Doc

from corroborate.geo import Gazetteer
from corroborate.geo.geoparse import Geoparser, PlaceFrame
from corroborate.resolve.actors import load_actors

Run = Callable[[str], Doc]


@pytest.fixture(scope="module")
def geoparser(small_gazetteer: Path) -> Iterator[Geoparser]:
    with Gazetteer.open(small_gazetteer, build_if_missing=False) as gazetteer:
        yield Geoparser(gazetteer, load_actors())


def _places(run_doc: Run, geoparser: Geoparser, text: str) -> dict[str, PlaceFrame]:
    doc = run_doc(text)
    return {doc.text[f.span[0] : f.span[1]]: f for f in geoparser.parse(doc)}


def test_geoparse_transliterated_village_resolves_to_settlement(
    run_doc: Run, geoparser: Geoparser
) -> None:
    places = _places(run_doc, geoparser, "Fighting was reported in the village of Tjotkino.")
    tyotkino = places["Tjotkino"]
    assert tyotkino.place is not None
    assert tyotkino.precision == "settlement"
    assert tyotkino.place.admin1_name == "Kursk Oblast"
    assert abs(tyotkino.place.lat - 51.28) < 0.05 and abs(tyotkino.place.lon - 34.29) < 0.05


def test_geoparse_region_phrase_resolves_to_region(run_doc: Run, geoparser: Geoparser) -> None:
    places = _places(run_doc, geoparser, "Drones were shot down over the Kursk region at night.")
    kursk = places["Kursk"]
    assert kursk.precision == "region"
    assert kursk.place is not None and kursk.place.name == "Kursk Oblast"


def test_geoparse_coordinated_regions_are_both_regions(run_doc: Run, geoparser: Geoparser) -> None:
    text = "The ministry said the crossing was stopped in the Belgorod and Kursk regions."
    places = _places(run_doc, geoparser, text)
    assert places["Belgorod"].precision == "region"
    assert places["Kursk"].precision == "region"


def test_geoparse_city_of_is_the_settlement(run_doc: Run, geoparser: Geoparser) -> None:
    places = _places(run_doc, geoparser, "In the city of Belgorod, a drone hit a shop.")
    belgorod = places["Belgorod"]
    assert belgorod.precision == "settlement"
    assert belgorod.place is not None and belgorod.place.name == "Belgorod"


def test_geoparse_unknown_village_falls_back_to_its_region(
    run_doc: Run, geoparser: Geoparser
) -> None:
    text = "Volunteers took the village of Prilesje, located in the Belgorod region."
    prilesje = _places(run_doc, geoparser, text)["Prilesje"]
    assert prilesje.precision == "region"
    assert prilesje.place is not None and prilesje.place.name == "Belgorod Oblast"


def test_geoparse_the_region_points_back_to_the_last_region(
    run_doc: Run, geoparser: Geoparser
) -> None:
    text = (
        "The governor of the Belgorod region reported damage. "
        "Later the village of Prilesje, which belongs to the region, was shelled."
    )
    prilesje = _places(run_doc, geoparser, text)["Prilesje"]
    assert prilesje.precision == "region"
    assert prilesje.place is not None and prilesje.place.admin1_name == "Belgorod Oblast"


def test_geoparse_unknown_place_without_region_is_not_guessed(
    run_doc: Run, geoparser: Geoparser
) -> None:
    places = _places(run_doc, geoparser, "Residents of the village of Prilesje left.")
    assert places["Prilesje"].place is None


def test_geoparse_exonym_and_country(run_doc: Run, geoparser: Geoparser) -> None:
    places = _places(run_doc, geoparser, "The photo was taken in Kiev, the capital of Ukraine.")
    kyiv, ukraine = places["Kiev"], places["Ukraine"]
    assert kyiv.place is not None and kyiv.place.name == "Kyiv"
    assert kyiv.precision == "settlement"
    assert ukraine.precision == "country"


def test_geoparse_outlet_is_not_a_place(run_doc: Run, geoparser: Geoparser) -> None:
    places = _places(run_doc, geoparser, "Baza said the fighting went on near Belgorod.")
    assert "Baza" not in places


def test_geoparse_context_picks_the_namesake(run_doc: Run, geoparser: Geoparser) -> None:
    # Two Kirovs in the small gazetteer: one in Kirov Oblast, one in Kaluga Oblast.
    text = "Explosions were heard in the Kaluga region, near the town of Kirov."
    kirov = _places(run_doc, geoparser, text)["Kirov"]
    assert kirov.place is not None and kirov.place.admin1_name == "Kaluga Oblast"


def test_geoparse_given_spans_are_resolved(run_doc: Run, geoparser: Geoparser) -> None:
    doc = run_doc("Shelling hit Shebekino and Kharkiv overnight.")
    start = doc.text.index("Shebekino")
    [frame] = geoparser.resolve_spans(doc, [(start, start + len("Shebekino"))])
    assert frame.place is not None and frame.place.admin1_name == "Belgorod Oblast"
