"""What is kept per Doc to save work must read exactly as spaCy's own attributes."""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.tokens import Doc

from corroborate.nlp.frames import (
    doc_sents,
    doc_text,
    excluded_ranges,
    in_excluded,
    register_extensions,
    release,
    remember_text,
    span_text,
    token_children,
    token_words,
)

TEXT = (
    "KYIV, March 12 (Reuters) — Russian drones hit the Kharkiv region overnight.\n\n"
    "“We shot down 36 of 40 drones,” the air force said, but couldn't confirm it.  Two  "
    "spaces stay; so does a tab\there."
)


def test_frames_doc_caches_read_as_spacy_does(run_doc: Callable[[str], Doc]) -> None:
    doc = run_doc(TEXT)
    assert doc_text(doc) == doc.text
    sentences = doc_sents(doc)
    assert sentences == list(doc.sents)
    assert [s.text for s in sentences] == [s.text for s in doc.sents]
    assert [span_text(e) for e in doc.ents] == [e.text for e in doc.ents]
    words = token_words(doc)
    assert words.lemmas == [t.lemma_.lower() for t in doc]
    assert words.lowers == [t.lower_ for t in doc]
    assert words.texts == [t.text for t in doc]
    assert words.deps == [t.dep_ for t in doc]
    assert words.spaces == [t.is_space for t in doc]
    for token in doc:
        assert [c.i for c in token_children(token)] == [c.i for c in token.children]


def test_frames_doc_caches_text_given_to_the_tokenizer_is_the_doc_text() -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc(TEXT)
    remember_text(doc, TEXT)
    assert doc_text(doc) == doc.text == TEXT


def test_frames_doc_caches_excluded_ranges_read_the_extension() -> None:
    register_extensions()
    doc = spacy.blank("en").make_doc(TEXT)
    assert excluded_ranges(doc) == []
    doc._.excluded = [(0, 30)]
    assert excluded_ranges(doc) == [(0, 30)]
    assert in_excluded(doc, 5, 20) and not in_excluded(doc, 25, 40)


def test_frames_doc_caches_release_drops_what_was_kept(run_doc: Callable[[str], Doc]) -> None:
    doc = run_doc(TEXT)
    doc_sents(doc)
    token_words(doc)
    release(doc)
    assert doc.user_data == {}
    assert [s.text for s in doc_sents(doc)] == [s.text for s in doc.sents]
