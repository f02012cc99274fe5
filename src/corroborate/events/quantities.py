"""Figures stated in a claim: people killed, wounded, captured, equipment destroyed.

Each figure stays with the claim (and so the source) that states it; figures are never
added up across claims. Vague numbers are kept as ranges with their words: "several
dozen" is 24..96, "at least two" is 2.., "a few" is 2..5. Equipment keeps its category
and model ("a CAESAR howitzer": one howitzer, model CAESAR).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from corroborate.nlp.frames import token_words

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12}
# Vague amounts as ranges: ours, stated once here so that a desk can see them.
_VAGUE = {
    "a few": (2, 5), "few": (2, 5), "several": (3, 9), "a couple of": (2, 3),
    "a number of": (2, 9), "dozens": (24, 99), "several dozen": (24, 96),
    "a dozen": (12, 12), "hundreds": (200, 999), "several hundred": (300, 900),
    "thousands": (2000, 9999), "several thousand": (3000, 9000), "many": (2, None),
}  # fmt: skip
_AT_LEAST = {"at least", "more than", "over", "no fewer than", "upwards of"}
_AT_MOST = {"up to", "at most", "fewer than", "less than", "no more than"}
_ABOUT = {"about", "around", "some", "nearly", "almost", "approximately", "roughly"}

# What is counted: the noun, then the verb or adjective that says what happened to it.
_PEOPLE = {
    "person", "people", "civilian", "resident", "soldier", "serviceman", "fighter",
    "attacker", "militant", "saboteur", "troop", "man", "woman", "child", "member",
    "worker", "prisoner", "volunteer", "casualty", "inhabitant", "officer",
}  # fmt: skip
_EQUIPMENT = {
    "tank": "tanks", "howitzer": "howitzers", "gun": "artillery", "cannon": "artillery",
    "vehicle": "armoured vehicles", "apc": "armoured vehicles", "ifv": "armoured vehicles",
    "carrier": "armoured vehicles", "drone": "drones", "uav": "drones", "aircraft": "aircraft",
    "jet": "aircraft", "plane": "aircraft", "helicopter": "helicopters", "missile": "missiles",
    "rocket": "missiles", "launcher": "rocket launchers", "system": "systems", "boat": "boats",
    "ship": "ships", "truck": "trucks", "mortar": "mortars", "attack": "attacks",
    "strike": "attacks",
}  # fmt: skip
_FATES = {
    "kill": "killed", "die": "killed", "dead": "killed", "destroy": "killed",
    "eliminate": "killed", "neutralise": "killed", "neutralize": "killed",
    "wound": "wounded", "injure": "wounded", "hurt": "wounded", "injury": "wounded",
    "capture": "captured", "detain": "captured", "abduct": "captured",
    "evacuate": "evacuated", "miss": "missing", "missing": "missing",
}  # fmt: skip
_EQUIPMENT_FATES = {
    "destroy": "destroyed", "damage": "damaged", "down": "downed", "shoot": "downed",
    "intercept": "downed", "capture": "captured", "lose": "lost", "hit": "hit",
}  # fmt: skip


@dataclass
class QuantityFrame:
    """A figure in the Doc (character offsets) with what it counts."""

    span: tuple[int, int]
    what: str
    kind: str
    low: float | None
    high: float | None
    vague: str | None = None
    model: str | None = None


def find_quantities(doc: Doc, start: int, end: int) -> list[QuantityFrame]:
    """The figures in ``doc`` between character offsets ``start`` and ``end``."""
    region = doc.char_span(start, end, alignment_mode="expand")
    if region is None:
        return []
    found: list[QuantityFrame] = []
    used: set[int] = set()
    lemmas = token_words(doc).lemmas
    for i in range(region.start, region.end):
        # Only a counted word can be a counted noun: its lemma is asked first, without
        # making a Token for every word of the region.
        if lemmas[i] not in _PEOPLE and lemmas[i] not in _EQUIPMENT:
            continue
        token = doc[i]
        if token.i in used or not _counted_noun(token):
            continue
        amount = _amount(token)
        if amount is None:
            continue
        words, low, high, vague = amount
        used.update(t.i for t in words)
        kind, what = _what(token)
        span = (words[0].idx, token.idx + len(token))
        found.append(
            QuantityFrame(span, what, kind, low, high, vague, model=_model(token, words[-1]))
        )
    return found


def _counted_noun(token: Token) -> bool:
    if token.dep_ == "compound" and _counted_lemma(token.head):
        return False  # "drone attacks": the attacks are counted, not the drones
    return token.pos_ in ("NOUN", "PROPN") and _counted_lemma(token)


def _counted_lemma(token: Token) -> bool:
    return token.lemma_.lower() in _PEOPLE or token.lemma_.lower() in _EQUIPMENT


def _amount(noun: Token) -> tuple[list[Token], float | None, float | None, str | None] | None:
    """The number words before a counted noun, read as a value or a range."""
    doc = noun.doc
    words: list[Token] = []
    i = noun.i - 1
    while i >= 0 and (doc[i].pos_ in ("ADJ", "PROPN", "NOUN") and not doc[i].like_num):
        if doc[i].lower_ in _VAGUE or doc[i].lower_ in _UNITS:
            break
        i -= 1  # "six [Ukrainian] tanks", "20 [armored fighting] vehicles"
        if noun.i - i > 4:
            return None
    j = i
    while j >= 0 and (doc[j].like_num or doc[j].lower_ in _UNITS or doc[j].lower_ in _VAGUE):
        j -= 1
    words = list(doc[j + 1 : i + 1])
    if not words:
        return _article_one(noun, i)
    text = " ".join(t.lower_ for t in words)
    before = " ".join(t.lower_ for t in doc[max(0, j - 2) : j + 1])
    if text in _VAGUE or f"{doc[j].lower_} {text}" in _VAGUE:
        phrase = f"{doc[j].lower_} {text}" if f"{doc[j].lower_} {text}" in _VAGUE else text
        if phrase != text:
            words = [doc[j], *words]
        low, high = _VAGUE[phrase]
        return words, float(low), None if high is None else float(high), phrase
    value = _number(words)
    if value is None:
        return None
    for phrase in _AT_LEAST:
        if before.endswith(phrase):
            return [*doc[j - len(phrase.split()) + 1 : j + 1], *words], value, None, phrase
    for phrase in _AT_MOST:
        if before.endswith(phrase):
            return [*doc[j - len(phrase.split()) + 1 : j + 1], *words], None, value, phrase
    if doc[j].lower_ in _ABOUT and j >= 0:
        return [doc[j], *words], value, value, doc[j].lower_
    return words, value, value, None


def _article_one(noun: Token, i: int) -> tuple[list[Token], float, float, None] | None:
    """ "a CAESAR howitzer", "an oil tank" destroyed: one, if something happened to it."""
    doc = noun.doc
    if i < 0 or doc[i].lower_ not in ("a", "an", "one"):
        return None
    if noun.lemma_.lower() not in _EQUIPMENT or _fate(noun) is None:
        return None
    return [doc[i]], 1.0, 1.0, None


def _number(words: list[Token]) -> float | None:
    total = 0.0
    current = 0.0
    for word in words:
        text = word.text.replace(",", "").replace("\u202f", "")
        if text.replace(".", "", 1).isdigit():
            current += float(text)
        elif word.lower_ in _SCALES and word.lower_ != "dozen":
            current = (current or 1) * _SCALES[word.lower_]
            if _SCALES[word.lower_] >= 1000:
                total += current
                current = 0
        elif word.lower_ in _UNITS:
            current += _UNITS[word.lower_]
        else:
            return None
    return total + current


def _fate(noun: Token) -> str | None:
    """What happened to it, from the verb that governs it or the words around it."""
    lemma_set = _EQUIPMENT_FATES if noun.lemma_.lower() in _EQUIPMENT else _FATES
    top = noun
    while top.dep_ in ("conj", "appos") and top.head.i != top.i:
        top = top.head  # "destroyed 100 attackers, six tanks, a howitzer and ..."
    for head in [top.head, top.head.head, *noun.children]:
        lemma = head.lemma_.lower()
        if lemma in lemma_set:
            return lemma_set[lemma]
    # "two people were wounded": the verb sits one or two words to the right.
    for token in noun.doc[noun.i + 1 : min(len(noun.doc), noun.i + 4)]:
        if token.lemma_.lower() in lemma_set:
            return lemma_set[token.lemma_.lower()]
    return None


def _what(noun: Token) -> tuple[str, str]:
    lemma = noun.lemma_.lower()
    fate = _fate(noun)
    if lemma in _EQUIPMENT:
        category = _EQUIPMENT[lemma]
        if lemma in ("vehicle", "carrier") and not _armoured(noun):
            category = "vehicles"
        return "equipment", f"{category} {fate}" if fate else category
    noun_text = noun.lower_
    if fate is None:
        return ("attackers" if lemma in ("attacker", "saboteur") else "people"), noun_text
    return fate, f"{noun_text} {fate}"


def _armoured(noun: Token) -> bool:
    words = {t.lower_ for t in noun.doc[max(0, noun.i - 3) : noun.i]}
    return bool(words & {"armored", "armoured", "fighting", "infantry", "combat", "personnel"})


def _model(noun: Token, last_number: Token) -> str | None:
    """A model name between the number and the noun: "a CAESAR howitzer", "two Ka-52s"."""
    doc: Doc = noun.doc
    between: Span = doc[last_number.i + 1 : noun.i]
    names = [t.text for t in between if t.pos_ == "PROPN" or t.is_upper]
    if names and noun.lemma_.lower() in _EQUIPMENT:
        return " ".join(names)
    return None
