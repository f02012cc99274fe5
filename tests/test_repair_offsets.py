"""Tests for the offset map between repaired and original text, and RepairedText."""

from __future__ import annotations

import itertools
import random
import re

import pytest

from corroborate.errors import CorroborateError
from corroborate.models import Repair
from corroborate.repair import RepairedText, repair_text

_PLAIN_SENTENCE = (
    "the army said on Tuesday that drones hit an oil depot near the border and "
    "officials could not confirm the number of wounded in the village"
)
_PLAIN = _PLAIN_SENTENCE.split(" ")
_DAMAGED = [
    "publicationin", "channelthat", "Fontankaand", "militaryand", "villageof",
    "theKremlin", "depot.The", "[Sitten]", "saidthat", "“reportfrom”", "(troopswere)",
]  # fmt: skip


def _random_article(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(2, 6)):
        words = [rng.choice(_DAMAGED if rng.random() < 0.2 else _PLAIN) for _ in range(40)]
        sentence = " ".join(words)
        paragraphs.append(sentence[0].upper() + sentence[1:] + ".")
        if rng.random() < 0.3:
            paragraphs.append("Dmitry Peskov")
        if rng.random() < 0.3:
            paragraphs.append("Smoke (left) over the depot in this photo. Photo: AFP")
    return "\n\n".join(paragraphs)


@pytest.mark.parametrize("seed", range(25))
def test_repair_offsets_unchanged_tokens_map_to_identical_original_text(seed: int) -> None:
    original = _random_article(random.Random(seed))
    repaired = repair_text(original)
    assert repaired.repairs, "the generated text should need repairs"
    removals = [(r.start, r.end) for r in repaired.repairs if r.replacement == ""]
    for token in re.finditer(r"\S+", repaired.text):
        start, end = repaired.original_span(token.start(), token.end())
        assert original[repaired.to_original(token.start())] == token.group()[0]
        if end - start == len(token.group()):
            assert original[start:end] == token.group()
        else:  # the token closes up over a removed fragment ("in [Sitten]." -> "in.")
            assert any(start < e and s < end for s, e in removals)


@pytest.mark.parametrize("seed", range(10))
def test_repair_offsets_replaying_repairs_rebuilds_the_repaired_text(seed: int) -> None:
    original = _random_article(random.Random(seed))
    repaired = repair_text(original)
    rebuilt, position = [], 0
    for repair in repaired.repairs:
        assert original[repair.start : repair.end] == repair.original
        if repair.replacement is not None:
            rebuilt.append(original[position : repair.start] + repair.replacement)
            position = repair.end
    assert "".join(rebuilt) + original[position:] == repaired.text


def test_repair_offsets_inserted_space_maps_to_the_glue_point() -> None:
    original = "A publicationin which it spoke."
    repaired = repair_text(original)
    space = repaired.text.index(" in which")
    glue = original.index("in which")
    assert repaired.to_original(space) == glue
    assert repaired.to_original(space + 1) == glue
    assert repaired.to_original(space - 1) == glue - 1
    assert repaired.original_span(space, space + 1) == (glue, glue)
    assert repaired.original_span(2, space + 3) == (2, glue + 2)
    assert repaired.to_original(len(repaired.text)) == len(original)


def test_repair_offsets_removed_fragment_maps_around_the_cut() -> None:
    original = "It ended. [Sitten] Russians can sleep."
    repaired = repair_text(original)
    cut = repaired.text.index("Russians")
    assert repaired.to_original(cut) == original.index("Russians")
    assert repaired.original_span(0, cut - 1) == (0, len("It ended."))
    assert repaired.original_span(0, cut) == (0, original.index("Russians"))
    # " [Sitten]" was removed: its characters map to where it was cut out.
    assert repaired.to_repaired(original.index("[Sitten]")) == cut - 1
    assert repaired.repaired_span(0, original.index("[")) == (0, cut - 1)
    assert repaired.repaired_span(0, original.index("]") + 2) == (0, cut)


def test_repair_offsets_is_excluded_ignores_surrounding_whitespace() -> None:
    original = (
        "The army said the attack was repelled.\n\nDmitry Peskov\n\n"
        "The Kremlin spokesman said the army was on alert.\n"
    )
    repaired = repair_text(original)
    heading = repaired.text.index("Dmitry")
    assert repaired.is_excluded(heading, heading + len("Dmitry Peskov"))
    assert repaired.is_excluded(heading - 2, heading + len("Dmitry Peskov") + 2)
    assert repaired.is_excluded(heading, heading + 6)
    assert not repaired.is_excluded(0, 10)
    assert not repaired.is_excluded(heading - 20, heading + 6)
    assert not repaired.is_excluded(heading - 1, heading - 1)


def test_repair_offsets_clean_article_is_unchanged() -> None:
    original = (
        "Russian volunteers said on Tuesday that they had crossed the border into the "
        "Belgorod region. The defence ministry said the attack had been repelled.\n\n"
        "The governor said two people were wounded in the shelling. The claims could "
        "not be independently confirmed.\n"
    )
    repaired = repair_text(original)
    assert repaired.text == original
    assert repaired.repairs == []
    assert repaired.excluded == []
    assert all(repaired.to_original(i) == i for i in range(len(original) + 1))


def test_repair_offsets_empty_text() -> None:
    repaired = repair_text("")
    assert (repaired.text, repaired.repairs, repaired.excluded) == ("", [], [])
    assert repaired.to_original(0) == 0
    assert repaired.original_span(0, 0) == (0, 0)


def test_repair_offsets_rebuilds_map_from_stored_repairs() -> None:
    original = "The channelthat posted it."
    stored = repair_text(original)
    rebuilt = RepairedText(original, stored.text, list(stored.repairs), list(stored.excluded))
    assert [rebuilt.to_original(i) for i in range(len(rebuilt.text) + 1)] == [
        stored.to_original(i) for i in range(len(stored.text) + 1)
    ]


def test_repair_offsets_rejects_repairs_of_another_text() -> None:
    wrong = Repair("glued_word", 4, 15, "publicationin", "publication in")
    with pytest.raises(CorroborateError, match="belong to another text"):
        RepairedText("The channelthat posted it.", "irrelevant", [wrong], [])
    with pytest.raises(CorroborateError, match="does not match its repairs"):
        RepairedText("The text.", "The changed text.", [], [])


def test_repair_offsets_rejects_offsets_outside_the_text() -> None:
    repaired = repair_text("Short text.")
    with pytest.raises(CorroborateError, match="outside the repaired text"):
        repaired.to_original(100)
    with pytest.raises(CorroborateError, match="not inside the text"):
        repaired.original_span(5, 2)
    with pytest.raises(CorroborateError, match="not inside the text"):
        repaired.is_excluded(-1, 3)


def test_repair_offsets_two_insertions_in_one_token_keep_every_character_mapped() -> None:
    original = "They posted a publicationin.The group said so."
    repaired = repair_text(original)
    assert repaired.text == "They posted a publication in. The group said so."
    inserted = [
        i for i, char in enumerate(repaired.text) if original[repaired.to_original(i)] != char
    ]
    assert [repaired.text[i] for i in inserted] == [" ", " "]
    assert [repaired.to_original(i) for i in inserted] == [
        original.index("in.The"),
        original.index("The group"),
    ]


def test_repair_offsets_adjacent_removals_do_not_overlap() -> None:
    original = "The column moved on [Sitten] [jedoch]. Nobody stopped it."
    repaired = repair_text(original)
    assert repaired.text == "The column moved on. Nobody stopped it."
    removed = [(r.start, r.end) for r in repaired.repairs]
    assert removed == sorted(removed)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(removed))
