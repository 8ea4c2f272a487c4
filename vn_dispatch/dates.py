"""Dates as printed in Vietnamese documents, blanks kept as None.

Forms: ``"ngày 20 tháng 02 năm 2024"``, drafts ``"ngày   tháng 02 năm 2024"`` and
``"ngày tháng năm"``, numeric ``"20/02/2024"``, ``"20-02-2024"``, ``"20.02.2024"``.
Written by hand rather than with ``dateutil.parser``: dateutil has no notion of a date whose day is
deliberately left blank, and guessing a default day would invent data.
"""

from __future__ import annotations

from typing import Optional

from ._re import Match, rx
from .models import PartialDate
from .text import WHITESPACE

# Matched on folded text. Day and month fields may be blank, dotted ("...") or OCR junk; the
# keywords tolerate OCR damage seen in real scans ("ngàyló thảngU", "ngayl4thing 4 ăm 2024").
# The broken fonts of old scans (a VNI/TCVN font's text layer read as ASCII) spell the keywords
# "ngdy", "ngity", "thdng", "thdns", "ndm" ("Hd N|i, ngay{0 thdng Q ndm 2016"). A sentence may
# wrap right after "ngày" ("Thông tư số 75/2022/TT-BTC ngày" / "22 tháng 12 năm 2022 của ...") or
# after "tháng" ("Nghị định số 140/2025/NĐ-CP ngày 12 tháng" / "6 năm 2025 của Chính phủ"). A
# scan's junk may eat the "t" of "tháng" ("ngày 6„jyháng£ năm 2017").
WORDY_DATE = rx(
    r"(?<![a-z])ng(?:a[yuvi]|[yv]|[dei]y|ity)(?:[^\S\n]*\n)?(?P<d>[^\n]{0,7}?)"
    r"\s*(?:th|(?<=[a-z])h(?=ang))(?:[aieu]?n?g|dn[gs])(?![a-z]{2})(?:[^\S\n]*\n)?(?P<m>[^\n]{0,6}?)"
    r"\s*(?:n(?:[aeid]|ei)m|(?<=\s)m?am)\s*(?P<y>\d{4}|\d{2}(?:\s?\d){0,2})?"
)
_FIGURES = r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?![\d/])"
NUMERIC_DATE = rx(r"(?<![\d/.-])" + _FIGURES)

# A header date written with figures ("Hà Nội, ngày 05/02/2024"): NĐ 30 asks for the words, some
# documents print figures; the match starts at "ngày" like WORDY_DATE's.
# Only after the place's comma: "CÔNG BÁO/Số 347/Ngày 25-02-2025" is a running head, a line
# "ngày 27/11/2014" under a V/v line ends the trích yếu.
HEADER_NUMERIC_DATE = rx(r"(?<=,)\s*ngay\s*" + _FIGURES)

_MONTH_WORDS = {
    "mot": 1, "gieng": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7,
    "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12, "chap": 12,
}


_FIELD_EDGES = WHITESPACE + ".,:…_"
_OCR_DIGITS = str.maketrans("ol", "01")
_SPECKS = "%*'\"“”‘’^`~°•·()"  # (a bracket too: "ngày 30) tháng", where "2)" may have been 20-29)


def _int(s: Optional[str], lo: int, hi: int) -> Optional[int]:
    """A day/month/year field: digits only (blanks and fill dots around allowed), else None."""
    if not s:
        return None
    s = s.strip(_FIELD_EDGES).replace(" ", "")
    if not s.isdigit() and s[:1].isdigit():
        # a scan's speck after the digits: "tháng 9% năm 2019"; a lone digit only when no second
        # digit could have stood under the speck ("tháng 1%" may have been 10, 11 or 12)
        bare = s.rstrip(_SPECKS)
        if bare.isdigit() and (len(bare) == 2 or int(bare) * 10 > hi):
            s = bare
    if not s.isdigit():
        # OCR reads 0 as "O" and 1 as "l" ("ngdy 2O", "thdng 0l", "thdng,l2"; folded text is
        # lower case): two characters, one a real digit, are read back. A leading "l" only in a
        # month (10-12: "ngayl6" was the 26th, ",L9" the 29th: a day's "l" may be a 2)
        s = s.lstrip(",")
        if len(s) != 2 or not (s[0].isdigit() or s[1].isdigit()) or (s[0] == "l" and hi != 12):
            return None
        s = s.translate(_OCR_DIGITS)
        if not s.isdigit():
            return None
    v = int(s)
    return v if lo <= v <= hi else None


def from_match(m: Match, original: str, offset: int = 0) -> PartialDate:
    """Build a PartialDate from a WORDY_DATE or NUMERIC_DATE match on folded text."""
    start, end = m.span()
    raw = original[start:end].strip()
    year_s = m.group("y")
    year = _int(year_s, 1900, 2100) if year_s and len(year_s.replace(" ", "")) == 4 else None
    return PartialDate(
        raw=raw,
        day=_int(m.group("d"), 1, 31),
        month=_int(m.group("m"), 1, 12),
        year=year,
        span=(start + offset, end + offset),
    )


def find_date(folded: str, original: str, offset: int = 0) -> Optional[PartialDate]:
    """First date in a stretch of text, wordy form first: ``"ngày 13 tháng 10 năm 2023"``."""
    m = WORDY_DATE.search(folded)
    n = NUMERIC_DATE.search(folded)
    if m and (not n or m.start() <= n.start()):
        return from_match(m, original, offset)
    if n:
        return from_match(n, original, offset)
    return None
