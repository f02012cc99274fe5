"""How well an event is corroborated, by sources that are actually independent.

An event cluster rests on claims from many articles. What counts is not the number of
articles but the number of independent *origins*: syndicated copies are one article, and
a source relayed by three outlets is one source (the relays add no knowledge of their
own). Origins are grouped by who they are: the side whose claim it is, the other side,
independent observers (outlets and bodies of neither party), and international wires
reporting in their own name. The verdict says it in words, e.g. "claimed by one side
only (Ukraine), disputed by the other side (Russia), not independently confirmed".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from corroborate.models import ArticleAnalysis, Claim, Entity, Event

_INDEPENDENT = {"independent", "international"}
_WIRE = {"international_wire"}
_SIDES = {"russia": "Russia", "ukraine": "Ukraine"}


@dataclass
class Corroboration:
    """The independent origins behind an event, by group, and the verdict in words."""

    origins: dict[str, list[str]] = field(default_factory=dict)  # group -> source names
    disputed_by: list[str] = field(default_factory=list)
    unconfirmed_by_reporter: bool = False
    verdict: str = ""


def corroborate_event(
    events: Sequence[tuple[str, Event]],
    analyses: Mapping[str, ArticleAnalysis],
    origin_of: Mapping[str, str],
) -> Corroboration:
    """Weigh the claims behind the events of one cluster (article id, event) pairs.

    ``origin_of`` maps an article to the origin of its copy group (itself when unique).
    """
    seen: dict[str, tuple[str, str]] = {}  # source key -> (group, name)
    sides: set[str] = set()
    result = Corroboration()
    for article_id, event in events:
        analysis = analyses.get(origin_of.get(article_id, article_id)) or analyses.get(article_id)
        if analysis is None:
            continue
        claims = {c.id: c for c in analysis.claims}
        for claim_id in event.claim_ids:
            claim = claims.get(claim_id)
            if claim is None or not claim.sources:
                continue
            if claim.status == "unconfirmed":
                result.unconfirmed_by_reporter = True
            key, name, entity = _source(claim, analysis)
            side = entity.side if entity is not None else None
            if side in _SIDES:
                sides.add(side)
            seen.setdefault(key, (_group(entity), name))
        for contradiction in analysis.contradictions:
            if contradiction.a in event.claim_ids or contradiction.b in event.claim_ids:
                other = contradiction.b if contradiction.a in event.claim_ids else contradiction.a
                claim = claims.get(other)
                if claim is not None and claim.sources:
                    _, name, _ = _source(claim, analysis)
                    if name not in result.disputed_by:
                        result.disputed_by.append(name)
    for group, name in seen.values():
        result.origins.setdefault(group, [])
        if name not in result.origins[group]:
            result.origins[group].append(name)
    result.verdict = _verdict(result, sides)
    return result


def _source(claim: Claim, analysis: ArticleAnalysis) -> tuple[str, str, Entity | None]:
    """The origin of a claim: its first source (not the outlets relaying it)."""
    source = claim.sources[0]
    entity = analysis.entity(source.entity_id)
    if entity is not None and entity.actor_id is not None:
        return entity.actor_id, entity.canonical, entity
    return f"name:{source.name.lower()}", source.name, entity


def _group(entity: Entity | None) -> str:
    if entity is None:
        return "unknown"
    if entity.side in _SIDES:
        return f"side: {_SIDES[entity.side]}"
    if entity.affiliation in _WIRE:
        return "wire"
    if entity.affiliation in _INDEPENDENT:
        return "independent"
    return "unknown"


def _verdict(result: Corroboration, sides: set[str]) -> str:
    parts = []
    named_sides = sorted(_SIDES[s] for s in sides)
    if len(named_sides) == 1:
        parts.append(f"claimed by one side only ({named_sides[0]})")
    elif len(named_sides) == 2:
        parts.append("reported by both sides")
    elif result.origins:
        parts.append("claimed by sources of no known side")
    if result.disputed_by:
        parts.append("disputed by " + ", ".join(result.disputed_by))
    independent = result.origins.get("independent", []) + result.origins.get("wire", [])
    if independent:
        parts.append(f"reported independently by {len(independent)} ({', '.join(independent)})")
    else:
        parts.append("not independently confirmed")
    if result.unconfirmed_by_reporter:
        parts.append("the reporter could not verify it")
    return ", ".join(parts)
