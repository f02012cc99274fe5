"""Later mentions of a place name are found with ``str.find``, word boundaries and all,
exactly where the regular expression ``\\bname\\b`` finds them."""

from __future__ import annotations

import re

import pytest

from corroborate.geo.geoparse import _whole_word_occurrences

CASES = [
    ("Shebekino", "Shebekino was hit; later Shebekino again, not Shebekinoska or aShebekino."),
    ("Kursk", "Kursk,Kursk_ Kursk1 Kursk. (Kursk) Kursk"),
    ("Velyka Novosilka", "Velyka Velyka Novosilka and Velyka Novosilkas, Velyka Novosilka"),
    ("Aa Aa", "xAa Aa Aa"),
    ("Tjotkino", "Тьоткіно Tjotkinó Tjotkino"),
    ("Kyiv", ""),
]


@pytest.mark.parametrize(("name", "text"), CASES)
def test_geoparse_name_repeats_match_the_regex(name: str, text: str) -> None:
    expected = [m.span() for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
    assert list(_whole_word_occurrences(text, name)) == expected
