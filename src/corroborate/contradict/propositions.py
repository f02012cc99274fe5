"""What a claim asserts, as slots with values that can be compared across claims.

A claim's content is read for a few propositions a verification desk weighs against each
other:

- **outcome** of an attack: ``taken`` (a place captured or entered), ``repelled`` (the
  attack stopped, the crossing prevented, the attackers forced back), ``ongoing``
  (fighting still going on);
- **attacker**: ``independent`` (the fighters act on their own, not for a state) or
  ``state forces`` (a state's armed forces did it);
- **start**: the day an attack began ("since Sunday", "started on Tuesday morning");
- what the attack did — damage, the kind of target, casualty figures — read by
  :mod:`corroborate.contradict.effects`.

Each value keeps the places the claim names, so that "took Tyotkino" can be set against
"prevented the crossing in the Kursk region". The words are in ``data/contradict.toml``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span

from corroborate.contradict.effects import effect_slots
from corroborate.errors import ConfigError
from corroborate.events.quantities import QuantityFrame
from corroborate.geo.geoparse import PlaceFrame
from corroborate.nlp.frames import ClaimFrame, DateFrame, token_words


@dataclass(frozen=True)
class SlotWords:
    outcome: dict[str, frozenset[str]]
    fight_words: frozenset[str]
    independent: frozenset[str]
    state_forces: frozenset[str]
    start: frozenset[str]
    negations: frozenset[str]
    denial_cues: frozenset[str]


@dataclass
class Proposition:
    """The slots one claim fills."""

    claim: int  # index of the claim frame
    outcome: str | None = None
    attacker: str | None = None
    start: str | None = None  # the first day of the date the attack began
    places: list[PlaceFrame] = field(default_factory=list)
    effects: dict[str, str] = field(default_factory=dict)

    def slots(self) -> dict[str, str]:
        """The filled slots, as stored on the claim."""
        found = {"outcome": self.outcome, "attacker": self.attacker, "start": self.start}
        return {key: value for key, value in found.items() if value} | self.effects


@cache
def load_slot_words() -> SlotWords:
    path = "corroborate/data/contradict.toml"
    raw = resources.files("corroborate").joinpath("data/contradict.toml").read_text("utf-8")
    try:
        data = tomllib.loads(raw)
        return SlotWords(
            outcome={k: frozenset(v) for k, v in data["outcome"].items()},
            fight_words=frozenset(data["ongoing"]["fight_words"]),
            independent=frozenset(data["attacker"]["independent"]),
            state_forces=frozenset(data["attacker"]["state_forces"]),
            start=frozenset(data["start"]["words"]),
            negations=frozenset(data["negations"]["words"]),
            denial_cues=frozenset(data["negations"]["denial_cues"]),
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: {exc}; restore the packaged file") from exc


def read_propositions(
    doc: Doc,
    claims: list[ClaimFrame],
    places: list[PlaceFrame],
    dates: list[DateFrame],
    quantities: Sequence[Sequence[QuantityFrame]] = (),
) -> list[Proposition]:
    """One proposition per claim that fills at least one slot.

    ``quantities`` holds the figures of each claim, in the order of ``claims``.
    """
    words = load_slot_words()
    found = []
    for index, claim in enumerate(claims):
        if claim.kind == "verification_status":
            continue
        span = doc.char_span(*claim.content, alignment_mode="expand")
        if span is None:
            continue
        lemmas = token_words(doc).lemmas[span.start : span.end]
        text = " " + " ".join(lemmas) + " "
        for idiom in (" take place ", " take part ", " take into account "):
            text = text.replace(idiom, " ")  # "battles would take place" takes nothing
        proposition = Proposition(claim=index)
        negated = (
            any(n in lemmas for n in words.negations)
            or (claim.cue_lemma or "") in words.denial_cues
            or claim.polarity == "negative"
        )
        for value, phrases in words.outcome.items():
            if not _says(text, phrases):
                continue
            if negated and value == "taken":
                # "did not manage to enter", "the capture is a fake": the attack failed.
                value = "repelled"
            if value == "ongoing" and not _says(text, words.fight_words):
                continue  # "the regime's activities continue" says nothing of fighting
            proposition.outcome = value
            break
        if _says(text, words.independent):
            proposition.attacker = "independent"
        elif _state_forces_attack(span, words.state_forces):
            proposition.attacker = "state forces"
        if _says(text, words.start):
            proposition.start = _first_day(claim, dates)
        proposition.places = [
            p for p in places if claim.content[0] <= p.span[0] < claim.content[1] and p.place
        ] or [
            # "..., while Kyiv said its troops had recaptured part of the village": the
            # village the sentence names.
            p
            for p in places
            if claim.sentence[0] <= p.span[0] < claim.sentence[1] and p.place
        ]
        figures = quantities[index] if index < len(quantities) else ()
        proposition.effects = effect_slots(text, negated, figures)
        if proposition.slots():
            found.append(proposition)
    return found


def _says(text: str, phrases: frozenset[str]) -> bool:
    """Whether ``text`` (lemmas between spaces) holds one of the phrases as words."""
    return any(phrase in text for phrase in _padded(phrases))


@cache
def _padded(phrases: frozenset[str]) -> tuple[str, ...]:
    """The phrases between spaces, made once per word list instead of once per claim."""
    return tuple(f" {phrase} " for phrase in phrases)


_ATTACK_LEMMAS = {"attack", "strike", "shell", "raid", "assault", "cross", "invade"}


def _state_forces_attack(span: Span, state_forces: frozenset[str]) -> bool:
    """Is a state's armed force the subject of an attack verb ("the armed forces tried to
    attack")? Forces that repel an attack are not its attackers."""
    lemmas = token_words(span.doc).lemmas
    for i in range(span.start, span.end):
        # The lemma first: it needs no Token, and few words are attack verbs.
        if lemmas[i] not in _ATTACK_LEMMAS or span.doc[i].pos_ != "VERB":
            continue
        verb = span.doc[i]
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        while subject is None and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
            verb = verb.head  # "tried to attack": the subject of "tried"
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        words = " " + " ".join(t.lemma_.lower() for t in subject.subtree) + " "
        if any(f" {phrase} " in words for phrase in state_forces):
            return True
    return False


def _first_day(claim: ClaimFrame, dates: list[DateFrame]) -> str | None:
    for date in dates:
        if claim.content[0] <= date.span[0] < claim.content[1] and date.value:
            return date.value.split("/")[0]
    return None
