"""Speech recognised by its quotation marks rather than by its verb.

A reporter varies the verb of a quote tag ("he continued", "she joked", "Stone
quipped"), and no lexicon lists them all. The punctuation of a tag says it is speech:
a quotation that ends in a comma right before the verb ('“...,” Carson continued.'), or a
verb that introduces a quotation after a comma or colon ('He continued, “...”'). A cue
verb ending its sentence in a colon ("Reporter Jomana Karadsheh says:") introduces the
next sentence when that sentence opens with a quotation mark.
"""

from spacy.tokens import Span, Token

from corroborate.nlp.cue_frames import Frame, is_question, quote_tag
from corroborate.nlp.frames import token_children

OPENING_QUOTES = {"“", '"', "‘", "«", "``", "''"}
_CLOSING_QUOTES = {"”", '"', "’", "''", "»"}
_TAG_PUNCT = {",", "!", "—"}
# Dependents that make a verb more than a tag: it does something to something. (A
# clausal complement is allowed: the parser often hangs the quotation there.)
_OBJECTS = {"dobj", "xcomp", "attr", "acomp", "oprd", "dative", "pobj"}


def _tag_verb(verb: Token, before: int | None = None) -> bool:
    """A verb that only tags: no object or complement of its own (before ``before``,
    where a quotation it introduces may begin)."""
    if verb.pos_ != "VERB" or verb.tag_ in ("VBG", "VBN"):
        return False
    limit = len(verb.doc) if before is None else before
    if any((c.dep_ in _OBJECTS and c.i < limit) or c.dep_ == "neg" for c in token_children(verb)):
        return False
    return verb.dep_ in ("ROOT", "parataxis", "ccomp", "conj")


def trailing_tag(sent: Span, verb: Token) -> tuple[set[int], Token] | None:
    """'“The first loser would be us,” he continued.': the quotation before the tag."""
    if not _tag_verb(verb):
        return None
    found = quote_tag(sent, verb)
    if found is None:
        return None
    content, head = found
    doc = sent.doc
    closing = max(content) + 1
    if closing >= len(doc) or doc[closing].text not in _CLOSING_QUOTES:
        return None
    if doc[closing - 1].text not in _TAG_PUNCT:
        return None  # '“Enough” was the word he continued with' is no tag
    opening = [i for i in content if doc[i].text in OPENING_QUOTES]
    if not opening:
        return None
    return {i for i in content if i > min(opening)}, head


def leading_tag(sent: Span, verb: Token) -> tuple[set[int], Token] | None:
    """'He continued, “I believe it is about repairing the damage.”'."""
    doc = sent.doc
    if not _tag_verb(verb, before=min(verb.i + 3, sent.end)):
        return None
    marks = [t.text for t in doc[sent.start : verb.i] if t.text in OPENING_QUOTES | _CLOSING_QUOTES]
    straight = sum(1 for m in marks if m in ('"', "''"))
    if straight % 2 or marks.count("“") > marks.count("”"):
        return None  # the verb stands inside a quotation: "''... slipped,'' he said"
    subject = next((c for c in token_children(verb) if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > verb.i:
        return None
    after = [t for t in doc[verb.i + 1 : min(sent.end, verb.i + 4)] if not t.is_space]
    if len(after) < 2 or after[0].text not in (",", ":") or after[1].text not in OPENING_QUOTES:
        return None
    content = {t.i for t in doc[after[1].i + 1 : sent.end] if not t.is_space}
    words = sum(1 for i in content if not doc[i].is_punct)
    closed = any(doc[i].text in _CLOSING_QUOTES for i in content)
    if words < 3 and (closed or words == 0):
        return None  # 'Ryan said, “Sure. ...”': a short first sentence of a longer quote
    return content, subject


def next_sentence_content(sent: Span, cue: Token) -> set[int] | None:
    """ "Reporter Jomana Karadsheh says:" followed by a quotation in the next sentence."""
    doc = sent.doc
    last = [t for t in sent if not t.is_space]
    if len(last) < 2 or last[-1].text != ":" or last[-2].i != cue.i:
        return None
    following = [t for t in doc[sent.end : min(len(doc), sent.end + 200)] if not t.is_space]
    if not following or following[0].text not in OPENING_QUOTES:
        return None
    # The parser may leave the opening quotation mark as a sentence of its own.
    words = [t for t in following[:4] if not t.is_punct]
    if not words:
        return None
    content = {t.i for t in doc[following[0].i : words[0].sent.end] if not t.is_space}
    if sum(1 for i in content if not doc[i].is_punct) < 3:
        return None
    return content


def quote_frame(sent: Span, verb: Token) -> Frame | None:
    """A frame for a verb outside the cue lexicon that tags a quotation."""
    found = trailing_tag(sent, verb) or leading_tag(sent, verb)
    if found is None:
        return None
    content, head = found
    aux = [c for c in token_children(verb) if c.dep_ in ("aux", "auxpass")]
    return Frame(cue=[verb, *aux], source_head=head, content=content, cue_lemma=verb.lemma_.lower())


# Entity types that name a place or a time: "Kherson: three killed" is a dateline.
_NOT_SPEAKERS = {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"}


def line_speaker_frame(
    sent: Span, colon: Token, speaker_nouns: frozenset[str], headings: frozenset[str]
) -> Frame | None:
    """ "Graham: Trump's rhetoric destroying GOP", "TAPPER: And obviously, ...".

    A line that opens with a short name and a colon gives the rest of the line to that
    name: a headline that quotes someone, or a turn of a transcript. The name has no
    verb, and is a person's or body's name or a noun for speakers ("Poll:",
    "Insiders:"), never a place or a time.
    """
    doc = sent.doc
    start = sent.start
    while start < colon.i and (doc[start].is_space or doc[start].text in OPENING_QUOTES):
        start += 1
    if not _opens_line(sent) or not 0 < colon.i - start <= 6:
        return None
    name = list(doc[start : colon.i])
    if any(t.pos_ in ("VERB", "AUX") or (t.is_punct and t.text != ".") for t in name):
        return None
    head = name[-1]
    if head.ent_type_ in _NOT_SPEAKERS or len(head.text) < 2 or head.like_num:
        return None
    if any(t.lower_ in headings for t in name):
        return None  # "CORRECTION:", "UPDATE:": the paper speaks, and says nothing disputed
    if any(t.pos_ == "ADP" for t in name):
        return None  # "Warren To Wells Fargo CEO: ..." names the one spoken to
    # A title-case heading is all proper nouns to the tagger: a name must be one to NER,
    # or a transcript's capitals ("TAPPER:").
    named = head.ent_type_ in ("PERSON", "ORG", "NORP") or (head.is_upper and head.is_alpha)
    # "Sanders: Clinton needs to ...": one capitalised word the recogniser missed, before
    # a clause of its own.
    lone_name = (
        len(name) == 1
        and head.is_title
        and head.is_alpha
        and len(head.text) > 2
        and head.ent_type_ == ""
        and any(t.pos_ in ("VERB", "AUX") for t in doc[colon.i + 1 : sent.end])
    )
    if not (named or lone_name) and head.lemma_.lower() not in speaker_nouns:
        return None
    end = sent.end
    if not any(not t.is_space for t in doc[colon.i + 1 : sent.end]) and end < len(doc):
        # The parser may end the sentence at the colon: the turn goes on after it.
        turn = doc[end].sent
        if "\n" in doc[colon.i + 1 : end + 1].text or is_question(turn.text):
            return None
        end = turn.end
    content = {t.i for t in doc[colon.i + 1 : end] if not t.is_space}
    if sum(1 for i in content if not doc[i].is_punct) < 3:
        return None
    return Frame(cue=[colon], source_head=head, content=content, cue_lemma=":")


def _opens_line(sent: Span) -> bool:
    doc = sent.doc
    if sent.start == 0:
        return True
    before = doc[sent.start - 1]
    return "\n" in before.text or "\n" in before.whitespace_


DASHES = {"―", "—", "–", "--"}


def dash_frame(sent: Span, dash: Token) -> Frame | None:
    """ "“Donald Trump scares me. ...” ― Krystal Correa": a quotation signed by a dash.

    The dash follows the closing quotation mark, and only a short name follows the dash
    to the end of the line. The quotation may run over several sentences of the line.
    """
    doc = sent.doc
    before = dash.i - 1
    while before >= 0 and doc[before].is_space and "\n" not in doc[before].text:
        before -= 1
    if before < 0 or doc[before].text not in _CLOSING_QUOTES:
        return None
    name = []
    for token in doc[dash.i + 1 : min(len(doc), dash.i + 8)]:
        if "\n" in token.text or (token.is_space and "\n" in token.whitespace_):
            break
        name.append(token)
    words = [t for t in name if not t.is_space]
    if not 0 < len(words) <= 5 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    if not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in words):
        return None
    # The quotation opens the line (inner quotation marks may stand in between; a
    # typist's ” may open it).
    opening = before - 1
    while opening > 0 and "\n" not in doc[opening - 1].text:
        opening -= 1
    while opening < before and doc[opening].is_space:
        opening += 1
    if doc[opening].text not in OPENING_QUOTES | _CLOSING_QUOTES:
        return None
    content = {i for i in range(opening + 1, before) if not doc[i].is_space}
    if sum(1 for i in content if not doc[i].is_punct) < 3:
        return None
    head = next((t for t in reversed(words) if t.pos_ == "PROPN"), words[-1])
    return Frame(cue=[dash], source_head=head, content=content, cue_lemma="—")
