"""Frames of cue verbs: who says, thinks or wants what, read off the dependency parse.

A verb from the cue lexicon gives a frame when its source (subject, or agent of a
passive) and its content (clause, infinitive, object, or the quotation it tags) can be
found. Which frames become claims is decided in :mod:`corroborate.nlp.attribution`.
"""

from spacy.tokens import Span, Token

from corroborate.nlp.channels import classify, find_channel
from corroborate.nlp.cue_frames import Frame, quote_tag
from corroborate.nlp.dependency import (
    agent_of,
    child_with,
    is_infinitive,
    of_object,
    subtree_ids,
    that_clause_below,
)
from corroborate.nlp.frames import token_children
from corroborate.nlp.lexicon import Lexicon
from corroborate.nlp.misparses import (
    bare_clause,
    between_commas,
    coordinated_after,
    ends_clause,
    is_passive,
    kind_then_name,
    misparsed_subject,
    past_dateline,
    set_off_tag,
)
from corroborate.nlp.quote_frames import leading_tag, next_sentence_content
from corroborate.nlp.quotes import in_quotation
from corroborate.nlp.report_layers import (
    before_later_tag,
    closing_tag_clause,
    glossed_claim,
    is_gloss,
    relayed_report,
    set_beside,
    tag_after_apposition,
    with_inner_tags,
)

# Pronouns that stand for people: personal ones, and quantifiers ("some believe ...").
_PERSONAL_PRONOUNS = {
    *("i", "we", "you", "he", "she", "they", "who", "us", "him", "her", "them"),
    *("some", "many", "most", "others", "all", "both", "few", "several", "none"),
    *("everyone", "everybody", "nobody", "anyone", "anybody", "someone", "somebody"),
}
NAMED_TARGETS = {"PERSON", "ORG", "NORP", "GPE"}
_ABSTRACT_ENDINGS = ("tion", "sion", "ness", "ment", "ity", "ism", "ance", "ence", "ship")
# Verbs of aspect and raising verbs: "continued to insist", "kept saying", "seemed to
# suggest", "tended to support": the subject of the verb above speaks.
_ASPECT_VERBS = {"continue", "begin", "start", "keep", "resume", "go", "tend", "seem", "appear"}
# What a body puts out that then "says" something for it.
_DOCUMENTS = {
    *("statement", "letter", "report", "video", "post", "message", "communique", "note"),
    *("release", "document", "bulletin", "notice", "update", "announcement", "decree"),
}
_PUBLISHING = {
    *("publish", "release", "issue", "post", "put", "send", "share", "circulate", "write"),
    *("distribute", "sign", "deliver", "present", "submit", "upload", "air", "broadcast"),
}
# Verbs of saying whose passive with an infinitive reports hearsay ("is said to have fled").
_REPORTED_PASSIVES = {"say", "report", "claim", "allege", "rumour", "rumor"}
# Modals of ability and duty: "can speak", "should know" report nothing said.
_ABILITY = {"can", "could", "ca", "may", "might", "should", "must"}
# A verb with one of these says something of its own: it is no tag on the clause above.
_OWN_COMPLEMENTS = {"dobj", "ccomp", "xcomp", "attr", "oprd"}


class VerbFrames:
    """Reads the frame of one cue verb in a sentence."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def read(self, sent: Span, cue: Token) -> Frame | None:
        if cue.dep_ in ("amod", "compound") or (cue.tag_ == "VBG" and cue.dep_ == "acl"):
            return None
        if is_gloss(cue):
            return None  # the reporter's "..., contradicting X": no claim of the subject's
        if cue.tag_ == "VBN" and cue.dep_ == "advcl":
            return None  # "Asked whether ..., X said": the question frames X's answer
        lemma = cue.lemma_.lower()
        if any(c.dep_ == "neg" for c in token_children(cue)):
            return None  # "cannot confirm", "did not say": nothing is claimed
        # "can speak and say": the modal of the first verb holds for the second, unless the
        # second has a subject of its own ("X could happen, Graham told the Post").
        shared = cue.dep_ == "conj" and child_with(cue, ("nsubj",)) is None
        modal_of = [cue, cue.head] if shared else [cue]
        if any(
            c.dep_ == "aux" and c.lower_ in _ABILITY for v in modal_of for c in token_children(v)
        ):
            return None  # "Russians can speak freely", "should say": not a report
        # "are more likely to say ...", "was quick to point out ...": the copula's subject
        # speaks (unless the adjective is itself a view: "is eager to say" is its frame).
        after_adjective = (
            cue.dep_ == "xcomp"
            and cue.head.pos_ == "ADJ"
            and cue.head.dep_ == "acomp"
            and cue.head.lemma_.lower() not in self.lex.stance_adjectives
        )
        # "continued to insist that ...", "began to argue ...": the aspect verb's subject speaks.
        after_aspect = cue.dep_ == "xcomp" and cue.head.lemma_.lower() in _ASPECT_VERBS
        if (
            cue.dep_ == "xcomp"
            and cue.head.lemma_.lower() not in self.lex.cue_verbs
            and not (after_adjective or after_aspect)
        ):
            return None  # "were invited to report ...": a request, not a report
        if (
            cue.dep_ == "xcomp"
            and (is_infinitive(cue) or cue.tag_ == "VBG")
            and not is_passive(cue.head)
            and not (after_adjective or after_aspect)
        ):
            # "plans to call for ...", "wanted to know ...", "mentioned disparaging remarks":
            # the head's content.
            return None
        if lemma in self.lex.relay_verbs and cue.dep_ in ("advcl", "xcomp", "conj"):
            return None  # "citing X" is read as a relay of its head frame
        subjects = [c for c in token_children(cue) if c.dep_ == "nsubj" and past_dateline(c) is c]
        # "Ukrainska Pravda, quoting sources in the SBU, reported": the quoted subject told
        # the other one.
        quoted = [c for c in subjects if self._quoted_by_participle(c)] if len(subjects) > 1 else []
        subjects = [c for c in subjects if c not in quoted]
        # Of two subjects, the one outside the quotation speaks ('“..., any endorsement,”
        # he said').
        outside = [c for c in subjects if not in_quotation(cue.doc, c.idx)]
        preferred = outside or subjects
        if kind_then_name(preferred):
            preferred = preferred[1:]  # "the news agency TASS reported": the name speaks
        subject = preferred[0] if preferred else past_dateline(child_with(cue, ("nsubj",)))
        document = self._published_document(cue, subject)
        if document is not None:
            subject = child_with(document.head, ("nsubj",))  # "the ministry issued a statement"
        if subject is None and after_adjective:
            subject = child_with(cue.head.head, ("nsubj",))
        if subject is None and after_aspect:
            subject = child_with(cue.head, ("nsubj",))
            if subject is None and cue.head.dep_ == "conj":
                subject = child_with(cue.head.head, ("nsubj",))
        if cue.tag_ == "VBG" and cue.dep_ == "pcomp" and cue.head.lower_ == "without":
            return None  # "left without knowing how ...": nothing known, nothing said
        if subject is None and cue.tag_ == "VBG" and cue.dep_ == "pcomp":
            # "responded by saying ...", "after saying ..., she was whisked away".
            clause = next((a for a in cue.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if clause is not None:
                subject = child_with(clause, ("nsubj", "nsubjpass"))
                if clause.lemma_.lower() in self.lex.relay_verbs:
                    # "RIA quoted a source as saying that ...": the source said it to RIA.
                    quoted += [o for o in token_children(clause) if o.dep_ == "dobj"][:1]
        if subject is None:
            subject = misparsed_subject(cue)
        passive_subject = child_with(cue, ("nsubjpass",))
        agent = agent_of(cue)
        if subject is None and cue.dep_ == "conj":
            subject = child_with(cue.head, ("nsubj",))
            if subject is None and child_with(cue.head, ("nsubjpass",)) is not None:
                # "said the drones were shot down and warned ...": the speaker warned.
                speaker = next(
                    (a for a in cue.ancestors if a.lemma_.lower() in self.lex.cue_verbs), None
                )
                subject = child_with(speaker, ("nsubj",)) if speaker is not None else None
        if subject is None and cue.dep_ == "advcl" and cue.tag_ in ("VBD", "VBZ", "VBP"):
            # A finite verb hung below another clause with no subject of its own is a
            # misparse of "Russian fighters allied with Ukraine ... claimed": the subject
            # went to the verb it hangs from.
            subject = child_with(cue.head, ("nsubj",))
        if subject is None and cue.pos_ == "NOUN":
            subject = child_with(cue, ("compound",))  # "..., AFP reports." tagged as a noun
        purpose = cue.dep_ == "advcl" and is_infinitive(cue)
        if purpose and lemma in self.lex.held_views:
            return None  # "reach out to the government to learn how ...": a purpose, no view
        if (
            subject is None
            and cue.dep_ in ("advcl", "xcomp")
            and (cue.tag_ == "VBG" or is_infinitive(cue))
        ):
            # "X said ..., adding that ...": the speaker of the nearest cue above.
            # Otherwise the subject of the clause it hangs from ("attacked X, calling him ...",
            # "took to Twitter to accuse ...").
            speakers = [a for a in cue.ancestors if a.lemma_.lower() in self.lex.cue_verbs]
            for speaker in [*([] if purpose else speakers), *cue.ancestors]:
                subject = child_with(speaker, ("nsubj",))
                if subject is not None and subject.dep_ != "expl":
                    break
        source_head = subject if subject is not None else agent
        stance = lemma in self.lex.stance_verbs or lemma in self.lex.judgement_verbs
        if stance and source_head is None:
            return None  # "disparaging remarks", "insulting women": whose stance is unsaid
        of_mind = lemma in self.lex.private_states or lemma in self.lex.intention_verbs
        if (
            of_mind
            and lemma not in self.lex.evidential_verbs
            and (source_head is None or not self.animate(source_head))
        ):
            return None  # "without knowing ...", "the dissolution ..., feeling ...": nobody's mind
        if passive_subject is not None and agent is None and lemma in _REPORTED_PASSIVES:
            clause = next((c for c in token_children(cue) if c.dep_ == "xcomp"), None)
            if clause is not None and is_infinitive(clause):
                # "The commander is said to have fled": someone unnamed says he fled.
                return Frame(
                    cue=[cue, *(c for c in token_children(cue) if c.dep_ == "auxpass")],
                    source_head=None,
                    content=subtree_ids(passive_subject) | subtree_ids(clause),
                    cue_lemma=lemma,
                )
        if (
            passive_subject is not None
            and agent is None
            and not any(c.dep_ == "ccomp" and c.i > cue.i for c in token_children(cue))
        ):
            return None  # "is widely expected to be ...": a hedge on narration, not a claim
        content = self._verb_content(cue, lemma, source_head)
        if content is None and passive_subject is None and lemma not in self.lex.stance_verbs:
            tagged = quote_tag(sent, cue) or leading_tag(sent, cue)
            if tagged is not None:
                content, source_head = tagged
        if content is None and passive_subject is None:
            content = next_sentence_content(sent, cue)
        if content is None:
            return None
        content = with_inner_tags(cue, content - set_beside(cue, content, self.lex), self.lex)
        addressee = child_with(cue, ("dobj", "dative")) if lemma == "tell" else None
        particle = self._phrasal_particle(cue)
        frame = Frame(
            cue=[cue]
            + [c for c in token_children(cue) if c.dep_ in ("aux", "auxpass", "neg")]
            + ([particle] if particle is not None else []),
            source_head=source_head,
            content=content,
            cue_lemma=lemma,
            addressee=addressee,
        )
        frame.relay_heads = self._citing(cue) + quoted
        after_apposition = tag_after_apposition(cue)
        if after_apposition is not None:
            # "..., the broadcaster Yle reports, citing the army": "citing" hangs on the noun.
            frame.relay_heads += self._citing(after_apposition[1], also=("acl",))
        frame.channel = find_channel(cue, self.lex) or (
            classify([document], self.lex) if document is not None else None
        )
        return frame

    def _verb_content(self, cue: Token, lemma: str, source: Token | None = None) -> set[int] | None:
        after_apposition = tag_after_apposition(cue)
        if after_apposition is not None:
            return after_apposition[0]  # "X, the Finnish broadcaster Yle reports."
        glossed = glossed_claim(cue)
        if glossed is not None:
            return glossed  # "X had captured the village, a claim Ukraine denied"
        tagged = closing_tag_clause(cue, self.lex)
        if tagged is not None:
            # "Officials said X, Reuters reported": Reuters reports what the officials said.
            return subtree_ids(cue.head) - (subtree_ids(cue) - subtree_ids(tagged))
        for child in token_children(cue):
            inner = closing_tag_clause(child, self.lex) if child.dep_ == "ccomp" else None
            if inner is not None:
                return subtree_ids(inner)  # the "said" of "Officials said X, Reuters reported"
            if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and is_infinitive(child)):
                return subtree_ids(child)
            if child.dep_ == "xcomp" and child.tag_ == "VBG" and lemma not in self.lex.stance_verbs:
                return subtree_ids(child)  # "said legalizing it could ...", a misparsed clause
            if bare_clause(child) and lemma not in self.lex.stance_verbs:
                return subtree_ids(child)  # "said after the convention he would not ..."
        relayed = relayed_report(cue, self.lex)
        if relayed is not None:
            return relayed
        head = cue.head
        if (
            cue.dep_ in ("parataxis", "ccomp", "advcl", "conj")
            and head.i < cue.i
            and lemma not in self.lex.stance_verbs
            and lemma not in self.lex.intention_verbs
            and head.pos_ in ("VERB", "AUX")
            and not any(self._own_complement(c) for c in token_children(cue))
            and ends_clause(head, cue)
        ):
            # "..., Reuters reports." parsed with the report as a dependent of the content.
            return subtree_ids(head) - subtree_ids(cue)
        as_clause = cue.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in token_children(cue)
        )
        if (
            (as_clause or between_commas(cue))
            and cue.dep_ in ("advcl", "parataxis")
            and head.i < cue.i
            and head.pos_ in ("VERB", "AUX")
            and not any(self._own_complement(c) for c in token_children(cue))
            and lemma not in self.lex.held_views
        ):
            # "Ailes met with Trump, as the Times reported, and ...", "It was, he said, one
            # of the bitterest failures": the tag sits after the clause it reports.
            return subtree_ids(head) - subtree_ids(cue) - coordinated_after(head, cue)
        if (
            (cue.dep_ == "parataxis" or as_clause or set_off_tag(cue))
            and head.i > cue.i
            and head.pos_ in ("VERB", "AUX")
        ):
            # "As the ministry noted, ...": the main clause is what was noted.
            # "The village, the ministry said, was retaken": the tag sits inside the content.
            return before_later_tag(head, cue, subtree_ids(head) - subtree_ids(cue), self.lex)
        for child in token_children(cue):
            # "calling for the United States to take a stronger role": a for-to clause.
            marker = next((c for c in token_children(child) if c.dep_ == "mark"), None)
            if (
                child.dep_ == "advcl"
                and marker is not None
                and marker.lower_ == "for"
                and f"{lemma} for" in self.lex.phrasal_cues
            ):
                return subtree_ids(child) - {marker.i}
        particle = self._phrasal_particle(cue)
        if particle is not None:
            if particle.dep_ == "prep":
                obj = child_with(particle, ("pobj", "pcomp"))
                return subtree_ids(obj) if obj is not None else None
            clause = child_with(cue, ("dobj",))
            return subtree_ids(clause) if clause is not None else None
        if (
            lemma in self.lex.evidential_verbs
            and source is not None
            and source.lemma_.lower() in self.lex.evidence_nouns
            and not is_passive(cue)
        ):
            # "Polls show a close contest", "an analysis shows Democrats outpacing ...":
            # what a record shows is its finding.
            finding = self._stance_content(cue, also=("with",))
            if finding is not None and len(finding) >= 2:
                return finding
        if lemma in self.lex.judgement_verbs:
            # "sees Cruz as a uniter", "considers him unfit": a judgement needs its predicate.
            return self._stance_content(cue, is_passive(cue), predicate=True)
        if lemma in self.lex.stance_verbs:
            # Passive only with a speaker: "was endorsed by Fiorina" is stance, "were
            # supported by mortars" is narration.
            passive = is_passive(cue)
            agent = agent_of(cue)
            if not passive or (agent is not None and self.animate(agent, strict=True)):
                stance = self._stance_content(cue, passive)
                if stance is not None:
                    return stance
        that_clause = that_clause_below(cue)
        if that_clause is not None:
            # "says in a statement that ...": the clause, without its "that" (which the
            # parser may have made its subject).
            words = subtree_ids(that_clause)
            first = that_clause.left_edge
            return words - {first.i} if first.lower_ == "that" else words
        if lemma in self.lex.clausal_only and lemma not in self.lex.object_content:
            return self._prep_content(cue, lemma)
        obj = child_with(cue, ("dobj",))
        if lemma in self.lex.object_content and obj is not None and self._is_content_np(obj):
            return subtree_ids(obj)
        return self._prep_content(cue, lemma)

    def _own_complement(self, child: Token) -> bool:
        """A dependent by which a verb says something of its own, not a tag on a clause.

        An addressee ("..., he told reporters") leaves it a tag; "would tell an American
        story" does not.
        """
        if child.dep_ not in _OWN_COMPLEMENTS:
            return False
        return not (child.dep_ in ("dobj", "dative") and self.animate(child, strict=True))

    def _phrasal_particle(self, cue: Token) -> Token | None:
        """The "for" of "called for", the "out" of "pointed out", when the pair is a cue."""
        for child in token_children(cue):
            pair = f"{cue.lemma_.lower()} {child.lower_}"
            if child.dep_ in ("prep", "prt") and child.i > cue.i and pair in self.lex.phrasal_cues:
                return child
        return None

    def _stance_content(
        self,
        cue: Token,
        passive: bool = False,
        predicate: bool = False,
        also: tuple[str, ...] = (),
    ) -> set[int] | None:
        """ "called the raid a provocation": the object and what is said of it.

        A named object is enough ("Christie endorsed Trump"); in the passive the subject
        is the object ("Cruz was endorsed by Fiorina"). With ``predicate`` the object
        needs a complement or an "as" phrase ("sees Cruz as a uniter").
        """
        obj = child_with(cue, ("nsubjpass",) if passive else ("dobj",))
        if obj is None:
            # "called Trump “unhinged”" parsed as a small clause: the predicate with its subject.
            small = next(
                (
                    c
                    for c in token_children(cue)
                    if c.dep_ in ("oprd", "ccomp", "xcomp")
                    and c.i > cue.i
                    and child_with(c, ("nsubj",)) is not None
                ),
                None,
            )
            return subtree_ids(small) if small is not None and not passive else None
        content = subtree_ids(obj)
        said_of = False
        for child in token_children(cue):
            complement = child.dep_ in ("oprd", "xcomp", "ccomp", "acomp") or (
                # "described the showdown as ominous", parsed as an adverbial "as ominous"
                child.dep_ == "advcl"
                and child_with(child, ("nsubj", "nsubjpass")) is None
                and any(
                    c.lower_ == "as" and c.dep_ != "mark" and c.i < child.i
                    for c in token_children(child)
                )
            )
            qualifier = child.dep_ == "prep" and child.lower_ in ("as", "for", "of", *also)
            if (complement or qualifier) and child.i > cue.i:
                content |= subtree_ids(child)
                said_of = said_of or complement or child.lower_ == "as"
        # "described the showdown as ominous" with "as" hung on the object (already inside
        # the content): the judgement is there all the same.
        said_of = said_of or any(c.dep_ == "prep" and c.lower_ == "as" for c in token_children(obj))
        if predicate and not said_of:
            return None
        words = [i for i in content if not cue.doc[i].is_punct]
        named = obj.pos_ == "PROPN" or obj.ent_type_ in NAMED_TARGETS
        if not words or (len(words) == 1 and not named):
            return None
        return content

    def animate(self, head: Token, strict: bool = False) -> bool:
        """Could this noun phrase hold a view: a person, a body, or people?

        Leniently, any noun but an abstract one ("his obsession", "the dissolution")
        will do; strictly, only names, personal pronouns and nouns for people.
        """
        if head.ent_type_ in NAMED_TARGETS or head.pos_ == "PROPN":
            return True
        if head.lower_ in _PERSONAL_PRONOUNS:
            return True  # also "most in Miami", "many of them" (tagged as adjectives)
        if head.pos_ == "PRON":
            return False
        lemma = head.lemma_.lower()
        if lemma in self.lex.people_nouns or lemma in self.lex.unnamed_heads:
            return True
        owner = of_object(head)  # "a majority of voters", "most of them"
        if owner is not None and owner.i != head.i:
            return self.animate(owner, strict)
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

    def _published_document(self, cue: Token, subject: Token | None) -> Token | None:
        """The document of "The ministry issued a statement that said ...": a statement,
        letter, video or post that its publisher put out, speaking for the publisher."""
        if cue.dep_ != "relcl" or subject is None or subject.tag_ not in ("WDT", "WP"):
            return None
        document = cue.head
        if document.dep_ != "dobj" or document.lemma_.lower() not in _DOCUMENTS:
            return None
        if document.head.lemma_.lower() not in _PUBLISHING:
            return None  # "police found a note that said ...": whose note is not said
        publisher = child_with(document.head, ("nsubj",))
        return document if publisher is not None and self.animate(publisher) else None

    def _quoted_by_participle(self, subject: Token) -> bool:
        """Is this subject "sources" in "X, quoting sources in the SBU, reported"?"""
        return any(
            c.dep_ in ("amod", "acl") and c.lemma_.lower() in self.lex.relay_verbs
            for c in token_children(subject)
        )

    def _citing(self, cue: Token, also: tuple[str, ...] = ()) -> list[Token]:
        """Sources named by "citing X" / "quoting X" next to a cue: X told the teller."""
        found = []
        for child in token_children(cue):
            if child.lemma_.lower() in self.lex.relay_verbs and child.dep_ in (
                "advcl",
                "xcomp",
                "conj",
                "prep",
                *also,
            ):
                obj = child_with(child, ("dobj", "pobj"))
                if obj is not None:
                    found.append(obj)
            referred = _referred_to(child)
            if referred is not None:
                found.append(referred)
        return found


def _referred_to(child: Token) -> Token | None:
    """X in "reports with reference to X" or "reports, referring to X": the wording of
    translated wires for "citing X"."""
    if child.dep_ == "prep" and child.lower_ == "with":
        noun = child_with(child, ("pobj",))
        if noun is None or noun.lemma_.lower() != "reference":
            return None
    elif child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() == "refer":
        noun = child
    else:
        return None
    to = next((c for c in token_children(noun) if c.dep_ == "prep" and c.lower_ == "to"), None)
    return child_with(to, ("pobj",)) if to is not None else None
