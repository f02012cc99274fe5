"""Attributed claims: who says what, through which channel and relay.

The component reads the dependency parse sentence by sentence and finds attribution
*frames*: a cue ("said", "claimed", "according to"), its source, and its content. When a
frame sits inside the content of another ("According to Yusov, X, Reuters reports"),
the inner frame is the claim and the outer source becomes its relay. Pronouns and
descriptors are resolved, and relays carried over, by :mod:`corroborate.nlp.sources`.
"""

from dataclasses import replace
from itertools import compress

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from corroborate.nlp.channels import is_broadcaster
from corroborate.nlp.cue_frames import (
    Frame,
    colon_frame,
    cue_phrase,
    encloses,
    heads_content,
    is_question,
    same_speaker,
    trim,
)
from corroborate.nlp.dependency import (
    antecedent,
    child_with,
    of_object,
    subtree_ids,
    verb_like,
)
from corroborate.nlp.frames import (
    ClaimFrame,
    SourceMention,
    doc_sents,
    doc_text,
    in_excluded,
    register_extensions,
    token_children,
    token_words,
)
from corroborate.nlp.lexicon import Lexicon, load_lexicon
from corroborate.nlp.predicate_frames import (
    in_frame,
    light_verb_frame,
    nominal_frame,
    predicate_frame,
)
from corroborate.nlp.quote_frames import DASHES, dash_frame, line_speaker_frame, quote_frame
from corroborate.nlp.quotes import (
    extend_over_open_paragraphs,
    extend_over_quotes,
    extend_over_turns,
    in_quotation,
)
from corroborate.nlp.sources import describe_source, noun_phrase, resolve_sources
from corroborate.nlp.verb_frames import NAMED_TARGETS, VerbFrames

_GENERIC_ACCORDING = {"information", "data", "report", "reports", "statement", "estimate"}
_RELATIVE = {"whom", "which", "who", "whose"}
_FIRST_SECOND_PERSON = {"i", "we", "you"}
_QUOTE_CHARS = ('"', "“", "”", "''", "«", "»", "‘", "’")
# Words that may start a frame whatever their part of speech.
_FRAME_WORDS = {"according", ":", "in", *DASHES}
_GENERIC_PEOPLE = {"people", "those", "anyone", "anybody", "everyone", "everybody", "someone"}
_STARTS_KEY = "corroborate.frame_starts"


@Language.factory(
    "corroborate_attribution_v1",
    assigns=["doc._.claims"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents"],
)
def make_attribution(nlp: Language, name: str) -> "Attribution":
    register_extensions()
    return Attribution(load_lexicon())


class Attribution:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.verbs = VerbFrames(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        claims: list[ClaimFrame] = []
        asked: list[ClaimFrame] = []
        text = doc_text(doc)
        for sent in doc_sents(doc):
            sentence = text[sent.start_char : sent.end_char]
            if not sentence.strip() or in_excluded(doc, sent.start_char, sent.end_char):
                continue
            found = self._claims(sent, self._frames(sent, sentence))
            # A question asks; it claims nothing, though its tag attributes the quotation.
            (asked if is_question(sentence) else claims).extend(found)
        claims.sort(key=lambda c: c.content[0])
        claims = extend_over_quotes(doc, claims, self._aside_in_quote, asked)
        claims = extend_over_turns(doc, claims)
        claims = extend_over_open_paragraphs(doc, claims)
        resolve_sources(doc, claims)
        doc._.claims = claims
        return doc

    # -- finding frames -------------------------------------------------------------

    def _frame_starts(self, doc: Doc) -> tuple[list[bool], list[bool]]:
        """Per token of the Doc, whether it may start a frame: in a sentence without
        quotation marks, and in one with them (where any verb may tag the quotation).
        Worked out once per Doc, in one pass over its words."""
        kept: tuple[Lexicon, list[bool], list[bool]] | None = doc.user_data.get(_STARTS_KEY)
        if kept is not None and kept[0] is self.lex:
            return kept[1], kept[2]
        words, lex = token_words(doc), self.lex
        plain = [
            lemma in lex.cue_verbs
            or lower in _FRAME_WORDS
            or (pos == "VERB" and (lemma in lex.light_verbs or lemma == "have"))
            or (pos == "ADJ" and lemma in lex.stance_adjectives)
            or (pos == "NOUN" and (lemma in lex.stance_nouns or lemma in lex.nominal_cues))
            for lower, lemma, pos in zip(words.lowers, words.lemmas, words.poses, strict=True)
        ]
        quoted = [start or pos == "VERB" for start, pos in zip(plain, words.poses, strict=True)]
        doc.user_data[_STARTS_KEY] = (lex, plain, quoted)
        return plain, quoted

    def _frames(self, sent: Span, sentence: str) -> list[Frame]:
        frames: list[Frame] = []
        # Tags known by their quotation marks need one in the sentence.
        quoted = any(mark in sentence for mark in _QUOTE_CHARS)
        words, doc = token_words(sent.doc), sent.doc
        plain, any_verb = self._frame_starts(doc)
        starts = (any_verb if quoted else plain)[sent.start : sent.end]
        # Most words can start no frame; they are passed over without a Token made.
        for i in compress(range(sent.start, sent.end), starts):
            lower, lemma, pos = words.lowers[i], words.lemmas[i], words.poses[i]
            token = doc[i]
            if lower == "according" and i + 1 < sent.end:
                frame = self._according_frame(sent, token)
            elif lemma in self.lex.cue_verbs and verb_like(token):
                frame = self.verbs.read(sent, token)
            elif lower in DASHES and not frames:
                frame = dash_frame(sent, token)
            elif lower == ":" and not frames:
                frame = colon_frame(sent, token) or line_speaker_frame(
                    sent, token, self.lex.speaker_nouns, self.lex.line_headings
                )
            elif pos == "VERB":
                frame = (quote_frame(sent, token) if quoted else None) or light_verb_frame(
                    sent, token, self.lex
                )
            elif lower == "in":
                frame = in_frame(sent, token, self.lex)
            elif pos in ("ADJ", "NOUN"):
                frame = predicate_frame(sent, token, self.lex, self._holder) or nominal_frame(
                    sent, token, self.lex
                )
            else:
                frame = None
            if frame is not None and frame.content:
                frames.append(frame)
        return frames

    def _according_frame(self, sent: Span, according: Token) -> Frame | None:
        doc = sent.doc
        to = doc[according.i + 1]
        if to.lower_ != "to":
            return None
        obj = child_with(to, ("pobj",)) or (doc[to.i + 1] if to.i + 1 < sent.end else None)
        if obj is None:
            return None
        if obj.tag_ == "NN" and not token_children(obj) and obj.ent_type_ == "":
            return None  # "going according to plan": a bare singular noun is no teller
        source_head: Token | None = obj
        if obj.lower_ in _RELATIVE:
            source_head = antecedent(sent, according)
        elif obj.lemma_.lower() in _GENERIC_ACCORDING:
            # "X's information" / "the information of X" / MT "Bazan according to the information"
            owner = child_with(obj, ("poss",)) or of_object(obj)
            if owner is None and according.i > sent.start and doc[according.i - 1].pos_ == "PROPN":
                owner = doc[according.i - 1]
            source_head = owner
        phrase = {according.i, to.i} | {t.i for t in noun_phrase(obj)}
        if source_head is not None and source_head.i < according.i:
            phrase |= {source_head.i}
        # The clause the phrase qualifies: "to"'s head when the parser attached it there.
        clause = to.head if to.head is not according else according.head
        if clause is according or clause.i == according.i:
            clause = sent.root
        if clause.lemma_.lower() in self.lex.cue_verbs:
            # "According to X, <content>, Reuters reports": the phrase belongs to the content.
            tagged = [c for c in token_children(clause) if c.dep_ == "ccomp" and c.i < clause.i]
            if tagged:
                clause = tagged[0]
        source_np = set(t.i for t in noun_phrase(obj)) if source_head is obj else set()
        # "According to the BBC, which cited two officials, ...": the source's relative
        # clause is no part of what it says.
        relative: set[int] = set()
        for below in token_children(obj):
            if below.dep_ in ("relcl", "acl") and below.i > obj.i:
                relative |= subtree_ids(below)
        content = subtree_ids(clause) - phrase - source_np - relative - {according.i, to.i}
        content = {i for i in content if sent.start <= i < sent.end}
        phrase_end = max(phrase) + 1
        set_off = (
            doc[according.i - 1].text == ","
            and phrase_end < len(doc)
            and doc[phrase_end].text == ","
            and obj.lower_ not in _RELATIVE
        )
        if content and set_off and clause.i < according.i < max(content):
            # "The strike killed five, according to local officials, although ...": the
            # phrase closes what it attributes; what follows it is the reporter's.
            content = {i for i in content if i < according.i - 1}
        frame = Frame(
            cue=[according, to],
            source_head=source_head,
            content=content,
            cue_lemma="according to",
        )
        if source_head is obj:
            # "According to the BBC, which cited two officials": the officials told the BBC.
            frame.relay_heads = [
                cited
                for clause_below in token_children(obj)
                if clause_below.dep_ in ("relcl", "acl")
                and clause_below.lemma_.lower() in self.lex.relay_verbs
                and (cited := child_with(clause_below, ("dobj",))) is not None
            ]
        return frame

    # -- from frames to claims --------------------------------------------------------

    def _claims(self, sent: Span, frames: list[Frame]) -> list[ClaimFrame]:
        doc = sent.doc
        claims = []
        nested = [
            (o, i)
            for o in frames
            for i in frames
            if o is not i and encloses(o, i) and not same_speaker(o, i)
        ]
        absorbed = {id(i) for o, i in nested if self._absorbs(o, i)}
        relaying = {id(o) for o, i in nested if id(i) not in absorbed and heads_content(o, i)}
        for frame in frames:
            if id(frame) in absorbed or id(frame) in relaying:
                continue  # part of another speaker's words, or the teller of another claim
            if self._speaker_aside(frame):
                continue
            outer = [f for f in frames if id(f) in relaying and encloses(f, frame)]
            outer.sort(key=lambda f: len(f.content), reverse=True)
            content = set(frame.content)
            for other in frames:
                if other is frame or other.content >= frame.anchor:
                    continue
                if id(other) in absorbed and encloses(frame, other):
                    continue  # "he said he expects X": the whole clause is what he said
                content -= other.anchor | cue_phrase(other)
                if encloses(frame, other) and (
                    same_speaker(frame, other) or id(other) not in absorbed
                ):
                    # "X said A, adding that B" and "X said A, which Y said was B": two claims.
                    content -= other.content
            span = trim(doc, content, frame)
            if span is None:
                continue
            sources = self._sources(sent, frame)
            # An unnamed outer teller ("it was reported that ...") adds nothing to a chain.
            via = [m for f in outer for m in self._sources(sent, f) if m.kind != "unnamed"]
            relays = [describe_source(sent, t) for t in frame.relay_heads]
            if relays:
                # "X reports, citing Y": Y is the source and X the relay.
                via = sources + via
                sources = relays
            channel = frame.channel
            if channel is None and any(s.kind == "footage" for s in sources):
                channel = "video"
            if frame.addressee is not None:
                addressee = describe_source(sent, frame.addressee)
                if is_broadcaster(frame.addressee, self.lex):
                    channel = channel or f"tv: {addressee.text}"
                elif frame.addressee.pos_ == "PROPN" or frame.addressee.ent_type_ == "ORG":
                    via = [replace(addressee, addressed=True), *via]
            claims.append(
                ClaimFrame(
                    sentence=(sent.start_char, sent.end_char),
                    content=span,
                    sources=sources,
                    cue=(
                        min(t.idx for t in frame.cue),
                        max(t.idx + len(t) for t in frame.cue),
                    ),
                    cue_lemma=frame.cue_lemma,
                    via=via,
                    channel=channel,
                )
            )
        return claims

    def _holder(self, head: Token) -> bool:
        """Can this subject hold a view: a name, a pronoun for people, or people?"""
        return self.verbs.animate(head, strict=True)

    def _speaker_aside(self, frame: Frame) -> bool:
        """ "I think", "you want", "people who believe": a speaker's aside, not a report.

        Inside a quotation the quote's own attribution carries the whole sentence.
        """
        head = frame.source_head
        lemma = frame.cue_lemma
        if head is None:
            return False
        mind = lemma in self.lex.private_states or lemma in self.lex.intention_verbs
        felt = lemma in self.lex.stance_adjectives or lemma in self.lex.stance_nouns
        if head.tag_ in ("WP", "WDT"):
            if felt:
                # "bloggers, who are often critical of the leadership": the reporter's
                # description of the speakers, not a claim of theirs.
                return True
            # "people who believe ..." is generic; "the novice who wants to unseat X" is his.
            antecedent = frame.cue[0].head if frame.cue[0].dep_ == "relcl" else None
            generic = antecedent is None or antecedent.lower_ in _GENERIC_PEOPLE
            return mind and generic
        return head.lower_ in _FIRST_SECOND_PERSON and (mind or felt)

    def _aside_in_quote(self, claim: ClaimFrame) -> bool:
        """Inside someone's quotation, is this frame part of what they say?

        As in :meth:`_absorbs`: a private state, an intention or a stance, or a speaker
        named by a pronoun ("they told us"), belongs to the quoted speaker's words.
        """
        if (claim.cue_lemma or "") in self.lex.held_views or claim.cue_lemma == "in":
            return True
        # Unnamed tellers ("this museum tells the truth that ...", "they told us") speak in
        # the quoted speaker's words; a named one ("Putin told me ...") is reported.
        return any(s.kind not in ("person", "organisation") for s in claim.sources)

    def _absorbs(self, outer: Frame, inner: Frame) -> bool:
        """Is ``inner`` part of what ``outer``'s source says rather than a claim it relays?

        A private state ("he said he expects", "'I think ...', she said") or a speaker
        named by a pronoun ("Kasich says he told him ...") belongs to the outer claim; a
        third party's report ("Baza says X was reported by correspondents") is relayed.
        """
        lemma = inner.cue_lemma
        head = inner.source_head
        if outer.cue_lemma == "in" and head is not None:
            return False  # "In a CNN poll, most voters see X as Y": the poll relays their view
        if (
            inner.cue[0].dep_ == "conj"
            and head is not None
            and (head.pos_ == "PROPN" or head.ent_type_ in NAMED_TARGETS)
        ):
            return False  # "X said A and Democrats accused B": a second speaker, misattached
        if (lemma in self.lex.held_views and not self._reported_by_verb(inner)) or lemma == "in":
            return True  # "in the polls", "in my view" inside a speaker's words are theirs
        if head is None:
            return outer.source_head is not None  # "it's fine to say ...", he said
        # Pronouns and relatives ("people who say ...") stand inside the outer speaker's words,
        # and so does any unnamed teller inside a quotation ('“This museum tells ...,” he said').
        if head.tag_ in ("PRP", "WDT", "WP", "DT"):
            return True
        named = head.pos_ == "PROPN" or head.ent_type_ in NAMED_TARGETS
        return not named and in_quotation(head.doc, inner.cue[0].idx)

    def _reported_by_verb(self, frame: Frame) -> bool:
        """A report verb whose noun is a held view: "claimed" reports, "the claim" is held."""
        lemma = frame.cue_lemma or ""
        lex = self.lex
        return (
            frame.cue[0].pos_ == "VERB"
            and lemma in lex.nominal_cues
            and not any(
                lemma in words
                for words in (
                    lex.private_states,
                    lex.intention_verbs,
                    lex.stance_verbs,
                    lex.judgement_verbs,
                )
            )
        )

    def _sources(self, sent: Span, frame: Frame) -> list[SourceMention]:
        head = frame.source_head
        if head is None:
            return [SourceMention(text="", span=None, name="unnamed source", kind="unnamed")]
        if head.tag_ in ("WDT", "WP") and frame.cue[0].dep_ == "relcl":
            # "volunteer units, which said they had entered ...": the units said it; the
            # source as written stays the relative pronoun.
            named = describe_source(sent, frame.cue[0].head, cue=frame.cue[0])
            return [
                SourceMention(
                    text=head.text,
                    span=(head.idx, head.idx + len(head)),
                    name=named.name,
                    kind=named.kind,
                    resolved_from=head.text,
                )
            ]
        coordinated = _coordinated(head)
        if len(coordinated) > 1:
            # "The Corps and the Legion said ...": each of them said it.
            return [describe_source(sent, h, cue=frame.cue[0], alone=True) for h in coordinated]
        return [describe_source(sent, head, cue=frame.cue[0])]


def _coordinated(head: Token) -> list[Token]:
    """``head`` and the names coordinated with it ("the Corps and the Legion")."""
    if head.pos_ != "PROPN":
        return [head]
    found = [head]
    for conj in head.conjuncts:
        if conj.i > head.i and conj.pos_ == "PROPN" and conj.ent_type_ in ("ORG", "PERSON", "GPE"):
            found.append(conj)
    return found
