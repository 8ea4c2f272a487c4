"""Small text utilities shared by all stages: folding, lines with offsets, value cleaning.

``fold`` maps each character of NFC text to exactly one character (lower case, diacritics and
tone marks removed, đ -> d), so offsets in the folded string are offsets in the original. All
keyword matching runs on folded text; all values are cut from the original. This is what makes
"Kính gửi", "Kinh gui", "KÍNH GỬI", "Kính gởi" and "hoà"/"hòa" match the same patterns.
(``unidecode`` would also strip marks but may change string length, which would break spans.)
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ._re import Pattern, rx

_HOMOGLYPHS = "АВЕКМНОРСТУХІЈЅаеорсухіјѕΑΒΕΖΗΙΚΜΝΟΡΤΥΧοι"
_HOMOGLYPHS_LATIN = "abekmhopctyxijsaeopcyxijsabezhikmnoptyxoi"


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    ranges = [(0x00C0, 0x0250), (0x1E00, 0x1F00)]
    for lo, hi in ranges:
        for cp in range(lo, hi):
            ch = chr(cp)
            base = unicodedata.normalize("NFD", ch)[0].lower()
            if len(base) == 1 and base.isascii():
                table[cp] = base
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp).lower()
    for ch in "ĐđÐ":
        table[ord(ch)] = "d"
    # combining marks (NFD input that escaped normalisation) fold to a neutral joiner-free char
    # Cyrillic and Greek capitals and letters that look Latin, typed into symbols by converters
    # and pasted titles ("06/2022/TT-BТС" with a Cyrillic Т and С, Quyết định 372/QĐ-BTC): they
    # fold to the Latin letter, so patterns read them; values are still cut as printed
    for src, to in zip(_HOMOGLYPHS, _HOMOGLYPHS_LATIN, strict=True):
        table[ord(src)] = to
    table[0x2013] = "-"
    table[0x2014] = "-"
    table[0x2212] = "-"
    table[0x00A0] = " "
    return table


_FOLD_TABLE = _build_fold_table()

# ``str.translate`` looks every character of a non-ASCII string up in the dict one by one, which
# costs ~0.5 ms on a dispatch. The charmap codec does the same one-to-one mapping in C: encode
# with a fixed 256-character alphabet (ASCII, the 134 Vietnamese letters, common punctuation) to
# one byte per character, then decode each byte to the fold of its character. Texts with a
# character outside the alphabet take ``str.translate``: the result is the same either way.
_VI_LETTERS = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_ALPHABET = "".join(dict.fromkeys(
    "\x00\t\n\r\x0b\x0c" + "".join(chr(cp) for cp in range(0x20, 0x7F)) + _VI_LETTERS + _VI_LETTERS.upper()
    + "\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u201e\u00a7\u00b0\u2022\u00ab\u00bb\u00d7\u00b7"
    "\u2264\u2265\u2212\u00a9\u00ae"
))
if len(_ALPHABET) > 256:  # pragma: no cover - a guard for whoever extends the alphabet
    raise ImportError("the fold alphabet has more than 256 characters")
_ALPHABET += "".join(chr(0xE000 + i) for i in range(256 - len(_ALPHABET)))  # unused private-use padding
_ENC_MAP = codecs.charmap_build(_ALPHABET)
_DEC_TABLE = _ALPHABET.translate(_FOLD_TABLE)


def fold(s: str) -> str:
    """Fold for matching, keeping length: ``fold("Kính gửi: Bộ Y tế")`` -> ``"kinh gui: bo y te"``."""
    if len(s) <= 160:
        return _fold_short(s)
    try:
        data = codecs.charmap_encode(s, "strict", _ENC_MAP)[0]
    except UnicodeEncodeError:  # a character outside the alphabet
        return s.translate(_FOLD_TABLE)
    return codecs.charmap_decode(data, "strict", _DEC_TABLE)[0]


def folding_to(targets: str) -> frozenset[str]:
    """Every character ``fold`` turns into one of ``targets``: ``folding_to("d")`` holds "d", "D",
    "đ", "Đ", "Ď", ... (a first-character test before a pattern on folded text)."""
    return frozenset(targets) | {chr(cp) for cp, to in _FOLD_TABLE.items() if to in targets}


def alphabet_map_without(pattern: Pattern) -> Any:
    """A charmap-codec map of the fold alphabet minus the characters ``pattern`` matches (swapped
    for unused private-use characters, which ``pattern`` must not match). A text encodes with it
    only when it holds no character ``pattern`` matches, except "\\x00", which the codec needs at
    0 (test it apart): a C-speed test, ~5x cheaper than ``pattern.search`` over a whole text, for
    the common case (clean Vietnamese text) before the search."""
    return alphabet_map_where(lambda c: pattern.match(c) is not None)


def alphabet_map_where(drop: Callable[[str], bool]) -> Any:
    """``alphabet_map_without`` for a predicate: the fold alphabet minus the characters ``drop`` accepts."""
    chars = []
    for i, c in enumerate(_ALPHABET):
        if i and drop(c):
            c = chr(0xE100 + i)
            if drop(c):  # pragma: no cover - a guard for the pattern's author
                raise ValueError("the pattern matches the private-use stand-ins")
        chars.append(c)
    return codecs.charmap_build("".join(chars))


def encodes_with(s: str, enc_map: Any) -> bool:
    """True when every character of ``s`` is in the charmap-codec map ``enc_map``."""
    try:
        codecs.charmap_encode(s, "strict", enc_map)
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=16384)
def _fold_short(s: str) -> str:
    # short strings (cells, words, titles) are folded again and again: cache them
    return s.translate(_FOLD_TABLE)


# the fold alphabet minus its letters without a case (none today: ``is_upper_text`` relies on it
# only through this map, so a caseless letter added to the alphabet stays correct)
_CASED_MAP = alphabet_map_where(lambda c: c.isalpha() and not (c.isupper() or c.islower()))

_WS = rx(r"\s+")
_EMPH = rx(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}")


def clean(s: str) -> str:
    """Collapse whitespace, drop Markdown emphasis markers and surrounding blanks:
    ``" ".join(s.replace("**", "").split())``.

    ``split`` makes one string object per word, which dominates on long stretches (a directive's
    text). When the only blanks are spaces and line breaks (most text), the same result comes from
    a few ``replace`` calls: every whitespace character but the space is non-printable, so
    ``isprintable`` after turning line breaks into spaces says no other blank is left (about 2.5x
    faster on a paragraph; ``tests/test_engine.py`` checks both ways agree).
    """
    r = s.replace("**", "").replace("\n", " ")
    if r.isprintable():
        while "  " in r:
            r = r.replace("  ", " ")
        return r.strip(" ")
    return " ".join(r.split())


# every character ``str.isspace`` (and so ``\s`` of ``re``) accepts, for ``str.strip``
WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
# after ``clean`` the only blank left is " ", so the edges are stripped with ``str.strip`` (a
# pattern ending in "+$" is tried at every position of the string)
_LEAD_BULLET_CHARS = " -–—+•*·◦●▪■>~_=¬`"
_TRAIL_CHARS = " ;,.:-"  # ("Công ty TNHH Mascot Việt Nam. -": a scan's stray dash after the item)


def strip_item(s: str) -> str:
    """An item of a list without its bullet and trailing ``; , .``: ``"- Như trên;"`` -> ``"Như trên"``."""
    r = clean(s).lstrip(_LEAD_BULLET_CHARS)
    if r[:2] == ". ":
        r = r[2:]  # a bullet a scan read as a dot: ". Vu CS, PC, DNL, KK;"
    return r.rstrip(_TRAIL_CHARS).strip()


class Line:
    """One line of the normalised text with its offsets: ``text == doc[start:end]``.

    A plain slotted class (not a frozen dataclass): documents have hundreds of lines and the
    constructor runs for each of them.
    """

    __slots__ = ("index", "start", "end", "text", "folded", "blank", "stripped")

    def __init__(self, index: int, start: int, end: int, text: str, folded: str) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.folded = folded
        # the extractors ask for a line's stripped text about 80 times per document: kept, not
        # recomputed by a property
        self.stripped = text.strip()
        self.blank = not self.stripped

    def __repr__(self) -> str:
        return f"Line({self.index}, {self.start}, {self.end}, {self.text!r})"

    def span_of_content(self) -> tuple[int, int]:
        lead = len(self.text) - len(self.text.lstrip())
        trail = len(self.text) - len(self.text.rstrip())
        return (self.start + lead, self.end - trail)


def split_lines(text: str, folded: str) -> list[Line]:
    """Split normalised text into ``Line`` objects with offsets (no line keeps its ``\\n``)."""
    # ``fold`` keeps "\n" and maps no other character to it, so both texts split at the same offsets
    lines: list[Line] = []
    pos = 0
    for i, (t, f) in enumerate(zip(text.split("\n"), folded.split("\n"))):
        end = pos + len(t)
        lines.append(Line(i, pos, end, t, f))
        pos = end + 1
    return lines


def is_upper_text(s: str, min_letters: int = 2) -> bool:
    """True when the letters of ``s`` are (almost) all upper case: ``"SỞ THÔNG TIN"``.

    Two exact shortcuts before counting letters (``str`` tests stop at the first letter of the
    other case, so a mixed-case line costs little): a text with no upper-case letter
    (``islower``) is not upper text; one with no lower-case letter (``isupper``) whose characters
    are all in the fold alphabet, where every letter has a case, is upper text once it has
    ``min_letters`` letters (``tests/test_engine.py`` checks both against the count).
    """
    if min_letters > 0 and s.islower():
        return False
    if s.isupper() and encodes_with(s, _CASED_MAP):
        k = 0
        for c in s:
            if c.isalpha():
                k += 1
                if k >= min_letters:
                    return True
        return k >= min_letters
    letters = "".join(filter(str.isalpha, s))
    if len(letters) < min_letters:
        return False
    upper = sum(map(str.isupper, letters))
    return upper >= 0.8 * len(letters)


_VOWELS = frozenset("aeiouy")


def has_vowel_word(caps: str, letters: int) -> bool:
    """Whether text in capitals holds a word of at least ``letters`` letters with a vowel: a title
    or a name ("PHÓ CỤC TRƯỞNG", "CỤC THUẾ"), not only unit codes ("TCDN - BTC", "HTQT")."""
    return any(sum(c.isalpha() for c in w) >= letters and not _VOWELS.isdisjoint(fold(w.lower()))
               for w in caps.split())
