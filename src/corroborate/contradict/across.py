"""Contradictions between claims of different articles about one event cluster.

The same tests as within an article (:mod:`corroborate.contradict.pairs`), read from the
ledger's records: the slots each claim fills and the places its content names. Claims
from copies of one article are the same claims and are not set against each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from corroborate.models import ArticleAnalysis, Claim, Entity, PlaceMention


@dataclass
class StoredClaim:
    article_id: str
    origin: str
    claim: Claim
    source: str
    side: tuple[str | None, str | None] | None  # (side, affiliation) of a known source
    places: list[PlaceMention]


def stored_claims(analysis: ArticleAnalysis, origin: str, claim_ids: set[str]) -> list[StoredClaim]:
    """The claims of an analysis that fill a slot, with their source and places."""
    found = []
    for claim in analysis.claims:
        if claim.id not in claim_ids or not claim.slots or not claim.sources:
            continue
        ref = claim.sources[0]
        entity: Entity | None = analysis.entity(ref.entity_id)
        places = [
            p
            for p in analysis.places
            if claim.content.start <= p.span.start < claim.content.end and p.place_id is not None
        ]
        side = (entity.side, entity.affiliation) if entity is not None and entity.actor_id else None
        name = entity.canonical if entity is not None and entity.actor_id else ref.name
        found.append(StoredClaim(analysis.article.id, origin, claim, name, side, places))
    return found


Pair = tuple[StoredClaim, StoredClaim, str]


def contradictions_across(claims: Sequence[StoredClaim]) -> list[Pair]:
    """Pairs of claims from different origins whose slots cannot both hold."""
    found: list[Pair] = []
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.origin == b.origin or not _opposed(a, b):
                continue
            why = _why(a, b) or _why(b, a)
            if why is not None:
                found.append((a, b, why))
    return found


def _opposed(a: StoredClaim, b: StoredClaim) -> bool:
    if a.source.lower() == b.source.lower():
        return False
    return not (a.side and b.side and a.side == b.side)


def _why(a: StoredClaim, b: StoredClaim) -> str | None:
    sa, sb = a.claim.slots, b.claim.slots
    if sa.get("outcome") == "taken" and sb.get("outcome") == "repelled":
        place = _held_in(a.places, b.places)
        if place is not None:
            return (
                f"{a.source}: {place.name} taken vs {b.source}: the attack stopped "
                f"in {place.admin1 or place.name}"
            )
    if sa.get("outcome") == "ongoing" and sb.get("outcome") == "repelled":
        return f"{a.source}: fighting continues vs {b.source}: the attack repelled"
    if sa.get("attacker") == "independent" and sb.get("attacker") == "state forces":
        return f"{a.source}: the fighters act independently vs {b.source}: state forces attacked"
    start_a, start_b = sa.get("start"), sb.get("start")
    if start_a and start_b and start_a != start_b:
        return f"{a.source}: the attack began {start_a} vs {b.source}: it began {start_b}"
    return None


def _held_in(taken: list[PlaceMention], stopped: list[PlaceMention]) -> PlaceMention | None:
    for place in taken:
        for area in stopped:
            same = place.place_id == area.place_id and place.name == area.name
            inside = (
                area.precision in ("region", "country")
                and place.country == area.country
                and (area.precision == "country" or place.admin1 == area.admin1)
            )
            if same or inside:
                return place
    return None
