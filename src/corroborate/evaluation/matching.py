"""Matching primitives shared by the per-field scorers.

Gold strings are located in the article text with a plain search (every occurrence
counts); predictions are compared with them by character overlap. Names are compared
after :func:`normalise_name` (transliterated to ASCII, casefolded, punctuation and
quote marks dropped), region names after :func:`normalise_region`, which also drops
words such as "Oblast" or "region" so that "Belgorod region" equals "Belgorod Oblast".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from anyascii import anyascii

from corroborate.evaluation.gold import GoldClaim
from corroborate.models import Claim, Span

T = TypeVar("T")
Interval = tuple[int, int]

_NON_WORD = re.compile(r"[^0-9a-z]+")
_REGION_WORDS = frozenset(
    {
        "oblast",
        "oblasti",
        "oblys",
        "voblasts",
        "region",
        "regions",
        "krai",
        "kray",
        "province",
        "governorate",
        "republic",
        "respublika",
        "okrug",
        "autonomous",
        "city",
        "of",
        "the",
    }
)


def normalise_name(text: str) -> str:
    """Fold a name for comparison: ASCII, casefolded, words separated by one space."""
    folded = anyascii(text).casefold()
    return " ".join(_NON_WORD.sub(" ", folded).split())


def normalise_region(text: str) -> str:
    """Fold a region name and drop generic region words ("Oblast", "область", ...)."""
    words = normalise_name(text).split()
    kept = [word for word in words if word not in _REGION_WORDS]
    return " ".join(kept or words)


def occurrences(text: str, needle: str) -> list[Interval]:
    """Every (possibly overlapping) occurrence of ``needle`` in ``text`` as (start, end)."""
    found: list[Interval] = []
    if not needle:
        return found
    start = text.find(needle)
    while start != -1:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return found


def overlap(a: Interval, b: Interval) -> int:
    """Number of characters two half-open intervals share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def span_interval(span: Span) -> Interval:
    return (span.start, span.end)


def best_overlapping(
    places: Sequence[Interval], items: Iterable[T], interval_of: Callable[[T], Interval]
) -> T | None:
    """The item whose interval overlaps one of ``places`` most (first one on ties)."""
    best: T | None = None
    best_overlap = 0
    for item in items:
        interval = interval_of(item)
        amount = max((overlap(place, interval) for place in places), default=0)
        if amount > best_overlap:
            best, best_overlap = item, amount
    return best


def covers_half(places: Sequence[Interval], interval: Interval, needle_length: int) -> bool:
    """Whether ``interval`` overlaps one occurrence by at least half of the needle."""
    return any(2 * overlap(place, interval) >= needle_length > 0 for place in places)


def align_claims(
    text: str, gold_claims: Sequence[GoldClaim], predicted: Sequence[Claim]
) -> dict[str, Claim]:
    """Pair gold claims with predicted claims one to one, best overlap first.

    A pair qualifies when the overlap covers at least half of the quote or at least half
    of the predicted content span. Pairs are ranked by overlap relative to the union of
    both stretches (then by raw overlap), so an exact prediction wins over a long one
    that merely contains the quote. Returns gold claim id -> predicted claim.
    """
    candidates: list[tuple[float, int, int, int]] = []
    for gold_index, gold in enumerate(gold_claims):
        places = occurrences(text, gold.quote)
        for predicted_index, claim in enumerate(predicted):
            content = span_interval(claim.content)
            content_length = content[1] - content[0]
            for place in places:
                shared = overlap(place, content)
                if shared == 0:
                    continue
                if 2 * shared < len(gold.quote) and 2 * shared < content_length:
                    continue
                union = len(gold.quote) + content_length - shared
                candidates.append((shared / union, shared, -gold_index, -predicted_index))
    candidates.sort(reverse=True)
    pairs: dict[str, Claim] = {}
    used: set[int] = set()
    for _ratio, _shared, neg_gold, neg_predicted in candidates:
        gold = gold_claims[-neg_gold]
        if gold.id in pairs or -neg_predicted in used:
            continue
        pairs[gold.id] = predicted[-neg_predicted]
        used.add(-neg_predicted)
    return pairs


def date_values_agree(gold: str, predicted: str | None) -> bool:
    """Whether a predicted date value agrees with a gold one.

    Single values must be equal; when either side is a range ``A/B``, the other side
    agrees if it equals the range or shares an end with it.
    """
    if predicted is None:
        return False
    if gold == predicted:
        return True
    gold_ends = set(gold.split("/"))
    predicted_ends = set(predicted.split("/"))
    return bool(gold_ends & predicted_ends)
