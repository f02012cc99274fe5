"""Attributed claims: who says what, through which channel and relay.

The component reads the dependency parse sentence by sentence and finds attribution
*frames*: a cue ("said", "claimed", "according to"), its source, and its content. When a
frame sits inside the content of another ("According to Yusov, X, Reuters reports"),
the inner frame is the claim and the outer source becomes its relay. Pronouns and
descriptors are resolved, and relays carried over, by :mod:`corroborate.nlp.sources`.
"""

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from corroborate.nlp.channels import find_channel, is_broadcaster
from corroborate.nlp.cue_frames import (
    Frame,
    colon_frame,
    cue_phrase,
    encloses,
    heads_content,
    quote_tag,
    same_speaker,
    trim,
)
from corroborate.nlp.dependency import (
    agent_of,
    antecedent,
    child_with,
    is_infinitive,
    of_object,
    subtree_ids,
    that_clause_below,
    verb_like,
)
from corroborate.nlp.frames import (
    ClaimFrame,
    SourceMention,
    doc_sents,
    in_excluded,
    register_extensions,
)
from corroborate.nlp.lexicon import Lexicon, load_lexicon
from corroborate.nlp.quote_frames import next_sentence_content, quote_frame
from corroborate.nlp.quotes import extend_over_quotes
from corroborate.nlp.sources import describe_source, noun_phrase, resolve_sources

_GENERIC_ACCORDING = {"information", "data", "report", "reports", "statement", "estimate"}
_RELATIVE = {"whom", "which", "who", "whose"}
_FIRST_SECOND_PERSON = {"i", "we", "you"}
# Pronouns that stand for people: personal ones, and quantifiers ("some believe ...").
_PERSONAL_PRONOUNS = {
    *("i", "we", "you", "he", "she", "they", "who", "us", "him", "her", "them"),
    *("some", "many", "most", "others", "all", "both", "few", "several", "none"),
    *("everyone", "everybody", "nobody", "anyone", "anybody", "someone", "somebody"),
}
_NAMED_TARGETS = {"PERSON", "ORG", "NORP", "GPE"}
_ABSTRACT_ENDINGS = ("tion", "sion", "ness", "ment", "ity", "ism", "ance", "ence", "ship")
# A verb with one of these says something of its own: it is no tag on the clause above.
_OWN_COMPLEMENTS = {"dobj", "ccomp", "xcomp", "attr", "oprd"}


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
        claims = extend_over_quotes(doc, claims, self._aside_in_quote)
        resolve_sources(doc, claims)
        doc._.claims = claims
        return doc

    # -- finding frames -------------------------------------------------------------

    def _frames(self, sent: Span) -> list[Frame]:
        frames: list[Frame] = []
        for token in sent:
            if token.lower_ == "according" and token.i + 1 < sent.end:
                frame = self._according_frame(sent, token)
            elif token.lemma_.lower() in self.lex.cue_verbs and verb_like(token):
                frame = self._verb_frame(sent, token)
            elif token.text == ":" and not frames:
                frame = colon_frame(sent, token)
            elif token.pos_ == "VERB":
                frame = quote_frame(sent, token)
            else:
                frame = None
            if frame is not None and frame.content:
                frames.append(frame)
        return frames

    def _verb_frame(self, sent: Span, cue: Token) -> Frame | None:
        if cue.dep_ in ("amod", "compound") or (cue.tag_ == "VBG" and cue.dep_ == "acl"):
            return None
        if cue.tag_ == "VBN" and cue.dep_ == "advcl":
            return None  # "Asked whether ..., X said": the question frames X's answer
        lemma = cue.lemma_.lower()
        if any(c.dep_ == "neg" for c in cue.children):
            return None  # "cannot confirm", "did not say": nothing is claimed
        if cue.dep_ == "xcomp" and cue.head.lemma_.lower() not in self.lex.cue_verbs:
            return None  # "were invited to report ...": a request, not a report
        if cue.dep_ == "xcomp" and is_infinitive(cue) and not _passive(cue.head):
            return None  # "plans to call for ...", "wanted to know ...": the head's content
        if lemma in self.lex.relay_verbs and cue.dep_ in ("advcl", "xcomp", "conj"):
            return None  # "citing X" is read as a relay of its head frame
        subject = child_with(cue, ("nsubj",))
        passive_subject = child_with(cue, ("nsubjpass",))
        agent = agent_of(cue)
        if subject is None and cue.dep_ == "conj":
            subject = child_with(cue.head, ("nsubj",))
        if subject is None and cue.pos_ == "NOUN":
            subject = child_with(cue, ("compound",))  # "..., AFP reports." tagged as a noun
        if (
            subject is None
            and cue.dep_ in ("advcl", "xcomp")
            and (cue.tag_ == "VBG" or is_infinitive(cue))
        ):
            # "X said ..., adding that ...": the speaker of the nearest cue above.
            # Otherwise the subject of the clause it hangs from ("attacked X, calling him ...").
            speakers = [a for a in cue.ancestors if a.lemma_.lower() in self.lex.cue_verbs]
            for speaker in [*speakers, *cue.ancestors]:
                subject = child_with(speaker, ("nsubj",))
                if subject is not None and subject.dep_ != "expl":
                    break
        source_head = subject if subject is not None else agent
        of_mind = lemma in self.lex.private_states or lemma in self.lex.intention_verbs
        if (
            of_mind
            and lemma not in self.lex.evidential_verbs
            and (source_head is None or not self._animate(source_head))
        ):
            return None  # "without knowing ...", "the dissolution ..., feeling ...": nobody's mind
        if (
            passive_subject is not None
            and agent is None
            and not any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)
        ):
            return None  # "is widely expected to be ...": a hedge on narration, not a claim
        content = self._verb_content(cue, lemma)
        if content is None and passive_subject is None and lemma not in self.lex.stance_verbs:
            tagged = quote_tag(sent, cue)
            if tagged is not None:
                content, source_head = tagged
        if content is None and passive_subject is None:
            content = next_sentence_content(sent, cue)
        if content is None:
            return None
        addressee = child_with(cue, ("dobj", "dative")) if lemma == "tell" else None
        particle = self._phrasal_particle(cue)
        frame = Frame(
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
            if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and is_infinitive(child)):
                return subtree_ids(child)
            if child.dep_ == "xcomp" and child.tag_ == "VBG" and lemma not in self.lex.stance_verbs:
                return subtree_ids(child)  # "said legalizing it could ...", a misparsed clause
        head = cue.head
        if (
            cue.dep_ in ("parataxis", "ccomp", "advcl", "conj")
            and head.i < cue.i
            and lemma not in self.lex.stance_verbs
            and lemma not in self.lex.intention_verbs
            and head.pos_ in ("VERB", "AUX")
            and not any(_own_complement(c) for c in cue.children)
        ):
            # "..., Reuters reports." parsed with the report as a dependent of the content.
            return subtree_ids(head) - subtree_ids(cue)
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
            return subtree_ids(head) - subtree_ids(cue)
        particle = self._phrasal_particle(cue)
        if particle is not None:
            if particle.dep_ == "prep":
                obj = child_with(particle, ("pobj", "pcomp"))
                return subtree_ids(obj) if obj is not None else None
            clause = child_with(cue, ("dobj",))
            return subtree_ids(clause) if clause is not None else None
        if lemma in self.lex.stance_verbs:
            # Passive only with a speaker: "was endorsed by Fiorina" is stance, "were
            # supported by mortars" is narration.
            passive = _passive(cue)
            agent = agent_of(cue)
            if not passive or (agent is not None and self._animate(agent, strict=True)):
                stance = self._stance_content(cue, passive)
                if stance is not None:
                    return stance
        that_clause = that_clause_below(cue)
        if that_clause is not None:
            return subtree_ids(that_clause)  # "says in a statement that ..."
        if lemma in self.lex.clausal_only and lemma not in self.lex.object_content:
            return self._prep_content(cue, lemma)
        obj = child_with(cue, ("dobj",))
        if lemma in self.lex.object_content and obj is not None and self._is_content_np(obj):
            return subtree_ids(obj)
        return self._prep_content(cue, lemma)

    def _phrasal_particle(self, cue: Token) -> Token | None:
        """The "for" of "called for", the "out" of "pointed out", when the pair is a cue."""
        for child in cue.children:
            pair = f"{cue.lemma_.lower()} {child.lower_}"
            if child.dep_ in ("prep", "prt") and child.i > cue.i and pair in self.lex.phrasal_cues:
                return child
        return None

    def _stance_content(self, cue: Token, passive: bool = False) -> set[int] | None:
        """ "called the raid a provocation": the object and what is said of it.

        A named object is enough ("Christie endorsed Trump"); in the passive the subject
        is the object ("Cruz was endorsed by Fiorina").
        """
        obj = child_with(cue, ("nsubjpass",) if passive else ("dobj",))
        if obj is None:
            return None
        content = subtree_ids(obj)
        for child in cue.children:
            complement = child.dep_ in ("oprd", "xcomp", "ccomp", "acomp")
            qualifier = child.dep_ == "prep" and child.lower_ in ("as", "for", "of")
            if (complement or qualifier) and child.i > cue.i:
                content |= subtree_ids(child)
        words = [i for i in content if not cue.doc[i].is_punct]
        named = obj.pos_ == "PROPN" or obj.ent_type_ in _NAMED_TARGETS
        if not words or (len(words) == 1 and not named):
            return None
        return content

    def _animate(self, head: Token, strict: bool = False) -> bool:
        """Could this noun phrase hold a view: a person, a body, or people?

        Leniently, any noun but an abstract one ("his obsession", "the dissolution")
        will do; strictly, only names, personal pronouns and nouns for people.
        """
        if head.ent_type_ in _NAMED_TARGETS or head.pos_ == "PROPN":
            return True
        if head.pos_ == "PRON":
            return head.lower_ in _PERSONAL_PRONOUNS
        lemma = head.lemma_.lower()
        if lemma in self.lex.people_nouns or lemma in self.lex.unnamed_heads:
            return True
        owner = of_object(head)  # "a majority of voters", "most of them"
        if owner is not None and owner.i != head.i:
            return self._animate(owner, strict)
        return not strict and head.pos_ == "NOUN" and not lemma.endswith(_ABSTRACT_ENDINGS)

    def _prep_content(self, cue: Token, lemma: str) -> set[int] | None:
        if lemma not in self.lex.content_prep_verbs:
            return None
        # "announced ... of the alert": the "of" may hang off a time phrase in between.
        for prep in cue.subtree:
            if prep.i > cue.i and prep.dep_ == "prep" and prep.lower_ in self.lex.content_preps:
                obj = child_with(prep, ("pobj",))
                if obj is not None and self._is_content_np(obj):
                    return subtree_ids(obj)
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
                obj = child_with(child, ("dobj", "pobj"))
                if obj is not None:
                    found.append(obj)
        return found

    def _according_frame(self, sent: Span, according: Token) -> Frame | None:
        doc = sent.doc
        to = doc[according.i + 1]
        if to.lower_ != "to":
            return None
        obj = child_with(to, ("pobj",)) or (doc[to.i + 1] if to.i + 1 < sent.end else None)
        if obj is None:
            return None
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
            tagged = [c for c in clause.children if c.dep_ == "ccomp" and c.i < clause.i]
            if tagged:
                clause = tagged[0]
        source_np = set(t.i for t in noun_phrase(obj)) if source_head is obj else set()
        content = subtree_ids(clause) - phrase - source_np - {according.i, to.i}
        content = {i for i in content if sent.start <= i < sent.end}
        return Frame(
            cue=[according, to],
            source_head=source_head,
            content=content,
            cue_lemma="according to",
        )

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

    def _speaker_aside(self, frame: Frame) -> bool:
        """ "I think", "you want", "people who believe": a speaker's aside, not a report.

        Inside a quotation the quote's own attribution carries the whole sentence.
        """
        head = frame.source_head
        private = frame.cue_lemma in self.lex.private_states
        if head is None or not (private or frame.cue_lemma in self.lex.intention_verbs):
            return False
        return head.lower_ in _FIRST_SECOND_PERSON or head.tag_ in ("WP", "WDT")

    def _aside_in_quote(self, claim: ClaimFrame) -> bool:
        """Inside someone's quotation, is this frame part of what they say?

        As in :meth:`_absorbs`: a private state, an intention or a stance, or a speaker
        named by a pronoun ("they told us"), belongs to the quoted speaker's words.
        """
        lemma = claim.cue_lemma or ""
        if lemma in self.lex.private_states or lemma in self.lex.intention_verbs:
            return True
        if lemma in self.lex.stance_verbs:
            return True
        return any(s.kind in ("pronoun", "unnamed") for s in claim.sources)

    def _absorbs(self, outer: Frame, inner: Frame) -> bool:
        """Is ``inner`` part of what ``outer``'s source says rather than a claim it relays?

        A private state ("he said he expects", "'I think ...', she said") or a speaker
        named by a pronoun ("Kasich says he told him ...") belongs to the outer claim; a
        third party's report ("Baza says X was reported by correspondents") is relayed.
        """
        lemma = inner.cue_lemma
        head = inner.source_head
        if (
            inner.cue[0].dep_ == "conj"
            and head is not None
            and (head.pos_ == "PROPN" or head.ent_type_ in _NAMED_TARGETS)
        ):
            return False  # "X said A and Democrats accused B": a second speaker, misattached
        if lemma in self.lex.private_states or lemma in self.lex.stance_verbs:
            return True
        if lemma in self.lex.intention_verbs:
            return True
        if head is None:
            return outer.source_head is not None  # "it's fine to say ...", he said
        # Pronouns and relatives ("people who say ...") stand inside the outer speaker's words.
        return head.tag_ in ("PRP", "WDT", "WP", "DT")

    def _sources(self, sent: Span, frame: Frame) -> list[SourceMention]:
        if frame.source_head is None:
            return [SourceMention(text="", span=None, name="unnamed source", kind="unnamed")]
        return [describe_source(sent, frame.source_head, cue=frame.cue[0])]


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _own_complement(child: Token) -> bool:
    """A dependent by which a verb says something of its own, not a tag on the clause above.

    An addressee ("..., he told reporters") leaves it a tag.
    """
    if child.dep_ not in _OWN_COMPLEMENTS:
        return False
    addressee = child.dep_ == "dobj" and (
        child.pos_ == "PRON" or child.ent_type_ in ("PERSON", "ORG")
    )
    return not addressee and not (child.dep_ == "dobj" and child.head.lemma_.lower() == "tell")
