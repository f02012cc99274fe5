"""Speech known by its quotation marks: tag verbs outside the cue lexicon, "X says:"."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

Run = Callable[[str], Doc]


def _claims(run_doc: Run, text: str) -> list[tuple[str, str, str]]:
    doc = run_doc(text)
    return [
        (
            doc.text[c.cue[0] : c.cue[1]] if c.cue else "",
            ", ".join(s.text for s in c.sources),
            doc.text[c.content[0] : c.content[1]],
        )
        for c in doc._.claims
    ]


def test_quote_frames_trailing_tag_with_any_verb(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "The governor visited the border on Monday. “The shelling has not stopped for "
        "three days,” Gladkov continued.",
    )
    assert claims == [
        ("continued", "Gladkov", "The shelling has not stopped for three days"),
    ]


def test_quote_frames_leading_tag_with_any_verb(run_doc: Run) -> None:
    [(cue, source, content)] = _claims(
        run_doc,
        "The commander spoke to reporters. He continued, “Our units are holding the "
        "village and will not withdraw.”",
    )
    assert cue == "continued"
    assert source == "He"
    assert content.startswith("Our units are holding the village")


def test_quote_frames_colon_introduces_next_paragraph(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "The correspondent reached the town. Reporter Anna Petrova says:\n\n"
        "“The consulate has been taken over and looted by armed groups.”",
    )
    assert len(claims) == 1, claims
    cue, source, content = claims[0]
    assert (cue, source) == ("says", "Reporter Anna Petrova")
    assert "consulate has been taken over" in content


def test_quote_frames_quotes_without_a_tag_claim_nothing(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "The crowd cheered. He walked away, “happy” as ever. "
        "“Enough” was the word on the banner he carried.",
    )
    assert claims == []
