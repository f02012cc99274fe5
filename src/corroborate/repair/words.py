"""Word-level repairs: glued words and untranslated fragments.

Glued words come from scraping (an inline link or tag boundary loses its space) and
from machine translation. Three shapes are repaired, each by inserting one space:

* a known head with a function word glued on ("publicationin" -> "publication in"),
  accepted only when the glued form itself is not an English word;
* a lower-case word glued to a capitalised one ("theKremlin" -> "the Kremlin");
* a sentence end glued to the next sentence ("attack.The" -> "attack. The").

Untranslated fragments are bracketed words that are not English (removed when they
are common words of another language, flagged otherwise) and standalone words that
are rare in English but common in another language (flagged only).

Word frequencies come from ``wordfreq`` on the Zipf scale (0 = not in the word list,
3 = about one per million words, 7 = "the"). Lookups are cached because an article
repeats its words; other languages' lists are loaded only when a rare token needs
them, and their small lists suffice since only common foreign words matter.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from wordfreq import get_frequency_list, zipf_frequency

from corroborate.models import Repair

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

_TAIL_LENGTHS = tuple(sorted({len(tail) for tail in GLUE_TAILS}))

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
    frequency = float(zipf_frequency(word.lower(), "en"))
    _drop_word_lists()
    return frequency


@lru_cache(maxsize=65536)
def foreign_zipf(word: str) -> tuple[float, str]:
    """The highest Zipf frequency of ``word`` among the foreign languages, and where."""
    lowered = word.lower()
    best, best_language = 0.0, ""
    for language in FOREIGN_LANGUAGES:
        frequency = float(zipf_frequency(lowered, language, wordlist="small"))
        if frequency > best:
            best, best_language = frequency, language
    _drop_word_lists()
    return best, best_language


def _drop_word_lists() -> None:
    """Let go of the word lists wordfreq read, once it has made its look-up tables.

    wordfreq keeps each list it reads twice: as the lists of words of the file, and as
    the dictionary it looks words up in. The lists are no longer used, and they hold
    millions of strings that every full collection of the cycle collector walks.
    """
    if get_frequency_list.cache_info().currsize:
        get_frequency_list.cache_clear()


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


def mostly_english(words: list[str]) -> bool:
    """``english_share(words) >= 0.5``, stopping as soon as half the words are known."""
    considered = [w for w in words if len(w) >= 2]
    known = 0
    for word in considered:
        if english_zipf(word) >= ENGLISH_WORD_ZIPF:
            known += 1
            if 2 * known >= len(considered):
                return True
    return not considered


_CHUNK = re.compile(r"\S+")
_CORE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_OPENERS = "\"'“”‘’«»„([{<*_"
_CLOSERS = "\"'“”‘’«»)]}>*_.,;:!?…"
# Signs that a chunk is a URL, an e-mail address, a handle or a hashtag.
_NOT_PROSE = re.compile(r"://|www\.|@|#|/|\\|_|\.[a-z]{2,}(?:/|$)")
_CAMEL = re.compile(r"([a-z]{2,})([A-Z][a-z]{2,})")
_SENTENCE_GLUE = re.compile(r"(?<=[^\W\d_][a-z])(?:[.!?]+|…)[\"”’»)\]]?(?=[A-Z][a-z])")
_BRACKETED = re.compile(r"\[([^\[\]\n]{1,60})\](?!\()")
_BRACKET_WORDS = re.compile(
    r"\s*[^\W\d_]+(?:['’-][^\W\d_]+)*(?:\s+[^\W\d_]+(?:['’-][^\W\d_]+)*){0,3}\s*"
)

# Untranslated words: rare in English, common elsewhere, and clearly more so.
_FOREIGN_MAX_ENGLISH = 2.0
_FOREIGN_MIN_ZIPF = 4.0
_FOREIGN_MIN_MARGIN = 3.0
# A capitalised word may be a name that is a common word elsewhere ("Baza", "Rada"),
# so only very common foreign words are flagged there (adverbs, conjunctions).
_FOREIGN_MIN_ZIPF_CAPITALISED = 6.0
_FOREIGN_MIN_MARGIN_CAPITALISED = 3.5
_BRACKET_MAX_ENGLISH = 2.5
# Typos such as "ofthe" are in the word list, but never as a common word.
_FUNCTION_PAIR_MAX_ZIPF = 3.5
_BRACKET_FOREIGN_MIN_ZIPF = 3.0


def find_word_repairs(text: str) -> list[Repair]:
    """Glued-word and untranslated-fragment repairs in ``text``, sorted by start."""
    repairs = _bracketed_fragments(text)
    brackets = _Spans([(r.start, r.end) for r in repairs])
    words: list[tuple[int, str]] = []  # bare words, the bulk of a text: kept as tuples
    chunks: list[_Chunk] = []
    for match in _CHUNK.finditer(text):
        if repairs and brackets.overlaps(match.start(), match.end()):
            continue
        word = match.group()
        if word.isalpha():
            words.append((match.start(), word))
        else:
            chunk = _chunk_of(text, match.start(), word)
            if chunk is not None:
                chunks.append(chunk)
    cores = sorted(words + [core for chunk in chunks for core in chunk.cores])
    standalone = {core for _, core in cores}
    split_cache: dict[str, int | None] = {}
    for start, word in words:
        if word not in split_cache:  # a text repeats most of its words
            split_cache[word] = glue_split(word, standalone)
        split = split_cache[word]
        if split is not None:
            repairs.append(_insert_spaces(text, [(start, start + len(word))], [start + split]))
    for chunk in chunks:
        points = list(chunk.sentence_breaks)
        involved = [(chunk.start, chunk.end)] if points else []
        for start, core in chunk.cores:
            if core not in split_cache:  # a text repeats most of its words
                split_cache[core] = glue_split(core, standalone)
            split = split_cache[core]
            if split is not None:
                points.append(start + split)
                involved.append((start, start + len(core)))
        if points:
            repairs.append(_insert_spaces(text, involved, points))
    glued = _Spans([(r.start, r.end) for r in repairs])
    repairs.extend(_foreign_words(text, cores, glued))
    return sorted(repairs, key=lambda r: (r.start, r.end))


@dataclass(slots=True)
class _Chunk:
    """A whitespace-delimited stretch of prose, without its quotes and punctuation."""

    start: int
    end: int
    cores: list[tuple[int, str]]
    sentence_breaks: list[int]


def _chunk_of(text: str, position: int, word: str) -> _Chunk | None:
    """A stretch that is not a bare word: its words without quotes, and glued sentences."""
    if _NOT_PROSE.search(word):
        return None
    left = len(word) - len(word.lstrip(_OPENERS))
    right = len(word.rstrip(_CLOSERS))
    if right <= left:
        return None
    start = position + left
    stripped = word[left:right]
    breaks = [start + m.end() for m in _SENTENCE_GLUE.finditer(stripped)]
    cores: list[tuple[int, str]] = []
    piece_start = start
    for piece_end in [*breaks, start + right - left]:
        piece = text[piece_start:piece_end]
        trimmed = piece.rstrip(_CLOSERS)
        core = _core_of(trimmed.lstrip(_OPENERS))
        if core is not None:
            offset = len(trimmed) - len(trimmed.lstrip(_OPENERS)) + core[0]
            cores.append((piece_start + offset, core[1]))
        piece_start = piece_end
    return _Chunk(start, start + right - left, cores, breaks)


def _core_of(piece: str) -> tuple[int, str] | None:
    """The word to judge in a piece of a chunk, with its offset in the piece."""
    if piece.isalpha():
        return 0, piece
    # Hyphenated compounds are judged by their last part ("pro-Kremlinand").
    if "-" in piece and _CORE.fullmatch(piece):
        head, _, last = piece.rpartition("-")
        if last.isalpha():
            return len(head) + 1, last
    return None


def _insert_spaces(text: str, involved: list[tuple[int, int]], points: list[int]) -> Repair:
    start = min(s for s, _ in involved)
    end = max(e for _, e in involved)
    parts: list[str] = []
    position = start
    for point in sorted(set(points)):
        parts.append(text[position:point])
        position = point
    parts.append(text[position:end])
    return Repair("glued_word", start, end, text[start:end], " ".join(parts))


class _Spans:
    """Sorted, non-overlapping spans, queried for overlap in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_left(self._starts, end) - 1
        return index >= 0 and self._spans[index][1] > start


def glue_split(core: str, standalone: set[str] | frozenset[str] = frozenset()) -> int | None:
    """Where to insert a space in a glued token, or None if it is not glued.

    ``standalone`` holds the other words of the text: a name that also occurs on its
    own ("Fontanka") supports splitting it off a glued form ("Fontankaand").
    """
    if len(core) < 4 or not core.isalpha():
        return None
    camel = _CAMEL.fullmatch(core)
    if camel is not None:
        head = camel.group(1)
        if english_zipf(head) >= COMMON_HEAD_ZIPF and english_zipf(core) == 0:
            return len(head)
        return None
    if not (core.islower() or core.istitle() or core.isupper()):
        return None
    lowered = core.lower()
    glued_zipf = english_zipf(lowered)
    if glued_zipf >= _FUNCTION_PAIR_MAX_ZIPF:
        return None  # a common word, whatever it ends with
    best: tuple[float, int, int] | None = None
    # The word's endings of each tail length, looked up: two tails of one length cannot
    # both end the word, so the order of the candidates cannot change the best one.
    for length in _TAIL_LENGTHS:
        tail = lowered[-length:]
        if len(lowered) - length < 2 or tail not in GLUE_TAILS:
            continue
        head = lowered[:-length]
        if head in PRONOMINAL_HEADS or _suffix_like(head, tail):
            continue
        head_zipf = _accepted_head(core, head, tail, glued_zipf, standalone)
        if head_zipf is None:
            continue
        candidate = (head_zipf, len(tail), len(head))
        if best is None or candidate > best:
            best = candidate
    return None if best is None else best[2]


def _accepted_head(
    core: str, head: str, tail: str, glued_zipf: float, standalone: set[str] | frozenset[str]
) -> float | None:
    """The head's frequency if ``head + tail`` is a glued pair, else None."""
    head_zipf = english_zipf(head)
    if head in FUNCTION_HEADS and tail in DETERMINER_TAILS:
        return head_zipf
    short_tail = len(tail) <= 2
    # Names often end in a short common word plus "-in", "-and", "-has" ("Markin",
    # "Samand", "Sinhas"), so a capitalised token needs a longer head.
    shortest_head = (5 if short_tail else 4) if core.istitle() else 3
    if glued_zipf > 0 or len(head) < shortest_head:
        return None
    if head_zipf >= (COMMON_HEAD_ZIPF_SHORT_TAIL if short_tail else COMMON_HEAD_ZIPF):
        return head_zipf
    # A capitalised head that is no common word is likely a name: accept it with a
    # longer tail when the name is attested in some word list or elsewhere in the text.
    if core.istitle() and tail in NAME_GLUE_TAILS:
        name = core[: len(head)]
        if head_zipf > 0 or foreign_zipf(head)[0] > 0 or name in standalone:
            return head_zipf
    return None


def _suffix_like(head: str, tail: str) -> bool:
    """Junctions that usually are a word's own ending, not glue."""
    return (tail == "and" and head.endswith("l")) or (tail == "by" and head.endswith("b"))


def _bracketed_fragments(text: str) -> list[Repair]:
    """Bracketed words that are not English: removed if foreign, flagged if unknown.

    Removing keeps the sentence parseable; the repair record keeps the words.
    """
    repairs: list[Repair] = []
    removed_up_to = 0
    for match in _BRACKETED.finditer(text):
        inner = match.group(1)
        if not _BRACKET_WORDS.fullmatch(inner):
            continue
        words = re.findall(r"[^\W\d_]+", inner)
        if any(english_zipf(w) >= _BRACKET_MAX_ENGLISH for w in words):
            continue
        start, end = match.span()
        if all(_clearly_foreign(w) for w in words):
            start, end = _with_one_space(text, start, end, removed_up_to)
            repairs.append(Repair("untranslated", start, end, text[start:end], ""))
            removed_up_to = end
        elif inner.strip()[0].islower() and all(english_zipf(w) == 0 for w in words):
            # Unknown everywhere: flag it. A capitalised one is taken for a name that
            # an editor inserted ("[Budanov]").
            repairs.append(Repair("untranslated", start, end, text[start:end], None))
    return repairs


def _clearly_foreign(word: str) -> bool:
    foreign, _ = foreign_zipf(word)
    return foreign >= _BRACKET_FOREIGN_MIN_ZIPF and foreign - english_zipf(word) >= 2.0


def _with_one_space(text: str, start: int, end: int, floor: int) -> tuple[int, int]:
    """Widen a removal by one adjacent space so no double space is left behind.

    The space before is taken, so that a run of fragments goes with its spaces; at the
    start of a line the space after. ``floor`` ends the previous removal.
    """
    if start - 1 >= floor and text[start - 1] in " \t":
        return start - 1, end
    if (start == 0 or text[start - 1] == "\n") and end < len(text) and text[end] in " \t":
        return start, end + 1
    return start, end


def _foreign_words(text: str, cores: list[tuple[int, str]], taken: _Spans) -> list[Repair]:
    """Standalone untranslated words, adjacent ones merged into one flag."""
    spans: list[tuple[int, int]] = []
    for start, core in cores:
        end = start + len(core)
        # Most words are English: that is asked first, the overlap only of foreign ones.
        if not _looks_foreign(text, start, core) or taken.overlaps(start, end):
            continue
        if spans and text[spans[-1][1] : start].strip(" \t") == "":
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return [Repair("untranslated", s, e, text[s:e], None) for s, e in spans]


def _looks_foreign(text: str, start: int, core: str) -> bool:
    if not core.isascii():
        latin = [is_latin_letter(c) for c in core if c.isalpha()]
        if not any(latin):
            return True  # another script (Cyrillic, Arabic, ...) in an English text
        if not all(latin):
            return False
    if core.isupper():
        return False
    english = english_zipf(core)
    if english >= _FOREIGN_MAX_ENGLISH:
        return False
    if core.islower():
        minimum, margin = _FOREIGN_MIN_ZIPF, _FOREIGN_MIN_MARGIN
    elif core.istitle() and _sentence_initial(text, start):
        minimum, margin = _FOREIGN_MIN_ZIPF_CAPITALISED, _FOREIGN_MIN_MARGIN_CAPITALISED
    else:
        return False  # a capitalised word inside a sentence is taken for a name
    foreign, _ = foreign_zipf(core)
    return foreign >= minimum and foreign - english >= margin


def _sentence_initial(text: str, start: int) -> bool:
    position = start - 1
    while position >= 0 and text[position] in " \t\"'“”‘’«»„([":
        position -= 1
    return position < 0 or text[position] in "\n.!?…:"
