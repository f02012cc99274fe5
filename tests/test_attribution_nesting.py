"""Frames inside frames: what is relayed, what is absorbed, and what stands on its own."""

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


def test_attribution_nesting_second_speaker_in_a_conjunct(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "The regional governor said the bridge was intact, and the mayor replied that it "
        "had been closed since Monday.",
    )
    assert claims == [
        ("the bridge was intact", "said", ["regional governor"], []),
        ("it had been closed since Monday", "replied", ["mayor"], []),
    ]


def test_attribution_nesting_named_second_speaker_is_not_absorbed(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "Republicans said they were convinced the inquiry was flawed and Democrats accused "
        "the committee of wasting time.",
    )
    by_cue = {cue: (content, sources) for content, cue, sources, _ in claims}
    assert by_cue["accused"] == ("the committee of wasting time", ["Democrats"])
    assert "Democrats" not in by_cue["said"][0]


def test_attribution_nesting_report_heading_the_content_is_relayed(run_doc: Run) -> None:
    [(content, _, sources, via)] = _claims(
        run_doc, "The FSB says that saboteurs tried to cross the border, says Baza."
    )
    assert content == "saboteurs tried to cross the border"
    assert (sources, via) == (["FSB"], ["Baza"])


def test_attribution_nesting_infinitive_under_intention_is_one_claim(run_doc: Run) -> None:
    claims = _claims(
        run_doc, "The governor plans to call on residents to leave the border villages."
    )
    assert claims == [
        ("to call on residents to leave the border villages", "plans", ["governor"], []),
    ]
