"""The channel a statement went out on: Telegram, TV, a statement, a video, ...

Read from the cue's own modifiers ("wrote on its Telegram channel", "said in a
statement", "told Channel 24"), so a channel named elsewhere in the sentence is not
taken for this claim's.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from corroborate.nlp.frames import token_children
from corroborate.nlp.lexicon import Lexicon

_CHANNEL_PREPS = {"on", "in", "via", "through", "during", "at", "to", "over", "from"}
# More specific channels win over "tv", whose words ("channel") are generic.
_PRIORITY = [
    "telegram",
    "facebook",
    "x",
    "social_media",
    "press_conference",
    "interview",
    "video",
    "radio",
    "statement",
    "tv",
]


def _words(tokens: list[Token]) -> set[str]:
    lowered = [t.lower_ for t in tokens]
    return set(lowered) | {f"{a} {b}" for a, b in itertools.pairwise(lowered)}


def classify(tokens: list[Token], lex: Lexicon) -> str | None:
    """The channel label named by these tokens, if any."""
    words = _words(tokens)
    for label in _PRIORITY:
        if words & lex.channels.get(label, frozenset()):
            return label.replace("_", " ")
    return None


def find_channel(cue: Token, lex: Lexicon) -> str | None:
    for child in token_children(cue):
        if child.dep_ in ("prep", "agent") and child.lower_ in _CHANNEL_PREPS:
            label = classify(_phrase_without_clauses(child), lex)
            if label is not None:
                if label == "tv":
                    return f"tv: {_station(child)}"
                return label
        if child.dep_ in ("dobj", "dative") and cue.lemma_ == "tell" and is_broadcaster(child, lex):
            return f"tv: {' '.join(t.text for t in child.subtree)}"
    return None


def _phrase_without_clauses(prep: Token) -> list[Token]:
    """ "in its assessment that footage showed ...": the phrase, not the clause in it."""
    clauses = [t for t in prep.subtree if t.dep_ in ("relcl", "acl", "ccomp", "advcl")]
    inside = {i for clause in clauses for i in range(clause.left_edge.i, clause.right_edge.i + 1)}
    return [t for t in prep.subtree if t.i not in inside]


def _station(prep: Token) -> str:
    tokens = [t for t in prep.subtree if t.i != prep.i and t.dep_ != "det"]
    return " ".join(t.text for t in tokens)


def is_broadcaster(token: Token, lex: Lexicon) -> bool:
    """A TV or radio station named as the addressee of "told": a channel, not a relay."""
    words = _words(list(token.subtree))
    return bool(
        words & (lex.channels.get("tv", frozenset()) | lex.channels.get("radio", frozenset()))
    )
