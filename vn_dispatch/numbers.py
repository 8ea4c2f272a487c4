"""Số / ký hiệu: find the number line and split a symbol into its groups.

``"Số: 199/KH-UBND"`` -> number "199", symbol "KH-UBND", type "KH", issuer "UBND";
``"Số 930-CV/BTGTU"`` (Party) -> "930", "CV/BTGTU", type "CV", issuer "BTGTU";
``"Số: 08/2024/QĐ-UBND"`` (legal) -> "08", "2024/QĐ-UBND", year 2024, type "QĐ", issuer "UBND";
``"Số: /STTTT-TTBCXB"`` (blank, state công văn) -> None, "STTTT-TTBCXB", issuer "STTTT", unit "TTBCXB".
"""

from __future__ import annotations

from typing import Optional

from ._re import Match, rx
from .models import DocNumber
from .tables import DOC_TYPES, EXTRA_TYPE_CODES
from .text import fold

TYPE_CODES: frozenset[str] = frozenset(
    {code.upper() for _, code, _ in DOC_TYPES if code} | {c.upper() for c in EXTRA_TYPE_CODES}
)
TYPE_CODES_FOLDED: frozenset[str] = frozenset(fold(c) for c in TYPE_CODES)



def symbol_pattern(space: str) -> str:
    r"""The symbol grammar on folded text: groups of letters, digits, "&" and inner dots
    ("P.TTBCXB"), joined by "-" or "/" with ``space`` allowed around the separator
    (``r"\s*"`` on a số line, ``r"\s?"`` inside running text)."""
    group = r"[a-z0-9&]+(?:\.[a-z0-9&]+)*"
    return group + r"(?:" + space + r"[-/]" + space + group + r")*"

_SEP_SPACES = rx(r"\s*([-–—/])\s*")

# The number line, matched on folded text. "so" may be OCR-damaged ($6, s6, 36, sa, sốl; with its
# colon: "Se^,:", "86:").
NUMBER_LINE = rx(
    r"(?:(?<![\w$])(?:so|s6|\$6|\$o|sa|36|s0)(?:\s*[:;.,]|l(?=\s))?\s*|(?<![\w$])(?:se[\^',]{0,2}|86)\s*[:;]\s*|^\s*)"
    # (a speck before the number: "86:-4440 /CT-TTHT", "86:,3284"; the garbled number's second
    # piece ("L& ZO /TCT-CS") is not a code its "-" goes on from: in "3284 ICT-TTHT" the "I" is
    # the lost slash)
    r"(?:[-–,.](?=\d))?"
    r"(?P<num>[0-9oO][0-9\s]*[a-z]?|[.…_\s]*|[^\s/]{1,6}(?:\s[^\s/]{1,3}(?!-))?)"
    r"(?:\s*[\"'”“])?"  # (a speck after the number: 'sé: 40345" /BTC-TCT')
    r"\s*(?P<sep>[/-])\s*"
    r"(?P<sym>" + symbol_pattern(r"\s*") + r")"
)


# Groups of a symbol as printed (case kept), for cells whose number OCR garbled: a group opens with
# a capital ("CT", "TTHT", "TT&HT", "TTr"), a later group may open with a digit ("UBTVQH15")
CODE_HEAD = r"[A-ZĐ][A-ZĐa-z0-9&.]*"
CODE_TAIL = r"[A-ZĐ0-9][A-ZĐa-z0-9&.]*"


def normalise_symbol(sym: str) -> str:
    """``"GDĐT – VP"`` -> ``"GDĐT-VP"``; ``"TTr- STTTT"`` -> ``"TTr-STTTT"``."""
    sym = sym.strip()
    if " " in sym and sym.isascii():
        sym = _SPACED_PLACE_WORD.sub("", sym)  # "CT-TIHT - Ha Nội" typed or read without accents
    if not (sym.isprintable() and " " not in sym and "–" not in sym and "—" not in sym):
        sym = _SEP_SPACES.sub(lambda m: "-" if m.group(1) in "-–—" else "/", sym)  # (no blank, no dash: no change)
    # codes are ASCII letters (and Đ): a last group with an accented lower-case letter is the
    # place of the date cell glued on ("CT-TTHT - Hà Nội, ngày ..."); an ASCII symbol has none
    if not sym.isascii():
        sym = GLUED_WORD.sub("", sym)
    return sym.strip(".-/ ")


_VI_ACCENTED = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
GLUED_WORD = rx(f"\\s*-\\s*(?P<w>[A-ZĐ]?[a-zđ]*[{_VI_ACCENTED}][a-zđ{_VI_ACCENTED}]*)\\s*$")
# the same place word without accents, only after a dash with blanks on both sides (a code's own
# hyphen has none): "CT-TIHT - Ha" of "Số: 3449 /CT-TIHT - Ha Nội, ngày ..."
_SPACED_PLACE_WORD = rx(r"\s+-\s+(?P<w>[A-ZĐ][a-zđ]{1,6})\s*$")


def glued_place(sym: str) -> Optional[Match]:
    """The place word a symbol took from the date cell after it (``"w"`` group), if any."""
    return GLUED_WORD.search(sym) or (_SPACED_PLACE_WORD.search(sym) if " " in sym else None)


def split_symbol(
    symbol: str, party_form: bool = False, cong_van: Optional[bool] = None
) -> tuple[Optional[int], Optional[str], Optional[str], Optional[str]]:
    """(year, type_code, issuer_code, unit_code) of a normalised symbol.

    ``cong_van`` says whether the document is a state công văn (no type code); None means unknown,
    then a first group that is a known type code is taken as the type.
    """
    year: Optional[int] = None
    rest = symbol
    m = rx(r"((?:19|20)\d\d)/(.+)$").match(rest)
    if m:
        year = int(m.group(1))
        rest = m.group(2)
    if party_form or ("/" in rest and rx(r"^[^/-]+/").match(rest)):
        # Party / Đoàn: TYPE/ISSUER[-UNIT]
        left, _, right = rest.partition("/")
        groups = [g for g in right.split("-") if g]
        issuer = groups[0] if groups else None
        unit = "-".join(groups[1:]) or None
        return year, left or None, issuer, unit
    groups = [g for g in rx(r"[-/]").split(rest) if g]
    if not groups:
        return year, None, None, None
    first = fold(groups[0])
    # (a công văn's symbol has no type code by the decree, but one printed "15/CV-THCS" has the
    # type code "CV" all the same: no body is coded "CV")
    if len(groups) >= 2 and first in TYPE_CODES_FOLDED and (cong_van is not True or first == "cv"):
        return year, groups[0], groups[1], "-".join(groups[2:]) or None
    return year, None, groups[0], "-".join(groups[1:]) or None


def parse_number_match(
    m: Match, original: str, cong_van: Optional[bool] = None
) -> DocNumber:
    """Build a DocNumber from a NUMBER_LINE match made on the folded copy of ``original``."""
    start = m.start()
    raw = original[start : m.end()].strip()
    num_raw = original[m.start("num") : m.end("num")]
    num_clean = num_raw.replace(" ", "")
    number: Optional[str]
    if rx(r"\d+[a-zA-Z]?").fullmatch(num_clean):
        number = num_clean
    elif rx(r"\d{1,4}\.\d{1,2}").fullmatch(num_raw.strip()):
        # a dotted number as printed, no blank in it: "Số: 66.17/2026/NQ-CP" (three digits after
        # the dot are a thousands separator: "69.262")
        number = num_raw.strip()
    elif rx(r"\d{1,5}(?:[.,]\d{1,3})?[.,]").fullmatch(num_clean) or rx(r"\d{1,4}[.,]\d{1,3}").fullmatch(num_clean):
        # OCR punctuation in the number of a scan: "Số: 4844, /TCT-CS", "Số: 553. 3/TCHQ" (a
        # comma, or a dot with a blank beside it, is a speck, not part of the number)
        number = num_clean.replace(".", "").replace(",", "")
    else:
        number = None
    sym = normalise_symbol(original[m.start("sym") : m.end("sym")])
    party = m.group("sep") == "-" and number is not None
    year, type_code, issuer, unit = split_symbol(sym, party_form=party, cong_van=cong_van)
    return DocNumber(
        raw=raw,
        number=number,
        symbol=sym or None,
        type_code=type_code,
        issuer_code=issuer,
        unit_code=unit,
        year=year,
        span=(start, m.end()),
    )


def symbol_looks_real(sym: str) -> bool:
    """A symbol must contain a group of >= 2 letters: rejects "2024" or "12/3"."""
    return bool(rx(r"[A-Za-zĐđ]{2,}").search(sym))
