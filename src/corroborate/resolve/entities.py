"""Entities within one article: names that stand for the same actor, grouped.

Named-entity mentions and claim sources are grouped when their name keys agree or one
is the other's surname ("Yusov" in "Andryi Yusov"). Each group is then looked up in the
actor knowledge base: a known actor gives the canonical name, kind, affiliation and
side, and groups that turn out to be the same actor ("Legion of Free Russia", "Free
Russian Legion") become one entity. An unknown group keeps the fullest form seen.
"""

from __future__ import annotations

from dataclasses import dataclass

from corroborate.models import Entity, Span
from corroborate.resolve.actors import Actor, ActorBase
from corroborate.resolve.names import name_key, same_key

_KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "WORK_OF_ART": "organisation",
}


@dataclass
class NameMention:
    name: str
    span: Span | None
    kind: str


def kind_for_label(label: str) -> str | None:
    return _KINDS.get(label)


def group_entities(
    article_id: str, mentions: list[NameMention], actors: ActorBase | None = None
) -> list[Entity]:
    """Group name mentions into entities; order of first mention is kept."""
    entities: list[Entity] = []
    # A name seen before goes where it went then: most mentions repeat a name.
    placed: dict[tuple[str, str], Entity] = {}
    for mention in mentions:
        if not name_key(mention.name):
            continue
        match = placed.get((mention.name, mention.kind))
        if match is None:
            key = name_key(mention.name)
            match = next((e for e in entities if _matches(e, mention, key)), None)
        if match is None:
            match = Entity(
                id=f"{article_id}-e{len(entities) + 1}", canonical=mention.name, kind=mention.kind
            )
            entities.append(match)
        elif _fuller(mention.name, match.canonical):
            match.canonical = mention.name
        placed[(mention.name, mention.kind)] = match
        if mention.name not in match.aliases and mention.name != match.canonical:
            match.aliases.append(mention.name)
        if mention.span is not None and mention.span not in match.mentions:
            match.mentions.append(mention.span)
        if match.kind in ("unknown", "group") and mention.kind not in ("unknown", "group"):
            match.kind = mention.kind
    if actors is not None:
        entities = _link_actors(entities, actors)
    for entity in entities:
        entity.aliases = [a for a in entity.aliases if a != entity.canonical]
    return entities


# Actors not in the knowledge base get an id made from their name key.
NEW_ACTOR_PREFIX = "new:"
_NEW_ACTOR_KINDS = {"person", "organisation", "group"}
# Which knowledge-base kinds an entity found by the recogniser can be.
_PERSON_KINDS = {"official", "person"}
_PLACE_KINDS = {"state"}


def _compatible(entity_kind: str, actor: Actor) -> bool:
    if entity_kind == "person":
        return actor.kind in _PERSON_KINDS
    if entity_kind == "place":
        return actor.kind in _PLACE_KINDS
    return actor.kind not in _PERSON_KINDS or entity_kind == "unknown"


def _link_actors(entities: list[Entity], actors: ActorBase) -> list[Entity]:
    linked: list[Entity] = []
    by_actor: dict[str, Entity] = {}
    for entity in entities:
        actor = next(
            (
                found
                for name in [entity.canonical, *entity.aliases]
                if (found := actors.match(name)) is not None and _compatible(entity.kind, found)
            ),
            None,
        )
        if actor is None:
            if entity.kind in _NEW_ACTOR_KINDS and name_key(entity.canonical):
                # Unknown to the base: a new actor whose key is the same in every article,
                # so that "Jusov" here and "Yusov" there are one actor across the ledger.
                entity.actor_id = NEW_ACTOR_PREFIX + name_key(entity.canonical)
            linked.append(entity)
            continue
        first = by_actor.get(actor.id)
        if first is None:
            names = [entity.canonical, *entity.aliases]
            entity.canonical = actor.canonical
            entity.aliases = [n for n in names if n != actor.canonical]
            entity.actor_id, entity.affiliation, entity.side = (
                actor.id,
                actor.affiliation,
                actor.side,
            )
            by_actor[actor.id] = entity
            linked.append(entity)
            continue
        for name in [entity.canonical, *entity.aliases]:
            if name not in first.aliases and name != first.canonical:
                first.aliases.append(name)
        first.mentions.extend(m for m in entity.mentions if m not in first.mentions)
    return linked


def _matches(entity: Entity, mention: NameMention, key: str) -> bool:
    """Whether the mention (whose name has the key ``key``) names the entity."""
    compatible = (
        entity.kind == mention.kind
        or "unknown" in (entity.kind, mention.kind)
        or ({entity.kind, mention.kind} <= {"person", "organisation", "group"} and " " not in key)
    )
    if not compatible:
        return False
    names = [entity.canonical, *entity.aliases]
    return any(same_key(key, name_key(n)) for n in names)


def _fuller(candidate: str, current: str) -> bool:
    return len(candidate.split()) > len(current.split())


def find_entity(entities: list[Entity], name: str) -> Entity | None:
    key = name_key(name)
    for entity in entities:
        if any(same_key(key, name_key(n)) for n in [entity.canonical, *entity.aliases]):
            return entity
    return None
