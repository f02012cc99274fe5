"""The reporter's verification statements and the claims they qualify."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from corroborate.nlp.frames import ClaimFrame, VerificationFrame

Run = Callable[[str], Doc]


def _statements(doc: Doc) -> list[tuple[str, VerificationFrame]]:
    found: list[VerificationFrame] = doc._.verifications
    return [(doc.text[v.span[0] : v.span[1]], v) for v in found]


def test_verification_could_not_be_confirmed_qualifies_preceding(run_doc: Run) -> None:
    doc = run_doc(
        "The mayor said the bridge was destroyed.\n\n"
        "The battalion wrote on Telegram that it had taken the hill.\n\n"
        "The information could not be independently confirmed."
    )
    [(text, statement)] = _statements(doc)
    assert text.startswith("The information could not be independently confirmed")
    claims: list[ClaimFrame] = doc._.claims
    assert statement.qualifies == [1]
    assert claims[1].status == "unconfirmed"
    assert claims[0].status is None


def test_verification_neither_side_qualifies_all(run_doc: Run) -> None:
    doc = run_doc(
        "The army said it repelled the attack. The legion said it took the village.\n\n"
        "Neither side's claims have been verified."
    )
    [(_, statement)] = _statements(doc)
    assert statement.scope == "article"
    assert statement.qualifies == [0, 1]


def test_verification_no_comment(run_doc: Run) -> None:
    doc = run_doc("Reuters could not immediately get a comment from the ministry.")
    [(_, statement)] = _statements(doc)
    assert statement.status == "no comment"


def test_verification_two_statements_in_one_sentence(run_doc: Run) -> None:
    doc = run_doc(
        "Both say they cannot independently confirm the reports, and Reuters could not "
        "immediately get a comment from officials."
    )
    texts = [t for t, _ in _statements(doc)]
    assert len(texts) == 2
    assert texts[0].endswith("confirm the reports")
    assert texts[1].startswith("Reuters could not")


def test_verification_confirmed_is_not_a_statement(run_doc: Run) -> None:
    doc = run_doc("Officials confirmed that the plant was hit.")
    assert _statements(doc) == []


def test_verification_unable_failed_impossible_are_negations(run_doc: Run) -> None:
    for sentence in (
        "Reuters was unable to independently verify the report.",
        "AFP failed to confirm the claim.",
        "It was impossible to verify the figures independently.",
    ):
        doc = run_doc(f"The army said the town had been recaptured. {sentence}")
        assert [v.status for _, v in _statements(doc)] == ["unconfirmed"], sentence
    assert _statements(run_doc("The army said it had verified the footage.")) == []
