"""Pairs of claims whose propositions cannot both hold, with the reason in words.

Only claims from different sources are compared, and when both sources are known
actors, only sources on different sides or of different affiliation: a party does not
contradict itself here, and a desk wants to see where the parties disagree.

- a place **taken** against an attack **repelled** or a crossing prevented in the region
  that holds the place (a claim of repulse that names no place is not paired: it may be
  about another stretch of the border);
- fighting **ongoing** against an attack **repelled**;
- fighters acting **independently** against **state forces** named as the attackers;
- the attack **started** on different days.
"""

from __future__ import annotations

from collections.abc import Sequence

from corroborate.contradict.propositions import Proposition
from corroborate.geo.geoparse import PlaceFrame
from corroborate.models import Claim, Contradiction, Entity


def find_contradictions(
    propositions: Sequence[Proposition], claims: Sequence[Claim], entities: Sequence[Entity]
) -> list[Contradiction]:
    sides = {e.id: (e.side, e.affiliation) for e in entities}
    found: list[Contradiction] = []
    for i, a in enumerate(propositions):
        for b in propositions[i + 1 :]:
            claim_a, claim_b = claims[a.claim], claims[b.claim]
            if not _opposed(claim_a, claim_b, sides):
                continue
            why = _why(a, b, claim_a, claim_b) or _why(b, a, claim_b, claim_a)
            if why is not None:
                found.append(Contradiction(a=claim_a.id, b=claim_b.id, why=why))
    return found


def _opposed(a: Claim, b: Claim, sides: dict[str, tuple[str | None, str | None]]) -> bool:
    name_a = a.sources[0].name if a.sources else ""
    name_b = b.sources[0].name if b.sources else ""
    if not name_a or not name_b or name_a == name_b:
        return False
    id_a = a.sources[0].entity_id
    id_b = b.sources[0].entity_id
    if id_a is not None and id_a == id_b:
        return False
    known_a, known_b = sides.get(id_a or ""), sides.get(id_b or "")
    return not (known_a and known_b and known_a == known_b)


def _why(a: Proposition, b: Proposition, claim_a: Claim, claim_b: Claim) -> str | None:
    who_a = claim_a.sources[0].name if claim_a.sources else "one source"
    who_b = claim_b.sources[0].name if claim_b.sources else "another source"
    if a.outcome == "taken" and b.outcome == "repelled":
        place = _held_in(a.places, b.places)
        if place is not None:
            return (
                f"{who_a}: {place.written} taken vs {who_b}: the attack stopped "
                f"in {_region_name(place)}"
            )
    if a.outcome == "ongoing" and b.outcome == "repelled":
        return f"{who_a}: fighting continues vs {who_b}: the attack repelled"
    if a.attacker == "independent" and b.attacker == "state forces":
        return f"{who_a}: the fighters act independently vs {who_b}: state forces attacked"
    if a.start and b.start and a.start != b.start:
        return f"{who_a}: the attack began {a.start} vs {who_b}: it began {b.start}"
    return None


def _held_in(taken: list[PlaceFrame], stopped: list[PlaceFrame]) -> PlaceFrame | None:
    """A place the first claim says was taken that lies where the second says it was not."""
    for place in taken:
        for area in stopped:
            if place.place is None or area.place is None:
                continue
            same = place.place.id == area.place.id
            inside = (
                area.precision in ("region", "country")
                and place.place.country == area.place.country
                and (area.precision == "country" or place.place.admin1 == area.place.admin1)
            )
            if same or inside:
                return place
    return None


def _region_name(place: PlaceFrame) -> str:
    if place.place is not None and place.place.admin1_name:
        return place.place.admin1_name
    return place.written
