"""Views in predicates and phrases: "are critical of", "made the case that", "in a poll"."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

Run = Callable[[str], Doc]


def _claims(run_doc: Run, text: str) -> list[tuple[str, str, list[str], list[str]]]:
    doc = run_doc(text)
    return [
        (
            doc.text[c.content[0] : c.content[1]],
            doc.text[c.cue[0] : c.cue[1]] if c.cue else "",
            [s.name for s in c.sources],
            [v.name for v in c.via],
        )
        for c in doc._.claims
    ]


def test_attribution_phrases_stance_adjective(run_doc: Run) -> None:
    assert _claims(
        run_doc, "Several opposition deputies have been critical of the evacuation plan."
    ) == [("the evacuation plan", "have been critical", ["Several opposition deputies"], [])]


def test_attribution_phrases_feeling_without_object_or_of_the_writer(run_doc: Run) -> None:
    assert _claims(run_doc, "The voters were angry.") == []
    assert _claims(run_doc, "It is clear that the bridge will not hold.") == []
    assert _claims(run_doc, "I am afraid that the bridge will not hold.") == []


def test_attribution_phrases_backer_noun(run_doc: Run) -> None:
    [(content, cue, sources, _)] = _claims(
        run_doc, "The mayor is a longtime supporter of the peace negotiations."
    )
    assert (content, cue, sources) == (
        "the peace negotiations",
        "is a longtime supporter",
        ["mayor"],
    )


def test_attribution_phrases_light_verb_with_a_noun_of_speech(run_doc: Run) -> None:
    assert _claims(run_doc, "The governor made the case that the bridge should be rebuilt.") == [
        ("the bridge should be rebuilt", "made the case", ["governor"], [])
    ]
    assert _claims(run_doc, "The ministry made clear that the convoy would not pass.") == [
        ("the convoy would not pass", "made clear", ["ministry"], [])
    ]
    assert _claims(run_doc, "The general made no mention of the losses.") == []


def test_attribution_phrases_poll_relays_its_respondents(run_doc: Run) -> None:
    assert _claims(
        run_doc,
        "In the latest Kyiv International Institute poll, 72 percent of respondents backed "
        "the mayor.",
    ) == [("the mayor", "backed", ["72 percent of respondents"], ["Kyiv International Institute"])]


def test_attribution_phrases_said_in_a_report_is_a_channel(run_doc: Run) -> None:
    assert _claims(run_doc, "The governor said in a report that the bridge was closed.") == [
        ("the bridge was closed", "said", ["governor"], [])
    ]


def test_attribution_phrases_speech_after_an_adjective(run_doc: Run) -> None:
    assert _claims(run_doc, "Residents are more likely to say the shelling has intensified.") == [
        ("the shelling has intensified", "to say", ["Residents"], [])
    ]


def test_attribution_phrases_dateline_is_no_speaker(run_doc: Run) -> None:
    assert _claims(
        run_doc, "KHARKIV, Ukraine — Governor Oleh Synehubov said three people were wounded."
    ) == [("three people were wounded", "said", ["Oleh Synehubov"], [])]


def test_attribution_phrases_owned_claim_in_a_noun(run_doc: Run) -> None:
    assert _claims(
        run_doc, "The governor's claim that the bridge was hit twice could not be verified."
    ) == [("the bridge was hit twice", "claim", ["governor"], [])]
    assert _claims(run_doc, "The ministry's statement was short.") == []


def test_attribution_phrases_quoted_unnamed_teller_is_the_speaker_s_words(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "“This museum tells the truth that the war was lost,” Mr. Petrov declared. “It "
        "will inspire us.”",
    )
    assert {(cue, tuple(sources)) for _, cue, sources, _ in claims} == {("declared", ("Petrov",))}


def test_attribution_phrases_a_thing_holds_no_view(run_doc: Run) -> None:
    text = "The way the mayor handled the evacuation was critical to its success."
    assert _claims(run_doc, text) == []


def test_attribution_phrases_purpose_is_no_view(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "Petrov said the engineers should call the ministry to learn how to repair the bridge.",
    )
    assert [cue for _, cue, _, _ in claims] == ["said"]


def test_attribution_phrases_light_verb_before_a_colon(run_doc: Run) -> None:
    [(content, cue, sources, _)] = _claims(
        run_doc,
        "On Monday, Petrov made the following comment: “The bridge will be rebuilt by spring.”",
    )
    assert (cue, sources) == ("made the following comment", ["Petrov"])
    assert content == "The bridge will be rebuilt by spring"
