"""Who does what to whom around an event trigger, read from the dependency parse.

The classifier asks three questions of a trigger word: who acts (the agent), who or what
is acted on (the patients), and whether the clause reports the act as done (not negated,
not merely threatened, not only the topic of a condemnation). Actor phrases are sorted into
coarse kinds (state forces, armed groups, civilians, protesters, mobs, places, weapons)
from the words of the lexicon's ``[actors]`` table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal

from spacy.tokens import Span, Token

from corroborate.nlp.frames import token_children, token_words

Modality = Literal["plain", "negated", "hypothetical", "mention", "disrupted", "background"]
Lists = dict[str, frozenset[str]]

# Edges along which a trigger stays inside the proposition of its governor. Clause edges
# (advcl, conj, ccomp) start another proposition, so the walk stops there; a relative
# clause belongs to its noun ("the attack that killed five" is as much a topic as "the
# attack").
_CLIMB = frozenset(
    {"dobj", "pobj", "prep", "compound", "amod", "nmod", "poss", "xcomp", "attr", "pcomp"}
    | {"acomp", "appos", "npadvmod", "nsubjpass", "nsubj", "agent", "oprd", "dative", "acl"}
    | {"relcl"}
)
# Modifiers that make an armed group a state affiliate ("government-backed militia").
_AFFILIATES = frozenset({"government", "pro", "state", "army", "military", "loyalist"})
# Heads whose kind is that of their "of" phrase ("a convoy of aid workers").
_OF_HEADS = frozenset(
    {"group", "member", "people", "band", "number", "dozen", "convoy", "team", "bus", "car"}
)
# Facilities that are military targets when state words modify them ("police station").
_FACILITIES = frozenset(
    {"station", "office", "building", "compound", "vehicle", "truck", "car", "convoy"}
    | {"academy", "school", "hospital", "residence", "house", "facility", "installation"}
)
_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss", "nummod", "det"})
_SUBJECTS = frozenset({"nsubj", "csubj"})
_OBJECTS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
# Prepositions whose object is what an act is aimed at ("fired on", "clashed with"); "at"
# only after verbs of aiming, since "attacked at a checkpoint" names a place.
_TARGET_PREPS = frozenset({"on", "against", "with", "of", "upon"})
_AIMING = frozenset({"fire", "shoot", "throw", "hurl", "lob", "aim", "toss", "launch"})
_LIGHT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "commit", "perpetrate"})
_VICTIM_VERBS = frozenset(
    {"kill", "wound", "injure", "murder", "shoot", "behead", "massacre", "abduct", "kidnap"}
    | {"execute", "torture", "rape", "beat", "hurt", "target", "attack", "slaughter"}
)
ARMED = frozenset({"state", "nonstate", "military_target"})


def _key(token: Token) -> str:
    return str(token.lemma_).lower()


def with_conjuncts(head: Token) -> Iterator[Token]:
    """A phrase head and the heads coordinated with it ("soldiers and police")."""
    yield head
    for child in token_children(head):
        if child.dep_ == "conj":
            yield from with_conjuncts(child)


def actor_kinds(head: Token, actors: Lists, agent: bool = False) -> set[str]:
    """Coarse kinds of the phrase headed by ``head``: empty when nothing is known.

    As an agent, a country or a nationality stands for its state ("Russia shelled").
    """
    if head.ent_type_ in {"DATE", "TIME"}:
        return set()  # "on 12 March" is no march
    lemma, lower = _key(head), head.lower_
    modifiers = [c for c in token_children(head) if c.dep_ in _MODIFIERS]
    words = {_key(c) for c in modifiers} | {c.lower_ for c in modifiers}
    names = {t.lower_ for t in (head, *modifiers) if t.pos_ == "PROPN"}
    # "members of Boko Haram", "a group of villagers": the kind is the "of" phrase's.
    of_phrases = [
        g
        for c in token_children(head)
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in token_children(c)
    ]
    hazard_words = {lemma, lower} | {_key(c) for c in modifiers if c.dep_ == "compound"}
    if hazard_words & actors["hazard"] and not names & actors["nonstate_names"]:
        return {"hazard"}
    kinds: set[str] = set()
    if lemma in actors["nonstate"] and words & _AFFILIATES and "backed" in words | {lower}:
        return {"state"}
    if lemma in _FACILITIES and words & (actors["police"] | {"army", "military", "security"}):
        return {"military_target"}
    if names & actors["nonstate_names"] or words & actors["nonstate_modifiers"]:
        kinds.add("nonstate")
    elif lemma in actors["protester"] or lower in actors["protester"]:
        kinds.add("protester")
    if lemma in actors["mob"] and not kinds & {"nonstate"}:
        kinds.add("mob")
    if kinds:
        return kinds
    if of_phrases and lemma in _OF_HEADS:
        for inner in of_phrases:
            kinds |= actor_kinds(inner, actors, agent)
        if kinds:
            return kinds
    if lemma in actors["nonstate"]:
        return {"nonstate"}
    if lemma in actors["state"] or (words & actors["state_modifiers"] and lemma in {"man", "men"}):
        kinds.add("state")
        if lemma in actors["police"] or words & actors["police"]:
            kinds.add("police")
        return kinds
    if lemma in actors["civilian"] or lower in actors["civilian"]:
        return {"civilian"}
    if lemma in actors["military_targets"]:
        return {"military_target"}
    if lemma in actors["weapons"] or lower in actors["weapons"]:
        return {"weapon"}
    if agent and head.ent_type_ in {"GPE", "NORP"}:
        return {"state"}
    if lemma in actors["places"] or head.ent_type_ in {"GPE", "LOC", "FAC"}:
        return {"place"}
    return set()


def _noun_agents(trigger: Token) -> Iterator[Token]:
    for child in token_children(trigger):
        if child.dep_ in {"poss", "compound", "amod"} and child.ent_type_ != "DATE":
            yield child
        # "an attack by militants", "clashes between protesters and police"
        if child.dep_ == "prep" and child.lower_ in {"by", "between", "among"}:
            yield from (g for g in token_children(child) if g.dep_ == "pobj")
    head = trigger.head
    if trigger.dep_ == "dobj" and _key(head) in _LIGHT_VERBS:
        yield from (c for c in token_children(head) if c.dep_ in _SUBJECTS)


def agents(trigger: Token) -> list[Token]:
    """The heads of the phrases that carry out the act the trigger names."""
    if trigger.pos_ in {"NOUN", "PROPN"}:
        found = list(_noun_agents(trigger))
    else:
        found = [c for c in token_children(trigger) if c.dep_ in _SUBJECTS]
        if trigger.dep_ == "relcl" and any(t.tag_ in {"WDT", "WP"} for t in found):
            found = [trigger.head]  # "landslides that killed": the noun the clause is on
        fell = _key(trigger) == "fall"  # "the town fell to the rebels"
        for child in token_children(trigger):
            if child.dep_ == "agent" or (fell and child.dep_ == "prep" and child.lower_ == "to"):
                found.extend(g for g in token_children(child) if g.dep_ == "pobj")
        node = trigger
        # "stormed the village and killed five", "attacked, killing": the first verb's subject.
        while not found and node.dep_ in {"conj", "advcl", "xcomp"} and node.head is not node:
            node = node.head
            found = [c for c in token_children(node) if c.dep_ in _SUBJECTS]
    return [t for head in found for t in with_conjuncts(head)]


def patients(trigger: Token) -> list[Token]:
    """The heads of the phrases the act is done to, or fought against ("clashed with")."""
    found = [c for c in token_children(trigger) if c.dep_ in _OBJECTS]
    aims = _key(trigger) in _AIMING
    preps = [
        c
        for c in token_children(trigger)
        if c.dep_ == "prep" and (c.lower_ in _TARGET_PREPS or (aims and c.lower_ == "at"))
    ]
    if trigger.dep_ == "dobj" and _key(trigger.head) in _LIGHT_VERBS:
        preps += [c for c in token_children(trigger.head) if c.dep_ == "prep"]
    for prep in preps:
        found.extend(g for g in token_children(prep) if g.dep_ == "pobj")
    passive = trigger.dep_ == "amod" or any(c.dep_ == "agent" for c in token_children(trigger))
    if trigger.pos_ == "VERB" and not found and trigger.dep_ in {"amod", "acl"} and passive:
        found.append(trigger.head)  # "the kidnapped workers", "villages attacked by ..."
    return [t for head in found for t in with_conjuncts(head)]


# Prepositions that introduce what a verb acts on ("set fire to", "cache of weapons"), as
# opposed to where or from whom ("seized a priest from his house").
_OBJECT_PREPS = frozenset({"of", "on", "to", "into", "up", "down", "off", "out", "away"})


def _object_heads(verb: Token) -> list[Token]:
    heads = [c for c in token_children(verb) if c.dep_ in _OBJECTS]
    for child in token_children(verb):
        if child.dep_ in {"prep", "prt"} and child.lower_ in _OBJECT_PREPS:
            heads.extend(g for g in token_children(child) if g.dep_ == "pobj")
    return heads


_OBJECT_MODIFIERS = _MODIFIERS | {"npadvmod"}


def object_lemmas(trigger: Token) -> set[str]:
    """Lemmas of the trigger's objects and their modifiers ("weapons cache", "bomb-making
    workshop"); a verb without one shares its conjunct's ("found and destroyed a cache")."""
    heads = _object_heads(trigger)
    if not heads:
        for child in token_children(trigger):
            if child.dep_ == "conj":
                heads.extend(_object_heads(child))
    found: set[str] = set()
    for head in (t for h in heads for t in with_conjuncts(h)):
        found.add(_key(head))
        found.add(head.lower_)
        for child in token_children(head):
            if child.i < head.i and child.dep_ in _OBJECT_MODIFIERS:
                found.update(_key(t) for t in child.subtree)
            if child.dep_ == "prep" and child.lower_ == "of":
                found.update(_key(g) for g in token_children(child) if g.dep_ == "pobj")
    return found


def kinds_of(tokens: Iterable[Token], actors: Lists, agent: bool = False) -> set[str]:
    return {kind for token in tokens for kind in actor_kinds(token, actors, agent)}


def victims(sent: Span, actors: Lists) -> set[str]:
    """Kinds of whoever the sentence says was killed, hurt, taken or targeted."""
    found: set[str] = set()
    lemmas, doc = token_words(sent.doc).lemmas, sent.doc
    for i in range(sent.start, sent.end):
        lemma = lemmas[i]
        if lemma in _VICTIM_VERBS:
            found |= kinds_of(patients(doc[i]), actors)
        elif lemma == "die":
            found |= kinds_of((c for c in token_children(doc[i]) if c.dep_ in _SUBJECTS), actors)
    return found


def _marked(children: Iterable[Token], grammar: Lists) -> Modality | None:
    """What the words hanging from a clause's head make of it, in this order: negated (a
    negation, "no"), hypothetical (a modal) or background (a subordinator such as
    "after"); None for none. One pass, each child's relation read once."""
    negated = modal = background = False
    for child in children:
        dep = child.dep_
        if dep == "neg":
            negated = True
        elif dep == "det":
            negated = negated or child.lower_ == "no"
        elif dep == "aux":
            modal = modal or child.lower_ in grammar["modals"]
        elif dep == "mark":
            background = background or child.lower_ in grammar["background"]
    if negated:
        return "negated"
    if modal:
        return "hypothetical"
    return "background" if background else None


def modality(trigger: Token, grammar: Lists) -> Modality:
    """Whether the clause of the trigger reports the act as done, and if not, why not."""
    node = trigger
    for depth in range(6):
        marked = _marked(token_children(node), grammar)
        if marked is not None:
            return marked  # "after the army withdrew", "before leaving" are background
        if node.dep_ in {"pobj", "pcomp"} and node.head.lower_ in grammar["background"]:
            return "background"  # "after heavy fighting", "before withdrawing"
        if depth:
            lemma = _key(node)
            if lemma in grammar["disrupters"]:
                return "disrupted"
            if lemma in grammar["hypothetical"]:
                return "hypothetical"
            if lemma in grammar["mentions"]:
                return "mention"
        if node.dep_ not in _CLIMB or node.head is node:
            break
        node = node.head
    return "plain"


def modifies_actor(trigger: Token, actors: Lists) -> bool:
    """Whether a word only describes people ("protest leaders", "the strike committee")."""
    if trigger.dep_ not in {"compound", "amod", "nmod"}:
        return False
    head = _key(trigger.head)
    people = actors["civilian"] | actors["state"] | actors["nonstate"]
    return head in people or head in {"leader", "organizer", "organiser", "movement", "committee"}
