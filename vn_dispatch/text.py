"""Small text utilities shared by all stages: folding, lines with offsets, value cleaning.

``fold`` maps each character of NFC text to exactly one character (lower case, diacritics and
tone marks removed, đ -> d), so offsets in the folded string are offsets in the original. All
keyword matching runs on folded text; all values are cut from the original. This is what makes
"Kính gửi", "Kinh gui", "KÍNH GỬI", "Kính gởi" and "hoà"/"hòa" match the same patterns.
(``unidecode`` would also strip marks but may change string length, which would break spans.)
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex


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
    table[0x2013] = "-"
    table[0x2014] = "-"
    table[0x2212] = "-"
    table[0x00A0] = " "
    return table


_FOLD_TABLE = _build_fold_table()


def fold(s: str) -> str:
    """Fold for matching, keeping length: ``fold("Kính gửi: Bộ Y tế")`` -> ``"kinh gui: bo y te"``."""
    if len(s) <= 160:
        return _fold_short(s)
    return s.translate(_FOLD_TABLE)


@lru_cache(maxsize=16384)
def _fold_short(s: str) -> str:
    # short strings (cells, words, titles) are folded again and again: cache them
    return s.translate(_FOLD_TABLE)


_WS = regex.compile(r"\s+")
_EMPH = regex.compile(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}")


def clean(s: str) -> str:
    """Collapse whitespace, drop Markdown emphasis markers and surrounding blanks."""
    return " ".join(s.replace("**", "").split())


_TRAIL = regex.compile(r"[\s;,.:]+$")
_LEAD_BULLET = regex.compile(r"^[\s\-–—+•*·◦●▪■>~_=]+")


def strip_item(s: str) -> str:
    """An item of a list without its bullet and trailing ``; , .``: ``"- Như trên;"`` -> ``"Như trên"``."""
    s = clean(s)
    s = _LEAD_BULLET.sub("", s)
    s = _TRAIL.sub("", s)
    return s.strip()


class Line:
    """One line of the normalised text with its offsets: ``text == doc[start:end]``.

    A plain slotted class (not a frozen dataclass): documents have hundreds of lines and the
    constructor runs for each of them.
    """

    __slots__ = ("index", "start", "end", "text", "folded", "blank")

    def __init__(self, index: int, start: int, end: int, text: str, folded: str) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.folded = folded
        self.blank = not text or text.isspace()

    def __repr__(self) -> str:
        return f"Line({self.index}, {self.start}, {self.end}, {self.text!r})"

    @property
    def stripped(self) -> str:
        return self.text.strip()

    def span_of_content(self) -> tuple[int, int]:
        lead = len(self.text) - len(self.text.lstrip())
        trail = len(self.text) - len(self.text.rstrip())
        return (self.start + lead, self.end - trail)


def split_lines(text: str, folded: str) -> list[Line]:
    """Split normalised text into ``Line`` objects with offsets (no line keeps its ``\\n``)."""
    lines: list[Line] = []
    pos = 0
    n = len(text)
    i = 0
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        lines.append(Line(i, pos, end, text[pos:end], folded[pos:end]))
        i += 1
        if nl == -1:
            break
        pos = nl + 1
    return lines


def is_upper_text(s: str, min_letters: int = 2) -> bool:
    """True when the letters of ``s`` are (almost) all upper case: ``"SỞ THÔNG TIN"``."""
    letters = [c for c in s if c.isalpha()]
    if len(letters) < min_letters:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper >= 0.8 * len(letters)
