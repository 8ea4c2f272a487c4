"""Cited documents, eyecite-style: one regex generated from the type table, a span on every match.

``"Thực hiện Kế hoạch số 199/KH-UBND ngày 13/10/2023 của UBND tỉnh Lạng Sơn về việc ..."`` ->
Reference(type="Kế hoạch", number="199", symbol="KH-UBND", date=2023-10-13,
issuer="UBND tỉnh Lạng Sơn", role="implementing").
Matching runs on folded text (so "công văn", "Công văn", "CÔNG VĂN" are one type); values are cut
from the original.
"""

from __future__ import annotations

from typing import Optional

import regex

from . import dates
from .models import PartialDate, Reference
from .numbers import normalise_symbol, symbol_looks_real
from .tables import CITATION_ONLY_TYPES, DOC_TYPES
from .text import clean, fold

_TYPE_NAMES = sorted({name for name, _, _ in DOC_TYPES} | set(CITATION_ONLY_TYPES), key=len, reverse=True)
_TYPE_BY_FOLD = {fold(n): n for n in _TYPE_NAMES}
# Laws are cited with their name before the number: "Luật Đầu tư số 67/2014/QH13".
_NAMED_TYPE_NAMES = ("Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp", "Điều ước", "Hiệp định")
_TYPE_ALT = "|".join(regex.escape(fold(n)).replace(r"\ ", r"\s+") for n in _TYPE_NAMES)

_SYM = r"[a-z0-9&]+(?:\.[a-z0-9&]+)*(?:\s?[-/]\s?[a-z0-9&]+(?:\.[a-z0-9&]+)*)*"
_NAMED_TYPES = "|".join(regex.escape(fold(n)).replace(r"\ ", r"\s+") for n in _NAMED_TYPE_NAMES)
REFERENCE_RE = regex.compile(
    r"(?<![a-z])(?:(?P<type>" + _TYPE_ALT + r")"
    r"|(?P<ntype>" + _NAMED_TYPES + r")(?P<name>(?:\s+(?!so\b)[^\s,;:.()“”\"]+){1,8}?)\s+(?=so\b))"
    r"\s*(?:so\s*[:.]?\s*)?"
    r"(?P<num>\d{1,6}[a-z]?)\s*(?P<sep>[/-])\s*(?P<sym>" + _SYM + r")"
    r"(?P<date>\s*,?\s*(?:ngay|ban hanh ngay)?\s*(?:\d{1,2}\s*(?P<dsep>[/.-])\s*\d{1,2}\s*(?P=dsep)\s*\d{4}"
    r"|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}))?"
)
_ISSUER_START = regex.compile(r"\s*,?\s*(?:cua|do)\s+")
_ISSUER_STOP = regex.compile(
    r"\s(?:ve\s|ve$|quy dinh|huong dan|ban hanh|phe duyet|tai\s|theo\s|trien khai|to chuc\s|"
    r"thuc hien|da\s|co\s|gui\s|dang\s|nay\s|thi\s|nhu\s|voi\s|ngay\s)|[“\"(;:)\n]|,\s|\.\s|\.$"
)
_NAME_INTERNAL = {
    "tỉnh", "thành", "phố", "huyện", "quận", "xã", "phường", "thị", "trấn", "ủy", "uỷ", "ban",
    "nhân", "dân", "giáo", "vụ", "thư", "chính", "phủ", "tài", "nội", "ngoại", "tư", "pháp",
    "công", "thương", "an", "y", "tế", "lao", "động", "binh", "hội", "và", "thông", "tin",
    "dục", "đào", "tạo", "khoa", "học", "nghệ", "kế", "hoạch", "đầu", "văn", "hóa",
    "hoá", "thể", "thao", "du", "lịch", "nông", "nghiệp", "phát", "triển", "nguyên", "môi",
    "trường", "giao", "vận", "xây", "dựng", "quốc", "phòng", "kiểm", "tra", "sát", "tòa", "toà",
    "án", "thuế", "hải", "quan", "bảo", "hiểm", "trung", "ương", "đảng", "tổng", "cục", "sở",
    "nước", "nhà", "bộ", "trưởng", "chủ", "tịch", "thường", "trực", "đồng", "khóa", "khoá",
    "dân", "vận", "bí", "ngân", "hàng", "kho", "bạc", "trị", "tướng", "sự", "lực", "lượng", "vũ",
    "trang", "quân", "đội", "biên", "nhiệm", "kỳ", "khóa", "liên", "hiệp", "phụ", "nữ", "đoàn", "niên",
    "cựu", "chiến", "mặt", "trận", "tổ", "quốc",
}
_ROLE_PATTERNS = (
    ("legal_basis", regex.compile(r"can cu\b")),
    ("implementing", regex.compile(r"(?:thuc hien|trien khai|quan triet)\b")),
    ("proposal", regex.compile(r"(?:theo|xet)\s+(?:de nghi|to trinh)\b|de nghi cua\b")),
    ("reply", regex.compile(r"(?:tra loi|phuc dap)\b")),
)


def _one_line(s: str) -> str:
    """Single line breaks (wrapped lines) as spaces, keeping length; paragraph breaks stay."""
    return regex.sub(r"(?<!\n)\n(?!\n)", " ", s)


def _issuer_after(text: str, folded: str, pos: int) -> tuple[Optional[str], int]:
    m = _ISSUER_START.match(folded, pos)
    if not m:
        return None, pos
    start = m.end()
    window = _one_line(folded[start : start + 160])
    stop = _ISSUER_STOP.search(window)
    end = start + (stop.start() if stop else len(window))
    cand = _one_line(text[start:end])
    words = cand.split()
    out: list[str] = []
    for w in words[:14]:
        bare = w.strip(",.;")
        if not bare:
            break
        if bare[0].isupper() or bare[0].isdigit() or bare.lower() in _NAME_INTERNAL:
            out.append(bare if w == words[-1] else w)
        else:
            break
    while out and out[-1].lower() in {"và", "của", "tại"}:
        out.pop()
    if not out or not out[0][:1].isupper():
        return None, pos
    issuer = clean(" ".join(out)).rstrip(",.;")
    return issuer or None, start + len(" ".join(out))


def _role(folded: str, pos: int) -> str:
    lo = max(0, pos - 80)
    window = folded[lo:pos]
    cut = max(window.rfind("."), window.rfind(";"), window.rfind("\n\n"))
    if cut >= 0:
        window = window[cut + 1 :]
    for role, rx in _ROLE_PATTERNS:
        if rx.search(window):
            return role
    return "mention"


def find_references(text: str, folded: str, lo: int = 0, hi: Optional[int] = None) -> list[Reference]:
    """Every cited document with a number in text[lo:hi], de-duplicated, in order of appearance."""
    hi = len(text) if hi is None else hi
    refs: list[Reference] = []
    index: dict[tuple[Optional[str], Optional[str], Optional[str]], Reference] = {}
    for m in REFERENCE_RE.finditer(folded, lo, hi):
        sym = normalise_symbol(text[m.start("sym") : m.end("sym")])
        if not symbol_looks_real(sym):
            continue
        if m.group("ntype"):
            name_words = text[m.start("name") : m.end("name")].split()
            if not name_words or not name_words[0][:1].isupper():
                continue
        tname = _TYPE_BY_FOLD.get(regex.sub(r"\s+", " ", m.group("type") or m.group("ntype")))
        number = text[m.start("num") : m.end("num")]
        if m.group("sep") == "-" and "/" not in sym:
            continue  # "Luật 12-2020" style ranges are not citations
        date: Optional[PartialDate] = None
        if m.group("date") and m.group("date").strip(" ,"):
            ds = m.start("date")
            date = dates.find_date(folded[ds : m.end("date")], text[ds : m.end("date")], ds)
        issuer, _ = _issuer_after(text, folded, m.end())
        end = m.end()
        key = (tname, number, sym)
        if key in index:
            r = index[key]
            r.mentions.append((m.start(), end))
            if r.date is None and date is not None:
                r.date = date
            if r.issuer is None and issuer:
                r.issuer = issuer
            continue
        r = Reference(
            type=tname,
            number=number,
            symbol=sym,
            date=date,
            issuer=issuer,
            text=clean(text[m.start() : end]),
            span=(m.start(), end),
            role=_role(folded, m.start()),
            mentions=[(m.start(), end)],
        )
        index[key] = r
        refs.append(r)
    return refs
