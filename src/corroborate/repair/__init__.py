"""The repair stage: undo what scraping and machine translation break.

:func:`repair_text` returns a :class:`RepairedText`: the text used for analysis,
the repairs made (offsets into the original), the caption and heading ranges kept
out of the news body, and an exact map from repaired offsets back to the original.
"""

from corroborate.repair.layout import count_sentences, is_caption, is_heading
from corroborate.repair.text import RepairedText, repair_text
from corroborate.repair.words import glue_split

__all__ = [
    "RepairedText",
    "count_sentences",
    "glue_split",
    "is_caption",
    "is_heading",
    "repair_text",
]
