"""Name matching by look-ups (an entity's name keys in sets, an index of all entities)
must agree with comparing the names pair by pair with ``same_name``."""

from __future__ import annotations

import itertools

import pytest

from corroborate.models import Entity, Span
from corroborate.resolve.entities import (
    EntityFinder,
    NameMention,
    _NameIndex,
    _NameKeys,
    find_entity,
    group_entities,
)
from corroborate.resolve.names import name_key, same_key, same_name

NAMES = [
    "Vyacheslav Gladkov",
    "Gladkov",
    "Governor Gladkov",
    "Yusov",
    "Andriy Yusov",
    "Jusov",
    "Kyiv",
    "Kiev",
    "Ukraine",
    "the Free Russia Legion",
    "Legion",
    "Free Russian Legion",
    "Azov",
    "Sumy",
    "Sami",
    "Andryi Yusov's",
    "RDK",
    "",
    "Baza",
]


@pytest.mark.parametrize("a", NAMES)
def test_names_key_index_name_keys_agree_with_same_name(a: str) -> None:
    for b in NAMES:
        assert same_key(name_key(a), name_key(b)) == same_name(a, b)
        assert _NameKeys([b]).matches(name_key(a)) == same_name(a, b)
    for names in (NAMES[0:3], NAMES[3:8], NAMES[8:]):
        assert _NameKeys(names).matches(name_key(a)) == any(same_name(a, b) for b in names)


def test_names_key_index_forgets_a_replaced_name() -> None:
    index = _NameIndex()
    entity = Entity(id="a-e1", canonical="Azov", kind="organisation")
    index.update(entity)
    assert index.named_by(name_key("Azov")) == [0]
    entity.canonical = "Third Assault Brigade"
    index.update(entity)
    assert index.named_by(name_key("Azov")) == []
    assert index.named_by(name_key("Brigade")) == [0]


def _entities() -> list[Entity]:
    groups = [NAMES[0:3], NAMES[3:6], NAMES[6:8], NAMES[9:12], ["Sumy"], ["Azov", "RDK"]]
    return [
        Entity(id=f"a-e{n}", canonical=names[0], kind="organisation", aliases=names[1:])
        for n, names in enumerate(groups, 1)
    ]


@pytest.mark.parametrize("name", NAMES)
def test_names_key_index_finder_agrees_with_find_entity(name: str) -> None:
    entities = _entities()
    assert EntityFinder(entities).find(name) is find_entity(entities, name)


def _grouped_by_comparison(mentions: list[NameMention]) -> list[Entity]:
    """group_entities without actors, each mention compared with every entity's names."""
    entities: list[Entity] = []
    placed: dict[tuple[str, str], Entity] = {}
    for mention in mentions:
        if not name_key(mention.name):
            continue
        match = placed.get((mention.name, mention.kind))
        if match is None:
            for entity in entities:
                compatible = (
                    entity.kind == mention.kind
                    or "unknown" in (entity.kind, mention.kind)
                    or (
                        {entity.kind, mention.kind} <= {"person", "organisation", "group"}
                        and " " not in name_key(mention.name)
                    )
                )
                names = [entity.canonical, *entity.aliases]
                if compatible and any(same_name(mention.name, n) for n in names):
                    match = entity
                    break
        if match is None:
            match = Entity(id=f"a-e{len(entities) + 1}", canonical=mention.name, kind=mention.kind)
            entities.append(match)
        elif len(mention.name.split()) > len(match.canonical.split()):
            match.canonical = mention.name
        placed[(mention.name, mention.kind)] = match
        if mention.name not in match.aliases and mention.name != match.canonical:
            match.aliases.append(mention.name)
        if mention.span is not None and mention.span not in match.mentions:
            match.mentions.append(mention.span)
        if match.kind in ("unknown", "group") and mention.kind not in ("unknown", "group"):
            match.kind = mention.kind
    for entity in entities:
        entity.aliases = [a for a in entity.aliases if a != entity.canonical]
    return entities


ORDERS = list(itertools.islice(itertools.permutations(range(6)), 0, 720, 37))


@pytest.mark.parametrize("order", ORDERS)
def test_names_key_index_grouping_agrees_with_pairwise_comparison(order: tuple[int, ...]) -> None:
    kinds = ["person", "person", "organisation", "group", "place", "unknown"]
    mentions = [
        NameMention(NAMES[(i * 3 + j) % len(NAMES)], Span(j % 2, j % 2 + 1, "x"), kinds[i])
        for i in order
        for j in range(3)
    ]
    assert group_entities("a", mentions) == _grouped_by_comparison(mentions)
