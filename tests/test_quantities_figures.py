"""Figures in claims: each quantity form, read from a hand-written sentence."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from corroborate.events.quantities import QuantityFrame, find_quantities

Run = Callable[[str], Doc]


def _figures(run_doc: Run, text: str) -> list[QuantityFrame]:
    doc = run_doc(text)
    return find_quantities(doc, 0, len(doc.text))


@pytest.mark.parametrize(
    ("text", "what", "low", "high", "vague"),
    [
        ("Two people were wounded in the shelling.", "people wounded", 2, 2, None),
        ("The strike killed 14 civilians in Kharkiv.", "civilians killed", 14, 14, None),
        ("At least 12 soldiers were killed.", "soldiers killed", 12, None, "at least"),
        ("Up to 300 residents were evacuated.", "residents evacuated", None, 300, "up to"),
        ("A few residents were injured by shrapnel.", "residents wounded", 2, 5, "a few"),
        ("Ukraine launched several dozen drone attacks.", "attacks", 24, 96, "several dozen"),
        ("The army said it captured 1,200 soldiers.", "soldiers captured", 1200, 1200, None),
        ("About forty fighters crossed the border.", "fighters", 40, 40, "about"),
    ],
)
def test_quantities_forms(
    run_doc: Run, text: str, what: str, low: float | None, high: float | None, vague: str | None
) -> None:
    [figure] = _figures(run_doc, text)
    assert (figure.what, figure.low, figure.high, figure.vague) == (what, low, high, vague)


def test_quantities_equipment_list_with_model(run_doc: Run) -> None:
    text = "It destroyed 100 attackers, six tanks, a CAESAR howitzer and 20 armored vehicles."
    figures = {f.what: f for f in _figures(run_doc, text)}
    assert figures["attackers killed"].low == 100
    assert figures["tanks destroyed"].low == 6
    howitzer = figures["howitzers destroyed"]
    assert (howitzer.low, howitzer.high, howitzer.model) == (1, 1, "CAESAR")
    assert figures["armoured vehicles destroyed"].kind == "equipment"


def test_quantities_drones_downed(run_doc: Run) -> None:
    [figure] = _figures(run_doc, "Air defences shot down 25 drones over the Belgorod region.")
    assert (figure.what, figure.low) == ("drones downed", 25)


def test_quantities_a_noun_without_a_fate_is_no_figure(run_doc: Run) -> None:
    assert _figures(run_doc, "A tank was seen near the village.") == []
    assert _figures(run_doc, "The governor held a meeting with residents.") == []


def test_quantities_years_and_times_are_not_counts(run_doc: Run) -> None:
    assert _figures(run_doc, "In 2022, at 5 o'clock, the bridge was closed for 3 days.") == []
