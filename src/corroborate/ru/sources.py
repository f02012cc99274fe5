"""Names in a Russian parse: actors as the knowledge base spells them, and who a source is.

natasha tags "Минобороны" and "России" as two names; :func:`actor_names` joins a body and
the country in the genitive after it into one name ("Минобороны России"), and gives a
state's body named without its country the country an adjective names ("российское
Минобороны") or, in a Russian article, Russia's. Names are in the nominative ("Министерства
обороны" -> "Министерство обороны России"), the form the actor base lists.

A source is the noun phrase of a speech verb's subject, of "по словам", "со ссылкой на"
or of the seat a body speaks from ("в Кремле заявили"). Pronouns ("он", "они") and
descriptors ("губернатор", "ведомство") are resolved by rules over recency and kind, as
for English (:mod:`corroborate.nlp.sources`): a pronoun takes the nearest earlier source
or name of a fitting kind, a descriptor the nearest earlier one whose words hold it.
"""

from __future__ import annotations

from dataclasses import dataclass

from corroborate.nlp.frames import SourceMention
from corroborate.resolve.names import clean_name
from corroborate.ru.lexicon import RuLexicon
from corroborate.ru.pipeline import RuDoc, RuName, RuToken

_PHRASE_RELS = {"amod", "nmod", "appos", "flat", "nummod", "det", "compound", "punct", "case"}
_KINDS = {"PER": "person", "ORG": "organisation", "LOC": "organisation"}
_CONTEXT_TOKENS = 6  # words before a person's name that hold their title
_ORG_DESCRIPTORS = {
    "ведомство", "министерство", "служба", "штаб", "группировка", "легион", "корпус",
    "подразделение", "командование", "администрация", "пресс-служба", "агентство", "канал",
    "батальон", "полк", "бригада", "отряд",
}  # fmt: skip


@dataclass(frozen=True)
class ActorName:
    """A name of the text, made whole and put in the form the actor base knows."""

    label: str  # PER, ORG or LOC
    first: int
    last: int
    name: str


def actor_names(doc: RuDoc, lex: RuLexicon) -> list[ActorName]:
    """Every name natasha found, bodies joined with their country and qualified."""
    found: list[ActorName] = []
    skip: set[int] = set()
    names = doc.names
    channel_words = frozenset().union(*lex.channels.values())
    for n, name in enumerate(names):
        if n in skip or _only_channel(doc, name, channel_words):
            continue
        text = clean_name(name.normal)
        last = name.last
        if name.label == "ORG":
            after = names[n + 1] if n + 1 < len(names) else None
            if after is not None and _country_after(doc, name, after, lex):
                text, last = f"{text} {after.text}", after.last
                skip.add(n + 1)
            elif after is not None and _named_after(doc, name, after):
                # "Легион «Свобода России»": the body and its name are one name.
                text, last = f"{text} «{clean_name(after.normal)}»", after.last
                skip.add(n + 1)
            else:
                text = _qualified(doc, name, text, lex)
        body = _body_before(doc, name, lex)
        if body is not None:
            # "батальона «Сибирь»": the body's word and its quoted name are one name.
            word = doc.nominative([body.i]) or body.lemma
            found.append(ActorName("ORG", body.i, last, f"{word} «{text}»"))
            continue
        found.append(ActorName(name.label, name.first, last, text))
    return found


def _only_channel(doc: RuDoc, name: RuName, channel_words: frozenset[str]) -> bool:
    """ "Telegram-канале": the medium, which the tagger sometimes calls an organisation."""
    lemmas = [doc.tokens[i].lemma for i in range(name.first, name.last + 1)]
    return all(lemma in channel_words or lemma.split("-")[0] in channel_words for lemma in lemmas)


def _country_after(doc: RuDoc, name: RuName, after: RuName, lex: RuLexicon) -> bool:
    """ "Минобороны России", "Генштаб ВСУ": a country or body in the genitive right after
    the body, below it in the parse."""
    if after.first != name.last + 1:
        return False
    token = doc.tokens[after.first]
    below = token.head in range(name.first, name.last + 1)
    if after.label == "ORG":  # "Генштаб ВСУ", "пресс-служба Минобороны"
        return below and token.feats.get("Case") == "Gen"
    return after.label == "LOC" and token.lemma in lex.country_genitives and below


def _body_before(doc: RuDoc, name: RuName, lex: RuLexicon) -> RuToken | None:
    """The word for a body ("батальон") right before a quoted name that names it."""
    quotes = 0
    position = name.first - 1
    while position >= 0 and doc.tokens[position].text in '«"„“':
        quotes += 1
        position -= 1
    if not quotes or position < 0:
        return None
    body = doc.tokens[position]
    head = doc.tokens[name.first]
    while head.head >= 0 and name.first <= head.head <= name.last:
        head = doc.tokens[head.head]
    return body if body.lemma in lex.body_words and head.head == body.i else None


def _named_after(doc: RuDoc, name: RuName, after: RuName) -> bool:
    """ "Легион «Свобода России»": a quoted name set right after a body's word."""
    between = doc.tokens[name.last + 1 : after.first]
    if not between or any(t.text not in '«"„“' for t in between):
        return False
    head = doc.tokens[after.first]
    while head.head >= 0 and after.first <= head.head <= after.last:
        head = doc.tokens[head.head]
    return head.rel == "appos" and name.first <= head.head <= name.last


def _qualified(doc: RuDoc, name: RuName, text: str, lex: RuLexicon) -> str:
    if text.lower().replace("ё", "е") not in lex.state_bodies:
        return text
    before = doc.tokens[name.first - 1] if name.first > 0 else None
    if before is not None and before.lemma in lex.country_adjectives:
        return f"{text} {lex.country_adjectives[before.lemma]}"
    return f"{text} России"  # a Russian article's unqualified ministry is Russia's


def phrase_ids(doc: RuDoc, head: RuToken) -> list[int]:
    """The noun phrase of ``head``: its modifiers and genitives, without clauses, the
    other members of a coordination, or a leading preposition."""
    keep = {head.i}
    stack = [head.i]
    while stack:
        for child in doc.kids(stack.pop()):
            if child.rel.split(":")[0] in _PHRASE_RELS and child.i not in keep:
                keep.add(child.i)
                stack.append(child.i)
    ids = sorted(keep)
    while ids and (doc.tokens[ids[0]].pos in ("ADP", "PUNCT")):
        ids.pop(0)
    while ids and doc.tokens[ids[-1]].pos == "PUNCT" and doc.tokens[ids[-1]].text not in "»”":
        ids.pop()
    return ids


def speaking_for(doc: RuDoc, head: RuToken, names: list[ActorName], lex: RuLexicon) -> RuToken:
    """The body a spokesperson named by title speaks for ("представитель корпуса"): its
    word is the body's. A spokesperson named by name ("пресс-секретарь Дмитрий Песков")
    speaks as themself."""
    if head.lemma not in lex.spokespeople:
        return head
    ids = phrase_ids(doc, head)
    if any(n.label == "PER" and ids and ids[0] <= n.first <= ids[-1] for n in names):
        return head
    if quoted(doc, ids):
        return head  # "командир с позывным «Цезарь»": named by a call sign
    body = [c for c in doc.kids(head.i, "nmod") if c.feats.get("Case") == "Gen"]
    return body[0] if body else head


def describe(doc: RuDoc, head: RuToken, names: list[ActorName], lex: RuLexicon) -> SourceMention:
    """The source a noun phrase names: a person, a body, a pronoun, or a descriptor."""
    ids = phrase_ids(doc, head) or [head.i]
    start, end = doc.tokens[ids[0]].start, doc.tokens[ids[-1]].end
    text = doc.text[start:end]
    if head.pos == "PRON" or head.lemma in lex.all_pronouns:
        return SourceMention(text=text, span=(start, end), name=text, kind="pronoun")
    inside = [n for n in names if ids[0] <= n.first and n.last <= ids[-1]]
    if inside:
        inside.sort(key=lambda n: (n.first <= head.i <= n.last, n.label == "PER", n.last))
        best = inside[-1]
        return SourceMention(text=text, span=(start, end), name=best.name, kind=_KINDS[best.label])
    in_quotes = quoted(doc, ids)
    if in_quotes:
        # "командир легиона с позывным «Цезарь»": the name the phrase gives in quotes.
        kind = "person" if head.feats.get("Animacy") == "Anim" else "organisation"
        return SourceMention(text=text, span=(start, end), name=in_quotes, kind=kind)
    name = clean_name(doc.nominative(ids)) or text
    if head.lemma in _ORG_DESCRIPTORS:
        return SourceMention(text=text, span=(start, end), name=name, kind="descriptor")
    if head.pos == "PROPN":
        kind = "person" if head.feats.get("Animacy") == "Anim" else "organisation"
        return SourceMention(text=text, span=(start, end), name=name, kind=kind)
    if head.lemma in lex.unnamed_heads:
        return SourceMention(text=text, span=(start, end), name=name, kind="unnamed")
    return SourceMention(text=text, span=(start, end), name=name, kind="descriptor")


def quoted(doc: RuDoc, ids: list[int]) -> str:
    """The words between « and » inside a phrase, if any."""
    tokens = [doc.tokens[i] for i in ids]
    opening = next((n for n, t in enumerate(tokens) if t.text in "«„“"), None)
    if opening is None:
        return ""
    closing = next((n for n, t in enumerate(tokens) if n > opening and t.text in "»“”"), None)
    inside = tokens[opening + 1 : closing]
    return doc.text[inside[0].start : inside[-1].end] if inside else ""


def unnamed() -> SourceMention:
    return SourceMention(text="", span=None, name="unnamed source", kind="unnamed")


@dataclass
class Seen:
    """A named actor met so far, with the words around it (its title)."""

    name: str
    kind: str
    words: frozenset[str]
    position: int
    speaker: bool = False  # the source of a claim, not only a name in the text


def seen_names(doc: RuDoc, names: list[ActorName]) -> list[Seen]:
    """People and bodies the text names, each with the lemmas of its title."""
    found = []
    for name in names:
        sentence = doc.sentences[doc.tokens[name.first].sent]
        begin = max(sentence.first, name.first - _CONTEXT_TOKENS)
        words = frozenset(t.lemma for t in doc.tokens[begin : name.last + 1])
        kind = "place" if name.label == "LOC" else _KINDS[name.label]
        found.append(Seen(name.name, kind, words, doc.tokens[name.first].start))
    return found


def resolve(
    mention: SourceMention, head: RuToken | None, earlier: list[Seen], lex: RuLexicon
) -> SourceMention:
    """A pronoun or descriptor as the earlier actor it stands for; others as they are.

    ``head`` is the head word of the source phrase."""
    if mention.kind not in ("pronoun", "descriptor", "unnamed") or mention.span is None:
        return mention
    if head is None:
        return mention
    before = sorted((s for s in earlier if s.position < mention.span[0]), key=lambda s: -s.position)
    found: Seen | None = None
    if mention.kind == "pronoun":
        if head.lemma in lex.person_pronouns:
            # "он" is a person, else a body of masculine gender ("штаб", "корпус").
            bodies = [s for s in before if s.kind == "organisation"]
            found = next((s for s in before if s.kind == "person"), None) or next(
                (s for s in bodies if s.speaker), bodies[0] if bodies else None
            )
        elif head.lemma in lex.plural_pronouns or head.lemma in lex.thing_pronouns:
            found = next((s for s in before if s.kind in ("organisation", "group")), None)
    elif mention.kind == "unnamed":
        # "собеседник агентства" after "источник в силовых структурах": the same source.
        titles = lex.descriptor_titles.get(head.lemma, frozenset())
        found = next((s for s in before if s.kind == "unnamed" and titles & s.words), None)
        if found is None:
            return mention
        return SourceMention(mention.text, mention.span, found.name, "unnamed", mention.text)
    else:
        titles = lex.descriptor_titles.get(head.lemma, frozenset({head.lemma}))
        found = next((s for s in before if titles & s.words and s.name != mention.name), None)
        if found is None and head.lemma in _ORG_DESCRIPTORS:
            found = next((s for s in before if s.kind == "organisation"), None)
    if found is None:
        if mention.kind == "descriptor" and head.feats.get("Number") == "Plur":
            return SourceMention(mention.text, mention.span, mention.name, kind="group")
        return mention
    kind = "organisation" if found.kind == "place" else found.kind
    return SourceMention(
        text=mention.text, span=mention.span, name=found.name, kind=kind, resolved_from=mention.text
    )
