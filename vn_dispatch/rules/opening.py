"""Opening rules: V/v trích yếu and Kính gửi of a công văn, urgency and secrecy marks."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..models import Span
from ..tables import ADDRESSEE_ATTRIBUTE_HEADS, SECRECY, URGENCY
from ..text import fold
from .registry import BULLET, DASHES, HD36, ND30, Context, Hit, rule
from .vocab import SECRECY_SPELLINGS, URGENCY_SPELLINGS

_KINH_GUI = regex.compile(r"^[\s\-–•*]*k[i]nh\s*(?:g[uo][i]|trinh)")


@rule("ND30.CV.VV", "state", "error", f"{ND30}, Phụ lục I, II.5.b",
      "a công văn has its trích yếu “V/v …” under the number (or the document has a type name)")
def cong_van_vv(ctx: Context) -> Iterator[Hit]:
    """Neither ``"KẾ HOẠCH"`` nor ``"V/v nâng bậc lương năm 2019"`` -> error."""
    d = ctx.d
    if ctx.kind == "unknown":
        yield Hit(d.doc_number.span if d.doc_number else None,
                  "Không có tên loại văn bản cũng không có trích yếu “V/v …”: công văn phải có trích yếu bắt đầu bằng “V/v”.",
                  "Neither a type name nor a “V/v …” trích yếu: a công văn needs a subject line starting with “V/v”.")
    elif ctx.kind == "cong_van" and not d.subject:
        yield Hit(d.doc_number.span if d.doc_number else None, "Công văn thiếu trích yếu nội dung “V/v …”.",
                  "The công văn has no “V/v …” subject line.")


@rule("ND30.CV.KINH_GUI", "state", "error", f"{ND30}, Phụ lục I, II.9.b", "a công văn has a “Kính gửi:” block")
@rule("HD36.CV.KINH_GUI", "party", "error", HD36, "a công văn has a “Kính gửi:” block", confidence="S")
def cong_van_kinh_gui(ctx: Context) -> Iterator[Hit]:
    """A V/v công văn going straight from the subject to the body -> error."""
    d = ctx.d
    if ctx.kind not in ("cong_van", "unknown") or (ctx.kind == "unknown" and ctx.rule_set != "state"):
        return
    if not d.addressees and "addressees" not in d.spans:
        span = d.spans.get("subject")
        yield Hit(span, "Công văn thiếu phần “Kính gửi:” (cơ quan, cá nhân có trách nhiệm giải quyết).",
                  "The công văn has no “Kính gửi:” block (the bodies or persons who must act).")


def _is_attribute(s: str) -> bool:
    f = fold(s).strip().lstrip("-–•+ (")
    return any(f.startswith(h.lstrip("(")) for h in ADDRESSEE_ATTRIBUTE_HEADS)


@rule("ND30.KINH_GUI.FORMAT", "state", "warning", f"{ND30}, Phụ lục I, II.9.b",
      "“Kính gửi:” with a colon; one addressee on the same line, several as “- …;” lines, the last ending “.”")
def kinh_gui_format(ctx: Context) -> Iterator[Hit]:
    """``"- Các doanh nghiệp viễn thông"`` (no ";") and ``"- Báo Lạng Sơn; Đài PT-TH tỉnh;"`` (two on a line) -> warning."""
    sp = ctx.d.spans.get("addressees")
    if sp is None:
        return
    first = ctx.line_at(sp[0])
    if first is None:
        return
    m = _KINH_GUI.match(first.folded)
    head_end = first.start + (m.end() if m else 0)
    if not regex.match(r"^\s*:", ctx.d.text[head_end : first.end]):
        yield Hit((first.start, head_end), "Sau “Kính gửi” có dấu hai chấm: “Kính gửi:”.",
                  "“Kính gửi” is followed by a colon: “Kính gửi:”.")
    same_line = ctx.d.text[head_end : first.end].strip(" :")
    items = [it for it in ctx.list_items((first.end, sp[1])) if not _is_attribute(it[0])]
    if same_line:
        if len(ctx.d.addressees) > 1:  # a wrapped name "(Vụ Phổ biến ...)" on the next line is one addressee
            yield Hit((first.start, first.end), "Nhiều nơi nhận: mỗi nơi một dòng dưới “Kính gửi:”, bắt đầu bằng “- ”.",
                      "Several addressees: one per line under “Kính gửi:”, each starting “- ”.")
        return
    if len(items) == 1 and not items[0][2]:
        yield Hit(items[0][1], "Một nơi nhận thì ghi cùng dòng với “Kính gửi:”.",
                  "A single addressee goes on the “Kính gửi:” line.")
        return
    for i, (s, isp, bullet) in enumerate(items):
        last = i == len(items) - 1
        bm = BULLET.match(s)
        body = s[bm.end() :] if bm else s
        if bullet not in DASHES:
            yield Hit(isp, f"“{s}”: mỗi nơi nhận bắt đầu bằng gạch đầu dòng “- ”.",
                      f"“{s}”: each addressee starts with a dash “- ”.")
        if regex.search(r";\s*\S", body):
            yield Hit(isp, f"“{s}”: mỗi nơi nhận một dòng.", f"“{s}”: one addressee per line.")
        end = ";" if not last else "."
        if not s.endswith(end):
            yield Hit(isp, f"“{s}”: dòng {'cuối ' if last else ''}kết thúc bằng dấu “{end}”.",
                      f"“{s}”: the {'last ' if last else ''}line ends with “{end}”.")


def _mark_cells(ctx: Context, table: dict[str, str]) -> Iterator[tuple[str, Span]]:
    """Cells of header/opening lines that are an urgency or secrecy mark (any case, any spelling)."""
    hi = ctx.header_limit()
    for ln in ctx.lines[:60]:
        if ln.start >= hi:
            break
        for cm in regex.finditer(r"[^|]+?(?=\s{3,}|\||$)", ln.text):
            cell = cm.group(0).strip()
            if not cell or len(cell) > 30:
                continue
            key = regex.sub(r"\s+", " ", regex.sub(r"[^a-z ]", " ", fold(cell))).strip()
            key = regex.sub(r"^do\s+(?:khan|mat)\s*", "", key).strip()
            if key in table:
                a = ln.start + cm.start() + (len(cm.group(0)) - len(cm.group(0).lstrip()))
                yield cell, (a, a + len(cell))


@rule("ND30.MARK.URGENCY", "state", "warning", f"{ND30}, Phụ lục I, III.2",
      "urgency printed HỎA TỐC, THƯỢNG KHẨN or KHẨN (capitals, nothing else)")
def urgency_spelling(ctx: Context) -> Iterator[Hit]:
    """``"Khẩn"``, ``"ĐỘ KHẨN: KHẨN"`` or ``"KHAN"`` (lost diacritics) -> warning; ``"HOẢ TỐC"`` passes."""
    for cell, span in _mark_cells(ctx, URGENCY):
        if cell not in URGENCY_SPELLINGS:
            yield Hit(span, f"Dấu mức độ khẩn in là “{cell}”; Nghị định ghi “HỎA TỐC”, “THƯỢNG KHẨN” hoặc “KHẨN”.",
                      f"The urgency mark reads “{cell}”; the decree prints “HỎA TỐC”, “THƯỢNG KHẨN” or “KHẨN”.")


@rule("ND30.MARK.SECRECY", "state", "warning", f"{ND30}, Phụ lục I, III.2",
      "secrecy printed TUYỆT MẬT, TỐI MẬT or MẬT (capitals, nothing else)")
def secrecy_spelling(ctx: Context) -> Iterator[Hit]:
    """``"Mật"`` or ``"ĐỘ MẬT: MẬT"`` -> warning; ``"TỐI MẬT"`` passes."""
    for cell, span in _mark_cells(ctx, SECRECY):
        if cell not in SECRECY_SPELLINGS:
            yield Hit(span, f"Dấu độ mật in là “{cell}”; Nghị định ghi “TUYỆT MẬT”, “TỐI MẬT” hoặc “MẬT”.",
                      f"The secrecy mark reads “{cell}”; the decree prints “TUYỆT MẬT”, “TỐI MẬT” or “MẬT”.")

