"""Tests of the dated-text and plain-text reader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corroborate.errors import InputError
from corroborate.ingest import parse_dated_text, read_file
from corroborate.models import Article

BODY = (
    "The “Legion of Free Russia” said that it dreams of “a Russia freed from Putin's "
    "dictatorship”.\n\nAt least two armed groups crossed the border.\n"
)


def _only_article(results: list[Article | InputError]) -> Article:
    assert len(results) == 1
    assert isinstance(results[0], Article), results[0]
    return results[0]


def test_ingest_dated_text_header_on_the_same_line_as_the_text() -> None:
    article = parse_dated_text(" date 2024-03-12 " + BODY, "seed.txt")
    assert article.published == dt.date(2024, 3, 12)
    assert article.format == "dated-text"
    assert article.text == BODY
    assert article.source == "seed.txt"


def test_ingest_dated_text_header_on_its_own_line() -> None:
    article = parse_dated_text("date 2024-03-12\n\n" + BODY, "a.txt")
    assert article.published == dt.date(2024, 3, 12)
    assert article.text == BODY


def test_ingest_dated_text_keeps_the_text_after_the_header_exactly() -> None:
    raw = "date 2024-03-12   First  line.\n   Indented second line.  \n"
    article = parse_dated_text(raw, "a.txt")
    assert article.text == "First  line.\n   Indented second line.  \n"
    assert raw.endswith(article.text)


def test_ingest_dated_text_impossible_date_is_reported() -> None:
    with pytest.raises(InputError) as caught:
        parse_dated_text("date 2024-13-40 The group said it attacked.", "bad.txt")
    assert caught.value.source == "bad.txt"
    assert "malformed date header" in caught.value.reason
    assert "YYYY-MM-DD" in caught.value.reason


def test_ingest_dated_text_wrong_date_form_is_reported() -> None:
    with pytest.raises(InputError, match="malformed date header"):
        parse_dated_text("date 12.03.2024\nThe group said it attacked.", "bad.txt")


def test_ingest_dated_text_header_without_text_is_reported() -> None:
    with pytest.raises(InputError, match="no article text"):
        parse_dated_text("date 2024-03-12\n\n", "bare.txt")


def test_ingest_plain_text_without_header_takes_the_default_date() -> None:
    article = parse_dated_text(BODY, "plain.txt", default_date=dt.date(2024, 5, 1))
    assert article.format == "text"
    assert article.text == BODY
    assert article.published == dt.date(2024, 5, 1)


def test_ingest_plain_text_without_header_or_default_has_no_date() -> None:
    article = parse_dated_text(BODY, "plain.txt")
    assert article.published is None


def test_ingest_plain_text_starting_with_the_word_date_is_not_a_header() -> None:
    raw = "date palms were burned in the shelling of the village, officials said."
    article = parse_dated_text(raw, "palms.txt")
    assert article.format == "text"
    assert article.text == raw


def test_ingest_text_file_reader_reads_dated_text(tmp_path: Path) -> None:
    path = tmp_path / "seed-2024-03-12.txt"
    path.write_text(" date 2024-03-12 " + BODY, encoding="utf-8")
    article = _only_article(list(read_file(path)))
    assert article.source == str(path)
    assert article.published == dt.date(2024, 3, 12)
    assert article.text == BODY
    assert article.language == "en"


def test_ingest_text_file_reader_reads_markdown_as_text(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(BODY, encoding="utf-8")
    article = _only_article(list(read_file(path, default_date=dt.date(2024, 3, 13))))
    assert article.format == "text"
    assert article.published == dt.date(2024, 3, 13)


def test_ingest_text_file_reader_normalises_windows_newlines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"date 2024-03-12\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n")
    article = _only_article(list(read_file(path)))
    assert article.text == "First paragraph.\n\nSecond paragraph.\n"
