"""Who a source is: the name in a noun phrase, and what pronouns and descriptors stand for.

No coreference model runs offline, so "he", "it", "Both", "the governor" and "the
group" are resolved by rules over entity types, number and recency: a pronoun takes the
nearest earlier source of a fitting kind; a descriptor takes the nearest earlier source
whose own words contain it ("the governor" -> "Governor of the Belgorod Region
Vyacheslav Gladkov"). A claim whose source was just relayed by an outlet keeps that
relay in the next sentences ("According to the FSB, ..." after "..., says Baza").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter

from spacy.tokens import Doc, Span, Token

from corroborate.nlp.frames import (
    ClaimFrame,
    SourceMention,
    doc_ent_bounds,
    doc_ents,
    doc_sents,
    in_excluded,
    span_text,
    token_children,
    token_words,
)
from corroborate.nlp.lexicon import load_lexicon
from corroborate.resolve.names import clean_name, same_name

_SINGULAR_PERSON = {"he", "she", "him", "her", "his"}
_SINGULAR_THING = {"it", "its"}
_PLURAL = {"they", "them", "both", "we"}
_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "PRODUCT")
_NP_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "punct", "case"}
_ORG_NOUNS = {
    "group",
    "ministry",
    "agency",
    "service",
    "office",
    "army",
    "command",
    "forces",
    "battalion",
    "legion",
    "corps",
    "brigade",
    "regiment",
    "unit",
    "channel",
    "outlet",
    "newspaper",
    "site",
    "department",
    "directorate",
    "committee",
    "government",
    "administration",
    "kremlin",
    "organisation",
    "organization",
    "movement",
    "military",
    "navy",
    "police",
    "council",
    "headquarters",
    "staff",
}
_POSITION = attrgetter("position")
# Titles of one person, who may be "he" or "she" later on.
_PERSON_TITLES = {
    *("governor", "president", "mayor", "minister", "spokesman", "spokeswoman", "commander"),
    *("spokesperson", "general", "chief", "head", "director", "chairman", "chairwoman"),
    *("secretary", "ambassador", "envoy", "official", "deputy", "aide", "adviser", "advisor"),
    *("lawmaker", "senator", "leader", "judge", "prosecutor", "lawyer", "attorney", "doctor"),
    *("expert", "analyst", "diplomat", "negotiator", "investigator", "soldier", "volunteer"),
    *("villager", "resident", "witness", "reporter", "correspondent", "blogger", "founder"),
}
# Marks at the edges of a noun phrase that are no part of the name.
_EDGE_MARKS = {",", ";", ":", '"', "“", "”", "‘", "’", "'", "«", "»", "``", "''", "―", "—", "–"}
_CLAUSES = {"ccomp", "parataxis", "advcl", "csubj", "xcomp", "prep"}
_RELAY_WINDOW = 3  # sentences over which a relay is carried to the same source


def noun_phrase(head: Token, conjuncts: bool = True) -> list[Token]:
    """The head noun with its pre-modifiers and "of"-complements, without clauses."""
    keep = {head.i}
    # "sources in the SBU", "a source at the ministry": where an unnamed source sits names it.
    preps = ("of", "in", "at", "within") if head.lemma_.lower() == "source" else ("of",)
    for child in token_children(head):
        if child.dep_ == "amod" and child.tag_ == "VBG" and _relay_participle(child):
            continue  # "quoting sources": the relay's participle, not the name
        if (child.dep_ in _NP_DEPS and child.i < head.i) or (
            child.dep_ == "prep" and child.lower_ in preps
        ):
            # Only the ends of the phrase count, and a subtree ends at its edges.
            keep |= {child.left_edge.i, child.right_edge.i}
        elif conjuncts and child.dep_ in ("conj", "cc"):
            keep |= {t.i for t in child.subtree if t.dep_ not in ("relcl", "acl")}
    start, end = min(keep), max(keep)
    doc = head.doc
    # A name never runs over a colon ("HUFFPOLLSTER: A shift ..." is name and headline).
    colon = next((i for i in range(head.i + 1, end + 1) if doc[i].text == ":"), None)
    if colon is not None:
        end = colon - 1
    while start < head.i and doc[start].text in _EDGE_MARKS:
        start += 1
    while end > head.i and doc[end].text in _EDGE_MARKS:
        end -= 1
    return [doc[i] for i in range(start, end + 1)]


def _relay_participle(word: Token) -> bool:
    return word.i == word.head.i - 1 and word.lemma_.lower() in load_lexicon().relay_verbs


def describe_source(
    sent: Span, head: Token, cue: Token | None = None, alone: bool = False
) -> SourceMention:
    """The source named by the noun phrase of ``head``; with ``alone``, without the
    phrases coordinated with it ("the Corps and the Legion" is two sources)."""
    lex = load_lexicon()
    tokens = noun_phrase(head, conjuncts=not alone)
    text = span_text(sent.doc[tokens[0].i : tokens[-1].i + 1])
    span = (tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    lower = head.lower_
    clause = head.head
    if head.tag_ in ("WP", "WDT") and clause.dep_ == "relcl" and clause.head.pos_ != "PRON":
        # "the novice who wants ...": the relative names what the clause hangs on.
        antecedent = clause.head
        name, kind = _best_name(noun_phrase(antecedent), antecedent)
        return SourceMention(text=text, span=span, name=name, kind=kind, resolved_from=text)
    if head.pos_ == "PRON" or lower in _PLURAL:
        return SourceMention(text=text, span=span, name=text, kind="pronoun")
    named = _named_apposition(head, tokens)
    if named is not None:
        # "The Telegram channel Baza": the outlet's name, not its medium.
        return SourceMention(text=text, span=span, name=clean_name(named.text), kind="organisation")
    titled = _name_after_title(head)
    if titled is not None:
        # "The governor of the Belgorod region, Vyacheslav Gladkov, wrote ...": the person.
        kind = "person" if titled.label_ == "PERSON" else "organisation"
        return SourceMention(text=text, span=span, name=clean_name(span_text(titled)), kind=kind)
    footage = lex.channels["video"]
    if head.lemma_.lower() in footage or lower in footage:
        # "Videos posted on social media show ...": footage shows; nobody is named saying.
        return SourceMention(text=text, span=span, name=clean_name(text), kind="footage")
    name, kind = _best_name(tokens, head)
    if kind in ("descriptor", "group") and cue is not None:
        # Garbled subjects ("X, a representative of Y, the agency told"): a person
        # named before the cue in the same clause is the speaker.
        person = _person_left_of(cue, exclude=set(t.i for t in tokens))
        if person is not None:
            written = span_text(person)
            return SourceMention(
                text=written,
                span=(person.start_char, person.end_char),
                name=written,
                kind="person",
            )
    if kind in ("descriptor", "group") and head.lemma_.lower() in lex.unnamed_heads:
        kind = "unnamed"
    return SourceMention(text=text, span=span, name=name, kind=kind)


def _named_apposition(head: Token, tokens: list[Token]) -> Token | None:
    """A proper name set right after a common noun head: "the channel Baza"."""
    if head.pos_ != "NOUN":
        return None
    nxt = head.i + 1
    if nxt >= len(head.doc) or tokens[-1].i != head.i:
        return None
    name = head.doc[nxt]
    if name.dep_ == "appos" and name.head.i == head.i and name.pos_ == "PROPN":
        return name
    return None


def _name_after_title(head: Token) -> Span | None:
    """The person or body named in apposition after a common-noun title, set off by a
    comma ("the governor of the region, Vyacheslav Gladkov,")."""
    if head.pos_ != "NOUN":
        return None
    for child in token_children(head):
        if child.dep_ != "appos" or child.i <= head.i or child.pos_ != "PROPN":
            continue
        entity = next((e for e in doc_ents(head.doc) if e.start <= child.i < e.end), None)
        if entity is not None and entity.label_ in ("PERSON", "ORG"):
            return entity
    return None


def _possessor_of(word: Token, head: Token) -> bool:
    """Is ``word`` inside the possessive phrase of ``head`` ("the Wagner group's founder")?"""
    while word.i != head.i and word.head.i != word.i:
        if word.dep_ == "poss":
            return word.head.i == head.i
        word = word.head
    return False


def _best_name(tokens: list[Token], head: Token) -> tuple[str, str]:
    doc = head.doc
    first, last = tokens[0].i, tokens[-1].i + 1
    # Entities are sorted by start: those from ``first`` on, until one starts at ``last``.
    all_ents, bounds = doc_ents(doc), doc_ent_bounds(doc)
    ents = []
    for k in range(bisect_left(bounds, first, key=lambda b: b[0]), len(bounds)):
        start, end = bounds[k]
        if start >= last:
            break
        if end <= last:
            ents.append(all_ents[k])
    ents = [e for e in ents if e.label_ in _NAME_LABELS and e.label_ != "NORP"]
    if head.pos_ == "PROPN" and not any(e.start <= head.i < e.end for e in ents):
        # "The Institute for the Study of War": the name runs past the phrase we keep.
        holding = next((e for e in all_ents if first <= e.start <= head.i < e.end), None)
        if holding is not None and holding.label_ in ("ORG", "PERSON"):
            kind = "person" if holding.label_ == "PERSON" else "organisation"
            return clean_name(span_text(holding)), kind
    if head.lemma_.lower() == "source" and head.pos_ == "NOUN":
        # "sources in the SBU" are unnamed people, not the SBU itself.
        return clean_name(_written(tokens)), "group"
    leading = ents[0] if ents and ents[0].start == first else None
    if (
        leading is not None
        and leading.label_ == "PERSON"
        and leading.end < last
        and doc[leading.end].text == ","
    ):
        # "Oleksandr Syrskyi, Ukraine's commander-in-chief, said": the name, then its title
        # (the parser may have taken the name for the title's possessor).
        return clean_name(span_text(leading)), "person"
    if head.pos_ == "NOUN" and ents and all(e.label_ in ("GPE", "LOC") for e in ents):
        # "The head of the Luhansk regional administration": a post in a place, not the place.
        return clean_name(_written(tokens)), "descriptor"
    if head.pos_ == "NOUN" and ents and all(_possessor_of(e.root, head) for e in ents):
        # "Ukraine's army chief", "the Wagner group's founder": a title held in a country
        # or a body, not the country or the body.
        return clean_name(_written(tokens)), "descriptor"
    if ents:
        # Prefer the entity holding the head, then a person, then the last one.
        ents.sort(key=lambda e: (e.start <= head.i < e.end, e.label_ == "PERSON", e.end))
        best = ents[-1]
        kind = "person" if best.label_ == "PERSON" else "organisation"
        return clean_name(span_text(best)), kind
    text = clean_name(_written(tokens))
    if head.pos_ == "PROPN":
        return text, "organisation"
    definite = tokens[0].lower_ in ("the", "this", "that", "these", "those")
    return text, "descriptor" if definite and len(tokens) <= 4 else "group"


def _written(tokens: list[Token]) -> str:
    """The words as written, with the spacing of the text ("pro-war", not "pro - war")."""
    return "".join(t.text_with_ws for t in tokens).strip()


def _person_left_of(cue: Token, exclude: set[int]) -> Span | None:
    # Not inside a clause before the cue: that is what was said ("Clinton's van was
    # escorted ..., another source said"), not who said it.
    left = [
        t
        for child in cue.lefts
        if child.dep_ not in _CLAUSES
        for t in child.subtree
        if t.i not in exclude
    ]
    ids = {t.i for t in left}
    people = [e for e in doc_ents(cue.doc) if e.label_ == "PERSON" and e.start in ids]
    return people[-1] if people else None


@dataclass
class _Seen:
    name: str
    kind: str
    text: str
    position: int


def _entity_candidates(doc: Doc) -> list[_Seen]:
    """Named actors of the article, each with the noun phrase around it."""
    lex = load_lexicon()
    channel_words = set().union(*lex.channels.values())
    found = []
    for ent in doc_ents(doc):
        if ent.label_ not in ("PERSON", "ORG", "GPE", "WORK_OF_ART"):
            continue
        root = ent.root  # spaCy works the root out on every access
        if root.pos_ != "PROPN":
            continue
        written = span_text(ent)
        if written.lower() in channel_words or in_excluded(doc, ent.start_char, ent.end_char):
            continue
        context = noun_phrase(root)
        if root.dep_ == "appos":
            # "Governor of the Kherson Region Oleksandr Prokudin": the title is the head.
            context = sorted({*context, *noun_phrase(root.head)}, key=lambda t: t.i)
        text = " ".join(t.text for t in context)
        # Places and titles (the recogniser's WORK_OF_ART is often a village's name) are
        # taken for "it" only when no organisation was named.
        kind = {"PERSON": "person", "GPE": "place", "WORK_OF_ART": "place"}.get(
            ent.label_, "organisation"
        )
        found.append(_Seen(clean_name(written), kind, text, ent.start_char))
    return sorted([*found, *_title_subjects(doc, found)], key=_POSITION)


def _title_subjects(doc: Doc, named: list[_Seen]) -> list[_Seen]:
    """People named by a title as the subject of a sentence ("The mayor spoke at a press
    conference"), for a later "he" or "she"; a title given earlier with a name ("Mayor
    Ivan Fedorov") stands for that name."""
    words = token_words(doc)
    found = []
    for i, dep in enumerate(words.deps):
        if dep != "nsubj" or words.poses[i] != "NOUN" or words.lemmas[i] not in _PERSON_TITLES:
            continue
        title = doc[i]
        if title.tag_ != "NN":
            continue  # one person: not "officials"
        phrase = noun_phrase(title)
        if any(t.ent_type_ for t in phrase) or in_excluded(doc, title.idx, title.idx + 1):
            continue  # a named phrase is found as a name
        earlier = [s for s in named if s.position < title.idx and s.kind == "person"]
        same = next((s for s in reversed(earlier) if words.lowers[i] in s.text.lower()), None)
        text = _written(phrase)
        if same is not None:
            found.append(_Seen(same.name, same.kind, text, phrase[0].idx))
        else:
            found.append(_Seen(clean_name(text), "descriptor", text, phrase[0].idx))
    return found


def resolve_sources(doc: Doc, claims: list[ClaimFrame]) -> None:
    """Resolve pronoun and descriptor sources, and carry relays over to the same source."""
    sentence_of = {s.start_char: n for n, s in enumerate(doc_sents(doc))}
    seen = _entity_candidates(doc)
    previous: ClaimFrame | None = None
    previous_sentence = -10
    for claim in claims:
        index = sentence_of.get(claim.sentence[0], 0)
        claim.sources = [s for m in claim.sources for s in _resolve(doc, m, seen, claim)]
        claim.via = [s for m in claim.via for s in _resolve(doc, m, seen, claim)]
        if (
            not claim.via
            and previous is not None
            and previous.via
            and index - previous_sentence <= _RELAY_WINDOW
            and _same_sources(claim.sources, previous.sources)
        ):
            claim.via = list(previous.via)
        for source in claim.sources + claim.via:
            if source.kind not in ("pronoun", "unnamed") and source.name and source.span:
                start, end = source.span
                # Names inside the source's phrase ("Wagner" in "the Wagner group's
                # founder") give way to the source itself.
                seen[:] = [s for s in seen if not start <= s.position < end]
                seen.append(_Seen(source.name, source.kind, source.text, start))
        previous, previous_sentence = claim, index


def _same_sources(a: list[SourceMention], b: list[SourceMention]) -> bool:
    return len(a) == len(b) and all(same_name(x.name, y.name) for x, y in zip(a, b, strict=True))


def _before(seen: list[_Seen], position: int, claim: ClaimFrame) -> list[_Seen]:
    """Candidates named before ``position`` and outside the claim's own content, nearest first."""
    start, end = claim.content
    usable = [s for s in seen if s.position < position and not start <= s.position < end]
    return sorted(usable, key=_POSITION, reverse=True)


def _resolve(
    doc: Doc, mention: SourceMention, seen: list[_Seen], claim: ClaimFrame
) -> list[SourceMention]:
    if mention.kind not in ("pronoun", "descriptor"):
        return [mention]  # a name stands for itself
    position = mention.span[0] if mention.span else claim.content[0]
    lower = mention.text.lower().strip()
    # A source is never its own relay ("Interfax reports, with reference to the
    # administration": the administration is not Interfax).
    others = [m.name for m in claim.sources + claim.via if m is not mention and m.span]
    earlier = [
        s for s in _before(seen, position, claim) if not any(same_name(s.name, o) for o in others)
    ]
    if mention.kind == "pronoun":
        if lower in _PLURAL:
            found = _plural(earlier)
        elif lower in _SINGULAR_PERSON:
            # A person, or a titled one named by the title ("the group's founder ... he").
            found = [s for s in earlier if s.kind == "person" or _titled_person(s)][:1]
        else:
            # "It said": an organisation before a place; a village does not speak, and a
            # country ("Russia said ...") is taken only when no organisation was named.
            found = [s for s in earlier if s.kind == "organisation" or _body(s)][:1]
            found = found or [s for s in earlier if s.kind == "place"][:1]
    else:
        found = _descriptor(mention, earlier)
    if not found:
        return [mention]
    return [
        SourceMention(
            text=mention.text,
            span=mention.span,
            name=s.name,
            kind="organisation" if s.kind == "place" else s.kind,
            resolved_from=mention.text,
        )
        for s in found
    ]


def _body(seen: _Seen) -> bool:
    """A body named by what it is ("Ukraine's military"), which may be "it" later on."""
    words = seen.name.lower().split()
    return seen.kind == "descriptor" and bool(words) and words[-1] in _ORG_NOUNS


def _titled_person(seen: _Seen) -> bool:
    words = seen.name.lower().split()
    return seen.kind == "descriptor" and bool(words) and words[-1] not in _ORG_NOUNS


def _descriptor(mention: SourceMention, earlier: list[_Seen]) -> list[_Seen]:
    words = [w.lower() for w in mention.name.split()]
    if not words:
        return []
    head = words[-1]
    for candidate in earlier:
        if (
            head in candidate.text.lower().split()
            and candidate.name.lower() != mention.name.lower()
        ):
            return [candidate]
    if head in _ORG_NOUNS and not re.search(r"\w['’]s\b", mention.name):
        # "the ministry": the body named last. "Ukraine's military" names its own.
        return [s for s in earlier if s.kind == "organisation"][:1]
    return []


def _plural(earlier: list[_Seen]) -> list[_Seen]:
    """ "Both"/"they": the two most recent distinct named actors."""
    names: list[_Seen] = []
    for candidate in earlier:
        if not any(same_name(candidate.name, n.name) for n in names):
            names.append(candidate)
        if len(names) == 2:
            break
    return list(reversed(names)) if len(names) == 2 else []
