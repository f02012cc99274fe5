"""The reporter's own verification statements, and the claims they qualify.

"The information could not be independently confirmed", "Neither side's claims have
been verified", "Reuters could not immediately get a comment from Russian officials":
these are not claims about the events but about the evidence. Each statement qualifies
either every claim of the article (when it says so: "neither side", "none of the
claims") or the claims just before it (its paragraph, else the previous one).
"""

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from corroborate.nlp.frames import (
    ClaimFrame,
    VerificationFrame,
    doc_sents,
    doc_text,
    in_excluded,
    register_extensions,
    span_text,
)
from corroborate.nlp.lexicon import Lexicon, load_lexicon

_ARTICLE_SCOPE = re.compile(
    r"\b(neither side|none of (the|these|their) (claims|reports)|either side|both sides|"
    r"all (the|of the|these) claims|the claims of (both|either))",
    re.IGNORECASE,
)
_NEGATORS = {"not", "n't", "never", "neither", "nor", "no", "cannot", "unable", "impossible"}
_INCAPABLE = {"unable", "impossible"}
_SAY_LEMMAS = {"say", "tell", "add", "note", "state", "report", "write"}


@Language.factory(
    "corroborate_verification_v1",
    assigns=["doc._.verifications", "doc._.claims"],
    requires=["doc._.claims", "token.lemma", "token.dep"],
)
def make_verification(nlp: Language, name: str) -> "Verification":
    register_extensions()
    return Verification(load_lexicon())


class Verification:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        # Word stems that every verification statement contains; most sentences have none.
        stems = [w[:5] for w in (*lexicon.verify_verbs, *lexicon.status_words)] + ["comment"]
        self.hint = re.compile("|".join(sorted(set(map(re.escape, stems)))))

    def __call__(self, doc: Doc) -> Doc:
        claims: list[ClaimFrame] = doc._.claims or []
        found: list[VerificationFrame] = []
        for sent in doc_sents(doc):
            if in_excluded(doc, sent.start_char, sent.end_char):
                continue
            found.extend(self._statements(sent))
        for statement in found:
            _link(doc, statement, claims)
            for claim in claims:
                if claim.content[0] <= statement.span[0] < claim.content[1] or (
                    statement.span[0] <= claim.content[0] < statement.span[1]
                ):
                    claim.kind = "verification_status"
                    claim.status = statement.status
        doc._.verifications = found
        return doc

    def _statements(self, sent: Span) -> list[VerificationFrame]:
        found: list[VerificationFrame] = []
        text = span_text(sent)
        lowered = text.lower()
        if not self.hint.search(lowered):
            return found
        for token in sent:
            lemma = token.lemma_.lower()
            status: str | None = None
            if (
                lemma in self.lex.verify_verbs and _negated(token)
            ) or token.lower_ in self.lex.status_words:
                status = "unconfirmed"
            elif lemma in ("get", "obtain", "reach", "respond", "reply", "return", "comment") and (
                _negated(token) and "comment" in lowered
            ):
                status = "no comment"
            if status is None:
                continue
            top = _clause_top(token)
            span = _clause_span(sent, top)
            if any(f.span[0] <= span[0] < f.span[1] for f in found):
                continue
            statement = text[span[0] - sent.start_char : span[1] - sent.start_char]
            scope = "article" if _ARTICLE_SCOPE.search(statement) else "preceding"
            found.append(VerificationFrame(span=span, status=status, scope=scope))
        return found


def _negated(token: Token) -> bool:
    words = {c.lower_ for c in token.children if c.dep_ in ("neg", "aux", "auxpass", "det")}
    heads = [token, *[a for a in token.ancestors][:2]]
    for head in heads:
        # "acomp": "It was impossible to verify ..."
        words |= {
            c.lower_ for c in head.children if c.dep_ in ("neg", "nsubj", "nsubjpass", "acomp")
        }
        words |= {
            t.lower_ for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
        }
    # "was unable to verify", "failed to confirm": the verb hangs below its negation.
    incapable = any(h.lower_ in _INCAPABLE or h.lemma_.lower() == "fail" for h in heads[1:])
    return bool(words & _NEGATORS) or token.lower_.startswith("un") or incapable


def _clause_top(token: Token) -> Token:
    """Climb from the verification verb to the clause the reporter wrote."""
    top = token
    while top.dep_ in ("xcomp", "aux") or (
        top.dep_ == "ccomp" and top.head.lemma_.lower() in _SAY_LEMMAS
    ):
        top = top.head
    return top


def _clause_span(sent: Span, top: Token) -> tuple[int, int]:
    """The top verb's subtree without conjoined clauses ("..., and Reuters could not ...")."""
    skip: set[int] = set()
    for child in top.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            skip |= {t.i for t in child.subtree}
        elif child.dep_ == "cc" and any(
            c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in top.children
        ):
            skip.add(child.i)
    ids = [t.i for t in top.subtree if t.i not in skip]
    start, end = min(ids), max(ids)
    doc = sent.doc
    while end > start and ((doc[end].is_punct and doc[end].text != ".") or doc[end].is_space):
        end -= 1
    return doc[start].idx, doc[end].idx + len(doc[end])


def _paragraph_start(text: str, pos: int) -> int:
    cut = text.rfind("\n", 0, pos)
    return cut + 1 if cut >= 0 else 0


def _link(doc: Doc, statement: VerificationFrame, claims: list[ClaimFrame]) -> None:
    statement.qualifies = _qualified(doc, statement, claims)
    if statement.status != "unconfirmed":
        return
    for i in statement.qualifies:
        claims[i].status = claims[i].status or "unconfirmed"


def _qualified(doc: Doc, statement: VerificationFrame, claims: list[ClaimFrame]) -> list[int]:
    if statement.scope == "article":
        return list(range(len(claims)))
    start = statement.span[0]
    before = [i for i, c in enumerate(claims) if c.content[1] <= start]
    if not before:
        return []
    text = doc_text(doc)
    paragraph = _paragraph_start(text, start)
    same = [i for i in before if claims[i].content[0] >= paragraph]
    if same:
        return same
    previous_paragraph = _paragraph_start(text, claims[before[-1]].content[0])
    return [i for i in before if claims[i].content[0] >= previous_paragraph]
