"""Attributed claims in Russian text: who says what, through which channel and relay.

Frames are read from natasha's Universal Dependencies parse, sentence by sentence:

- a speech verb ("заявил", "сообщили", "уточнил") with its subject as the source and its
  "что"-clause (``ccomp``), its object ("опроверг информацию о захвате") or its
  "о"-phrase ("сообщил о захвате") as the content;
- a verb that tags the clause it stands in: "«...», — сказал он", "..., сообщает ТАСС",
  "Как сообщил губернатор, ...";
- "по словам X", "по данным X" (no X: an unnamed source, "по имеющимся данным");
- impersonal cues ("сообщается, что ...", "говорится в заявлении ведомства"): the source
  is the owner of the channel named, else unnamed; a body speaking from its seat ("в
  Кремле заявили");
- "X: «...»", a name and a colon before a quotation;
- "Об этом сообщает ТАСС": the outlet tells what the sentence before says.

"со ссылкой на X" makes X the source and the teller its relay; a frame inside another
speaker's content is relayed by that speaker ("Как сообщает ТАСС, Минобороны заявило,
что ..."). Questions claim nothing, and narration without a cue is the reporter's own.
"""

from __future__ import annotations

from corroborate.nlp.frames import ClaimFrame, SourceMention
from corroborate.resolve.names import same_name
from corroborate.ru.frames import (
    PRONOUN_THIS,
    Frame,
    about_this,
    colon_frame,
    is_word,
    negated,
    that_after,
    trim,
    unnest,
    whole_sentence,
    without_objections,
)
from corroborate.ru.hedges import assess
from corroborate.ru.lexicon import RuLexicon
from corroborate.ru.pipeline import RuDoc, RuSentence, RuToken
from corroborate.ru.sources import (
    ActorName,
    Seen,
    describe,
    quoted,
    resolve,
    seen_names,
    speaking_for,
    unnamed,
)

_PLACE_CASES = {"в", "во", "на", "у"}
_ABOUT = {"о", "об", "обо", "про"}
_CARRY = 3  # sentences over which a relay or a left-out subject carries to the next claim


class RuAttribution:
    """Claim frames of a parsed Russian text; one per analyser, shared by its articles."""

    def __init__(self, lexicon: RuLexicon) -> None:
        self.lex = lexicon
        self.cue_verbs = lexicon.speech_verbs | lexicon.impersonal | lexicon.stance_verbs

    def claims(
        self, doc: RuDoc, names: list[ActorName], excluded: list[tuple[int, int]]
    ) -> list[ClaimFrame]:
        seen = seen_names(doc, names)
        found: list[tuple[ClaimFrame, int]] = []  # (claim, sentence index)
        for sentence in doc.sentences:
            if any(s <= sentence.start and sentence.end <= e for s, e in excluded):
                continue
            text = doc.text[sentence.start : sentence.end].rstrip(' \n"»”')
            if text.endswith("?"):
                continue  # a question asks; it claims nothing
            frames = self._frames(doc, sentence, names)
            for frame, via in unnest(doc, frames):
                sources = self._sources(doc, frame.heads, names, seen)
                tellers = [s for f in via for s in self._sources(doc, f.heads, names, seen)]
                if frame.relays:
                    tellers = sources + tellers
                    sources = self._sources(doc, frame.relays, names, seen)
                tellers = [t for t in tellers if t.kind != "unnamed"]
                last = found[-1] if found else None
                recent = last is not None and sentence.index - last[1] <= _CARRY
                if frame.implicit and last is not None and sentence.index - last[1] <= 1:
                    # "В Минобороны опровергли ... Сообщения ... назвали фейком": the
                    # speakers of the claim just before, left out of this sentence.
                    sources = [_left_out(s) for s in last[0].sources]
                if frame.previous:
                    earlier = [c for c, n in found if n == sentence.index - 1]
                    if earlier:
                        for told in earlier:  # the outlet passed on what was just said
                            told.via.extend(s for s in sources + tellers if s.kind != "unnamed")
                        continue
                    frame.content = whole_sentence(doc, sentence.index - 1)
                before = last[0] if last is not None and recent else None
                if not tellers and before is not None and _same_sources(sources, before.sources):
                    tellers = list(before.via)  # the same source, still relayed
                claim = self._claim(doc, frame, sources, tellers)
                if claim is None:
                    continue
                found.append((claim, sentence.index))
                for source in claim.sources + claim.via:
                    if source.kind != "pronoun" and source.span:
                        words = frozenset(
                            t.lemma
                            for t in doc.tokens
                            if source.span[0] <= t.start < source.span[1]
                        )
                        seen.append(Seen(source.name, source.kind, words, source.span[0], True))
        return [claim for claim, _ in found]

    def _sources(
        self, doc: RuDoc, heads: list[int], names: list[ActorName], seen: list[Seen]
    ) -> list[SourceMention]:
        if not heads:
            return [unnamed()]
        found = []
        for i in heads:
            head = speaking_for(doc, doc.tokens[i], names, self.lex)
            mention = describe(doc, head, names, self.lex)
            found.append(resolve(mention, head, seen, self.lex))
        return found

    def _claim(
        self, doc: RuDoc, frame: Frame, sources: list[SourceMention], via: list[SourceMention]
    ) -> ClaimFrame | None:
        span = trim(doc, frame.content)
        if span is None:
            return None
        cue = [doc.tokens[i] for i in frame.cue]
        claim = ClaimFrame(
            sentence=(frame.sentence.start, frame.sentence.end),
            content=span,
            sources=sources,
            cue=(min(t.start for t in cue), max(t.end for t in cue)),
            cue_lemma=frame.cue_lemma,
            via=via,
            channel=frame.channel,
        )
        content = [t for t in doc.tokens if span[0] <= t.start < span[1]]
        assess(claim, doc, content, frame.hedges, self.lex)
        return claim

    # -- frames of one sentence ----------------------------------------------------------

    def _frames(self, doc: RuDoc, sentence: RuSentence, names: list[ActorName]) -> list[Frame]:
        frames: list[Frame] = []
        tokens = doc.sentence_tokens(sentence)
        colon = colon_frame(doc, sentence, names)
        if colon is not None:
            frames.append(colon)
        for token in tokens:
            frame: Frame | None = None
            if token.lemma in self.lex.according_nouns and doc.kids(token.i, "case"):
                frame = self._according_frame(doc, sentence, token)
            elif token.lemma in self.cue_verbs:
                frame = self._verb_frame(doc, sentence, token, names)
            if frame is not None and (frame.content or frame.previous):
                frame.content = without_objections(doc, frame.content, self.lex)
                frames.append(frame)
        return frames

    def _verb_frame(
        self, doc: RuDoc, sentence: RuSentence, cue: RuToken, names: list[ActorName]
    ) -> Frame | None:
        if cue.pos not in ("VERB", "AUX") or cue.rel in ("amod", "acl") or negated(doc, cue):
            return None
        form = cue.feats.get("VerbForm")
        if (form == "Part" and cue.feats.get("Voice") != "Pass") or form == "Inf":
            return None  # "заявивший", "подтвердить не удалось": no one reports here
        channel, owner = self._channel(doc, cue)
        heads = [t.i for t in doc.kids(cue.i, "nsubj") if t.rel != "nsubj:pass"]
        if not heads and cue.rel in ("conj", "advcl") and cue.head >= 0:
            heads = [t.i for t in doc.kids(cue.head, "nsubj") if t.rel != "nsubj:pass"]
        if not heads and cue.feats.get("Voice") == "Pass":
            heads = [t.i for t in doc.kids(cue.i, "obl") if t.feats.get("Case") == "Ins"][:1]
        if not heads:
            heads = [owner] if owner is not None else self._seat(doc, cue, names)
        heads += [c.i for h in list(heads) for c in doc.kids(h, "conj")]
        frame = Frame(sentence, [cue.i], cue.lemma, heads, set(), channel=channel)
        frame.implicit = (
            not heads
            and cue.feats.get("Number") == "Plur"
            and cue.feats.get("Voice") != "Pass"
            and cue.lemma not in self.lex.impersonal
        )
        frame.relays = self._relays(doc, cue)
        frame.content = self._verb_content(doc, sentence, cue)
        if not frame.content and about_this(doc, cue):
            frame.previous = sentence.index > 0
        return frame

    def _verb_content(self, doc: RuDoc, sentence: RuSentence, cue: RuToken) -> set[int]:
        own = doc.subtree(cue.i)
        clauses = set()
        for child in doc.kids(cue.i):
            marked = any(m.lemma == "что" for m in doc.kids(child.i, "mark"))
            clause = child.rel == "ccomp" or (child.pos in ("VERB", "ADJ", "NOUN") and marked)
            if clause and child.i > cue.i:
                clauses |= doc.subtree(child.i)  # "..., что атака сорвана, уничтожено ..."
        if clauses:
            return clauses
        that = that_after(doc, sentence, cue, own)
        if that is not None:
            # The parser left the "что"-clause as a root of its own.
            return set(range(that + 1, sentence.stop))
        head = doc.tokens[cue.head] if cue.head >= 0 else None
        marked_as = any(m.lemma == "как" for m in doc.kids(cue.i, "mark"))
        tagging = head is not None and (cue.rel == "parataxis" or (marked_as and cue.rel != "conj"))
        inverted = cue.rel == "root" and any(
            t.rel == "root" and t.i < cue.i for t in doc.sentence_tokens(sentence)
        )
        if tagging or inverted:
            # "«...», — сказал он", "Как сообщил губернатор, ...", "..., сообщает ТАСС": the
            # sentence the tag stands in, less the tag.
            return set(range(sentence.first, sentence.stop)) - own
        for child in doc.kids(cue.i, "parataxis"):
            between = doc.tokens[cue.i + 1 : child.i]
            if child.i > cue.i and any(t.text == ":" for t in between):
                return doc.subtree(child.i)  # "заявил: «...»"
        if cue.lemma in self.lex.stance_verbs:
            # "назвало эти сведения фейком": what is named and what it is called.
            named = doc.kids(cue.i, "obj")[:1] + doc.kids(cue.i, "xcomp")[:1]
            ids = {i for c in named for i in doc.subtree(c.i)}
            return ids | {cue.i} if len(named) == 2 else set()  # the word order is free
        if cue.lemma in self.lex.object_content:
            for obj in doc.kids(cue.i, "obj"):
                ids = doc.subtree(obj.i)
                if obj.lemma not in PRONOUN_THIS and sum(is_word(doc, i) for i in ids) >= 2:
                    return ids
        if cue.lemma in self.lex.about_content:
            for obl in doc.kids(cue.i, "obl"):
                about = any(c.lemma in _ABOUT for c in doc.kids(obl.i, "case"))
                ids = doc.subtree(obl.i)
                words = sum(is_word(doc, i) for i in ids)
                if about and obl.lemma not in PRONOUN_THIS and words >= 3:
                    return ids
        return set()

    def _according_frame(self, doc: RuDoc, sentence: RuSentence, noun: RuToken) -> Frame | None:
        if not any(c.lemma == "по" for c in doc.kids(noun.i, "case")):
            return None
        heads = [
            c.i
            for c in doc.kids(noun.i, "nmod", "det")
            if (c.rel.startswith("nmod") and (c.feats.get("Case") == "Gen" or c.pos == "PROPN"))
            or (c.pos in ("PRON", "DET") and c.lemma in self.lex.all_pronouns)  # "по его словам"
        ][:1]
        heads += [c.i for h in list(heads) for c in doc.kids(h, "conj")]
        hedges = [c.lemma for c in doc.kids(noun.i, "amod") if c.lemma not in ("имеющийся", "свой")]
        phrase = doc.subtree(noun.i)
        if noun.head >= 0:
            content = doc.subtree(noun.head, skip=[noun.i])
        else:
            content = {t.i for t in doc.sentence_tokens(sentence)} - phrase
        cue = [noun.i] + [c.i for c in doc.kids(noun.i, "case")]
        lemma = "по " + noun.lemma
        return Frame(sentence, cue, lemma, heads, content, hedges=hedges)

    def _channel(self, doc: RuDoc, cue: RuToken) -> tuple[str | None, int | None]:
        """The channel a cue's modifiers name, and the owner of it when named
        ("в Telegram-канале «База»", "в заявлении ведомства")."""
        for child in doc.kids(cue.i, "obl"):
            label = self._channel_label(child.lemma)
            if label is None:
                continue
            owners = [c for c in doc.kids(child.i, "nmod", "appos") if c.pos in ("NOUN", "PROPN")]
            if label == "tv":
                station = sorted(doc.subtree(owners[0].i)) if owners else []
                name = quoted(doc, station) or (doc.nominative(station) if station else "")
                return ("tv: " + name.strip('«»" ') if name else "tv"), None
            return label.replace("_", " "), owners[0].i if owners else None
        return None, None

    def _channel_label(self, lemma: str) -> str | None:
        parts = {lemma, *lemma.split("-")}
        for label in ("telegram", "facebook", "x", "social_media", "press_conference"):
            if parts & self.lex.channels.get(label, frozenset()):
                return label
        for label, words in self.lex.channels.items():
            if lemma in words:
                return label
        return None

    def _seat(self, doc: RuDoc, cue: RuToken, names: list[ActorName]) -> list[int]:
        """ "В Кремле заявили", "сообщили в Минобороны": the body speaks from its seat."""
        if cue.feats.get("Number") != "Plur":
            return []
        for obl in doc.kids(cue.i, "obl"):
            place_case = any(c.lemma in _PLACE_CASES for c in doc.kids(obl.i, "case"))
            named = any(n.first <= obl.i <= n.last and n.label == "ORG" for n in names)
            if place_case and (named or obl.lemma in self.lex.seats):
                return [obl.i]
        return []

    def _relays(self, doc: RuDoc, cue: RuToken) -> list[int]:
        """ "со ссылкой на X", "сославшись на X": X told the teller."""
        found = []
        for child in doc.kids(cue.i):
            if child.lemma in self.lex.relay_nouns or child.lemma == "сослаться":
                found += [
                    c.i
                    for c in doc.kids(child.i, "nmod", "obl")
                    if any(k.lemma == "на" for k in doc.kids(c.i, "case"))
                ]
        return found


def _left_out(source: SourceMention) -> SourceMention:
    return SourceMention(text="", span=None, name=source.name, kind=source.kind, resolved_from="")


def _same_sources(a: list[SourceMention], b: list[SourceMention]) -> bool:
    return len(a) == len(b) and all(same_name(x.name, y.name) for x, y in zip(a, b, strict=True))
