"""What an attack did, read from a claim: damage, the kind of target, casualty figures."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from corroborate.contradict.effects import casualty_key, effect_slots
from corroborate.events.quantities import QuantityFrame

Run = Callable[[str], Doc]


def _lemmas(run_doc: Run, text: str) -> str:
    return " " + " ".join(t.lemma_.lower() for t in run_doc(text)) + " "


def test_contradict_effects_damage_denied_or_reported(run_doc: Run) -> None:
    assert effect_slots(_lemmas(run_doc, "No oil depot was hit."), True, []) == {"damage": "none"}
    fire = _lemmas(run_doc, "At least three fuel tanks caught fire after the attack.")
    assert effect_slots(fire, False, []) == {"damage": "damaged"}


def test_contradict_effects_target_needs_an_act_of_war(run_doc: Run) -> None:
    hit = _lemmas(run_doc, "The missiles hit a residential area and a school.")
    assert effect_slots(hit, False, [])["target"] == "civilian"
    base = _lemmas(run_doc, "The strike destroyed a deployment point and 40 servicemen.")
    assert effect_slots(base, False, [])["target"] == "military"
    indoors = _lemmas(run_doc, "Residents of several streets were asked to stay indoors.")
    assert "target" not in effect_slots(indoors, False, [])


def test_contradict_effects_no_civilians_there_means_a_military_target(run_doc: Run) -> None:
    text = _lemmas(run_doc, "There were no civilians there.")
    assert effect_slots(text, True, [])["target"] == "military"


def test_contradict_effects_exact_figures_only(run_doc: Run) -> None:
    exact = QuantityFrame((0, 4), "civilians", "wounded", 4, 4)
    vague = QuantityFrame((0, 4), "people", "killed", 10, None, vague="more than")
    slots = effect_slots(" wound ", False, [exact, vague])
    assert slots["wounded"] == "4 civilians"
    assert "killed" not in slots
    assert casualty_key(slots["wounded"]) == (4, "civilians")
    assert casualty_key("several civilians") is None
