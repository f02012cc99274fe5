"""Where one report sits inside or beside another in a sentence.

Reporters stack and set reports side by side: "X happened, officials said, AFP
reported" (AFP relays the officials), "X said A, while Y said B" (two reports, neither
inside the other), "..., contradicting the ministry's account" (the reporter's own gloss),
"said the drones were destroyed and did not mention any damage" (the speaker's own act).
These helpers trim or widen a cue's content so that it holds what its source said.
"""

from spacy.tokens import Token

from corroborate.nlp.dependency import child_with, subtree_ids
from corroborate.nlp.frames import token_children, token_words
from corroborate.nlp.lexicon import Lexicon

_CONTRAST_MARKS = {"while", "whereas", "whilst", "though", "although"}
# Participles by which a reporter sets a claim against others ("..., contradicting X").
_GLOSSES = {"contradict", "echo", "contrast", "undermine", "mirror", "reverse", "challenge"}


def is_gloss(verb: Token) -> bool:
    """ "..., contradicting the ministry's account": a participle by which the reporter, not
    the speaker, sets one claim against another."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_.lower() in _GLOSSES


def is_inner_tag(child: Token, lex: Lexicon) -> bool:
    """A reporting verb set as a parenthetical below another cue ("..., officials said,")."""
    return child.dep_ == "parataxis" and child.lemma_.lower() in lex.cue_verbs


def relayed_report(cue: Token, lex: Lexicon) -> set[int] | None:
    """ "X happened, officials said, AFP reported": AFP reports the whole earlier report."""
    for child in token_children(cue):
        if is_inner_tag(child, lex) and child.i < cue.i and child_with(child, ("ccomp",)):
            return subtree_ids(child)
    return None


def with_inner_tags(cue: Token, content: set[int], lex: Lexicon) -> set[int]:
    """The content widened over an inner tag it surrounds: what the outer teller reports
    includes who told it."""
    for child in token_children(cue):
        if is_inner_tag(child, lex) and content and min(content) < child.i < cue.i:
            content = content | subtree_ids(child)
    return content


def before_later_tag(head: Token, cue: Token, content: set[int], lex: Lexicon) -> set[int]:
    """For a tag inside a clause that a later tag closes ("..., officials said, AFP
    reported"), only the words before the inner tag are its content."""
    if cue.dep_ != "parataxis":
        return content  # "As X reported, Y refused ...": the as-clause opens the content
    if head.lemma_.lower() in lex.cue_verbs and child_with(head, ("nsubj",)) is not None:
        before = {i for i in content if i < min(subtree_ids(cue))}
        return before or content
    return content


def closing_tag_clause(cue: Token, lex: Lexicon) -> Token | None:
    """ "Officials said X, Reuters reported." parsed with "reported" as the complement of
    "said" and X as the complement of "reported": the cue is a tag closing the sentence.
    Returns X, the clause it was hung on."""
    head = cue.head
    if cue.dep_ != "ccomp" or head.i >= cue.i or head.lemma_.lower() not in lex.cue_verbs:
        return None
    clause = next((c for c in token_children(cue) if c.dep_ == "ccomp" and c.i < cue.i), None)
    if clause is None or not any(t.text == "," for t in cue.doc[clause.i : cue.i]):
        return None
    after = [t for t in head.subtree if t.i > cue.i and t.head.i != cue.i]
    return clause if all(t.is_punct or t.is_space for t in after) else None


# Nouns by which a reporter restates a claim in apposition: "..., a claim Ukraine denied".
_CLAIM_NOUNS = {"claim", "assertion", "allegation", "account", "version", "statement", "report"}


def glossed_claim(cue: Token) -> set[int] | None:
    """ "X had captured the village, a claim Ukraine denied": what the appositive noun
    restates, which the relative clause's subject (Ukraine) denied or confirmed."""
    noun = cue.head
    if cue.dep_ != "relcl" or noun.lemma_.lower() not in _CLAIM_NOUNS:
        return None
    first = noun.left_edge.i
    if noun.dep_ not in ("appos", "npadvmod") or first == 0 or noun.doc[first - 1].text != ",":
        return None
    subject = child_with(cue, ("nsubj",))
    if subject is None or subject.tag_ in ("WDT", "WP"):
        return None
    clause = noun.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.pos_ not in ("VERB", "AUX"):
        return None
    return subtree_ids(clause) - _with_comma_before(noun)


def tag_after_apposition(cue: Token) -> tuple[set[int], Token] | None:
    """ "X happened, the Finnish broadcaster Yle reports, citing Y." parsed with the
    broadcaster as an apposition inside the report and "Yle reports" as its relative
    clause: the cue is a tag closing the sentence. Returns what it reports and the noun
    the tag hangs on (where "citing Y" is found)."""
    if cue.dep_ != "relcl":
        return None
    subject = child_with(cue, ("nsubj",))
    noun = cue.head
    if subject is None or subject.tag_ in ("WDT", "WP") or noun.dep_ != "appos":
        return None
    if noun.lemma_.lower() in _CLAIM_NOUNS:
        return None  # "..., a claim Ukraine denied": a gloss on the claim, not its teller
    doc = cue.doc
    start = noun.left_edge.i
    if start == 0 or doc[start - 1].text != "," or noun.head.i > start:
        return None
    root = noun
    while root.head.i != root.i:
        root = root.head
    after = doc[noun.right_edge.i + 1 : root.right_edge.i + 1]
    if any(not (t.is_punct or t.is_space) for t in after):
        return None
    return {i for i in subtree_ids(root) if i < start - 1}, noun


def set_beside(cue: Token, content: set[int], lex: Lexicon) -> set[int]:
    """Token indices in ``content`` that are not what the cue's source said: another
    speaker's report set beside it, the reporter's gloss, or the speaker's own act."""
    doc = cue.doc
    deps = token_words(doc).deps
    dropped: set[int] = set()
    for i in content:
        if deps[i] not in ("advcl", "conj", "relcl"):
            continue  # every case below is an adverbial, relative or conjoined clause
        verb = doc[i]
        lemma = verb.lemma_.lower()
        if verb.dep_ == "relcl" and glossed_claim(verb) is not None:
            dropped |= _with_comma_before(verb.head)  # "..., a claim Ukraine denied"
            continue
        if is_gloss(verb):
            # "..., contradicting the ministry's account": the reporter's gloss.
            dropped |= _with_comma_before(verb)
            continue
        own_act = (
            verb.dep_ == "conj"
            and verb.head.i in content
            and lemma in lex.cue_verbs
            and child_with(verb, ("nsubj",)) is None
        )
        if own_act:
            # "said the drones were destroyed and did not mention any damage": the
            # speaker's own act, joined to what was said by the parser.
            conj = [c.i for c in token_children(verb.head) if c.dep_ == "cc" and c.i < verb.i]
            dropped |= subtree_ids(verb) | set(conj[-1:])
            continue
        contrasted = (
            verb.dep_ == "advcl"
            and lemma in lex.cue_verbs
            and any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in token_children(verb))
            and child_with(verb, ("nsubj",)) is not None
        )
        if contrasted:
            # "X said A, while Y said B": Y's report is set beside X's, not inside it.
            dropped |= _with_comma_before(verb)
    return dropped


def _with_comma_before(verb: Token) -> set[int]:
    """The phrase of ``verb`` (a clause or a noun) with the comma that sets it off."""
    clause = subtree_ids(verb)
    comma = min(clause) - 1
    return clause | ({comma} if comma >= 0 and verb.doc[comma].text == "," else set())
