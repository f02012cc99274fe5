"""A Ctrl-C mid-batch keeps every article stored so far and marks the run."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from corroborate.analyzer import Analyzer
from corroborate.batch import run_batch
from corroborate.models import Article, ArticleAnalysis
from corroborate.store import Ledger


def test_batch_interrupt_keeps_stored_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(
            f"date 2024-03-12\nThe mayor said that {n + 2} shells hit the market.\n",
            encoding="utf-8",
        )

    seen: list[Article] = []

    def fake_many(
        self: Analyzer, articles: Iterable[Article], *, batch_size: int = 16
    ) -> Iterator[ArticleAnalysis]:
        for article in articles:
            if len(seen) == 2:
                raise KeyboardInterrupt
            seen.append(article)
            yield ArticleAnalysis(article=article)

    monkeypatch.setattr(Analyzer, "analyze_many", fake_many)
    monkeypatch.setattr(Analyzer, "__init__", lambda self, **options: None)
    db = tmp_path / "l.db"
    outcome = run_batch([tmp_path], db=db, progress=False, batch_size=1)
    assert outcome.interrupted
    with Ledger.open(db) as ledger:
        assert len(ledger.article_ids()) == 2
        assert ledger.runs()[-1].status == "interrupted"
