"""Syndicated copies: the same text republished by many outlets is one origin.

Near-duplicates are found with MinHash signatures of word 5-grams and locality-sensitive
hashing (``datasketch``), so finding the copies of a new article costs about the same
whatever the size of the ledger. The origin of a group is its earliest article (by
publication date, then by order of arrival): a wire story and its twenty republications
count once when corroboration is weighed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+")
_SHINGLE = 5
_PERMUTATIONS = 128
# Share of 5-grams two texts must have in common to be copies. Rewrites of a lead
# sentence or a trimmed ending keep far more than this; two reports of one event written
# independently share far less.
COPY_THRESHOLD = 0.5


def shingles(text: str) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < _SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + _SHINGLE]).encode() for i in range(len(words) - _SHINGLE + 1)}


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=_PERMUTATIONS)
    minhash.update_batch(list(shingles(text)))
    return minhash


@dataclass
class CopyIndex:
    """Articles seen so far; each new one is matched against them, then added."""

    threshold: float = COPY_THRESHOLD
    _lsh: MinHashLSH = field(init=False)
    _origin: dict[str, str] = field(default_factory=dict)
    _published: dict[str, dt.date | None] = field(default_factory=dict)
    _position: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=_PERMUTATIONS)

    def add(self, article_id: str, text: str, published: dt.date | None = None) -> str:
        """Index an article and return the id of its origin (itself when it is new)."""
        if article_id in self._origin:
            return self._origin[article_id]
        minhash = signature(text)
        similar = [key for key in self._lsh.query(minhash) if key in self._origin]
        origin = article_id
        if similar:
            origins = {self._origin[key] for key in similar}
            earliest = min(origins, key=lambda key: self._order(key))
            if self._order(earliest) <= (published or dt.date.max, len(self._origin)):
                origin = earliest
            else:
                # The new article is older than the group it joins: it becomes the origin.
                for key, value in self._origin.items():
                    if value in origins:
                        self._origin[key] = article_id
        self._lsh.insert(article_id, minhash)
        self._origin[article_id] = origin
        self._published[article_id] = published
        self._position[article_id] = len(self._position)
        return self._origin[article_id]

    def origin(self, article_id: str) -> str | None:
        return self._origin.get(article_id)

    def groups(self) -> dict[str, list[str]]:
        """Origin id -> every article of its group, origin first."""
        found: dict[str, list[str]] = {}
        for article_id, origin in self._origin.items():
            found.setdefault(origin, [origin])
            if article_id != origin:
                found[origin].append(article_id)
        return found

    def _order(self, article_id: str) -> tuple[dt.date, int]:
        published = self._published.get(article_id)
        return (published or dt.date.max, self._position.get(article_id, len(self._position)))
