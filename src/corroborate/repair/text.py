"""The repaired text of an article, with its exact map back to the original.

The repairs alone define the repaired text: each repair with a replacement rewrites
its stretch of the original; flags (replacement ``None``) change nothing. The offset
map is derived from the same repairs, so a :class:`RepairedText` built by hand from
stored repairs maps offsets exactly as the one :func:`repair_text` returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corroborate.errors import CorroborateError
from corroborate.models import Repair
from corroborate.repair.layout import find_layout_repairs
from corroborate.repair.lexicon import english_share
from corroborate.repair.offsets import Edit, OffsetMap, apply_edits, minimal_edit
from corroborate.repair.words import find_word_repairs

_LETTER_RUN = re.compile(r"[^\W\d_]+")
# Below this share of common English words the text is taken to be in another
# language, and the English word repairs would do harm.
_MIN_ENGLISH_SHARE = 0.5
_MIN_WORDS_FOR_LANGUAGE_CHECK = 8


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
        (offset_map.to_repaired(r.start), offset_map.to_repaired_end(r.end))
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
    return english_share(words) >= _MIN_ENGLISH_SHARE


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
            edits.append(minimal_edit(repair.start, repair.original, repair.replacement))
    return edits


def _check_range(start: int, end: int, length: int) -> None:
    if not 0 <= start <= end <= length:
        raise CorroborateError(
            f"range {start}..{end} is not inside the text (0..{length}); "
            "pass start <= end within the text"
        )
