"""Stage 2: find the zones of a document — header, opening, body, closing — as line ranges.

A dispatch reads, top to bottom: header (issuer block, motto, số, place and date), opening (type
title and trích yếu or V/v, Kính gửi), body, closing (Nơi nhận, signature). Converted text may
interleave the header's two columns or the closing's two columns; zones are found from anchors
(motto, số line, date line, V/v, type title, Kính gửi, Nơi nhận, authority marks) rather than from
positions, so a web page's navigation before the document or a footer after it does not matter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ._re import Match, finditer_overlapped, rx
from .dates import HEADER_NUMERIC_DATE, WORDY_DATE
from .numbers import CODE_HEAD, CODE_TAIL, NUMBER_LINE, symbol_looks_real
from .tables import AUTHORITY_LINE_HEADS, DOC_TYPES, MOTTOS, TAGLINE, TITLE_HEADS
from .text import Line, fold, folding_to, is_upper_text

HEADER_SCAN_LINES = 80

# Mottos are matched fuzzily (OCR: "CQNG HOA XA HQI CHU NGHIA VIET NAM") on the letters of the
# folded line only, best match first, so that the match neither depends on spacing and
# punctuation nor swallows the end of an issuer cell printed on the same line.
class _Fuzzy:
    """``key`` matched with at most ``errors`` OCR errors on a line's letters (``_fuzzy``).

    ``pieces``: the key cut into disjoint three-letter pieces. One error spoils at most one piece,
    so a line that holds fewer than ``len(pieces) - errors`` of them cannot match, and the fuzzy
    search (about 0.3 ms on ``regex``) is skipped: "Việt Nam" in a sentence passes the word filter
    of the Party motto but holds only 2 of its 6 pieces ("iet", "nam"; 3 needed).
    """

    __slots__ = ("key", "errors", "pattern", "pieces")

    def __init__(self, key: str, errors: int) -> None:
        self.key = key
        self.errors = errors
        self.pattern = rx(rf"(?be)(?:{key}){{e<={errors}}}")
        self.pieces = tuple(key[i : i + 3] for i in range(0, len(key) - 2, 3))


_MOTTO_RES = [(family, _Fuzzy(key, max(2, len(key) // 6))) for family, key in MOTTOS]
_TAGLINE_RE = _Fuzzy(TAGLINE, 4)


class Hit:
    """A (start, end) match on a line, with the slice of the ``regex.Match`` API the callers use."""

    __slots__ = ("_s", "_e")

    def __init__(self, s: int, e: int) -> None:
        self._s, self._e = s, e

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def span(self) -> tuple[int, int]:
        return (self._s, self._e)


def _fuzzy(fz: _Fuzzy, folded: str) -> Optional[tuple[int, int]]:
    """Span on ``folded`` of the best match of ``fz.key`` (a few OCR errors allowed) on the line's
    letters. An exact occurrence is that best match (no errors): it is looked up with ``str.find``
    first; the fuzzy search runs only when enough pieces of the key are there (see ``_Fuzzy``)."""
    idx = [i for i, c in enumerate(folded) if "a" <= c <= "z"]
    letters = "".join(folded[i] for i in idx)
    k = letters.find(fz.key)
    if k >= 0:
        return idx[k], idx[k + len(fz.key) - 1] + 1
    if sum(p in letters for p in fz.pieces) < len(fz.pieces) - fz.errors:
        return None
    m = fz.pattern.search(letters)
    if not m or m.end() <= m.start():
        return None
    return idx[m.start()], idx[m.end() - 1] + 1


# (indented as "pdftotext -layout" or a typed page places it; a scan's specks before it: "._ V/v")
VV_RE = rx(
    r"^\s*[\W_]{0,3}(?:v\s*[/.|l%1]\s*[vw]\b\.?|vv\b|v/\b|ve\s+viec\b|ve\s*:)\s*:?\s*"
)
# OCR kin of "V/v" ("VA", "Vw", "V%"): only with a capital V, only near the header.
# ("Viv" is no Vietnamese word: any letter may follow it, "Viv Hach toán khoản tiền ..."; nor is
# "V4", the slash and v read as a 4: "V4 Thuế GTGT đối với ...")
# ("VAv", "VWv": the slash read as a letter, the second v kept; a colon may follow: "Viv: chính sách")
# (the slash read as a fraction slash: "W⁄%: ngày lập ...", "Ứ⁄ thuế GTGT", "“⁄% Quyết toán ...")
VV_OCR_RE = rx(r"^\s*[\W_]{0,3}(?:V(?:A|w|W|%|/|\\|iv|Iv|Av|Wv)\s*[:;]?\s+(?=\p{Ll})|V[iI]v\s*[:;]?\s+(?=\p{L})|V4\s*[:;]?\s+(?=\p{L})"
               r"|\S{1,2}⁄[%:;]{0,2}\s+(?=\p{L}))")
KINH_GUI_RE = rx(r"^[\s\-–•*]*k[i]nh\s*(?:g[uo][i]|trinh)\s*[:;.]?\s*")
# OCR debris of a scan's margin may stand before it on its line, up to four short pieces, when a
# colon follows: "‹ Kính gửi:", "__ Kính gửi:", "DEN = Kính gửi:", "öa rổ ] Kính gửi:"
_KINH_GUI_AFTER_DEBRIS = rx(r"^(?:\s*\S{1,4}){1,4}?\s+kinh\s*(?:g[uo]i|[gse][a-z]{0,2}[imu])\s*:\s*")  # ("woe rốc Kính gti:")
# the broken fonts of old scans (the text layer of a VNI/TCVN font read as ASCII): "Kinh grii:",
# "Kfnh gti:", "Kinh gni:", "Kinh gm:", "Kinh sui:", "Ktuh eiri:", "Knh eti:"; only with a colon
# (without the colon only when the first word is no real word: "Kfnh gtii Cuc Thui5 tinh ...")
_KINH_GUI_BROKEN_FONT = rx(r"^[\s\-–•*]*(?:k(?:i?n|tun?)h\s+[gse][a-z]{0,2}[imu]\s*:|kfnh\s+[gse][a-z]{0,2}[imu]\s*:?)\s*")


def kinh_gui_match(folded: str) -> Optional[Match]:
    """The "Kính gửi" opening a (folded) line, after bullets or a scan's debris: the debris
    pattern only for lines holding "kinh" near their start (tried on every line, it would cost
    ten times the plain one)."""
    if "kinh" not in folded:
        if ("nh " in folded[:12] or "uh " in folded[:12]) and folded.lstrip(" -–•*")[:1] == "k":
            return _KINH_GUI_BROKEN_FONT.match(folded)
        return None  # (one C-speed test for the many lines without the word)
    m = KINH_GUI_RE.match(folded)
    if m is None and "kinh" in folded[:30]:
        m = _KINH_GUI_AFTER_DEBRIS.match(folded) or _KINH_GUI_BROKEN_FONT.match(folded)
    return m


# "Nơi nhận", and OCR forms of a scan's broken fonts with their colon: "Noi nhQn:", "Not nhận:",
# "Nơi nhén:", "Nci nhQn:", "Noi nlrdn:", "Noi nhfin:"
NOI_NHAN_RE = rx(r"^\s*\W{0,3}(?:n[oơ]i\s*nh[a][nm]\s*[:;.]?|n[acon06][it]\s*n[hl][a-z]{1,3}\s*:)")  # (OCR: "Nni nhQn:")


# "Số: 542" alone on its line: a number the signing system stamped apart from the symbol cell
BARE_NUMBER = rx(r"^\W{0,2}so\s*[:.]?\s*(?P<num>\d{1,6})\s*$")


def noi_nhan_match(ln: Line) -> Optional[Match]:
    """The "Nơi nhận" heading of a line (OCR kin too: "Noi nhận;", "Noi nhank—"), but not a
    form's field "Nơi nhận bồi thường: ....", where a lower-case word follows on the line."""
    if "nh" not in ln.folded:
        return None
    m = NOI_NHAN_RE.match(ln.folded)
    if m is None:
        return None
    if m.group(0).rstrip()[-1:] in (":", ";", "."):
        return m  # "Nơi nhận: ..." whatever OCR debris follows
    rest = ln.text[m.end() :]
    words = rest.split()[:2]
    if "...." in rest or "…" in rest or (len(words) == 2 and all(w.isalpha() and w.islower() for w in words)):
        return None  # running words or a fill-in line of a form ("Nơi nhận bồi thường: ......")
    return m


# the authority line of a decision, between its title and its "Căn cứ" (folded): "CHỦ TỊCH ỦY BAN
# NHÂN DÂN TỈNH ...", "BỘ TRƯỞNG BỘ TÀI CHÍNH", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", "CHÍNH PHỦ"
AUTHORITY_LINE_RE = rx(r"\s*(?:" + "|".join(AUTHORITY_LINE_HEADS) + r")\b")
# ("Lrru": OCR of a broken "ư"; "Law:" with its colon: "ư" read as "a", "u" as "w"; any other
# short word in "l" before a colon and the Văn thư holder: "Lm: VT", "Ltru: VT", "Liru: VT",
# "Lmu: VI", "LUll:VT", "Làm; VT", as scans of the tax letters print it)
LUU_RE = rx(r"^[\s\-–—+•*~_>=·]*(?:(?:luu|lrru)\b(?!\s*y\b)|law(?=\s*:)|l[a-z]{1,3}(?=\s*[:;]\s*v\s*[ti](?:\b|t)))\s*[:;.]?\s*")  # ("Lm: VITTHTQ)": "VT, TTHT")
MARK_RE = rx(
    r"^\s*[\W_]{0,4}(?P<mark>t\s*/\s*m|k\s*/\s*t|t\s*/\s*l|t\s*/\s*uq|tm|kt|tl|tuq|q)(?:\s*\.\s*|\s+|(?<=kt|tm|tl)[,:]\s*)"
    r"(?=[^\W\d_])"
)
# (any indentation first: a signature cell may stand far right, as "pdftotext -layout" lays it out)
# a mark's first letter (a character folding to t, k or q) stands within the first five characters
# after the indentation: ``_MARK_FIRST.isdisjoint(line.stripped[:5])`` rules a line out before the pattern runs
_MARK_FIRST = folding_to("tkq")
# An appendix or a copy block (NĐ30 PL I Phần II: SAO Y, SAO LỤC, TRÍCH SAO) after the closing.
_APPENDIX_OR_COPY = rx(r"^\W*(?:phu luc\b|sao y\b|sao luc\b|trich sao\b|[^\n]{0,60}\bsao luc\s*$)")
END_MARK_RE = rx(r"\./\.\s*$|\.\s*/\s*\.\s*$")

# "kehoach" -> "Kế hoạch": type titles compared on letters only, so "QUYÉT ĐỊNH" matches too.
TYPE_TITLE_KEYS: dict[str, str] = {rx(r"[^a-z]").sub("", fold(name)): name for name, _, _ in DOC_TYPES}


_MOTTO_TOKENS = {
    "state": ("cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam"),
    "party": ("dang", "cong", "san", "viet", "nam"),
    "youth": ("doan", "tncs", "ho", "chi", "minh", "thanh", "nien"),
}


@lru_cache(maxsize=8192)
def _motto_in(folded: str, text: str) -> Optional[tuple[int, int, int]]:
    words = set(rx(r"[a-z]+").findall(folded))
    for i, (family, fz) in enumerate(_MOTTO_RES):
        if sum(t in words for t in _MOTTO_TOKENS[family]) < 2:
            continue  # cheap pre-filter before the fuzzy match
        hit = _fuzzy(fz, folded)
        if hit:
            seg = text[hit[0] : hit[1]]
            if not is_upper_text(seg):
                # a motto is printed in capitals; a mixed-case match must fill most of its line
                # (OCR case damage, web copies), else it is a sentence ("... mà Cộng hòa xã hội
                # chủ nghĩa Việt Nam là thành viên")
                letters = sum(c.isalpha() for c in text)
                if sum(c.isalpha() for c in seg) < (0.6 if family == "state" else 0.85) * letters:
                    continue
            return i, hit[0], hit[1]
    if "hoa" in folded:
        m = _STATE_MOTTO_BROKEN.search(folded)
        if m is not None and not folded.startswith("cong hoa xa hoi chu nghia", m.start()):
            # (the words spelled right are the fuzzy match's to judge: "nước" / "Cộng hòa xã hội
            # chủ nghĩa Việt Nam đã được sửa đổi" is a sentence wrapped, not a motto)
            seg = text[m.start() :]
            # (the fonts mix the cases: the motto must fill most of its line, as a mixed-case
            # fuzzy match must, not stand inside a sentence)
            if is_upper_text(seg) or sum(c.isalpha() for c in seg) >= 0.6 * sum(c.isalpha() for c in text):
                return _STATE_INDEX, m.start(), len(folded.rstrip())
    if "chu ngh" in folded:
        m = _STATE_MOTTO_TAIL.search(folded)
        if m is not None and is_upper_text(text[m.start() :]):
            return _STATE_INDEX, m.start(), len(folded.rstrip())
    return None


# The state motto in the broken fonts of old scans, beyond the fuzzy match's errors ("ceNG HoA xA
# ugr cnu xcniA vrET NAM", "CQ G HOA XA HQI CHU NGHiA VJ¥T NAM"): "... HOA XA" after a word in "c",
# the rest of the line is the motto; only where the words "hoà xã" open a line's capitals
_STATE_MOTTO_BROKEN = rx(r"(?:(?<=\s)|^)c[^\s]{0,3}\s?[^\s]{0,2}\s+hoa\s*xa(?![a-z])")
# ... or its first words garbled past both ("CONG HO¿ 21 CHỦ NGHĨA VIET NAD", "CONG E 1ÔI CHỦ NGHĨA",
# "Coma WOA XÃ HỘI CHỦ NGHĨA VI" beside the issuer cell): a word in "c", at most three short words,
# then "CHỦ NGHĨA", the rest of the line in capitals
_STATE_MOTTO_TAIL = rx(r"(?:(?<=\s)|^)c\S{1,3}(?:\s+\S{1,4}){1,3}\s+chu\s*ngh")
_STATE_INDEX = next(i for i, (family, _) in enumerate(_MOTTO_RES) if family == "state")


def motto_match(line: Line) -> Optional[tuple[str, Hit]]:
    """Family and match of a motto on the line: ``"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"`` -> state."""
    f = line.folded
    if len(f) > 260 or len(f) < 10:
        return None
    hit = _motto_in(f, line.text)
    if hit is None:
        return None
    i, s, e = hit
    return _MOTTO_RES[i][0], Hit(s, e)


# The tagline in the broken fonts of old scans, beyond the fuzzy match's errors ("DQc l$p - Tr; do
# - H4nh phric", "EOc l6p - Tu do - H4nh phric"): the shape of its three parts and two dashes
_TAGLINE_BROKEN_FONT = rx(
    r"(?:^|(?<=\s))[de]\S{0,3}\s*[li1]\S{0,3}\s?\S{0,2}p\s*[-–—.,;]\s*t\S{0,3}\s*do\s*[-–—.,;]?\s*\S{1,5}nh\s*ph\S{1,4}"
)


@lru_cache(maxsize=8192)
def _tagline_in(folded: str) -> Optional[tuple[int, int]]:
    hit = None
    if "doc" in folded or "tu do" in folded or "hanh" in folded:
        hit = _fuzzy(_TAGLINE_RE, folded)
    if hit is None and "do" in folded and "ph" in folded:
        m = _TAGLINE_BROKEN_FONT.search(folded)
        if m is not None:
            return m.start(), m.end()
    if hit is None and "doc" in folded:
        m = _TAGLINE_CUT.search(folded)
        if m is not None:
            return m.start(), len(folded.rstrip())
    return hit


# The tagline cut short by a scan at the end of the line, beside the issuer cell: "CUC THUE TP HA
# NOI Độc lập - TY ." ("Độc lập -" and a few characters of debris, nothing after them), or after
# "Tự do -" ("CỤC THUÉ TỈNH BẮC NINH Độc lập - Tự do - Hits")
_TAGLINE_CUT = rx(r"(?:^|(?<=\s))doc\s*lap\s*[-–—]\s*(?:tu\s*do\s*[-–—]?\s*)?\S{0,4}\s?\S{0,3}\s*$")


def tagline_match(line: Line) -> Optional[Hit]:
    f = line.folded
    if len(f) > 200:
        return None
    hit = _tagline_in(f)
    return Hit(*hit) if hit else None


def _number_match_impl(line: Line) -> Optional[Match]:
    """The số line: "Số" (or an OCR kin of it) opening the line or a column cell, and a real symbol.

    Text before "Số" may only be an upper-case cell (flattened columns) or a type name
    ("Luật số: 45/2019/QH14", "Nghị quyết số: 24/2022/UBTVQH15"); a citation inside a sentence
    ("Trả lời văn bản số 04/HVGC-15") is not the document's number.
    """
    if len(line.folded) > 240:
        return None
    for m in finditer_overlapped(NUMBER_LINE, line.folded):
        sym = line.text[m.start("sym") : m.end("sym")]
        if not symbol_looks_real(sym):
            continue
        head = line.folded[m.start() : m.start("num")]
        before = line.text[: m.start()]
        if not rx(r"[a-z$0-9]").search(head):
            # no "Số" word: accept only a line that starts with "/SYMBOL" or "<digits> /SYMBOL"
            if before.strip() or not rx(r"\s*[\d.…_\s]*/").match(line.folded[m.start() :]):
                continue
            if not rx(r"[A-ZĐ]{2,}").search(sym):
                continue
        elif before.strip() and not _plausible_left_cell(before):
            continue
        if (line.text[m.start() : m.start() + 1] == "s" and not before.strip()
                and (line.folded[m.start() + 1 : m.start() + 2] == "o" or ":" not in head)):
            # "số 94/2025/QH15, ..." wrapped from the line above: a header prints "Số"; accept the
            # lower-case word only when nothing but a date follows the symbol (an OCR form with
            # its colon is no word of a sentence: "s6: /TCT- cs Hd N)i, ngdy J0 thdng0l ndm 2016")
            rest = line.text[m.end() :]
            if rx(r"\p{L}{2,}").search(rest) and not WORDY_DATE.search(line.folded, m.end()):
                continue
        elif before.strip() and rx(r"\p{Ll}").search(before):
            # "Luật số: 45/2019/QH14": a type name may precede "số" only on a line of its own
            if rx(r"\p{L}").search(line.text[m.end() :]):
                continue
        return m
    return None


def _plausible_left_cell(before: str) -> bool:
    """Text before "Số"/a date on one line: an upper-case cell, a column gap, or a type name."""
    b = before.strip()
    if rx(r"\s{3,}$").search(before) or not rx(r"\p{Ll}").search(b):
        return True
    key = rx(r"[^a-z]").sub("", fold(b))
    return key in TYPE_TITLE_KEYS


# folded document type names: a line opening with one cites a document ("Nghị quyết số 03/2021/...
# ngày 24 tháng 9 năm 2021" in a title), it is not a số cell
_TYPE_PREFIXES = tuple(sorted({fold(name) for name, _, _ in DOC_TYPES}, key=len, reverse=True))


# a place name in capitalised words and its comma, right before the date: "... Hà Nội, "
PLACE_COMMA_END = rx(r"(?:^|\s)(?:\p{Lu}\p{Ll}*\s+){0,3}\p{Lu}\p{Ll}+\s*,\s*$")


_PLACE_PREPOSITION = rx(r"(?:^|\s)(?:[Tt]ại|[Ởở]|[Tt]ừ|[Đđ]ến|[Vv]ề|[Tt]ai)\s*$")


def _date_match_impl(line: Line) -> Optional[Match]:
    """A header date: "Lai Châu, ngày 20 tháng 02 năm 2024" — at the line start, after a place
    name, after the số cell or after a V/v cell sharing the line; nothing but punctuation after
    the year. Not a date inside a sentence ("... ngày 24 tháng 9 năm 2021 của Ủy ban ...")."""
    if len(line.folded) > 240:
        return None
    m = WORDY_DATE.search(line.folded)
    if not m or not (m.group("y") or "thang" in m.group(0)):
        m = HEADER_NUMERIC_DATE.search(line.folded) if "ngay" in line.folded else None
        if m is None:
            return None
    after = line.text[m.end() :].strip()
    if len(rx(r"[\W\d_]").sub("", after)) > 3:
        return None
    before = line.text[: m.start()]
    nm = number_match(line)
    if nm and nm.end() <= m.start():
        before = line.text[nm.end() : m.start()]
        if len(before.split()) <= 5:
            return m  # "Số: 2549 /TCT-TNCN Hà nội, ngày ...": the place cell follows the số cell
    sym = None
    for sym in rx(rf"/\s?{CODE_HEAD}(?:-{CODE_TAIL})*").finditer(before):  # noqa: B007
        pass
    lead = before[: sym.start()] if sym is not None else ""
    if (sym is not None and len(lead.split()) <= 3 and len(before[sym.end() :].split()) <= 5
            and not fold(lead).lstrip().startswith(_TYPE_PREFIXES)):
        return m  # "sé: 860 /BHXH-BT Hà Nội, ngày ...": a số cell OCR garbled, then the place
    words = before.replace(",", " ").split()
    if VV_RE.match(line.folded) or VV_OCR_RE.match(line.text):
        return m  # "V/v ... Hà Nội, ngày ..." (flattened columns): the place is cut later
    pce = PLACE_COMMA_END.search(before) if m.group("y") else None
    if pce is not None and not _PLACE_PREPOSITION.search(before, 0, pce.start() + 1):
        # the subject's next line and the place cell side by side: "thuế GTGT Hà Nội, ngày 28
        # tháng 12 năm 2018" (a scan's flattened columns; a sentence goes on after its date, and
        # an event's place follows a preposition: "... Hội nghị tổ chức tại Hà Nội, ngày ...")
        return m
    if len(words) > 7:
        gap: list[Match] = list(rx(r"\s{3,}").finditer(before))
        words = before[gap[-1].end() :].replace(",", " ").split() if gap else words
        if len(words) > 7:
            return None
    small = {"phố", "xã", "trấn", "thị", "tp.", "tp", "ngày"}
    # (words of a sentence; a scan's debris of the số cell, "l", "titrlTCT-DNNCN", "lrt1i", is none)
    lower_words = [w for w in words if w[:1].islower() and w.lower() not in small and w.isalpha() and len(w) > 1]
    if lower_words and not is_upper_text(before):
        return None
    return m


def _type_title_impl(line: Line) -> Optional[str]:
    """Canonical type name when the line is a type title in capitals: ``"KẾ HOẠCH"`` -> Kế hoạch."""
    s = line.stripped
    if not s or len(s) > 40 or not is_upper_text(s):
        return None
    key = rx(r"[^a-z]").sub("", line.folded)
    return TYPE_TITLE_KEYS.get(key)


# The same line is asked "is this the số / date / type title line?" by several stages; the
# answers depend on the line's text only, so they are cached per text (a Line is rebuilt from it).
@lru_cache(maxsize=4096)
def _cached(kind: str, text: str, folded: str) -> object:
    ln = Line(0, 0, len(text), text, folded)
    if kind == "number":
        return _number_match_impl(ln)
    if kind == "date":
        return _date_match_impl(ln)
    return _type_title_impl(ln)


def number_match(line: Line) -> Optional[Match]:
    """The số line match of ``line`` (see ``_number_match_impl``); cached by text."""
    return _cached("number", line.text, line.folded)  # type: ignore[return-value]


def date_match(line: Line) -> Optional[Match]:
    """The header date match of ``line`` (see ``_date_match_impl``); cached by text."""
    return _cached("date", line.text, line.folded)  # type: ignore[return-value]


def type_title(line: Line) -> Optional[str]:
    """Canonical type name when the line is a type title (see ``_type_title_impl``); cached by text."""
    return _cached("title", line.text, line.folded)  # type: ignore[return-value]


@dataclass
class Zones:
    """Line indices of the anchors and zones (end indices exclusive)."""

    header_start: int = 0
    header_end: int = 0
    motto_lines: list[int] = field(default_factory=list)
    number_line: Optional[int] = None
    date_line: Optional[int] = None
    vv_line: Optional[int] = None
    title_line: Optional[int] = None
    kinh_gui_line: Optional[int] = None
    body_start: int = 0
    body_end: int = 0
    closing_start: int = 0
    noi_nhan_line: Optional[int] = None
    # the first item of a Nơi nhận list whose heading a scan lost (the list ends with a Lưu line)
    list_first: Optional[int] = None
    header_found: bool = False
    anchor_start: int = 0
    doc_end: int = 0  # end of the document proper: an appendix or a copy block (bản sao) may follow
    # the header table stands below the title and the first lines of the body (a gazette PDF's
    # text layer puts the page's table after its text): the body starts under the title
    header_displaced: bool = False


def find_zones(lines: list[Line]) -> Zones:
    z = Zones()
    n = len(lines)
    scan = min(n, HEADER_SCAN_LINES)
    anchors: list[int] = []
    for ln in lines[:scan]:
        if ln.blank:
            continue
        if kinh_gui_match(ln.folded):
            break  # the header is above Kính gửi: a "số ..." or date below it is the body's
        if motto_match(ln) or tagline_match(ln):
            z.motto_lines.append(ln.index)
            anchors.append(ln.index)
        if z.number_line is None and number_match(ln) and not _wrapped_citation(lines, ln):
            z.number_line = ln.index
            anchors.append(ln.index)
        if z.date_line is None and date_match(ln):
            # a header date line is short and starts with a place or "ngày"
            if len(ln.stripped) < 160:
                z.date_line = ln.index
                anchors.append(ln.index)
    # keep the anchor cluster: anchors must lie within 14 lines of the first motto/number anchor
    if anchors:
        first = min(anchors)
        cluster = [a for a in anchors if a - first <= 14]
        if z.date_line is not None and z.date_line not in cluster:
            z.date_line = None
        if z.number_line is not None and z.number_line not in cluster:
            z.number_line = None
        z.motto_lines = [a for a in z.motto_lines if a in cluster]
        anchors = cluster
    if anchors:
        z.header_found = bool(z.motto_lines) or z.number_line is not None
        first = min(anchors)
        z.anchor_start = first
        start = first
        # issuer lines above the first anchor: contiguous upper-case lines (blank lines allowed)
        i = first - 1
        gap = 0
        while i >= 0 and first - i <= 8:
            ln = lines[i]
            if ln.blank:
                gap += 1
                if gap > 2:
                    break
            elif rx(r"[\s*_\-=]*").fullmatch(ln.text) or BARE_NUMBER.match(ln.folded):
                # the Party header's "*" or a rule under the issuer, or a number stamped apart from
                # its symbol ("Số: 542" ... "/TB-UBND", a signed PDF's text): neither a line nor a gap
                pass
            elif sum(c.isalpha() for c in ln.stripped) < 4 and (
                    i == 0 or lines[i - 1].blank or not is_upper_text(lines[i - 1].stripped)):
                # a scan's speck above the header ("AM", "NAM |"), not the last word of a name
                # wrapped below its line ("BỘ KẾ HOẠCH VÀ ĐẦU" / "TƯ")
                break
            elif is_upper_text(ln.stripped) and len(ln.stripped) < 90:
                start = i
                gap = 0
            else:
                break
            i -= 1
        z.header_start = start
        z.header_end = max(anchors) + 1
    else:
        z.header_start = z.header_end = 0

    # opening: V/v, type title, Kính gửi within the lines after the header (or in it)
    lo = z.header_start
    hi = min(n, max(z.header_end, 0) + 40)
    for ln in lines[lo:hi]:
        if ln.blank:
            continue
        if z.vv_line is None and len(ln.stripped) > 4 and (
            VV_RE.match(ln.folded) or (ln.index <= z.header_end + 4 and VV_OCR_RE.match(ln.text))
        ):
            z.vv_line = ln.index
        if z.title_line is None and ln.index >= z.anchor_start and type_title(ln):
            z.title_line = ln.index
        if z.kinh_gui_line is None and kinh_gui_match(ln.folded):
            z.kinh_gui_line = ln.index
            break
    if z.vv_line is None and z.title_line is None and z.header_found:
        # Party công văn: the trích yếu often starts with a lower-case "về ..." (HD36), no V/v
        for ln in lines[z.anchor_start : min(n, z.header_end + 4)]:
            if ln.stripped.startswith("về ") and len(ln.stripped) > 8:
                z.vv_line = ln.index
                break
    if z.title_line is None and z.header_found and z.header_start > 2:
        # "THÔNG TƯ" / its title / "Căn cứ ..." / "Điều 1. ..." and only then "BỘ KHOA HỌC VÀ CÔNG
        # NGHỆ" / "Số: 32/2026/TT-BKHCN" / the motto: the type title at the top of the page
        for ln in lines[: min(z.header_start, 20)]:
            if not ln.blank and type_title(ln):
                z.title_line = ln.index
                z.header_displaced = True
                break
    if z.title_line is None:
        # title split over two short lines: "QUYẾT" / "ĐỊNH"
        for a, b in zip(lines[lo:hi], lines[lo + 1 : hi]):
            if a.blank or b.blank or len(a.stripped) > 20 or len(b.stripped) > 20:
                continue
            if not (is_upper_text(a.stripped) and is_upper_text(b.stripped)):
                continue
            key = rx(r"[^a-z]").sub("", a.folded + b.folded)
            if key in TYPE_TITLE_KEYS:
                z.title_line = a.index
                break

    # closing: Nơi nhận from the end, authority marks in the last lines, both above the first
    # appendix (its forms carry their own "Nơi nhận" and signature placeholders)
    limit = _appendix_start(lines, z.header_end)
    for ln in reversed(lines[:limit]):
        if ln.index <= z.header_end:
            break  # only lines below the header count
        if noi_nhan_match(ln):
            z.noi_nhan_line = ln.index
            break
    sig_start = find_signature_start(lines, z, limit)
    if z.noi_nhan_line is None and sig_start is not None:
        z.list_first = _headless_list(lines, sig_start, limit)
    candidates = [c for c in (z.noi_nhan_line, sig_start) if c is not None]
    if not candidates:
        bare = _bare_title_signature(lines, z.header_end, limit)
        if bare is not None:
            candidates = [bare]
    z.closing_start = min(candidates) if candidates else n
    # the signer's title may stand just above Nơi nhận ("THỦ TƯỚNG" / "Nơi nhận:")
    j = z.closing_start - 1
    while candidates and j > z.header_end and z.closing_start - j <= 4:
        ln = lines[j]
        if ln.blank:
            j -= 1
            continue
        s = ln.stripped
        if is_upper_text(s) and len(s) <= 60 and fold(s).startswith(TITLE_HEADS):
            z.closing_start = j
            j -= 1
            continue
        break
    z.doc_end = limit
    for ln in lines[z.closing_start + 1 : limit]:
        f = ln.folded
        # (every form the pattern knows holds "sao" or "phu luc": a C-speed test first)
        if ("sao" in f or "phu luc" in f) and _APPENDIX_OR_COPY.match(f) and is_upper_text(ln.stripped):
            z.doc_end = ln.index
            break
    return z


def _bare_title_signature(lines: list[Line], header_end: int, limit: int) -> Optional[int]:
    """The title line of a signature with neither mark nor Nơi nhận at the end of the document: a
    title in capitals above the signer's name ("BỘ TRƯỞNG" / "Đào Ngọc Dung", a Công báo text),
    lines without a letter (a scan's "[") between or after them; else None."""
    letters: list[Line] = []  # the last two lines holding a letter, the last first
    for i in range(limit - 1, header_end, -1):
        if any(c.isalpha() for c in lines[i].text):
            letters.append(lines[i])
            if len(letters) == 2:
                break
    if len(letters) < 2:
        return None
    name, title = letters
    words = name.stripped.split()
    if not (2 <= len(words) <= 5 and all(w[:1].isupper() and w.isalpha() for w in words)
            and not is_upper_text(name.stripped)):
        return None  # (a name in mixed case: in capitals it is not told from a title here)
    t = title.stripped
    if name.index - title.index > 4 or len(t) > 60 or not is_upper_text(t) or not fold(t).startswith(TITLE_HEADS):
        return None
    return title.index


_ITEM_BULLET = rx(r"^[\-–—+•*~=>·]\s*\S")


def is_luu_line(ln: Line) -> bool:
    """A Lưu line with its colon ("- Lưu: VT, TCHQ."), not the signer "Lưu Đức Huy" (Lưu is a surname)."""
    if "l" not in ln.folded[:12]:
        return False
    m = LUU_RE.match(ln.folded)
    return m is not None and m.group(0).rstrip()[-1:] in ":;."


def _headless_list(lines: list[Line], sig_start: int, limit: int) -> Optional[int]:
    """The first item of a Nơi nhận list under the signature marks whose "Nơi nhận:" heading a
    scan lost: bulleted items ending with a Lưu line ("KT. BỘ TRƯỞNG" / "THỨ TRƯỞNG" / "- Vụ PC-
    BTC;" / "- Lưu: VT, TCHQ."); None without a Lưu line."""
    luu = next((ln.index for ln in lines[sig_start + 1 : limit] if is_luu_line(ln)), None)
    if luu is None:
        return None
    first = luu
    wrapped = 0  # lines of the item being read upwards, below its bulleted first line
    for ln in reversed(lines[sig_start + 1 : luu]):
        if ln.blank:
            continue
        s = ln.stripped
        if _ITEM_BULLET.match(s):
            first = ln.index
            wrapped = 0
        elif (s.rstrip(" _~").endswith((";", ",")) or s.startswith("(") or s[:1].islower()
              or (wrapped and wrapped < 3 and s[-1:].isalpha() and not is_upper_text(s))):
            # a wrapped item's later line ends with ";" (a scan's speck after it: "; _"), opens lower
            # case or with "("; a middle line of an item wrapped over three or four lines ends on a word
            wrapped += 1
        else:
            break
    return first


# An appendix or form heading on a line of its own: "PHỤ LỤC", "Phụ lục I", "Phụ lục số 02",
# "Mẫu số 01/ĐK" (on folded text).
_APPENDIX_HEAD = rx(r"^\s*\W{0,3}(?:phu luc(?:\s+(?:so\s*)?[ivxlc\d]+[a-z]?)?\s*[:.]?\s*$|phu luc\b.{0,80}$|mau\s+(?:so\s*)?\d)")
# The words an appendix line may open with (after bullets and blanks, folded): the first test of
# ``_appendix_start``, made on every line below the header (``str.startswith``, no pattern call)
_APPENDIX_FIRST = ("phu luc", "mau", "(kem theo", "(ban hanh kem theo")


def _appendix_start(lines: list[Line], header_end: int) -> int:
    """Index of the first appendix heading that follows a closing (an authority mark, Nơi nhận or
    the end mark "./." within the 40 lines above it), else len(lines).

    "TM. CHÍNH PHỦ / KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG / Hồ Đức Phớc" then "Phụ lục I / MẪU BÁO CÁO
    ...": the appendix's forms have their own "Nơi nhận" and signature placeholders.
    """
    n = len(lines)
    for ln in lines[header_end + 1 :]:
        f = ln.folded.lstrip(" -*_")
        if not f.startswith(_APPENDIX_FIRST) and "cong hoa" not in ln.folded:
            continue
        if len(f) > 100:
            continue
        head = ln.index
        if "cong hoa" in f:
            # the national motto again below a closing: an attached document (a form, the letter
            # answered) with its own header ("TONG CUC THUE CONG HOA XA HOI ..." when the columns
            # are flattened); it starts at the issuer's lines above the motto
            if motto_match(ln) is None:
                continue
            head = _issuer_top(lines, ln.index, header_end, 4)
        elif f.startswith("("):
            # "DANH MỤC CÁC BIỂU MẪU" / "(Kèm theo Thông tư số 25/2026/TT-BTC ...)": the heading is
            # the upper-case lines right above the "kèm theo" line
            j = ln.index - 1
            while j > header_end and not lines[j].blank and is_upper_text(lines[j].stripped):
                head = j
                j -= 1
            if head == ln.index:
                attached = _attachment_head(lines, ln.index, header_end)
                if attached is None:
                    continue
                head = attached
        elif not _APPENDIX_HEAD.match(ln.folded):
            continue
        elif f.startswith("phu luc") and len(f) > 14 and not is_upper_text(ln.stripped):
            continue  # "Phụ lục kèm theo ... gồm ..." in running text: only short or upper-case heads
        above = lines[max(header_end + 1, head - 40) : head]
        if any(MARK_RE.match(x.folded) or noi_nhan_match(x)
               or ("/" in x.text and END_MARK_RE.search(x.text)) for x in above):
            return head
    return n


def _attachment_head(lines: list[Line], kem_theo: int, header_end: int) -> Optional[int]:
    """The first line of an attached document whose title is in mixed case: its own header (the
    national motto, the issuer's lines above it) a few lines above the title over "(Ban hành kèm
    theo ...)" ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" / "CỘNG HÒA XÃ HỘI ..." / "Tập hệ thống hóa
    ..." / "(Ban hành kèm theo Quyết định số 1478/QĐ-BLĐTBXH ...)"); None without that header."""
    j = kem_theo - 1
    while j > header_end and kem_theo - j <= 3 and not lines[j].blank:
        j -= 1  # the title's lines
    for k in range(j, max(header_end, j - 8), -1):
        if motto_match(lines[k]):
            return _issuer_top(lines, k, header_end, 5)
    return None


def _issuer_top(lines: list[Line], motto: int, header_end: int, reach: int) -> int:
    """First line of an attached document's header: the issuer's lines in capitals above its motto
    line, up to ``reach`` lines up (blank lines may stand between them); the motto's own line when
    none."""
    top = motto
    i = motto - 1
    while i > header_end and motto - i <= reach and (lines[i].blank or is_upper_text(lines[i].stripped)):
        if not lines[i].blank:
            top = i
        i -= 1
    return top


# the end of a line that a citation's number goes on from ("... Luật số" / "132/2025/QH15;")
_CITATION_CUT = rx(r"(?:\bso\s*:?|\bva|" + "|".join(sorted({fold(n) for n, _, _ in DOC_TYPES}, key=len, reverse=True)) + r")\s*$")


def _wrapped_citation(lines: list[Line], ln: Line) -> bool:
    """A số-like line that is a citation of the sentence above wrapped onto it: the line above
    ends with "số", "và" or a type name ("... hướng dẫn thực hiện Quyết định số" / "170/2008/QĐ-TTg
    ngày ..."), or the line ends a list item with ";" ("Luật số 56/2024/QH15;"): a document's own
    số line is a cell of the header, no sentence goes on into it. A line opening with "Số:" is
    the header's whatever stands above it ("CÔNG VĂN" / "Số: 123/UBND-VX" in a web copy)."""
    if rx(r"S[ốoô6]\s*:").match(ln.stripped):
        return False
    if ln.stripped.endswith(";"):
        return True
    prev = lines[ln.index - 1] if ln.index > 0 else None
    return prev is not None and not prev.blank and _CITATION_CUT.search(prev.folded) is not None


def find_signature_start(lines: list[Line], z: Zones, limit: Optional[int] = None) -> Optional[int]:
    """First line of the signature block (above ``limit``): an authority mark or a title line above a name."""
    n = len(lines) if limit is None else limit
    lo = max(z.header_end, n - 60)
    for ln in lines[lo:n]:
        s = ln.stripped
        if not s or len(s) > 120 or _MARK_FIRST.isdisjoint(s[:5]):
            continue
        m = MARK_RE.match(ln.folded)
        if m and is_upper_text(s[m.end() - (len(ln.text) - len(ln.text.lstrip())) :] or s):
            return ln.index
    # none at a line's start: a scan's specks may stand before the mark ("oe KT. TONG CYC TRƯỞNG",
    # "im: Aol — KT, CỤC TRUONG", where "Nơi nhận" stood); a second pass, so that the common case
    # pays nothing for it
    for ln in lines[lo:n]:
        if len(ln.folded) > 120:
            continue
        hit = mark_behind_specks(ln.folded)
        if hit is not None and is_upper_text(ln.text[hit[0] + hit[1].end() :].strip() or ln.stripped):
            return ln.index
    return None


def mark_behind_specks(folded: str) -> Optional[tuple[int, Match]]:
    """An authority mark behind a scan's specks on a (folded) line: the specks' length and the
    ``MARK_RE`` match of the rest ("oe kt. tong cyc truong" -> (3, match of "kt. ")); None when the
    line has no mark with its dot or comma among its first sixteen characters (a cheap test first)."""
    head = folded[:16]
    if not any(k in head for k in _MARK_KEYS):
        return None
    dm = DEBRIS_BEFORE_MARK.match(folded)
    if dm is None:
        return None
    m = MARK_RE.match(folded[dm.end() :])
    return (dm.end(), m) if m is not None else None


_MARK_KEYS = tuple(f" {m}{p}" for m in ("kt", "tm", "tl", "tuq") for p in (".", ","))


# specks before an authority mark with its dot (or comma): one or two lower-case letters ("oe KT.",
# "mm KT, CHI CỤC") or up to three short pieces ("im: Aol — KT, CỤC TRUONG": "Nơi nhận" read so)
DEBRIS_BEFORE_MARK = rx(r"\s*(?:[a-z]{1,2}|(?:\S{1,3}\s+){1,2}\S{1,3})\s+(?=(?:kt|tm|tl|tuq)\s*[.,])")
