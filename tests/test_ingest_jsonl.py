"""Tests of the JSON Lines reader."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from corroborate.errors import InputError
from corroborate.ingest import read_file
from corroborate.models import Article

FIRST = {
    "url": "https://example.com/1",
    "outlet": "Example News",
    "published": "2024-03-12",
    "language": "en",
    "title": "Drones downed",
    "text": "The army said two drones were shot down overnight near the border.",
}
SECOND = {"text": "Local officials said a woman was injured by falling debris."}


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ingest_jsonl_reads_every_field(tmp_path: Path) -> None:
    path = _write_lines(tmp_path / "a.jsonl", [json.dumps(FIRST)])
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert article.source == f"{path}:1"
    assert article.format == "jsonl"
    assert article.url == "https://example.com/1"
    assert article.outlet == "Example News"
    assert article.published == dt.date(2024, 3, 12)
    assert article.language == "en"
    assert article.title == "Drones downed"
    assert article.text == FIRST["text"]


def test_ingest_jsonl_broken_line_is_reported_and_good_lines_are_read(tmp_path: Path) -> None:
    broken = '{"text": "Shelling reported" "outlet": "X"}'
    path = _write_lines(tmp_path / "a.jsonl", [json.dumps(FIRST), broken, json.dumps(SECOND)])
    results = list(read_file(path))
    assert [type(result) for result in results] == [Article, InputError, Article]
    error = results[1]
    assert isinstance(error, InputError)
    assert error.source == f"{path}:2"
    assert "line is not valid JSON" in error.reason
    assert "Expecting ',' delimiter at column 30" in error.reason
    assert "fix or remove the line" in error.reason
    third = results[2]
    assert isinstance(third, Article)
    assert third.source == f"{path}:3"


def test_ingest_jsonl_line_without_text_is_reported(tmp_path: Path) -> None:
    path = _write_lines(tmp_path / "a.ndjson", [json.dumps({"title": "Only a title"})])
    (error,) = read_file(path)
    assert isinstance(error, InputError)
    assert error.source == f"{path}:1"
    assert "no 'text' field" in error.reason


def test_ingest_jsonl_line_that_is_not_an_object_is_reported(tmp_path: Path) -> None:
    path = _write_lines(tmp_path / "a.jsonl", ['["a", "list"]', json.dumps(SECOND)])
    results = list(read_file(path))
    assert isinstance(results[0], InputError)
    assert "found a JSON array" in results[0].reason
    assert isinstance(results[1], Article)


def test_ingest_jsonl_blank_lines_are_skipped_and_numbering_kept(tmp_path: Path) -> None:
    path = _write_lines(tmp_path / "a.jsonl", ["", json.dumps(SECOND), "   "])
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert article.source == f"{path}:2"


def test_ingest_jsonl_published_date_time_gives_its_date(tmp_path: Path) -> None:
    record = {**SECOND, "published": "2024-03-12T23:10:00+02:00"}
    path = _write_lines(tmp_path / "a.jsonl", [json.dumps(record)])
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert article.published == dt.date(2024, 3, 12)


def test_ingest_jsonl_unparsable_published_gives_no_date(tmp_path: Path) -> None:
    record = {**SECOND, "published": "last Tuesday"}
    path = _write_lines(tmp_path / "a.jsonl", [json.dumps(record)])
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert article.published is None


def test_ingest_jsonl_line_separator_inside_a_string_is_not_a_line_break(
    tmp_path: Path,
) -> None:
    record = {"text": "First sentence.\u2028Second sentence, still the same record."}
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert article.text == record["text"]
