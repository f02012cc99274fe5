"""Views held in a predicate: "Republicans are critical of X", "she is a supporter of Y".

A copula with an adjective of stance or belief ("is sure that ...", "are optimistic
that ...", "is critical of ...") or a noun for a backer or an opponent ("is a supporter
of ...") attributes a view to the subject. The predicate needs what the view is about
(a clause, an infinitive, or a prepositional object): "the voters were angry" alone
says how they felt, not what they hold.
"""

from collections.abc import Callable

from spacy.tokens import Span, Token

from corroborate.nlp.cue_frames import Frame
from corroborate.nlp.dependency import child_with, subtree_ids
from corroborate.nlp.frames import token_children
from corroborate.nlp.lexicon import Lexicon

_COPULAS = {"be", "become", "remain", "seem", "appear", "grow", "stay"}
# Prepositions that say what a view is about: "critical of", "upbeat about".
_ABOUT = {"of", "about", "on", "over", "with", "toward", "towards", "that", "to", "for"}


def predicate_frame(
    sent: Span, word: Token, lex: Lexicon, holder: Callable[[Token], bool]
) -> Frame | None:
    """The frame of a stance adjective or a backer noun after a copula, if it has one."""
    lemma = word.lemma_.lower()
    adjective = word.pos_ == "ADJ" and lemma in lex.stance_adjectives
    noun = word.pos_ == "NOUN" and lemma in lex.stance_nouns
    if not (adjective and word.dep_ == "acomp") and not (noun and word.dep_ == "attr"):
        return None
    copula = word.head
    if copula.lemma_.lower() not in _COPULAS or copula.i > word.i:
        return None
    if any(c.dep_ == "neg" for c in (*token_children(copula), *token_children(word))):
        return None  # "is not sure": nothing is held
    subject = child_with(copula, ("nsubj",))
    if subject is None or subject.lower_ in ("it", "this", "that", "there", "what"):
        return None  # "it is clear that ...": the writer's own judgement
    if not holder(subject):
        return None  # "the way he carried himself was critical to his success"
    content = _about(word, noun) or (_about(copula, noun) if adjective else None)
    if content is None:
        return None
    content = {i for i in content if sent.start <= i < sent.end}
    if not content:
        return None
    cue = [copula, *(c for c in token_children(copula) if c.dep_ == "aux"), word]
    return Frame(cue=cue, source_head=subject, content=content, cue_lemma=lemma)


def _about(head: Token, noun: bool) -> set[int] | None:
    """What the view is about: a clause, an infinitive, or a preposition's object."""
    for child in token_children(head):
        if child.i < head.i:
            continue
        if not noun and child.dep_ in ("ccomp", "xcomp"):
            return subtree_ids(child)
        if child.dep_ == "prep" and child.lower_ in _ABOUT:
            obj = child_with(child, ("pobj", "pcomp"))
            if obj is not None:
                return subtree_ids(obj)
    return None


def light_verb_frame(sent: Span, verb: Token, lex: Lexicon) -> Frame | None:
    """ "made the case that ...", "offered his assessment of ...", "made clear that ...".

    A light verb whose object is a noun of speech says what its noun says: the
    noun's "that"-clause, or the object of its "of"/"about"/"on"/"against".
    """
    lemma = verb.lemma_.lower()
    if (lemma not in lex.light_verbs and lemma != "have") or verb.pos_ != "VERB":
        return None
    nouns = lex.held_nouns if lemma == "have" else lex.speech_nouns
    if any(c.dep_ == "neg" for c in token_children(verb)):
        return None
    subject = child_with(verb, ("nsubj",))
    if subject is None and verb.dep_ == "conj":
        subject = child_with(verb.head, ("nsubj",))
    if subject is None or subject.lower_ in ("it", "this", "that", "there", "what"):
        return None
    noun = child_with(verb, ("dobj",))
    clear = next((c for c in token_children(verb) if c.lower_ == "clear" and c.i > verb.i), None)
    if clear is not None and verb.lemma_.lower() == "make":
        clause = next(
            (
                c
                for c in verb.subtree
                if c.dep_ in ("ccomp", "advcl")
                and c.i > clear.i
                and any(
                    (m.dep_ == "mark" and m.lower_ == "that") or m.dep_ in ("nsubj", "nsubjpass")
                    for m in token_children(c)
                )
            ),
            None,
        )
        if clause is None:
            return None
        cue = [verb, clear]
        content = subtree_ids(clause)
    elif noun is not None and noun.lemma_.lower() in nouns:
        if any(c.lower_ == "no" for c in token_children(noun)):
            return None  # "made no mention of": nothing said
        found = _said_in(noun) or _said_in(verb) or _after_colon(sent, noun)
        if found is None:
            return None
        cue = [verb, noun]
        content = found
    else:
        return None
    content = {i for i in content if sent.start <= i < sent.end}
    if not content:
        return None
    return Frame(cue=cue, source_head=subject, content=content, cue_lemma=verb.lemma_.lower())


def _after_colon(sent: Span, noun: Token) -> set[int] | None:
    """ "Sanders made the following comment: “...”": what follows the colon."""
    doc = sent.doc
    colon = next((t for t in doc[noun.i + 1 : min(sent.end, noun.i + 6)] if t.text == ":"), None)
    if colon is None or any(t.pos_ in ("VERB", "AUX") for t in doc[noun.i : colon.i]):
        return None
    end = colon.i - 1
    stop = sent.end
    if end + 2 >= sent.end and sent.end < len(doc) and "\n" not in doc[sent.end - 1].text:
        stop = doc[sent.end].sent.end  # the parser ended the sentence at the colon
    content = {t.i for t in doc[end + 2 : stop] if not t.is_space}
    return content if sum(1 for i in content if not doc[i].is_punct) >= 3 else None


def _said_in(head: Token) -> set[int] | None:
    for child in token_children(head):
        if child.i < head.i:
            continue
        if child.dep_ in ("acl", "ccomp", "relcl") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in token_children(child)
        ):
            return subtree_ids(child)
        if child.dep_ == "prep" and child.lower_ in _ABOUT_NOUN:
            obj = child_with(child, ("pobj", "pcomp"))
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                return subtree_ids(obj)  # not "made the pledge on Monday"
    return None


# What a noun of speech or view is about: "assessment of", "views on", "feelings toward".
_ABOUT_NOUN = {"of", "about", "on", "against", "for", "toward", "towards", "over", "regarding"}
# "in the words of an adviser", "in the eyes of most voters", "in Forbes' view".
_VOICE_NOUNS = {"words", "eyes", "view", "opinion", "estimation", "judgment", "judgement"}


def in_frame(sent: Span, prep: Token, lex: Lexicon) -> Frame | None:
    """ "In a CBS News poll, she led by 24 points": a finding and the record behind it.

    The phrase names a poll, a survey or a study ("in the latest CNN poll"), or whose
    words or eyes ("in the words of a senior adviser"); the clause it qualifies is the
    content. After a verb of speech it is a channel ("said in a report"), not a source.
    """
    if prep.dep_ != "prep" or prep.lower_ != "in":
        return None
    obj = child_with(prep, ("pobj",))
    if obj is None:
        return None
    lemma = obj.lemma_.lower()
    source: Token | None = None
    if lemma in lex.finding_nouns:
        source = obj
    elif obj.lower_ in _VOICE_NOUNS:
        source = child_with(obj, ("poss",))
        if source is None:
            of = next(
                (c for c in token_children(obj) if c.dep_ == "prep" and c.lower_ == "of"), None
            )
            source = child_with(of, ("pobj",)) if of is not None else None
    if source is None:
        return None
    # On the clause's verb, or on its object ("has a decisive lead in the polls"); not
    # inside its subject ("his gains in some polls may prove ...").
    clause = prep.head
    if clause.dep_ in ("dobj", "attr"):
        clause = clause.head
    verb = clause.lemma_.lower()
    if clause.pos_ not in ("VERB", "AUX") or (verb in lex.cue_verbs and verb not in lex.held_views):
        return None  # "said in a report": a channel
    subject = child_with(clause, ("nsubj", "nsubjpass"))
    if clause.dep_ in ("relcl", "acl") or subject is None or subject.tag_ in ("WP", "WDT"):
        return None  # "who leads in the polls": a description, not a finding
    content = subtree_ids(clause) - subtree_ids(prep)
    content = {i for i in content if sent.start <= i < sent.end}
    if sum(1 for i in content if not sent.doc[i].is_punct) < 4:
        return None
    return Frame(cue=[prep], source_head=source, content=content, cue_lemma="in")


def nominal_frame(sent: Span, noun: Token, lex: Lexicon) -> Frame | None:
    """ "Trump's claim that Mexico will pay", "her support for the ceasefire".

    A noun of speech or stance whose owner is named ("X's", "his") and whose content
    follows it: a "that"-clause, an infinitive, or the object of "for", "of", "against",
    "on" or "about".
    """
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.nominal_cues:
        return None
    owner = child_with(noun, ("poss",))
    if owner is None or owner.lower_ in ("its", "it", "whose"):
        return None
    if any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in token_children(noun)):
        return None
    content = None
    for child in token_children(noun):
        if child.i < noun.i:
            continue
        that = child.dep_ in ("acl", "ccomp", "relcl") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in token_children(child)
        )
        to = child.dep_ == "acl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token_children(child)
        )
        if that or to:
            content = subtree_ids(child)
        elif child.dep_ == "prep" and child.lower_ in ("for", "of", "against", "on", "about", "to"):
            obj = child_with(child, ("pobj", "pcomp"))
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                content = subtree_ids(obj)
        if content is not None:
            break
    if content is None:
        return None
    content = {i for i in content if sent.start <= i < sent.end}
    if not content:
        return None
    return Frame(cue=[noun], source_head=owner, content=content, cue_lemma=noun.lemma_.lower())
