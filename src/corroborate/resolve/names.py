"""Name keys that fold spelling and transliteration variants together.

"Jusov" and "Yusov", "Baranovski" and "Baranowski" and "Барановский", "Тьоткіно" and
"Tyotkino", "«Baza»" and "Baza" get the same key, so that one source written three ways
is one source. A key is for comparing, not for showing: "Zelenskyy" becomes "zelenski".

How a key is made:

1. everything is transliterated to ASCII (anyascii), lower-cased;
2. a possessive ending goes ("Legion's" -> "legion"); a soft sign or Ukrainian apostrophe
   written as ' before a vowel reads as "y" (T'otkino -> tyotkino), elsewhere it goes;
3. punctuation and hyphens become spaces, a leading article goes;
4. each word is folded: w -> v, j -> y, a Ukrainian-style h -> g (not inside kh, zh, sh,
   ch, th, ph, gh), kh -> h, ks -> x, tz -> ts, yo/ye -> e, y -> i, ie -> e, doubled
   letters and doubled zh/sh/ch/ts once. So -sky/-ski/-skiy/-skyi/-skij/-skii, final
   -iy/-yi/-ij and Ukrainian y/Russian i all meet;
5. a short table maps well-known exonyms and spelling variants to one form
   (Kiev -> Kyiv, Kharkov -> Kharkiv, Dnepr -> Dnipro, defense -> defence, ...).

Not folded on purpose: a rename is not a spelling (Artemovsk/Bakhmut stay apart, and are
covered by aliases), Bilhorod is not Belgorod, "c" is not "ts" (Crimea), "zh" is not "z",
and Finnish case endings ("Venäjän") are not stripped, since a general rule would eat the
ends of Slavic names; a Finnish form is covered by writing it as an alias.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

_LEADING = ("the ", "a ", "an ")
# A possessive: "Legion's", "Russia’s", "forces'"; the lookahead keeps the "'s'k" of a
# transliterated soft sign ("Podil's'kyi") intact.
_POSSESSIVE = re.compile(r"(?<=[a-z])'s(?=[\s,.;:!?)\]\"]|$)|(?<=s)'(?=[\s,.;:!?)\]\"]|$)")
# A soft sign or apostrophe between a consonant and a vowel is a "y" sound: Тьоткіно is
# transliterated T'otkino and means the same as Tyotkino.
_SOFT_BEFORE_VOWEL = re.compile(r"(?<=[bcdfghklmnpqrstvwxz])'(?=[aeiou])")
# Left-over apostrophes sit inside words (Zelens'kyi, Luhans'k): they go without a gap.
_APOSTROPHE = re.compile(r"['`]")
_DROP = re.compile(r"[\"“”‘’«»„<>()\[\]{}.,:;!?/\\|*#_~+=&\-–—]")
# Ukrainian transliteration writes г as h, Russian as g: Luhansk/Lugansk, Ihnat/Ignat.
# An h that is part of a digraph (kh, zh, sh, ch, th, ph, gh) is left alone.
_LONE_H = re.compile(r"(?<![kzscptgr])h")
_DOUBLE_LETTER = re.compile(r"(.)\1+")
_DOUBLE_DIGRAPH = re.compile(r"(zh|sh|ch|ts)\1+")
_DIGITS = re.compile(r"\d+")

# Pairs (variant, preferred) compared after folding; multi-word variants are allowed.
_VARIANTS: tuple[tuple[str, str], ...] = (
    # Russian-era exonyms of Ukrainian places (spellings of one name, not renames).
    ("Kiev", "Kyiv"),
    ("Kiew", "Kyiv"),
    ("Kharkov", "Kharkiv"),
    ("Odessa", "Odesa"),
    ("Nikolaev", "Mykolaiv"),
    ("Zaporozhye", "Zaporizhzhia"),
    ("Lugansk", "Luhansk"),
    ("Dnepr", "Dnipro"),
    ("Dnieper", "Dnipro"),
    ("Dnepropetrovsk", "Dnipropetrovsk"),
    ("Chernigov", "Chernihiv"),
    ("Lvov", "Lviv"),
    ("Rovno", "Rivne"),
    ("Ternopol", "Ternopil"),
    ("Chernovtsy", "Chernivtsi"),
    ("Vinnitsa", "Vinnytsia"),
    ("Ivano-Frankovsk", "Ivano-Frankivsk"),
    ("Kremenchug", "Kremenchuk"),
    ("Krivoy Rog", "Kryvyi Rih"),
    ("Slavyansk", "Sloviansk"),
    ("Gorlovka", "Horlivka"),
    ("Volchansk", "Vovchansk"),
    ("Avdeyevka", "Avdiivka"),
    # British and American spellings.
    ("defense", "defence"),
    ("center", "centre"),
    ("organization", "organisation"),
    ("mechanized", "mechanised"),
    ("armored", "armoured"),
    ("gray", "grey"),
)


def _fold_word(word: str) -> str:
    word = word.replace("w", "v").replace("j", "y")
    word = _LONE_H.sub("g", word)
    word = word.replace("kh", "h").replace("ks", "x").replace("tz", "ts")
    word = word.replace("yo", "e").replace("ye", "e")
    word = word.replace("y", "i").replace("ie", "e")
    word = _DOUBLE_DIGRAPH.sub(r"\1", word)
    return _DOUBLE_LETTER.sub(r"\1", word)


def _base_key(name: str) -> str:
    text = anyascii(name).lower()
    text = _POSSESSIVE.sub("", text)
    text = _SOFT_BEFORE_VOWEL.sub("y", text)
    text = _APOSTROPHE.sub("", text)
    text = " ".join(_DROP.sub(" ", text).split())
    for prefix in _LEADING:
        if text.startswith(prefix):
            text = text[len(prefix) :]
    return " ".join(_fold_word(word) for word in text.split())


def _variant_table() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for variant, preferred in _VARIANTS:
        old, new = _base_key(variant), _base_key(preferred)
        if old != new:
            table[old] = new
    alternatives = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in alternatives) + r")\b")
    return pattern, table


_VARIANT_PATTERN, _VARIANT_TABLE = _variant_table()


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A key equal for spelling variants of one name; empty for an empty name."""
    key = _base_key(name)
    return _VARIANT_PATTERN.sub(lambda m: _VARIANT_TABLE[m.group(0)], key)


def same_name(a: str, b: str) -> bool:
    """Same person or body: equal keys, or one is the other's last word (a surname)."""
    return same_key(name_key(a), name_key(b))


def same_key(ka: str, kb: str) -> bool:
    """:func:`same_name` of two names given by their :func:`name_key`."""
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if len(short) <= 3 or " " in short or not long_.endswith(short):
        return False
    return long_.split()[-1] == short


def names_one_party(a: str, b: str) -> bool:
    """Do two names stand for one party? Same name, or every word of one is in the other
    ("Defence Ministry", "Russian Ministry of Defence"; "Legion", "Freedom of Russia Legion")."""
    if same_name(a, b):
        return True
    words_a, words_b = set(name_key(a).split()), set(name_key(b).split())
    shorter, longer = sorted((words_a, words_b), key=len)
    return bool(shorter) and shorter <= longer


_FINAL_POSSESSIVE = re.compile(r"(?<=\w)['’]s$")


@lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """A name as written, without quotes, a leading article or a possessive ending."""
    for mark in ("“", "”", '"', "«", "»", "„"):
        text = text.replace(mark, "")
    text = text.replace(" ’s", "").replace(" 's", "")
    text = _FINAL_POSSESSIVE.sub("", text.strip())  # "the Defence Ministry's" (statement)
    words = text.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words).strip(" ,")


# Below this length two keys one or two letters apart are usually different names
# (Azov/Azot, Sumy/Sami, Lavrov/Lavrin), so short keys are never matched fuzzily.
MIN_FUZZY_LENGTH = 7


def close_keys(ka: str, kb: str, threshold: float = 90) -> bool:
    """Two name keys close enough to be one name misspelt, and not look-alikes.

    Equal keys are close. Otherwise both keys must be at least ``MIN_FUZZY_LENGTH`` long,
    start with the same letter, differ in length by at most two, carry the same numbers
    ("47th" is not "41st"), and neither may be the other plus an ending (Pokrovsk and
    Pokrovske are two towns, Ivanov and Ivanova two people); then their similarity
    (rapidfuzz ``fuzz.ratio``, 0-100) must reach ``threshold``.
    """
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if min(len(ka), len(kb)) < MIN_FUZZY_LENGTH:
        return False
    if ka[0] != kb[0] or abs(len(ka) - len(kb)) > 2:
        return False
    if _DIGITS.findall(ka) != _DIGITS.findall(kb):
        return False
    if ka.startswith(kb) or kb.startswith(ka):
        return False
    return fuzz.ratio(ka, kb) >= threshold


def fuzzy_same(a: str, b: str, threshold: float = 90) -> bool:
    """Same name allowing a small misspelling, with a guard against look-alike names.

    "Stoltenberg" and "Stoltenbreg" are the same; "Belgorod" and "Beograd", "Azov" and
    "Azot", "Gladkov" and "Glazkov" are not. See :func:`close_keys` for the rule.
    """
    return close_keys(name_key(a), name_key(b), threshold)
