"""Tests of saving and loading analyses: round trip, idempotence, atomicity, runs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from corroborate.errors import LedgerError
from corroborate.models import (
    Article,
    ArticleAnalysis,
    Claim,
    Contradiction,
    DateMention,
    Entity,
    Event,
    Mention,
    PlaceMention,
    Quantity,
    Repair,
    SourceRef,
    Span,
    VerificationStatement,
)
from corroborate.store import Ledger, codec

SEED_TEXT = (
    "date 2024-03-12 The Legion of Free Russia claimed to have taken over the village of "
    "Tyotkino (Тёткино), Reuters reports, citing the group's Telegram publicationin the morning.\n"
    "Two people were reportedly wounded on Tuesday, according to Baza.\n"
    "The information could not be independently confirmed.\n"
    "In the photo, the flag of the Free Russian Legion.\n"
)


def span_of(text: str, phrase: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Span(start, start + len(phrase), phrase)


def sentence_spans(text: str) -> list[Span]:
    spans, start = [], 0
    for line in text.splitlines(keepends=True):
        spans.append(Span(start, start + len(line.rstrip("\n")), line.rstrip("\n")))
        start += len(line)
    return spans


def seed_analysis(article_id: str = "a1", text: str = SEED_TEXT) -> ArticleAnalysis:
    """A hand-built analysis touching every record type and every optional field."""
    sentences = sentence_spans(text)
    legion = span_of(text, "Legion of Free Russia")
    reuters = span_of(text, "Reuters")
    baza = span_of(text, "Baza")
    tyotkino = span_of(text, "Tyotkino")
    caption = sentences[3]
    glued = span_of(text, "publicationin")
    place = PlaceMention(tyotkino, "Tyotkino", 51.2345678901, 34.1, "Kursk", "RU", "settlement")
    took = Claim(
        id="c1",
        article_id=article_id,
        content=span_of(text, "to have taken over the village of Tyotkino (Тёткино)"),
        sentence=sentences[0],
        sources=[SourceRef("Freedom of Russia Legion", legion, "legion")],
        cue=span_of(text, "claimed"),
        via=[SourceRef("Reuters", reuters, "reuters"), SourceRef("Telegram channel")],
        channel="telegram",
        hedged=True,
        hedge_cues=["claimed"],
        certainty="probable",
        status="unconfirmed",
        event_id="e1",
    )
    wounded = Claim(
        id="c2",
        article_id=article_id,
        content=span_of(text, "Two people were reportedly wounded on Tuesday"),
        sentence=sentences[1],
        sources=[SourceRef("Baza", baza, "baza")],
        kind="statement",
        polarity="unknown",
    )
    return ArticleAnalysis(
        article=Article(
            id=article_id,
            text=text,
            source=f"inputs/{article_id}.txt",
            format="dated_text",
            url="https://example.org/raid",
            outlet="Example News",
            language="en",
            published=dt.date(2024, 3, 12),
            title="Volunteers cross the border",
        ),
        repairs=[
            Repair("caption", caption.start, caption.end, caption.text),
            Repair("glued_word", glued.start, glued.end, glued.text, "publication in"),
        ],
        sentences=sentences,
        mentions=[Mention(legion, "ORG", "legion"), Mention(tyotkino, "GPE")],
        entities=[
            Entity("legion", "Freedom of Russia Legion", "armed_group", ["Free Russian Legion"]),
            Entity("reuters", "Reuters", "media", [], "international wire", [reuters]),
        ],
        claims=[took, wounded],
        verification_statements=[
            VerificationStatement(sentences[2], "unconfirmed", ["c1", "c2"]),
            VerificationStatement(sentences[2], "unconfirmed", [], "article"),
        ],
        dates=[
            DateMention(span_of(text, "Tuesday"), "2024-03-12", "day"),
            DateMention(span_of(text, "2024-03-12"), None, None, in_caption=True),
        ],
        places=[place, PlaceMention(span_of(text, "Tyotkino"), "Tyotkino")],
        quantities=[Quantity("c2", "wounded", span_of(text, "Two"), 2.0, None, "at least")],
        events=[
            Event(
                "e1",
                article_id,
                "Battles",
                "Armed clash",
                "2024-03-12",
                "Tyotkino",
                ["legion"],
                ["c1"],
                place,
            ),
            Event("e2", article_id, "Strategic developments", None, None, None),
        ],
        contradictions=[Contradiction("c1", "c2", "control of Tyotkino")],
    )


def row_counts(path: Path, article_id: str) -> dict[str, int]:
    with sqlite3.connect(path) as raw:
        counts = {
            table.name: raw.execute(
                f"SELECT count(*) FROM {table.name} WHERE article_id = ?", (article_id,)
            ).fetchone()[0]
            for table in codec.CHILD_TABLES
        }
        counts["articles"] = raw.execute(
            "SELECT count(*) FROM articles WHERE id = ?", (article_id,)
        ).fetchone()[0]
    return counts


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with Ledger.open(tmp_path / "ledger.db") as opened:
        yield opened


def test_store_round_trip_is_exact(ledger: Ledger) -> None:
    original = seed_analysis()
    run_id = ledger.start_run("corroborate analyse inputs/")
    assert ledger.save_analysis(original, run_id) is True
    loaded = ledger.load_analysis("a1")
    assert loaded == original
    assert loaded is not None and loaded.captions == original.captions


def test_store_round_trip_keeps_a_skipped_article(ledger: Ledger) -> None:
    skipped = ArticleAnalysis(
        article=Article(id="s1", text="Короткий текст.", source="x.jsonl:3", format="jsonl"),
        analysed=False,
        skipped_reason="language ru has no pipeline",
    )
    ledger.save_analysis(skipped, ledger.start_run("analyse"))
    assert ledger.load_analysis("s1") == skipped


def test_store_sentence_text_stored_only_when_not_the_slice(ledger: Ledger) -> None:
    analysis = seed_analysis()
    analysis.sentences.append(Span(0, 4, "DATE"))
    ledger.save_analysis(analysis, ledger.start_run("analyse"))
    with sqlite3.connect(ledger.path) as raw:
        texts = [row[0] for row in raw.execute("SELECT text FROM sentences ORDER BY idx")]
    assert texts == [None, None, None, None, "DATE"]
    loaded = ledger.load_analysis("a1")
    assert loaded is not None and loaded.sentences == analysis.sentences


def test_store_load_missing_article_is_none(ledger: Ledger) -> None:
    assert ledger.load_analysis("nope") is None
    assert ledger.has_article("nope") is False


def test_store_iterates_in_insertion_order(ledger: Ledger) -> None:
    run_id = ledger.start_run("analyse")
    ids = ["zz", "aa", "mm"]
    for article_id in ids:
        ledger.save_analysis(seed_analysis(article_id), run_id)
    assert ledger.article_ids() == ids
    assert [a.article.id for a in ledger.iter_analyses()] == ids
    assert all(ledger.has_article(article_id) for article_id in ids)


def test_store_save_is_idempotent(ledger: Ledger) -> None:
    run_id = ledger.start_run("analyse")
    original = seed_analysis()
    assert ledger.save_analysis(original, run_id) is True
    before = row_counts(ledger.path, "a1")
    changed = dataclasses.replace(original, claims=[], skipped_reason="changed")
    assert ledger.save_analysis(original, run_id) is False
    assert ledger.save_analysis(changed, run_id) is False
    assert row_counts(ledger.path, "a1") == before
    assert ledger.load_analysis("a1") == original
    assert ledger.article_ids() == ["a1"]


@pytest.mark.parametrize(
    ("failure", "raised"),
    [(sqlite3.OperationalError("disk I/O error"), LedgerError), (KeyboardInterrupt(), None)],
)
def test_store_save_is_atomic_per_article(
    ledger: Ledger,
    monkeypatch: pytest.MonkeyPatch,
    failure: BaseException,
    raised: type[BaseException] | None,
) -> None:
    run_id = ledger.start_run("analyse")
    first, second, third = (seed_analysis(i) for i in ("a1", "a2", "a3"))
    ledger.save_analysis(first, run_id)
    ledger.save_analysis(second, run_id)

    def failing_encode(event: Event, article: Article) -> codec.Columns:
        raise failure

    # Events are written after the article, its claims and its search entry.
    broken = tuple(
        dataclasses.replace(t, encode=failing_encode) if t is codec.EVENTS else t
        for t in codec.CHILD_TABLES
    )
    monkeypatch.setattr(codec, "CHILD_TABLES", broken)
    with pytest.raises(raised or type(failure)):
        ledger.save_analysis(third, run_id)
    monkeypatch.undo()

    assert set(row_counts(ledger.path, "a3").values()) == {0}
    assert ledger.load_analysis("a1") == first
    assert ledger.load_analysis("a2") == second
    assert ledger.article_ids() == ["a1", "a2"]
    assert ledger.search("Tyotkino") and all(hit[0] != "a3" for hit in ledger.search("Tyotkino"))
    assert ledger.save_analysis(third, run_id) is True
    assert ledger.load_analysis("a3") == third


def test_store_save_rejects_claims_of_another_article(ledger: Ledger) -> None:
    analysis = seed_analysis()
    analysis.claims[1].article_id = "other"
    with pytest.raises(LedgerError, match="c2"):
        ledger.save_analysis(analysis, ledger.start_run("analyse"))
    assert not ledger.has_article("a1")


def test_store_save_rejects_duplicate_claim_ids_without_partial_rows(ledger: Ledger) -> None:
    analysis = seed_analysis()
    analysis.claims[1].id = "c1"
    with pytest.raises(LedgerError, match="a1"):
        ledger.save_analysis(analysis, ledger.start_run("analyse"))
    assert set(row_counts(ledger.path, "a1").values()) == {0}


def test_store_save_requires_a_known_run(ledger: Ledger) -> None:
    with pytest.raises(LedgerError, match="FOREIGN KEY"):
        ledger.save_analysis(seed_analysis(), run_id=42)


def test_store_runs_and_errors_are_recorded(ledger: Ledger) -> None:
    first = ledger.start_run("analyse a/")
    ledger.record_error(first, "a/bad.html", "no article text found")
    ledger.finish_run(first, new=3, unchanged=1, failed=1, skipped=2)
    second = ledger.start_run("analyse b/")
    ledger.record_error(second, "b/x.jsonl:4", "line 4 is not JSON")
    ledger.finish_run(second, new=0, unchanged=0, failed=1, status="interrupted")

    runs = ledger.runs()
    assert [(r.id, r.command, r.status) for r in runs] == [
        (first, "analyse a/", "finished"),
        (second, "analyse b/", "interrupted"),
    ]
    assert (runs[0].new, runs[0].unchanged, runs[0].failed, runs[0].skipped) == (3, 1, 1, 2)
    assert runs[0].finished_at is not None and runs[0].finished_at >= runs[0].started_at
    assert ledger.errors(first) == [("a/bad.html", "no article text found")]
    assert ledger.errors() == [
        ("a/bad.html", "no article text found"),
        ("b/x.jsonl:4", "line 4 is not JSON"),
    ]


def test_store_finish_run_rejects_bad_status_and_unknown_run(ledger: Ledger) -> None:
    run_id = ledger.start_run("analyse")
    with pytest.raises(LedgerError, match="'running'"):
        ledger.finish_run(run_id, new=0, unchanged=0, failed=0, status="running")
    with pytest.raises(LedgerError, match="no run 99"):
        ledger.finish_run(99, new=0, unchanged=0, failed=0)


def test_store_unfinished_run_is_interrupted_on_close(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        run_id = ledger.start_run("analyse")
        assert ledger.runs()[0].status == "running"
    with Ledger.open(tmp_path / "ledger.db") as reopened:
        run = reopened.runs()[0]
    assert (run.id, run.status, run.new) == (run_id, "interrupted", None)


@pytest.mark.skipif(sys.platform == "win32", reason="process probing is POSIX only")
def test_store_run_of_a_dead_process_is_interrupted_on_open(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    with Ledger.open(path) as ledger:
        crashed = ledger.start_run("analyse (killed)")
        alive = ledger.start_run("analyse (still going)")
        ledger._unfinished_runs.clear()  # as if the process had been killed
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE runs SET pid = ? WHERE id = ?", (int(finished.stdout), crashed))
    with Ledger.open(path) as reopened:
        statuses = {run.id: run.status for run in reopened.runs()}
    assert statuses == {crashed: "interrupted", alive: "running"}


def test_store_closed_ledger_raises_ledger_error(ledger: Ledger) -> None:
    ledger.close()
    ledger.close()
    with pytest.raises(LedgerError, match="closed"):
        ledger.article_ids()
