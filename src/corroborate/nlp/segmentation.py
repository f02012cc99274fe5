"""Sentence boundaries at line breaks and after datelines, before the parser runs.

News text from scrapers puts captions, headings and paragraphs on lines of their own;
the statistical parser sometimes glues a bare heading to the next sentence. A newline
is a hard boundary in this genre, so we set it before the parser, which respects
boundaries that are already set. A dateline opening a paragraph ("MOSCOW, April 16
(Interfax) -") ends where the story begins; it is set apart the same way and left out
of what the other components read, so the city is never taken for a speaker.
"""

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from corroborate.nlp.datelines import dateline_end
from corroborate.nlp.frames import doc_text, register_extensions


@Language.factory(
    "corroborate_line_breaks_v1",
    assigns=["token.is_sent_start"],
    requires=[],
)
def make_line_breaks(nlp: Language, name: str) -> "LineBreaks":
    register_extensions()
    return LineBreaks()


class LineBreaks:
    """Start a sentence at the first token after any whitespace token with a newline.

    A newline is never a token's trailing whitespace (that is one space at most), so only
    whitespace tokens can hold one; they are found from the token table, not token by token.
    """

    def __call__(self, doc: Doc) -> Doc:
        spaces: list[int] = doc.to_array(IS_SPACE).tolist()
        text = doc_text(doc)  # the text the Doc was made from, not joined from its tokens
        after_break = False
        for i, space in enumerate(spaces):
            if space:
                if not after_break and "\n" in doc[i].text:
                    after_break = True
                continue
            if i == 0 or after_break:
                if i > 0:
                    doc[i].is_sent_start = True
                self._set_dateline_apart(doc, text, doc[i].idx)
                after_break = False
        return doc

    @staticmethod
    def _set_dateline_apart(doc: Doc, text: str, line_start: int) -> None:
        end = dateline_end(text, line_start)
        if end is None:
            return
        dateline = doc.char_span(line_start, end, alignment_mode="expand")
        if dateline is None or dateline.end >= len(doc):
            return
        for token in dateline[1:]:
            token.is_sent_start = False
        doc[dateline.end].is_sent_start = True
        doc._.excluded = [*(doc._.excluded or []), (line_start, end)]
