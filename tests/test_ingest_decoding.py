"""Tests of reading bytes as text: encodings, empty and binary files."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.errors import InputError
from corroborate.ingest import read_file
from corroborate.ingest.decoding import decode_text
from corroborate.models import Article

RUSSIAN = "Армия заявила, что ночью были сбиты два беспилотника над Белгородской областью."
FRENCH = "L’armée a déclaré que deux drones avaient été abattus près de Koursk."


def _read_one(path: Path) -> Article | InputError:
    results = list(read_file(path))
    assert len(results) == 1
    return results[0]


def test_ingest_empty_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    error = _read_one(path)
    assert isinstance(error, InputError)
    assert error.source == str(path)
    assert error.reason == "file is empty"


def test_ingest_whitespace_only_file_is_reported_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\n")
    error = _read_one(path)
    assert isinstance(error, InputError)
    assert error.reason.startswith("file is empty")


def test_ingest_binary_file_with_nul_bytes_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20)
    error = _read_one(path)
    assert isinstance(error, InputError)
    assert "looks like a binary file" in error.reason


def test_ingest_binary_file_of_control_bytes_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(1, 32)) * 10)
    error = _read_one(path)
    assert isinstance(error, InputError)
    assert "looks like a binary file" in error.reason


def test_ingest_undecodable_file_names_the_byte_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"caf\x81 \x8d and more text")
    error = _read_one(path)
    assert isinstance(error, InputError)
    assert error.reason == (
        "cannot decode as UTF-8 (byte 0x81 at offset 3); re-save the file as UTF-8"
    )


def test_ingest_damaged_utf8_is_not_read_as_a_legacy_code_page() -> None:
    # Valid UTF-8 accents plus one stray Windows-1252 apostrophe (0x92): reading it all
    # as Windows-1252 would turn every "é" into "Ã©".
    damaged = FRENCH.encode("utf-8") + b" L\x92enqu\xc3\xaate continue."
    with pytest.raises(InputError) as caught:
        decode_text(damaged, "damaged.txt")
    offset = len(FRENCH.encode("utf-8")) + 2
    assert caught.value.reason == (
        f"cannot decode as UTF-8 (byte 0x92 at offset {offset}); re-save the file as UTF-8"
    )


@pytest.mark.parametrize(
    "encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "koi8_r"]
)
def test_ingest_russian_text_in_other_encodings_is_read_correctly(
    tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode(encoding))
    article = _read_one(path)
    assert isinstance(article, Article), article
    assert article.text == RUSSIAN
    assert article.language == "ru"


def test_ingest_western_legacy_text_is_read_correctly(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_bytes(FRENCH.encode("cp1252"))
    article = _read_one(path)
    assert isinstance(article, Article), article
    assert article.text == FRENCH


def test_ingest_unreadable_file_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(FRENCH, encoding="utf-8")
    original = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    error = _read_one(path)
    assert isinstance(error, InputError)
    assert error.source == str(path)
    assert "permission denied" in error.reason
