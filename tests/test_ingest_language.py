"""Tests of language detection and of language codes given by records."""

from __future__ import annotations

import json
from pathlib import Path

from corroborate.ingest import detect_language, read_file
from corroborate.ingest.language import normalise_language
from corroborate.models import Article

ENGLISH = "The Russian Defence Ministry said its air defences shot down two drones overnight."
RUSSIAN = "Министерство обороны России заявило, что ночью его ПВО сбила два беспилотника."
UKRAINIAN = "Міністерство оборони Росії заявило, що вночі його ППО збила два безпілотники."


def test_ingest_language_detects_english() -> None:
    assert detect_language(ENGLISH) == "en"


def test_ingest_language_detects_russian() -> None:
    assert detect_language(RUSSIAN) == "ru"


def test_ingest_language_tells_ukrainian_from_russian() -> None:
    assert detect_language(UKRAINIAN) == "uk"


def test_ingest_language_too_short_text_is_unknown() -> None:
    assert detect_language("Drones, 12:00") is None
    assert detect_language("") is None


def test_ingest_language_codes_from_records_are_normalised() -> None:
    assert normalise_language("EN") == "en"
    assert normalise_language("en-GB") == "en"
    assert normalise_language("rus") == "ru"
    assert normalise_language("Russian") == "ru"
    assert normalise_language("") is None
    assert normalise_language(7) is None


def test_ingest_language_given_by_a_record_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": ENGLISH, "language": "DE"}) + "\n", encoding="utf-8")
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert article.language == "de"


def test_ingest_language_is_detected_when_a_record_gives_none(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": RUSSIAN}) + "\n", encoding="utf-8")
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert article.language == "ru"
