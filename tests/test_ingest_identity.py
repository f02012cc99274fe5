"""Tests of article identity: the id is a hash of the normalised text."""

from __future__ import annotations

import re
import unicodedata

from corroborate.ingest import article_id, parse_dated_text

TEXT = "The army said two drones were shot down over Belgorod overnight."


def test_ingest_id_has_the_documented_form() -> None:
    assert re.fullmatch(r"a[0-9a-f]{16}", article_id(TEXT))


def test_ingest_id_is_stable_for_the_same_text() -> None:
    assert article_id(TEXT) == article_id(TEXT)


def test_ingest_id_ignores_line_wrapping_and_surrounding_whitespace() -> None:
    wrapped = "  The army said two drones\nwere shot down over\n\tBelgorod   overnight.\n"
    assert article_id(wrapped) == article_id(TEXT)


def test_ingest_id_ignores_unicode_composition() -> None:
    composed = "Le café a été touché."
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert article_id(composed) == article_id(decomposed)


def test_ingest_id_differs_for_different_text() -> None:
    assert article_id(TEXT) != article_id(TEXT.replace("two", "three"))


def test_ingest_id_keeps_case() -> None:
    assert article_id(TEXT) != article_id(TEXT.upper())


def test_ingest_id_of_an_article_is_the_id_of_its_text() -> None:
    article = parse_dated_text("date 2024-03-12\n" + TEXT, "a.txt")
    assert article.id == article_id(TEXT)
