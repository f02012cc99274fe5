"""Hedging and certainty of claims, from hand-written sentences."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from corroborate.nlp.frames import ClaimFrame

Run = Callable[[str], Doc]


def _only(run_doc: Run, text: str) -> ClaimFrame:
    claims: list[ClaimFrame] = run_doc(text)._.claims
    assert len(claims) == 1, [run_doc(text).text[c.content[0] : c.content[1]] for c in claims]
    return claims[0]


def test_hedging_reportative_conditional(run_doc: Run) -> None:
    claim = _only(run_doc, "According to the FSB, the attackers would have lost ten vehicles.")
    assert claim.hedged
    assert "would" in claim.hedge_cues
    assert claim.certainty == "underspecified"


def test_hedging_claimed_cue(run_doc: Run) -> None:
    claim = _only(run_doc, "The battalion claimed that it had taken the village.")
    assert claim.hedged
    assert claim.certainty == "underspecified"


def test_hedging_allegedly(run_doc: Run) -> None:
    claim = _only(run_doc, "Police said the suspect had allegedly planted the device.")
    assert claim.hedged
    assert "allegedly" in claim.hedge_cues


def test_hedging_modal_may_is_possible(run_doc: Run) -> None:
    claim = _only(run_doc, "The ministry said the dam may collapse within days.")
    assert claim.certainty == "possible"


def test_hedging_plain_statement_is_certain(run_doc: Run) -> None:
    claim = _only(run_doc, "The ministry said the dam collapsed on Monday.")
    assert not claim.hedged
    assert claim.certainty == "certain"


def test_hedging_negated_content_has_negative_polarity(run_doc: Run) -> None:
    claim = _only(run_doc, "The ministry said the dam did not collapse.")
    assert claim.polarity == "negative"


def test_hedging_denial_is_negative_polarity(run_doc: Run) -> None:
    denied = _only(run_doc, "The ministry denied that its forces had shelled the town.")
    assert denied.polarity == "negative"
    twice = _only(run_doc, "The ministry denied that its forces had not fired.")
    assert twice.polarity == "positive"
    said = _only(run_doc, "The ministry said that its forces had shelled the town.")
    assert said.polarity == "positive"
