"""Closing extractors: Nơi nhận, the Lưu line, the signature block.

The closing is a two-column table (Nơi nhận left, signature right). In converted text the columns
may follow each other or be interleaved on the same lines ("- Như trên; PHÓ GIÁM ĐỐC"), so each
closing line is cut into a left part (a list item) and a right part (upper-case signature text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ._re import Match, rx
from .models import Archive, AuthorityLine, Signature
from .segment import (
    END_MARK_RE,
    LUU_RE,
    MARK_RE,
    NOI_NHAN_RE,
    Zones,
    is_luu_line,
    mark_behind_specks,
)
from .tables import AUTHORITY_MARKS, BODY_HEADS, NAME_PREFIXES, STAMP_HEADS, SURNAMES, TITLE_HEADS, UNIT_HEADS
from .text import Line, clean, fold, has_vowel_word, is_upper_text, strip_item

# "~", "_" and "=" are OCR readings of a dash bullet in scanned lists
_BULLET = rx(r"^\s*[-–—+•*·~_=¬]\s*")  # (and "¬")
# an upper-case run at the end of a list line: "- Như trên; PHÓ GIÁM ĐỐC"
_RIGHT_CAPS = rx(
    r"(?:(?<=[;,:.])|\s{2,}|(?<=\s)(?=[\"“']))\s*(?:[_~]\s+)?[\"“']?"  # (a speck before it: "; _ PHÓ CỤC TRƯỞNG")
    r"(?P<caps>\p{Lu}[\p{Lu}\d.\-/]*(?:\s+[\p{Lu}\d~\-][\p{Lu}\d.\-/]*)+)\s*$"
)
# an authority mark in the right column of a list line: "- Như trên; KT. CỤC TRƯỞNG"
_RIGHT_MARK = rx(r"[\s;,.]\s*(?P<sig>(?:KT|TM|TL|TUQ|K/T|T/M|T/L)(?:\s*\.?\s+|\s*\.|[,:]\s*)\p{Lu}.*)$")
_RIGHT_NAME = rx(r"[;,]\s+(?P<name>(?:\p{Lu}\p{Ll}+\s+){1,4}\p{Lu}\p{Ll}+)\s*$")
_LUU_TAIL_NAME = rx(r"[.)]\s+(?P<name>(?:\p{Lu}\p{Ll}*\s+){1,4}\p{Lu}\p{Ll}+)\s*$")
_NAME_RE = rx(
    r"^(?:(?:TS|ThS|PGS|GS|BS|KS|CN|Th\.S|PGS\.TS|TS\.BS)\.?\s*)?"
    r"(?:[\p{Lu}][\p{Ll}]+\s+){0,1}(?:[\p{Lu}][\p{Ll}]*\.?\s+){1,5}[\p{Lu}][\p{Ll}]+$"
)


@dataclass
class Closing:
    recipients: list[str] = field(default_factory=list)
    recipients_span: Optional[tuple[int, int]] = None
    archive: Optional[Archive] = None
    signature: Optional[Signature] = None


def _is_stamp(folded: str) -> bool:
    f = folded.strip().lstrip("-• ")
    return f.startswith(STAMP_HEADS)


def _split_right(ln: Line) -> tuple[str, Optional[tuple[str, tuple[int, int]]]]:
    """Left list part and right signature part of an interleaved closing line."""
    t = ln.text
    if LUU_RE.match(ln.folded):
        # the Lưu line keeps its codes ("Lưu: VT, TTBCXB (LMV)"); only a cell after a wide gap
        # that reads as a signature line goes right ("- Lưu: VT, QLVHGD.   Tô Thị Trang")
        gaps: list[Match] = list(rx(r"\s{3,}").finditer(t.rstrip()))
        if not gaps:
            # one blank only (pdfplumber joins the row's cells with a space): the signer's name
            # after the list's closing dot ("- Lưu: VT, KTTH. Nguyễn Phước Bình")
            nm = _LUU_TAIL_NAME.search(t)
            if nm and _is_name(nm.group("name")):
                s = ln.start + nm.start("name")
                return t[: nm.start("name")], (nm.group("name"), (s, s + len(nm.group("name"))))
        if gaps:
            g = gaps[-1]
            cell = t[g.end() :].rstrip()
            if cell and (_is_name(cell) or (is_upper_text(cell, 4) and not rx(r"[\d(),;]").search(cell))
                         or (cell[:1] in "([" and _is_stamp(fold(cell)))):  # "- Lưu: VT.      (Đã ký)"
                s = ln.start + g.end()
                return t[: g.start()], (cell, (s, s + len(cell)))
        return t, None
    mk = _RIGHT_MARK.search(t)
    if mk and rx(r"\p{Ll}").search(t[: mk.start()]):
        s = ln.start + mk.start("sig")
        return t[: mk.start("sig")], (t[mk.start("sig") :].strip(), (s, ln.start + len(t.rstrip())))
    nm = _RIGHT_NAME.search(t)
    if nm and _is_name(nm.group("name")) and rx(r"\p{Ll}").search(t[: nm.start()]):
        s = ln.start + nm.start("name")
        return t[: nm.start("name")], (nm.group("name").strip(), (s, s + len(nm.group("name").rstrip())))
    m = _RIGHT_CAPS.search(t)
    if m and m.start("caps") > 2:
        caps = m.group("caps").strip()
        left = t[: m.start()]
        if len(caps) >= 5 and rx(r"\p{Ll}").search(left) and has_vowel_word(caps, 3):
            s = ln.start + m.start("caps")
            return left, (caps, (s, s + len(m.group("caps").rstrip())))
    return t, None


def _next_is_item(lines: list[Line], i: int) -> bool:
    """After blank lines (a page break inside the list), does the list go on?"""
    for ln in lines[i : i + 6]:
        if not ln.blank:
            return bool(_BULLET.match(ln.text)) or LUU_RE.match(ln.folded) is not None
    return False


def _next_closes(lines: list[Line], i: int) -> bool:
    """Is the next line another item of a list typed without bullets, closed like one ("Cục Thuế:
    tp Hà Nội, tỉnh Đồng Nai;" under "Thứ trưởng Đỗ Hoàng Anh Tuấn (để b/c);")?"""
    if i < len(lines) and not lines[i].blank:
        s = lines[i].stripped
        # (codes may fill it, "Vụ/Cục: CST, PC, TCDN;", but a title of the signature column has no
        # lower-case letter)
        return len(s) <= 120 and s.endswith(";") and any(ch.islower() for ch in s)
    return False


# more holders after the copies: ", PC." (ASCII codes; "TRƯỞNG" is the signature column's)
_MORE_CODES = rx(r"\s*[,;]\s*[A-ZĐ][A-ZĐ0-9&.\-]*(?:\s*[,;]\s*[A-ZĐ][A-ZĐ0-9&.\-]*)*\s*\.?\s*$")
_WRAPPED = rx(r"\(([^()]*)\)")
_COPIES_PAREN = rx(r"\s*\(\s*\d{1,4}\s*(?:b|bản|ban)\b\.?\s*\)")
# the copies with their number lost to the scan: "( Ø b)", "(# b)" (no lower-case letter before "b")
_GARBLED_COPIES = rx(r"\(\s*[^\s()\p{Ll}\d]{1,2}\s*b\.?\s*\)")
_BARE_COPIES = rx(r"\(\s*\d{1,2}\s*\)")
# "(VT, CS)" after a holder code: the code's own sub-units, upper-case codes only
_CODE = r"[\p{Lu}\d&.\-]*\p{Lu}[\p{Lu}\d&.\-]*"
_SUBUNIT_LIST = rx(rf"(?<=[\p{{Lu}}\d])\s*\(\s*({_CODE}(?:\s*[,;]\s*{_CODE})+)\s*\)")


# characters no unit code ends with, left by a scan after the last one
_SPECKS = "@~‡_^`*#$%|\\£€¢"
_GLUED_COPIES = rx(r"([\p{Lu}&\-]{2,}?)\s*(?:Q?@|\()?\s*(\d{1,2})?\s*b\b\W*(?:\S{1,3}\W*)?$")
_DEBRIS_TAIL = rx(r"^(.*[\p{Lu}\d)])[\s.\-,]+([^\p{Lu}\s]{1,3})$")
# a list closed by its dot, then a short speck of the signature column: "QLNHI. Wy"
_AFTER_CLOSE = rx(r"^(.*[\p{Lu}\d)])\.\s+(?=\S{1,3}$)(\p{Lu}|\S*[^\p{Lu}\d\s]\S*)$"
                  # (or two specks, one not a code: "TT&HT. C6 bĐ")
                  r"|^(.*[\p{Lu}\d)])\.\s+(?=\S{1,3}\s+\S{1,3}$)(?![\p{Lu}&]+\s+[\p{Lu}&]+$)(\S+\s+\S+)$")
# a unit code (a sub-unit's after a hyphen), a hyphen and the drafter's name, with or without an
# initial: "TXNK-H.Linh", "TXNK- D. Thuận", "TXNK-Nhung (03)", "TXNK-PL-Thảo (3b)"
_CODE_THEN_NAME = rx(r"([\p{Lu}\d&]{2,}(?:-[\p{Lu}\d&]{2,})?)\s*-\s*((?:\p{Lu}\.\s?)?\p{Lu}\p{Ll}+)")
# a unit code in mixed case: "TTr" (Thanh tra)
_MIXED_CODE = rx(r"\p{Lu}{2,}\p{Ll}")


def parse_archive(raw: str, span: tuple[int, int]) -> Archive:
    """``"Lưu: VT, TTBCXB (LMV)."`` -> holders ["VT", "TTBCXB"], drafter "LMV"."""
    m = LUU_RE.match(fold(raw))
    body = raw[m.end() :] if m else raw
    body = clean(body).rstrip(" .;,")
    whole = _WRAPPED.fullmatch(body)
    if whole:
        body = whole.group(1)  # "Lưu (VT, TTHT)." : the whole list in brackets
    gm = _GARBLED_COPIES.search(body) if "b" in body else None
    if gm is not None and not rx(r"\p{Lu}{2}").search(body, gm.end()):
        body = body[: gm.start()].rstrip()  # "TCT (VT, CS) ( Ø b). I": copies unreadable, then debris
    last = None
    for last in _COPIES_PAREN.finditer(body):  # noqa: B007 - the last one
        pass
    if (last is not None and body.count("(", 0, last.start()) == body.count(")", 0, last.start())
            and not _MORE_CODES.match(body, last.end())):
        # the number of copies closes the list ("Lưu: VT, CS (2b)."): what follows on the line of
        # a scan is the signature column's debris ("(3b). oy f 4", "(2b). Bùi Văn Nam")
        body = body[: last.end()]
    else:
        bare = _BARE_COPIES.search(body)
        if bare is not None and not rx(r"\p{Lu}{2}").search(body, bare.end()):
            body = body[: bare.end()]  # the same with a bare number: "TTHT(2). // 82)", "(03). Ww"
    holders: list[str] = []
    drafter: Optional[str] = None
    copies: Optional[int] = None

    def take_copies(s: str) -> str:
        nonlocal copies
        cm = rx(r"(?:^|[\s(\-.,])(\d{1,4})\s*(?:b|bản|ban)\b\.?").search(s)
        if cm:
            copies = int(cm.group(1))
            s = (s[: cm.start(1)] + s[cm.end() :]).strip(" -.(")
        return s

    def take_code_then_name(tok: str) -> bool:
        """"TXNK-H.Linh", "TXNK-D. Thuận": the unit is a holder, the name after it the drafter."""
        nonlocal drafter
        nm = _CODE_THEN_NAME.fullmatch(tok)
        if nm is None or drafter is not None:
            return False
        holders.append(nm.group(1))
        drafter = nm.group(2)
        return True

    # parentheses: "(LMV)", "(2b)", "(VT, HTQT (2b))"; glued to a code ("VP(TKTH)") it names a sub-unit
    for pm in rx(r"\(([^()]*)\)").finditer(body):
        inner = pm.group(1).strip()
        glued = pm.start() > 0 and rx(r"[\p{Lu}\d]").match(body[pm.start() - 1]) is not None
        if glued and (not rx(r"\d").search(inner) or rx(r"\p{Lu}{2,}\d{1,2}").fullmatch(inner)) and is_upper_text(inner):
            continue  # "VP(TKTH)", "CST(CST2)": a sub-unit; "KGVX(bnt)" (lower case) is the drafter
        rest = take_copies(inner)
        if rest.isdigit() and len(rest) <= 2:
            if copies is None and 0 < int(rest) <= 20:  # ("CS (26)": an OCR "(2b)")
                copies = int(rest)  # a bare number is the copies: "Lưu: VT, CS (3).", "TTHT(2). (73)"
            continue
        if rest and drafter is None and rx(r"[\p{L}.\s]{1,25}").fullmatch(rest):
            drafter = rest.strip()
    # a holder's own list of sub-units: "TCT (VT, CS (3b))" -> "TCT (VT, CS)" (copies taken above)
    body_np = body
    if "(" in body or ")" in body:  # (most Lưu lines have no brackets: none of this applies)
        body_np = _COPIES_PAREN.sub(" ", body_np)
        body_np = _SUBUNIT_LIST.sub(
            lambda m: "⟨" + ", ".join(rx(r"\s*[,;]\s*").split(m.group(1).strip())).replace(",", "·") + "⟩", body_np)
        # keep glued sub-units (a function, not a "\1" template: ``re`` hashes the whole compiled
        # pattern to look a template up, costly for a pattern with Unicode classes)
        body_np = rx(r"\((?<=[\p{Lu}\d]\()([\p{Lu}\s&.-]*|\p{Lu}{2,}\d{1,2})\)").sub(lambda m: "⟨" + m.group(1) + "⟩", body_np)
        body_np = rx(r"\([^()]*\)").sub(" ", body_np)
        body_np = rx(r"[()]").sub(" ", body_np).replace("⟨", "(").replace("⟩", ")")  # stray OCR brackets
        body_np = rx(r"(?<=[\p{Lu}\d])\s*\((?=[^)]*·)").sub(" (", body_np)  # "TCT(VT· CS)" -> "TCT (VT· CS)"
    toks = rx(r"[,;]").split(body_np)
    for ti, tok in enumerate(toks):
        tok = take_copies(tok.strip()).replace("·", ",")
        tok = tok.strip(" .-")
        if take_code_then_name(tok):
            continue
        if drafter is None and ti == len(toks) - 1 and len(holders) >= 2 and rx(r"\p{Lu}").fullmatch(tok):
            drafter = tok  # "Lưu: VT, TTHT, W.": one letter is no unit, it is the drafter's initial
            continue
        gc = _GLUED_COPIES.match(tok)
        if gc is not None:
            # copies glued onto the last code, OCR-garbled: "GSQL3b) Ay", "PC@b „", "PCQ@b:"
            holders.append(gc.group(1))
            if gc.group(2) and copies is None:
                copies = int(gc.group(2))
            continue
        coded = rx(r"([\p{Lu}\d&.\-]{2,})\s+(\p{L}\S*\p{Ll}\S*|\p{Ll}\S*)").fullmatch(tok)
        if (coded and drafter is None and len(coded.group(2)) >= 2 and not coded.group(1).endswith(".")
                and rx(r"\p{L}.*[\p{L}\d]|\d.*\p{L}").search(coded.group(2))):
            # (not after a dot: "VT. TNCN.r" is two codes and a speck)
            holders.append(coded.group(1))  # "KGVX VHTin507": the unit, then the drafter's code in
            drafter = coded.group(2)  # smaller type (a PDF splits it off by its font size)
            continue
        for debris in (_DEBRIS_TAIL, _AFTER_CLOSE):
            tail = debris.match(tok)
            if tail:
                tok = tail.group(1) or tail.group(3)  # OCR debris after the last code: "TNCN . 4", "TTKT  z", "QLNHI. Wy"
        if not tok:
            continue
        if rx(r"^VT\.\s?[A-ZĐ]").match(tok):
            for part in tok.split(".", 1):  # "VT.TCT", "VT. TCT": an OCR dot for ","
                if not take_code_then_name(part.strip()):
                    holders.append(part.strip())
            continue
        has_code = (rx(r"(?<!\p{L})[\p{Lu}\d][\p{Lu}\d&]+(?!\p{L})").search(tok) is not None
                    or _MIXED_CODE.fullmatch(tok) is not None)
        # "Văn phòng Đảng ủy" (Party); "Văn thư" spelled out is the holder the code "VT" names
        is_org = fold(tok).startswith(BODY_HEADS) or len(tok.split()) >= 4 or fold(tok).startswith("van thu")
        if rx(r"\p{Ll}").search(tok) and not has_code and not is_org:
            if drafter is None:
                drafter = tok
            continue
        tok = tok.removesuffix("()").rstrip(_SPECKS)  # a scan's speck glued after the code: "TTHT@", "TfHT~", "TTHT()"
        if tok:
            holders.append(tok)
    return Archive(raw=clean(raw), holders=holders, drafter=drafter, copies=copies, span=span)


# "Như trên" (as OCR reads it: "Nhu tr6n", "Nhu tr€n") and the punctuation after it
_NHU_TREN = rx(r"nhu\s*tr[e6€]n\s*[:;,.']")  # ("Nhu tr6n' KT.VU TRII6XG ...": "'" read for ";")


def _is_title_debris(tail: str) -> bool:
    """Text after an item's ";" that is the signature column's title read onto the line ("PHÓ
    TỔNG CỤC TRƯỞNG"): in capitals, with a word of four letters or more, and not a list of unit
    codes ("Vụ PC; CST (BTC)", "Các phòng: TTKT3; KK; TTHT")."""
    if ";" in tail or "(" in tail or not is_upper_text(tail):
        return False
    return has_vowel_word(tail, 4)


# the punctuation closing a Nơi nhận item: "Vụ PC;", "TCT:", "Website TCT."
_ITEM_TAIL = rx(r"[\s;,.:]+$")


def _names_unit(part: str) -> bool:
    """A short item after a ";" that names a unit, not a scan's speck: "Vụ PC", "TCT", "KK&KKT" (a
    two-letter code alone, "PC", "SO", "KT", is as often a speck of the signature column)."""
    p = part.strip(" ;,.:")
    return _UNIT_CODE.fullmatch(p) is not None or fold(p).startswith(UNIT_HEADS)


def _title_suffix(part: str) -> Optional[str]:
    """The signature column's title at the end of a recipient item's last part, after a scan's
    debris: "ol BREN ey Ó CỤC TRƯỞNG" -> "Ó CỤC TRƯỞNG" (the words in capitals at the end, the last
    a title's head noun)."""
    words = part.split()
    if not words or not is_upper_text(words[-1], 1) or fold(words[-1]).strip(".") not in _TITLE_ENDS:
        return None
    k = len(words)
    while k > 0 and is_upper_text(words[k - 1], 1):
        k -= 1
    if len(words) - k < 2:
        # one word in capitals: the title's other words are specks ("N?utren; :. PHD cue TRUONG")
        return part.strip(" .:;,_~") if len(words) <= 5 else None
    return " ".join(words[k:])


# the last word of a signer's title (folded): "... CỤC TRƯỞNG", "GIÁM ĐỐC", "CHỦ TỊCH"
_TITLE_ENDS = frozenset({"truong", "doc", "tich"})

_UNIT_CODE = rx(r"(?!TUQ)\p{Lu}[\p{Lu}&\-]{2,7}")  # (three letters at least: "KT", "SO" are specks)


def _take_item(items: list[tuple[str, tuple[int, int]]], consumed: set[int],
               sig_cands: list[tuple[str, tuple[int, int]]], cur: Line, left: str,
               right: Optional[tuple[str, tuple[int, int]]]) -> None:
    """Record a Nơi nhận line: its list part as an item, its right-column part as a signature line."""
    items.append((left, (cur.start, cur.start + len(left.rstrip()))))
    consumed.add(cur.index)
    if right:
        sig_cands.append(right)


def extract_closing(lines: list[Line], z: Zones) -> Closing:
    c = Closing()
    n = z.doc_end or len(lines)
    sig_cands: list[tuple[str, tuple[int, int]]] = []
    consumed: set[int] = set()
    if z.noi_nhan_line is not None or z.list_first is not None:
        items: list[tuple[str, tuple[int, int]]] = []
        if z.noi_nhan_line is None:
            rest = ""
            i = z.list_first or 0  # a list whose heading was lost (see ``segment._headless_list``)
        else:
            ln = lines[z.noi_nhan_line]
            consumed.add(ln.index)
            m = NOI_NHAN_RE.match(ln.folded)
            rest = ln.text[m.end() :] if m else ""
            i = z.noi_nhan_line + 1
        r = rest.strip()
        if len(r) <= 3 and not (len(r) >= 2 and r.isalpha() and r.isupper()):
            r = ""  # a scan's speck after the label ("Nơi nhận fA", "Noi nhận: F—", "Nơi nhận: Í"): no item is so short
        if r and rx(r"\s{5,}").match(rest) and _is_name(r):
            # the signer's name across the page ("Nơi nhận:" + gap + "Nguyễn Minh Cường")
            off = ln.start + ln.text.index(r)
            sig_cands.append((r, (off, off + len(r))))
            r = ""
        if r:
            mk = _RIGHT_MARK.search(" " + r)
            if mk is not None and mk.start("sig") > 1:
                r = r[mk.start("sig") - 1 :]  # "Noi nhận:ÿ . ; KT.TONG CUC TRUONG": debris before the mark
            if (is_upper_text(r) or (MARK_RE.match(fold(r)) and _mostly_upper(r))) and not _BULLET.match(r):
                # (a mark with a speck in its title: "KT. prs CUC TRUONG")
                off = ln.start + ln.text.index(r)
                sig_cands.append((r, (off, off + len(r))))
            else:
                left, right = _split_right(Line(0, ln.start + m.end(), ln.end, rest, fold(rest))) if m else (rest, None)
                if left.strip():
                    items.append((left, (ln.start + (m.end() if m else 0), ln.end)))
                if right:
                    sig_cands.append(right)
        blank = 0
        while i < n:
            cur = lines[i]
            if cur.blank:
                blank += 1
                if blank > 1 and items and not _next_is_item(lines, i):
                    break
                i += 1
                continue
            s = cur.stripped
            if _is_stamp(cur.folded):
                i += 1
                continue
            left, right = _split_right(cur)
            bullet = _BULLET.match(left.strip()) is not None
            is_luu = LUU_RE.match(fold(left)) is not None
            if bullet or is_luu:
                _take_item(items, consumed, sig_cands, cur, left, right)
                blank = 0
                i += 1
                if is_luu:
                    break
                continue
            # the codes of an item wrapped after its comma: "- Phòng TT-KT 1,2,3,4," / "KK&KTT;"
            # (a line in capitals, but closed like an item: no title ends with ";")
            if (items and not blank and items[-1][0].rstrip().endswith(",") and s.endswith((";", "."))
                    and not has_vowel_word(s, 4) and not MARK_RE.match(cur.folded)):
                prev, sp = items[-1]
                items[-1] = (prev.rstrip() + " " + s, (sp[0], cur.end))
                consumed.add(cur.index)
                i += 1
                continue
            # a signature line between the items: the closing table read row by row
            # ("Nơi nhận:" / "KT. GIÁM ĐỐC" / "- Như trên;" / "PHÓ GIÁM ĐỐC" / ...)
            if (len(s) <= 60 and (MARK_RE.match(cur.folded) or is_upper_text(s) or _is_name(s)
                                  or (not items and _mostly_upper(s)))  # ("G CUC TRrtOr{G": a scan's title)
                    and _next_is_item(lines, i + 1)
                    # (no title is closed by ";": "Vụ: CS, PC, KK-TCT;" is an item of codes)
                    and not (s.endswith(";") and any(ch.islower() for ch in s))):
                sig_cands.append((s, cur.span_of_content()))
                consumed.add(cur.index)
                i += 1
                continue
            # continuation of a wrapped item: the previous item is not closed by ";" or "."
            if (items and (not blank or s[:1].islower() or s[:1] == "(") and not items[-1][0].rstrip().endswith((";", "."))
                    and not is_upper_text(s) and not _is_stamp(cur.folded)):
                prev, sp = items[-1]
                items[-1] = (prev.rstrip() + " " + left.strip(), (sp[0], cur.start + len(left.rstrip())))
                consumed.add(cur.index)
                if right:
                    sig_cands.append(right)
                i += 1
                continue
            if items and s[:1] == "(" and items[-1][0].rstrip().endswith(";"):
                # an address in brackets under an item already closed ("- Cty TNHH Canon Việt Nam;" /
                # "(Đ/c: Lô A1, KCN Thăng Long," / "Đông Anh, Hà Nội)"): no item, the list goes on below
                j = i
                while j < n and j - i < 6 and ")" not in lines[j].text:
                    j += 1
                if j < n and j - i < 6:
                    consumed.update(range(i, j + 1))
                    i = j + 1
                    blank = 0
                    continue
            # an item whose bullet was lost (OCR, or typed without one): "Như trên;" right under
            # "Nơi nhận:", "Thứ trưởng X (để b/c);" between items: closed by ";" or ",", not a title
            ls = left.strip()
            if (ls and len(ls) <= 120 and ls.endswith((";", ","))
                    # (an item of codes is mostly capitals: "Vụ/Cục: CST, PC, TCDN, TCHQ - BTC;")
                    and (not is_upper_text(ls) or (items and ls.endswith(";") and any(ch.islower() for ch in ls)
                                                   and not MARK_RE.match(cur.folded)))
                    and not _is_stamp(cur.folded)
                    and (not items or _next_is_item(lines, i + 1) or _next_closes(lines, i + 1))):
                _take_item(items, consumed, sig_cands, cur, left, right)
                blank = 0
                i += 1
                continue
            if (items or len(s) <= 3) and len(s) <= 6 and _next_is_item(lines, i + 1):
                i += 1  # a scan's speck between two items ("siFD", ","): the list goes on below
                continue
            break
        recips: list[str] = []
        for raw, span in items:
            if LUU_RE.match(fold(raw)):
                c.archive = parse_archive(raw.strip(), span)
                continue
            it = strip_item(raw)
            head, sep, tail = it.partition(";")
            nt = _NHU_TREN.match(fold(it))
            if nt is not None:
                it = it[: nt.end() - 1]  # "Nhu tren: cps ten e (aa CUC TRUONG": "Như trên" is the whole item
            elif sep and _UNIT_CODE.fullmatch(tail.strip(" ;,.")) and not has_vowel_word(tail, 4):
                recips.append(head.strip())  # "Vụ PC; HTQT": two units on one line
                it = tail.strip()
            elif (sep and ";" not in tail and fold(head.strip()).startswith(UNIT_HEADS)
                  and fold(tail.strip()).startswith(UNIT_HEADS)):
                recips.append(head.strip())  # "Vụ CST (BTC); vụ PC (BTC)": two units, their bullet lost
                it = tail.strip()
            elif sep and ((sum(c.isalpha() for c in tail) < 6 and not _names_unit(tail)) or _is_title_debris(tail)):
                # "Lãnh đạo BTC (để b/c); Bí", "Như trên; PHÓ TỔNG CỤC TRƯỞNG": OCR debris or a
                # title of the signature column read onto the item's line after its ";" (the
                # title then goes to the signature)
                it = head
                t = tail.strip(" _~")
                at = raw.rfind(t) if t and _is_title_debris(tail) else -1
                if at >= 0:
                    sig_cands.append((t, (span[0] + at, span[0] + at + len(t))))
            elif sep and not tail.lstrip().startswith("("):
                # several items on one line, their bullets lost: "Vụ TTKTT; CS: DNL; KK&KKT:"; the
                # last may be the signature column read onto the line: its title ("Như kính gửi; ol
                # BREN ey Ó CỤC TRƯỞNG") or its mark ("...; KT. oo Pi gle CỤC THUÉ XNK")
                parts = it.split(";")
                it = ""
                for k, part in enumerate(parts):
                    p = _ITEM_TAIL.sub("", part.strip())
                    if k < len(parts) - 1:
                        if p:
                            recips.append(p)
                        continue
                    ts = _title_suffix(part)
                    if ts is None and MARK_RE.match(fold(p.lstrip(" .:;,_~"))):
                        ts = p.lstrip(" .:;,_~")
                    if ts is not None:
                        at = raw.rfind(ts)
                        if at >= 0:
                            sig_cands.append((ts, (span[0] + at, span[0] + at + len(ts))))
                    elif sum(c.isalpha() for c in p) >= 6 or _names_unit(p):
                        it = p  # (else a scan's speck after the last ";")
            it = _ITEM_TAIL.sub("", it)
            if it:
                recips.append(it)
        c.recipients = recips
        if items:
            c.recipients_span = (items[0][1][0], items[-1][1][1])
        if c.archive is None:
            # a scan's debris between the items ended the list above its Lưu line: the Lưu line
            # (with its colon) a few lines further down is still the archive
            for ln in lines[i : min(n, i + 12)]:
                if is_luu_line(ln):
                    left, right = _split_right(ln)
                    c.archive = parse_archive(left.strip(), (ln.start, ln.start + len(left.rstrip())))
                    consumed.add(ln.index)
                    if right:
                        sig_cands.append(right)
                    break
    # signature: lines of the closing not used by Nơi nhận
    start = z.closing_start if z.closing_start < n else max(z.body_end, n - 25)
    for ln in lines[start:n]:
        if ln.index in consumed or ln.blank:
            continue
        s = ln.stripped
        if END_MARK_RE.search(s) and len(s) > 60:
            continue
        a, b = ln.span_of_content()
        sig_cands.append((s, (a, b)))
    sig_cands.sort(key=lambda t: t[1][0])
    c.signature = parse_signature(sig_cands, name_only=z.noi_nhan_line is not None or z.list_first is not None)
    return c


def _mark(s: str) -> Optional[tuple[str, str]]:
    f = fold(s)
    m = MARK_RE.match(f)
    if m is None and (hit := mark_behind_specks(f)) is not None:
        s, f, m = s[hit[0] :], f[hit[0] :], hit[1]  # "oe KT. TONG CYC TRƯỞNG": a scan's speck before the mark
    if not m:
        return None
    key = rx(r"\s").sub("", m.group("mark"))
    mark = AUTHORITY_MARKS.get(key)
    if mark is None:
        return None
    title = s[m.end() :].strip()
    if not title or not _mostly_upper(title):
        return None
    if mark == "Q." and not rx(r"^\W{0,3}q\s*\.").match(f):
        return None
    return mark, clean(title)


def _mostly_upper(s: str) -> bool:
    letters = "".join(filter(str.isalpha, s))
    return len(letters) >= 2 and sum(map(str.isupper, letters)) >= 0.7 * len(letters)


def _is_title(s: str) -> bool:
    if not is_upper_text(s) or len(s) > 80:
        return False
    f = fold(s).strip().lstrip("\"“'-_ ")
    return f.startswith(TITLE_HEADS) or len(s.split()) <= 6


_LONG_TITLE_HEADS = tuple(h for h in TITLE_HEADS if len(h) > 3)
_TWO_WORD_BODY_HEADS = tuple(h.strip() + " " for h in BODY_HEADS if " " in h.strip())


# an abbreviated degree or title before a name: "BS.", "CKII.", "ThS.", "PGS.TS.", "KTS."
# (two letters at least, and not a Roman numeral: "V. PHÂN CÔNG THỰC HIỆN" is a section head)
_DEGREE = rx(r"(?:(?![IVXLC]+\.)[A-ZĐ][A-Za-zĐđ]{1,5}\.)+")


# every form ``_is_name`` strips a rank or degree in: "thuong ta ", "ts." (one test before the loop)
_PREFIX_FORMS = tuple(p + " " for p in NAME_PREFIXES) + tuple(p for p in NAME_PREFIXES if p.endswith("."))


def _is_name(s: str) -> bool:
    """A person's name: "Lê Hải Yến", "NGUYỄN VĂN AN", "Thượng tướng Vũ Hải Sản", "TS. Phạm Văn Hùng"."""
    s = s.strip()
    if len(s) > 50 or len(s.split()) < 2:
        return False
    if '"' in s or "“" in s:
        s = s.replace('"', "").replace("“", "")  # a scan's speck before a word: 'Nguyễn "Thịnh'
    if _NAME_RE.match(s):
        return True
    f = fold(s)
    for _ in range(3):  # ranks and degrees, possibly several: "BS. CKII. Phạm Văn Long", "PGS.TS. ..."
        for prefix in (NAME_PREFIXES if f.startswith(_PREFIX_FORMS) else ()):
            if f.startswith(prefix + " ") or (prefix.endswith(".") and f.startswith(prefix)):
                s = s[len(prefix):].strip()
                break
        else:
            head = s.split(maxsplit=1)
            if len(head) == 2 and _DEGREE.fullmatch(head[0]):
                s = head[1]
            else:
                break
        f = fold(s)
    words = s.split()
    if not 2 <= len(words) <= 5 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    if f.startswith(_LONG_TITLE_HEADS) or f.startswith(_TWO_WORD_BODY_HEADS) or LUU_RE.match(f):
        # "PHÓ GIÁM ĐỐC" is a title, "TONG CUC THUE" (a scan without diacritics: "Tống" is a
        # surname) a body, "Lưu VT" the archive line: not names
        return False
    return f.split()[0] in SURNAMES


_INLINE_STAMP = rx(r"\s*[(\[]\s*(?:đã ký|Đã ký|ĐÃ KÝ|da ky|daky|ký|Ký)[^)\]]{0,20}[)\]]\s*")


def parse_signature(cands: list[tuple[str, tuple[int, int]]], name_only: bool = False) -> Optional[Signature]:
    """``["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Hải Yến"]`` -> KT., GIÁM ĐỐC, PHÓ GIÁM ĐỐC, name.

    ``name_only``: accept a lone name as the signature (the closing had a Nơi nhận block, so a
    name after it is the signer even when the title lines were lost).
    """
    cands = [((_INLINE_STAMP.sub(" ", t) if "(" in t or "[" in t else t).strip(), sp) for t, sp in cands]
    lines = [(clean(t), sp) for t, sp in cands if t.strip() and not _is_stamp(fold(t))]
    # quotes, dashes and underscores around a line (after ``clean`` the only blank is the space),
    # a scan's ";" or "," after it ("TL. BỘ TRUONG ;": no title or name ends with one)
    lines = [(t.lstrip("\"“'_-—– ").rstrip("\"”'_ ;,"), sp) for t, sp in lines]
    lines = [(t, sp) for t, sp in lines if any(c.isalnum() for c in t)]  # (a scan's lone "[")
    if not lines:
        return None
    chain: list[AuthorityLine] = []
    first_mark = None
    last_mark = -1
    for i, (t, sp) in enumerate(lines):
        mk = _mark(t)
        if mk:
            if first_mark is None:
                first_mark = i
            chain.append(AuthorityLine(authority=mk[0], title=mk[1], raw=t, span=sp))
            last_mark = i
    # the name: last name-looking line after the marks
    name_i: Optional[int] = None
    for i in range(len(lines) - 1, last_mark, -1):
        if _is_name(lines[i][0]):
            name_i = i
            break
    sig: dict[str, Any] = {}  # the model is built once at the end (pydantic assignments cost)
    start: Optional[int] = None
    if chain:
        after = lines[last_mark + 1 : name_i if name_i is not None else len(lines)]
        caps_spans = [(t, sp) for t, sp in after if is_upper_text(t) and len(t) <= 80 and not LUU_RE.match(fold(t))
                      and has_vowel_word(t, 3)]  # (not a code line: "(230206/ZV09/0001/7401/003505509)")
        caps_after = [t for t, _ in caps_spans]
        if caps_after:
            # the signer's own title is the last title-like line; lines before it continue the mark
            title_idx = len(caps_after) - 1
            for j in range(len(caps_after) - 1, -1, -1):
                if fold(caps_after[j]).startswith(TITLE_HEADS):
                    title_idx = j
                    break
            if title_idx > 0:
                chain[-1].title = clean(chain[-1].title + " " + " ".join(caps_after[:title_idx]))
            # (a title wraps onto one more line at most: "VỤ TRƯỞNG" / "VỤ CHÍNH SÁCH"; more lines
            # in capitals without a name below are the next page's headings, not the title)
            # (and only onto a line right below it, not onto a heading pages further down)
            wrap = title_idx + 2 if (title_idx + 1 < len(caps_spans)
                                     and caps_spans[title_idx + 1][1][0] - caps_spans[title_idx][1][1] <= 160) else title_idx + 1
            sig["title"] = clean(" ".join(caps_after[title_idx:wrap])) or None
        sig["authority"] = chain[-1].authority
        sig["on_behalf_of"] = chain[-1].title
        sig["chain"] = chain
        start = chain[0].span[0] if chain[0].span else None
    else:
        # no mark: title line(s) directly above the name
        if name_i is None:
            titles = [(t, sp) for t, sp in lines if _is_title(t) and fold(t).startswith(TITLE_HEADS)]
            if not titles:
                return None
            sig["title"] = titles[-1][0]
            start = titles[-1][1][0]
        else:
            j = name_i - 1
            tl: list[str] = []
            while j >= 0 and _is_title(lines[j][0]) and len(tl) < 2:
                tl.insert(0, lines[j][0])
                j -= 1
            if not tl or not any(fold(t).startswith(TITLE_HEADS) for t in tl):
                if name_only:
                    return Signature(name=lines[name_i][0], span=lines[name_i][1])
                return None
            sig["title"] = clean(" ".join(tl))
            start = lines[j + 1][1][0]
    if name_i is not None:
        sig["name"] = lines[name_i][0]
        end = lines[name_i][1][1]
    else:
        end = lines[-1][1][1]
    if start is not None:
        sig["span"] = (start, end)
    return Signature(**sig)
