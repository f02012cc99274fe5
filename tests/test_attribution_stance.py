"""Stance, judgement, intention and belief: attributed views, and what is not one."""

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


def test_attribution_stance_named_object_is_enough(run_doc: Run) -> None:
    assert _claims(run_doc, "Christie endorsed Trump last week.") == [
        ("Trump", "endorsed", ["Christie"])
    ]


def test_attribution_stance_pronoun_object_is_not_enough(run_doc: Run) -> None:
    assert _claims(run_doc, "Kovalenko endorsed him.") == []


def test_attribution_stance_passive_with_a_speaker(run_doc: Run) -> None:
    [(content, cue, sources)] = _claims(
        run_doc, "Cruz was endorsed on Friday by former rival Carly Fiorina."
    )
    assert (content, cue, sources) == ("Cruz", "was endorsed", ["Carly Fiorina"])


def test_attribution_stance_passive_with_a_thing_is_narration(run_doc: Run) -> None:
    assert _claims(run_doc, "The assault was backed by heavy artillery and drones.") == []


def test_attribution_stance_accused_of(run_doc: Run) -> None:
    assert _claims(run_doc, "Governor Ivan Petrov accused the army of shelling the school.") == [
        ("the army of shelling the school", "accused", ["Ivan Petrov"])
    ]


def test_attribution_stance_judgement_needs_its_predicate(run_doc: Run) -> None:
    assert _claims(run_doc, "The mayor sees the ceasefire as a trap for the town.") == [
        ("the ceasefire as a trap for the town", "sees", ["mayor"])
    ]
    assert _claims(run_doc, "The mayor saw the video of the strike on Monday.") == []


def test_attribution_stance_without_a_holder_is_not_a_claim(run_doc: Run) -> None:
    assert _claims(run_doc, "Criticizing the decision was easy for the opposition.") == []


def test_attribution_stance_intention_and_belief(run_doc: Run) -> None:
    assert _claims(run_doc, "Many villagers want to leave before the winter.") == [
        ("to leave before the winter", "want", ["Many villagers"])
    ]
    assert _claims(run_doc, "The mayor knows that the bridge will not hold.") == [
        ("the bridge will not hold", "knows", ["mayor"])
    ]


def test_attribution_stance_mind_needs_someone_to_hold_it(run_doc: Run) -> None:
    assert _claims(run_doc, "I want to go home before the winter.") == []
    assert _claims(run_doc, "The engineers left without knowing how the bridge would hold.") == []
    assert _claims(run_doc, "The dissolution of the treaty, feeling the strain, collapsed.") == []


def test_attribution_stance_what_a_record_shows(run_doc: Run) -> None:
    assert _claims(run_doc, "Polls show a close contest in the region.") == [
        ("a close contest in the region", "show", ["Polls"])
    ]
    assert _claims(run_doc, "The footage shows him with his hands in the air.") == [
        ("him with his hands in the air", "shows", ["footage"])
    ]
    assert _claims(run_doc, "The mayor showed the video to reporters on Monday.") == []


def test_attribution_stance_speech_after_a_verb_of_aspect(run_doc: Run) -> None:
    assert _claims(run_doc, "The ministry continued to insist that the dam was intact.") == [
        ("the dam was intact", "to insist", ["ministry"])
    ]
