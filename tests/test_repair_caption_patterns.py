"""A unit is searched only with the caption patterns that its words allow; the answer
must be the one every pattern would give."""

from __future__ import annotations

import pytest

from corroborate.repair import layout
from corroborate.repair.layout import is_caption

UNITS = [
    "Ukrainian servicemen fire a howitzer near Bakhmut. REUTERS/Alina Smutko",
    "Firefighters at the site (left) of the strike, in Belgorod",
    "A view shows a damaged building in Kharkiv, Ukraine, March 12, 2024.",
    "Photo: Governor's Telegram channel",
    "In this photo released by the ministry, a drone is launched.",
    "Residents said the shelling went on through the night, officials told AFP.",
    "Pictured here, soldiers ride a tank via Getty Images",
    "The crater left by a missile / Ukrinform",
    "Ukrainian Armed Forces/Handout via REUTERS",
    "He spoke in a photo published by the channel, which was later deleted.",
    "Left to right: the mayor and the governor",
    "PHOTO ILLUSTRATION ſhowing the ſcreen",
    "Kuva: Lehtikuva",
    "© 2024 The Associated Press",
    "An aerial view of the village",
    "file photo of the bridge",
    "The attack killed three people and wounded 12 others, the governor said.",
]


def _every_pattern(unit: str) -> bool:
    if unit[:1] in layout._QUOTES:
        return False
    if len(layout._WORD.findall(unit)) > layout.MAX_CAPTION_WORDS:
        return False
    if layout.count_sentences(unit) > layout.MAX_CAPTION_SENTENCES:
        return False
    patterns = (
        layout._POSITION_MARKER,
        layout._PHOTO_PHRASE,
        layout._LABEL,
        layout._SLASH_CREDIT,
        layout._CREDIT,
    )
    return any(pattern.search(unit) is not None for pattern in patterns)


@pytest.mark.parametrize("unit", UNITS)
def test_repair_caption_patterns_agree_with_every_pattern(unit: str) -> None:
    assert is_caption(unit) == _every_pattern(unit)


def test_repair_caption_patterns_find_credits_and_leave_prose() -> None:
    assert is_caption("Ukrainian servicemen fire a howitzer. REUTERS/Alina Smutko")
    assert is_caption("PHOTO ILLUSTRATION ſhowing the ſcreen") == _every_pattern(
        "PHOTO ILLUSTRATION ſhowing the ſcreen"
    )
    assert not is_caption("The attack killed three people, the governor said.")
