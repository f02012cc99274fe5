"""Quotations that run over paragraphs, tagged in their last paragraph."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

Run = Callable[[str], Doc]


def _said(doc: Doc) -> list[tuple[str, str]]:
    return [(c.sources[0].name, doc.text[c.content[0] : c.content[1]]) for c in doc._.claims]


def test_quotes_paragraphs_open_paragraph_belongs_to_the_closing_tag(run_doc: Run) -> None:
    doc = run_doc(
        "The commander spoke on Tuesday.\n\n"
        '"The enemy is attacking our positions. We are holding the line.\n\n'
        '"Without shells, we will lose ground," Oleksandr Syrskyi said.'
    )
    assert _said(doc) == [
        ("Oleksandr Syrskyi", "The enemy is attacking our positions."),
        ("Oleksandr Syrskyi", "We are holding the line."),
        ("Oleksandr Syrskyi", "Without shells, we will lose ground"),
    ]


def test_quotes_paragraphs_block_quote_does_not_run_into_another_mark(run_doc: Run) -> None:
    doc = run_doc(
        "The paper reported:\n\n"
        '"The village was quiet that night.\n\n'
        "“We heard nothing,” a resident said."
    )
    assert ("a resident", "The village was quiet that night.") not in _said(doc)
    assert all("quiet" not in content for name, content in _said(doc) if name == "resident")
