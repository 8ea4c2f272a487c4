"""Closing rules: Nơi nhận and its Lưu line, the signature block (marks, titles, name)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Optional

import regex

from ..models import Span
from ..segment import NOI_NHAN_RE
from ..text import fold
from .registry import DASHES, HD29, HD36, ND30, Context, Hit, rule
from .vocab import DEGREE_PREFIX, PERSON_TITLE_HEADS

_DEGREE = regex.compile(DEGREE_PREFIX)
_RIGHT_COLUMN = regex.compile(r"(?<=[;,.])\s+[\p{Lu}\d][\p{Lu}\d\s.\-/]{3,}$")


def _noi_nhan_present(ctx: Context) -> bool:
    d = ctx.d
    if d.recipients or d.archive or "recipients" in d.spans:
        return True
    return any(NOI_NHAN_RE.match(ln.folded.lstrip()) for ln in ctx.lines[len(ctx.lines) // 3 :])


@rule("ND30.NOI_NHAN.PRESENT", "state", "error", f"{ND30}, Điều 8.2.i; Phụ lục I, II.9", "“Nơi nhận:” block present")
@rule("HD36.NOI_NHAN.PRESENT", "party", "error", HD36, "“Nơi nhận:” block present", confidence="S")
@rule("HD29.NOI_NHAN.PRESENT", "youth", "error", HD29, "“Nơi nhận:” block present", confidence="S")
def noi_nhan_present(ctx: Context) -> Iterator[Hit]:
    """A document ending with the signature and no ``"Nơi nhận:"`` list -> error."""
    if not _noi_nhan_present(ctx):
        yield Hit(None, "Thiếu phần “Nơi nhận:” (góc trái, ngang hàng với chức vụ người ký).",
                  "The “Nơi nhận:” block (left, level with the signer's title) is missing.")


@rule("ND30.NOI_NHAN.NHU_TREN", "state", "warning", f"{ND30}, Phụ lục I, II.9.b",
      "a công văn with Kính gửi lists “- Như trên;” first under Nơi nhận")
def noi_nhan_nhu_tren(ctx: Context) -> Iterator[Hit]:
    """Kính gửi block present, Nơi nhận starting ``"- Lãnh đạo Sở;"`` -> warning."""
    d = ctx.d
    if ctx.kind != "cong_van" or not d.addressees or not _noi_nhan_present(ctx):
        return
    # the first real item: OCR debris from the "Nơi nhận" line ("fA", "⁄") is not one
    first = next((r for r in d.recipients if len(r) > 3 and regex.search(r"\p{Ll}", r)), None)
    if first is None or not fold(first).startswith("nhu tren"):
        span = d.spans.get("recipients")
        yield Hit(span, "Nơi nhận của công văn bắt đầu bằng “- Như trên;” (các nơi đã ghi ở Kính gửi).",
                  "A công văn's Nơi nhận starts with “- Như trên;” (the addressees of Kính gửi).")


@rule("ND30.NOI_NHAN.FORMAT", "state", "warning", f"{ND30}, Phụ lục I, II.9",
      "each Nơi nhận item on its own line, starting “- ” and ending “;”")
def noi_nhan_format(ctx: Context) -> Iterator[Hit]:
    """``"- Lãnh đạo Sở,"`` or ``"+ Như trên;"`` -> warning."""
    d = ctx.d
    sp = d.spans.get("recipients")
    if sp is None:
        return
    head = ctx.line_at(sp[0])
    for s, isp, bullet in ctx.list_items(sp):
        if head is not None and isp[0] < head.end and NOI_NHAN_RE.match(head.folded.lstrip()):
            continue  # text after "Nơi nhận:" on its own line: OCR debris or the other column
        if regex.match(r"^\W*l[uư]u\b", fold(s)):
            continue  # the Lưu line: ND30.LUU.FORMAT
        s = _RIGHT_COLUMN.sub("", s)  # "- Như trên; PHÓ CỤC TRƯỞNG": the signature column on the same line
        if bullet not in DASHES:
            yield Hit(isp, f"“{s}”: mỗi nơi nhận bắt đầu bằng gạch đầu dòng “- ”.", f"“{s}”: each item starts with “- ”.")
        if not s.endswith(";"):
            yield Hit(isp, f"“{s}”: mỗi nơi nhận kết thúc bằng dấu “;”.", f"“{s}”: each item ends with “;”.")


@rule("ND30.LUU.PRESENT", "state", "error", f"{ND30}, Phụ lục I, II.9.d", "Nơi nhận ends with the Lưu line")
@rule("HD36.LUU.PRESENT", "party", "error", HD36, "Nơi nhận ends with the Lưu line", confidence="S")
@rule("HD29.LUU.PRESENT", "youth", "warning", HD29, "Nơi nhận ends with the Lưu line", confidence="S")
def luu_present(ctx: Context) -> Iterator[Hit]:
    """Nơi nhận without ``"- Lưu: VT, TCCB."`` -> error (a missing Nơi nhận is NOI_NHAN.PRESENT)."""
    if ctx.d.archive is None and _noi_nhan_present(ctx):
        yield Hit(ctx.d.spans.get("recipients"), "Nơi nhận thiếu dòng lưu văn bản (“- Lưu: VT, …”).",
                  "Nơi nhận has no archive line (“- Lưu: VT, …”).")


@rule("ND30.LUU.FORMAT", "state", "warning", f"{ND30}, Phụ lục I, II.9.d",
      "“- Lưu: VT, <drafting unit>.”: colon, VT first, the drafting unit, a final stop")
def luu_format(ctx: Context) -> Iterator[Hit]:
    """``"- Lưu VT, TH."``, ``"- Lưu: VT."``, ``"- Lưu: TCCB, VT."`` -> warning; ``"- Lưu: VT, TTBCXB (LMV)."`` passes."""
    a = ctx.d.archive
    if a is None:
        return
    s = regex.sub(r"^[\s\-–—+•~]+", "", a.raw)
    problems: list[tuple[str, str]] = []
    if not regex.match(r"^luu:", fold(s)):  # "Luu:" (lost diacritics) is the scan, not the print
        problems.append(("viết “Lưu:” có dấu hai chấm", "write “Lưu:” with a colon"))
    head = regex.match(r"^\W*luu\s*[:;.]?", fold(s))
    body = s[head.end() if head else 0 :].strip(" .…")  # after "Lưu:"
    parts = [p.strip(" .…") for p in regex.split(r"[,;]", body)]
    if not parts or not regex.match(r"^vt\b", fold(parts[0])):
        problems.append(("ghi “VT” (Văn thư) đầu tiên", "put “VT” (the records office) first"))
    elif len(parts) < 2 or not parts[1]:
        problems.append(("ghi thêm chữ viết tắt đơn vị soạn thảo sau “VT,”", "add the drafting unit after “VT,”"))
    if not s.endswith("."):
        problems.append(("kết thúc bằng dấu chấm", "end with a full stop"))
    if problems:
        yield Hit(a.span, f"Dòng lưu “{a.raw}”: " + "; ".join(p[0] for p in problems) + " (mẫu “- Lưu: VT, TCCB.”).",
                  f"Archive line “{a.raw}”: " + "; ".join(p[1] for p in problems) + " (pattern “- Lưu: VT, TCCB.”).")


@rule("ND30.SIGN.PRESENT", "state", "error", f"{ND30}, Điều 8.2.g; Phụ lục I, II.7", "signature block present")
@rule("HD36.SIGN.PRESENT", "party", "error", f"{HD36}, 1.7", "signature block present", confidence="S")
@rule("HD29.SIGN.PRESENT", "youth", "error", HD29, "signature block present", confidence="S")
def sign_present(ctx: Context) -> Iterator[Hit]:
    """No authority mark and no signer's title at the end -> error."""
    s = ctx.d.signature
    if s is None or (s.authority is None and s.title is None and not s.chain):
        yield Hit(None, "Thiếu phần quyền hạn, chức vụ của người ký.", "The signer's authority and title are missing.")


@rule("ND30.SIGN.NAME", "state", "error", f"{ND30}, Điều 8.2.g; Phụ lục I, II.7.c", "signer's full name present")
@rule("HD36.SIGN.NAME", "party", "error", f"{HD36}, 1.7", "signer's full name present", confidence="S")
@rule("HD29.SIGN.NAME", "youth", "error", HD29, "signer's full name present", confidence="S")
def sign_name(ctx: Context) -> Iterator[Hit]:
    """``"KT. GIÁM ĐỐC"`` / ``"PHÓ GIÁM ĐỐC"`` and no name under it -> error."""
    s = ctx.d.signature
    if s is not None and (s.authority or s.title or s.chain) and not s.name:
        yield Hit(s.span, "Thiếu họ và tên người ký.", "The signer's name is missing.")


def _is_deputy(title: Optional[str]) -> bool:
    """``"PHÓ GIÁM ĐỐC"`` (also ``"PHO GIAM DOC"`` in a scan), ``"THỨ TRƯỞNG"`` (deputy minister;
    not ``"THỦ TRƯỞNG"``, the head)."""
    t = (title or "").strip()
    f = fold(t)
    return f.startswith("pho ") or (f.startswith("thu truong") and "THỦ" not in t.upper())


def _is_person_title(s: str) -> bool:
    return fold(s).strip().startswith(PERSON_TITLE_HEADS)


def _is_head_title(s: str) -> bool:
    """A head's own title (``"GIÁM ĐỐC"``, ``"CỤC TRƯỞNG"``), not a deputy's and not OCR debris."""
    return _is_person_title(s) and not _is_deputy(s)


def _head_of(title: str) -> str:
    """``"PHÓ GIÁM ĐỐC"`` -> ``"GIÁM ĐỐC"``; ``"THỨ TRƯỞNG"`` -> ``"BỘ TRƯỞNG"``."""
    t = title.strip().upper()
    if fold(t).startswith("pho "):
        return t[4:].strip()
    return "BỘ TRƯỞNG" if fold(t).startswith("thu truong") else t


@rule("ND30.SIGN.AUTHORITY", "state", "error", f"{ND30}, Điều 13; Phụ lục I, II.7.b",
      "mark fits the title: a deputy signs KT. <head>; KT. only for a deputy; TM. before a collective body")
@rule("HD36.SIGN.AUTHORITY", "party", "error", f"{HD36}, 1.7",
      "mark fits the title: a deputy signs K/T <head> or T/M <committee>; K/T only for a deputy; T/M before a body",
      confidence="S")
@rule("HD29.SIGN.AUTHORITY", "youth", "error", HD29,
      "mark fits the title: a deputy signs KT. <head> or TM. <committee>; KT. only for a deputy; TM. before a body",
      confidence="S")
def sign_authority(ctx: Context) -> Iterator[Hit]:
    """``"PHÓ GIÁM ĐỐC"`` without ``"KT. GIÁM ĐỐC"`` -> error; ``"KT. GIÁM ĐỐC"`` / ``"GIÁM ĐỐC"`` -> error;
    ``"TM. GIÁM ĐỐC"`` -> error. Party and Đoàn: ``"T/M BAN THƯỜNG VỤ"`` / ``"PHÓ BÍ THƯ"`` passes."""
    s = ctx.d.signature
    if s is None:
        return
    marks = {c.authority for c in s.chain}
    kt = "K/T" if ctx.rule_set == "party" else "KT."
    tm = "T/M" if ctx.rule_set == "party" else "TM."
    if _is_deputy(s.title) and not marks & {"KT.", "Q."} and not (ctx.rule_set != "state" and "TM." in marks):
        head = _head_of(s.title or "")
        yield Hit(s.span, f"Cấp phó “{s.title}” ký thay cấp trưởng phải ghi “{kt} {head}” trên chức vụ.",
                  f"The deputy “{s.title}” signs in place of the head: write “{kt} {head}” above the title.")
    if s.authority == "KT." and s.title and _is_head_title(s.title):
        yield Hit(s.span, f"“{kt}” (ký thay) dành cho cấp phó; chức vụ người ký là “{s.title}”.",
                  f"“{kt}” (signing in place of the head) is for a deputy; the signer's title is “{s.title}”.")
    for c in s.chain:
        if c.authority == "TM." and _is_person_title(c.title):
            yield Hit(c.span, f"“{tm}” (thay mặt) ghi trước tên tập thể, ví dụ “{tm} ỦY BAN NHÂN DÂN”; in là “{c.raw or c.title}”.",
                      f"“{tm}” (on behalf of) precedes a collective body, e.g. “{tm} ỦY BAN NHÂN DÂN”; printed “{c.raw or c.title}”.")


_STATE_MARK = regex.compile(r"^(?:TM|KT|TL|TUQ|Q)\. \S")
_PARTY_MARK = regex.compile(r"^(?:T/M|K/T|T/L|Q\.) \S")


@rule("ND30.SIGN.MARK_FORM", "state", "warning", f"{ND30}, Phụ lục I, II.7.b",
      "marks printed TM. KT. TL. TUQ. Q. (capitals, a dot, a space before the title)")
@rule("HD36.SIGN.MARK_FORM", "party", "warning", f"{HD36}, 1.7", "marks printed T/M K/T T/L (slash, no dot) or Q.",
      confidence="S")
@rule("HD29.SIGN.MARK_FORM", "youth", "warning", HD29, "marks printed TM. KT. TL. (dot form, as the state)",
      confidence="S")
def sign_mark_form(ctx: Context) -> Iterator[Hit]:
    """State: ``"K/T GIÁM ĐỐC"``, ``"KT GIÁM ĐỐC"``, ``"KT.GIÁM ĐỐC"`` -> warning. Party: ``"KT. TRƯỞNG BAN"`` -> warning."""
    s = ctx.d.signature
    if s is None:
        return
    party = ctx.rule_set == "party"
    rx = _PARTY_MARK if party else _STATE_MARK
    for c in s.chain:
        raw = regex.sub(r"^[\W_]+", "", (c.raw or "").strip())  # OCR debris before the mark: "„KT. BỘ TRƯỞNG"
        if not raw or rx.match(raw):
            continue
        want = {"TM.": "T/M", "KT.": "K/T", "TL.": "T/L"}.get(c.authority, c.authority) if party else c.authority
        yield Hit(c.span, f"Dấu quyền hạn ghi “{want} {c.title}”; in là “{raw}”.",
                  f"The authority mark is printed “{want} {c.title}”; found “{raw}”.")


@rule("ND30.SIGN.DEGREE", "state", "warning", f"{ND30}, Phụ lục I, II.7.c",
      "no academic degree or honour before the signer's name (TS., ThS., PGS.TS. ...)")
@rule("HD36.SIGN.DEGREE", "party", "warning", f"{HD36}, 1.7", "no academic degree or honour before the signer's name",
      confidence="S")
def sign_degree(ctx: Context) -> Iterator[Hit]:
    """``"TS. Phạm Văn Hùng"`` -> warning; ``"Phạm Văn Hùng"`` passes."""
    s = ctx.d.signature
    if s is None or not s.name:
        return
    m = _DEGREE.match(s.name)
    if m:
        span: Optional[Span] = None
        if s.span:
            i = ctx.d.text.find(s.name, s.span[0], s.span[1] + 1)
            span = (i, i + len(s.name)) if i >= 0 else s.span
        deg = m.group(0).strip()
        yield Hit(span, f"Không ghi học hàm, học vị (“{deg}”) trước họ tên người ký: “{s.name}”.",
                  f"No academic title or degree (“{deg}”) before the signer's name: “{s.name}”.")
