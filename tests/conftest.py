"""Shared fixtures: the analysis pipeline is loaded once per test session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from corroborate.nlp import build_pipeline

ARTICLE_DATE = dt.date(2024, 3, 12)  # a Tuesday


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_pipeline()


@pytest.fixture(scope="session")
def run_doc(nlp: Language) -> Callable[[str], Doc]:
    """Run the pipeline on a small article dated Tuesday 12 March 2024."""

    def run(text: str) -> Doc:
        doc = nlp.make_doc(text)
        doc._.article_date = ARTICLE_DATE
        return nlp(doc)

    return run
