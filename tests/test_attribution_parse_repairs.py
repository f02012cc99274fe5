"""Speakers and contents the parser misplaces, and objects that carry what is said."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

Run = Callable[[str], Doc]


def _claims(run_doc: Run, text: str) -> list[tuple[str, str, list[str]]]:
    doc = run_doc(text)
    return [
        (
            doc.text[c.content[0] : c.content[1]],
            doc.text[c.cue[0] : c.cue[1]] if c.cue else "",
            [s.name for s in c.sources],
        )
        for c in doc._.claims
    ]


def test_attribution_parse_repairs_speaker_of_by_saying(run_doc: Run) -> None:
    assert _claims(run_doc, "The governor responded by saying the shelling had stopped.") == [
        ("the shelling had stopped", "saying", ["governor"])
    ]


def test_attribution_parse_repairs_complement_read_as_adverbial(run_doc: Run) -> None:
    [(content, _, sources)] = _claims(
        run_doc, "The governor said after the meeting he would not evacuate the town."
    )
    assert content.endswith("he would not evacuate the town")
    assert sources == ["governor"]
    [(content, _, _)] = _claims(run_doc, "The mayor said he left because the shelling started.")
    assert content == "he left because the shelling started"


def test_attribution_parse_repairs_speaker_swallowed_by_a_fronted_phrase(run_doc: Run) -> None:
    assert _claims(
        run_doc,
        "During a briefing in Kharkiv, Ukraine, Synehubov told reporters that the bridge "
        "was closed.",
    ) == [("the bridge was closed", "told", ["Synehubov"])]


def test_attribution_parse_repairs_parenthetical_tag_before_a_coordinate(run_doc: Run) -> None:
    [(content, cue, sources)] = _claims(
        run_doc,
        "It would take two weeks to repair the bridge, he said, and the road could stay "
        "closed until spring.",
    )
    assert (cue, sources) == ("said", ["he"])
    assert content.startswith("It would take two weeks") and content.endswith("until spring")


def test_attribution_parse_repairs_objects_that_carry_what_is_said(run_doc: Run) -> None:
    assert _claims(
        run_doc, "The governor cited the collapse of the bridge as proof of the shelling."
    ) == [("the collapse of the bridge as proof of the shelling", "cited", ["governor"])]
    assert _claims(run_doc, "Petrov largely agreed with Kovalenko.") == [
        ("Kovalenko", "agreed with", ["Petrov"])
    ]
    assert _claims(run_doc, "The two ministers had opposing views on the ceasefire.") == [
        ("the ceasefire", "had opposing views", ["two ministers"])
    ]


def test_attribution_parse_repairs_call_for_a_clause_and_a_small_clause(run_doc: Run) -> None:
    assert _claims(
        run_doc, "The governor is calling for the army to leave the border villages."
    ) == [("the army to leave the border villages", "is calling", ["governor"])]
    [(content, cue, sources)] = _claims(run_doc, "The mayor called the evacuation “chaotic.”")
    assert (cue, sources) == ("called", ["mayor"])
    assert content.startswith("the evacuation")


def test_attribution_parse_repairs_relative_names_its_antecedent(run_doc: Run) -> None:
    doc = run_doc("The volunteer who wants to reopen the school has met the mayor twice.")
    [claim] = doc._.claims
    [source] = claim.sources
    assert (source.text, source.name, source.resolved_from) == ("who", "volunteer", "who")


def test_attribution_parse_repairs_generic_relative_is_no_claim(run_doc: Run) -> None:
    assert _claims(run_doc, "Those who want to leave the town can take the evening bus.") == []
