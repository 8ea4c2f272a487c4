"""Cited documents, eyecite-style: one regex generated from the type table, a span on every match.

``"Thực hiện Kế hoạch số 199/KH-UBND ngày 13/10/2023 của UBND tỉnh Lạng Sơn về việc ..."`` ->
Reference(type="Kế hoạch", number="199", symbol="KH-UBND", date=2023-10-13,
issuer="UBND tỉnh Lạng Sơn", role="implementing").
Matching runs on folded text (so "công văn", "Công văn", "CÔNG VĂN" are one type); values are cut
from the original.
"""

from __future__ import annotations

import re
from typing import Optional

from . import dates
from ._re import Match, Pattern, rx, trie_alternation
from .models import PartialDate, Reference
from .numbers import normalise_symbol, split_symbol, symbol_looks_real, symbol_pattern
from .segment import AUTHORITY_LINE_RE
from .tables import BODY_HEADS, CITATION_ONLY_TYPES, DOC_TYPES, TITLE_HEADS
from .text import clean, fold, is_upper_text

_TYPE_NAMES = sorted({name for name, _, _ in DOC_TYPES} | set(CITATION_ONLY_TYPES), key=len, reverse=True)
_TYPE_BY_FOLD = {fold(n): n for n in _TYPE_NAMES}
_TYPE_BY_KEY = {fold(n).replace(" ", ""): n for n in _TYPE_NAMES}
_TYPE_BY_CODE = {code: name for name, code, _ in DOC_TYPES if code}
# Laws are cited with their name before the number: "Luật Đầu tư số 67/2014/QH13".
_NAMED_TYPE_NAMES = ("Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp", "Điều ước", "Hiệp định")
# types with a code of their own, whose symbol names them ("12/2015/NĐ-CP": Nghị định)
_CODED_TYPES = frozenset(_TYPE_BY_CODE.values()) - set(_NAMED_TYPE_NAMES)
_TYPE_ALT = trie_alternation([fold(n) for n in _TYPE_NAMES])

# (a symbol broken after its "-" at a line end may go on after a blank line, which PDF extraction
# puts between wrapped lines: "công văn số 2554/GSQL-" / "" / "GQ2 hướng dẫn ...")
# (a year OCR broke with a blank stays as printed: "số 146/20 14/TT-BTC", "08/201 5/NĐ- CP")
_SYM = r"(?:(?:19|20)(?:\s\d\d|\d\s\d)\s?/\s?)?" + symbol_pattern(r"\s?").replace(r"[-/]\s?", r"(?:[-/]\s?|-[^\S\n]*\n[^\S\n]*\n[^\S\n]*)", 1)
_NAMED_TYPES = trie_alternation([fold(n) for n in _NAMED_TYPE_NAMES], r"\s*")
_TYPE_ALT_GLUED = trie_alternation([fold(n) for n in _TYPE_NAMES], r"\s*")  # "Côngvăn số" (words glued by conversion)
_DATE = (
    r"(?P<date>\s*,?\s*(?:ngay|ban hanh ngay|de ngay|ghi ngay)?\s*(?:\d{1,2}\s*(?P<dsep>[/.-])\s*\d{1,2}\s*(?P=dsep)\s*\d{4}"
    r"|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}))?"
)
REFERENCE_RE = rx(
    r"(?<![a-z])(?:(?P<type>" + _TYPE_ALT_GLUED + r")"
    # the number right after the type word, or a law's name or a qualifier before "số": "Luật Đầu tư
    # số 67/...", "Báo cáo thẩm tra số 1006/..." (the direct form first: in "Quyết định số 12/QĐ-UBND
    # và số 13/..." the words "số 12/QĐ-UBND và" are not a name; and a name is tried only when the
    # rest fails, which spares the word-by-word scan on most citations)
    r"(?:(?=[\s:\-]*(?:so|se\b|\d))"
    r"|(?P<name>(?:\s+(?!(?:" + _TYPE_ALT + r")\b)[^\s,;:.()“”\"]++,?){1,8}?)(?:\s+(?=so\b)|\s+(?=\d{1,3}/\d{4}/qh)))?"
    r")"
    # ("sé": an OCR "số"; "s20/2008/NĐ-CP": a web copy lost "ố" and its blank; a speck at the end
    # of the line before the wrapped number: "số ý" / "209/...")
    r"[\s:\-]*(?:(?:so|se\b|s(?=\d))\s*[:.]?\s*(?:[a-z][^\S\n]*\n\s*)?)?"
    r"(?P<num>\d{1,7}(?:\.\d{1,2})?[a-z]?)\s*(?P<sep>[/-])\s*(?P<sym>" + _SYM + r")" + _DATE
)  # (a dotted number is printed so: "Nghị quyết số 66.13/2026/NQ-CP")
_Match = Match
# Further items of a list after a citation: ", 15/QĐ-UBND", "và 218-QĐ/TW", "; số 192/TTr-BVHTTDL ngày ..."
LIST_ITEM_RE = rx(
    r"\s*(?:,|;|va\b|hoac\b)\s*(?:so\s*[:.]?\s*)?"
    r"(?P<num>\d{1,7}(?:\.\d{1,2})?[a-z]?)\s*(?P<sep>[/-])\s*(?P<sym>" + _SYM + r")" + _DATE
)
# A later short mention without symbol: "Quyết định số 765" (merged with its full mention).
# (the number ends there: not "35" of "35A/THB-TV", "66" of "66.13/2026/NQ-CP", nor the pieces of
# a number or symbol broken by OCR: "số 1 11/2013/TT-BTC", "số 116 CV/BCSD", "số 31⁄2018/NĐ-CP")
_SHORT_NUMBER_END = r"(?![\d/⁄a-z-]|[.,]\d|\s+\d|\s+[a-z]{1,10}\s*[/⁄-])"
SHORT_RE = rx(r"(?<![a-z])(?P<type>" + _TYPE_ALT + r")\s+so\s*[:.]?\s*(?P<num>\d{1,12})" + _SHORT_NUMBER_END)
# opens with the literal "so" (the look-behind follows it) so that the scan jumps between "so"s
_SHORT_CORE_RE = rx(r"so(?<![a-z]so)\s*[:.]?\s*\d{1,12}" + _SHORT_NUMBER_END)
# Types whose name may stand between the type word and "số" in any case ("Luật thuế TTĐB số 70/2014/QH13").
_NAME_TYPES = {"Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp", "Điều ước", "Hiệp định"}
_ISSUER_START = rx(r"\s*,?\s*(?:cua\s+cua\s+|cua\s*|do\s+)(?=\S)")  # ("của của Công ty ...": typed twice)
# Words that end an issuer name when printed in lower case (the start of the cited title or of
# the rest of the sentence): "của Tỉnh ủy Lạng Sơn tổ chức học tập ..." -> "Tỉnh ủy Lạng Sơn".
# Names themselves contain lower-case words ("Ủy ban nhân dân tỉnh", "Tập đoàn Dầu khí Việt Nam"),
# so the scan stops on these, not on case.
_STOP_WORDS = {
    "về", "tại", "theo", "đã", "có", "gửi", "đang", "nay", "thì", "như", "với", "ngày", "cho",
    "trong", "để", "được", "kèm", "là", "số", "và", "hoặc", "thuộc", "nhằm", "này", "đó", "đối",
    "xin", "nêu", "lần", "từ", "khi", "trước", "đến", "nhưng", "mà", "vì", "do",
    "hỏi",  # "của Công ty CP Clever Group hỏi về chính sách thuế"
    "cùng",  # "của Bộ Tài chính cùng các bộ, ngành ..."
    "vẻ", "vé", "vể",  # OCR readings of "về" ("của Cục Thuế tỉnh Đồng Nai vẻ chính sách thuế")
    "đề",  # ... and of "để" ("của Công ty TNHH ... Việt Nam đề ngày 24/9/2020")
}
_STOP_BIGRAMS = {
    "ban hành", "quy định", "hướng dẫn", "phê duyệt", "triển khai", "tổ chức", "thực hiện",
    "tuyên truyền", "sửa đổi", "bổ sung", "đề nghị", "hỗ trợ", "tăng cường", "đẩy mạnh", "thông báo",
    "chỉ đạo", "yêu cầu", "trả lời", "giải đáp", "xác định", "phúc đáp", "kiến nghị", "báo cáo",
    "đồng ý", "chấp thuận", "gia hạn", "áp dụng", "điều chỉnh", "công bố", "thống nhất", "tiếp tục",
    "bãi bỏ", "hủy bỏ", "thay thế", "ấn định", "thành lập", "cho phép", "công nhận", "phân bổ",
    "quyết định", "giao dự", "phân quyền", "phân cấp",  # "của Thủ tướng Chính phủ giao dự toán ..."
    # "của Cục Hải quan TP. HCM phản ánh vướng mắc ...", "của Văn phòng Chính phủ chuyển công văn ..."
    # (compared folded: the scan's "chuyên công văn" stops too)
    "phản ánh", "chuyển công", "chuyển đơn", "chuyển hồ", "chuyển kiến", "giải trình", "cung cấp", "kiện toàn",
    # "sau" ends a name only as "sau khi/đó/này/ngày": "Chi cục Kiểm tra sau thông quan" is a body
    "sau khi", "sau đó", "sau này", "sau ngày", "sau thời",
    "vướng mắc",  # "của Cục Thuế tỉnh Hà Nam vướng mắc về xử phạt ..."
    "thành mức",  # tariff amendments: "... tại Thông tư số 48/2015/TT-BTC của Bộ trưởng Bộ Tài chính thành mức thuế suất ..."
    "tạm ngưng", "phê chuẩn",  # "của Chính phủ tạm ngưng hiệu lực ...", "của Quốc hội phê chuẩn Nghị định thư ..."
    "quy dink",  # a scan's "quy định" ("của Chính phú quy dink chúc năng ...")
}
# verbs that open a cited title even when printed with a capital, never a word of a body's name
# (unlike "Chỉ đạo", "Tổ chức", "Hỗ trợ", "Quản lý": "Ban Chỉ đạo", "Ban Tổ chức Trung ương")
_CAPITAL_STOP_BIGRAMS = {"huong dan", "quy dinh", "ban hanh", "sua doi", "phe duyet", "ve viec"}
# the second half of the ministries' joined names, printed in lower case too ("Sở Kế hoạch và đầu
# tư", "Bộ Lao động - Thương binh và xã hội"): "và" goes on with the name before them
_AND_TAILS = {"dau tu", "xa hoi", "du lich", "moi truong", "phat trien", "cong nghe", "truyen thong",
              "dao tao", "thuong binh"}
_STOP_WORDS_FOLDED = {fold(w) for w in _STOP_WORDS} - {"dang", "co", "ve", "do", "hoi", "cung"} | {"ve"}  # ("HỘI", "CUNG ỨNG": in names)
_STOP_BIGRAMS_FOLDED = {fold(b) for b in _STOP_BIGRAMS}
# the words "giao" ends inside a name: "Bộ Ngoại giao", "Chuyển giao Công nghệ"
_GIAO_HEADS = frozenset({"ngoai", "chuyen"})
_HONORIFIC = {"quý"}  # "của quý Sở", "của quý Công ty"
_HONORIFIC_FOLDED = {fold(w) for w in _HONORIFIC}


_TYPE_FOLDED = tuple(_TYPE_BY_FOLD)
_NAME_TAIL_DROP = {"va", "cua", "tai", "-", "–", "—", "&", "cap"}  # ("do Sở ... cấp": issued by)
_NAME_TAIL_KEEP = {"tải"}  # folds to "tai" ("tại", at) but ends a name: "Bộ Giao thông vận tải"


# the longest name read: the bodies of a joint document ("Bộ trưởng Bộ Lao động - Thương binh và Xã
# hội và Bộ trưởng Bộ Nội vụ", 17 words); stop words end every name before this
_NAME_WORDS = 24


def _scan_name(words: list[str]) -> list[str]:
    """The leading words of ``words`` that form a body's name (see _STOP_WORDS)."""
    out: list[str] = []
    head = words[: _NAME_WORDS + 3]  # the scan reads at most _NAME_WORDS words and looks 3 ahead
    n = len(head)
    # folded lower-case words, aligned with ``head`` (folding keeps length and blanks): one fold
    # for the whole run instead of one per word and per look-ahead
    fwords = fold(" ".join(head).lower()).split()
    skip = 0
    for i, w in enumerate(head[:_NAME_WORDS]):
        flow = fwords[i]
        if skip:
            skip -= 1
            out.append(w)
            continue
        if out and flow == "va" and " ".join(fwords[i + 1 : i + 3]) in _AND_TAILS:
            out.append(w)  # "và đầu tư": the tail's two words are taken whatever their case
            skip = 2
            continue
        if out and flow != "va" and w[:1].isupper() and w[:1].isalpha() and not w.isupper():
            if i + 1 < n and head[i + 1][:1].islower() and f"{flow} {fwords[i + 1]}" in _CAPITAL_STOP_BIGRAMS:
                break  # a title opening in capitals: "của Bộ Tài chính Hướng dẫn thực hiện ..."
            out.append(w)  # a capitalised word inside a name ("Lạng", "Sơn"): every test below lets it through
            continue
        low = w.lower()
        nxt = head[i + 1] if i + 1 < n else ""
        # upper-case words and words without any diacritic (text typed or converted without
        # them) are compared folded; others exactly (folded "dang" is both Đảng and đang)
        caps = w.isupper() and len(w) > 1
        plain = caps or w.isascii()
        if flow == "va" and " ".join(fwords[i + 1 : i + 4]).startswith(_TYPE_FOLDED):
            break  # "của Chính phủ và Báo cáo thẩm tra số ..."
        if w == "&" and out and nxt[:1].isalpha():
            out.append(w)  # "&" only joins the words of a name: "Công ty TNHH dịch vụ & thương mại MESA"
            continue
        if (low in ("và", "-", "–", "—", "&") or (plain and low == "va")) and out and nxt[:1].isupper():
            out.append(w)  # "Bộ Kế hoạch và Đầu tư", "Bộ Lao động - Thương binh và Xã hội"
            continue
        if not out and (low in _HONORIFIC or (plain and flow in _HONORIFIC_FOLDED)):
            out.append(w)
            continue
        if low == "giao" and out and nxt[:1].isupper() and fwords[i - 1] not in _GIAO_HEADS:
            break  # the verb before the body it assigns: "của Văn phòng Chính phủ giao Bộ Tài chính ..."
        if w[:1].islower() or caps:
            if plain:
                if flow in _STOP_WORDS_FOLDED:
                    break
            elif low in _STOP_WORDS:
                break
            # bigrams compared folded, so OCR spellings stop too ("dé nghị" for "đề nghị");
            # "Ban tổ chức ..." is a body (an organising committee), not the verb "tổ chức"
            if nxt and f"{flow} {fwords[i + 1]}" in _STOP_BIGRAMS_FOLDED and (not out or out[-1].lower() != "ban"):
                break
        if not (w[:1].isalpha() or w[:1].isdigit()):
            break
        out.append(w)
    while out and fwords[len(out) - 1] in _NAME_TAIL_DROP and out[-1].lower() not in _NAME_TAIL_KEEP:  # ``out`` is a prefix of ``head``
        out.pop()
    if out and not (out[0][:1].isupper() or out[0].lower() in _HONORIFIC):
        return []
    return out


def _scan_joint_name(words: list[str]) -> list[str]:
    """``_scan_name``, and "liên" before a capitalised name ("của liên Bộ Quốc phòng, Bộ Y tế và
    Bộ Tài chính": the bodies of a joint document, not "do liên quan đến")."""
    if len(words) > 1 and words[0][:1] in "lL" and fold(words[0].lower()) == "lien" and words[1][:1].isupper():
        rest = _scan_name(words[1:])
        return [words[0], *rest] if rest else []
    return _scan_name(words)


def _one_line(s: str) -> str:
    """Single line breaks (wrapped lines) as spaces, keeping length; paragraph breaks stay."""
    return rx(r"\n(?<!\n\n)(?!\n)").sub(" ", s)


# (a dot ends a name unless it closes "TP.", "TP. Hà Nội"; "./" is a text's end mark: "Tổng cục Thuế./.")
_ISSUER_END = rx(r"\n\n|[;:“”\"()]|,\s|(?<![Tt][Pp])\.\s|\.$|\./")


def _issuer_after(text: str, folded: str, pos: int) -> tuple[Optional[str], int]:
    """The issuer after "của"/"do" up to punctuation or a stop word; returns (issuer, end offset)."""
    m = _ISSUER_START.match(folded, pos)
    if not m:
        return None, pos
    return _name_at(text, m.end(), pos)


# the separator between the bodies of a joint document: "của Bộ Quốc phòng, Bộ Y tế và Bộ Tài chính"
_JOINT_SEP = rx(r"\s*(?:,|va\b)\s*(?=\S)")
_BODY_OR_TITLE_HEADS = BODY_HEADS + TITLE_HEADS
_JOINT_TYPE_CODES = ("ttlt", "nqlt", "ttlb")  # thông tư / nghị quyết liên tịch, thông tư liên bộ


def _joint_bodies(symbol: str) -> int:
    """How many bodies a joint document's symbol names: "2008/TTLT-BQP-BLĐTBXH-BTC" -> 3,
    "2013/TTLT/BTC-BLĐTBXH" -> 2, a Party "QC/BTCTU-BDVTU" -> 2; 1 for any other symbol (whose
    second code is a unit, not a body)."""
    up = symbol.upper()
    head, slash, tail = up.partition("/")
    if slash and head.isalpha() and "-" in tail:
        # a Party symbol, type code before the slash and issuer codes after it (HD36): "QC/BTCTU-BDVTU"
        return len([p for p in tail.split("-") if p])
    if "LT" not in up and "LB" not in up:
        return 1  # (every joint type code holds one of them: most symbols end here)
    parts = [p for p in rx(r"[/-]").split(fold(symbol)) if p and not p.isdigit()]
    if not parts or not parts[0].startswith(_JOINT_TYPE_CODES):
        return 1
    return max(1, len(parts) - 1)


def _joint_issuer(text: str, folded: str, pos: int, issuer: str, end: int, bodies: int) -> tuple[str, int]:
    """A joint document's issuer goes on over the bodies its symbol names (the codes after the
    type code: "55/2005/TTLT-BNV-VPCP", format-rules §4): "của Bộ Quốc phòng, Bộ Lao động -
    Thương binh và Xã hội, Bộ Tài chính" is one issuer of "2008/TTLT-BQP-BLĐTBXH-BTC", where the
    comma would end any other issuer ("của UBND tỉnh, Sở ... đề nghị": the next clause's subject)."""
    m = _ISSUER_START.match(folded, pos)
    start = m.end() if m is not None else end - len(issuer)
    first_end = end
    names = 1
    while names < bodies:
        sep = _JOINT_SEP.match(folded, end)
        if sep is None:
            break
        name, name_end = _name_at(text, sep.end(), end)
        if name is None or not name[:1].isupper():
            break
        end = name_end
        # a name that does not open with a body's or an office's head word goes on with the one
        # before it: "Bộ Văn hóa, Thể thao và Du lịch" (a comma in the name itself)
        if (fold(name.lower()) + " ").startswith(_BODY_OR_TITLE_HEADS):
            names += 1
    return (clean(text[start:end]) if end > first_end else issuer), end


def _name_at(text: str, start: int, pos: int) -> tuple[Optional[str], int]:
    """The name of a body starting at ``start`` (see ``_issuer_after``); (None, pos) when none."""
    # up to the first separator (a single line break is a blank like any other here: ``_one_line``
    # would not move the cut, and only whole words are read)
    seg = text[start : start + 200]
    cut = _ISSUER_END.search(seg)
    if cut is not None:
        seg = seg[: cut.start()]
    nl = seg.find("\n")
    while nl >= 0:
        # a line in capitals below ends the name ("... của Ủy ban Thường vụ Quốc hội" / "ỦY BAN
        # THƯỜNG VỤ QUỐC HỘI": the page's heading, pdfplumber text without blank lines)
        nxt_line = seg[nl + 1 :].split("\n", 1)[0].strip()
        if (len(nxt_line.split()) >= 2 and is_upper_text(nxt_line) and seg[:nl].strip()
                and not is_upper_text(seg[:nl])):  # (a title in capitals wraps on: "CỦA CHÍNH" / "PHỦ ...")
            seg = seg[:nl]
            break
        if _LIST_LABEL_LINE.match(text, start + nl + 1) and seg[:nl].strip():  # (``seg`` may end in the label)
            # the next line opens a list item: "... của Bộ trưởng Bộ Nội vụ" / "1. Sửa đổi ..."
            seg = seg[:nl]
            break
        fn = fold(nxt_line)
        if _BASIS_LINE.match(fn) or (AUTHORITY_LINE_RE.match(fn) and is_upper_text(nxt_line)
                                     and _BASIS_LINE.match(fold(_line_after(text, start + nl + 1)))):
            # a decision's title, then its authority line and "Căn cứ": "... CỦA HỘI ĐỒNG NHÂN DÂN
            # TỈNH" / "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM" / "Căn cứ ..." (web text without blank lines)
            seg = seg[:nl]
            break
        nl = seg.find("\n", nl + 1)
    out = _scan_joint_name(seg.split(maxsplit=_NAME_WORDS + 3))  # (_scan_name reads no more)
    if not out:
        return None, pos
    issuer = clean(" ".join(out)).rstrip(",.;")
    end = start + seg.find(out[-1]) + len(out[-1]) if out[-1] in seg else start + len(" ".join(out))
    return issuer or None, end


# a list item's label opening a line: "1. ", "2) ", "1.3. ", "a) " (a name never goes on there; a
# dash may: "Bộ Lao động" / "- Thương binh và Xã hội" wrapped at its hyphen)
_LIST_LABEL_LINE = rx(r"\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ]\)\s)")


def _line_after(text: str, pos: int) -> str:
    """The line after the one starting at ``pos``."""
    a = text.find("\n", pos)
    if a < 0:
        return ""
    b = text.find("\n", a + 1)
    return text[a + 1 : b if b >= 0 else len(text)]


_BASIS_LINE = rx(r"\s*(?:can cu\b|xet de nghi|theo de nghi)")
_DATE_AFTER_ISSUER = rx(
    r"\s*,?\s*(?P<d>ngay\s*(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}))"
)
_BEFORE_CUA_TAI = rx(r"(?:cua|do)\s+(?P<x>[^;:()\n]{2,100}?)\s+tai(?:\s+cac)?\s*$")
# "... đã được UBND tỉnh, Chủ tịch UBND tỉnh chỉ đạo tại Chỉ thị số 01/CT-UBND": the body that
# directed by the cited document (the list of bodies may hold commas)
_BEFORE_DIRECTED = rx(r"duoc\s+(?P<x>[^;:()\n]{2,100}?)\s+(?:da\s+)?chi dao(?:\s+tai)?(?:\s+cac)?\s*$")
_BEFORE_CLAUSE = rx(
    r"(?:^|[,;]\s*|\s)(?:(?P<d>ngay\s*(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}))"
    r"\s*,?\s*)?(?:tai\s+ky\s+hop\s+(?:thu\s+)?\S+\s*,?\s*)?"  # "ngày ..., tại kỳ họp thứ 8, Quốc hội ... đã thông qua"
    r"(?P<x>[^,;:()\n]{2,80}?)\s+(?:da\s+|vua\s+)?(?:co|ban hanh|gui|ky|thong qua)(?:\s+cac)?\s*$"
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
    m = _BEFORE_CUA_TAI.search(win) or _BEFORE_DIRECTED.search(win)
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
    if len(words) > 14 or rx(r"\d").search(cand):
        return None, date
    if rx(r",\s+(?!\p{Lu})").search(cand):
        return None, date  # a comma inside a name only before a capitalised word ("Văn hoá, Thể thao")
    while words and not (words[0][:1].isupper() or words[0].lower() in _HONORIFIC):
        words.pop(0)  # the issuer is the name the clause ends with: drop its leading words
    out = _scan_name(words)
    return (" ".join(out) or None), date


_ROLE_RE = rx(
    r"(?P<legal_basis>can cu\b)|(?P<implementing>(?:thuc hien|trien khai|quan triet)\b)"
    r"|(?P<proposal>(?:theo|xet)\s+(?:de nghi|to trinh)\b|de nghi cua\b)|(?P<reply>(?:tra loi|phuc dap)\b)"
)
# "A và B của X", "A, B của X": one issuer for both; ";" separates items with their own issuer
_SHARE_RE = rx(r"[\s,]*(?:(?:va|hoac)\b)?[\s,]*(?:cac\s+)?")
# the same with the previous item's title between ("... ngày 03/01/2024 về việc ..., Chỉ thị số ...")
# (a title may wrap onto the next line, not across a blank one; it must end at a separator: in
# "công văn số 10315/BTC-TCT về việc thực hiện Luật số
# 106/2016/QH13" the law is named inside the title, not listed after it)
_TITLED_SHARE_RE = rx(
    r"[\s,;]*(?:(?:ve viec|ve|v/v)\s(?:[^;.\n]|\n(?![^\S\n]*\n)){0,200}?(?:[,;]|\s(?:va|hoac)\b))?[\s,;]*(?:(?:va|hoac)\b)?"
    r"[\s,;]*(?:cac\s+)?"
)
# what may stand before a role keyword that opens its clause: a list label or bullet, an opening
# quote, "V/v", "Để" ("Để triển khai Kế hoạch số ..."), a directive's adverb ("a) Tập trung thực hiện ...")
_OPENS_CLAUSE = rx(
    # (no two adjacent parts take the same blanks: a long run of blanks is read once, not tried
    # at every split)
    r"[\s\-•+*“\"'(]*(?:(?:\d{1,3}|[a-zđ]|[ivxl]{1,5})(?:\s*[.)]|\s)[\s“\"'(]*)?"
    r"(?:(?:v\s*/\s*v|ve viec)(?:\s*:)?\s*)?(?:de\s+)?"  # a subject: "V/v triển khai thực hiện Nghị định 128/..."
    r"(?:(?:tap trung|tiep tuc|khan truong|nghiem tuc|to chuc|chu dong|kip thoi|trien khai)\s+)?"
)
# the enacting formula after "Theo đề nghị của ...;": "Chính phủ ban hành Nghị định sửa đổi, bổ sung
# một số điều của Nghị định số ..." (not "về việc ban hành ...", the subject of a proposal)
_ENACTING_RE = rx(r"(?<!viec )(?<!ve )\bban hanh\s+(?:" + _TYPE_ALT + r")\b")
# (articles of the next document may stand between: "... số 45/2005/QH11, khoản 6, khoản 14 Điều 12
# Nghị định 87/2010/NĐ-CP", one "Căn cứ" governing both)
_CONNECTOR_RE = rx(r"[\s,;]*(?:(?:va|hoac)\b)?[\s,]*(?:cac\s+)?"
                   r"(?:(?:diem|khoan|dieu|tiet)\s+[a-z0-9.]{1,6}[\s,]*(?:(?:va|hoac)\s+)?)*")
_AMENDED_BY_RE = rx(r"sua doi,?\s*bo sung\s*(?:mot so dieu\s*)?(?:boi|theo|tai)\b|duoc sua doi")


def _last(pattern: Pattern, s: str) -> Optional[Match]:
    last = None
    for last in pattern.finditer(s):  # noqa: B007 - we want the last match
        pass
    return last


def _clause_start(folded: str, pos: int, lo: int) -> int:
    """Start of the sentence holding ``pos``: after the last ". " or blank line (";" does not end it)."""
    floor = max(lo, pos - 400)
    cut = max(folded.rfind(". ", floor, pos), folded.rfind("\n\n", floor, pos),
              folded.rfind("\ncan cu", floor, pos))  # (a line opening with "Căn cứ" opens a clause)
    return cut + 1 if cut >= 0 else floor


def _role_for(folded: str, start: int, clause: int, prev: Optional[tuple[int, Optional[str], str]]) -> str:
    """The role the sentence gives this citation.

    The keyword opening the sentence (Căn cứ / Thực hiện / Theo đề nghị / Trả lời) gives the role of
    the citations it governs: the first, those joined to it by "và", ",", ";" and those amending it
    ("được sửa đổi, bổ sung bởi Luật số ..."); a document named inside another's title is a mention.
    """
    if prev is None or prev[0] < clause:
        gap = folded[clause:start]
        m = _last(_ROLE_RE, gap)
        if m is None:
            return "mention"
        role = m.lastgroup or "mention"
        # the keyword gives this letter's relation to the document only when it opens its clause
        # (the sentence, or the part after a list's ";", a ":" or a line break: "...; Căn cứ Nghị
        # định số ...", "Trả lời: Căn cứ Thông tư ..."); inside the sentence it does not: "X có công
        # văn số ... trả lời công văn số ...", "... khó khăn trong việc thực hiện Nghị quyết số ...",
        # "Thông tư này hướng dẫn thực hiện ... quy định tại Quyết định số ..."
        lead = max(gap.rfind(";", 0, m.start()), gap.rfind(":", 0, m.start()), gap.rfind("\n", 0, m.start())) + 1
        if not _OPENS_CLAUSE.fullmatch(gap, lead, m.start()):
            return "mention"
        if role == "proposal" and _ENACTING_RE.search(gap, m.end()):
            return "mention"  # the proposal governs the enacted document, not one its title names
        return role
    gap = folded[prev[0] : start]
    tail = gap[gap.rfind(";") + 1 :] if ";" in gap else gap
    if _CONNECTOR_RE.fullmatch(tail) or _AMENDED_BY_RE.search(gap):
        return prev[2]
    m = _last(_ROLE_RE, tail)
    if m is not None and _CONNECTOR_RE.fullmatch(tail[: m.start()]):
        return m.lastgroup or "mention"  # "...; Thực hiện Kế hoạch số ..."
    if m is None and rx(r"(?:^|\s)(?:va|hoac)\s+(?:cac\s+)?$").search(tail):
        return prev[2]  # "Nghị quyết số 13/NQ-CP ... (title) và Nghị quyết số 124/NQ-CP"
    return "mention"


# words a conversion glues onto the symbol before them ("BYT-MTngày", "CP-Mvề")
_GLUED_WORDS = {"ngay", "ve", "cua", "nam", "thang", "va", "tai", "theo", "do", "duoc", "quy", "huong", "ban"}


# The symbol of a text issued before the 1990s rules: a number, a dash and the issuer's code in
# capitals, without a "/": "Quyết định số 206-CP ngày 30 tháng 5 năm 1979", "số 111-HĐBT", "số 87-CT"
_OLD_DASH_CODE = rx(r"[A-ZĐ]{2,5}")


def _symbol(text: str, m: _Match) -> tuple[str, int]:
    """Normalised symbol and its end; a glued lower-case word is cut off ("BYT-MTngày" -> "BYT-MT")."""
    raw = text[m.start("sym") : m.end("sym")]
    # (the pattern needs three lower-case letters at the end: ``islower`` rules most symbols out first)
    glued = rx(r"(?<=[\p{Lu}\d])\p{Ll}{3,}$").search(raw) if raw[-3:].islower() else None
    if glued and not rx(r"(?:TTr|CTr|QyĐ|TTg|QĐi|TrS)$").search(raw[: glued.end()]):
        word = glued.group()
        # a Vietnamese word glued on ("BYT-MTngày", "CNTT-ANTThướng", "TT-BTCsửa") is cut off; an
        # unaccented tail is a company's name in mixed case, the symbol's ("CV-VPBank", "CV-Habeco");
        # after a hyphen and one capital, a name with accents too ("172/2019/CV-Meredit")
        if fold(word) in _GLUED_WORDS or (not word.isascii() and not (glued.start() >= 2 and raw[glued.start() - 2] == "-")):
            raw = raw[: glued.start()]
    return normalise_symbol(raw), m.start("sym") + len(raw)


def _date_of(text: str, folded: str, m: _Match) -> Optional[PartialDate]:
    if m.group("date") and m.group("date").strip(" ,"):
        ds, de = m.start("date"), m.end("date")
        return dates.find_date(folded[ds:de], text[ds:de], ds)
    return None


def _type_of(m: _Match, text: str) -> Optional[str]:
    """Canonical type of a matched type word, spaces ignored ("Côngvăn" -> "Công văn")."""
    return _TYPE_BY_KEY.get("".join(m.group("type").split()))


# Every citation has a number and a symbol: "199/KH-", "238-QĐ/", "30/2020/NĐ". Searching the big
# type alternation only around these cores keeps the scan cheap on long bodies. A core is found
# from its separator: a pattern opening with the literal "/" (or "-") lets the engine jump between
# separators, where one opening with ``\d`` would be tried at every position; the part before the
# separator (``\d{1,7}[a-z]?\s*``) is then checked by hand, after look-behinds (right after the
# literal) have dropped the separators with no digit just before them (bullets, dashes); at most
# three spaces may stand between the number and its separator.
_CORE_TAILS = tuple(
    rx(sep + r"(?:(?<=\d.)|(?<=\d[a-z].)|(?<=\d\s.)|(?<=\d[a-z]\s.)|(?<=\d\s\s.)|(?<=\d\s\s\s.))"
       r"\s*(?:\d{4}\s*/\s*)?[a-z]", re.S)
    for sep in ("/", "-")
)
_DIGITS = frozenset("0123456789")
_WINDOW_BEFORE, _WINDOW_AFTER = 120, 200  # a law's name before the number; symbol, date, next items after


def _core_start(s: str, lo: int, sep: int) -> int:
    r"""Start of ``\d{1,7}[a-z]?\s*`` ending at ``sep``, or -1."""
    j = sep - 1
    while j >= lo and s[j].isspace():
        j -= 1
    if j > lo and "a" <= s[j] <= "z" and s[j - 1] in _DIGITS:
        j -= 1
    if j < lo or s[j] not in _DIGITS:
        return -1
    start = j
    while start > lo and start > j - 6 and s[start - 1] in _DIGITS:
        start -= 1
    return start


def _cores(folded: str, lo: int, hi: int) -> list[tuple[int, int, int]]:
    """(separator, core start, core end) of every number-and-symbol core, in order."""
    found: list[tuple[int, int, int]] = []
    for tail_re in _CORE_TAILS:
        pos = lo
        while True:
            t = tail_re.search(folded, pos, hi)
            if t is None:
                break
            start = _core_start(folded, lo, t.start())
            if start < 0:
                pos = t.start() + 1  # the next separator may still open a core ("abc/2014/QH13")
                continue
            found.append((t.start(), start, t.end()))
            pos = t.end()
    found.sort()
    out: list[tuple[int, int, int]] = []
    for core in found:
        if not out or core[0] >= out[-1][2]:  # a separator inside the previous core is part of it
            out.append(core)
    return out


def _candidate_windows(folded: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for _, start, end in _cores(folded, lo, hi):
        w0, w1 = max(lo, start - _WINDOW_BEFORE), min(hi, end + _WINDOW_AFTER)
        if out and w0 <= out[-1][1]:
            out[-1] = (out[-1][0], w1)
        else:
            out.append((w0, w1))
    return out


def _body_code(sym: Optional[str]) -> Optional[str]:
    """The issuing body's code of a cited symbol without its term digits: "2014/QH13" -> "qh",
    "2015/NĐ-CP" -> "cp", "TCT-CS" -> "tct"."""
    if not sym:
        return None
    code = split_symbol(sym)[2]
    m = _BODY_LETTERS.match(fold(code)) if code else None  # ("BTC.ngày": a word glued on)
    return m.group() if m else None


_BODY_LETTERS = rx(r"[a-z&]+")


def _same_body(a: Optional[str], b: Optional[str]) -> bool:
    return a is None or b is None or a == b


def find_references(text: str, folded: str, lo: int = 0, hi: Optional[int] = None) -> list[Reference]:
    """Every cited document with a number in text[lo:hi], de-duplicated, in order of appearance.

    Lists share what the sentence states once: "các Quy định số 217-QĐ/TW và 218-QĐ/TW ngày
    12/12/2013" gives two references with that date; the issuer after the last item applies to all.
    """
    hi = len(text) if hi is None else hi
    refs: list[Reference] = []
    index: dict[tuple[Optional[str], Optional[str]], Reference] = {}
    pos = lo
    prev: Optional[tuple[int, Optional[str], str]] = None  # (end, issuer, role) of the previous citation
    windows = _candidate_windows(folded, lo, hi)
    search = REFERENCE_RE.search
    chain: list[Reference] = []  # citations joined by "và" / "," sharing what the sentence states
    prev_governed = False  # the previous citation's issuer was stated before it ("của X tại ...")
    while True:
        m: Optional[_Match] = None
        while windows and m is None:
            w0, w1 = windows[0]
            if w1 <= pos:
                windows.pop(0)
                continue
            m = search(folded, max(pos, w0), w1)
            if m is None:
                windows.pop(0)
        if not m:
            break
        pos = m.end()
        sym, sym_end = _symbol(text, m)
        if not symbol_looks_real(sym) or (m.group("sep") == "-" and "/" not in sym and not _OLD_DASH_CODE.fullmatch(sym)):
            continue  # "Luật 12-2020" ranges, "12/3" fractions
        tname = _type_of(m, text)
        if m.group("name"):
            words = text[m.start("name") : m.end("name")].split()
            if tname not in _NAME_TYPES and (len(words) > 3 or any(w[:1].isupper() for w in words)):
                continue  # only short lower-case qualifiers ("thẩm tra") for other types
            if tname in _NAME_TYPES and len(words) > 8:
                continue
            if tname in _CODED_TYPES:  # (not "Văn bản": "văn bản số 10047/CT-TTHT", CT = Cục Thuế)
                # a verb, not a type, before a qualifier: "hướng dẫn về thuế" / "số 12/2015/NĐ-CP"
                # (the type word two lines further down, where a scan moved it): the symbol's own
                # type code names the type
                code_type = _TYPE_BY_CODE.get(split_symbol(sym)[1] or "")
                if code_type is not None and code_type != tname:
                    tname = code_type
        group: list[tuple[Optional[str], str, str, Optional[PartialDate], tuple[int, int]]] = []
        head_type = tname
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
            lend = lsym_end if not li.group("date") else li.end()
            group.append((tname, text[li.start("num") : li.end("num")], lsym,
                          _date_of(text, folded, li), (li.start("num"), lend)))
            p = lend
        pos = max(pos, p)
        last_end = group[-1][4][1]
        issuer, issuer_end = _issuer_after(text, folded, last_end)
        if issuer:
            bodies = _joint_bodies(group[-1][2])
            if bodies > 1:
                issuer, issuer_end = _joint_issuer(text, folded, last_end, issuer, issuer_end, bodies)
        if issuer and group[-1][3] is None:
            dm = _DATE_AFTER_ISSUER.match(folded, issuer_end)
            if dm:
                ds, de = dm.start("d"), dm.end("d")
                late = dates.find_date(folded[ds:de], text[ds:de], ds)
                group[-1] = (*group[-1][:3], late, group[-1][4])
        # what the clause states before the citation serves only a missing issuer or date
        single_undated = len(group) == 1 and group[0][3] is None
        before_issuer, before_date = (_stated_before(text, folded, m.start()) if issuer is None or single_undated
                                      else (None, None))
        governed = issuer is None and before_issuer is not None  # "được X chỉ đạo tại ...", "của X tại ..."
        if issuer is None:
            issuer = before_issuer
        shared_date = group[-1][3] if len(group) > 1 and all(g[3] is None for g in group[:-1]) else None
        if single_undated:
            shared_date = before_date
        clause = _clause_start(folded, m.start(), lo)
        role = _role_for(folded, m.start(), clause, prev)
        if prev is not None and prev[0] >= clause and _SHARE_RE.fullmatch(folded[prev[0] : m.start()]):
            issuer = issuer or prev[1]  # "Công văn số 1923/TCT-TTKT ngày 06/6/2022 và Công văn số 2925/..."
            if issuer:
                body = _body_code(group[-1][2])
                for earlier in chain:
                    # "... số 1640/TCT-CS và Công văn số 427/TCT-DNL của X"; not across bodies: in
                    # "Luật ... số 54/2014/QH13, Nghị định số 08/2015/NĐ-CP ... của Chính phủ" the law
                    # is not the Government's
                    if earlier.issuer is None and _same_body(_body_code(earlier.symbol), body):
                        earlier.issuer = issuer
        elif (prev is not None and prev[0] >= clause and prev_governed and issuer is None
              and _TITLED_SHARE_RE.fullmatch(folded[prev[0] : m.start()])):
            # "được X chỉ đạo tại Chỉ thị số 01/... về việc A, Công văn số 4643/...; số 4975/...":
            # the body stated before the list governs the items that follow, titles between them
            issuer = prev[1]
            role = prev[2]  # the sentence's keyword governs the whole list too
            governed = True
            chain = []
        else:
            chain = []
        prev = (max(last_end, issuer_end if issuer else last_end), issuer, role)
        prev_governed = governed
        for gtype, number, gsym, gdate, span in group:
            date = gdate or shared_date
            key = (number, gsym)
            if key in index:
                r = index[key]
                r.mentions.append(span)
                if r.type in (None, "Văn bản") and gtype not in (None, "Văn bản"):
                    r.type = gtype  # "các văn bản: Số 202/TTr-..." then "các Tờ trình: Số 202/TTr-..."
                if r.date is None and date is not None:
                    r.date = date
                if r.issuer is None and issuer:
                    r.issuer = issuer
                continue
            r = Reference(type=gtype, number=number, symbol=gsym, date=date, issuer=issuer,
                          text=clean(text[span[0] : span[1]]), span=span, role=role, mentions=[span])
            index[key] = r
            refs.append(r)
            chain.append(r)
    # later short mentions ("Quyết định số 765") merge into their full mention
    by_type_num: dict[tuple[Optional[str], str], Reference] = {}
    for r in refs:
        if r.number is not None:
            by_type_num.setdefault((r.type, r.number), r)
    short_only = False
    for core in _SHORT_CORE_RE.finditer(folded, lo, hi):
        sm = SHORT_RE.search(folded, max(lo, core.start() - 30), core.end())
        if sm is None or sm.end() != core.end():
            continue
        tn: tuple[Optional[str], str] = (_TYPE_BY_KEY.get("".join(sm.group("type").split())), sm.group("num"))
        full = by_type_num.get(tn)
        if full is None:
            if "\n\n" in folded[sm.start() : sm.end()]:
                continue  # "Thông tư số" / (blank) / "15 Chương này ...": a footnote's number
            # a document cited by its number alone ("công văn số 2017042 ngày 23/6/2017 của Ngân
            # hàng ...", "Nghị quyết số 19 của Chính phủ"): a reference without a symbol
            full = by_type_num[tn] = _numbered_only(text, folded, sm, tn[0], lo)
            refs.append(full)
            short_only = True
        elif not any(a <= sm.start() < b for a, b in full.mentions):
            full.mentions.append(sm.span())
    for cm in _code_only_matches(folded, lo, hi):
        g = _code_group(cm)
        if not any(c.isdigit() for c in cm.group(g)) or not text[cm.start(g)].isupper():
            continue  # a code has a digit and opens with a capital as printed
        if any(r.span[0] <= cm.start(g) < r.span[1] for r in refs):
            continue
        cr = _code_only(text, folded, cm, lo)
        same = index.get((None, cr.symbol))
        if same is not None:  # the letter cited again: one reference, one more mention
            same.mentions.append(cr.span)
            same.date = same.date or cr.date
            same.issuer = same.issuer or cr.issuer
            continue
        index[(None, cr.symbol)] = cr
        refs.append(cr)
        short_only = True
    if short_only:
        refs.sort(key=lambda r: r.span[0])
    return refs


# A letter cited by a code with no number before it, as companies number theirs: "công văn số
# CV/ILA/2658A dé ngày ...", "SDIV/FIN/20180918, ngày 04 tháng 10 năm 2018", "OM.15072019 ngày",
# "CV-" / "2022-0605 ngày 06/5/2022", "công hàm số KCH-22-895 ngày" (the code holds a separator, a
# date follows it); or letters glued to a serial of six digits or more: "BHF20220120 ngày",
# "SSVINA20190423 ghi ngày", "FA20191016 của Công ty" (a date or the sender follows it)
_CODE_ONLY_RE = rx(
    r"(?P<type>cong van|van ban|cong ham)\s+so\s*[:.]?\s*(?:"
    r"(?P<sym>[a-z][a-z0-9]*(?:(?:[/.]|-(?:[^\S\n]*\n[^\S\n]*)?)[a-z0-9]+)+)"
    r"(?=\s*,?\s*(?:de\s+|ghi\s+)?ngay\b)"
    r"|(?P<glued>[a-z]{2,}\d{6,})(?=\s*,?\s*(?:(?:de\s+|ghi\s+)?ngay|cua)\b))"
)


def _code_only_matches(folded: str, lo: int, hi: int) -> list[_Match]:
    """``_CODE_ONLY_RE`` at each "cong van" / "van ban" / "cong ham" of folded[lo:hi] after a non-letter, in
    order (``str.find`` finds the phrases at C speed; a pattern search would try every position)."""
    out: list[_Match] = []
    for phrase in ("cong van", "van ban", "cong ham"):
        at = folded.find(phrase, lo, hi)
        while at >= 0:
            if at == 0 or not ("a" <= folded[at - 1] <= "z"):
                m = _CODE_ONLY_RE.match(folded, at, hi)
                if m is not None:
                    out.append(m)
            at = folded.find(phrase, at + 1, hi)
    out.sort(key=lambda m: m.start())
    return out


_DATE_AFTER_NUMBER = rx(_DATE)


def _numbered_only(text: str, folded: str, sm: _Match, tname: Optional[str], lo: int) -> Reference:
    """The reference of a document cited by type and number only, with what its sentence states."""
    return _without_core(text, folded, sm, lo, tname, text[sm.start("num") : sm.end("num")], None, True)


def _code_group(cm: _Match) -> str:
    """The group of a ``_CODE_ONLY_RE`` match that holds the code: "sym" (with separators) or "glued"."""
    return "sym" if cm.group("sym") else "glued"


def _code_only(text: str, folded: str, cm: _Match, lo: int) -> Reference:
    """The reference of a letter cited by a code only (see ``_CODE_ONLY_RE``): number None."""
    g = _code_group(cm)
    sym = normalise_symbol("".join(text[cm.start(g) : cm.end(g)].split()))
    return _without_core(text, folded, cm, lo, _TYPE_BY_FOLD[cm.group("type")], None, sym, False)


def _without_core(text: str, folded: str, m: _Match, lo: int, tname: Optional[str], number: Optional[str],
                  symbol: Optional[str], issuer_before: bool) -> Reference:
    """A citation found without a number-and-symbol core (``_numbered_only``, ``_code_only``): the
    date right after the match, the issuer after it (or, with ``issuer_before``, stated before it)."""
    end = m.end()
    dm = _DATE_AFTER_NUMBER.match(folded, end)
    date = _date_of(text, folded, dm) if dm is not None else None
    if date is not None and dm is not None:
        end = dm.end()
    issuer, _ = _issuer_after(text, folded, end)
    if issuer is None and issuer_before:
        issuer = _stated_before(text, folded, m.start())[0]
    role = _role_for(folded, m.start(), _clause_start(folded, m.start(), lo), None)
    span = (m.start(), end)
    return Reference(type=tname, number=number, symbol=symbol, date=date, issuer=issuer,
                     text=clean(text[span[0] : span[1]]), span=span, role=role, mentions=[span])
