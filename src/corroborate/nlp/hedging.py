"""Hedging and certainty of each claim, FactBank-style.

Certainty is what the *writer* commits to: "claimed", "allegedly", "reportedly", "is
said to" and the reportative conditional "would (have)" that machine translation from
Finnish, German and other languages produces leave it underspecified; "may", "might",
"could" make it possible; "probably", "likely" make it probable. Polarity is negative
when the content's main verb is negated.
"""

from spacy.language import Language
from spacy.tokens import Doc, Span

from corroborate.models import Certainty
from corroborate.nlp.frames import ClaimFrame, register_extensions
from corroborate.nlp.lexicon import Lexicon, load_lexicon

_PROBABLE_ADVERBS = {"probably", "likely", "presumably"}
_POSSIBLE_ADVERBS = {"possibly", "perhaps", "maybe"}


@Language.factory(
    "corroborate_hedging_v1",
    assigns=["doc._.claims"],
    requires=["doc._.claims", "token.lemma", "token.dep"],
)
def make_hedging(nlp: Language, name: str) -> "Hedging":
    register_extensions()
    return Hedging(load_lexicon())


class Hedging:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def __call__(self, doc: Doc) -> Doc:
        claims: list[ClaimFrame] = doc._.claims or []
        for claim in claims:
            content = doc.char_span(*claim.content, alignment_mode="expand")
            if content is None:
                continue
            self.assess(claim, content)
        return doc

    def assess(self, claim: ClaimFrame, content: Span) -> None:
        cues: list[str] = []
        certainty: Certainty = "certain"
        if claim.cue_lemma in self.lex.distancing_cues:
            cues.append(claim.cue_lemma or "")
            certainty = "underspecified"
        negated = False
        for token in content:
            lower = token.lower_
            if token.dep_ == "neg" and token.head == content.root:
                negated = True
            if lower in self.lex.hedge_adverbs:
                cues.append(lower)
                if lower in _POSSIBLE_ADVERBS:
                    certainty = _weaker(certainty, "possible")
                elif lower in _PROBABLE_ADVERBS:
                    certainty = _weaker(certainty, "probable")
                else:
                    certainty = _weaker(certainty, "underspecified")
            elif token.tag_ == "MD" and token.dep_ == "aux":
                if lower == "would":
                    cues.append(lower)
                    certainty = _weaker(certainty, "underspecified")
                elif lower in self.lex.possible_modals:
                    cues.append(lower)
                    certainty = _weaker(certainty, "possible")
            elif (
                lower == "to"
                and token.i > 1
                and token.doc[token.i - 1].lemma_.lower() in self.lex.raising_verbs
                and token.doc[token.i - 2].lemma_ == "be"
            ):
                cues.append(f"is {token.doc[token.i - 1].lower_} to")
                certainty = _weaker(certainty, "underspecified")
        claim.hedge_cues = sorted(set(cues), key=cues.index)
        claim.hedged = bool(cues)
        claim.certainty = certainty
        denied = (claim.cue_lemma or "") in self.lex.denial_verbs
        claim.polarity = "negative" if negated != denied else "positive"


_ORDER: list[Certainty] = ["certain", "probable", "possible", "underspecified"]


def _weaker(a: Certainty, b: Certainty) -> Certainty:
    return a if _ORDER.index(a) >= _ORDER.index(b) else b
