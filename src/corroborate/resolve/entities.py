"""Entities within one article: names that stand for the same actor, grouped.

Named-entity mentions and claim sources are grouped when their name keys agree or one
is the other's surname ("Yusov" in "Andryi Yusov"). Each group is then looked up in the
actor knowledge base: a known actor gives the canonical name, kind, affiliation and
side, and groups that turn out to be the same actor ("Legion of Free Russia", "Free
Russian Legion") become one entity. An unknown group keeps the fullest form seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborate.models import Entity, Span
from corroborate.resolve.actors import Actor, ActorBase
from corroborate.resolve.names import name_key, names_one_party, same_key

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
    article_id: str,
    mentions: list[NameMention],
    actors: ActorBase | None = None,
    text: str = "",
) -> list[Entity]:
    """Group name mentions into entities; order of first mention is kept.

    ``text`` is the article the mentions' spans point into: a name the actor base does
    not know alone may be known with the word before it ("Russia's" Defence Ministry).
    """
    entities: list[Entity] = []
    # A name seen before goes where it went then: most mentions repeat a name.
    placed: dict[tuple[str, str], Entity] = {}
    index = _NameIndex()
    mentioned: dict[int, set[Span]] = {}
    for mention in mentions:
        if not name_key(mention.name):
            continue
        match = placed.get((mention.name, mention.kind))
        if match is None:
            key = name_key(mention.name)
            match = next(
                (
                    entities[p]
                    for p in index.named_by(key)
                    if _may_name(entities[p].kind, mention.kind, key)
                ),
                None,
            )
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
        index.update(match)
        if mention.span is not None:
            # The spans of an entity's mentions, as a set: a name said twenty times is
            # compared with twenty spans for every new mention otherwise.
            spans = mentioned.setdefault(id(match), set())
            if mention.span not in spans:
                spans.add(mention.span)
                match.mentions.append(mention.span)
        if match.kind in ("unknown", "group") and mention.kind not in ("unknown", "group"):
            match.kind = mention.kind
    if actors is not None:
        entities = _link_actors(entities, actors, text)
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


_QUALIFIER = re.compile(r"([A-Z][\w-]+)(['’]s)?\s+$")


def _qualified_names(entity: Entity, text: str) -> list[str]:
    """ "Russia's Defence Ministry" where the name is "Defence Ministry"."""
    names = []
    for span in entity.mentions:
        found = _QUALIFIER.search(text[max(0, span.start - 24) : span.start])
        if found is not None:
            names.append(f"{found.group(1)}{found.group(2) or ''} {span.text}")
    return names


def _link_actors(entities: list[Entity], actors: ActorBase, text: str = "") -> list[Entity]:
    linked: list[Entity] = []
    pending: list[Entity] = []  # known to no actor alone
    by_actor: dict[str, Entity] = {}
    order = {id(entity): n for n, entity in enumerate(entities)}
    for entity in entities:
        actor = next(
            (
                found
                for name in [entity.canonical, *entity.aliases, *_qualified_names(entity, text)]
                if (found := actors.match(name)) is not None and _compatible(entity.kind, found)
            ),
            None,
        )
        if actor is None:
            pending.append(entity)
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
        _merge_into(first, entity)
    for entity in pending:
        # "the Defence Ministry", which names no actor alone, is the one body the article
        # names in full ("Russia's Defence Ministry ... the Defence Ministry said").
        fuller = [
            known
            for known in by_actor.values()
            if known.kind == entity.kind == "organisation"
            and " " in name_key(entity.canonical)
            and any(
                names_one_party(entity.canonical, name)
                for name in [known.canonical, *known.aliases]
            )
        ]
        if len(fuller) == 1:
            _merge_into(fuller[0], entity)
            continue
        if entity.kind in _NEW_ACTOR_KINDS and name_key(entity.canonical):
            # Unknown to the base: a new actor whose key is the same in every article,
            # so that "Jusov" here and "Yusov" there are one actor across the ledger.
            entity.actor_id = NEW_ACTOR_PREFIX + name_key(entity.canonical)
        linked.append(entity)
    return sorted(linked, key=lambda entity: order[id(entity)])


def _merge_into(first: Entity, entity: Entity) -> None:
    for name in [entity.canonical, *entity.aliases]:
        if name not in first.aliases and name != first.canonical:
            first.aliases.append(name)
    first.mentions.extend(m for m in entity.mentions if m not in first.mentions)


class _NameKeys:
    """The name keys of one entity, asked of many names: ``matches(key)`` is
    ``any(same_key(key, k) for k in keys)`` with set look-ups instead of a comparison
    per name. Keys differ only by a surname: the one's last word is the other, a single
    word of more than three letters."""

    def __init__(self, names: list[str]) -> None:
        self.keys = {key for name in names if (key := name_key(name))}
        self.last_words = {key.split()[-1] for key in self.keys}
        self.surnames = {key for key in self.keys if " " not in key and len(key) > 3}

    def matches(self, key: str) -> bool:
        if not key:
            return False
        if key in self.keys:
            return True
        if " " not in key and len(key) > 3 and key in self.last_words:
            return True  # a surname of one of the names
        return key.split()[-1] in self.surnames  # a full name of one of the surnames


class _NameIndex:
    """Entities by the keys of their names, kept up to date as they gain names:
    ``named_by(key)`` is the positions of the entities whose :class:`_NameKeys` match
    ``key``, in order, found by three look-ups instead of asking every entity."""

    def __init__(self) -> None:
        self._position: dict[int, int] = {}  # id(entity) -> position
        self._indexed: list[tuple[tuple[str, int], _NameKeys]] = []
        self._by_key: dict[str, set[int]] = {}
        self._by_last_word: dict[str, set[int]] = {}
        self._by_surname: dict[str, set[int]] = {}

    def _tables(self, names: _NameKeys) -> list[tuple[dict[str, set[int]], set[str]]]:
        return [
            (self._by_key, names.keys),
            (self._by_last_word, names.last_words),
            (self._by_surname, names.surnames),
        ]

    def update(self, entity: Entity) -> None:
        # Aliases are only ever added, so the canonical name and their count say which
        # names the entity has.
        version = (entity.canonical, len(entity.aliases))
        position = self._position.setdefault(id(entity), len(self._position))
        if position < len(self._indexed):
            if self._indexed[position][0] == version:
                return
            for table, keys in self._tables(self._indexed[position][1]):
                for key in keys:
                    table[key].discard(position)
        names = _NameKeys([entity.canonical, *entity.aliases])
        if position < len(self._indexed):
            self._indexed[position] = (version, names)
        else:
            self._indexed.append((version, names))
        for table, keys in self._tables(names):
            for key in keys:
                table.setdefault(key, set()).add(position)

    def named_by(self, key: str) -> list[int]:
        if not key:
            return []
        found = set(self._by_key.get(key, ()))
        if " " not in key and len(key) > 3:
            found |= self._by_last_word.get(key, set())  # a surname of one of the names
        found |= self._by_surname.get(key.split()[-1], set())  # a full name of a surname
        return sorted(found)


def _may_name(kind: str, other: str, key: str) -> bool:
    """Whether an entity of kind ``kind`` can be named by a mention of kind ``other``
    whose name has the key ``key``."""
    return (
        kind == other
        or kind == "unknown"
        or other == "unknown"
        or (kind in _NAMED_KINDS and other in _NAMED_KINDS and " " not in key)
    )


_NAMED_KINDS = frozenset({"person", "organisation", "group"})


def _fuller(candidate: str, current: str) -> bool:
    return len(candidate.split()) > len(current.split())


def find_entity(entities: list[Entity], name: str) -> Entity | None:
    key = name_key(name)
    for entity in entities:
        if any(same_key(key, name_key(n)) for n in [entity.canonical, *entity.aliases]):
            return entity
    return None


class EntityFinder:
    """:func:`find_entity` for many names among the same entities, which must not change."""

    def __init__(self, entities: list[Entity]) -> None:
        self._entities = [(e, _NameKeys([e.canonical, *e.aliases])) for e in entities]

    def find(self, name: str) -> Entity | None:
        key = name_key(name)
        return next((e for e, keys in self._entities if keys.matches(key)), None)
