"""Attributed claims: who says what, through which channel and relay.

The component reads the dependency parse sentence by sentence and finds attribution
*frames*: a cue ("said", "claimed", "according to"), its source, and its content. When a
frame sits inside the content of another ("According to Yusov, X, Reuters reports"),
the inner frame is the claim and the outer source becomes its relay. Pronouns and
descriptors are resolved, and relays carried over, by :mod:`corroborate.nlp.sources`.
"""

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from corroborate.nlp.channels import find_channel, is_broadcaster
from corroborate.nlp.frames import (
    ClaimFrame,
    SourceMention,
    doc_sents,
    in_excluded,
    register_extensions,
)
from corroborate.nlp.lexicon import Lexicon, load_lexicon
from corroborate.nlp.quotes import extend_over_quotes
from corroborate.nlp.sources import describe_source, noun_phrase, resolve_sources

_EDGE_PUNCT = {",", ";", ":", ".", "—", "–", "-", "(", ")", "!", "?"}
_GENERIC_ACCORDING = {"information", "data", "report", "reports", "statement", "estimate"}
_RELATIVE = {"whom", "which", "who", "whose"}


@dataclass
class _Frame:
    """A frame while a sentence is being read: token indices, not characters yet."""

    cue: list[Token]
    source_head: Token | None
    content: set[int]
    cue_lemma: str
    addressee: Token | None = None
    relay_heads: list[Token] = field(default_factory=list)
    channel: str | None = None

    @property
    def anchor(self) -> set[int]:
        """Tokens that name the source and cue: where a frame sits in a sentence."""
        tokens = {t.i for t in self.cue}
        if self.source_head is not None:
            tokens.add(self.source_head.i)
        return tokens


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

    def __call__(self, doc: Doc) -> Doc:
        claims: list[ClaimFrame] = []
        for sent in doc_sents(doc):
            if not sent.text.strip() or in_excluded(doc, sent.start_char, sent.end_char):
                continue
            if sent.text.rstrip(' \n"”’»').endswith("?"):
                continue  # a question asks; it claims nothing
            frames = self._frames(sent)
            claims.extend(self._claims(sent, frames))
        claims.sort(key=lambda c: c.content[0])
        claims = extend_over_quotes(doc, claims)
        resolve_sources(doc, claims)
        doc._.claims = claims
        return doc

    # -- finding frames -------------------------------------------------------------

    def _frames(self, sent: Span) -> list[_Frame]:
        frames: list[_Frame] = []
        for token in sent:
            if token.lower_ == "according" and token.i + 1 < sent.end:
                frame = self._according_frame(sent, token)
            elif token.lemma_.lower() in self.lex.cue_verbs and _verb_like(token):
                frame = self._verb_frame(sent, token)
            else:
                frame = None
            if frame is not None and frame.content:
                frames.append(frame)
        return frames

    def _verb_frame(self, sent: Span, cue: Token) -> _Frame | None:
        if cue.dep_ in ("amod", "compound") or (cue.tag_ == "VBG" and cue.dep_ == "acl"):
            return None
        lemma = cue.lemma_.lower()
        if any(c.dep_ == "neg" for c in cue.children):
            return None  # "cannot confirm", "did not say": nothing is claimed
        if cue.dep_ == "xcomp" and cue.head.lemma_.lower() not in self.lex.cue_verbs:
            return None  # "were invited to report ...": a request, not a report
        if lemma in self.lex.relay_verbs and cue.dep_ in ("advcl", "xcomp", "conj"):
            return None  # "citing X" is read as a relay of its head frame
        subject = _child(cue, ("nsubj",))
        passive_subject = _child(cue, ("nsubjpass",))
        agent = _agent(cue)
        if subject is None and cue.dep_ == "conj":
            subject = _child(cue.head, ("nsubj",))
        if subject is None and cue.pos_ == "NOUN":
            subject = _child(cue, ("compound",))  # "..., AFP reports." tagged as a noun
        if subject is None and cue.tag_ == "VBG" and cue.dep_ in ("advcl", "xcomp"):
            # "X said ..., adding that ...": the speaker of the nearest cue above.
            speaker = next(
                (a for a in cue.ancestors if a.lemma_.lower() in self.lex.cue_verbs),
                cue.head,
            )
            subject = _child(speaker, ("nsubj",))
        source_head = subject if subject is not None else agent
        if (
            passive_subject is not None
            and agent is None
            and not any(c.dep_ == "ccomp" for c in cue.children)
        ):
            return None  # "is widely expected to be ...": a hedge on narration, not a claim
        content = self._verb_content(cue, lemma)
        if content is None and passive_subject is None and lemma not in self.lex.stance_verbs:
            tagged = _quote_tag(sent, cue)
            if tagged is not None:
                content, source_head = tagged
        if content is None:
            return None
        addressee = _child(cue, ("dobj", "dative")) if lemma == "tell" else None
        particle = self._phrasal_particle(cue)
        frame = _Frame(
            cue=[cue]
            + [c for c in cue.children if c.dep_ in ("aux", "auxpass", "neg")]
            + ([particle] if particle is not None else []),
            source_head=source_head,
            content=content,
            cue_lemma=lemma,
            addressee=addressee,
        )
        frame.relay_heads = self._citing(cue)
        frame.channel = find_channel(cue, self.lex)
        return frame

    def _verb_content(self, cue: Token, lemma: str) -> set[int] | None:
        for child in cue.children:
            if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and _is_infinitive(child)):
                return _subtree_ids(child)
        head = cue.head
        if (
            cue.dep_ in ("parataxis", "ccomp", "advcl", "conj")
            and head.i < cue.i
            and lemma not in self.lex.stance_verbs
            and lemma not in self.lex.intention_verbs
            and head.pos_
            in (
                "VERB",
                "AUX",
            )
        ):
            # "..., Reuters reports." parsed with the report as a dependent of the content.
            return _subtree_ids(head) - _subtree_ids(cue)
        as_clause = cue.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in cue.children
        )
        if (
            (cue.dep_ == "parataxis" or as_clause)
            and head.i > cue.i
            and head.pos_ in ("VERB", "AUX")
        ):
            # "As the ministry noted, ...": the main clause is what was noted.
            # "The village, the ministry said, was retaken": the tag sits inside the content.
            return _subtree_ids(head) - _subtree_ids(cue)
        particle = self._phrasal_particle(cue)
        if particle is not None:
            if particle.dep_ == "prep":
                obj = _child(particle, ("pobj", "pcomp"))
                return _subtree_ids(obj) if obj is not None else None
            clause = _child(cue, ("dobj",))
            return _subtree_ids(clause) if clause is not None else None
        if lemma in self.lex.stance_verbs and _child(cue, ("nsubj",)) is not None:
            # Active voice only: "were supported by mortars" is narration, not stance.
            stance = self._stance_content(cue)
            if stance is not None:
                return stance
        that_clause = _that_clause_below(cue)
        if that_clause is not None:
            return _subtree_ids(that_clause)  # "says in a statement that ..."
        if lemma in self.lex.clausal_only and lemma not in self.lex.object_content:
            return self._prep_content(cue, lemma)
        obj = _child(cue, ("dobj",))
        if lemma in self.lex.object_content and obj is not None and self._is_content_np(obj):
            return _subtree_ids(obj)
        return self._prep_content(cue, lemma)

    def _phrasal_particle(self, cue: Token) -> Token | None:
        """The "for" of "called for", the "out" of "pointed out", when the pair is a cue."""
        for child in cue.children:
            pair = f"{cue.lemma_.lower()} {child.lower_}"
            if child.dep_ in ("prep", "prt") and child.i > cue.i and pair in self.lex.phrasal_cues:
                return child
        return None

    def _stance_content(self, cue: Token) -> set[int] | None:
        """ "called the raid a provocation": the object and what is said of it."""
        obj = _child(cue, ("dobj",))
        if obj is None:
            return None
        content = _subtree_ids(obj)
        for child in cue.children:
            complement = child.dep_ in ("oprd", "xcomp", "ccomp", "acomp")
            qualifier = child.dep_ == "prep" and child.lower_ in ("as", "for", "of")
            if (complement or qualifier) and child.i > obj.i:
                content |= _subtree_ids(child)
        words = [i for i in content if not cue.doc[i].is_punct]
        if len(words) < 2 or (len(words) == 1 and obj.pos_ == "PRON"):
            return None
        return content

    def _prep_content(self, cue: Token, lemma: str) -> set[int] | None:
        if lemma not in self.lex.content_prep_verbs:
            return None
        # "announced ... of the alert": the "of" may hang off a time phrase in between.
        for prep in cue.subtree:
            if prep.i > cue.i and prep.dep_ == "prep" and prep.lower_ in self.lex.content_preps:
                obj = _child(prep, ("pobj",))
                if obj is not None and self._is_content_np(obj):
                    return _subtree_ids(obj)
        return None

    def _is_content_np(self, head: Token) -> bool:
        if head.pos_ == "PRON" or head.lemma_.lower() in self.lex.non_content_objects:
            return False
        return sum(1 for t in head.subtree if not t.is_punct) >= 3

    def _citing(self, cue: Token) -> list[Token]:
        """Sources named by "citing X" / "quoting X" next to a cue: X told the teller."""
        found = []
        for child in cue.children:
            if child.lemma_.lower() in self.lex.relay_verbs and child.dep_ in (
                "advcl",
                "xcomp",
                "conj",
                "prep",
            ):
                obj = _child(child, ("dobj", "pobj"))
                if obj is not None:
                    found.append(obj)
        return found

    def _according_frame(self, sent: Span, according: Token) -> _Frame | None:
        doc = sent.doc
        to = doc[according.i + 1]
        if to.lower_ != "to":
            return None
        obj = _child(to, ("pobj",)) or (doc[to.i + 1] if to.i + 1 < sent.end else None)
        if obj is None:
            return None
        source_head: Token | None = obj
        if obj.lower_ in _RELATIVE:
            source_head = _antecedent(sent, according)
        elif obj.lemma_.lower() in _GENERIC_ACCORDING:
            # "X's information" / "the information of X" / MT "Bazan according to the information"
            owner = _child(obj, ("poss",)) or _of_object(obj)
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
            tagged = [c for c in clause.children if c.dep_ == "ccomp" and c.i < clause.i]
            if tagged:
                clause = tagged[0]
        source_np = set(t.i for t in noun_phrase(obj)) if source_head is obj else set()
        content = _subtree_ids(clause) - phrase - source_np - {according.i, to.i}
        content = {i for i in content if sent.start <= i < sent.end}
        return _Frame(
            cue=[according, to],
            source_head=source_head,
            content=content,
            cue_lemma="according to",
        )

    # -- from frames to claims --------------------------------------------------------

    def _claims(self, sent: Span, frames: list[_Frame]) -> list[ClaimFrame]:
        doc = sent.doc
        claims = []
        nested = [
            (o, i)
            for o in frames
            for i in frames
            if o is not i and _encloses(o, i) and not _same_speaker(o, i)
        ]
        absorbed = {id(i) for o, i in nested if self._absorbs(o, i)}
        relaying = {id(o) for o, i in nested if id(i) not in absorbed}
        for frame in frames:
            if id(frame) in absorbed or id(frame) in relaying:
                continue  # part of another speaker's words, or the teller of another claim
            outer = [f for f in frames if id(f) in relaying and _encloses(f, frame)]
            outer.sort(key=lambda f: len(f.content), reverse=True)
            content = set(frame.content)
            for other in frames:
                if other is frame or other.content >= frame.anchor:
                    continue
                if id(other) in absorbed and _encloses(frame, other):
                    continue  # "he said he expects X": the whole clause is what he said
                content -= other.anchor | _cue_phrase(other)
                if _same_speaker(frame, other) and _encloses(frame, other):
                    content -= other.content  # "X said A, adding that B": two claims
            span = _trim(doc, content, frame)
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
            if frame.addressee is not None:
                addressee = describe_source(sent, frame.addressee)
                if is_broadcaster(frame.addressee, self.lex):
                    channel = channel or f"tv: {addressee.text}"
                elif frame.addressee.pos_ == "PROPN" or frame.addressee.ent_type_ == "ORG":
                    via = [addressee, *via]
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

    def _absorbs(self, outer: _Frame, inner: _Frame) -> bool:
        """Is ``inner`` part of what ``outer``'s source says rather than a claim it relays?

        A private state ("he said he expects", "'I think ...', she said") or a speaker
        named by a pronoun ("Kasich says he told him ...") belongs to the outer claim; a
        third party's report ("Baza says X was reported by correspondents") is relayed.
        """
        lemma = inner.cue_lemma
        if lemma in self.lex.private_states or lemma in self.lex.stance_verbs:
            return True
        if lemma in self.lex.intention_verbs:
            return True
        head = inner.source_head
        if head is None:
            return outer.source_head is not None  # "it's fine to say ...", he said
        # Pronouns and relatives ("people who say ...") stand inside the outer speaker's words.
        return head.tag_ in ("PRP", "WDT", "WP", "DT")

    def _sources(self, sent: Span, frame: _Frame) -> list[SourceMention]:
        if frame.source_head is None:
            return [SourceMention(text="", span=None, name="unnamed source", kind="unnamed")]
        return [describe_source(sent, frame.source_head, cue=frame.cue[0])]


def _same_speaker(outer: _Frame, inner: _Frame) -> bool:
    return (
        outer.source_head is not None
        and inner.source_head is not None
        and outer.source_head.i == inner.source_head.i
    )


def _encloses(outer: _Frame, inner: _Frame) -> bool:
    """Does ``inner`` sit in ``outer``'s content, so that ``outer`` only relays it?"""
    if not inner.anchor & outer.content:
        return False
    if not outer.anchor & inner.content:
        return True
    # Each sits in the other's content (a parse ambiguity): a reporting verb relays an
    # "according to" phrase, and of two verbs the later one is the tag ("..., says Baza").
    outer_according = outer.cue_lemma == "according to"
    if outer_according != (inner.cue_lemma == "according to"):
        return not outer_according
    return min(outer.anchor) > min(inner.anchor)


def _verb_like(token: Token) -> bool:
    """A verb, or a cue the tagger took for a noun ("..., AFP reports.")."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    deps = {c.dep_ for c in token.children}
    return token.dep_ == "ROOT" and ("nsubj" in deps or ("compound" in deps and "ccomp" in deps))


def _child(token: Token, deps: tuple[str, ...]) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _agent(cue: Token) -> Token | None:
    by = _child(cue, ("agent",))
    return _child(by, ("pobj",)) if by is not None else None


def _of_object(head: Token) -> Token | None:
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return _child(prep, ("pobj",))
    return None


def _antecedent(sent: Span, relative: Token) -> Token | None:
    """The noun a relative pronoun ("according to whom") points back to."""
    for token in reversed(sent.doc[sent.start : relative.i]):
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound", "amod"):
            return token
    return None


def _that_clause_below(cue: Token) -> Token | None:
    """A "that"-clause hanging off a phrase of the cue ("says in a statement that ...")."""
    for token in cue.subtree:
        if token.i <= cue.i or token.dep_ not in ("acl", "ccomp", "advcl"):
            continue
        if token.head.i != cue.i and token.head.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
            path = token.head
            while path.i != cue.i and path.lemma_.lower() not in ("say", "tell"):
                if path.pos_ == "VERB":
                    break
                path = path.head
            if path.i == cue.i:
                return token
    return None


_CLOSING_QUOTES = {"”", '"', "’", "''", "»"}


def _quote_tag(sent: Span, cue: Token) -> tuple[set[int], Token] | None:
    """'..., ” Viguerie adds.' when the parser did not hang the quote on the cue.

    The cue must close the sentence, with only the source between it and the closing
    quotation mark (or after it: '..., ” said Pavone.'); the quote is the content.
    """
    doc = sent.doc
    words_after = [t for t in doc[cue.i + 1 : sent.end] if not t.is_punct and not t.is_space]
    before = list(doc[max(sent.start, cue.i - 6) : cue.i])
    quote_at = next((t.i for t in reversed(before) if t.text in _CLOSING_QUOTES), None)
    if quote_at is None:
        return None
    between = [t for t in doc[quote_at + 1 : cue.i] if not t.is_space]
    if between and words_after:
        return None
    names = between or words_after
    if not names or len(names) > 6 or any(t.pos_ in ("VERB", "AUX") for t in names):
        return None
    nominal = [t for t in names if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not nominal:
        return None
    head = next((t for t in nominal if t.head.i not in {n.i for n in names}), nominal[-1])
    content = {i for i in range(sent.start, quote_at) if not doc[i].is_space}
    if sum(1 for i in content if not doc[i].is_punct) < 2:
        return None
    return content, head


def _is_infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _cue_phrase(frame: _Frame) -> set[int]:
    ids = {t.i for t in frame.cue}
    if frame.cue_lemma == "according to" and frame.source_head is not None:
        ids |= _subtree_ids(frame.source_head)
    elif frame.source_head is not None and frame.source_head.i > frame.cue[0].i:
        ids |= _subtree_ids(frame.source_head)  # inverted "..., says Baza"
    return ids


def _trim(doc: Doc, content: set[int], frame: _Frame) -> tuple[int, int] | None:
    """The content's character range: its contiguous run around the clause, edges cleaned."""
    if not content:
        return None
    # An "according to X" phrase in the middle of its own clause is parenthetical:
    # the content runs over it ("Ukraine did, according to X, several attacks").
    bridge = _cue_phrase(frame)
    if frame.cue[0].dep_ == "parataxis" and frame.source_head is not None:
        tag = _subtree_ids(frame.cue[0])
        bridge = set(range(min(tag), max(tag) + 1))
    words = [i for i in content if not doc[i].is_punct and not doc[i].is_space]
    if bridge and words and min(words) < min(bridge) and max(bridge) < max(words):
        content = content | bridge
    ordered = sorted(content)
    # Keep the longest contiguous run: content never jumps over the source and cue.
    runs: list[list[int]] = [[ordered[0]]]
    for i in ordered[1:]:
        if i == runs[-1][-1] + 1 or (i == runs[-1][-1] + 2 and doc[i - 1].is_punct):
            runs[-1].append(i)
        else:
            runs.append([i])
    run = max(runs, key=len)
    start, end = run[0], run[-1]
    while start <= end and (doc[start].is_space or doc[start].text in _EDGE_PUNCT):
        start += 1
    # One complementiser goes ("said that ..."); a condition after it stays ("that, if ...").
    if start <= end and doc[start].lower_ in ("that", "whether") and doc[start].dep_ == "mark":
        start += 1
        while start <= end and (doc[start].is_space or doc[start].text in _EDGE_PUNCT):
            start += 1
    while end >= start and (doc[end].is_space or doc[end].text in _EDGE_PUNCT):
        end -= 1
    if end < start or sum(1 for i in range(start, end + 1) if not doc[i].is_punct) < 2:
        return None
    return doc[start].idx, doc[end].idx + len(doc[end])
