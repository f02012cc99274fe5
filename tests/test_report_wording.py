"""How a claim line is worded: the cue's sense is kept ("denies", "claims")."""

from __future__ import annotations

from dataclasses import replace

from corroborate.report.citations import _claim_text
from corroborate.report.records import Citation, ClaimLine
from corroborate.resolve.names import clean_name


def _line(cue: str) -> ClaimLine:
    return ClaimLine(
        claim_id="c1",
        source="Alexander Bogomaz",
        text="",
        quote="militants seized the village",
        cue=cue,
        channel=None,
        via=(),
        hedged=False,
        hedge_cues=(),
        certainty="certain",
        status=None,
        polarity="negative",
        kind="assertion",
        citation=CITATION,
    )


CITATION = Citation(
    1, "a1", "Interfax", "2024-04-16", "https://example.org", "a1.json", "The sentence.", 0, 13
)


def test_report_wording_denial_with_an_auxiliary() -> None:
    assert _claim_text(_line("has denied"), several=False).startswith("Alexander Bogomaz denies:")
    assert _claim_text(_line("claimed"), several=True).startswith("Alexander Bogomaz claim:")
    assert " says:" in _claim_text(_line("wrote"), several=False)


def test_report_wording_possessive_dropped_from_a_name() -> None:
    assert clean_name("the Defence Ministry's") == "Defence Ministry"
    assert clean_name("Defence Ministry’s") == "Defence Ministry"
    assert clean_name("Reuters") == "Reuters"


def test_report_wording_plural_source_takes_a_plural_verb() -> None:
    fighters = replace(_line("said"), source="Russian fighters")
    assert _claim_text(fighters, several=False).startswith("Russian fighters say:")
    reuters = replace(_line("reported"), source="Reuters")
    assert _claim_text(reuters, several=False).startswith("Reuters says:")
