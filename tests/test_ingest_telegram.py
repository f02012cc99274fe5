"""Tests of the Telegram channel export reader."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from corroborate.errors import InputError
from corroborate.ingest import read_file
from corroborate.models import Article

EXPORT: dict[str, Any] = {
    "name": "Frontline Reports",
    "type": "public_channel",
    "id": 1234567890,
    "messages": [
        {"id": 1, "type": "service", "date": "2024-03-11T09:00:00", "action": "create_channel"},
        {
            "id": 2,
            "type": "message",
            "date": "2024-03-12T07:55:00",
            "text": "Explosions were heard in Belgorod overnight, residents said.",
        },
        {
            "id": 3,
            "type": "message",
            "date": "2024-03-12T08:10:00",
            "text": [
                "The governor ",
                {"type": "bold", "text": "confirmed"},
                " that two drones were shot down, see ",
                {"type": "link", "text": "https://example.com/x"},
            ],
        },
        {"id": 4, "type": "message", "date": "2024-03-12T08:20:00", "text": "", "photo": "a.jpg"},
    ],
}


def _read(tmp_path: Path, export: dict[str, Any]) -> list[Article | InputError]:
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    return list(read_file(path))


def test_ingest_telegram_reads_each_text_message(tmp_path: Path) -> None:
    results = _read(tmp_path, EXPORT)
    assert len(results) == 2
    first, second = results
    assert isinstance(first, Article)
    assert isinstance(second, Article)
    assert first.format == "telegram"
    assert first.outlet == "Frontline Reports"
    assert first.source == f"{tmp_path / 'result.json'}#2"
    assert first.published == dt.date(2024, 3, 12)
    assert first.url is None
    assert second.text == (
        "The governor confirmed that two drones were shot down, see https://example.com/x"
    )


def test_ingest_telegram_links_messages_when_the_channel_has_a_username(tmp_path: Path) -> None:
    results = _read(tmp_path, {**EXPORT, "username": "frontline_reports"})
    assert isinstance(results[0], Article)
    assert results[0].url == "https://t.me/frontline_reports/2"


def test_ingest_telegram_export_without_text_is_reported(tmp_path: Path) -> None:
    export = {**EXPORT, "messages": EXPORT["messages"][:1]}
    (error,) = _read(tmp_path, export)
    assert isinstance(error, InputError)
    assert "no message with text" in error.reason
