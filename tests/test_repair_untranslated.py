"""Tests for untranslated fragments: bracketed debris and standalone foreign words."""

from __future__ import annotations

from corroborate.repair import repair_text


def test_repair_untranslated_bracketed_foreign_word_is_removed() -> None:
    text = "We move forward step by step. [Sitten] Russians can sleep in peace."
    repaired = repair_text(text)
    assert repaired.text == "We move forward step by step. Russians can sleep in peace."
    [repair] = repaired.repairs
    assert repair.kind == "untranslated"
    assert repair.original == " [Sitten]"
    assert repair.replacement == ""
    assert text[repair.start : repair.end] == " [Sitten]"


def test_repair_untranslated_bracket_at_line_start_takes_the_space_after() -> None:
    repaired = repair_text("[Sitten] Russians can sleep.\n[Sitten] They can vote.")
    assert repaired.text == "Russians can sleep.\nThey can vote."
    assert [r.original for r in repaired.repairs] == ["[Sitten] ", "[Sitten] "]


def test_repair_untranslated_bracketed_unknown_lowercase_word_is_flagged_only() -> None:
    text = "The troops reached the [niinikaa] border at dawn."
    repaired = repair_text(text)
    assert repaired.text == text
    [repair] = repaired.repairs
    assert (repair.kind, repair.original, repair.replacement) == (
        "untranslated",
        "[niinikaa]",
        None,
    )


def test_repair_untranslated_keeps_english_and_editorial_brackets() -> None:
    text = (
        "He said [sic] that it [the Kremlin] would respond [1]. [Budanov] declined, "
        "and [Peskov] said nothing; see [the statement](https://example.org)."
    )
    repaired = repair_text(text)
    assert repaired.text == text
    assert repaired.repairs == []


def test_repair_untranslated_flags_common_foreign_words_without_removing() -> None:
    text = "Officials said the shelling sitten continued. Mutta the army denied it."
    repaired = repair_text(text)
    assert repaired.text == text
    flagged = [(r.original, r.replacement) for r in repaired.repairs]
    assert flagged == [("sitten", None), ("Mutta", None)]


def test_repair_untranslated_does_not_flag_names_or_loanwords() -> None:
    text = (
        "Baza reported that the Rada met in Sumy. The siloviki and the oblast "
        "administration spoke of kompromat, a de facto annexation and the status quo."
    )
    assert repair_text(text).repairs == []


def test_repair_untranslated_flags_other_scripts_as_one_fragment() -> None:
    text = "The post, signed Владимир Путин, was shared by Газета overnight."
    repaired = repair_text(text)
    assert repaired.text == text
    assert [r.original for r in repaired.repairs] == ["Владимир Путин", "Газета"]
    assert all(r.kind == "untranslated" and r.replacement is None for r in repaired.repairs)


def test_repair_untranslated_skips_word_repairs_in_non_english_text() -> None:
    text = (
        "Venäläiset vapaaehtoiset kertoivat hyökänneensä rajan yli tiistaiaamuna. "
        "Sitten he sanoivat, että taistelut jatkuvat Belgorodin alueella."
    )
    assert repair_text(text).repairs == []
    # A stated language wins over detection.
    english = "They posted a publicationin which they said so."
    assert repair_text(english, language="fi").repairs == []
    assert repair_text(english, language="en").text == (
        "They posted a publication in which they said so."
    )
