"""The event lexicon: trigger words per label, read from ``data/events.toml``.

The words live in a data file so that a desk can tune them for its beat without touching
code. This module checks the file, names the table and key of any mistake, and builds the
lookup tables the classifier reads: single words by word, phrases by their first word.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from corroborate.errors import ConfigError
from corroborate.events.taxonomy import ALL_LABELS

PACKAGED = "corroborate/data/events.toml"

# How a lexicon entry came to match; decides its score and the check it must pass.
CueKind = Literal["trigger", "instrument", "conditional", "object"]
Words = tuple[str, ...]

RULES = ("", "actors", "territory")
_LIST_KEYS = (
    "triggers",
    "phrases",
    "instruments",
    "conditional",
    "requires",
    "object_triggers",
    "objects",
    "context",
    "excludes",
)
_SETTINGS = {
    "strong": 0.75,
    "hypothetical": 0.35,
    "mention": 0.5,
    "exclude": 0.5,
    "context_step": 0.1,
    "context_cap": 0.3,
    "phrase_bonus": 0.1,
    "instrument": 0.9,
    "targeted": 0.95,
    "background": 0.75,
}
_GRAMMAR = (
    "negations",
    "modals",
    "hypothetical",
    "mentions",
    "disrupters",
    "violence",
    "peaceful",
    "background",
)
_ACTORS = (
    "state",
    "state_modifiers",
    "nonstate",
    "nonstate_modifiers",
    "nonstate_names",
    "civilian",
    "protester",
    "mob",
    "police",
    "hazard",
    "military_targets",
    "places",
    "weapons",
)


@dataclass(frozen=True)
class LabelEntry:
    """One label's table: what triggers it and what makes it likelier or less likely."""

    label: str
    weight: float
    rule: str
    requires: frozenset[Words]
    objects: frozenset[Words]
    context: frozenset[Words]
    excludes: frozenset[Words]


@dataclass(frozen=True)
class Match:
    """A lexicon entry that a word or phrase can match."""

    words: Words
    label: str
    kind: CueKind


@dataclass(frozen=True)
class EventLexicon:
    source: str
    entries: dict[str, LabelEntry]
    settings: dict[str, float]
    grammar: dict[str, frozenset[str]]
    actors: dict[str, frozenset[str]]
    combine: tuple[tuple[str, str, str], ...]
    # First word of an entry -> every entry starting with it, longest first.
    index: dict[str, tuple[Match, ...]] = field(repr=False)


_ARTICLES = frozenset({"a", "an", "the"})


def split_words(entry: str) -> Words:
    """An entry's words; hyphens split like spaces, as the tokenizer splits them."""
    return tuple(entry.lower().replace("-", " ").split())


def phrase_words(entry: str) -> Words:
    """The words a phrase is matched by: articles dropped, since the matcher steps over
    determiners ("take the village" matches "took the village" and "took a village")."""
    words = split_words(entry)
    return tuple(w for w in words if w not in _ARTICLES) or words


def _error(source: str, where: str, problem: str) -> ConfigError:
    return ConfigError(f"{source}: {where}: {problem}; fix it or restore the packaged {PACKAGED}")


def _word_list(table: dict[str, object], key: str, source: str, where: str) -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _error(source, f"{where} key '{key}'", "must be a list of non-empty strings")
    return [str(v) for v in value]


def _table(data: dict[str, object], key: str, source: str) -> dict[str, object]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise _error(source, f"table [{key}]", "is missing or not a table")
    return value


def _number(table: dict[str, object], key: str, default: float, source: str, where: str) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise _error(source, f"{where} key '{key}'", "must be a number of at least 0")
    return float(value)


def _entry(label: str, raw: object, source: str, index: dict[str, list[Match]]) -> LabelEntry:
    where = f'table [sub_types."{label}"]'
    if label not in ALL_LABELS:
        raise _error(source, where, "is not an ACLED sub-type nor one of the five other labels")
    if not isinstance(raw, dict):
        raise _error(source, where, "is not a table")
    unknown = set(raw) - set(_LIST_KEYS) - {"weight", "rule"}
    if unknown:
        raise _error(source, where, f"has unknown keys {sorted(unknown)}")
    rule = raw.get("rule", "")
    if rule not in RULES:
        raise _error(source, f"{where} key 'rule'", f"must be one of {[r for r in RULES if r]}")
    lists = {key: _word_list(raw, key, source, where) for key in _LIST_KEYS}
    if lists["conditional"] and not lists["requires"]:
        raise _error(source, f"{where} key 'requires'", "is needed when 'conditional' is given")
    if lists["object_triggers"] and not lists["objects"]:
        raise _error(source, f"{where} key 'objects'", "is needed when 'object_triggers' is given")
    kinds: tuple[tuple[str, CueKind], ...] = (
        ("triggers", "trigger"),
        ("phrases", "trigger"),
        ("instruments", "instrument"),
        ("conditional", "conditional"),
        ("object_triggers", "object"),
    )
    for key, kind in kinds:
        for entry in lists[key]:
            words = phrase_words(entry)
            index.setdefault(words[0], []).append(Match(words, label, kind))
    return LabelEntry(
        label=label,
        weight=_number(raw, "weight", 1.0, source, where),
        rule=str(rule),
        **{
            key: frozenset(split_words(e) for e in lists[key])
            for key in ("requires", "objects", "context", "excludes")
        },
    )


def _combine(data: dict[str, object], source: str) -> tuple[tuple[str, str, str], ...]:
    rules = _table(data, "combine", source).get("rules", [])
    found: list[tuple[str, str, str]] = []
    if not isinstance(rules, list):
        raise _error(source, "table [combine] key 'rules'", "must be a list of label triples")
    for rule in rules:
        if (
            not isinstance(rule, list)
            or len(rule) != 3
            or not all(isinstance(x, str) and x in ALL_LABELS for x in rule)
        ):
            raise _error(
                source, "table [combine] key 'rules'", f"{rule!r} is not three known labels"
            )
        found.append((rule[0], rule[1], rule[2]))
    return tuple(found)


def parse_event_lexicon(text: str, source: str) -> EventLexicon:
    """Check and read the text of an event lexicon; ``source`` names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML ({exc}); fix the syntax") from exc
    settings_table = _table(data, "settings", source)
    settings = {
        key: _number(settings_table, key, default, source, "table [settings]")
        for key, default in _SETTINGS.items()
    }
    grammar_table = _table(data, "grammar", source)
    grammar = {
        key: frozenset(w.lower() for w in _word_list(grammar_table, key, source, "table [grammar]"))
        for key in _GRAMMAR
    }
    actors_table = _table(data, "actors", source)
    actors = {
        key: frozenset(w.lower() for w in _word_list(actors_table, key, source, "table [actors]"))
        for key in _ACTORS
    }
    labels = _table(data, "sub_types", source)
    index: dict[str, list[Match]] = {}
    entries = {label: _entry(label, raw, source, index) for label, raw in labels.items()}
    return EventLexicon(
        source=source,
        entries=entries,
        settings=settings,
        grammar=grammar,
        actors=actors,
        combine=_combine(data, source),
        index={
            word: tuple(sorted(matches, key=lambda m: -len(m.words)))
            for word, matches in index.items()
        },
    )


def read_event_lexicon(path: Path) -> EventLexicon:
    """A desk's own copy of the lexicon."""
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the event lexicon ({exc})") from exc
    return parse_event_lexicon(text, str(path))


@cache
def load_event_lexicon() -> EventLexicon:
    """The packaged lexicon, read once per process."""
    text = resources.files("corroborate").joinpath("data/events.toml").read_text("utf-8")
    return parse_event_lexicon(text, PACKAGED)
