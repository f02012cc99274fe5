"""Parse rules that re-route a cue by who acts on whom.

A word such as "killed" or "captured" does not decide the sub-type on its own: soldiers
killing militants is an armed clash, gunmen killing villagers an attack on civilians,
police killing demonstrators excessive force; rebels capturing a town overtake territory,
the army recapturing it regains it, and a town handed over after a withdrawal changes
hands without violence. The lexicon names the rule of each label; these functions apply it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from spacy.tokens import Span, Token

from corroborate.events.lexicon import EventLexicon, Words
from corroborate.events.roles import (
    ARMED,
    actor_kinds,
    agents,
    kinds_of,
    patients,
    victims,
    with_conjuncts,
)
from corroborate.nlp.frames import token_children

ATTACK = "Attack"
ARMED_CLASH = "Armed clash"
ABDUCTION = "Abduction/forced disappearance"
ARRESTS = "Arrests"
LOOTING = "Looting/property destruction"
EXCESSIVE_FORCE = "Excessive force against protesters"
INTERVENTION = "Protest with intervention"
VIOLENT_DEMONSTRATION = "Violent demonstration"
MOB_VIOLENCE = "Mob violence"
REGAINS = "Government regains territory"
OVERTAKES = "Non-state actor overtakes territory"
TRANSFER = "Non-violent transfer of territory"
DISRUPTED = "Disrupted weapons use"

_TERRITORY_OBJECTS = frozenset({"place", "military_target"})
_DIRECT = frozenset({"dobj", "nsubjpass"})
_PEOPLE = frozenset({"state", "nonstate", "civilian"})
_PLACE_PREPS = frozenset({"of", "from", "over"})


@dataclass
class Sentence:
    """What the rules read of one sentence, worked out once and only when asked."""

    span: Span
    lexicon: EventLexicon
    words: frozenset[str]  # lemmas and lower-case forms
    lemma_text: str  # " lemma lemma ... ", for phrase look-ups

    def has(self, words: Words) -> bool:
        if len(words) == 1:
            return words[0] in self.words
        return f" {' '.join(words)} " in self.lemma_text

    def has_any(self, entries: frozenset[Words]) -> bool:
        singles, longer = by_length(entries)
        return not singles.isdisjoint(self.words) or any(self.has(words) for words in longer)

    def count(self, entries: frozenset[Words], other_than: set[str]) -> int:
        """How many entries the sentence has that share no word with ``other_than``."""
        singles, longer = by_length(entries)
        found = len((singles & self.words) - other_than)
        return found + sum(1 for w in longer if self.has(w) and not other_than & set(w))

    def has_word(self, entries: frozenset[str]) -> bool:
        return self.has_any(_split(entries))

    @cached_property
    def victims(self) -> set[str]:
        return victims(self.span, self.lexicon.actors)


@cache
def by_length(entries: frozenset[Words]) -> tuple[frozenset[str], tuple[Words, ...]]:
    """A lexicon list's one-word entries as a set of words, and its other entries: a set
    is asked once where each entry would be asked in turn."""
    singles = frozenset(words[0] for words in entries if len(words) == 1)
    return singles, tuple(words for words in entries if len(words) != 1)


@cache
def _split(entries: frozenset[str]) -> frozenset[Words]:
    """The words of each entry of a lexicon list, split once per process."""
    return frozenset(tuple(entry.split()) for entry in entries)


def _weight(lexicon: EventLexicon, label: str) -> float:
    entry = lexicon.entries.get(label)
    return entry.weight if entry is not None else 1.0


def _routed(lexicon: EventLexicon, label: str) -> tuple[str, float]:
    return label, _weight(lexicon, label)


_CAUSE_PREPS = frozenset({"in", "by", "from", "after", "during"})
_EXPLOSIONS = frozenset({"explosion", "blast", "fire", "crash", "accident", "collapse"})


def _by_means(trigger: Token, doers: list[Token], lexicon: EventLexicon) -> bool:
    """Whether a weapon, a blast or a hazard is what killed or hurt ("killed in a fire")."""
    actors = lexicon.actors
    means = actors["weapons"] | actors["hazard"] | _EXPLOSIONS
    causes = list(doers) + [
        g
        for c in token_children(trigger)
        if c.dep_ in {"prep", "agent"} and c.lower_ in _CAUSE_PREPS
        for g in token_children(c)
        if g.dep_ == "pobj"
    ]
    return any(str(t.lemma_).lower() in means for t in causes)


def route_actors(
    label: str, trigger: Token, sentence: Sentence, lexicon: EventLexicon
) -> tuple[str, float] | None:
    """Violence, arrests and destruction, re-routed by the kinds of agent and patient."""
    actors = lexicon.actors
    doers = agents(trigger)
    acting = kinds_of(doers, actors, agent=True)
    if "hazard" in acting:
        return None  # "the flood destroyed houses" is no act of any armed actor
    if label in (ATTACK, ARMED_CLASH) and _by_means(trigger, doers, lexicon):
        return None  # "the blast killed five": the means words carry the event
    acted_on = kinds_of(patients(trigger), actors)
    if label == ARRESTS:
        if "protester" in acted_on:
            return _routed(lexicon, INTERVENTION)
        if "nonstate" in acting and "state" not in acting:
            return _routed(lexicon, ABDUCTION)  # an armed group "detaining" people takes them
        return _routed(lexicon, label)
    if label == ABDUCTION:
        return _routed(lexicon, label)
    unorganised = "mob" in acting or (bool(acting) and acting <= {"civilian"})
    if label == LOOTING:
        if "protester" in acting:
            return _routed(lexicon, VIOLENT_DEMONSTRATION)
        if unorganised:
            return _routed(lexicon, MOB_VIOLENCE)
        return _routed(lexicon, label)
    if "protester" in acting:
        return _routed(lexicon, VIOLENT_DEMONSTRATION)
    if unorganised:
        return _routed(lexicon, MOB_VIOLENCE)
    if "protester" in acted_on:
        if label == ARMED_CLASH:
            return _routed(lexicon, VIOLENT_DEMONSTRATION)  # "clashed with protesters"
        if "nonstate" not in acting:
            return _routed(lexicon, EXCESSIVE_FORCE)
    if label == ARMED_CLASH:
        return _routed(lexicon, label)
    if "protester" in sentence.victims and "nonstate" not in acting:
        return _routed(lexicon, EXCESSIVE_FORCE)
    # The act's own objects decide first, then whoever the sentence says was hurt.
    for hurt in (acted_on, sentence.victims):
        if "civilian" in hurt and not hurt & ARMED:
            return ATTACK, lexicon.settings["targeted"]
        if hurt & ARMED:
            return _routed(lexicon, ARMED_CLASH)
    if label == ATTACK and trigger.lemma_.lower() in _ASSAULT_WORDS:
        # ACLED's Attack is violence against civilians; an attack, raid or assault with no
        # civilian named as its target is fighting ("started an attack across the border").
        return _routed(lexicon, ARMED_CLASH)
    return _routed(lexicon, label)


_ASSAULT_WORDS = frozenset({"attack", "assault", "raid", "incursion", "offensive", "storm"})


def route_territory(
    label: str, trigger: Token, sentence: Sentence, lexicon: EventLexicon
) -> tuple[str, float] | None:
    """A capture of a place: by whom, and whether anyone fought for it."""
    actors = lexicon.actors
    # The place is the object ("took the town", "took control of X" via "control"), or,
    # when the object is the people driven out, the place they left ("dislodged the
    # militants from X"); a subject only for "the town fell to ...".
    direct = [t for c in token_children(trigger) if c.dep_ in _DIRECT for t in with_conjuncts(c)]
    direct_kinds = kinds_of(direct, actors)
    taken = list(direct)
    people_only = bool(direct_kinds) and direct_kinds <= _PEOPLE
    if direct and not direct_kinds & _TERRITORY_OBJECTS and not people_only:
        return None  # "seized weapons", "seized heroin": not territory
    if not direct_kinds & _TERRITORY_OBJECTS:
        holders = [trigger, *direct]
        taken = [
            g
            for h in holders
            for c in token_children(h)
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS
            for g in token_children(c)
            if g.dep_ == "pobj"
        ]
        if str(trigger.lemma_).lower() == "fall":
            taken += [c for c in token_children(trigger) if c.dep_ == "nsubj"]
    # A proper name the parser did not type (place names it has never seen) counts too.
    unknown_names = any(t.pos_ == "PROPN" and not actor_kinds(t, actors) for t in taken)
    if not (kinds_of(taken, actors) & _TERRITORY_OBJECTS or unknown_names):
        return None  # "captured two soldiers", "seized weapons": not territory
    if sentence.has_word(lexicon.grammar["peaceful"]):
        return _routed(lexicon, TRANSFER)
    acting = kinds_of(agents(trigger), actors, agent=True)
    if label == REGAINS:
        won_by_group = "nonstate" in acting and "state" not in acting
        return _routed(lexicon, OVERTAKES if won_by_group else REGAINS)
    won_by_state = "state" in acting and "nonstate" not in acting
    return _routed(lexicon, REGAINS if won_by_state else OVERTAKES)


def route(
    label: str, trigger: Token, sentence: Sentence, lexicon: EventLexicon
) -> tuple[str, float] | None:
    """The label and base score a cue ends with, or None when the rule rejects it."""
    entry = lexicon.entries[label]
    if entry.rule == "actors":
        return route_actors(label, trigger, sentence, lexicon)
    if entry.rule == "territory":
        return route_territory(label, trigger, sentence, lexicon)
    return label, entry.weight
