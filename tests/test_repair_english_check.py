"""The English check stops counting once half the words are known; its answer is the
share's."""

from __future__ import annotations

import pytest

from corroborate.repair.words import english_share, mostly_english

WORD_LISTS = [
    [],
    ["a", "I"],
    ["the", "attack", "was", "repelled"],
    ["hyökkäys", "torjuttiin", "the", "attack"],
    ["hyökkäys", "torjuttiin", "eilen", "the"],
    ["Kremlin", "denies", "Питер", "Москва", "und", "der"],
]


@pytest.mark.parametrize("words", WORD_LISTS)
def test_repair_english_check_agrees_with_the_share(words: list[str]) -> None:
    assert mostly_english(words) == (english_share(words) >= 0.5)
