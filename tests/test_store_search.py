"""Tests of full-text search over article titles and texts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corroborate.errors import LedgerError
from corroborate.models import Article, ArticleAnalysis
from corroborate.store import Ledger
from corroborate.store.ledger import literal_match_expression

HOSTILE = '"Tyotkino" OR 1=1; --'


def article(article_id: str, text: str, title: str | None = None) -> ArticleAnalysis:
    return ArticleAnalysis(
        Article(id=article_id, text=text, source=f"{article_id}.txt", format="text", title=title)
    )


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    ledger = Ledger.open(tmp_path / "ledger.db")
    run_id = ledger.start_run("analyse")
    for analysis in (
        article("village", "The Legion claimed to have taken the village of Tyotkino."),
        article("hostile", f"A reader typed {HOSTILE} into the search box."),
        article("other", "The ministry said the border crossing was prevented.", "Kursk"),
        article("accents", "Die Kämpfe dauerten an, sagte der Sprecher."),
    ):
        ledger.save_analysis(analysis, run_id)
    yield ledger
    ledger.close()


def test_store_search_finds_words_in_text_and_title(ledger: Ledger) -> None:
    assert [hit[0] for hit in ledger.search("tyotkino village")] == ["village"]
    assert [hit[0] for hit in ledger.search("Kursk")] == ["other"]
    assert [hit[0] for hit in ledger.search("kampfe")] == ["accents"]


def test_store_search_snippet_marks_the_match(ledger: Ledger) -> None:
    [(article_id, snippet)] = ledger.search("crossing")
    assert article_id == "other"
    assert "[crossing]" in snippet


def test_store_search_treats_hostile_query_as_text(ledger: Ledger) -> None:
    hits = ledger.search(HOSTILE)
    # Read as FTS5 syntax, OR would also match the article that only names Tyotkino.
    assert [hit[0] for hit in hits] == ["hostile"]
    assert ledger.article_ids() == ["village", "hostile", "other", "accents"]


@pytest.mark.parametrize(
    "query", ['"', "NEAR(", "title:Kursk OR", "*", ")", "AND", "text : -", "'; DROP TABLE x"]
)
def test_store_search_never_raises_on_syntax(ledger: Ledger, query: str) -> None:
    assert isinstance(ledger.search(query), list)


def test_store_search_column_filter_is_not_interpreted(ledger: Ledger) -> None:
    assert ledger.search("title:Kursk") == []


def test_store_search_without_words_returns_nothing(ledger: Ledger) -> None:
    assert ledger.search("  -- ;; ") == []


def test_store_search_respects_limit(ledger: Ledger) -> None:
    assert len(ledger.search("the", limit=2)) == 2
    with pytest.raises(LedgerError, match="limit"):
        ledger.search("the", limit=0)


def test_store_literal_match_expression_quotes_every_word() -> None:
    assert literal_match_expression(HOSTILE) == '"""Tyotkino""" "OR" "1=1;"'
    assert literal_match_expression("--") == ""
