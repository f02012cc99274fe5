"""Tests for caption and heading detection."""

from __future__ import annotations

import pytest

from corroborate.repair import is_caption, is_heading, repair_text

CAPTIONS = [
    "President Volodymyr Zelensky (centre) visits troops near Kharkiv on March 3.",
    "Kyrylo Budanov (second left) and Andriy Yusov (far right) at a briefing in Kyiv.",
    "Photo: Lehtikuva / Markku Ulander",
    "Pictured: a destroyed armoured vehicle near the border.",
    "Smoke rises over an oil depot in this handout image released by the governor.",
    "A view shows a damaged building in Kursk, March 12, 2024. Gleb Garanich / Reuters",
    "Soldiers of the battalion during an exercise. (Photo: AFP)",
    "From left: the governor, the mayor and the police chief at a press conference.",
    "The remains of a drone are seen in a photo distributed by the defence ministry.",
    "Firefighters work at the site. REUTERS/Stringer",
    "Volunteers unload aid in Sumy in February. Picture by Anna Smith",
    "Residents clear debris in Shebekino. Photograph: Getty Images",
    "Fighters near the border in May 2023. In the photo, the flag of the legion.",
]

NOT_CAPTIONS = [
    "The group published a photo of the flag on its Telegram channel.",
    "In a photo published by the channel, fighters posed with the flag.",
    "A Reuters/Ipsos poll showed support for the operation.",
    "Satellite images by Maxar show the damage to the airfield.",
    "“We see it in the photo,” he said. “It is clear.” Then he left. Nobody answered.",
]


@pytest.mark.parametrize("line", CAPTIONS)
def test_repair_layout_recognises_caption_wordings(line: str) -> None:
    assert is_caption(line)


@pytest.mark.parametrize("line", NOT_CAPTIONS)
def test_repair_layout_leaves_body_sentences_about_photos(line: str) -> None:
    assert not is_caption(line)


def test_repair_layout_long_paragraph_with_photo_cue_is_body() -> None:
    paragraph = (
        "The army said it repelled the attack. The governor said two people were hurt. "
        "Baza said the fighting went on. In the photo the channel posted, a tank burns."
    )
    assert not is_caption(paragraph)


@pytest.mark.parametrize(
    "line",
    ["Dmitry Peskov", "Kremlin Denies Border Breach", "What we know so far",
     "Published 12 March 2024", "Attack on the border"],
)  # fmt: skip
def test_repair_layout_recognises_heading_shapes(line: str) -> None:
    assert is_heading(line)


@pytest.mark.parametrize(
    "line",
    ["He denied it.", "Peskov said nothing", "“We will win”", "- 100 attackers",
     "the border region of", "Who fired first?", "The ministry said:",
     "Russia says the attack on its border was repelled by its forces overnight"],
)  # fmt: skip
def test_repair_layout_rejects_short_sentences_as_headings(line: str) -> None:
    assert not is_heading(line)


def test_repair_layout_marks_caption_and_heading_lines_in_article() -> None:
    caption = "Budanov (left) and Yusov (right) in Kyiv in February."
    text = (
        "Ukrainian intelligence said the raid was carried out by Russian volunteers.\n\n"
        f"{caption}\n\n"
        "The volunteers said they crossed the border on Tuesday morning.\n\n"
        "Dmitry Peskov\n\n"
        "The Kremlin spokesman said the army was on alert.\n\n"
        "He denied it.\n"
    )
    repaired = repair_text(text)
    marked = [(r.kind, r.original, r.replacement) for r in repaired.repairs]
    assert marked == [("caption", caption, None), ("heading", "Dmitry Peskov", None)]
    assert repaired.text == text  # marked lines stay in the text
    for repair in repaired.repairs:
        assert text[repair.start : repair.end] == repair.original
    assert [repaired.text[s:e] for s, e in repaired.excluded] == [caption, "Dmitry Peskov"]


def test_repair_layout_single_newlines_and_first_line_title() -> None:
    text = (
        "Border Raid Enters Second Day\n"
        "Russian volunteers said they held the village, Reuters reported.\n"
        "Kremlin Response\n"
        "The ministry said the attack was repelled.\n"
    )
    repaired = repair_text(text)
    assert [(r.kind, r.original) for r in repaired.repairs] == [
        ("heading", "Border Raid Enters Second Day"),
        ("heading", "Kremlin Response"),
    ]


def test_repair_layout_hard_wrapped_paragraph_is_not_split_into_headings() -> None:
    text = (
        "Russian volunteers said on Tuesday that they had crossed the\n"
        "border into the Belgorod region and taken control of a small\n"
        "village near Tyotkino\n\n"
        "The ministry said the attack had been repelled by its forces.\n"
    )
    assert repair_text(text).repairs == []


def test_repair_layout_line_inside_paragraph_run_is_not_heading() -> None:
    text = (
        "The governor said the strikes damaged power lines and\n"
        "Several Villages\n"
        "were left without electricity overnight, he added.\n"
    )
    assert repair_text(text).repairs == []


def test_repair_layout_short_post_without_body_has_no_headings() -> None:
    assert repair_text("Massive drone attack on Belgorod tonight").repairs == []
    assert repair_text("Belgorod under fire\n\nDetails to follow").repairs == []


def test_repair_layout_crlf_line_ends_are_not_part_of_the_line() -> None:
    text = "Dmitry Peskov\r\n\r\nThe Kremlin spokesman said the army was on alert.\r\n"
    [heading] = repair_text(text).repairs
    assert heading.original == "Dmitry Peskov"
    assert text[heading.end] == "\r"


def test_repair_layout_headline_with_a_verb_over_a_body() -> None:
    text = (
        "Ukraine says it shot down 30 of 35 Russian drones overnight\n\n"
        "KYIV (Reuters) - Ukraine's air force said on Tuesday it had shot down 30 drones.\n\n"
        "Regional governor Oleh Synehubov said two people were injured.\n"
    )
    repaired = repair_text(text)
    assert [(r.kind, r.start) for r in repaired.repairs] == [("heading", 0)]
    one_paragraph = "Ukraine says it shot down 30 drones overnight\n\nThe air force said so.\n"
    assert repair_text(one_paragraph).repairs == []
