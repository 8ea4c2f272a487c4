"""Place-and-date line rules (ô 4): presence, shape, leading zeros, real date, full place names."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Optional

import regex

from ..models import Span
from .registry import HD29, HD36, ND30, Context, Hit, rule

# "Lạng Sơn, ngày 08 tháng 3 năm 2024"; blank parts (drafts) are spaces or fill dots.
_CANONICAL = regex.compile(
    r"^(?P<place>\p{Lu}[^,]*?), ngày\s+(?:\d{1,2}\s+|[.…_]+\s*)?tháng\s+(?:\d{1,2}\s+|[.…_]+\s*)?"
    r"năm(?:\s+\d{4}|\s*[.…_]*)$"
)
_PARTS = regex.compile(r"ngày\s*(?P<d>\d{1,2})?\D*?tháng\s*(?P<m>\d{1,2})?", regex.I)
_PLACE_ABBR = regex.compile(r"^(?:TP|Tp|tp|T\.P|Tx|TX)\b\.?|\bHCM\b|\bHN\b")


def _line_text(ctx: Context) -> Optional[tuple[str, Span]]:
    """The printed place-and-date, from the place to the end of its line (a trailing "." kept)."""
    sp = ctx.d.spans.get("issue_place_date")
    if sp is None:
        return None
    ln = ctx.line_at(sp[0])
    end = ln.end if ln is not None else sp[1]
    s = ctx.d.text[sp[0] : end].rstrip()
    return s, (sp[0], sp[0] + len(s))


@rule("ND30.DATE.PRESENT", "state", "error", f"{ND30}, Điều 8.2.d; Phụ lục I, II.4",
      "place-and-date line present, with the place name (not for a biên bản)")
@rule("HD36.DATE.PRESENT", "party", "error", HD36, "place-and-date line present, with the place name",
      confidence="S")
@rule("HD29.DATE.PRESENT", "youth", "error", HD29, "place-and-date line present, with the place name",
      confidence="S")
def date_present(ctx: Context) -> Iterator[Hit]:
    """No ``"Hà Nội, ngày 05 tháng 01 năm 2024"`` line -> error; ``"ngày 05 tháng 01 năm 2024"`` alone -> error."""
    d = ctx.d
    if d.doc_type == "Biên bản":
        return  # Mẫu 1.9: a biên bản states its time in the body, not under the motto
    if d.issue_date is None:
        yield Hit(None, "Thiếu dòng địa danh và ngày tháng năm ban hành (“Hà Nội, ngày 05 tháng 01 năm 2024”).",
                  "The place-and-date line (“Hà Nội, ngày 05 tháng 01 năm 2024”) is missing.")
    elif d.issue_place is None:
        yield Hit(d.issue_date.span, "Thiếu địa danh trước ngày tháng năm ban hành.",
                  "The place name before the date is missing.")


@rule("ND30.DATE.FORMAT", "state", "warning", f"{ND30}, Phụ lục I, II.4.b",
      "“Địa danh, ngày … tháng … năm …”: comma after the place, words in lower case, digits, no final stop")
def date_format(ctx: Context) -> Iterator[Hit]:
    """``"Lai Châu ngày 20 tháng 02 năm 2024"`` (no comma) and ``"…năm 2011."`` -> warning."""
    got = _line_text(ctx)
    if got is None or ctx.d.issue_place is None:
        return  # no place name: DATE.PRESENT
    s, span = got
    if _CANONICAL.match(s):
        return
    if regex.search(r"\d{4}\s*\.$", s):
        why_vi, why_en = "không có dấu chấm cuối dòng", "no full stop at the end"
    elif not regex.search(r",\s*ngày", s, regex.I):
        why_vi, why_en = "có dấu phẩy sau địa danh", "a comma after the place name"
    else:
        why_vi, why_en = "đúng mẫu “Địa danh, ngày 05 tháng 01 năm 2024”", "the pattern “Place, ngày 05 tháng 01 năm 2024”"
    yield Hit(span, f"Dòng địa danh, ngày tháng “{s}” cần {why_vi}.", f"The place-and-date line “{s}” needs {why_en}.")


@rule("ND30.DATE.PADDING", "state", "warning", f"{ND30}, Phụ lục I, II.4.b",
      "leading zero for days below 10 and months 1–2; none for months 3–12")
@rule("HD36.DATE.PADDING", "party", "warning", HD36, "leading zero for days below 10 and months 1–2; none for months 3–12",
      confidence="S")
def date_padding(ctx: Context) -> Iterator[Hit]:
    """``"ngày 5 tháng 1"`` and ``"tháng 07"`` -> warning; ``"ngày 05 tháng 02"``, ``"ngày 12 tháng 3"`` pass."""
    pd = ctx.d.issue_date
    if pd is None or pd.span is None:
        return
    m = _PARTS.search(ctx.d.text, pd.span[0], pd.span[1])
    if not m:
        return
    day, month = m.group("d"), m.group("m")
    if day is not None and 1 <= int(day) < 10 and len(day) == 1:
        yield Hit(m.span("d"), f"Ngày “{day}” nhỏ hơn 10 phải ghi “0{day}”.", f"Day “{day}” is below 10: write “0{day}”.")
    if month is not None:
        mv = int(month)
        if mv in (1, 2) and len(month) == 1:  # "tháng 0" (OCR) falls through
            yield Hit(m.span("m"), f"Tháng {mv} phải ghi “0{mv}”.", f"Month {mv} is written “0{mv}”.")
        elif mv >= 3 and month.startswith("0"):
            yield Hit(m.span("m"), f"Tháng “{month}” ghi không có số 0: “{mv}”.",
                      f"Month “{month}” takes no leading zero: “{mv}”.")


@rule("ND30.DATE.VALID", "state", "error", f"{ND30}, Phụ lục I, II.4.b", "the issue date exists in the calendar")
@rule("HD36.DATE.VALID", "party", "error", HD36, "the issue date exists in the calendar", confidence="S")
@rule("HD29.DATE.VALID", "youth", "error", HD29, "the issue date exists in the calendar", confidence="S")
def date_valid(ctx: Context) -> Iterator[Hit]:
    """``"ngày 30 tháng 02 năm 2024"`` -> error."""
    pd = ctx.d.issue_date
    if pd is not None and pd.is_complete() and pd.to_date() is None:
        yield Hit(pd.span, f"Ngày ban hành không có thật: “{pd.raw}”.", f"The issue date does not exist: “{pd.raw}”.")


@rule("ND30.DATE.PLACE_NAME", "state", "warning", f"{ND30}, Phụ lục I, II.4.a",
      "place written in full (“Thành phố Hồ Chí Minh”, not “TP. HCM”)")
def place_name(ctx: Context) -> Iterator[Hit]:
    """``"TP. Hồ Chí Minh, ngày 01 tháng 9 năm 2011"`` -> warning."""
    place = ctx.d.issue_place
    sp = ctx.d.spans.get("issue_place_date")
    if place and _PLACE_ABBR.search(place):
        span = (sp[0], sp[0] + len(place)) if sp and ctx.d.text.startswith(place, sp[0]) else sp
        yield Hit(span, f"Địa danh “{place}” phải ghi đầy đủ, không viết tắt (ví dụ “Thành phố Hồ Chí Minh”).",
                  f"The place “{place}” must be written in full, not abbreviated (e.g. “Thành phố Hồ Chí Minh”).")


@rule("ND30.DRAFT.DATE", "state", "info", f"{ND30}, Phụ lục I, II.4", "blank day, month or year: a draft")
@rule("HD36.DRAFT.DATE", "party", "info", HD36, "blank day, month or year: a draft", confidence="S")
@rule("HD29.DRAFT.DATE", "youth", "info", HD29, "blank day, month or year: a draft", confidence="S")
def draft_date(ctx: Context) -> Iterator[Hit]:
    """``"ngày tháng 02 năm 2024"`` -> info (dated on signing)."""
    pd = ctx.d.issue_date
    if pd is not None and not pd.is_complete():
        blanks = [w for w, v in (("ngày", pd.day), ("tháng", pd.month), ("năm", pd.year)) if v is None]
        en = {"ngày": "day", "tháng": "month", "năm": "year"}
        yield Hit(pd.span, f"Ngày ban hành còn để trống {', '.join(blanks)} (“{pd.raw}”): bản dự thảo; ngày được ghi khi ký ban hành.",
                  f"The issue date leaves the {', '.join(en[b] for b in blanks)} blank (“{pd.raw}”): a draft; it is dated when signed.")
