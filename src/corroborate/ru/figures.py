"""Casualty figures in Russian claims: people killed and wounded, read from the parse.

A casualty verb or participle ("погибли", "ранены", "пострадали", "получили ранения")
counts its subject: "погибли два человека" is 2 killed, "еще пятеро ранены" 5 wounded,
"погиб мирный житель" 1 killed. Numbers are digits or number words ("двое", "двадцать
пять"); vague amounts ("несколько", "десятки") are kept as ranges with their words, and,
as in English, only exact figures fill the casualty slots compared across claims.
"""

from __future__ import annotations

from collections.abc import Sequence

from corroborate.events.quantities import QuantityFrame
from corroborate.ru.lexicon import RuLexicon
from corroborate.ru.pipeline import RuDoc, RuToken

_VAGUE = {
    "несколько": (3.0, 9.0),
    "десяток": (10.0, 19.0),
    "десятки": (24.0, 99.0),
    "сотня": (100.0, 199.0),
    "сотни": (200.0, 999.0),
    "много": (2.0, None),
}
# Words that make an exact number a bound or an estimate: "до 40", "более 10", "около 5".
_AT_MOST = {"до", "менее", "меньше"}
_AT_LEAST = {"более", "свыше", "больше", "минимум"}
_ABOUT = {"около", "порядка", "почти", "примерно", "приблизительно"}
_SUBJECTS = ("nsubj", "nsubj:pass")
_INJURY_NOUNS = {"ранение", "травма"}


def find_figures(doc: RuDoc, content: Sequence[RuToken], lex: RuLexicon) -> list[QuantityFrame]:
    """The killed and wounded figures stated in these tokens."""
    found: list[QuantityFrame] = []
    ids = {t.i for t in content}
    for token in content:
        kind = _kind(doc, token, lex)
        if kind is None:
            continue
        for subject in doc.kids(token.i, *_SUBJECTS):
            if subject.i not in ids:
                continue
            figure = _figure(doc, subject, kind, lex)
            if figure is not None:
                found.append(figure)
    return found


def _kind(doc: RuDoc, token: RuToken, lex: RuLexicon) -> str | None:
    if token.pos not in ("VERB", "ADJ", "AUX"):
        return None
    if token.lemma in lex.killed:
        return "killed"
    if token.lemma in lex.wounded:
        return "wounded"
    objects = {o.lemma for o in doc.kids(token.i, "obj")}
    if token.lemma == "получить" and objects & _INJURY_NOUNS:
        return "wounded"  # "получили ранения"
    return None


def _figure(doc: RuDoc, subject: RuToken, kind: str, lex: RuLexicon) -> QuantityFrame | None:
    """The figure a subject states: its number words, or the subject itself a number."""
    if subject.pos == "NUM" or subject.lemma in _VAGUE:
        amount = _amount(doc, [subject], lex)
        noun = subject
        what = "человек"
    else:
        if not _counted(subject, lex):
            return None
        numbers = [c for c in doc.kids(subject.i, "nummod", "det") if _is_number(c, lex)]
        if numbers:
            amount = _amount(doc, numbers, lex)
        elif subject.feats.get("Number") == "Sing":
            amount = (1.0, 1.0, None)  # "погиб мирный житель"
        else:
            return None
        noun = subject
        modifiers = [c.i for c in doc.kids(subject.i, "amod")] + [subject.i]
        what = doc.text[doc.tokens[min(modifiers)].start : subject.end]
    if amount is None:
        return None
    low, high, vague = _bounded(doc, noun, amount)
    words = [t for t in doc.subtree(noun.i) if doc.tokens[t].pos == "NUM"] or [noun.i]
    start = min(doc.tokens[min(words)].start, noun.start)
    return QuantityFrame((start, noun.end), what, kind, low, high, vague)


def _bounded(
    doc: RuDoc, noun: RuToken, amount: tuple[float, float | None, str | None]
) -> tuple[float | None, float | None, str | None]:
    low, high, vague = amount
    words = [c for i in doc.subtree(noun.i) for c in [doc.tokens[i]] if c.i != noun.i]
    for word in words:
        if word.lemma in _AT_MOST:
            return None, high, word.lower
        if word.lemma in _AT_LEAST:
            return low, None, word.lower
        if word.lemma in _ABOUT:
            return low, high, word.lower
    return low, high, vague


def _counted(noun: RuToken, lex: RuLexicon) -> bool:
    return noun.lemma in lex.civilian_people or noun.lemma in lex.military_people


def _is_number(token: RuToken, lex: RuLexicon) -> bool:
    return token.pos == "NUM" or token.lower in lex.numbers or token.lemma in _VAGUE


def _amount(
    doc: RuDoc, tokens: list[RuToken], lex: RuLexicon
) -> tuple[float, float | None, str | None] | None:
    """The value of number words ("двадцать пять" is 25), or a vague range."""
    total = 0.0
    parts = sorted({i for t in tokens for i in doc.subtree(t.i) if doc.tokens[i].pos == "NUM"})
    words = [doc.tokens[i] for i in parts] or tokens
    for word in words:
        if word.lemma in _VAGUE or word.lower in _VAGUE:
            low, high = _VAGUE.get(word.lemma) or _VAGUE[word.lower]
            return low, high, word.lower
        digits = word.text.replace(" ", "").replace("\u00a0", "")
        if digits.isdigit():
            total += float(digits)
        elif word.lower in lex.numbers:
            total += lex.numbers[word.lower]
        elif word.lemma in lex.numbers:
            total += lex.numbers[word.lemma]
        else:
            return None
    return (total, total, None) if total > 0 else None


def people_of(what: str, lex: RuLexicon, lemmas: Sequence[str]) -> str:
    """Who a figure counts, in the words compared across languages: "civilians" (as
    English calls people, residents and children) or "servicemen"."""
    words = set(lemmas)
    if words & lex.military_people:
        return "servicemen"
    if words & lex.civilian_people:
        return "civilians"
    return what.lower()
