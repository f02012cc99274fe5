"""A newline starts a sentence: the first word after a whitespace token holding one."""

from __future__ import annotations

import spacy

from corroborate.nlp.segmentation import LineBreaks


def _starts_token_by_token(words: list[str], spaces: list[bool]) -> list[int]:
    """Where the rule puts sentence starts, read one token at a time."""
    starts, after_break = [], False
    for i, word in enumerate(words):
        if word.isspace():
            after_break = after_break or "\n" in word
            continue
        if i > 0 and after_break:
            starts.append(i)
        after_break = False
    return starts


def test_segmentation_line_breaks_start_sentences_after_newlines() -> None:
    nlp = spacy.blank("en")
    text = "Photo: Reuters\n\nDrones hit Kursk.\nThe governor said  so. \n \n\tEnd\n"
    doc = nlp.make_doc(text)
    words = [t.text for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    LineBreaks()(doc)
    found = [t.i for t in doc if t.is_sent_start and t.i > 0]
    assert found == _starts_token_by_token(words, spaces)
    assert [doc[i].text for i in found] == ["Drones", "The", "End"]
