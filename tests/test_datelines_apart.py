"""Datelines are where the reporter filed, never a speaker or the first words of a claim."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from corroborate.nlp.datelines import dateline_end

Run = Callable[[str], Doc]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("LONDON, April 16 (Reuters) - Russian fighters said", "LONDON, April 16 (Reuters) - "),
        ("Kyiv (AFP) - A Russian missile strike", "Kyiv (AFP) - "),
        ("KYIV, Ukraine (AP) — The death toll rose", "KYIV, Ukraine (AP) — "),
        ("BRYANSK, April 16. /TASS/. Border guards", "BRYANSK, April 16. /TASS/. "),
        (
            "MELITOPOL, August 28 - RIA Novosti. The governor",
            "MELITOPOL, August 28 - RIA Novosti. ",
        ),
        ("(Reuters) - Ukrainian troops have", "(Reuters) - "),
        ("NEW YORK, Nov. 19 (UPI) — Former Secretary", "NEW YORK, Nov. 19 (UPI) — "),
    ],
)
def test_datelines_found(text: str, dateline: str) -> None:
    assert text[: dateline_end(text)] == dateline


@pytest.mark.parametrize(
    "text",
    [
        "Russia said on Monday - and then it stopped.",
        "The Freedom of Russia Legion said its fighters crossed.",
        "Governor Ivan Petrov said that three drones were downed.",
    ],
)
def test_datelines_not_in_ordinary_sentences(text: str) -> None:
    assert dateline_end(text) is None


def test_datelines_city_is_no_speaker(run_doc: Run) -> None:
    doc = run_doc(
        "MOSCOW, April 16 (Interfax) - Bryansk Governor Alexander Bogomaz has denied reports "
        "that Ukrainian militants seized the village of Churovichi."
    )
    sources = [s.name for c in doc._.claims for s in c.sources]
    assert sources and "MOSCOW" not in sources
    assert any("Bogomaz" in name for name in sources)
    assert all(not doc.text[c.content[0] : c.content[1]].startswith("MOSCOW") for c in doc._.claims)


def test_datelines_agency_is_no_source(run_doc: Run) -> None:
    doc = run_doc(
        "Kyiv (AFP) - A Russian missile strike on Sumy killed seven civilians on Wednesday, "
        "regional officials said."
    )
    [claim] = doc._.claims
    assert [s.name for s in claim.sources] == ["regional officials"]
    assert doc.text[claim.content[0] : claim.content[1]].startswith("A Russian missile strike")
