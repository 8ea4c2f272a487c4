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
_ISSUER_START = regex.compile(r"\s*,?\s*(?:cua|do)\s+(?=\S)")
# Words that end an issuer name when printed in lower case (the start of the cited title or of
# the rest of the sentence): "của Tỉnh ủy Lạng Sơn tổ chức học tập ..." -> "Tỉnh ủy Lạng Sơn".
_STOP_WORDS = {
    "về", "tại", "theo", "đã", "có", "gửi", "đang", "nay", "thì", "như", "với", "ngày", "cho",
    "trong", "để", "được", "kèm", "là", "số", "và", "hoặc", "thuộc",
}
_STOP_BIGRAMS = {
    "ban hành", "quy định", "hướng dẫn", "phê duyệt", "triển khai", "tổ chức", "thực hiện",
    "tuyên truyền", "sửa đổi", "bổ sung", "đề nghị", "hỗ trợ", "tăng cường", "đẩy mạnh", "thông báo",
    "chỉ đạo", "yêu cầu", "trả lời", "giải đáp", "xác định",
}
_STOP_WORDS_FOLDED = {fold(w) for w in _STOP_WORDS} - {"dang", "co", "ve"} | {"ve"}
_STOP_BIGRAMS_FOLDED = {fold(b) for b in _STOP_BIGRAMS}
_NAME_INTERNAL = {
    "tỉnh", "thành", "phố", "huyện", "quận", "xã", "phường", "thị", "trấn", "ủy", "uỷ", "ban",
    "nhân", "dân", "giáo", "vụ", "thư", "chính", "phủ", "tài", "nội", "ngoại", "tư", "pháp",
    "công", "thương", "an", "y", "tế", "lao", "động", "binh", "hội", "tin", "thông", "ty", "tnhh",
    "cổ", "phần", "kinh", "khu", "mại", "phú", "phù",
    "dục", "đào", "tạo", "khoa", "học", "nghệ", "kế", "hoạch", "đầu", "văn", "hóa",
    "hoá", "thể", "thao", "du", "lịch", "nông", "nghiệp", "phát", "triển", "nguyên", "môi",
    "trường", "giao", "vận", "xây", "dựng", "quốc", "phòng", "kiểm", "tra", "sát", "tòa", "toà",
    "án", "thuế", "hải", "quan", "bảo", "hiểm", "trung", "ương", "đảng", "tổng", "cục", "sở",
    "nước", "nhà", "bộ", "trưởng", "chủ", "tịch", "thường", "trực", "đồng", "khóa", "khoá",
    "bí", "ngân", "hàng", "kho", "bạc", "trị", "tướng", "sự", "lực", "lượng", "vũ",
    "trang", "quân", "đội", "biên", "nhiệm", "kỳ", "liên", "hiệp", "phụ", "nữ", "đoàn", "niên",
    "cựu", "chiến", "mặt", "trận",
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
    """The issuer after "của"/"do": capitalised words and the lower-case words names contain
    ("Ủy ban nhân dân tỉnh", "Ban Tuyên giáo Tỉnh ủy"), up to punctuation or a stop word."""
    m = _ISSUER_START.match(folded, pos)
    if not m:
        return None, pos
    start = m.end()
    seg = _one_line(text[start : start + 200])
    seg = regex.split(r"\n\n|[;:“”\"()]|,\s|\.\s|\.$", seg, maxsplit=1)[0]
    words = seg.split()
    out: list[str] = []
    for i, w in enumerate(words[:16]):
        low = w.lower()
        nxt = words[i + 1] if i + 1 < len(words) else ""
        caps = w.isupper() and len(w) > 1
        if low in ("và", "-", "–", "&") and out and nxt[:1].isupper():
            out.append(w)  # "Bộ Kế hoạch và Đầu tư", "Bộ Lao động - Thương binh và Xã hội"
            continue
        key_w = fold(low) if caps else low
        key_b = f"{fold(low)} {fold(nxt.lower())}" if caps else f"{low} {nxt.lower()}"
        stops_b = _STOP_BIGRAMS_FOLDED if caps else _STOP_BIGRAMS
        stops_w = _STOP_WORDS_FOLDED if caps else _STOP_WORDS
        if key_w in stops_w or (nxt and key_b in stops_b):
            break
        if w[:1].isupper() or w[:1].isdigit() or low in _NAME_INTERNAL:
            out.append(w)
        else:
            break
    if not out or not out[0][:1].isupper():
        return None, pos
    issuer = clean(" ".join(out)).rstrip(",.;")
    return issuer or None, start + len(" ".join(out))


_ISSUER_BEFORE = regex.compile(
    r"(?:(?:cua|do)\s+(?P<x>[^,;.:()\n]{2,80}?)\s+tai"  # "của Ủy ban nhân dân tỉnh tại Công văn số"
    r"|(?:^|[,.;]\s*)(?P<x>[^,;.:()\n]{2,80}?)\s+(?:da\s+|vua\s+)?(?:co|ban hanh|gui))\s*$"  # "X đã có"
)


def _issuer_before(text: str, folded: str, pos: int) -> Optional[str]:
    """"theo chỉ đạo của Ủy ban nhân dân tỉnh tại Công văn số 17/UBND-VX" -> the issuer before."""
    lo = max(0, pos - 100)
    m = _ISSUER_BEFORE.search(_one_line(folded[lo:pos]))
    if not m:
        return None
    cand = clean(_one_line(text[lo + m.start("x") : lo + m.end("x")]))
    return cand if cand[:1].isupper() else None


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
        if issuer is None:
            issuer = _issuer_before(text, folded, m.start())
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
