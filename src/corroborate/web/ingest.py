"""``POST /api/articles``: analyse one article and store it, as ``corroborate analyze`` does.

The analysis pipeline takes seconds to load, so it is loaded once per application, on
the first article posted, and then reused; one article is analysed at a time because a
spaCy pipeline is not made to be shared between threads. Each posted article is a run of
its own in the ledger, with its error recorded if the analysis fails.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from fastapi import FastAPI, HTTPException

from corroborate.errors import LedgerError
from corroborate.ingest.language import normalise_language
from corroborate.ingest.records import make_article, parse_published
from corroborate.models import Article, ArticleAnalysis
from corroborate.store import Ledger
from corroborate.web.params import invalid
from corroborate.web.schemas import ArticleIn

INGEST_SOURCE = "POST /api/articles"
_CREATE_LOCK = threading.Lock()


class Analyzing(Protocol):
    def analyze(self, article: Article) -> ArticleAnalysis: ...


def default_analyzer() -> Analyzing:
    # Imported here: loading spaCy would slow the start of every server, even read-only ones.
    from corroborate.analyzer import Analyzer

    return Analyzer(progress=False)


class AnalyzerSlot:
    """One analyser, built by ``factory`` the first time an article needs it."""

    def __init__(self, factory: Callable[[], Analyzing] = default_analyzer) -> None:
        self._factory = factory
        self._analyzer: Analyzing | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._analyzer is not None

    def analyze(self, article: Article) -> ArticleAnalysis:
        with self._lock:
            if self._analyzer is None:
                self._analyzer = self._factory()
            return self._analyzer.analyze(article)


def analyzer_slot(app: FastAPI) -> AnalyzerSlot:
    """The application's analyser slot; set ``app.state.analyzer`` first to use another."""
    with _CREATE_LOCK:
        slot: AnalyzerSlot | None = getattr(app.state, "analyzer", None)
        if slot is None:
            slot = AnalyzerSlot()
            app.state.analyzer = slot
        return slot


def article_from_body(body: ArticleIn) -> Article:
    """The article posted, with its content-hash id, its date parsed and its language."""
    if not body.text.strip():
        raise invalid("text", "the article text is empty; send the text of the article.")
    published = None
    if body.published is not None and body.published.strip():
        published = parse_published(body.published)
        if published is None:
            raise invalid(
                "published",
                f"'{body.published}' is not a date; write YYYY-MM-DD or an ISO date-time.",
            )
    return make_article(
        body.text,
        body.url or INGEST_SOURCE,
        "api",
        url=body.url,
        outlet=body.outlet,
        language=normalise_language(body.language),
        published=published,
        title=body.title,
    )


def ingest(path: Path, slot: AnalyzerSlot, article: Article) -> bool:
    """Analyse ``article`` and store it in the ledger at ``path``; False if already there."""
    if not path.is_file():
        raise HTTPException(
            status_code=503,
            detail=f"{path}: no such ledger; run `corroborate analyze` to write it, "
            "then restart the server.",
        )
    try:
        with Ledger.open(path) as ledger:
            if ledger.has_article(article.id):
                return False
            run_id = ledger.start_run(f"serve: {INGEST_SOURCE}")
            try:
                analysis = slot.analyze(article)
            except Exception as exc:  # a failed analysis is reported, and recorded as in a batch
                reason = f"analysis failed ({type(exc).__name__}: {exc}); please report it"
                ledger.record_error(run_id, article.source, reason)
                ledger.finish_run(run_id, new=0, unchanged=0, failed=1)
                raise HTTPException(
                    status_code=500,
                    detail=f"{article.source}: {reason}. The article was not stored.",
                ) from exc
            created = ledger.save_analysis(analysis, run_id)
            ledger.finish_run(
                run_id,
                new=int(created),
                unchanged=int(not created),
                failed=0,
                skipped=int(created and not analysis.analysed),
            )
    except LedgerError as exc:
        raise HTTPException(status_code=503, detail=str(exc)) from exc
    return created
