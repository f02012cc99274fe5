"""Exact offset maps between an original text and its repaired version.

A repair rewrites a stretch of the original. It is first reduced to its minimal edit
(the common prefix and suffix of the old and new text are kept), so that a glued word
becomes a one-space insertion and a deleted fragment a pure deletion. Every character
outside the edits is copied and maps one to one; characters inserted by an edit map to
the point where they were inserted.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from corroborate.errors import CorroborateError


@dataclass(frozen=True)
class Edit:
    """Replace ``original[start:end]`` by ``replacement``."""

    start: int
    end: int
    replacement: str


def minimal_edit(start: int, old: str, new: str) -> Edit:
    """The smallest edit turning ``old`` (found at ``start``) into ``new``."""
    shorter = min(len(old), len(new))
    prefix = 0
    while prefix < shorter and old[prefix] == new[prefix]:
        prefix += 1
    room = shorter - prefix
    suffix = 0
    while suffix < room and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return Edit(start + prefix, start + len(old) - suffix, new[prefix : len(new) - suffix])


@dataclass(frozen=True)
class _Piece:
    """A stretch that is either copied unchanged or written by one edit."""

    original_start: int
    original_length: int
    repaired_start: int
    repaired_length: int
    copied: bool


class OffsetMap:
    """Maps positions between the original and the repaired text, both ways."""

    def __init__(self, original_length: int, edits: Sequence[Edit]) -> None:
        self.original_length = original_length
        pieces: list[_Piece] = []
        original_pos = 0
        repaired_pos = 0
        for edit in edits:
            if edit.start < original_pos or edit.end < edit.start or edit.end > original_length:
                raise CorroborateError(
                    f"repair edit {edit.start}..{edit.end} overlaps another edit or lies "
                    f"outside the text (0..{original_length}); give non-overlapping repairs "
                    "sorted by start"
                )
            if edit.start > original_pos:
                length = edit.start - original_pos
                pieces.append(_Piece(original_pos, length, repaired_pos, length, True))
                repaired_pos += length
            pieces.append(
                _Piece(
                    edit.start,
                    edit.end - edit.start,
                    repaired_pos,
                    len(edit.replacement),
                    False,
                )
            )
            repaired_pos += len(edit.replacement)
            original_pos = edit.end
        if original_pos < original_length:
            length = original_length - original_pos
            pieces.append(_Piece(original_pos, length, repaired_pos, length, True))
            repaired_pos += length
        self.repaired_length = repaired_pos
        # Zero-length pieces own no position on that side, so each side indexes its own.
        self._by_repaired = [p for p in pieces if p.repaired_length > 0]
        self._repaired_starts = [p.repaired_start for p in self._by_repaired]
        self._by_original = [p for p in pieces if p.original_length > 0]
        self._original_starts = [p.original_start for p in self._by_original]

    def to_original(self, pos: int) -> int:
        """The original position of the repaired character at ``pos``."""
        _check(pos, self.repaired_length, "repaired")
        if pos == self.repaired_length:
            return self.original_length
        piece = self._by_repaired[bisect_right(self._repaired_starts, pos) - 1]
        offset = pos - piece.repaired_start
        if piece.copied:
            return piece.original_start + offset
        return piece.original_start + min(offset, max(piece.original_length - 1, 0))

    def to_original_end(self, end: int) -> int:
        """The original position just after the repaired character at ``end - 1``."""
        _check(end, self.repaired_length, "repaired")
        if end == 0:
            return 0
        piece = self._by_repaired[bisect_right(self._repaired_starts, end - 1) - 1]
        offset = end - 1 - piece.repaired_start
        if piece.copied:
            return piece.original_start + offset + 1
        return piece.original_start + min(offset + 1, piece.original_length)

    def to_repaired(self, pos: int) -> int:
        """The repaired position of the original character at ``pos``.

        A character removed by a repair maps to where the removal happened.
        """
        _check(pos, self.original_length, "original")
        if pos == self.original_length:
            return self.repaired_length
        piece = self._by_original[bisect_right(self._original_starts, pos) - 1]
        offset = pos - piece.original_start
        if piece.copied:
            return piece.repaired_start + offset
        return piece.repaired_start + min(offset, max(piece.repaired_length - 1, 0))

    def to_repaired_end(self, end: int) -> int:
        """The repaired position just after the original character at ``end - 1``."""
        _check(end, self.original_length, "original")
        if end == 0:
            return 0
        piece = self._by_original[bisect_right(self._original_starts, end - 1) - 1]
        offset = end - 1 - piece.original_start
        if piece.copied:
            return piece.repaired_start + offset + 1
        return piece.repaired_start + min(offset + 1, piece.repaired_length)


def apply_edits(original: str, edits: Sequence[Edit]) -> tuple[str, OffsetMap]:
    """The repaired text and its offset map; ``edits`` are sorted and do not overlap."""
    offset_map = OffsetMap(len(original), edits)
    parts: list[str] = []
    position = 0
    for edit in edits:
        parts.append(original[position : edit.start])
        parts.append(edit.replacement)
        position = edit.end
    parts.append(original[position:])
    return "".join(parts), offset_map


def _check(pos: int, length: int, side: str) -> None:
    if not 0 <= pos <= length:
        raise CorroborateError(
            f"offset {pos} lies outside the {side} text (0..{length}); "
            f"pass an offset into the {side} text"
        )
