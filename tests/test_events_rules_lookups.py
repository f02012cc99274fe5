"""A sentence is asked for a lexicon list's one-word entries as a set: counts and
answers must be those of asking entry by entry."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from corroborate.events.lexicon import Words, load_event_lexicon
from corroborate.events.rules import Sentence

ENTRIES: frozenset[Words] = frozenset(
    {("attack",), ("drone",), ("shoot", "down"), ("air", "defence"), ("kill",), ("war",)}
)


@pytest.mark.parametrize(
    "text",
    [
        "Air defence shot down a drone attack over Kursk.",
        "Drones attacked; three people were killed.",
        "Nothing happened.",
    ],
)
@pytest.mark.parametrize("own", [set(), {"attack"}, {"drone", "down"}])
def test_events_rules_lookups_count_as_entry_by_entry(
    run_doc: Callable[[str], Doc], text: str, own: set[str]
) -> None:
    doc = run_doc(text)
    keys = [t.lemma_.lower() for t in doc]
    sentence = Sentence(
        span=doc[:],
        lexicon=load_event_lexicon(),
        words=frozenset(keys) | frozenset(t.lower_ for t in doc),
        lemma_text=f" {' '.join(keys)} ",
    )
    by_entry = sum(1 for w in ENTRIES if sentence.has(w) and not own & set(w))
    assert sentence.count(ENTRIES, own) == by_entry
    assert sentence.has_any(ENTRIES) == any(sentence.has(w) for w in ENTRIES)
