"""Sentence boundaries at line breaks, before the parser runs.

News text from scrapers puts captions, headings and paragraphs on lines of their own;
the statistical parser sometimes glues a bare heading to the next sentence. A newline
is a hard boundary in this genre, so we set it before the parser, which respects
boundaries that are already set.
"""

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
    """Start a sentence at the first token after any whitespace token with a newline."""

    def __call__(self, doc: Doc) -> Doc:
        after_break = False
        for token in doc:
            if token.is_space:
                if "\n" in token.text:
                    after_break = True
                continue
            if token.i > 0 and (after_break or "\n" in doc[token.i - 1].whitespace_):
                token.is_sent_start = True
            after_break = False
        return doc
