"""Word knowledge for the repair stage: word frequencies and closed word lists.

Frequencies come from ``wordfreq`` on the Zipf scale (0 = not in the word list,
3 = about one per million words, 7 = "the"). Lookups are cached because an article
repeats its words. Other languages' lists are loaded only when a rare token needs
them, and the small lists are used since only common foreign words matter.
"""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

# Latin-script languages whose common words turn up untranslated in machine-translated
# news; non-Latin scripts are recognised by their letters instead.
FOREIGN_LANGUAGES = (
    "fi", "sv", "nb", "da", "de", "nl", "fr", "es", "it", "pt",
    "pl", "cs", "sk", "sl", "hu", "ro", "tr", "lt", "lv",
)  # fmt: skip

# Function words that scraping glues onto the end of the previous word. Each must be
# able to follow a noun in running text; suffix-like endings that form real words
# ("-or", "-an", "-as", "-is", "-it", "-her", "-over") are left out on purpose.
GLUE_TAILS = frozenset((
    "in", "on", "at", "to", "of", "by", "for", "from", "with", "into", "onto", "about",
    "after", "against", "during", "through", "between", "and", "but", "that", "which",
    "who", "whom", "whose", "where", "when", "while", "whether", "than", "the", "this",
    "these", "those", "their", "was", "were", "has", "had", "have", "will", "would",
    "said", "they", "not",
))  # fmt: skip

# Tails accepted after a capitalised head that is not itself a common word (a name):
# three letters or more, and none that often ends a name ("-had", "-has", "-was").
NAME_GLUE_TAILS = frozenset((
    "and", "the", "that", "which", "who", "whom", "whose", "with", "from", "for", "into",
    "about", "after", "against", "during", "through", "between", "while", "were", "said",
    "would", "will", "they", "their", "this", "these", "those",
))  # fmt: skip

# A preposition or conjunction glued to a determiner ("ofthe", "inthat") never forms a
# word, even though such typos are frequent enough to be in the word list.
FUNCTION_HEADS = frozenset((
    "of", "in", "on", "at", "to", "for", "by", "from", "with", "and", "that", "is", "was",
    "into", "onto", "but", "as",
))  # fmt: skip
DETERMINER_TAILS = frozenset((
    "the", "this", "that", "these", "those", "their", "which",
))  # fmt: skip

# "therein", "whereby", "hereto": pronominal adverbs are words, however rare.
PRONOMINAL_HEADS = frozenset((
    "here", "there", "where",
))  # fmt: skip

# Minimum frequency of a head that counts as a common word; two-letter tails are
# weaker evidence ("-in", "-on", "-at" end many real words) and need a stronger head.
COMMON_HEAD_ZIPF = 3.0
COMMON_HEAD_ZIPF_SHORT_TAIL = 3.5
# A token at least this frequent in English counts as English.
ENGLISH_WORD_ZIPF = 3.0


@lru_cache(maxsize=65536)
def english_zipf(word: str) -> float:
    """Zipf frequency of ``word`` (any case) in English; 0 when unknown."""
    return float(zipf_frequency(word.lower(), "en"))


@lru_cache(maxsize=65536)
def foreign_zipf(word: str) -> tuple[float, str]:
    """The highest Zipf frequency of ``word`` among the foreign languages, and where."""
    lowered = word.lower()
    best, best_language = 0.0, ""
    for language in FOREIGN_LANGUAGES:
        frequency = float(zipf_frequency(lowered, language, wordlist="small"))
        if frequency > best:
            best, best_language = frequency, language
    return best, best_language


def is_latin_letter(char: str) -> bool:
    """True for letters of the Latin script (with or without diacritics)."""
    if char.isascii():
        return char.isalpha()
    return char.isalpha() and _latin_code_point(ord(char))


def _latin_code_point(code: int) -> bool:
    # Latin-1 Supplement, Latin Extended-A/B, IPA, Latin Extended Additional.
    return 0x00C0 <= code <= 0x024F or 0x1E00 <= code <= 0x1EFF


def english_share(words: list[str]) -> float:
    """Share of ``words`` (two letters or more) that are common English words."""
    considered = [w for w in words if len(w) >= 2]
    if not considered:
        return 1.0
    known = sum(1 for w in considered if english_zipf(w) >= ENGLISH_WORD_ZIPF)
    return known / len(considered)
