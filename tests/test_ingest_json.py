"""Tests of the JSON reader (one article or an array of articles)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from corroborate.errors import InputError
from corroborate.ingest import read_file
from corroborate.models import Article

RECORD = {
    "url": "https://example.com/2",
    "outlet": "Example Daily",
    "published": "2024-03-12T08:00:00Z",
    "title": "Border attack",
    "text": "The group said it had crossed the border near the village at dawn.",
}


def test_ingest_json_reads_one_object(tmp_path: Path) -> None:
    path = tmp_path / "article.json"
    path.write_text(json.dumps(RECORD), encoding="utf-8")
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert article.format == "json"
    assert article.source == str(path)
    assert article.outlet == "Example Daily"
    assert article.published == dt.date(2024, 3, 12)
    assert article.title == "Border attack"


def test_ingest_json_reads_an_array_and_reports_bad_items(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    other = {"text": "Officials said the shelling damaged two houses in the town."}
    path.write_text(json.dumps([RECORD, {"title": "no text"}, other]), encoding="utf-8")
    results = list(read_file(path))
    assert [type(result) for result in results] == [Article, InputError, Article]
    assert isinstance(results[1], InputError)
    assert results[1].source == f"{path}[1]"
    assert isinstance(results[2], Article)
    assert results[2].source == f"{path}[2]"


def test_ingest_json_invalid_document_is_reported_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"text": "unfinished', encoding="utf-8")
    (error,) = read_file(path)
    assert isinstance(error, InputError)
    assert error.source == str(path)
    assert "not valid JSON" in error.reason
    assert "line 1" in error.reason


def test_ingest_json_lines_saved_as_json_get_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text(json.dumps(RECORD) + "\n" + json.dumps(RECORD) + "\n", encoding="utf-8")
    (error,) = read_file(path)
    assert isinstance(error, InputError)
    assert "rename it to .jsonl" in error.reason
