"""Run a batch: read inputs, analyse what is new, store it, and count what happened.

One bad input never stops a batch: read errors and analysis errors are recorded per
input in the ledger and reported. Each article is committed on its own, so a crash or
Ctrl-C mid-batch keeps every article stored so far.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from corroborate.analyzer import Analyzer
from corroborate.errors import InputError
from corroborate.ingest import read_paths
from corroborate.models import Article, ArticleAnalysis
from corroborate.store import Ledger


@dataclass
class BatchOutcome:
    new: int = 0
    unchanged: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    analyses: list[ArticleAnalysis] = field(default_factory=list)
    interrupted: bool = False

    def summary(self) -> str:
        analysed = self.new - len(self.skipped)
        parts = [
            f"{self.new} new ({analysed} analysed, {len(self.skipped)} not analysed)",
            f"{self.unchanged} unchanged",
            f"{len(self.failures)} failed",
        ]
        tail = " — interrupted; everything stored so far is kept" if self.interrupted else ""
        return ", ".join(parts) + tail


def run_batch(
    paths: list[Path],
    *,
    db: Path,
    default_date: dt.date | None = None,
    console: Console | None = None,
    progress: bool = True,
    batch_size: int = 8,
    actor_files: Sequence[Path] = (),
) -> BatchOutcome:
    """Analyse and store every article under ``paths`` in the ledger at ``db``."""
    outcome = BatchOutcome()
    with Ledger.open(db) as ledger:
        run_id = ledger.start_run("analyze " + " ".join(str(p) for p in paths))
        try:
            fresh = _read(ledger, run_id, paths, default_date, outcome)
            if fresh:
                analyzer = Analyzer(progress=progress, actor_files=actor_files)
                _analyse(ledger, run_id, fresh, analyzer, outcome, console, progress, batch_size)
        except KeyboardInterrupt:
            outcome.interrupted = True
        ledger.finish_run(
            run_id,
            new=outcome.new,
            unchanged=outcome.unchanged,
            failed=len(outcome.failures),
            skipped=len(outcome.skipped),
            status="interrupted" if outcome.interrupted else "finished",
        )
    return outcome


def _read(
    ledger: Ledger,
    run_id: int,
    paths: list[Path],
    default_date: dt.date | None,
    outcome: BatchOutcome,
) -> list[Article]:
    fresh: list[Article] = []
    seen: set[str] = set()
    for item in read_paths(paths, default_date=default_date):
        if isinstance(item, InputError):
            outcome.failures.append((item.source, item.reason))
            ledger.record_error(run_id, item.source, item.reason)
            continue
        if item.id in seen:
            outcome.unchanged += 1
            continue
        seen.add(item.id)
        stored = ledger.load_analysis(item.id) if ledger.has_article(item.id) else None
        if stored is not None:
            outcome.unchanged += 1
            outcome.analyses.append(stored)
        else:
            fresh.append(item)
    return fresh


def _analyse(
    ledger: Ledger,
    run_id: int,
    articles: list[Article],
    analyzer: Analyzer,
    outcome: BatchOutcome,
    console: Console | None,
    progress: bool,
    batch_size: int,
) -> None:
    bar = Progress(
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console or Console(stderr=True),
        transient=True,
        disable=not progress,
    )
    with bar:
        task = bar.add_task("analysing", total=len(articles))
        for article, analysis in _each(analyzer, articles, batch_size, outcome, ledger, run_id):
            if analysis is not None:
                ledger.save_analysis(analysis, run_id)
                outcome.new += 1
                outcome.analyses.append(analysis)
                if not analysis.analysed:
                    outcome.skipped.append((article.source, analysis.skipped_reason or ""))
            bar.advance(task)


def _each(
    analyzer: Analyzer,
    articles: list[Article],
    batch_size: int,
    outcome: BatchOutcome,
    ledger: Ledger,
    run_id: int,
) -> Iterator[tuple[Article, ArticleAnalysis | None]]:
    """Analyse in batches; if a batch fails, retry its articles one by one to find the bad one."""
    for start in range(0, len(articles), batch_size):
        chunk = articles[start : start + batch_size]
        results: list[ArticleAnalysis | None]
        try:
            results = list(analyzer.analyze_many(chunk, batch_size=batch_size))
        except Exception:  # one bad article must not sink the batch
            results = []
            for article in chunk:
                try:
                    results.append(analyzer.analyze(article))
                except Exception as exc:
                    reason = f"analysis failed ({type(exc).__name__}: {exc}); please report it"
                    outcome.failures.append((article.source, reason))
                    ledger.record_error(run_id, article.source, reason)
                    results.append(None)
        yield from zip(chunk, results, strict=True)
