"""Attribution frames: a cue, its source and its content, as token indices.

A frame is what one cue says about one sentence; :mod:`corroborate.nlp.attribution`
decides which frames are claims, which relay others, and which are part of another
speaker's words, then turns them into character ranges here (:func:`trim`).
"""

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from corroborate.nlp.dependency import subtree_ids
from corroborate.nlp.frames import token_children, token_words

EDGE_PUNCT = {",", ";", ":", ".", "—", "–", "-", "(", ")", "!", "?"}


def is_question(text: str) -> bool:
    """Does the sentence ask (a question mark before any closing quotation marks)?"""
    return text.rstrip(' \n\t"”’»').endswith("?")


@dataclass
class Frame:
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


def same_speaker(outer: Frame, inner: Frame) -> bool:
    return (
        outer.source_head is not None
        and inner.source_head is not None
        and outer.source_head.i == inner.source_head.i
    )


def encloses(outer: Frame, inner: Frame) -> bool:
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


def heads_content(outer: Frame, inner: Frame) -> bool:
    """Is ``inner`` what ``outer`` says, rather than an aside deep inside it?

    "X reports that Y said Z" and "According to Y, Z, X reports" relay Y's claim; in
    "X said A, amounting to what Y said was B" or "X said A, and Y replied B" both speak.
    """
    heads = token_words(inner.cue[0].doc).heads
    roots = {i for i in outer.content if heads[i] not in outer.content or heads[i] == i}
    cue = inner.cue[0]
    if cue.i in roots:
        return True
    subject = inner.source_head
    if cue.dep_ == "advcl" and cue.head.i in roots and subject is not None:
        # "Fighters allied with Ukraine claimed ..., Reuters reported", parsed with the claim
        # below "allied": the claim whose subject was taken from its head heads the content.
        return subject.head.i == cue.head.i
    return inner.cue_lemma == "according to" and cue.head.i in roots


_CLOSING_QUOTES = {"”", '"', "’", "''", "»"}
_OPENING_MARKS = {"“", '"', "‘", "«", "``", "''"}
# Dependents by which a verb says something of its own rather than tags a quotation.
_OBJECTS = {"dobj", "ccomp", "xcomp", "attr", "oprd"}


def quote_tag(sent: Span, cue: Token) -> tuple[set[int], Token] | None:
    """'..., ” Viguerie adds.' when the parser did not hang the quote on the cue.

    Only the source stands between the cue and the closing quotation mark, or right
    after the cue ('..., ” said Pavone, a spokesman.'); what follows is an adjunct
    ('..., ” he wrote last October', '..., ” she said, adding ...'), never an object of
    the cue. The quote is the content.
    """
    doc = sent.doc
    after = [t for t in doc[cue.i + 1 : sent.end] if not t.is_space]
    if any(c.dep_ in _OBJECTS and c.i > cue.i for c in token_children(cue)):
        return None
    before = list(doc[max(sent.start, cue.i - 10) : cue.i])
    quote_at = next((t.i for t in reversed(before) if t.text in _CLOSING_QUOTES), None)
    subject = next((c for c in token_children(cue) if c.dep_ == "nsubj" and c.i < cue.i), None)
    if quote_at is None and subject is not None:
        # A long apposition on the name: the quotation closes right before the subject.
        first = min(t.i for t in subject.subtree)
        mark = next((t for t in reversed(doc[sent.start : first]) if not t.is_space), None)
        if mark is not None and mark.text in _CLOSING_QUOTES:
            quote_at = mark.i
    if quote_at is None:
        return _tag_sentence(sent, cue, after)
    between = [t for t in doc[quote_at + 1 : cue.i] if not t.is_space]
    name_after = []
    for token in after:
        if token.text in (",", ".", "(", "—", "–") or token.is_sent_end:
            break
        name_after.append(token)
    names = [t for t in between or name_after if not t.is_punct]
    if subject is not None and len(names) > 6 and subject.i > quote_at:
        # '“...,” Trump, the 2016 front-runner ... in South Carolina, said': a long apposition.
        names = [subject]
    if not names or len(names) > 6 or any(t.pos_ in ("VERB", "AUX") for t in names):
        return None  # a short name, maybe with a party tag: 'Rep. Elijah E. Cummings (D-Md.)'
    nominal = [t for t in names if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not nominal:
        return None
    head = next((t for t in nominal if t.head.i not in {n.i for n in names}), nominal[-1])
    content = {i for i in range(sent.start, quote_at) if not doc[i].is_space}
    if all(doc[i].is_punct for i in content) and sent.start > 0:
        # ',” Ms. Moore said.' split off by the parser: the quotation is the sentence before.
        previous = doc[sent.start - 1].sent
        if is_question(previous.text) or "\n" in previous.text:
            return None
        content = {t.i for t in previous if not t.is_space}
    if sum(1 for i in content if not doc[i].is_punct) < 2:
        return None
    return content, head


def _tag_sentence(sent: Span, cue: Token, after: list[Token]) -> tuple[set[int], Token] | None:
    """'“... in trouble!” / one person tweeted.': a tag the parser made a sentence of its own.

    The sentence is only a short name and the cue (and adjuncts), and the sentence before
    it, in the same paragraph, ends with a closing quotation mark: that quotation is the
    content. A question is no content.
    """
    doc = sent.doc
    if sent.start == 0 or cue.i - sent.start > 7:
        return None
    previous = doc[sent.start - 1].sent
    last = [t for t in previous if not t.is_space]
    if not last or last[-1].text not in _CLOSING_QUOTES or "\n" in previous.text:
        return None
    if is_question(previous.text):
        return None
    names = [t for t in doc[sent.start : cue.i] if not t.is_punct and not t.is_space]
    if not names:  # '“...!” said Pavone, a spokesman.'
        names = []
        for token in after:
            if token.text in (",", ".", "(", "—", "–") or token.is_sent_end:
                break
            if not token.is_punct:
                names.append(token)
    if not names or len(names) > 6 or any(t.pos_ in ("VERB", "AUX") for t in names):
        return None
    nominal = [t for t in names if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not nominal:
        return None
    head = next((t for t in nominal if t.head.i == cue.i), nominal[-1])
    content = {t.i for t in previous if not t.is_space}
    if sum(1 for i in content if not doc[i].is_punct) < 2:
        return None
    return content, head


_COLON_SPEAKERS = ("PERSON", "ORG", "NORP", "GPE")


def colon_frame(sent: Span, colon: Token) -> Frame | None:
    """ "Pollster Daron Shaw: “...”": a named speaker, a colon, and what they said."""
    doc = sent.doc
    if colon.i == sent.start or colon.i + 3 >= sent.end:
        return None
    speaker = doc[colon.i - 1]
    if speaker.ent_type_ not in _COLON_SPEAKERS or speaker.ent_iob_ == "":
        return None
    if speaker.ent_type_ == "GPE" and all(t.ent_type_ == "GPE" for t in doc[sent.start : colon.i]):
        return None  # "Ukraine: three killed": a place heading the line, not a speaker
    if any(t.pos_ in ("VERB", "AUX") and t.i > colon.i - 4 for t in doc[sent.start : colon.i]):
        return None  # "... he said:" is a verb frame; "the list includes:" is not speech
    content = {t.i for t in doc[colon.i + 1 : sent.end] if not t.is_space}
    if sum(1 for i in content if not doc[i].is_punct) < 3:
        return None
    return Frame(cue=[colon], source_head=speaker, content=content, cue_lemma=":")


def cue_phrase(frame: Frame) -> set[int]:
    ids = {t.i for t in frame.cue}
    if frame.cue_lemma == "according to" and frame.source_head is not None:
        ids |= subtree_ids(frame.source_head)
    elif frame.source_head is not None and frame.source_head.i > frame.cue[0].i:
        # Inverted "..., says Baza": the name, not a clause on it ("said a staffer, who
        # said he left on good terms" has a second claim).
        head = frame.source_head
        ids |= {t.i for t in head.subtree if t.dep_ not in ("relcl", "acl") or t.head != head}
        for clause in (c for c in token_children(head) if c.dep_ in ("relcl", "acl")):
            ids -= subtree_ids(clause)
    return ids


def trim(doc: Doc, content: set[int], frame: Frame) -> tuple[int, int] | None:
    """The content's character range: its contiguous run around the clause, edges cleaned."""
    if not content:
        return None
    # An "according to X" phrase in the middle of its own clause is parenthetical:
    # the content runs over it ("Ukraine did, according to X, several attacks").
    bridge = cue_phrase(frame)
    if frame.cue[0].dep_ == "parataxis" and frame.source_head is not None:
        tag = subtree_ids(frame.cue[0])
        bridge = set(range(min(tag), max(tag) + 1))
    table = token_words(doc)
    puncts, spaces, texts = table.puncts, table.spaces, table.texts
    words = [i for i in content if not puncts[i] and not spaces[i]]
    if bridge and words and min(words) < min(bridge) and max(bridge) < max(words):
        content = content | bridge
    ordered = sorted(content)
    # Keep the longest contiguous run: content never jumps over the source and cue.
    runs: list[list[int]] = [[ordered[0]]]
    for i in ordered[1:]:
        if i == runs[-1][-1] + 1 or (i == runs[-1][-1] + 2 and puncts[i - 1]):
            runs[-1].append(i)
        else:
            runs.append([i])
    run = max(runs, key=len)
    start, end = run[0], run[-1]
    while start <= end and (spaces[start] or texts[start] in EDGE_PUNCT):
        start += 1
    # One complementiser goes ("said that ..."); a condition after it stays ("that, if ...").
    if (
        start <= end
        and table.lowers[start] in ("that", "whether")
        and table.deps[start] in ("mark", "dobj")
    ):
        start += 1
        while start <= end and (spaces[start] or texts[start] in EDGE_PUNCT):
            start += 1
    # "... the investigation and": a coordination cut off by another speaker's frame.
    while end >= start and (spaces[end] or texts[end] in EDGE_PUNCT or table.deps[end] == "cc"):
        end -= 1
    start, end = _unquote(texts, spaces, start, end)
    kept: list[int] = []
    for i in range(start, end + 1):
        if not puncts[i]:
            kept.append(i)
            if len(kept) == 2:
                break
    quoted = start > 0 and texts[start - 1] in _OPENING_MARKS
    if not kept or (len(kept) == 1 and table.poses[kept[0]] != "PROPN" and not quoted):
        # One word says nothing, unless it names whom ("endorsed Trump") or is quoted
        # ('Ryan said, “Sure. ...”').
        return None
    return doc[start].idx, doc[end].idx + len(texts[end])


_QUOTE_MARKS = _OPENING_MARKS | _CLOSING_QUOTES


def _unquote(texts: list[str], spaces: list[bool], start: int, end: int) -> tuple[int, int]:
    """Drop quotation marks at the edges that pair with nothing inside the content:
    '“It was terrible.”' loses both, 'freed from “Putin's dictatorship”' keeps its own.

    ``texts`` and ``spaces`` are the Doc's token texts and whitespace flags."""
    while start < end:
        head = texts[start] in _QUOTE_MARKS
        tail = texts[end] in _QUOTE_MARKS
        if not (head or tail):
            break
        inner = [texts[i] in _QUOTE_MARKS for i in range(start + 1, end)]
        if head and tail and not any(inner):
            start, end = start + 1, end - 1
        elif head and not any(inner) and not tail:
            start += 1
        elif tail and not any(inner) and not head:
            end -= 1
        else:
            break
        while start <= end and (spaces[start] or texts[start] in EDGE_PUNCT):
            start += 1
        while end >= start and (spaces[end] or texts[end] in EDGE_PUNCT):
            end -= 1
    return start, end
