"""Sentence boundaries at line breaks, before the parser runs.

News text from scrapers puts captions, headings and paragraphs on lines of their own;
the statistical parser sometimes glues a bare heading to the next sentence. A newline
is a hard boundary in this genre, so we set it before the parser, which respects
boundaries that are already set.
"""

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from corroborate.nlp.frames import register_extensions


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
        after_break = False
        for i, space in enumerate(spaces):
            if space:
                if not after_break and "\n" in doc[i].text:
                    after_break = True
                continue
            if after_break:
                doc[i].is_sent_start = True
                after_break = False
        return doc
