"""Small questions asked of a dependency parse while attribution frames are read."""

from spacy.tokens import Span, Token

from corroborate.nlp.frames import token_children


def verb_like(token: Token) -> bool:
    """A verb, or a cue the tagger took for a noun ("..., AFP reports.")."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    deps = {c.dep_ for c in token_children(token)}
    return token.dep_ == "ROOT" and ("nsubj" in deps or ("compound" in deps and "ccomp" in deps))


def child_with(token: Token, deps: tuple[str, ...]) -> Token | None:
    for child in token_children(token):
        if child.dep_ in deps:
            return child
    return None


def agent_of(cue: Token) -> Token | None:
    by = child_with(cue, ("agent",))
    return child_with(by, ("pobj",)) if by is not None else None


def of_object(head: Token) -> Token | None:
    for prep in token_children(head):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return child_with(prep, ("pobj",))
    return None


def antecedent(sent: Span, relative: Token) -> Token | None:
    """The noun a relative pronoun ("according to whom") points back to."""
    for token in reversed(sent.doc[sent.start : relative.i]):
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound", "amod"):
            return token
    return None


def that_clause_below(cue: Token) -> Token | None:
    """A "that"-clause hanging off a phrase of the cue ("says in a statement that ...")."""
    for token in cue.subtree:
        if token.i <= cue.i or token.dep_ not in ("acl", "ccomp", "advcl", "relcl"):
            continue
        if token.head.i != cue.i and token.head.pos_ not in ("NOUN", "PROPN"):
            continue
        if _introduced_by_that(token):
            path = token.head
            while path.i != cue.i and path.lemma_.lower() not in ("say", "tell"):
                if path.pos_ == "VERB":
                    break
                path = path.head
            if path.i == cue.i:
                return token
    return None


def _introduced_by_that(clause: Token) -> bool:
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in token_children(clause)):
        # A relative clause has no complementiser: "said during a conference that he may
        # wait" hung on "conference" is the complement of "said".
        return True
    if clause.dep_ != "relcl":
        return False
    # "said during the debate that he is in favour": parsed as a relative clause whose
    # "that" is an object, although the clause has its own subject and cannot take one.
    children = list(token_children(clause))
    that = next((c for c in children if c.lower_ == "that" and c.i < clause.i), None)
    if that is None or that.dep_ not in ("dobj", "nsubj"):
        return False
    has_subject = any(c.dep_ == "nsubj" and c.i != that.i for c in children)
    if that.dep_ == "nsubj":
        # "said in its assessment that footage showed ...": a clause with a subject of its
        # own cannot take "that" for another one.
        return has_subject
    return has_subject and clause.lemma_ == "be"


def is_infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token_children(token))


def subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}
