"""Where the parser's reading of a cue verb's clause is known to go wrong.

A dependency parser trained on edited prose misreads datelines, titles set before names,
tags that close a sentence, and complements without "that". These checks say what such a
clause means; :mod:`corroborate.nlp.verb_frames` asks them while it reads a frame.
"""

from spacy.tokens import Token

from corroborate.nlp.dependency import child_with, subtree_ids
from corroborate.nlp.frames import token_children


def kind_then_name(subjects: list[Token]) -> bool:
    """Two subjects side by side, a common noun and then a name ("the agency TASS")."""
    if len(subjects) < 2:
        return False
    kind, name = subjects[0], subjects[1]
    return kind.pos_ == "NOUN" and name.pos_ == "PROPN" and name.i == kind.i + 1


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token_children(verb))


def ends_clause(head: Token, cue: Token) -> bool:
    """Does the cue's phrase close its head's clause, as a tag does ("..., AFP reports.")?

    A parenthetical tag may be followed by a coordinate of the content ("It would take
    weeks, he said, and wrangling could be paralyzing") or by an adverbial clause of it
    ("It hurt him with young voters, Graham said, since most of them ...").
    """
    end = max(subtree_ids(cue))
    coordinated: set[int] = set()
    if cue.dep_ == "parataxis":
        for child in token_children(head):
            if child.i > end and child.dep_ in ("cc", "conj", "advcl"):
                coordinated |= subtree_ids(child)
    after = [t for t in head.subtree if t.i > end and t.i not in coordinated]
    return all(t.is_punct or t.is_space for t in after)


# Subordinators of an adverbial clause: with one, the clause is no complement.
_SUBORDINATORS = {
    *("because", "if", "when", "while", "as", "since", "although", "though", "after"),
    *("before", "until", "unless", "whether", "once", "so", "where", "whereas", "than"),
}


def bare_clause(child: Token) -> bool:
    """An adverbial clause after the cue with its own subject and no subordinator: the
    parser's reading of a complement ("said after the convention he would not ...")."""
    if child.dep_ != "advcl" or child.i < child.head.i:
        return False
    children = list(token_children(child))
    if any(
        c.dep_ == "mark" or (c.dep_ == "advmod" and c.lower_ in _SUBORDINATORS)
        for c in children
        if c.i < child.i
    ):
        return False
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.i < child.i and child.tag_ not in ("VBG", "VBN")


def past_dateline(subject: Token | None) -> Token | None:
    """ "WASHINGTON -- President Obama ... said": the dateline is no speaker; who follows is."""
    if subject is None or not (subject.is_upper and subject.pos_ == "PROPN"):
        return subject
    doc = subject.doc
    for token in doc[subject.i + 1 : min(len(doc), subject.i + 9)]:
        if token.text in ("--", "—", "–", "―"):
            # "RENO, Nev. (AP) — ...", "KHARKIV, Ukraine — Governor X said": after the dash.
            after = [c for c in token_children(subject) if c.dep_ == "appos" and c.i > token.i]
            return after[0] if after else None
        if not (token.is_punct or token.pos_ in ("PROPN", "NUM")):
            break  # "NEW YORK, Nov. 19 (UPI) —" may carry a date
    return subject


def misparsed_subject(cue: Token) -> Token | None:
    """A subject the parser hung elsewhere: "About 4 in 10 say ...", "Majorities of
    Democrats ... going to the polls Tuesday say ..." (under a participle before the cue).
    """
    for child in cue.lefts:
        if child.dep_ == "nummod" and child.pos_ == "NUM":
            return child
        if child.dep_ == "advcl" and child.tag_ == "VBG":
            subject = child_with(child, ("nsubj",))
            if subject is not None and subject.i < child.i:
                return subject
    # "During a meeting in Cedar Rapids, Iowa, Rubio told ...": the name right before the
    # cue, swallowed by a fronted phrase.
    before = cue.doc[cue.i - 1] if cue.i > 0 else None
    if (
        cue.dep_ == "ROOT"
        and before is not None
        and before.ent_type_ in ("PERSON", "ORG")
        and before.dep_ in ("pobj", "appos", "conj", "npadvmod")
    ):
        return before
    return None


def set_off_tag(cue: Token) -> bool:
    """ "And, Kasich tells the crowd, he has been known to be tough": a tag between
    commas that the parser made the complement of the clause it interrupts."""
    if cue.dep_ != "ccomp" or cue.head.i < cue.i or child_with(cue, ("nsubj",)) is None:
        return False
    doc = cue.doc
    first, last = cue.left_edge.i, cue.right_edge.i
    while first < cue.i and doc[first].dep_ in ("cc", "punct"):
        first += 1  # "And, Kasich tells ...": the conjunction opens the sentence
    if last + 1 >= len(doc) or doc[last + 1].text != ",":
        return False
    return first > 0 and doc[first - 1].text == ","


def between_commas(cue: Token) -> bool:
    """Is the cue's phrase set off by commas on both sides ("It was, he said, one ...")?"""
    doc = cue.doc
    first, last = cue.left_edge.i, cue.right_edge.i
    while first < cue.i and doc[first].is_punct:
        first += 1  # the parser may hang the commas on the tag itself
    while last > cue.i and doc[last].is_punct:
        last -= 1
    if first == 0 or last + 1 >= len(doc):
        return False
    return doc[first - 1].text == "," and doc[last + 1].text in (",", ";")


def coordinated_after(head: Token, cue: Token) -> set[int]:
    """The clauses coordinated with ``head`` after the tag ("..., as the Times reported,
    and he will help"): another statement, not part of what the tag reports."""
    end = cue.right_edge.i
    found: set[int] = set()
    for child in token_children(head):
        if child.i > end and child.dep_ in ("cc", "conj"):
            found |= subtree_ids(child)
    return found
