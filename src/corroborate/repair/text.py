"""The repaired text of an article, with its exact map back to the original.

The repairs alone define the repaired text: each repair with a replacement rewrites
its stretch of the original; flags (replacement ``None``) change nothing. The offset
map is derived from the same repairs, so a :class:`RepairedText` built by hand from
stored repairs maps offsets exactly as the one :func:`repair_text` returns.

Each repair is first reduced to its minimal edits (the characters the old and new
text share are kept), so a glued word becomes a one-space insertion and a removed
fragment a pure deletion. Every character outside the edits is copied and maps
one to one; characters inserted by an edit map to the point where they were inserted.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from corroborate.errors import CorroborateError
from corroborate.models import Repair
from corroborate.repair.layout import find_layout_repairs
from corroborate.repair.words import find_word_repairs, mostly_english

_LETTER_RUN = re.compile(r"[^\W\d_]+")
# Below half of its words common English words (see mostly_english) the text is taken to
# be in another language, and the English word repairs would do harm.
_MIN_WORDS_FOR_LANGUAGE_CHECK = 8


@dataclass(frozen=True)
class Edit:
    """Replace ``original[start:end]`` by ``replacement``."""

    start: int
    end: int
    replacement: str


def minimal_edits(start: int, old: str, new: str) -> list[Edit]:
    """The edits turning ``old`` (found at ``start``) into ``new``, keeping what is kept.

    A repair that inserts two spaces ("theKremlindepot.The") becomes two insertions, so
    that every kept character maps to itself.
    """
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [
        Edit(start + old_start, start + old_end, new[new_start:new_end])
        for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes()
        if tag != "equal"
    ]


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


@dataclass
class RepairedText:
    """An article's text after repair, with offsets mapped back to the original.

    ``repairs`` carry offsets into ``original``; ``excluded`` holds ranges of ``text``
    (the repaired text) that are captions or headings rather than news body.
    """

    original: str
    text: str
    repairs: list[Repair] = field(default_factory=list)
    excluded: list[tuple[int, int]] = field(default_factory=list)
    _map: OffsetMap = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rebuilt, self._map = apply_edits(self.original, _edits(self.original, self.repairs))
        if rebuilt != self.text:
            raise CorroborateError(
                "repaired text does not match its repairs: applying the repairs to the "
                "original gives a different text; build RepairedText with repair_text()"
            )

    def to_original(self, pos: int) -> int:
        """Original offset of repaired offset ``pos`` (inserted spaces map to the glue)."""
        return self._map.to_original(pos)

    def to_repaired(self, pos: int) -> int:
        """Repaired offset of original offset ``pos`` (removed text maps to the cut)."""
        return self._map.to_repaired(pos)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original range ``[start', end')`` holding repaired ``[start, end)``."""
        _check_range(start, end, len(self.text))
        if start == end:
            position = self._map.to_original(start)
            return position, position
        return self._map.to_original(start), self._map.to_original_end(end)

    def repaired_span(self, start: int, end: int) -> tuple[int, int]:
        """The repaired range holding original ``[start, end)``."""
        _check_range(start, end, len(self.original))
        if start == end:
            position = self._map.to_repaired(start)
            return position, position
        return self._map.to_repaired(start), self._map.to_repaired_end(end)

    def is_excluded(self, start: int, end: int) -> bool:
        """True if repaired ``[start, end)``, whitespace aside, lies in a caption or heading."""
        _check_range(start, end, len(self.text))
        # The trimmed stretch lies inside [start, end): no excluded range overlapping that,
        # none can hold it.
        if not any(s < end and start < e for s, e in self.excluded):
            return False
        stretch = self.text[start:end]
        if not stretch.strip():
            return False
        start += len(stretch) - len(stretch.lstrip())
        end -= len(stretch) - len(stretch.rstrip())
        return any(s <= start and end <= e for s, e in self.excluded)


def repair_text(text: str, *, language: str | None = None) -> RepairedText:
    """Repair ``text`` for analysis, keeping a map back to its offsets.

    ``language`` is the article's language if known; word repairs (glued words,
    untranslated fragments) are made only in English text, which is detected from
    the words when ``language`` is None. Captions and headings are marked in any
    language.
    """
    repairs = find_layout_repairs(text)
    if _is_english(text, language):
        repairs.extend(find_word_repairs(text))
    repairs.sort(key=lambda r: (r.start, r.end))
    repaired, offset_map = apply_edits(text, _edits(text, repairs))
    excluded = [
        _trimmed(repaired, offset_map.to_repaired(r.start), offset_map.to_repaired_end(r.end))
        for r in repairs
        if r.kind in ("caption", "heading")
    ]
    return RepairedText(text, repaired, repairs, excluded)


def _is_english(text: str, language: str | None) -> bool:
    if language is not None:
        return language.lower().split("-")[0] in ("en", "eng", "english")
    words = _LETTER_RUN.findall(text)
    if len(words) < _MIN_WORDS_FOR_LANGUAGE_CHECK:
        return True
    return mostly_english(words)


def _edits(original: str, repairs: list[Repair]) -> list[Edit]:
    edits: list[Edit] = []
    for repair in sorted(repairs, key=lambda r: (r.start, r.end)):
        if original[repair.start : repair.end] != repair.original:
            raise CorroborateError(
                f"repair {repair.kind} at {repair.start}..{repair.end} expects "
                f"{repair.original!r} but the text has "
                f"{original[repair.start : repair.end]!r}; the repairs belong to another text"
            )
        if repair.replacement is not None:
            edits.extend(minimal_edits(repair.start, repair.original, repair.replacement))
    return edits


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding whitespace (a removal can leave some)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _check_range(start: int, end: int, length: int) -> None:
    if not 0 <= start <= end <= length:
        raise CorroborateError(
            f"range {start}..{end} is not inside the text (0..{length}); "
            "pass start <= end within the text"
        )
