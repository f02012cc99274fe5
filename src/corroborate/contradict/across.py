"""Contradictions between claims of different articles about one event cluster.

The same tests as within an article (:mod:`corroborate.contradict.pairs`), read from the
ledger's records: the slots each claim fills and the places its content names. Claims
from copies of one article are the same claims and are not set against each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from corroborate.contradict.effects import casualty_key
from corroborate.models import ArticleAnalysis, Claim, Entity, PlaceMention
from corroborate.resolve.names import names_one_party


@dataclass
class StoredClaim:
    article_id: str
    origin: str
    claim: Claim
    source: str
    side: tuple[str | None, str | None] | None  # (side, affiliation) of a known source
    places: list[PlaceMention]
    published: str | None = None  # the article's date, YYYY-MM-DD
    actor_id: str | None = None
    written: str = ""  # the source as the article names it


def stored_claims(
    analysis: ArticleAnalysis,
    origin: str,
    claim_ids: set[str],
    main_place: PlaceMention | None = None,
) -> list[StoredClaim]:
    """The claims of an analysis that fill a slot, with their source and places.

    A claim that names no place ("The village has been liberated") is about
    ``main_place``, the place of the event the article reports, when one is given.
    """
    found = []
    for claim in analysis.claims:
        if claim.id not in claim_ids or not claim.slots or not claim.sources:
            continue
        places = [
            p
            for p in analysis.places
            if claim.content.start <= p.span.start < claim.content.end and p.place_id is not None
        ]
        if not places and main_place is not None and main_place.place_id is not None:
            places = [main_place]
        # "The Legion and the Corps claimed ...": each of them holds the claim.
        for ref in claim.sources:
            entity: Entity | None = analysis.entity(ref.entity_id)
            if entity is None and claim.channel == "video":
                continue  # footage nobody is named as posting is evidence, not a party
            known = entity is not None and entity.actor_id
            published = analysis.article.published
            found.append(
                StoredClaim(
                    analysis.article.id,
                    origin,
                    claim,
                    entity.canonical if entity is not None and known else ref.name,
                    (entity.side, entity.affiliation) if entity is not None and known else None,
                    places,
                    published.isoformat() if published else None,
                    entity.actor_id if entity is not None else None,
                    ref.name,
                )
            )
    return found


Pair = tuple[StoredClaim, StoredClaim, str]
AspectPair = tuple[StoredClaim, StoredClaim, str, str]  # a, b, aspect, why


def contradictions_across(claims: Sequence[StoredClaim]) -> list[Pair]:
    """Pairs of claims from different origins whose slots cannot both hold."""
    return [(a, b, why) for a, b, _, why in contradictions_with_aspects(claims)]


def contradictions_with_aspects(claims: Sequence[StoredClaim]) -> list[AspectPair]:
    """As :func:`contradictions_across`, with what the pair disagrees on: ``control``,
    ``attacker``, ``start``, ``damage``, ``target``, ``killed`` or ``wounded``."""
    found: list[AspectPair] = []
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.origin == b.origin or not _opposed(a, b):
                continue
            reason = _reason(a, b) or _reason(b, a)
            if reason is not None:
                found.append((a, b, *reason))
    return found


def _opposed(a: StoredClaim, b: StoredClaim) -> bool:
    if a.actor_id and a.actor_id == b.actor_id:
        return False
    if names_one_party(a.source, b.source) or names_one_party(a.written, b.written):
        return False
    return not (a.side and b.side and a.side == b.side)


def _reason(a: StoredClaim, b: StoredClaim) -> tuple[str, str] | None:
    sa, sb = a.claim.slots, b.claim.slots
    if sa.get("outcome") == "taken" and sb.get("outcome") == "repelled":
        place = _held_in(a.places, b.places)
        if place is not None:
            return "control", (
                f"{a.source}: {place.name} taken vs {b.source}: the attack stopped "
                f"in {place.admin1 or place.name}"
            )
    if sa.get("outcome") == "ongoing" and sb.get("outcome") == "repelled":
        return "control", f"{a.source}: fighting continues vs {b.source}: the attack repelled"
    if sa.get("attacker") == "independent" and sb.get("attacker") == "state forces":
        return "attacker", (
            f"{a.source}: the fighters act independently vs {b.source}: state forces attacked"
        )
    start_a, start_b = sa.get("start"), sb.get("start")
    if start_a and start_b and start_a != start_b:
        return "start", f"{a.source}: the attack began {start_a} vs {b.source}: it began {start_b}"
    if sa.get("damage") == "none" and sb.get("damage") == "damaged":
        return "damage", f"{a.source}: nothing was damaged vs {b.source}: damage or fire"
    if sa.get("target") == "civilian" and sb.get("target") == "military":
        return "target", (
            f"{a.source}: civilians or homes were hit vs {b.source}: a military target"
        )
    return _figures(a, b)


def _figures(a: StoredClaim, b: StoredClaim) -> tuple[str, str] | None:
    """Different exact figures for the same casualties, given the same day.

    A figure published on a later day is an update of the toll, not a contradiction.
    """
    if a.published is None or a.published != b.published:
        return None
    for kind in ("killed", "wounded"):
        value_a, value_b = a.claim.slots.get(kind), b.claim.slots.get(kind)
        if value_a is None or value_b is None:
            continue
        key_a, key_b = casualty_key(value_a), casualty_key(value_b)
        if key_a is None or key_b is None:
            continue
        (count_a, who_a), (count_b, who_b) = key_a, key_b
        if who_a == who_b and count_a != count_b:
            return kind, f"{a.source}: {count_a} {who_a} {kind} vs {b.source}: {count_b} {kind}"
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
