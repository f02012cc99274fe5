"""The word lists the attribution, hedging and verification components read.

They live in ``data/attribution.toml`` so that a desk can tune them for its beat; this
module loads them once into frozen sets.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from corroborate.errors import ConfigError


@dataclass(frozen=True)
class Lexicon:
    cue_verbs: frozenset[str]
    clausal_only: frozenset[str]
    object_content: frozenset[str]
    content_preps: frozenset[str]
    content_prep_verbs: frozenset[str]
    non_content_objects: frozenset[str]
    relay_verbs: frozenset[str]
    private_states: frozenset[str]
    intention_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    judgement_verbs: frozenset[str]
    stance_adjectives: frozenset[str]
    stance_nouns: frozenset[str]
    light_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    held_nouns: frozenset[str]
    finding_nouns: frozenset[str]
    nominal_cues: frozenset[str]
    phrasal_cues: frozenset[str]
    unnamed_heads: frozenset[str]
    people_nouns: frozenset[str]
    evidential_verbs: frozenset[str]
    evidence_nouns: frozenset[str]
    speaker_nouns: frozenset[str]
    line_headings: frozenset[str]
    channels: dict[str, frozenset[str]]
    # Cues of a view held rather than a report made (private states, intentions,
    # stances, judgements): inside another speaker's words they are that speaker's.
    held_views: frozenset[str]
    hedge_adverbs: frozenset[str]
    distancing_cues: frozenset[str]
    possible_modals: frozenset[str]
    probable_modals: frozenset[str]
    raising_verbs: frozenset[str]
    negations: frozenset[str]
    denial_verbs: frozenset[str]
    verify_verbs: frozenset[str]
    comment_phrases: tuple[str, ...]
    status_words: frozenset[str]


def _words(table: dict[str, object], key: str, path: str) -> frozenset[str]:
    value = table.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(
            f"{path}: '{key}' must be a list of strings; restore it from the packaged file"
        )
    return frozenset(v.lower() for v in value)


@cache
def load_lexicon() -> Lexicon:
    """Read the packaged lexicon file (once per process)."""
    path = "corroborate/data/attribution.toml"
    raw = resources.files("corroborate").joinpath("data/attribution.toml").read_text("utf-8")
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix the syntax") from exc
    cues, hedges, verification = data["cues"], data["hedges"], data["verification"]
    channel_table: dict[str, object] = data["channels"]
    return Lexicon(
        cue_verbs=_words(cues, "verbs", path)
        | _words(cues, "intention_verbs", path)
        | _words(cues, "stance_verbs", path)
        | _words(cues, "judgement_verbs", path)
        | frozenset(p.split()[0] for p in _words(cues, "phrasal_cues", path)),
        clausal_only=_words(cues, "clausal_only", path) | _words(cues, "intention_verbs", path),
        object_content=_words(cues, "object_content", path),
        content_preps=_words(cues, "content_preps", path),
        content_prep_verbs=_words(cues, "content_prep_verbs", path),
        non_content_objects=_words(cues, "non_content_objects", path),
        relay_verbs=_words(cues, "relay_verbs", path),
        private_states=_words(cues, "private_states", path),
        intention_verbs=_words(cues, "intention_verbs", path),
        stance_verbs=_words(cues, "stance_verbs", path),
        judgement_verbs=_words(cues, "judgement_verbs", path),
        stance_adjectives=_words(cues, "stance_adjectives", path),
        stance_nouns=_words(cues, "stance_nouns", path),
        light_verbs=_words(cues, "light_verbs", path),
        speech_nouns=_words(cues, "speech_nouns", path),
        held_nouns=_words(cues, "held_nouns", path),
        finding_nouns=_words(cues, "finding_nouns", path),
        nominal_cues=_words(cues, "nominal_cues", path),
        phrasal_cues=_words(cues, "phrasal_cues", path),
        unnamed_heads=_words(cues, "unnamed_heads", path),
        people_nouns=_words(cues, "people_nouns", path),
        evidential_verbs=_words(cues, "evidential_verbs", path),
        evidence_nouns=_words(cues, "evidence_nouns", path),
        speaker_nouns=_words(cues, "speaker_nouns", path)
        | _words(cues, "people_nouns", path)
        | _words(cues, "unnamed_heads", path),
        line_headings=_words(cues, "line_headings", path),
        channels={name: _words(channel_table, name, path) for name in channel_table},
        held_views=_words(cues, "private_states", path)
        | _words(cues, "intention_verbs", path)
        | _words(cues, "stance_verbs", path)
        | _words(cues, "judgement_verbs", path)
        | _words(cues, "stance_adjectives", path)
        | _words(cues, "stance_nouns", path)
        | _words(cues, "nominal_cues", path),
        hedge_adverbs=_words(hedges, "adverbs", path),
        distancing_cues=_words(hedges, "distancing_cues", path),
        possible_modals=_words(hedges, "possible_modals", path),
        probable_modals=_words(hedges, "probable_modals", path),
        raising_verbs=_words(hedges, "raising_verbs", path),
        negations=_words(hedges, "negations", path),
        denial_verbs=_words(hedges, "denial_verbs", path),
        verify_verbs=_words(verification, "verify_verbs", path),
        comment_phrases=tuple(sorted(_words(verification, "comment_phrases", path))),
        status_words=_words(verification, "status_words", path),
    )
