"""Name keys that fold spelling and transliteration variants together.

"Jusov" and "Yusov", "Baranovski" and "Baranovsky", "«Baza»" and "Baza" get the same
key, so that one source written three ways is one source.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

_DROP = re.compile(r"[\"'“”‘’«»„()\[\].,:;!?]")
_LEADING = ("the ", "a ", "an ")
# Ordered: longer patterns first, so "skiy" folds before "y".
_FOLDS = [
    ("skiy", "ski"),
    ("skyi", "ski"),
    ("sky", "ski"),
    ("ij", "i"),
    ("iy", "i"),
    ("yo", "e"),
    ("jo", "e"),
    ("ye", "e"),
    ("ie", "e"),
    ("kh", "h"),
    ("w", "v"),
    ("j", "y"),
    ("ks", "x"),
]


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A key equal for spelling variants of one name; empty for an empty name."""
    text = _DROP.sub(" ", anyascii(name)).lower()
    text = " ".join(text.split())
    for prefix in _LEADING:
        if text.startswith(prefix):
            text = text[len(prefix) :]
    words = []
    for word in text.split():
        for old, new in _FOLDS:
            word = word.replace(old, new)
        word = re.sub(r"(.)\1+", r"\1", word)
        words.append(word)
    return " ".join(words)


def same_name(a: str, b: str) -> bool:
    """Same person or body: equal keys, or one is the other's last word (a surname)."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
    return " " not in short and long_.split()[-1] == short and len(short) > 3


def clean_name(text: str) -> str:
    """A name as written, without quotes, a leading article or a possessive ending."""
    for mark in ("“", "”", '"', "«", "»", "„"):
        text = text.replace(mark, "")
    text = text.replace(" ’s", "").replace(" 's", "")
    words = text.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words).strip(" ,")
