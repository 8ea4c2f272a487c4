"""Legacy encodings and broken Unicode: bring archived Vietnamese text to clean NFC.

Archives hold Vietnamese in forms older than (or mangled on the way to) UTF-8 (format-rules 7.6):

- bytes in TCVN3 (ABC, ``.VnTime``) or VNI-Windows (``VNI-Times``) fonts, and the same text after
  a program read those bytes as Windows-1252: ``"Céng hoµ x· héi chñ nghÜa ViÖt Nam"``,
  ``"COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM"``;
- Windows-1258 files (base letter + combining tone);
- mojibake: UTF-8 read as Windows-1252 / Latin-1 (``"Cá»™ng hÃ²a"``) or Mac Roman
  (``"Tr√≠ch xu·∫•t"``);
- UTF-16 read as an 8-bit encoding (a NUL between the letters), and decomposed (NFD) Unicode.

``decode_bytes`` decides the encoding of a file's bytes; ``repair_text`` repairs a ``str`` that was
already decoded (possibly wrongly). Both only convert on strong evidence: the share of tokens that
are valid Vietnamese syllables must rise clearly, so clean Unicode text is never touched. The
legacy character maps are data in ``legacy_tables.py``; ``encode_legacy``/``decode_legacy`` apply
them directly. Nothing here removes diacritics.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Literal

import regex

from .legacy_tables import TCVN3, TCVN3_PDF_ALIASES, VNI
from .text import alphabet_map_without, encodes_with

__all__ = ["decode_bytes", "repair_text", "encode_legacy", "decode_legacy", "LegacyEncoding"]

LegacyEncoding = Literal["tcvn3", "vni"]

# --------------------------------------------------------------------------------------------
# byte <-> character views of the 8-bit code pages


def _byte_chars(codec: str) -> str:
    """256 characters: what each byte decodes to; bytes the code page leaves undefined map to
    the Latin-1 character of the same number (as Windows itself does)."""
    out = []
    for b in range(256):
        try:
            out.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


_CP1252 = _byte_chars("cp1252")
_CP1258 = _byte_chars("cp1258")
_MACROMAN = _byte_chars("mac_roman")


def _from_latin1(chars: str) -> dict[int, str]:
    return {b: c for b, c in enumerate(chars) if chr(b) != c}


_LATIN1_TO_CP1252 = _from_latin1(_CP1252)
_LATIN1_TO_CP1258 = _from_latin1(_CP1258)


def _cp1252_view(data: bytes) -> str:
    """Bytes as a Windows-1252 program shows them (never fails)."""
    return data.decode("latin-1").translate(_LATIN1_TO_CP1252)


def _reverse(chars: str, c1_as_latin1: bool) -> dict[str, int]:
    rev = {c: b for b, c in enumerate(chars)}
    if c1_as_latin1:  # text read as Latin-1 has C1 controls where Windows-1252 has punctuation
        for b in range(0x80, 0xA0):
            rev.setdefault(chr(b), b)
    return rev


_REV_CP1252 = _reverse(_CP1252, c1_as_latin1=True)
_REV_MACROMAN = _reverse(_MACROMAN, c1_as_latin1=False)

# --------------------------------------------------------------------------------------------
# the legacy maps, derived from the tables

_VIET_LETTERS = frozenset(VNI)  # the 134 letters outside ASCII
_CP1252_CHARS = frozenset(_REV_CP1252)
# letters a Windows-1252/Latin-1 reading of legacy bytes can never produce (ă đ ơ ư ạ ấ ...)
_UNICODE_ONLY = frozenset(c for c in _VIET_LETTERS if c not in _CP1252_CHARS)

# the legacy fonts have the Windows punctuation at 0x80-0x9F: undo a Latin-1 reading of it too
_C1_TO_CP1252 = {b: c for b, c in _LATIN1_TO_CP1252.items() if b < 0xA0}
_TCVN3_DECODE: dict[int, str] = {ord(_CP1252[b]): letter for letter, b in TCVN3.items()} | _C1_TO_CP1252
_TCVN3_DECODE.update({ord(k): v for k, v in TCVN3_PDF_ALIASES.items()})
_TCVN3_ONLY = frozenset(chr(k) for k in _TCVN3_DECODE) - _VIET_LETTERS


def _build_vni() -> tuple[dict[str, str], dict[str, str]]:
    pairs: dict[str, str] = {}
    singles: dict[str, str] = {}
    for letter, code in VNI.items():
        seq = code.decode("latin-1")  # all VNI mark bytes are >= 0xC0: Latin-1 == Windows-1252
        (pairs if len(seq) == 2 else singles)[seq] = letter
    # lenient reading: base and mark of different case (the letter takes the base's case),
    # and the i/y marks that VNI writes as one byte typed as base + mark (i + ù, y + ï)
    dot = VNI["ạ"].decode("latin-1")[1]
    extra: dict[str, str] = {}
    for seq, letter in pairs.items():
        for alt in (seq[0].swapcase() + seq[1], seq[0] + seq[1].swapcase()):
            extra[alt] = letter.upper() if alt[0].isupper() else letter.lower()
        if seq[0] in "yY":
            i = "I" if seq[0] == "Y" else "i"
            extra[i + seq[1]] = unicodedata.normalize("NFC", unicodedata.normalize("NFD", letter).replace(seq[0], i))
    for base, mark, letter in (("y", dot, "ỵ"), ("i", dot, "ị")):
        for b in (base, base.upper()):
            for m in (mark, mark.upper()):
                extra[b + m] = letter.upper() if b.isupper() else letter
    for seq, letter in extra.items():
        pairs.setdefault(seq, letter)
    return pairs, singles


_VNI_PAIRS, _VNI_SINGLES = _build_vni()
_VNI_MARKS = frozenset(seq[1] for seq in _VNI_PAIRS)
_VNI_BASES = frozenset(seq[0] for seq in _VNI_PAIRS)
_VNI_RE = regex.compile(
    "[" + regex.escape("".join(sorted(_VNI_BASES))) + "][" + regex.escape("".join(sorted(_VNI_MARKS))) + "]"
    "|[" + regex.escape("".join(sorted(_VNI_SINGLES))) + "]"
)
_VNI_ONLY = frozenset(c for seq in (*_VNI_PAIRS, *_VNI_SINGLES) for c in seq if ord(c) > 127) - _VIET_LETTERS


def _charclass(chars: frozenset[str]) -> str:
    return "[" + regex.escape("".join(sorted(chars))) + "]"


def _in_word(chars: frozenset[str]) -> regex.Pattern[str]:
    """One of ``chars`` touching a letter: ``µ`` in ``Hµ Néi`` counts, a stray ``£`` does not."""
    cls = _charclass(chars)
    return regex.compile(rf"(?<=\p{{L}}){cls}|{cls}(?=\p{{L}})")


_TCVN3_TRIGGER = _in_word(_TCVN3_ONLY)
_VNI_TRIGGER = _in_word(_VNI_ONLY)
_UNICODE_ONLY_RE = regex.compile(_charclass(_UNICODE_ONLY))


def _vni_sub(m: regex.Match[str]) -> str:
    s = m.group()
    if len(s) == 1:
        return _VNI_SINGLES[s]
    letter = _VNI_PAIRS.get(s)
    if letter is not None:
        return letter
    return "".join(_VNI_SINGLES.get(c, c) for c in s)  # base + a mark it cannot take


def _vni_to_unicode(text: str) -> str:
    """VNI text seen through Windows-1252 -> Unicode: ``"Ñoäc laäp"`` -> ``"Độc lập"``."""
    return _VNI_RE.sub(_vni_sub, text.translate(_C1_TO_CP1252))


_WORD = regex.compile(r"\w+")


def _tcvn3_case_line(src: str, out: str) -> str:
    """Restore capitals lost to the ``.VnTimeH`` convention (capitals typed with the lower-case
    TCVN3 bytes): ``"CéNG HßA X· HéI"`` reads ``"CộNG HòA Xã HộI"`` and becomes ``"CỘNG HÒA XÃ HỘI"``.

    A converted word whose ASCII letters are two or more capitals is upper-cased; a converted word
    with at most one ASCII letter (``Xã``, ``Tử``) only between two such words, or beside one at
    the end of a line that has no lower-case word."""
    words = []  # (match, kind, holds a converted lower-case letter) for the words with a letter
    for m in _WORD.finditer(out):
        w = m.group()
        if not any(c.isalpha() for c in w):
            continue
        ascii_letters = [c for c in w if c.isascii() and c.isalpha()]
        if any(c.islower() for c in ascii_letters):
            kind = "lower"
        elif len(ascii_letters) >= 2:
            kind = "caps"
        else:
            kind = "short"
        lowered = any(ord(a) in _TCVN3_DECODE and b.islower() for a, b in zip(src[m.start() : m.end()], w))
        words.append((m, kind, lowered))
    has_lower = any(k == "lower" for _, k, _ in words)
    has_caps_converted = any(k == "caps" and c for _, k, c in words)
    pieces = []
    last = 0
    for i, (m, kind, converted) in enumerate(words):
        if not converted or kind == "lower":
            continue
        if kind == "short":
            prev = words[i - 1][1] if i > 0 else None
            nxt = words[i + 1][1] if i + 1 < len(words) else None
            both = prev == "caps" and nxt == "caps"
            edge = {prev, nxt} == {"caps", None} and not has_lower and has_caps_converted
            if not (both or edge):
                continue
        pieces.append(out[last : m.start()])
        pieces.append(m.group().upper())
        last = m.end()
    if not pieces:
        return out
    pieces.append(out[last:])
    return "".join(pieces)


def _tcvn3_to_unicode(text: str) -> str:
    """TCVN3 text seen through Windows-1252 -> Unicode: ``"Hµ Néi"`` -> ``"Hà Nội"``."""
    out = text.translate(_TCVN3_DECODE)
    return "\n".join(_tcvn3_case_line(s, o) for s, o in zip(text.split("\n"), out.split("\n")))


def _check_name(encoding: str) -> None:
    if encoding not in ("tcvn3", "vni"):
        raise ValueError(f"unknown legacy encoding {encoding!r}: use 'tcvn3' or 'vni'")


def decode_legacy(data: bytes | str, encoding: LegacyEncoding) -> str:
    """Decode TCVN3 or VNI-Windows, given as bytes or as the text a Windows-1252/Latin-1 reading
    of the bytes produced; returns NFC.

    >>> decode_legacy(b"C\\xe9ng ho\\xb5", "tcvn3")
    'Cộng hoà'
    >>> decode_legacy("Ñoäc laäp - Töï do - Haïnh phuùc", "vni")
    'Độc lập - Tự do - Hạnh phúc'
    """
    _check_name(encoding)
    text = _cp1252_view(data) if isinstance(data, bytes) else data
    conv = _tcvn3_to_unicode if encoding == "tcvn3" else _vni_to_unicode
    return unicodedata.normalize("NFC", conv(text))


def encode_legacy(text: str, encoding: LegacyEncoding) -> bytes:
    """Encode text in TCVN3 or VNI-Windows (what a legacy converter writes). Characters the
    encoding lacks go as Windows-1252, or ``?``. TCVN3 has no capitals with tones: they are
    written with the lower-case byte, as for the ``.VnTimeH`` fonts.

    >>> encode_legacy("Cộng hoà", "tcvn3")
    b'C\\xe9ng ho\\xb5'
    >>> encode_legacy("Việt Nam", "vni").decode("cp1252")
    'Vieät Nam'
    """
    _check_name(encoding)
    out = bytearray()
    for c in unicodedata.normalize("NFC", text):
        if c.isascii():
            out.append(ord(c))
        elif encoding == "tcvn3" and (c in TCVN3 or c.lower() in TCVN3):
            out.append(TCVN3.get(c, TCVN3.get(c.lower(), 0)))
        elif encoding == "vni" and c in VNI:
            out += VNI[c]
        else:
            out.append(_REV_CP1252.get(c, 0x3F))
    return bytes(out)


# --------------------------------------------------------------------------------------------
# scoring: share of valid Vietnamese syllables among the tokens that are not plain ASCII

_ASCII_VOWELS = frozenset("aeiouyAEIOUY")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_SHAPES = {"\u0302", "\u0306", "\u031b"}
_NUCLEI = (
    "uyê uya uyu uây uôi ươi ươu iêu yêu oai oay oeo "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê "
    "a ă â e ê i o ô ơ u ư y"
).split()
_SYLLABLE = regex.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"(?P<n>" + "|".join(_NUCLEI) + r")"
    r"(?P<c>ch|ng|nh|[cmnpt])?"
)
_NH_NUCLEI = {"a", "ê", "i", "y", "oa", "uê", "uy"}
_STOP_TONES = {"\u0301", "\u0323"}


@lru_cache(maxsize=1 << 16)
def _is_syllable(token: str) -> bool:
    """``"Nghĩa"``, ``"HOÀ"``, ``"người"`` are syllables; ``"hoµ"``, ``"héi"``, ``"Cá»™ng"`` are not."""
    tone = None
    prev = ""
    base = []
    for ch in unicodedata.normalize("NFD", token.lower()):
        if ch in _TONES:
            if tone is not None or prev not in _ASCII_VOWELS:
                return False
            tone = ch
        elif unicodedata.combining(ch):
            if ch not in _SHAPES:
                return False
            base.append(ch)
        else:
            prev = ch
            base.append(ch)
    m = _SYLLABLE.fullmatch(unicodedata.normalize("NFC", "".join(base)))
    if m is None:
        return False
    coda = m.group("c")
    if coda in ("c", "ch", "p", "t") and tone not in _STOP_TONES:
        return False
    return not (coda in ("ch", "nh") and m.group("n") not in _NH_NUCLEI)


_TOKEN = regex.compile(r"[^\s\d!-/:-@\[-`{-~\u2010-\u2027\u2030-\u205e]+")
_ASCII_VOWEL = regex.compile(r"[aeiouyAEIOUY]")


def _tally(text: str) -> tuple[int, int]:
    """(valid, invalid) syllable counts over the tokens that carry non-ASCII characters;
    abbreviations whose only non-ASCII letter is đ/Đ (``QĐ``, ``HĐND``) are not counted."""
    good = bad = 0
    for tok in _TOKEN.findall(text):
        if tok.isascii():
            continue
        if _is_syllable(tok):
            good += 1
        elif _ASCII_VOWEL.search(tok) or not all(c.isascii() or c in "đĐ" for c in tok):
            bad += 1
    return good, bad


def _share(tally: tuple[int, int]) -> float:
    good, bad = tally
    return good / (good + bad) if good + bad else 0.0


# --------------------------------------------------------------------------------------------
# repair steps: each returns (new text, note) or None


def _convert_lines(text: str, conv: Callable[[str], str]) -> tuple[str, tuple[int, int], tuple[int, int]]:
    """Convert line by line, keeping lines that are already Unicode (they hold letters such as
    ư/ơ/đ/ạ that a Windows-1252 reading of legacy bytes cannot produce) and lines that the
    conversion would make worse. Returns the text and the tallies of the changed lines before
    and after."""
    out = []
    g0 = b0 = g1 = b1 = 0
    for line in text.split("\n"):
        if not _UNICODE_ONLY_RE.search(line):
            new = conv(line)
            if new != line:
                before, after = _tally(line), _tally(new)
                if after[1] <= before[1]:
                    line = new
                    g0, b0, g1, b1 = g0 + before[0], b0 + before[1], g1 + after[0], b1 + after[1]
        out.append(line)
    return "\n".join(out), (g0, b0), (g1, b1)


_LEGACY = (
    ("converted from TCVN3 (ABC/.VnTime) read as Windows-1252", _TCVN3_TRIGGER, _tcvn3_to_unicode),
    ("converted from VNI-Windows (VNI-Times) read as Windows-1252", _VNI_TRIGGER, _vni_to_unicode),
)
_MIN_GAIN = 0.15
_MIN_SHARE = 0.6


def _legacy_step(text: str) -> tuple[str, str] | None:
    """TCVN3 or VNI seen through Windows-1252/Latin-1, whichever makes more valid syllables."""
    # evidence first (cheap): legacy-only characters inside words, at least one per 1000 chars
    need = 1 if len(text) < 200 else max(2, len(text) // 1000)
    best: tuple[float, int, str, str] | None = None
    for note, trigger, conv in _LEGACY:
        hits = 0
        for _ in trigger.finditer(text):
            hits += 1
            if hits >= need:
                break
        if hits < need:
            continue
        cand, before, after = _convert_lines(text, conv)
        if cand == text:
            continue
        share = _share(after)
        if share < _MIN_SHARE or share < _share(before) + _MIN_GAIN or after[0] <= before[0]:
            continue
        if best is None or (share, after[0]) > best[:2]:
            best = (share, after[0], cand, note)
    return None if best is None else (best[2], best[3])


def _mojibake_pattern(chars: str, with_c1: bool) -> regex.Pattern[str]:
    def cls(lo: int, hi: int) -> str:
        cs = {chars[b] for b in range(lo, hi + 1)}
        if with_c1:
            cs |= {chr(b) for b in range(max(lo, 0x80), min(hi, 0x9F) + 1)}
        return "[" + regex.escape("".join(sorted(cs))) + "]"

    cont = cls(0x80, 0xBF)
    return regex.compile(f"{cls(0xC2, 0xDF)}{cont}|{cls(0xE0, 0xEF)}{cont}{{2}}|{cls(0xF0, 0xF4)}{cont}{{3}}")


_VIET_MARKS = "\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323"


def _plausible(c: str) -> bool:
    """Could this character have been in a Vietnamese document, or in a Windows-1252/Latin-1
    reading of one (mojibake of mojibake)? A decoded sequence must be."""
    o = ord(c)
    return (
        0x80 <= o <= 0x17F
        or c in _VIET_LETTERS
        or c in _CP1252_CHARS
        or c in _VIET_MARKS
        or 0x2010 <= o <= 0x206F
        or c in "\u20ab\u2116\ufeff"
    )


_MOJIBAKE = (
    ("Windows-1252/Latin-1", _mojibake_pattern(_CP1252, True), _REV_CP1252),
    ("Mac Roman", _mojibake_pattern(_MACROMAN, False), _REV_MACROMAN),
)
_LOST_NBSP = regex.compile(r"Ã (?=\s|$)", regex.M)  # à = C3 A0 whose A0 (no-break space) became a space


def _mojibake_fix(text: str, pattern: regex.Pattern[str], rev: dict[str, int]) -> tuple[str, int, int]:
    """Decode every sequence that reads as UTF-8 in this code page. A sequence that decodes to a
    Latin-1 letter (``Ã©`` -> é, ``Ã\xa0`` -> à) is weak evidence: it is left alone on lines that
    hold letters only Unicode has (``XÃ\xa0HỘI`` is clean text). Returns (text, strong, weak)."""
    strong = weak = 0
    allow_weak = True
    line = ""
    last_end = -1

    def fix(m: regex.Match[str]) -> str:
        nonlocal strong, weak, last_end
        s = m.group()
        try:
            dec = bytes(rev[c] for c in s).decode("utf-8")
        except (KeyError, UnicodeDecodeError):
            return s
        if not all(_plausible(c) for c in dec):
            return s
        if dec in _VIET_MARKS and not (m.start() == last_end or line[m.start() - 1 : m.start()] in _ASCII_VOWELS):
            return s  # a decomposed mark must follow its vowel (NFD read as 8-bit)
        if all(ord(c) < 0x100 for c in dec):
            if not allow_weak:
                return s
            weak += 1
        else:
            strong += 1
        last_end = m.end()
        return dec

    out = []
    for line in text.split("\n"):
        allow_weak = not _UNICODE_ONLY_RE.search(line)
        last_end = -1
        out.append(pattern.sub(fix, line))
    return "\n".join(out), strong, weak


def _mojibake_step(text: str) -> tuple[str, str] | None:
    """UTF-8 read as Windows-1252/Latin-1 or as Mac Roman, whichever explains more sequences."""
    best: tuple[int, str, str] | None = None
    before: tuple[int, int] | None = None
    for name, pattern, rev in _MOJIBAKE:
        new, strong, weak = _mojibake_fix(text, pattern, rev)
        if not strong + weak:
            continue
        whole = all(c in rev for c in text)  # the whole text could be such a reading
        if name == _MOJIBAKE[0][0] and whole and strong + weak >= 2:
            new = _LOST_NBSP.sub("à", new)  # and then a lone "Ã " can only be à
        # A sequence that decodes beyond Latin-1 (á»™ -> ộ, Ä‘ -> đ) is strong evidence, Latin-1
        # ones (Ã­ -> í) are weak. When the whole text can be such a reading, a strong one or
        # three weak ones suffice (what a mojibake of legacy text decodes to is no Vietnamese
        # yet), else more valid syllables; in a text that is partly clean Unicode, strong ones
        # that leave no more invalid syllables than before.
        if not (whole and (strong or weak >= 3)):
            if before is None:
                before = _tally(text)
            after = _tally(new)
            if not (after[0] > before[0] if whole else strong and after[1] <= before[1]):
                continue
        if best is None or strong + weak > best[0]:
            best = (strong + weak, new, name)
    if best is None:
        return None
    count, new, name = best
    return new, f"fixed mojibake: UTF-8 read as {name} ({count} sequences)"


def _utf16_step(text: str) -> tuple[str, str] | None:
    """UTF-16 read as 8-bit: a quarter or more of the characters are NUL."""
    nul = text.count("\x00")
    if nul < 2 or nul * 4 < len(text):
        return None
    data = bytearray()
    for c in text:
        b = _REV_CP1252.get(c)
        if b is None:  # not an 8-bit reading we can undo: keep the letters, drop the NULs
            return text.replace("\x00", ""), "removed NUL bytes (UTF-16 read as 8-bit)"
        data.append(b)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16-le" if data[:2] == b"\xff\xfe" else "utf-16-be"
        del data[:2]
    else:
        enc = "utf-16-le" if data[1::2].count(0) >= data[0::2].count(0) else "utf-16-be"
    if len(data) % 2:
        data.append(0)
    out = bytes(data).decode(enc, errors="replace").replace("\x00", "")
    return out, "converted from UTF-16 read as 8-bit (NUL bytes between letters)"


# Characters clean Vietnamese text is made of, outside ASCII: the Latin-1 letters Vietnamese uses,
# ă đ ĩ ũ ơ ư (both cases), the Latin Extended Additional block, and common punctuation. Any other
# character in U+0080..U+036F (mojibake and legacy-font debris, combining marks) or a NUL byte is
# a reason to run the (slower) repair steps.
_CLEAN_NON_ASCII = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư\u00a0"
_SUSPECT = regex.compile(r"(?V1)[[\x00\x80-\u036f]--[" + _CLEAN_NON_ASCII + "]]")
_NO_SUSPECT_MAP = alphabet_map_without(_SUSPECT)


def needs_repair(text: str) -> bool:
    """Cheap test: could ``repair_text`` change this text? False for clean NFC Vietnamese.

    >>> needs_repair("Cộng hòa xã hội chủ nghĩa Việt Nam"), needs_repair("Céng hoµ x· héi")
    (False, True)
    """
    if "\x00" not in text and encodes_with(text, _NO_SUSPECT_MAP):
        return False  # a cheap test first (see ``text.alphabet_map_without``)
    return _SUSPECT.search(text) is not None


_STEPS = (_utf16_step, _mojibake_step, _legacy_step)
_MAX_PASSES = 8


def repair_text(text: str) -> tuple[str, list[str]]:
    """Repair already-decoded text: legacy TCVN3/VNI seen through Windows-1252, UTF-8 mojibake
    (Windows-1252, Latin-1, Mac Roman), UTF-16 read as 8-bit, NFD. Returns (NFC text, notes).

    Clean Unicode text comes back unchanged with no notes, and the function is idempotent.

    >>> repair_text("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
    ('Cộng hoà xã hội chủ nghĩa Việt Nam', ['converted from TCVN3 (ABC/.VnTime) read as Windows-1252'])
    >>> repair_text("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM")[0]
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
    >>> repair_text("Tr√≠ch xu·∫•t")
    ('Trích xuất', ['fixed mojibake: UTF-8 read as Mac Roman (2 sequences)'])
    >>> repair_text("Cộng hòa xã hội chủ nghĩa Việt Nam")
    ('Cộng hòa xã hội chủ nghĩa Việt Nam', [])
    """
    if not text:
        return text, []
    notes: list[str] = []
    cur = unicodedata.normalize("NFC", text)
    if cur != text:
        notes.append("normalised to NFC (decomposed diacritics composed)")
    for _ in range(_MAX_PASSES):
        for step in _STEPS:
            res = step(cur)
            if res is not None:
                cur = unicodedata.normalize("NFC", res[0])
                notes.append(res[1])
                break
        else:
            return cur, notes
    # did not settle (never seen in practice): leave the text as it came, so a second call agrees
    base = unicodedata.normalize("NFC", text)
    return base, ["repair did not settle; text left as it was"]


# --------------------------------------------------------------------------------------------
# bytes

_UTF8_SEQ = regex.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH = regex.compile(rb"[\x80-\xff]")


def _sniff_utf16(data: bytes) -> str | None:
    if len(data) < 4 or b"\x00" not in data:  # no NUL byte: no count below can reach its share
        return None
    half = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd >= 0.3 * half and even <= 0.02 * half + 1:
        return "utf-16-le"
    if even >= 0.3 * half and odd <= 0.02 * half + 1:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes and name the encoding: ``"utf-8-sig"``, ``"utf-16"`` (BOM, or
    NULs in one byte of each pair), ``"utf-8"``, or for 8-bit files whichever of
    ``"cp1258"``, ``"tcvn3"``, ``"vni"`` gives the most valid Vietnamese syllables, else
    ``"cp1252"``. Never raises. 8-bit results are NFC; UTF-8/16 text is returned as decoded
    (``repair_text`` does the rest).

    >>> decode_bytes("Độc lập".encode("utf-8"))
    ('Độc lập', 'utf-8')
    >>> decode_bytes(b"\\xa7\\xe9c l\\xcbp - T\\xf9 do - H\\xb9nh ph\\xf3c")
    ('Độc lập - Tự do - Hạnh phúc', 'tcvn3')
    >>> decode_bytes(b"Ch\\xf5\\xf2 B\\xea\\xecn Th\\xe0nh")
    ('Chợ Bến Thành', 'cp1258')
    """
    if not data:
        return "", "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    enc = _sniff_utf16(data)
    if enc is not None:
        return data.decode(enc, errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    in_seqs = sum(len(m) for m in _UTF8_SEQ.findall(data))
    if in_seqs >= 4 * (len(_HIGH.findall(data)) - in_seqs):  # UTF-8 with a few broken bytes
        return data.decode("utf-8", errors="replace"), "utf-8"
    view = _cp1252_view(data)
    candidates = (
        ("cp1258", unicodedata.normalize("NFC", data.decode("latin-1").translate(_LATIN1_TO_CP1258))),
        ("tcvn3", unicodedata.normalize("NFC", _tcvn3_to_unicode(view))),
        ("vni", unicodedata.normalize("NFC", _vni_to_unicode(view))),
    )
    best_label, best_text, best_key = "cp1252", view, (_share(_tally(view)), 0)
    for label, text in candidates:
        tally = _tally(text)
        key = (_share(tally), tally[0])
        if key[0] >= 0.5 and key > best_key:
            best_label, best_text, best_key = label, text, key
    return best_text, best_label
