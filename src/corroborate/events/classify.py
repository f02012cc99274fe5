"""Type the events a sentence reports in ACLED's vocabulary, from lemmas and the parse.

A sentence is first looked up word by word in the lexicon's index (a dictionary look-up
per token); only a sentence with a hit is read further. Each hit becomes a cue scored by
its label's weight, the context words around it and the clause it sits in (negated,
hypothetical, or only the topic of something else), and the parse rules decide who did
what to whom. A snippet of several sentences gets the best of its cues, with the five
labels outside ACLED given only when no ACLED cue is strong.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, compress

from spacy.tokens import Doc, Span, Token

from corroborate.events.lexicon import EventLexicon, LabelEntry, Match, load_event_lexicon
from corroborate.events.roles import modality, modifies_actor, object_lemmas
from corroborate.events.rules import DISRUPTED, Sentence, by_length, route
from corroborate.events.taxonomy import ALL_LABELS, type_of
from corroborate.nlp.frames import token_children, token_words

# Violent sub-types that an ancestor such as "foiled" or "intercepted" turns into a
# disrupted attack.
_DISRUPTABLE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_ORDER = {label: n for n, label in enumerate(ALL_LABELS)}
_SKIPPED = frozenset({"-", "–", "—"})
_TIMES = frozenset({"DATE", "TIME"})

# Modifiers a phrase steps over: "clashed with the police", "signed a new agreement",
# "restored government control".
_STEP_OVER = frozenset({"det", "amod", "nummod", "compound", "poss", "quantmod"})
_MAX_STEPS = 2


class _Tokens:
    """The tokens of a sentence that the classifier reads, made only when asked for."""

    def __init__(self, doc: Doc, indices: list[int]) -> None:
        self._doc = doc
        self._indices = indices

    def __getitem__(self, position: int) -> Token:
        return self._doc[self._indices[position]]

    def __len__(self) -> int:
        return len(self._indices)


# A lexicon entry as the matcher reads it: the entry, and the words after its first
# (None for a one-word entry), which must all be in a sentence for the phrase to be there.
_Entry = tuple[Match, frozenset[str] | None]


@dataclass(frozen=True)
class _DocMarks:
    """Per token of a Doc: read by the classifier (neither whitespace nor a dash), the
    first word of some lexicon entry (and read), a modifier a phrase steps over."""

    read: list[bool]
    starts: list[bool]
    step_over: list[bool]


_MARKS_KEY = "corroborate.event_marks"


def _doc_marks(doc: Doc, index: dict[str, tuple[Match, ...]]) -> _DocMarks:
    """The :class:`_DocMarks` of a Doc, worked out once for all its sentences."""
    kept: tuple[object, _DocMarks] | None = doc.user_data.get(_MARKS_KEY)
    if kept is not None and kept[0] is index:
        return kept[1]
    words = token_words(doc)
    read = [
        not space and text not in _SKIPPED
        for space, text in zip(words.spaces, words.texts, strict=True)
    ]
    starts = [
        ok
        and (
            lemma in index
            or lower in index
            or (lemma == lower and lower.endswith("s") and lower[:-1] in index)
        )
        for ok, lemma, lower in zip(read, words.lemmas, words.lowers, strict=True)
    ]
    marks = _DocMarks(read, starts, [dep in _STEP_OVER for dep in words.deps])
    doc.user_data[_MARKS_KEY] = (index, marks)
    return marks


def _phrase_positions(
    modifiers: Sequence[bool], keys: Sequence[tuple[str, str]], start: int, words: Sequence[str]
) -> tuple[int, ...] | None:
    """Positions of the words of a phrase starting at ``start``, or None if it is not there.

    ``modifiers`` says which tokens are modifiers the phrase may step over."""
    positions = [start]
    position = start + 1
    for word in words[1:]:
        steps = 0
        while (
            position < len(keys)
            and word not in keys[position]
            and modifiers[position]
            and steps < _MAX_STEPS
        ):
            position += 1
            steps += 1
        if position >= len(keys) or word not in keys[position]:
            return None
        positions.append(position)
        position += 1
    return tuple(positions)


def _longest(
    matches: list[tuple[tuple[int, ...], Match]],
) -> list[tuple[tuple[int, ...], Match]]:
    """Matches less those whose every word a longer match also took ("riot" in "riot
    police", "car bomb" in "suicide car bomb")."""
    covered: dict[int, int] = {}
    for positions, match in matches:
        for p in positions:
            covered[p] = max(covered.get(p, 0), len(match.words))
    return [
        (positions, match)
        for positions, match in matches
        if any(covered[p] <= len(match.words) for p in positions)
    ]


@dataclass(frozen=True)
class EventCue:
    sub_type: str  # ACLED sub-type, or one of the labels outside ACLED
    type: str  # ACLED type, "" for the labels outside ACLED
    score: float
    trigger: tuple[int, int]  # character offsets in the Doc of the triggering word(s)


@dataclass
class _Hit:
    label: str
    score: float
    trigger: tuple[int, int]
    plain: bool  # reported as done: neither hypothetical nor only mentioned


def _best_per_label(hits: Iterable[_Hit]) -> dict[str, _Hit]:
    best: dict[str, _Hit] = {}
    for hit in hits:
        if hit.label not in best or hit.score > best[hit.label].score:
            best[hit.label] = hit
    return best


def _ranked(hits: Iterable[_Hit]) -> list[_Hit]:
    return sorted(hits, key=lambda h: (-h.score, _ORDER.get(h.label, len(_ORDER))))


def _cue(hit: _Hit) -> EventCue:
    return EventCue(hit.label, type_of(hit.label), round(hit.score, 3), hit.trigger)


class EventClassifier:
    """Event cues of sentences and one label per snippet, from an event lexicon."""

    def __init__(self, lexicon: EventLexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else load_event_lexicon()
        self._entries: dict[str, tuple[_Entry, ...]] = {}
        self._entries_of: object = None  # the index ``_entries`` was made from

    def _entries_for(self, form: str) -> tuple[_Entry, ...]:
        """The index's entries for ``form``, each with the rest of its words as a set."""
        index = self.lexicon.index
        if self._entries_of is not index:
            self._entries = {
                word: tuple(
                    (m, frozenset(m.words[1:]) if len(m.words) != 1 else None) for m in matches
                )
                for word, matches in index.items()
            }
            self._entries_of = index
        return self._entries.get(form, ())

    # -- matching ----------------------------------------------------------------------

    def _matches(
        self,
        tokens: _Tokens,
        keys: Sequence[tuple[str, str]],
        modifiers: Sequence[bool],
        starts: Iterable[int],
    ) -> list[tuple[tuple[int, ...], Match]]:
        """Lexicon entries found in the sentence, each with the positions of its words.

        ``keys`` holds each token's lower-cased lemma and lower-cased form, ``modifiers``
        whether it is a modifier that a phrase steps over, ``starts`` the positions of the
        words that start some entry, in order."""
        found: list[tuple[tuple[int, ...], Match]] = []
        present: set[str] | None = None  # every word of the sentence, for phrases
        for i in starts:
            lemma, lower = keys[i]
            if tokens[i].ent_type_ in _TIMES:
                continue  # "in March" is no march
            forms = {lemma, lower}
            if lemma == lower and lower.endswith("s"):
                forms.add(lower[:-1])  # plurals the lemmatizer left alone ("Wildfires")
            particles: set[str] | None = None
            for match, rest in (e for form in forms for e in self._entries_for(form)):
                if rest is None:
                    found.append(((i,), match))
                    continue
                if present is None:
                    present = set(chain.from_iterable(keys))
                # A phrase whose other words are not in the sentence cannot be there.
                positions = (
                    _phrase_positions(modifiers, keys, i, match.words) if rest <= present else None
                )
                if positions is not None:
                    found.append((positions, match))
                elif len(match.words) == 2:
                    if particles is None:
                        children = token_children(tokens[i])
                        particles = {c.lower_ for c in children if c.dep_ == "prt"}
                    if match.words[1] in particles:
                        found.append(((i,), match))  # "shot the drone down"
        return found

    def _passes(self, match: Match, entry: LabelEntry, token: Token, sentence: Sentence) -> bool:
        if match.kind == "instrument":
            return sentence.has_word(self.lexicon.grammar["violence"])
        if match.kind == "conditional":
            return sentence.has_any(entry.requires)
        if match.kind == "object":
            singles, _ = by_length(entry.objects)
            return not singles.isdisjoint(object_lemmas(token))
        return True

    def _score(self, base: float, entry: LabelEntry, sentence: Sentence, own: set[str]) -> float:
        settings = self.lexicon.settings
        boosts = sentence.count(entry.context, own)
        score = base + min(boosts * settings["context_step"], settings["context_cap"])
        if sentence.count(entry.excludes, own):
            score *= settings["exclude"]
        return score

    def _hits(self, sent: Span) -> list[_Hit]:
        begin, end = sent.start, sent.end
        marks = _doc_marks(sent.doc, self.lexicon.index)
        if not any(marks.starts[begin:end]):
            return []  # a sentence with no word of the lexicon reports no event
        words = token_words(sent.doc)
        read_here = marks.read[begin:end]
        read = list(compress(range(begin, end), read_here))
        tokens = _Tokens(sent.doc, read)
        pairs = list(
            zip(
                compress(words.lemmas[begin:end], read_here),
                compress(words.lowers[begin:end], read_here),
                strict=True,
            )
        )
        modifiers = list(compress(marks.step_over[begin:end], read_here))
        starts = compress(range(len(read)), compress(marks.starts[begin:end], read_here))
        matches = self._matches(tokens, pairs, modifiers, starts)
        if not matches:
            return []
        lexicon, settings = self.lexicon, self.lexicon.settings
        keys = [lemma for lemma, _ in pairs]
        sentence = Sentence(
            span=sent,
            lexicon=lexicon,
            words=frozenset(keys) | frozenset(lower for _, lower in pairs),
            lemma_text=f" {' '.join(keys)} ",
        )
        passed = [
            (positions, match)
            for positions, match in matches
            if self._passes(match, lexicon.entries[match.label], tokens[positions[0]], sentence)
        ]
        hits: list[_Hit] = []
        for positions, match in _longest(passed):
            token = tokens[positions[0]]
            if token.lower_ == "according" and len(positions) == 1:
                continue  # "according to X" attributes; it is no accord
            mood = modality(token, lexicon.grammar)
            if mood == "negated":
                continue
            single = len(positions) == 1
            if single and mood == "plain" and modifies_actor(token, lexicon.actors):
                mood = "mention"
            routed = route(match.label, token, sentence, lexicon)
            if routed is None:
                continue
            label, base = routed
            if mood == "disrupted" and type_of(label) in _DISRUPTABLE:
                label, base = DISRUPTED, lexicon.entries[DISRUPTED].weight
            if match.kind == "instrument":
                base *= settings["instrument"]
            if len(match.words) > 1:
                base += settings["phrase_bonus"]
            score = self._score(base, lexicon.entries[label], sentence, set(match.words))
            if mood in ("hypothetical", "mention", "background"):
                score *= settings[mood]
            last = tokens[positions[-1]]
            span = (token.idx, last.idx + len(last.text))
            hits.append(_Hit(label, score, span, mood in ("plain", "disrupted", "background")))
        return hits

    # -- combining ---------------------------------------------------------------------

    def _combined(self, best: dict[str, _Hit]) -> dict[str, _Hit]:
        """Add the events that two cues make together ("protest" + "arrested" ...)."""
        for first, second, result in self.lexicon.combine:
            a, b = best.get(first), best.get(second)
            if a is None or b is None or not (a.plain and b.plain):
                continue
            score = max(a.score, b.score, _weight(self.lexicon, result)) + 0.05
            if result not in best or best[result].score < score:
                best[result] = _Hit(result, score, b.trigger, True)
        return best

    def sentence_cues(self, sent: Span) -> list[EventCue]:
        """Every event the sentence reports, best first; [] if none."""
        best = self._combined(_best_per_label(self._hits(sent)))
        return [_cue(hit) for hit in _ranked(best.values())]

    def classify(self, doc_or_span: Doc | Span) -> EventCue | None:
        """One label for a whole snippet: its strongest ACLED cue, else its best cue."""
        hits: list[_Hit] = []
        for sent in _sentences(doc_or_span):
            hits.extend(self._hits(sent))
        if not hits:
            return None
        counts: dict[str, int] = {}
        for hit in hits:
            counts[hit.label] = counts.get(hit.label, 0) + 1
        best = _best_per_label(hits)
        for label, hit in best.items():
            # A label several words point to is likelier than one a lone word suggests.
            hit.score += min(0.05 * (counts[label] - 1), 0.1)
        ranked = _ranked(self._combined(best).values())
        strong = self.lexicon.settings["strong"]
        for hit in ranked:
            if type_of(hit.label) and hit.score >= strong:
                return _cue(hit)
        return _cue(ranked[0])


def _sentences(doc_or_span: Doc | Span) -> list[Span]:
    """The sentences of a Doc, or the parts of a Span cut at sentence boundaries."""
    if isinstance(doc_or_span, Doc):
        return list(doc_or_span.sents)
    doc, first, last = doc_or_span.doc, doc_or_span.start, doc_or_span.end
    return [
        doc[max(s.start, first) : min(s.end, last)]
        for s in doc.sents
        if s.start < last and s.end > first
    ]


def _weight(lexicon: EventLexicon, label: str) -> float:
    entry = lexicon.entries.get(label)
    return entry.weight if entry is not None else 1.0
