"""Số / ký hiệu rules: presence, shape per rule set, type code per document kind, padding, drafts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Optional

import regex

from ..models import DocNumber, Span
from ..tables import DOC_TYPES
from ..text import fold
from .registry import HD29, HD36, LAW_VBQPPL, ND30, Context, Hit, has_label, number_rest, rule, symbol_groups
from .vocab import AMBIGUOUS_CODES, LEGAL_WITHOUT_YEAR, MAYBE_LEGAL_TYPES, PARTY_TYPE_CODES

# Phụ lục III codes of administrative types, and the "CV" state công văn must not carry.
_TYPE_CODES_FOLDED = frozenset({fold(c) for _, c, fam in DOC_TYPES if c and fam == "admin"} | {"cv"})
_PARTY_SHAPE = regex.compile(r"^\s*(?:\d+[a-zA-Z]?|[.…_\s]*)\s*-\s*[\p{L}]+\s*/\s*\S")


def _sub(dn: DocNumber, a: int, b: int) -> Optional[Span]:
    """Span of ``dn.raw[a:b]`` in the text."""
    if dn.span is None:
        return None
    return (dn.span[0] + a, dn.span[0] + b)


def _label_alone(ctx: Context, dn: DocNumber) -> bool:
    """True when "Số" opens its cell; False for "Luật số: 45/2019/QH14" (a title form)."""
    if dn.span is None:
        return True
    ln = ctx.line_at(dn.span[0])
    if ln is None:
        return True
    before = ctx.d.text[ln.start : dn.span[0]]
    return not regex.search(r"\p{Ll}", before)


@rule("ND30.NUMBER.PRESENT", "state", "error", f"{ND30}, Điều 8.2.c; Phụ lục I, II.3", "số, ký hiệu line present")
@rule("HD36.NUMBER.PRESENT", "party", "error", f"{HD36}, 1.3", "số và ký hiệu line present", confidence="S")
@rule("HD29.NUMBER.PRESENT", "youth", "error", HD29, "số và ký hiệu line present", confidence="S")
def number_present(ctx: Context) -> Iterator[Hit]:
    """No ``"Số: 12/UBND-VX"`` line in the header -> error."""
    if ctx.d.doc_number is None:
        yield Hit(None, "Thiếu số, ký hiệu văn bản (“Số: …/…”).", "The number and symbol line (“Số: …/…”) is missing.")


@rule("ND30.NUMBER.LABEL", "state", "warning", f"{ND30}, Phụ lục I, II.3.c", "label printed “Số:” (not in capitals, with a colon)")
def number_label(ctx: Context) -> Iterator[Hit]:
    """``"Số 15/QĐ-UBND"``, ``"Số : 15/..."``, ``"SỐ: 15/..."`` -> warning; ``"Luật số: 45/2019/QH14"`` passes.
    OCR readings of the word (``"s6:"``, ``"$6:"``, ``"So:"``) are the scan, not the print: not flagged."""
    dn = ctx.d.doc_number
    if dn is None or not has_label(dn) or not _label_alone(ctx, dn) or not regex.match(r"^\W{0,2}(?:Số|số|SỐ)", dn.raw):
        return
    if not regex.match(r"^Số:", dn.raw):
        m = regex.match(r"^\S+\s*[:;.,]?", dn.raw)
        end = m.end() if m else 2
        yield Hit(_sub(dn, 0, end), f"Nhãn số in là “{dn.raw[:end].strip()}”; đúng là “Số:” (chữ in thường, có dấu hai chấm).",
                  f"The label reads “{dn.raw[:end].strip()}”; it must be “Số:” (not in capitals, with a colon).")


@rule("ND30.NUMBER.SHAPE", "state", "error", f"{ND30}, Phụ lục I, II.3.c", "number, then “/”, then the symbol")
def number_shape(ctx: Context) -> Iterator[Hit]:
    """``"Số: 12-UBND/VX"`` or the Party shape ``"Số: 930-CV/BTGTU"`` on a state document -> error."""
    dn = ctx.d.doc_number
    if dn is None:
        return
    rest, _ = number_rest(dn)
    m = regex.match(r"^[\s\d.…_]*(?P<sep>[/-])", rest)
    if m and m.group("sep") == "-":
        yield Hit(dn.span, f"“{dn.raw}” có dạng số của Đảng; văn bản nhà nước ghi “Số: 05/UBND-VX” (số, gạch chéo, ký hiệu).",
                  f"“{dn.raw}” has the Party shape; a state document prints “Số: 05/UBND-VX” (number, slash, symbol).")


def _number_cut(dn: DocNumber) -> tuple[str, int, Optional[regex.Match[str]]]:
    """The printed "number/symbol" without the label, its offset in ``dn.raw``, and the
    number-and-slash head (``"11 /"``) when the number is printed: ``"Số: 11 /TB-UBND"``."""
    rest, off = number_rest(dn)
    core = rest.strip()
    start = off + (len(rest) - len(rest.lstrip()))
    return core, start, regex.match(r"^[\d\s.…_]*[a-zA-Z]?\s*/", core)


@rule("ND30.NUMBER.SEPARATORS", "state", "warning", f"{ND30}, Phụ lục I, II.3.c",
      "no spaces inside the symbol; its groups joined by a hyphen")
def number_separators(ctx: Context) -> Iterator[Hit]:
    """``"Số: 4144/GDĐT – VP"``, ``"Số: 2444/TCT -CS"`` -> warning; ``"Số:      /UBND-VX"`` (blank draft) passes."""
    dn = ctx.d.doc_number
    if dn is None:
        return
    core, start, head = _number_cut(dn)
    if head is not None:  # the number and its slash: NUMBER.GAP
        start += head.end()
        core = core[head.end():]
    bad = regex.search(r"\s|[–—‒−]", core)
    if bad:
        yield Hit(_sub(dn, start, start + len(core)),
                  f"“{core}”: số và ký hiệu viết liền, không có dấu cách; các nhóm chữ nối bằng gạch nối (-).",
                  f"“{core}”: number and symbol take no spaces; groups are joined by a hyphen (-).")


@rule("ND30.NUMBER.GAP", "state", "info", f"{ND30}, Phụ lục I, II.3.c",
      "no space between the number and “/” (often left by e-signing systems that stamp the number into a blank)")
def number_gap(ctx: Context) -> Iterator[Hit]:
    """``"Số: 11 /TB-UBND"`` -> info; ``"Số: 11/TB-UBND"`` and the blank ``"Số:      /UBND-VX"`` pass."""
    dn = ctx.d.doc_number
    if dn is None or dn.number is None:
        return
    core, start, head = _number_cut(dn)
    if head is not None and regex.search(r"\s", head.group(0)):
        yield Hit(_sub(dn, start, start + head.end()), f"“{head.group(0)}”: số và dấu “/” viết liền, không có dấu cách.",
                  f"“{head.group(0)}”: no space between the number and “/”.")


@rule("ND30.NUMBER.PADDED", "state", "warning", f"{ND30}, Phụ lục I, II.3.c", "numbers below 10 with a leading zero")
@rule("HD36.NUMBER.PADDED", "party", "warning", f"{HD36}, 1.3", "numbers below 10 with a leading zero", confidence="S")
def number_padded(ctx: Context) -> Iterator[Hit]:
    """``"Số: 5/BNV-VP"`` -> warning; ``"Số: 05/BNV-VP"`` passes."""
    dn = ctx.d.doc_number
    if dn is None or dn.number is None:
        return
    digits = regex.match(r"\d+", dn.number)
    if digits and len(digits.group(0)) == 1:
        rest, off = number_rest(dn)
        m = regex.search(r"\d", rest)
        span = _sub(dn, off + m.start(), off + m.end()) if m else dn.span
        yield Hit(span, f"Số “{dn.number}” nhỏ hơn 10 phải ghi thêm số 0 phía trước: “0{dn.number}”.",
                  f"Number “{dn.number}” is below 10: write it with a leading zero, “0{dn.number}”.")


@rule("ND30.SYMBOL.CV_NO_TYPE", "state", "error", f"{ND30}, Phụ lục I, II.3.b; Phụ lục III",
      "state công văn symbol has no type code (ISSUER-UNIT, no “CV”)")
def cong_van_no_type(ctx: Context) -> Iterator[Hit]:
    """``"Số: 15/CV-UBND"`` or ``"Số: 15/KH-UBND"`` on a V/v công văn -> error; ``"Số: 12/UBND-VX"`` passes."""
    dn = ctx.d.doc_number
    if dn is None or ctx.kind != "cong_van":
        return
    groups = symbol_groups(dn)
    if len(groups) < 2 or groups[0].upper() in AMBIGUOUS_CODES or fold(groups[0]) not in _TYPE_CODES_FOLDED:
        return
    g = groups[0]
    yield Hit(dn.span, f"Công văn không có tên loại nên ký hiệu không có mã loại: “{g}” thừa (mẫu “Số: 12/UBND-VX”).",
              f"A công văn has no type name, so its symbol has no type code: drop “{g}” (pattern “Số: 12/UBND-VX”).")


@rule("ND30.SYMBOL.CV_UNIT", "state", "warning", f"{ND30}, Phụ lục I, II.3.b",
      "công văn symbol names the issuer and the drafting unit or field (UBND-VX)")
def cong_van_unit(ctx: Context) -> Iterator[Hit]:
    """``"Số: 12/UBND"`` on a công văn -> warning."""
    dn = ctx.d.doc_number
    if dn is None or ctx.kind != "cong_van" or not dn.symbol:
        return
    if len(symbol_groups(dn)) == 1:
        yield Hit(dn.span, f"Ký hiệu công văn “{dn.symbol}” thiếu chữ viết tắt đơn vị soạn thảo hoặc lĩnh vực (mẫu “UBND-VX”).",
                  f"The công văn symbol “{dn.symbol}” lacks the drafting unit or field (pattern “UBND-VX”).")


@rule("ND30.SYMBOL.TYPE_CODE", "state", "error", f"{ND30}, Phụ lục I, II.3.b; Phụ lục III",
      "typed document: the symbol starts with the Phụ lục III code of its type name (KẾ HOẠCH -> KH)")
def typed_symbol_code(ctx: Context) -> Iterator[Hit]:
    """``"KẾ HOẠCH"`` numbered ``"Số: 15/UBND-VX"`` or ``"Số: 15/TB-UBND"`` -> error; ``"Số: 199/KH-UBND"`` passes."""
    dn = ctx.d.doc_number
    code = ctx.type_code
    if dn is None or ctx.kind not in ("typed", "legal") or not code or not dn.symbol:
        return
    if regex.fullmatch(r"(?:19|20)\d\d/(?:QH|UBTVQH)\d*", dn.symbol):
        return  # Luật, Nghị quyết, Pháp lệnh of Quốc hội / UBTVQH: no type code
    groups = symbol_groups(dn)
    if groups and fold(groups[0]) == fold(code):
        return
    yield Hit(dn.span, f"{ctx.d.doc_type} phải có ký hiệu bắt đầu bằng “{code}” (Phụ lục III), ví dụ “{code}-UBND”; in là “{dn.symbol}”.",
              f"A {ctx.d.doc_type} symbol starts with “{code}” (Phụ lục III), e.g. “{code}-UBND”; printed “{dn.symbol}”.")


@rule("ND30.SYMBOL.NO_YEAR", "state", "warning", f"{ND30}, Phụ lục I, II.3.c",
      "administrative documents carry no year in the symbol (only legal documents do)")
def admin_no_year(ctx: Context) -> Iterator[Hit]:
    """``"Số: 15/2024/UBND-VX"`` on a công văn or ``"Số: 15/2024/KH-UBND"`` -> warning."""
    dn = ctx.d.doc_number
    if dn is None or dn.year is None or ctx.kind not in ("cong_van", "typed") or ctx.d.doc_type in MAYBE_LEGAL_TYPES:
        return
    yield Hit(dn.span, f"Văn bản hành chính không ghi năm trong số, ký hiệu: “{dn.raw}”.",
              f"An administrative document has no year in its number: “{dn.raw}”.")


@rule("VBQPPL.SYMBOL.YEAR", "state", "warning", f"{LAW_VBQPPL}, Điều 10",
      "legal normative documents carry the year: 30/2020/NĐ-CP")
def legal_year(ctx: Context) -> Iterator[Hit]:
    """A ``"NGHỊ ĐỊNH"`` numbered ``"Số: 30/NĐ-CP"`` -> warning; ``"Số: 30/2020/NĐ-CP"`` passes."""
    dn = ctx.d.doc_number
    if dn is None or dn.year is not None or ctx.kind != "legal" or ctx.d.doc_type in LEGAL_WITHOUT_YEAR:
        return
    yield Hit(dn.span, f"Văn bản quy phạm pháp luật ghi năm ban hành trong số, ký hiệu (mẫu “30/2020/NĐ-CP”): “{dn.raw}”.",
              f"A legal normative document carries its year in the number (pattern “30/2020/NĐ-CP”): “{dn.raw}”.")


@rule("HD36.NUMBER.FORMAT", "party", "error", f"{HD36}, 1.3", "“Số n-TYPE/ISSUER” (hyphen, type code, slash, issuer)",
      confidence="S")
def party_number_format(ctx: Context) -> Iterator[Hit]:
    """``"Số: 123/CV-VPTU"`` (state shape) -> error; ``"Số 930-CV/BTGTU"`` and ``"Số: 36-HD/VPTW"`` pass."""
    dn = ctx.d.doc_number
    if dn is None:
        return
    rest, _ = number_rest(dn)
    if not _PARTY_SHAPE.match(rest):
        yield Hit(dn.span, f"Số, ký hiệu văn bản của Đảng có dạng “Số 930-CV/BTGTU” (số - mã loại / cơ quan); in là “{dn.raw}”.",
                  f"A Party number reads “Số 930-CV/BTGTU” (number - type code / issuer); printed “{dn.raw}”.")


@rule("HD29.NUMBER.FORMAT", "youth", "warning", HD29, "“Số: n-TYPE/ISSUER[-UNIT]” as in Party documents",
      confidence="S")
def youth_number_format(ctx: Context) -> Iterator[Hit]:
    """``"Số: 05/HD-ĐTN"`` (state shape, common at grassroots) -> warning; ``"Số: 29-HD/TWĐTN-VP"`` passes."""
    dn = ctx.d.doc_number
    if dn is None:
        return
    rest, _ = number_rest(dn)
    if not _PARTY_SHAPE.match(rest):
        yield Hit(dn.span, f"Số, ký hiệu văn bản của Đoàn có dạng “Số: 29-HD/TWĐTN-VP”; in là “{dn.raw}”.",
                  f"A Đoàn number reads “Số: 29-HD/TWĐTN-VP”; printed “{dn.raw}”.")


@rule("HD36.SYMBOL.TYPE_CODE", "party", "error", f"{HD36}, 1.3", "type code matches the type name (công văn -> CV)",
      confidence="S")
@rule("HD29.SYMBOL.TYPE_CODE", "youth", "error", HD29, "type code matches the type name (HƯỚNG DẪN -> HD)",
      confidence="S")
def party_type_code(ctx: Context) -> Iterator[Hit]:
    """A Party ``"KẾ HOẠCH"`` numbered ``"Số 15-NQ/TU"`` -> error; ``"Số 15-KH/TU"`` passes."""
    dn = ctx.d.doc_number
    allowed = PARTY_TYPE_CODES.get(ctx.d.doc_type or "")
    if dn is None or not allowed or not dn.symbol:
        return
    rest, _ = number_rest(dn)
    m = regex.match(r"^[\s\d.…_]*-\s*(?P<t>[\p{L}]+)\s*/", rest) or regex.match(r"^[\s\d.…_]*/\s*(?P<t>[\p{L}]+)", rest)
    got = m.group("t") if m else None
    if got is not None and fold(got) in {fold(a) for a in allowed}:
        return
    want = "/".join(sorted(allowed))
    yield Hit(dn.span, f"{ctx.d.doc_type} phải mang mã loại “{want}” trong số, ký hiệu; in là “{dn.raw}”.",
              f"A {ctx.d.doc_type} carries the type code “{want}” in its number; printed “{dn.raw}”.")


@rule("ND30.DRAFT.NUMBER", "state", "info", f"{ND30}, Điều 15", "blank number: a draft or an unsigned copy")
@rule("HD36.DRAFT.NUMBER", "party", "info", f"{HD36}, 1.3", "blank number: a draft or an unsigned copy",
      confidence="S")
@rule("HD29.DRAFT.NUMBER", "youth", "info", HD29, "blank number: a draft or an unsigned copy", confidence="S")
def draft_number(ctx: Context) -> Iterator[Hit]:
    """``"Số: /STTTT-TTBCXB"`` -> info (numbers are given when the document is signed and issued)."""
    dn = ctx.d.doc_number
    if dn is not None and dn.number is None:
        yield Hit(dn.span, f"Số văn bản để trống (“{dn.raw}”): bản dự thảo hoặc bản chưa ký ban hành.",
                  f"The number is blank (“{dn.raw}”): a draft or a copy not yet signed and issued.")
