"""Tests for glued-word repairs: which tokens are split, where, and which are not."""

from __future__ import annotations

import pytest

from corroborate.repair import glue_split, repair_text

MUST_SPLIT = [
    ("publicationin", "publication in"),
    ("channelthat", "channel that"),
    ("Fontankaand", "Fontanka and"),
    ("militaryand", "military and"),
    ("dronesthat", "drones that"),
    ("villageof", "village of"),
    ("saidthat", "said that"),
    ("statementon", "statement on"),
    ("reportfrom", "report from"),
    ("regionwhich", "region which"),
    ("officialswho", "officials who"),
    ("troopswere", "troops were"),
    ("spokesmanfor", "spokesman for"),
    ("Tuesdayin", "Tuesday in"),
    ("Kyivand", "Kyiv and"),
    ("Belgorodand", "Belgorod and"),
    ("Ministryof", "Ministry of"),
    ("PUBLICATIONIN", "PUBLICATION IN"),
    ("ofthe", "of the"),
    ("inthe", "in the"),
    ("theKremlin", "the Kremlin"),
    ("inKyiv", "in Kyiv"),
    ("saidPeskov", "said Peskov"),
]

MUST_NOT_SPLIT = [
    # real words ending in a function word
    "within", "another", "together", "therein", "bandwidth", "understand", "island",
    "wherein", "whereby", "hereto", "thereof", "forthwith", "begin", "cabin", "robin",
    "origin", "margin", "dragon", "wagon", "baron", "season", "reason", "person",
    "button", "combat", "format", "habitat", "bandit", "credit", "orbit", "hobby",
    "lobby", "rugby", "chubby", "bathe", "seethe", "lathe", "clothe", "breathe",
    # place names and names, known and unknown to the word lists
    "Finland", "Holland", "Thailand", "Scotland", "Poland", "Ireland", "Bethlehem",
    "Jutland", "Lapland", "Gotland", "Nordland", "Helmand", "Samarkand", "Ferdinand",
    "Berlin", "Kremlin", "Putin", "Markin", "Panin", "Minin", "Rodin", "Rogozin",
    "Borodin", "Samand", "Sinhas", "Goethe", "Forsythe", "Beckwith", "Clinton",
    "Weston", "Brandon", "Barakat", "Biswas", "Hamas", "Tehran", "Japan",
    "Tjotkino", "Lozovaya", "Prilesje", "Shebekino", "Avdiivka", "Pokrovsk",
    # mixed-case brands
    "iPhone", "eBay", "YouTube", "macOS", "McDonald", "WhatsApp",
]  # fmt: skip


@pytest.mark.parametrize(("glued", "expected"), MUST_SPLIT)
def test_repair_glue_splits_glued_words(glued: str, expected: str) -> None:
    split = glue_split(glued)
    assert split is not None, glued
    assert glued[:split] + " " + glued[split:] == expected


@pytest.mark.parametrize("word", MUST_NOT_SPLIT)
def test_repair_glue_leaves_real_words_whole(word: str) -> None:
    assert glue_split(word) is None


def test_repair_glue_repair_record_covers_the_token() -> None:
    text = "The channel made a publicationin which it said so."
    repaired = repair_text(text)
    assert repaired.text == "The channel made a publication in which it said so."
    [repair] = repaired.repairs
    assert repair.kind == "glued_word"
    assert text[repair.start : repair.end] == "publicationin"
    assert (repair.original, repair.replacement) == ("publicationin", "publication in")


def test_repair_glue_handles_punctuation_around_tokens() -> None:
    text = 'He cited St. Petersburg media ("Fontankaand") and the (channelthat), too.'
    repaired = repair_text(text)
    assert repaired.text == (
        'He cited St. Petersburg media ("Fontanka and") and the (channel that), too.'
    )
    assert [r.original for r in repaired.repairs] == ["Fontankaand", "channelthat"]


def test_repair_glue_splits_last_part_of_hyphenated_compound() -> None:
    repaired = repair_text("The pro-Kremlinand state media repeated it.")
    assert repaired.text == "The pro-Kremlin and state media repeated it."


def test_repair_glue_accepts_unknown_name_attested_elsewhere_in_text() -> None:
    text = "Zarvanytsia was quiet. Reporters reached Zarvanytsiaand stayed there."
    assert repair_text(text).text == (
        "Zarvanytsia was quiet. Reporters reached Zarvanytsia and stayed there."
    )
    # Without the standalone mention the head is unattested and the token is kept.
    assert glue_split("Zarvanytsiaand") is None


def test_repair_glue_separates_sentences_run_together() -> None:
    text = "The strike hit the depot.Then the fire spread.”Nobody was hurt."
    repaired = repair_text(text)
    assert repaired.text == "The strike hit the depot. Then the fire spread.” Nobody was hurt."
    assert [r.original for r in repaired.repairs] == ["depot.Then", "spread.”Nobody"]


def test_repair_glue_combines_both_glues_in_one_token() -> None:
    repaired = repair_text("They posted a publicationin.The group said so.")
    assert repaired.text == "They posted a publication in. The group said so."
    [repair] = repaired.repairs
    assert repair.original == "publicationin.The"
    assert repair.replacement == "publication in. The"


def test_repair_glue_leaves_urls_handles_and_numbers_alone() -> None:
    text = (
        "See https://t.me/publicationin and reuters.com, write to press@channelthat.org, "
        "follow @Fontankaand and #militaryand; version 2.5 and U.S.Army stay as written."
    )
    repaired = repair_text(text)
    assert repaired.text == text
    assert repaired.repairs == []
