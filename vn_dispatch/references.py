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
from ._re import rx
from .models import PartialDate, Reference
from .numbers import normalise_symbol, symbol_looks_real
from .tables import CITATION_ONLY_TYPES, DOC_TYPES
from .text import clean, fold

_TYPE_NAMES = sorted({name for name, _, _ in DOC_TYPES} | set(CITATION_ONLY_TYPES), key=len, reverse=True)
_TYPE_BY_FOLD = {fold(n): n for n in _TYPE_NAMES}
_TYPE_BY_KEY = {fold(n).replace(" ", ""): n for n in _TYPE_NAMES}
# Laws are cited with their name before the number: "Luật Đầu tư số 67/2014/QH13".
_NAMED_TYPE_NAMES = ("Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp", "Điều ước", "Hiệp định")
_TYPE_ALT = "|".join(regex.escape(fold(n)).replace(r"\ ", r"\s+") for n in _TYPE_NAMES)

_SYM = r"[a-z0-9&]+(?:\.[a-z0-9&]+)*(?:\s?[-/]\s?[a-z0-9&]+(?:\.[a-z0-9&]+)*)*"
_NAMED_TYPES = "|".join(regex.escape(fold(n)).replace(r"\ ", r"\s*") for n in _NAMED_TYPE_NAMES)
_TYPE_ALT_GLUED = _TYPE_ALT.replace(r"\s+", r"\s*")  # "Côngvăn số" (words glued by conversion)
_DATE = (
    r"(?P<date>\s*,?\s*(?:ngay|ban hanh ngay)?\s*(?:\d{1,2}\s*(?P<dsep>[/.-])\s*\d{1,2}\s*(?P=dsep)\s*\d{4}"
    r"|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}))?"
)
REFERENCE_RE = regex.compile(
    r"(?<![a-z])(?:(?P<type>" + _TYPE_ALT_GLUED + r")"
    # a law's name or a qualifier before "số": "Luật Đầu tư số 67/...", "Báo cáo thẩm tra số 1006/..."
    r"(?:(?P<name>(?:\s+(?!so\b)(?!(?:" + _TYPE_ALT + r")\b)[^\s,;:.()“”\"]+){1,6}?)\s+(?=so\b))?"
    r")"
    r"\s*:?\s*(?:so\s*[:.]?\s*)?"
    r"(?P<num>\d{1,6}[a-z]?)\s*(?P<sep>[/-])\s*(?P<sym>" + _SYM + r")" + _DATE
)
# Further items of a list after a citation: ", 15/QĐ-UBND", "và 218-QĐ/TW", "; số 192/TTr-BVHTTDL ngày ..."
LIST_ITEM_RE = regex.compile(
    r"\s*(?:,|;|va\b|hoac\b)\s*(?:so\s*[:.]?\s*)?"
    r"(?P<num>\d{1,6}[a-z]?)\s*(?P<sep>[/-])\s*(?P<sym>" + _SYM + r")" + _DATE
)
# A later short mention without symbol: "Quyết định số 765" (merged with its full mention).
SHORT_RE = regex.compile(r"(?<![a-z])(?P<type>" + _TYPE_ALT + r")\s+so\s*[:.]?\s*(?P<num>\d{1,6})(?![\d/-])")
# Types whose name may stand between the type word and "số" in any case ("Luật thuế TTĐB số 70/2014/QH13").
_NAME_TYPES = {"Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp", "Điều ước", "Hiệp định"}
# Codes that name the type of an item in a list headed by a generic word ("các văn bản: Số 202/TTr-...")
_CODE_TYPES = {fold(code): name for name, code, _ in DOC_TYPES if code}
_CODE_TYPES["cv"] = "Công văn"
_ISSUER_START = regex.compile(r"\s*,?\s*(?:cua\s*|do\s+)(?=\S)")
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
    return rx(r"(?<!\n)\n(?!\n)").sub(" ", s)


def _issuer_after(text: str, folded: str, pos: int) -> tuple[Optional[str], int]:
    """The issuer after "của"/"do": capitalised words and the lower-case words names contain
    ("Ủy ban nhân dân tỉnh", "Ban Tuyên giáo Tỉnh ủy"), up to punctuation or a stop word."""
    m = _ISSUER_START.match(folded, pos)
    if not m:
        return None, pos
    start = m.end()
    seg = _one_line(text[start : start + 200])
    seg = rx(r"\n\n|[;:“”\"()]|,\s|\.\s|\.$").split(seg, maxsplit=1)[0]
    words = seg.split()
    out: list[str] = []
    for i, w in enumerate(words[:16]):
        low = w.lower()
        nxt = words[i + 1] if i + 1 < len(words) else ""
        caps = w.isupper() and len(w) > 1
        after = fold(" ".join(words[i + 1 : i + 4]).lower())
        if low == "và" and any(after.startswith(t) for t in _TYPE_BY_FOLD):
            break  # "của Chính phủ và Báo cáo thẩm tra số ..."
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


_BEFORE_CUA_TAI = regex.compile(r"(?:cua|do)\s+(?P<x>[^;:()\n]{2,100}?)\s+tai(?:\s+cac)?\s*$")
_BEFORE_CLAUSE = regex.compile(
    r"(?:^|[,;]\s*|\s)(?:(?P<d>ngay\s*(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}))"
    r"\s*,?\s*)?(?P<x>[^,;:()\n]{2,80}?)\s+(?:da\s+|vua\s+)?(?:co|ban hanh|gui|ky)(?:\s+cac)?\s*$"
)


def _stated_before(text: str, folded: str, pos: int) -> tuple[Optional[str], Optional[PartialDate]]:
    """Issuer (and date) stated before the citation in its clause:
    "theo chỉ đạo của Ủy ban nhân dân tỉnh tại Công văn số ..." -> issuer;
    "Ngày 23/9/2015 Tổng cục Thuế đã có công văn số ..." -> issuer and date."""
    lo = max(0, pos - 160)
    win = _one_line(folded[lo:pos])
    cut = max(win.rfind(". "), win.rfind(";"), win.rfind("\n"))
    base = lo + cut + 1 if cut >= 0 else lo
    win = win[base - lo :]
    m = _BEFORE_CUA_TAI.search(win)
    date: Optional[PartialDate] = None
    if m is None:
        m = _BEFORE_CLAUSE.search(win)
        if m is None:
            return None, None
        if m.group("d"):
            ds, de = base + m.start("d"), base + m.end("d")
            date = dates.find_date(folded[ds:de], text[ds:de], ds)
    x0, x1 = base + m.start("x"), base + m.end("x")
    cand = clean(_one_line(text[x0:x1]))
    words = cand.split()
    if not cand[:1].isupper() or len(words) > 14 or rx(r"\d").search(cand):
        return None, date
    if rx(r",\s+(?!\p{Lu})").search(cand):
        return None, date  # a comma inside a name only before a capitalised word ("Văn hoá, Thể thao")
    # the issuer is the trailing capitalised name: drop leading words of the clause
    while words and not words[0][:1].isupper():
        words.pop(0)
    return (" ".join(words) or None), date


def _role(folded: str, pos: int) -> str:
    lo = max(0, pos - 80)
    window = folded[lo:pos]
    cut = max(window.rfind("."), window.rfind(";"), window.rfind("\n\n"))
    if cut >= 0:
        window = window[cut + 1 :]
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(window):
            return role
    return "mention"


def _symbol(text: str, m: regex.Match[str]) -> tuple[str, int]:
    """Normalised symbol and its end; a glued lower-case word is cut off ("BYT-MTngày" -> "BYT-MT")."""
    raw = text[m.start("sym") : m.end("sym")]
    glued = rx(r"(?<=[\p{Lu}\d])\p{Ll}{3,}$").search(raw)
    if glued and not rx(r"(?:TTr|CTr|QyĐ|TTg|QĐi|TrS)$").search(raw[: glued.end()]):
        raw = raw[: glued.start()]
    return normalise_symbol(raw), m.start("sym") + len(raw)


def _date_of(text: str, folded: str, m: regex.Match[str]) -> Optional[PartialDate]:
    if m.group("date") and m.group("date").strip(" ,"):
        ds, de = m.start("date"), m.end("date")
        return dates.find_date(folded[ds:de], text[ds:de], ds)
    return None


def _type_of(m: regex.Match[str], text: str) -> Optional[str]:
    """Canonical type of a matched type word, spaces ignored ("Côngvăn" -> "Công văn")."""
    return _TYPE_BY_KEY.get(rx(r"\s+").sub("", m.group("type")))


# Every citation has a number and a symbol: "199/KH-", "238-QĐ/", "30/2020/NĐ". Searching the big
# type alternation only around these cores keeps the scan cheap on long bodies.
_CORE_RE = regex.compile(r"\d{1,6}[a-z]?\s*[/-]\s*(?:\d{4}\s*/\s*)?[a-z]")


def _candidate_windows(folded: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for c in _CORE_RE.finditer(folded, lo, hi):
        w0, w1 = max(lo, c.start() - 120), min(hi, c.end() + 200)
        if out and w0 <= out[-1][1]:
            out[-1] = (out[-1][0], w1)
        else:
            out.append((w0, w1))
    return out


def find_references(text: str, folded: str, lo: int = 0, hi: Optional[int] = None) -> list[Reference]:
    """Every cited document with a number in text[lo:hi], de-duplicated, in order of appearance.

    Lists share what the sentence states once: "các Quy định số 217-QĐ/TW và 218-QĐ/TW ngày
    12/12/2013" gives two references with that date; the issuer after the last item applies to all.
    """
    hi = len(text) if hi is None else hi
    refs: list[Reference] = []
    index: dict[tuple[Optional[str], Optional[str], Optional[str]], Reference] = {}
    pos = lo
    prev: Optional[tuple[int, Optional[str], str]] = None  # (end, issuer, role) of the previous citation
    windows = _candidate_windows(folded, lo, hi)
    while True:
        m = None
        while windows and m is None:
            w0, w1 = windows[0]
            if w1 <= pos:
                windows.pop(0)
                continue
            m = REFERENCE_RE.search(folded, max(pos, w0), w1)
            if m is None:
                windows.pop(0)
        if not m:
            break
        pos = m.end()
        sym, sym_end = _symbol(text, m)
        if not symbol_looks_real(sym) or (m.group("sep") == "-" and "/" not in sym):
            continue  # "Luật 12-2020" ranges, "12/3" fractions
        tname = _type_of(m, text)
        if m.group("name"):
            words = text[m.start("name") : m.end("name")].split()
            if tname not in _NAME_TYPES and (len(words) > 3 or any(w[:1].isupper() for w in words)):
                continue  # only short lower-case qualifiers ("thẩm tra") for other types
            if tname in _NAME_TYPES and len(words) > 6:
                continue
        generic_list = tname == "Văn bản" and rx(r"cac\s+van\s*ban\s*:?\s*(?:so\s*[:.]?\s*)?$").search(folded[max(0, m.start() - 8) : m.start("num")]) is not None
        group: list[tuple[Optional[str], str, str, Optional[PartialDate], tuple[int, int]]] = []
        head_type = _CODE_TYPES.get(fold(rx(r"[-/]").split(sym)[0]), tname) if generic_list else tname
        end = sym_end if not m.group("date") else m.end()
        group.append((head_type, text[m.start("num") : m.end("num")], sym, _date_of(text, folded, m), (m.start(), end)))
        # further list items without a type word of their own
        p = end
        while True:
            li = LIST_ITEM_RE.match(folded, p, hi)
            if not li:
                break
            lsym, lsym_end = _symbol(text, li)
            if not symbol_looks_real(lsym) or (li.group("sep") == "-" and "/" not in lsym):
                break
            code_type = _CODE_TYPES.get(fold(rx(r"[-/]").split(lsym)[0])) if generic_list else None
            lend = lsym_end if not li.group("date") else li.end()
            group.append((code_type or tname, text[li.start("num") : li.end("num")], lsym,
                          _date_of(text, folded, li), (li.start("num"), lend)))
            p = lend
        pos = max(pos, p)
        last_end = group[-1][4][1]
        issuer, _ = _issuer_after(text, folded, last_end)
        before_issuer, before_date = _stated_before(text, folded, m.start())
        if issuer is None:
            issuer = before_issuer
        shared_date = group[-1][3] if len(group) > 1 and all(g[3] is None for g in group[:-1]) else None
        if len(group) == 1 and group[0][3] is None:
            shared_date = before_date
        role = _role(folded, m.start())
        if prev is not None and rx(r"[\s,;]*(?:va|hoac)?[\s,]*(?:cac\s+)?").fullmatch(folded[prev[0] : m.start()]):
            issuer = issuer or prev[1]  # "Công văn số 1923/TCT-TTKT ngày 06/6/2022 và Công văn số 2925/..."
            role = prev[2]
        prev = (last_end, issuer, role)
        for gtype, number, gsym, gdate, span in group:
            date = gdate or shared_date
            key = (gtype, number, gsym)
            if key in index:
                r = index[key]
                r.mentions.append(span)
                if r.date is None and date is not None:
                    r.date = date
                if r.issuer is None and issuer:
                    r.issuer = issuer
                continue
            r = Reference(type=gtype, number=number, symbol=gsym, date=date, issuer=issuer,
                          text=clean(text[span[0] : span[1]]), span=span, role=role, mentions=[span])
            index[key] = r
            refs.append(r)
    # later short mentions ("Quyết định số 765") merge into their full mention
    by_type_num: dict[tuple[Optional[str], str], Reference] = {}
    for r in refs:
        if r.number is not None:
            by_type_num.setdefault((r.type, r.number), r)
    for sm in SHORT_RE.finditer(folded, lo, hi):
        r = by_type_num.get((_TYPE_BY_KEY.get(rx(r"\s+").sub("", sm.group("type"))), sm.group("num")))
        if r is not None and sm.span() not in r.mentions and not any(a <= sm.start() < b for a, b in r.mentions):
            r.mentions.append(sm.span())
    return refs
