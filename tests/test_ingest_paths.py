"""Tests of reading files and folders: dispatch by type, folder walks, bad paths."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from corroborate.errors import InputError
from corroborate.ingest import read_file, read_paths
from corroborate.ingest.paths import READERS
from corroborate.models import Article

TEXT = "The army said two drones were shot down overnight near the border town."


def _sources(results: list[Article | InputError]) -> list[str]:
    return [result.source for result in results]


def test_ingest_folder_is_read_recursively_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / "b" / "deep" / "c.txt").write_text("date 2024-03-12 " + TEXT, encoding="utf-8")
    (tmp_path / "b" / "a.jsonl").write_text(json.dumps({"text": TEXT + " Two."}) + "\n")
    (tmp_path / "a.txt").write_text(TEXT + " One.", encoding="utf-8")
    results = list(read_paths([tmp_path]))
    assert all(isinstance(result, Article) for result in results)
    assert _sources(results) == [
        str(tmp_path / "a.txt"),
        f"{tmp_path / 'b' / 'a.jsonl'}:1",
        str(tmp_path / "b" / "deep" / "c.txt"),
    ]


def test_ingest_folder_walk_skips_hidden_files_and_non_articles(tmp_path: Path) -> None:
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "old.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".notes.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "ledger.db").write_bytes(b"SQLite format 3\x00")
    (tmp_path / "article.txt").write_text(TEXT, encoding="utf-8")
    results = list(read_paths([tmp_path]))
    assert _sources(results) == [str(tmp_path / "article.txt")]


def test_ingest_folder_walk_reports_unsupported_documents(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n")
    (error,) = read_paths([tmp_path])
    assert isinstance(error, InputError)
    assert error.source == str(tmp_path / "report.pdf")
    assert "'.pdf' files are not supported" in error.reason


def test_ingest_empty_folder_is_reported(tmp_path: Path) -> None:
    (error,) = read_paths([tmp_path])
    assert isinstance(error, InputError)
    assert "holds no article files" in error.reason


def test_ingest_missing_path_is_reported(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    (error,) = read_paths([missing])
    assert isinstance(error, InputError)
    assert error.source == str(missing)
    assert error.reason == "no such file or folder; check the path"


def test_ingest_batch_goes_on_after_bad_inputs(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    results = list(read_paths([tmp_path / "missing.txt", empty, good]))
    assert [type(result) for result in results] == [InputError, InputError, Article]


def test_ingest_default_date_reaches_undated_articles(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(TEXT, encoding="utf-8")
    (article,) = read_paths([path], default_date=dt.date(2024, 3, 12))
    assert isinstance(article, Article)
    assert article.published == dt.date(2024, 3, 12)


def test_ingest_explicit_file_of_unknown_type_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "article.log"
    path.write_text("date 2024-03-12\n" + TEXT, encoding="utf-8")
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert article.format == "dated-text"
    assert article.text == TEXT


def test_ingest_unknown_type_holding_json_is_read_as_json(tmp_path: Path) -> None:
    path = tmp_path / "article"
    path.write_text(json.dumps({"text": TEXT, "outlet": "Example"}), encoding="utf-8")
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert article.format == "json"
    assert article.outlet == "Example"


def test_ingest_explicit_binary_file_of_unknown_type_names_the_formats(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (error,) = read_file(path)
    assert isinstance(error, InputError)
    assert "binary" in error.reason
    assert ".jsonl" in error.reason
    assert ".html" in error.reason


def test_ingest_same_text_in_two_formats_is_one_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"text": TEXT}), encoding="utf-8")
    first, second = read_paths([tmp_path])
    assert isinstance(first, Article)
    assert isinstance(second, Article)
    assert first.id == second.id


def test_ingest_unexpected_reader_failure_does_not_end_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(path: Path, *, default_date: dt.date | None = None) -> Iterator[Article]:
        raise RuntimeError("reader bug")

    monkeypatch.setitem(READERS, ".jsonl", explode)
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    error, article = read_paths([tmp_path])
    assert isinstance(error, InputError)
    assert "RuntimeError: reader bug" in error.reason
    assert isinstance(article, Article)


def test_ingest_unlistable_folder_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    original = os.scandir

    def refuse(path: str | os.PathLike[str]) -> Any:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)

    monkeypatch.setattr(os, "scandir", refuse)
    article, error = read_paths([tmp_path])
    assert isinstance(article, Article)
    assert isinstance(error, InputError)
    assert error.source == str(locked)
    assert "cannot list the folder" in error.reason


def test_ingest_unknown_type_holding_html_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved-page"
    path.write_text(
        "<!DOCTYPE html><html><head><title>T</title></head><body><article>"
        f"<p>{TEXT} Officials said the damage was being assessed.</p></article></body></html>",
        encoding="utf-8",
    )
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert article.format == "html"
    assert TEXT in article.text
