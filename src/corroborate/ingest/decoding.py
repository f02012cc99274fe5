"""Turn the bytes of an input file into text, or say clearly why they are not text.

Articles arrive from scrapers, exports and hand-saved files, so besides UTF-8 this
accepts a byte-order mark (UTF-8, UTF-16, UTF-32), UTF-16 without one, and the legacy
code pages most often met in this domain (Windows-1251 and KOI8-R for Cyrillic,
Windows-1252/Latin-1 for Western text) when the decoded text is plausible. Newlines are
normalised to ``\\n`` as Python's text mode would do, so later offsets are stable.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from pathlib import Path

from corroborate.errors import InputError

logger = logging.getLogger(__name__)

BINARY_HINT = "looks like a binary file, not text; give a .txt, .jsonl, .json or .html article"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_CYRILLIC_CODEPAGES = ("cp1251", "koi8_r")
_WESTERN_CODEPAGE = "cp1252"
_SAMPLE_BYTES = 65536
_CONTROL_BYTES = frozenset([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_ALLOWED_CONTROLS = frozenset("\t\n\r\f")
_ALLOWED_SYMBOLS = frozenset("№°©®™§¶†‡•·¤¦¬±µ×÷")
_WORD = re.compile(r"[^\W\d_]+")


def read_text(path: Path) -> str:
    """Read ``path`` as text; raise :class:`InputError` naming the file and the problem."""
    data = read_bytes(path)
    return decode_text(data, str(path))


def read_bytes(path: Path) -> bytes:
    """Read the raw bytes of ``path``, turning OS failures into :class:`InputError`."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file or folder; check the path") from None
    except PermissionError:
        raise InputError(
            str(path), "cannot read the file (permission denied); check its permissions"
        ) from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, not a file") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(str(path), f"cannot read the file ({reason})") from None


def decode_text(data: bytes, source: str) -> str:
    """Decode ``data`` read from ``source`` to text with ``\\n`` newlines."""
    if not data.strip():
        raise InputError(source, "file is empty" if not data else "file is empty (only whitespace)")
    text = _decode(data, source)
    if _control_share(text) > 0.05:
        raise InputError(source, BINARY_HINT)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "file is empty (only whitespace)")
    return text


def _decode(data: bytes, source: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(
                    source,
                    f"starts with a {encoding.upper()} byte-order mark but cannot be decoded "
                    f"as {encoding.upper()} (offset {error.start}); re-save the file as UTF-8",
                ) from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise InputError(source, BINARY_HINT)
    if _control_byte_share(data) > 0.05:
        raise InputError(source, BINARY_HINT)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    legacy = _decode_legacy(data)
    if legacy is not None:
        return legacy
    bad_byte = data[utf8_error.start]
    raise InputError(
        source,
        f"cannot decode as UTF-8 (byte 0x{bad_byte:02x} at offset {utf8_error.start}); "
        "re-save the file as UTF-8",
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise UTF-16 without a byte-order mark by its two byte lanes.

    Text in one alphabet keeps the high byte of each code unit to a handful of values
    (0x00 for Latin, 0x04 for Cyrillic) while the low byte is rarely NUL; binary data
    does not look like that.
    """
    if len(data) % 2:
        return None
    sample = data[:_SAMPLE_BYTES]
    lanes = ((sample[1::2], sample[0::2], "utf-16-le"), (sample[0::2], sample[1::2], "utf-16-be"))
    for high, low, encoding in lanes:
        if 0 not in high or low.count(0) > 0.05 * len(low) or not _few_values(high):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(text) < 0.01:
            return text
    return None


def _few_values(lane: bytes) -> bool:
    common = Counter(lane).most_common(4)
    return sum(count for _, count in common) >= 0.95 * len(lane)


def _control_byte_share(data: bytes) -> float:
    sample = data[:_SAMPLE_BYTES]
    return sum(1 for byte in sample if byte in _CONTROL_BYTES) / len(sample)


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE_BYTES]
    controls = sum(
        1 for char in sample if unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS
    )
    return controls / max(1, len(sample))


def _decode_legacy(data: bytes) -> str | None:
    """Decode with a legacy code page, but only when the result reads as real text."""
    if _looks_like_damaged_utf8(data):
        return None
    for encoding in _CYRILLIC_CODEPAGES:
        text = _try_decode(data, encoding)
        if text is not None and _plausible_symbols(text) and _plausible_cyrillic(text):
            logger.info("decoded a file as %s rather than UTF-8", encoding)
            return text
    text = _try_decode(data, _WESTERN_CODEPAGE)
    if text is not None and _plausible_symbols(text) and _plausible_latin(text):
        logger.info("decoded a file as %s rather than UTF-8", _WESTERN_CODEPAGE)
        return text
    return None


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_like_damaged_utf8(data: bytes) -> bool:
    """Legacy code pages almost never form valid multi-byte UTF-8 sequences by chance."""
    decoded = data.decode("utf-8", errors="replace")
    damaged = decoded.count("\ufffd")
    intact = sum(1 for char in decoded if ord(char) > 0x7F and char != "\ufffd")
    return intact > damaged


def _plausible_symbols(text: str) -> bool:
    non_ascii = [char for char in text if ord(char) > 0x7F]
    if not non_ascii:
        return True
    readable = sum(
        1
        for char in non_ascii
        if unicodedata.category(char)[0] in "LPZ"
        or unicodedata.category(char) == "Sc"
        or char in _ALLOWED_SYMBOLS
    )
    return readable / len(non_ascii) >= 0.9


def _plausible_cyrillic(text: str) -> bool:
    """Cyrillic words must be wholly Cyrillic and mostly lower-case.

    Western text read as Windows-1251 mixes Latin and Cyrillic inside words; KOI8-R
    read as Windows-1251 (or the reverse) comes out mostly in capitals.
    """
    cyrillic_letters = 0
    letters_in_pure_words = 0
    lower = 0
    for word in _WORD.findall(text):
        cyrillic = [char for char in word if _is_cyrillic(char)]
        if not cyrillic and all(ord(char) < 0x80 for char in word):
            continue
        cyrillic_letters += len(cyrillic)
        lower += sum(1 for char in cyrillic if char.islower())
        if len(cyrillic) == len(word):
            letters_in_pure_words += len(word)
        else:
            cyrillic_letters += len(word) - len(cyrillic)
    if cyrillic_letters < 8:
        return False
    return letters_in_pure_words / cyrillic_letters >= 0.9 and lower / cyrillic_letters >= 0.5


def _plausible_latin(text: str) -> bool:
    """Western text has a few accented letters inside mostly-ASCII words."""
    accented = 0
    all_letters = 0
    for word in _WORD.findall(text):
        all_letters += len(word)
        accented += sum(1 for char in word if ord(char) > 0x7F)
    return all_letters > 0 and accented / all_letters <= 0.3


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"
