"""The identity of an article: a hash of its text, blind to layout.

Two copies of one article differ in line wrapping, indentation and Unicode
composition more often than in words, so these are normalised away before hashing.
Case is kept: a headline in capitals is a different text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")


def normalise_for_id(text: str) -> str:
    """Unicode NFC, whitespace runs collapsed to one space, ends stripped."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str) -> str:
    """``"a"`` followed by the first 16 hex digits of the SHA-256 of the normalised text."""
    digest = hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()
    return "a" + digest[:16]
