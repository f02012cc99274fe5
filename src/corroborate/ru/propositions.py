"""What a Russian claim asserts, as the slots English claims fill, with the same values.

The slots and their values are those of :mod:`corroborate.contradict.propositions` and
:mod:`corroborate.contradict.effects`, so that a Russian claim is set against an English
one about the same event:

- **outcome**: ``taken`` ("захватили село", "взяли под контроль"), ``repelled`` ("атака
  отражена", "прорыв сорван", "ДРГ уничтожена"), ``ongoing`` ("бои продолжаются"); a
  taken place negated or denied ("не смогли захватить", "опроверг захват") is repelled;
- **attacker**: ``independent`` ("действуют самостоятельно") or ``state forces`` (the
  doer of an attack word is ВСУ, the army, a sabotage group: "атака украинской ДРГ");
- **start**: the first day of the date the attack began ("начались в воскресенье");
- **damage** (``none`` for "повреждений нет", "никто не пострадал", else ``damaged``),
  **target** (``civilian``: homes, residents; ``military``: a deployment point,
  servicemen) and **killed** / **wounded** figures ("2 civilians").

The words are in ``data/ru.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence

from corroborate.contradict.propositions import Proposition
from corroborate.events.quantities import QuantityFrame
from corroborate.geo.geoparse import PlaceFrame
from corroborate.nlp.frames import ClaimFrame
from corroborate.ru.dates import RuDate
from corroborate.ru.figures import people_of
from corroborate.ru.hedges import negative
from corroborate.ru.lexicon import RuLexicon, find_phrase, has_phrase
from corroborate.ru.pipeline import RuDoc, RuToken

_DOER_RELS = ("nsubj", "nmod", "amod")


def read_propositions(
    doc: RuDoc,
    claims: Sequence[ClaimFrame],
    places: Sequence[PlaceFrame],
    dates: Sequence[RuDate],
    figures: Sequence[Sequence[QuantityFrame]],
    lex: RuLexicon,
) -> list[Proposition]:
    """One proposition per claim that fills at least one slot; ``figures`` holds each
    claim's casualty figures, in the order of ``claims``."""
    found = []
    for index, claim in enumerate(claims):
        if claim.kind == "verification_status":
            continue
        start, end = claim.content
        tokens = [t for t in doc.tokens if start <= t.start < end]
        if not tokens:
            continue
        proposition = Proposition(claim=index)
        # The whole claim is negated when its main verb is, its source denies it, or it is
        # called false; a "не" elsewhere ("не менее 20") negates only its own words.
        negated = (
            (claim.cue_lemma or "") in lex.denials
            or claim.polarity == "negative"
            or negative(doc, tokens, lex)
        )
        placed = [p for p in places if start <= p.span[0] < end and p.place]
        proposition.outcome = _outcome(doc, tokens, negated, bool(placed), lex)
        if has_phrase(tokens, lex.independent):
            proposition.attacker = "independent"
        elif _state_forces_attack(doc, tokens, lex):
            proposition.attacker = "state forces"
        proposition.start = _start(tokens, claim, dates, lex)
        proposition.places = placed
        own = figures[index] if index < len(figures) else ()
        proposition.effects = _effects(doc, tokens, negated, own, lex)
        if proposition.slots():
            found.append(proposition)
    return found


def _outcome(
    doc: RuDoc, tokens: list[RuToken], negated: bool, placed: bool, lex: RuLexicon
) -> str | None:
    idiom_ids = {t.i for idiom in lex.idioms for t in (find_phrase(tokens, idiom) or [])}
    words = [t for t in tokens if t.i not in idiom_ids]
    for value, phrases in lex.outcome.items():
        matches = [m for p in phrases if (m := find_phrase(words, p)) is not None]
        if value == "taken":
            matches = [
                m
                for m in matches
                if not _attempted(doc, m[0], lex)
                # "под контролем" holds ground only when the claim names a place: "обстановка
                # под контролем" takes nothing.
                and (placed or "контроль" not in {t.lemma for t in m})
            ]
        if not matches:
            continue
        if value == "taken" and (negated or any(_negated(doc, m[0]) for m in matches)):
            return "repelled"  # "не смогли захватить", "захват — фейк": the attack failed
        if value == "ongoing" and not has_phrase(words, lex.fight_words):
            continue  # "работы продолжаются" says nothing of fighting
        return value
    return None


def _attempted(doc: RuDoc, word: RuToken, lex: RuLexicon) -> bool:
    """ "пытались прорваться", "попытка прорыва": tried, not done (unless negated, when
    the attack failed: "не смогли прорваться" is read by the negation)."""
    head = doc.tokens[word.head] if word.head >= 0 else None
    return head is not None and head.lemma in lex.attempts and word.rel in ("xcomp", "nmod")


def _state_forces_attack(doc: RuDoc, tokens: list[RuToken], lex: RuLexicon) -> bool:
    """Is a state's force the doer of an attack word ("ВСУ пытались прорваться", "атака
    украинской ДРГ")? Forces that repel an attack are not its attackers."""
    for token in tokens:
        if token.lemma not in lex.attack_words:
            continue
        word = token
        doers = _doers(doc, word)
        while not doers and word.rel in ("xcomp", "conj") and word.head >= 0:
            word = doc.tokens[word.head]  # "пытались прорваться": the subject of "пытались"
            doers = _doers(doc, word)
        for doer in doers:
            phrase = [doc.tokens[i] for i in sorted(doc.subtree(doer.i))]
            if has_phrase(phrase, lex.state_forces):
                return True
    return False


def _doers(doc: RuDoc, word: RuToken) -> list[RuToken]:
    if word.pos in ("VERB", "AUX"):
        return [c for c in doc.kids(word.i, "nsubj") if c.rel == "nsubj"]
    head = doc.tokens[word.head] if word.head >= 0 else None
    behind = [c for c in doc.kids(word.i, "case") if c.lemma == "за"]
    if head is not None and head.lemma == "стоять" and behind:
        return list(doc.kids(head.i, "nsubj"))  # "за нападением стоят ВСУ"
    # "атака ВСУ", "украинская атака": a genitive or an adjective of the attack noun.
    return [
        c
        for c in doc.kids(word.i, *_DOER_RELS)
        if c.rel == "amod" or (c.feats.get("Case") == "Gen" and not doc.kids(c.i, "case"))
    ]


def _start(
    tokens: list[RuToken], claim: ClaimFrame, dates: Sequence[RuDate], lex: RuLexicon
) -> str | None:
    start, end = claim.content
    inside = [d for d in dates if start <= d.frame.span[0] < end and d.frame.value]
    if not inside:
        return None
    began = any(t.lemma in lex.start_words for t in tokens)
    for date in inside:
        if (began or date.since) and date.frame.value:
            return date.frame.value.split("/")[0]
    return None


def _effects(
    doc: RuDoc,
    tokens: list[RuToken],
    negated: bool,
    figures: Sequence[QuantityFrame],
    lex: RuLexicon,
) -> dict[str, str]:
    """Damage, target and casualty slots, as :func:`corroborate.contradict.effects.effect_slots`
    fills them for English. Damage is "none" when every word of damage is negated ("дома
    повреждены, никто не пострадал" is damage)."""
    slots: dict[str, str] = {}
    damage = _found(tokens, lex.damage)
    damage += [w for w in _found(tokens, lex.damage_none_only) if _negated(doc, w)]
    if damage:
        slots["damage"] = "none" if all(_negated(doc, w) for w in damage) else "damaged"
    # The doers of an attack are not what it hit: "украинские военные обстреляли поселок".
    doers = {
        i
        for t in tokens
        if t.lemma in lex.attack_words
        for d in _doers(doc, t)
        for i in doc.subtree(d.i)
    }
    civilian = [w for w in _found(tokens, lex.civilian) if w.i not in doers]
    military = [w for w in _found(tokens, lex.military) if w.i not in doers]
    if civilian and all(_negated(doc, w) for w in civilian) and not military:
        slots["target"] = "military"  # "мирных жителей там не было"
    elif bool(civilian) != bool(military) and not negated and has_phrase(tokens, lex.acts):
        slots["target"] = "civilian" if civilian else "military"
    for figure in figures:
        exact = figure.low is not None and figure.low == figure.high
        if figure.kind not in ("killed", "wounded") or not exact or figure.vague:
            continue
        lemmas = [t.lemma for t in doc.tokens if figure.span[0] <= t.start < figure.span[1]]
        people = people_of(figure.what, lex, [*lemmas, *figure.what.lower().split()])
        slots.setdefault(figure.kind, f"{int(figure.low or 0)} {people}")
    return slots


def _found(tokens: list[RuToken], phrases: Sequence[tuple[str, ...]]) -> list[RuToken]:
    """The first word of each phrase found."""
    found = []
    for phrase in phrases:
        match = find_phrase(tokens, phrase)
        if match is not None:
            found.append(match[0])
    return found


def _negated(doc: RuDoc, word: RuToken) -> bool:
    """ "не повреждены", "повреждений нет", "без повреждений", "никто не пострадал",
    "жителей там не было": the word, or the verb it depends on, is negated."""
    head = doc.tokens[word.head] if word.head >= 0 else None
    for token in (word, head):
        if token is None:
            continue
        if token.lemma == "нет" and token is head:
            return True
        for child in doc.kids(token.i):
            if child.lemma in ("не", "ни") and child.rel in ("advmod", "discourse", "dep"):
                return True
            if child.lemma == "без" and child.rel == "case" and token is word:
                return True
            if child.lemma in ("никто", "ничто") and child.rel.startswith("nsubj"):
                return True
    return False
