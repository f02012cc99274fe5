"""Quotations continued after their tag, lines opened by a speaker, quotations signed."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

Run = Callable[[str], Doc]


def _claims(run_doc: Run, text: str) -> list[tuple[str, str, str]]:
    doc = run_doc(text)
    return [
        (
            doc.text[c.cue[0] : c.cue[1]] if c.cue else "",
            ", ".join(s.name for s in c.sources),
            doc.text[c.content[0] : c.content[1]],
        )
        for c in doc._.claims
    ]


def test_quote_frames_quotation_continues_after_the_tag(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "“The village is ours,” Colonel Ivan Sorokin said. “Our unit holds every street "
        "and the bridge.”",
    )
    assert claims == [
        ("said", "Ivan Sorokin", "The village is ours"),
        ("said", "Ivan Sorokin", "Our unit holds every street and the bridge."),
    ]


def test_quote_frames_no_continuation_over_a_paragraph_or_a_scare_quote(run_doc: Run) -> None:
    paragraph = "“The village is ours,” Colonel Ivan Sorokin said.\n\n“Our unit holds the bridge.”"
    assert len(_claims(run_doc, paragraph)) == 1
    scare = "“The village is ours,” Colonel Ivan Sorokin said. “Experts” disagree on that."
    assert len(_claims(run_doc, scare)) == 1


def test_quote_frames_tag_followed_by_an_adjunct(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "“The bridge is closed to all traffic,” Mayor Anna Kovalenko wrote last October in "
        "a letter to residents.",
    )
    assert claims == [("wrote", "Anna Kovalenko", "The bridge is closed to all traffic")]


def test_quote_frames_aside_inside_a_quotation_is_the_speaker_s(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "“I am sure some of the villagers would want to leave the town now. We will help "
        "them,” the mayor said.",
    )
    assert {source for _, source, _ in claims} == {"mayor"}
    assert claims[0][2].startswith("I am sure some of the villagers")


def test_quote_frames_line_opened_by_a_speaker(run_doc: Run) -> None:
    assert _claims(run_doc, "Graham: Trump's hateful rhetoric is destroying the party") == [
        (":", "Graham", "Trump's hateful rhetoric is destroying the party")
    ]


def test_quote_frames_transcript_turn_and_question(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "The hearing went on for hours.\nTAPPER: Do you think the bridge will hold?\n"
        "PETROVA: The bridge is closed. The road to the village is mined.",
    )
    assert [(source, content) for _, source, content in claims] == [
        ("PETROVA", "The bridge is closed"),
        ("PETROVA", "The road to the village is mined."),
    ]


def test_quote_frames_headings_and_places_are_no_speakers(run_doc: Run) -> None:
    assert _claims(run_doc, "Ukraine: three people were killed in the shelling overnight") == []
    text = "CORRECTION: An earlier version of this article misstated the date of the raid."
    assert _claims(run_doc, text) == []


def test_quote_frames_quotation_signed_with_a_dash(run_doc: Run) -> None:
    claims = _claims(
        run_doc, "“The shelling has not stopped for three days. We are leaving.” ― Anna Petrova"
    )
    assert claims == [
        ("―", "Anna Petrova", "The shelling has not stopped for three days. We are leaving")
    ]


def test_quote_frames_question_still_attributes_its_quotation(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "Graham said, “How many of you believe we lose because we are not tough enough? I "
        "believe we are losing the vote because they think we don’t like them.”",
    )
    assert claims == [
        (
            "said",
            "Graham",
            "I believe we are losing the vote because they think we don’t like them.",
        )
    ]


def test_quote_frames_tag_split_off_by_the_parser(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "“Are we where we need to be? Probably not,” Ms. Moore said. “Are we going to get "
        "there? Absolutely.”",
    )
    assert [(source, content) for _, source, content in claims] == [
        ("Moore", "Probably not"),
        ("Moore", "Absolutely."),
    ]


def test_quote_frames_one_quoted_word_opens_a_longer_quotation(run_doc: Run) -> None:
    claims = _claims(
        run_doc, "Asked about the shelling, Ryan said, “Sure. I get that, too. Everybody does.”"
    )
    assert [content for _, _, content in claims] == ["Sure", "I get that, too.", "Everybody does."]


def test_quote_frames_doubled_apostrophes_are_quotation_marks(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "''The bridge is closed,'' Mr. Petrov said. ''The road to the village is mined.''",
    )
    assert [(source, content) for _, source, content in claims] == [
        ("Petrov", "The bridge is closed"),
        ("Petrov", "The road to the village is mined."),
    ]


def test_quote_frames_tag_made_a_sentence_of_its_own(run_doc: Run) -> None:
    claims = _claims(run_doc, "“Hold the bridge, whatever it takes!” one officer shouted.")
    assert claims == [("shouted", "one officer", "Hold the bridge, whatever it takes")]
    assert _claims(run_doc, "The shelling stopped. “It was terrible.” The mayor left.") == []


def test_quote_frames_colon_before_a_quotation_the_parser_took_apart(run_doc: Run) -> None:
    claims = _claims(run_doc, "Schumer tweeted: “Let’s go. We can stop the violence.”")
    assert [(source, content) for _, source, content in claims] == [
        ("Schumer", "Let’s go"),
        ("Schumer", "We can stop the violence."),
    ]


def test_quote_frames_lone_name_before_a_colon_in_a_headline(run_doc: Run) -> None:
    assert _claims(run_doc, "Sanders: Clinton needs to get away from personality politics") == [
        (":", "Sanders", "Clinton needs to get away from personality politics")
    ]
    assert _claims(run_doc, "Update: The bridge has reopened to traffic") == []
