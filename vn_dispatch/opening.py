"""Opening extractors: type title and trích yếu (or V/v), urgency and secrecy marks, Kính gửi.

``"V/v tuyên truyền hưởng ứng giải chạy"`` -> subject "tuyên truyền hưởng ứng giải chạy";
``"KẾ HOẠCH" / "Triển khai ..."`` -> doc_type "Kế hoạch", subject "Triển khai ...";
``"Kính gửi: - Báo Lạng Sơn; Đài Phát thanh và Truyền hình tỉnh;"`` -> two addressees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ._re import rx
from .segment import (
    AUTHORITY_LINE_RE,
    PLACE_COMMA_END,
    VV_OCR_RE,
    VV_RE,
    Zones,
    date_match,
    kinh_gui_match,
    motto_match,
    number_match,
    tagline_match,
    type_title,
)
from .tables import ADDRESSEE_ATTRIBUTE_HEADS, SECRECY, URGENCY
from .text import Line, clean, fold, has_vowel_word, is_upper_text, strip_item

_BULLET = rx(r"^\s*[-–—+•*·]\s*")
_BODY_STARTERS = rx(
    r"^\W*(?:thuc hien|can cu|ngay \d|theo |de |nham |tra loi|trong |hien nay|tiep theo|"
    r"sau khi|qua |ve viec|thoi gian|tong cuc .{0,40}nhan duoc|cuc thue .{0,40}nhan duoc|"
    r"[^\s]+ nhan duoc|xet |"
    # the broken fonts of old scans: "T6ng cqc Thu6 nhAn dugc ...", "nh4n dusc", "Tri ldi Cdng vin ..."
    # ("nh$n dugc": "ậ" read as "$"; "Thgc hiQn ...": "Thực hiện")
    r"(?:\S+\s+){1,6}?nh[a-z0-9$]{1,3}n\s+d[a-z]{1,3}\.?\s?c\b|tr[aei] l(?:[od]|[a-z]{2})i |th[a-z]c hi[a-z]{1,2}n )"
)


@dataclass
class Opening:
    doc_type: Optional[str] = None
    subject: Optional[str] = None
    subject_span: Optional[tuple[int, int]] = None
    urgency: Optional[str] = None
    confidentiality: Optional[str] = None
    addressees: list[str] = field(default_factory=list)
    addressee_span: Optional[tuple[int, int]] = None
    end: int = 0  # first line index after the opening
    has_vv: bool = False


def _is_anchor(ln: Line) -> bool:
    """Lines that end a subject block. Số and date count only when they open the line: a title
    may itself cite "Thông tư số 15/2024/TT-BKHĐT ngày 30 tháng 9 năm 2024"."""
    nm = number_match(ln)
    dm = date_match(ln)
    lead = len(ln.folded) - len(ln.folded.lstrip())
    if nm and ln.text[nm.start() : nm.start() + 1] == "s" and ":" not in ln.text[nm.start() : nm.start("num")]:
        nm = None  # "số 32/2011/TT-BTC" in lower case, no colon: a citation the subject wrapped
    return bool(
        (nm and nm.start() <= lead + 1 and rx(r"\W*(?:so|s6|\$6)").match(ln.folded[nm.start() :]))
        or (dm and (dm.start() <= lead + 1 or ln.folded[lead:dm.start()].count(" ") <= 4))
        or kinh_gui_match(ln.folded)
        or type_title(ln)
        or motto_match(ln)
        or tagline_match(ln)
    )


_BASIS_OPENER = rx(r"\s*(?:can cu|can\s*$|xet\b|theo de nghi)")


def _basis_below(lines: list[Line], i: int, stop: int) -> bool:
    """Whether the next non-blank line from ``i`` opens the legal basis ("Căn cứ ...")."""
    while i < stop and lines[i].blank:
        i += 1
    return i < stop and _BASIS_OPENER.match(lines[i].folded) is not None


def _subject_lines(
    lines: list[Line], first: int, stop: int, allow_leading_blank: bool, started: bool = False
) -> tuple[list[tuple[int, int]], int]:
    """Continuation lines of a subject from line ``first``: until a blank line or an anchor.

    One blank line inside is crossed when the text so far does not end a sentence and the next
    line starts in lower case (OCR inserts blank lines between wrapped lines).
    """
    spans: list[tuple[int, int]] = []
    i = first
    leading = allow_leading_blank
    all_caps = False
    while i < stop and len(spans) < 10:
        ln = lines[i]
        if ln.blank:
            if leading and not spans:
                i += 1
                continue
            nxt = lines[i + 1] if i + 1 < stop else None
            prev_text = lines[i - 1].stripped if i > 0 else ""
            if ((spans or started) and nxt is not None and not nxt.blank and len(nxt.stripped) > 3
                    and (nxt.stripped[:1].islower() or (all_caps and is_upper_text(nxt.stripped))
                         # (an abbreviation ends the wrapped trích yếu: "thuế đối với lĩnh vực" / "" / "TMDT.")
                         or (len(nxt.stripped) <= 12 and " " not in nxt.stripped and is_upper_text(nxt.stripped)
                             and not has_vowel_word(nxt.stripped, 4)))
                    # (a speck after a blank is no sentence end: "V/w chính sách thuê đôi với .")
                    and (not prev_text.endswith((".", ";", ":")) or prev_text.endswith(" ."))
                    and not _is_anchor(nxt)):
                i += 1
                continue
            break
        leading = False
        if _is_anchor(ln) or rx(r"^\W*can cu\b").match(ln.folded):
            break
        s = ln.stripped
        if (spans and is_upper_text(s) and len(s) > 3 and not all_caps
                # (not a citation's symbol or an abbreviation wrapped onto its own line: "... Nghị
                # định số" / "91/2022/ND-CP.", "... đối với lĩnh vực" / "TMDT.")
                and not ((lines[i - 1].folded.rstrip().endswith(" so") or " " not in s) and not has_vowel_word(s, 4))):
            break  # "BỘ TRƯỞNG BỘ TÀI CHÍNH": the authority line of a decision after its title
        if spans and all_caps and s[:1].isupper() and not is_upper_text(s):
            break  # a title in capitals, then the body's first sentence with no blank line between
        if spans and all_caps and AUTHORITY_LINE_RE.match(ln.folded) and _basis_below(lines, i + 1, stop):
            break  # "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM" / "Căn cứ ...": the authority line after the title
        if ((spans or started) and s[:1].isupper() and not all_caps and _BODY_STARTERS.match(ln.folded)
                and not ln.folded.lstrip().startswith("ve viec")):
            break  # the body's first sentence right under the subject, no blank line between ("Thực hiện ...")
        if not spans:
            all_caps = is_upper_text(s)
        if spans and len(s) > 140:
            break
        # (the place and date cell may share a wrapped subject line: "thuế GTGT Hà Nội, ngày ...")
        dm = date_match(ln) if spans or started else None
        spans.append(_cut_cells(ln) if dm and PLACE_COMMA_END.search(ln.text, 0, dm.start()) else ln.span_of_content())
        i += 1
    if len(spans) == 10 and not all_caps:
        # ten lines and no end yet: a long title goes on only up to the authority line printed
        # right under it ("... bởi Thông tư số 69/2023/TT-BTC" / "BỘ TRƯỞNG BỘ TÀI CHÍNH", a Công báo
        # decision of twelve lines), never into an unmarked body
        for j in range(i, min(stop, i + 6)):
            nx = lines[j]
            if nx.blank or _is_anchor(nx):
                break
            if is_upper_text(nx.stripped) and AUTHORITY_LINE_RE.match(nx.folded):
                spans.extend(lines[k].span_of_content() for k in range(i, j))
                i = j
                break
    return spans, i


_TRAILING_CAPS_CELL = rx(r"\s+(?:[\p{Lu}\d]{2,}\s+){2,}[\p{Lu}\d]{2,}\W*$")


def _cut_cells(ln: Line) -> tuple[int, int]:
    """Content span of a V/v line without a date or number cell sharing the line."""
    s, e = ln.span_of_content()
    for m in (date_match(ln), number_match(ln)):
        if m:
            ms = ln.start + m.start()
            if ms > s:
                # cut from the place name before the date
                left = ln.text[: m.start()]
                pm = rx(r"(?:\s{2,}|\s)(?:[A-ZĐ][^\s,]*\s?){1,5},?\s*$").search(left)
                cut = ln.start + (pm.start() if pm else m.start())
                if pm is not None:
                    # (a code in capitals before a place in mixed case stays with the subject:
                    # "thuế GTGT Hà Nội, ngày ...")
                    lead = rx(r"\s*(?:[A-ZĐ]{3,}\s+)+(?=\p{Lu}\w*\p{Ll})").match(left, pm.start())
                    if lead is not None:
                        cut = ln.start + lead.end() - 1
                e = min(e, cut)
    return s, e


# the last word of every urgency and secrecy mark ("khan", "toc", "mat"): a line without one of
# them (its letters read together, as the mark's key is built) holds no mark
_MARK_LAST_WORDS = tuple({k.split()[-1] for k in (*URGENCY, *SECRECY)})
_NOT_LETTER = rx(r"[^a-z]+")


# A scan's debris after the subject's last word, on its last line: "... khấu trừ thuế. Bey d4",
# "... thu nhập chịu thuế TNDN .{.c[y W.": one to three short tokens after a full stop (or opening
# with one), one of them garbled (a bracket, a caret, a letter and a digit glued: "d4")
_DEBRIS_TAIL = rx(r"(?:(?<=\.)\s|\s(?=\.))\s*(\S{1,6}(?:\s\S{1,6}){0,2})$")
_GARBLED_TOKEN = rx(r"[{}\[\]^|~`\\@#$]|\p{L}\d|\d\p{L}")


def _without_debris(subject: str, text: str, last_span: tuple[int, int]) -> tuple[str, int]:
    """The subject without a scan's debris after it, and the end of its span in ``text``."""
    m = _DEBRIS_TAIL.search(subject)
    if m is None or not any(_GARBLED_TOKEN.search(t) for t in m.group(1).split()):
        return subject, last_span[1]
    first_tok = m.group(1).split()[0]
    at = text.rfind(first_tok, last_span[0], last_span[1])
    end = last_span[0] + len(text[last_span[0] : at].rstrip()) if at >= 0 else last_span[1]
    return subject[: m.start()].rstrip(), end


def extract_opening(lines: list[Line], z: Zones, text: str) -> Opening:
    op = Opening()
    n = len(lines)
    end = 0 if z.header_displaced else z.header_end
    limit = min(n, z.closing_start if z.closing_start > z.header_end else n)

    if z.title_line is not None and z.title_line < limit:
        tl = lines[z.title_line]
        op.doc_type = type_title(tl)
        first = z.title_line + 1
        if op.doc_type is None and z.title_line + 1 < n:
            op.doc_type = type_title(
                Line(0, 0, 0, tl.text + lines[z.title_line + 1].text,
                     tl.folded + lines[z.title_line + 1].folded)
            )
            first += 1
        spans, nxt = _subject_lines(lines, first, limit, allow_leading_blank=True)
        if spans:
            op.subject, last = _without_debris(clean(" ".join(text[s:e] for s, e in spans)), text, spans[-1])
            op.subject_span = (spans[0][0], last)
        end = max(end, nxt)
    if z.vv_line is not None and z.vv_line < limit:
        ln = lines[z.vv_line]
        op.has_vv = True
        s, e = _cut_cells(ln)
        m = VV_RE.match(ln.folded) or VV_OCR_RE.match(ln.text)
        first_text = text[ln.start + (m.end() if m else 0) : e] if e > s else ""
        tc = _TRAILING_CAPS_CELL.search(first_text)
        if tc is not None and rx(r"\p{Ll}").search(first_text, 0, tc.start()) and has_vowel_word(tc.group(), 4):
            # an incoming-mail stamp or another column's cell on the V/v line: "V/v những nội dung
            # liên quan CỤC THUẾ TỈNH HÒA BÌNH" / "đến lĩnh vực quản lý thuế ..."
            first_text = first_text[: tc.start()]
        spans, nxt = _subject_lines(lines, z.vv_line + 1, limit, allow_leading_blank=False, started=True)
        parts = [first_text] + [text[a:b] for a, b in spans]
        if spans:
            parts = [p[:-2] if p.endswith(" .") else p for p in parts[:-1]] + parts[-1:]  # a speck at a wrap: "đôi với ."
        subj = clean(" ".join(parts)).rstrip(" -–")
        subj, last = _without_debris(subj, text, spans[-1] if spans else (ln.start, e))
        if op.doc_type is None:
            op.doc_type = "Công văn"
            op.subject = subj or None
            op.subject_span = (ln.start + (m.end() if m else 0), last)
        elif op.subject is None:
            op.subject = subj or None
        end = max(end, nxt)

    # urgency / secrecy stamps: short upper-case cells in the header and opening
    hi = min(limit, max(end, z.header_end) + 3)
    for ln in lines[z.header_start : hi]:
        letters = _NOT_LETTER.sub("", ln.folded)
        if not any(w in letters for w in _MARK_LAST_WORDS):
            continue  # every mark ends with one of these words; the cell test below reads the same letters
        for cell in rx(r"\s{3,}|\|").split(ln.text):
            if len(cell) > 62 and len(cell.strip()) > 62:
                continue  # cells hold no run of 3 blanks, so cleaning at most halves the length: > 30
            c = clean(cell)
            if not c or len(c) > 30 or not is_upper_text(c, 3):
                continue
            key = rx(r"[^a-z ]").sub("", fold(c)).strip()
            key = rx(r"^do\s+(?:khan|mat)\s*").sub("", key).strip()
            if key in URGENCY and op.urgency is None:
                op.urgency = URGENCY[key]
            elif key in SECRECY and op.confidentiality is None:
                op.confidentiality = SECRECY[key]

    # Kính gửi
    if z.kinh_gui_line is not None and z.kinh_gui_line < limit:
        items, nxt, span = _addressees(lines, z.kinh_gui_line, limit)
        op.addressees = items
        op.addressee_span = span
        end = max(end, nxt)
    op.end = end
    return op


_ATTRIBUTE_HEADS = tuple(h.lstrip("(") for h in ADDRESSEE_ATTRIBUTE_HEADS)


# OCR forms of the address abbreviation "Đ/c:" in scans: "(Đíc:", "(Die:", "(Pic:", "(P/e:", "@/e:"
_ADDRESS_ABBREV_OCR = rx(r"(?:[dp@]\s*/\s*[ce]|d[il][ce]|pic)\s*:")


# the body's first words glued onto the last addressee by a text extraction (case kept: a name
# holds no capitalised "Căn cứ")
_BODY_GLUED_WORDS = ("Căn cứ", "Thực hiện", "Trả lời", "Phúc đáp", "Theo đề nghị")
_BODY_GLUED = rx(r"\s+(?=(?:" + "|".join(_BODY_GLUED_WORDS) + r")\s)")
# a scan's speck after the addressee's name: one to three characters, neither a letter, a digit nor
# a closing bracket or quote ("Công ty TNHH ... S.K Tech ^")
_JUNK_TAIL = rx(r"\s+[^\w\s().\"”]{1,3}$")
# the same after the addressee's name on its line, in brackets ("(De:": an OCR "(Đ/c:")
_ADDRESS_AFTER_NAME = rx(r"\s*\((?:dia chi|dc|de|mst|ma so thue|tru so|(?:[dp@]\s*/\s*[ce]|d[il][ce]|pic))\s*:")


def _is_attribute(folded: str) -> bool:
    f = folded.strip().lstrip("-–•+ (")
    return f.startswith(_ATTRIBUTE_HEADS) or _ADDRESS_ABBREV_OCR.match(f) is not None


# the place words of an address (folded): "quận", "huyện", "TP.", "KCN", ...
_PLACE_WORD = r"(?:quan|huyen|phuong|xa|thi xa|thi tran|tp|thanh pho|tinh|q|p|h|x|tx|kcn|khu)\b"
# the place word an address wrapped onto the next line opens with
_ADDRESS_WORDS = rx(_PLACE_WORD)
# a line holding an address's later parts ("Vũ - Cát Hải, TP. Hải Phòng", a name broken over lines)
# or a tax code
_ADDRESS_INSIDE = rx(r",\s*" + _PLACE_WORD + r"|\bmst\b|ma so thue")
# how an address line that goes on below ends: a comma, a dash, an abbreviation ("Q.", "TP."), "MST:"
_UNFINISHED = rx(r"(?:[,;:\-–(]|\b\w{1,3}\.)$")


# an address in brackets under the addressee, with no "Địa chỉ:" head: "(Tầng 2 PI Dong Block KCN
# Tràng Duệ, ...)", "(Lô 13, Khu Công Nghiệp Khai Quang, phường ..." (not a unit within the body
# addressed: "(Vụ Phổ biến, giáo dục pháp luật)")
_ADDRESS_IN_BRACKETS = rx(
    r"\s*\((?:[^)]*\d|(?:lo|tang|so|khu|kcn|duong|pho|toa nha|cum)\b|[^)]*,\s*" + _PLACE_WORD + r")")


def _wraps_attribute(prev: str, cur: Line) -> bool:
    """Whether ``cur`` goes on with the address line ``prev`` above it: "... phường Trung Hòa, Q."
    / "Cầu Giấy, TP Hà Nội; MST: 0102396287." (not the body's first line, "Trả lời công văn ...")."""
    s = cur.stripped
    if len(s) > 110 or _BODY_STARTERS.match(cur.folded):
        return False
    return (_UNFINISHED.search(prev) is not None or prev.count("(") > prev.count(")")
            or _ADDRESS_WORDS.match(cur.folded.lstrip(" (")) is not None or s.endswith(")")
            or _ADDRESS_INSIDE.search(cur.folded) is not None)


def _addressees(
    lines: list[Line], idx: int, limit: int
) -> tuple[list[str], int, Optional[tuple[int, int]]]:
    ln = lines[idx]
    m = kinh_gui_match(ln.folded)
    raw_items: list[str] = []
    first_start = ln.start
    last_end = ln.end
    rest = ln.text[m.end() :].lstrip(" :;") if m else ""  # (a scan's doubled colon: "Kính gử:: Cục Thuế")
    if rest.strip():
        raw_items.append(rest)
    i = idx + 1
    blank_run = 0
    in_attribute = False
    attr_seen = False
    while i < limit:
        cur = lines[i]
        if cur.blank:
            blank_run += 1
            if blank_run > 1:
                break
            i += 1
            continue
        s = cur.stripped
        bullet = bool(_BULLET.match(s))
        if _is_attribute(cur.folded) or _ADDRESS_IN_BRACKETS.match(cur.folded) or (
                in_attribute and not blank_run and _wraps_attribute(lines[i - 1].stripped, cur)
                # (a scan's speck for a bullet after an address left open: "... xã Nam Son," / "+ Tp Bắc Ninh")
                and (not bullet or lines[i - 1].stripped.endswith(","))):
            # an address or tax code line, and the lines it wraps onto ("Địa chỉ: ..., Q." /
            # "Cầu Giấy, TP Hà Nội; MST: 0102396287."), up to a blank line or the next item
            in_attribute = True
            attr_seen = True
            i += 1
            blank_run = 0
            continue
        in_attribute = False
        if bullet:
            raw_items.append(s)
            attr_seen = False
        else:
            if attr_seen and raw_items:
                # the name came before its address and tax code: a line after them is the body,
                # unless a short one right under them, the address's end ("Hồ Chí" / "Minh")
                if blank_run or len(s.split()) > 4 or lines[i - 1].stripped.endswith((".", ";")):
                    break
                i += 1
                continue
            if blank_run and raw_items:
                prev = raw_items[-1].rstrip()
                nxt_blank = i + 1 >= limit or lines[i + 1].blank
                if not (s[:1].islower() and len(s) <= 60 and not prev.endswith((";", ".", ":"))
                        and (s.endswith((",", ";", ".")) or nxt_blank) and not _BODY_STARTERS.match(cur.folded)):
                    break
                # the name's end wrapped below a blank line: "Kính gửi: Sở ... các tỉnh, thành phố" /
                # "" / "trực thuộc trung ương,"
                raw_items[-1] = prev + " " + s
                blank_run = 0
                last_end = cur.end
                i += 1
                continue
            if _BODY_STARTERS.match(cur.folded) or len(s) > 110:
                break
            prev = raw_items[-1].rstrip() if raw_items else ""
            if raw_items and s.endswith(":") and len(s) <= 20:
                i += 1  # a received-stamp's field ("yer Chuyén:", "Chuyển:") below the addressee, no part of it
                continue
            if raw_items and len(prev) + len(s) > 300:
                break  # no addressee runs on so long: the body's first lines, typed right under it
            if raw_items and (not prev.endswith((";", ".", ",")) or (prev.endswith(",") and s[:1].islower())):
                # a wrapped item; after a comma only a lower-case line goes on ("... các huyện," / "thành phố;")
                raw_items[-1] = prev + " " + s
            elif not raw_items:
                raw_items.append(s)
            elif prev.endswith(";") and s.endswith((";", ".")) and not is_upper_text(s):
                # a list typed without bullets, each item closed by ";", the last by ".":
                # "Cục Thuế thành phố Hồ Chí Minh;" / "Cục Thuế tỉnh Bà Rịa-Vũng Tàu;" / "Liên doanh ... ."
                raw_items.append(s)
            else:
                break
        blank_run = 0
        last_end = cur.end
        i += 1
    items: list[str] = []
    for it in raw_items:
        for part in it.split(";"):
            p = strip_item(part)
            bm = _BODY_GLUED.search(p) if any(w in p for w in _BODY_GLUED_WORDS) else None
            if bm is not None:
                p = p[: bm.start()]  # "- Phòng GD&ĐT huyện Phú Bình Căn cứ Luật giáo dục ...": the body glued on
            if p and not p[-1].isalnum():
                p = _JUNK_TAIL.sub("", p)  # a scan's speck after the name: "... S.K Tech ^"
            if "(" in p:
                am = _ADDRESS_AFTER_NAME.search(fold(p))
                if am is not None and am.start() > 0:
                    p = p[: am.start()].rstrip(" ,;.")  # "Công ty TNHH X (Đ/c: Khu đất ..., TP. Hà Nội)"
            if p and not _is_attribute(fold(p)):
                items.append(p)
    return items, i, (first_start, last_end)
