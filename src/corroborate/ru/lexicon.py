"""The Russian words of ``data/ru.toml``, and how a phrase of them is found in a clause.

A phrase is a run of lemmas. It matches tokens that carry its lemmas in order with at
most two other words between each ("атака украинских БПЛА" holds "атака бпла"); a phrase
of two words also matches when one word governs the other in the parse, in either order
("ДРГ была уничтожена" holds "уничтожить дрг").
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from corroborate.errors import ConfigError
from corroborate.ru.pipeline import RuToken

PATH = "corroborate/data/ru.toml"
Phrase = tuple[str, ...]
_GAP = 2


@dataclass(frozen=True)
class EventCueWords:
    sub_type: str
    weight: float
    phrases: tuple[Phrase, ...]


@dataclass(frozen=True)
class RuLexicon:
    speech_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    distancing: frozenset[str]
    denials: frozenset[str]
    object_content: frozenset[str]
    about_content: frozenset[str]
    impersonal: frozenset[str]
    according_nouns: frozenset[str]
    relay_nouns: frozenset[str]
    unnamed_heads: frozenset[str]
    seats: frozenset[str]
    descriptor_titles: Mapping[str, frozenset[str]]
    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    spokespeople: frozenset[str]
    body_words: frozenset[str]
    state_bodies: tuple[str, ...]
    country_adjectives: Mapping[str, str]
    country_genitives: frozenset[str]
    channels: Mapping[str, frozenset[str]]
    hedges: Mapping[str, frozenset[str]]  # certainty -> words
    conditional: frozenset[str]
    negations: frozenset[str]
    falsity: tuple[Phrase, ...]
    verify_verbs: frozenset[str]
    inability: frozenset[str]
    no_comment: tuple[Phrase, ...]
    outcome: Mapping[str, tuple[Phrase, ...]]
    idioms: tuple[Phrase, ...]
    attempts: frozenset[str]
    fight_words: tuple[Phrase, ...]
    independent: tuple[Phrase, ...]
    state_forces: tuple[Phrase, ...]
    attack_words: frozenset[str]
    start_words: frozenset[str]
    damage: tuple[Phrase, ...]
    damage_none_only: tuple[Phrase, ...]
    civilian: tuple[Phrase, ...]
    military: tuple[Phrase, ...]
    acts: tuple[Phrase, ...]
    killed: frozenset[str]
    wounded: frozenset[str]
    civilian_people: frozenset[str]
    military_people: frozenset[str]
    numbers: Mapping[str, int]
    event_cues: tuple[EventCueWords, ...]

    @property
    def all_pronouns(self) -> frozenset[str]:
        return self.person_pronouns | self.thing_pronouns | self.plural_pronouns


def _words(data: Mapping[str, Any], section: str, key: str) -> frozenset[str]:
    value = data[section][key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"[{section}] {key} must be a list of words")
    return frozenset(v.lower().replace("ё", "е") for v in value)


def _phrases(data: Mapping[str, Any], section: str, key: str) -> tuple[Phrase, ...]:
    return tuple(tuple(p.split()) for p in sorted(_words(data, section, key)))


@cache
def load_ru_lexicon() -> RuLexicon:
    raw = resources.files("corroborate").joinpath("data/ru.toml").read_text("utf-8")
    try:
        data = tomllib.loads(raw)
        attribution = "attribution"
        return RuLexicon(
            speech_verbs=_words(data, attribution, "speech_verbs"),
            stance_verbs=_words(data, attribution, "stance_verbs"),
            distancing=_words(data, attribution, "distancing"),
            denials=_words(data, attribution, "denials"),
            object_content=_words(data, attribution, "object_content"),
            about_content=_words(data, attribution, "about_content"),
            impersonal=_words(data, attribution, "impersonal"),
            according_nouns=_words(data, attribution, "according_nouns"),
            relay_nouns=_words(data, attribution, "relay_nouns"),
            unnamed_heads=_words(data, attribution, "unnamed_heads"),
            seats=_words(data, attribution, "seats"),
            descriptor_titles={
                str(word): frozenset(titles)
                for word, titles in data[attribution]["descriptor_titles"].items()
            },
            person_pronouns=_words(data, attribution, "person_pronouns"),
            thing_pronouns=_words(data, attribution, "thing_pronouns"),
            plural_pronouns=_words(data, attribution, "plural_pronouns"),
            spokespeople=_words(data, attribution, "spokespeople"),
            body_words=_words(data, attribution, "body_words"),
            state_bodies=tuple(sorted(_words(data, "actors", "state_bodies"))),
            country_adjectives=dict(data["actors"]["country_adjectives"]),
            country_genitives=_words(data, "actors", "country_genitives"),
            channels={label: _words(data, "channels", label) for label in data["channels"]},
            hedges={
                certainty: _words(data, "hedges", certainty)
                for certainty in ("underspecified", "probable", "possible")
            },
            conditional=_words(data, "hedges", "conditional"),
            negations=_words(data, "negations", "words"),
            falsity=_phrases(data, "negations", "falsity"),
            verify_verbs=_words(data, "verification", "verify_verbs"),
            inability=_words(data, "verification", "inability"),
            no_comment=_phrases(data, "verification", "no_comment"),
            outcome={
                value: _phrases(data, "outcome", value)
                for value in ("repelled", "taken", "ongoing")  # the order they are tried in
            },
            idioms=_phrases(data, "outcome", "idioms"),
            attempts=_words(data, "outcome", "attempts"),
            fight_words=_phrases(data, "ongoing", "fight_words"),
            independent=_phrases(data, "attacker", "independent"),
            state_forces=_phrases(data, "attacker", "state_forces"),
            attack_words=_words(data, "attacker", "attack_words"),
            start_words=_words(data, "start", "words"),
            damage=_phrases(data, "damage", "words"),
            damage_none_only=_phrases(data, "damage", "none_only"),
            civilian=_phrases(data, "target", "civilian"),
            military=_phrases(data, "target", "military"),
            acts=_phrases(data, "target", "acts"),
            killed=_words(data, "casualties", "killed"),
            wounded=_words(data, "casualties", "wounded"),
            civilian_people=_words(data, "casualties", "civilian_people"),
            military_people=_words(data, "casualties", "military_people"),
            numbers={str(k): int(v) for k, v in data["casualties"]["numbers"].items()},
            event_cues=tuple(
                EventCueWords(
                    sub_type=str(cue["sub_type"]),
                    weight=float(cue["weight"]),
                    phrases=tuple(tuple(str(w).split()) for w in cue["words"]),
                )
                for cue in data["events"]["cue"]
            ),
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{PATH}: {exc}; restore the packaged file") from exc


def find_phrase(tokens: Sequence[RuToken], phrase: Phrase) -> list[RuToken] | None:
    """The tokens that carry ``phrase`` (see the module's rule), or None."""
    lemmas = [t.lemma for t in tokens]
    if not set(phrase) <= set(lemmas):
        return None  # most phrases are not there at all: say so before searching
    for begin, lemma in enumerate(lemmas):
        if lemma != phrase[0]:
            continue
        found = [begin]
        for word in phrase[1:]:
            window = lemmas[found[-1] + 1 : found[-1] + 2 + _GAP]
            if word not in window:
                break
            found.append(found[-1] + 1 + window.index(word))
        else:
            return [tokens[i] for i in found]
    if len(phrase) == 2:
        by_index = {t.i: t for t in tokens}
        for token in tokens:
            if token.lemma not in phrase or token.head not in by_index:
                continue
            head = by_index[token.head]
            if {token.lemma, head.lemma} == set(phrase) and token.lemma != head.lemma:
                return [token, head] if token.i < head.i else [head, token]
    return None


def has_phrase(tokens: Sequence[RuToken], phrases: Sequence[Phrase]) -> bool:
    return any(find_phrase(tokens, p) is not None for p in phrases)
