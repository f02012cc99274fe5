"""A stretch that overlaps no caption or heading is answered without trimming it; every
answer must be the one trimming gives."""

from __future__ import annotations

from corroborate.repair import RepairedText


def _by_trimming(repaired: RepairedText, start: int, end: int) -> bool:
    stretch = repaired.text[start:end]
    if not stretch.strip():
        return False
    start += len(stretch) - len(stretch.lstrip())
    end -= len(stretch) - len(stretch.rstrip())
    return any(s <= start and end <= e for s, e in repaired.excluded)


def test_repair_excluded_stretches_agree_with_trimming() -> None:
    text = "Body one.\n\nPhoto: a caption here\n\n  Body two ends.  \nA Heading\n"
    caption = text.index("Photo")
    heading = text.index("A Heading")
    excluded = [(caption, caption + len("Photo: a caption here")), (heading, len(text) - 1)]
    repaired = RepairedText(text, text, [], excluded)
    answers = [
        repaired.is_excluded(start, end) == _by_trimming(repaired, start, end)
        for start in range(len(text) + 1)
        for end in range(start, len(text) + 1)
    ]
    assert all(answers)
    assert repaired.is_excluded(caption - 2, caption + 5)  # blank lines around it aside
    assert not repaired.is_excluded(0, len("Body one."))
