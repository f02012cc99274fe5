"""What an attack did, as slots: damage, the kind of target, and casualty figures.

- **damage**: ``none`` ("No oil depot was hit", "there is no serious damage") or
  ``damaged`` ("three tanks caught fire");
- **target**: ``civilian`` (a residential area, civilians killed) or ``military`` (a
  deployment point, servicemen killed; also "there were no civilians there");
- **killed** / **wounded**: an exact figure with what it counts, ``"4 civilians"``.

The words are in ``data/contradict.toml``; figures come from the quantities of the claim.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from corroborate.errors import ConfigError
from corroborate.events.quantities import QuantityFrame


@dataclass(frozen=True)
class EffectWords:
    damage: frozenset[str]
    civilian: frozenset[str]
    military: frozenset[str]
    acts: frozenset[str]
    casualty_kinds: frozenset[str]
    civilian_people: frozenset[str]


@cache
def load_effect_words() -> EffectWords:
    path = "corroborate/data/contradict.toml"
    raw = resources.files("corroborate").joinpath("data/contradict.toml").read_text("utf-8")
    try:
        data = tomllib.loads(raw)
        return EffectWords(
            damage=frozenset(data["damage"]["words"]),
            civilian=frozenset(data["target"]["civilian"]),
            military=frozenset(data["target"]["military"]),
            acts=frozenset(data["target"]["acts"]),
            casualty_kinds=frozenset(data["casualties"]["kinds"]),
            civilian_people=frozenset(data["casualties"]["civilian_words"]),
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: {exc}; restore the packaged file") from exc


def _has(text: str, phrases: frozenset[str]) -> bool:
    return any(f" {p} " in text for p in phrases)


def effect_slots(
    lemma_text: str, negated: bool, quantities: Sequence[QuantityFrame]
) -> dict[str, str]:
    """The effect slots of one claim, from its lemmas (space-padded) and its figures."""
    words = load_effect_words()
    slots: dict[str, str] = {}
    if _has(lemma_text, words.damage):
        slots["damage"] = "none" if negated else "damaged"
    civilian = _has(lemma_text, words.civilian)
    military = _has(lemma_text, words.military)
    if civilian and negated and not military:
        slots["target"] = "military"  # "there were no civilians there"
    elif civilian != military and not negated and _has(lemma_text, words.acts):
        slots["target"] = "civilian" if civilian else "military"
    for quantity in quantities:
        exact = quantity.low is not None and quantity.low == quantity.high
        if quantity.kind not in words.casualty_kinds or not exact or quantity.vague:
            continue
        who = quantity.what.lower()
        people = "civilians" if any(w in who for w in words.civilian_people) else who
        slots.setdefault(quantity.kind, f"{int(quantity.low or 0)} {people}")
    return slots


def casualty_key(value: str) -> tuple[int, str] | None:
    """ "4 civilians" -> (4, "civilians"); None for a value of another form."""
    count, _, who = value.partition(" ")
    return (int(count), who) if count.isdigit() else None
