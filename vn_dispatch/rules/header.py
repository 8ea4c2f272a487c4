"""Header rules: motto / tiêu ngữ (state), Party and Đoàn headers, issuing body."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Optional

import regex

from ..models import Span
from ..text import fold
from .registry import HD29, HD36, ND30, QD66, Context, Hit, rule
from .vocab import DASH_VARIANTS, PARTY_HEADER, STATE_MOTTO, STATE_TAGLINE, YOUTH_HEADERS


def _letters(s: str) -> str:
    return regex.sub(r"[^a-z]", "", fold(s))


def _motto_parts(ctx: Context) -> tuple[Optional[tuple[str, Optional[Span]]], Optional[tuple[str, Optional[Span]]]]:
    """(Quốc hiệu line, tiêu ngữ line) as printed, each with its span, or None."""
    qh = tl = None
    hi = ctx.header_limit()
    for s in ctx.d.header.motto_lines:
        key = _letters(s)
        if qh is None and ("xahoi" in key or "conghoa" in key or "chunghia" in key):
            qh = (s, ctx.locate(s, 0, hi))
        elif tl is None and ("doclap" in key or "tudo" in key or "hanhphuc" in key):
            tl = (s, ctx.locate(s, 0, hi))
    return qh, tl


def _old_accents(s: str) -> str:
    """Old tone placement counts as exact: ``"CỘNG HOÀ"`` == ``"CỘNG HÒA"`` (NĐ30 itself prints both)."""
    return s.replace("HOÀ", "HÒA").replace("Hoà", "Hòa")


@rule("ND30.MOTTO.PRESENT", "state", "error", f"{ND30}, Điều 8.2.a; Phụ lục I, II.1",
      "Quốc hiệu and Tiêu ngữ present")
def motto_present(ctx: Context) -> Iterator[Hit]:
    """Header lost in ``"Số: /STTTT-TTBCXB"`` as the first line -> both missing."""
    qh, tl = _motto_parts(ctx)
    if qh is None and tl is None:
        lost_vi = lost_en = ""
        dn = ctx.d.doc_number
        if dn is not None and dn.span is not None and not ctx.d.text[: dn.span[0]].strip():
            lost_vi = " Văn bản bắt đầu từ dòng số, ký hiệu: phần đầu có thể đã mất khi chuyển đổi."
            lost_en = " The text starts at the number line: the header may have been lost in conversion."
        yield Hit(None, f"Thiếu Quốc hiệu và Tiêu ngữ (“{STATE_MOTTO}” / “{STATE_TAGLINE}”).{lost_vi}",
                  f"The national name and motto are missing (“{STATE_MOTTO}” / “{STATE_TAGLINE}”).{lost_en}")
    elif qh is None:
        yield Hit(tl[1] if tl else None, f"Thiếu Quốc hiệu “{STATE_MOTTO}” trên Tiêu ngữ.",
                  f"The national name “{STATE_MOTTO}” above the motto is missing.")
    elif tl is None:
        yield Hit(qh[1], f"Thiếu Tiêu ngữ “{STATE_TAGLINE}” dưới Quốc hiệu.",
                  f"The motto “{STATE_TAGLINE}” under the national name is missing.")


@rule("ND30.MOTTO.EXACT", "state", "warning", f"{ND30}, Phụ lục I, II.1",
      "Quốc hiệu and Tiêu ngữ printed word for word (HOÀ/HÒA alike; dash glyphs: MOTTO.HYPHEN)")
def motto_exact(ctx: Context) -> Iterator[Hit]:
    """``"Độc lập-Tự do-Hạnh phúc"`` (no spaces) and ``"Cộng hòa xã hội..."`` (not capitals) are flagged."""
    qh, tl = _motto_parts(ctx)
    if qh is not None and _old_accents(qh[0]) != STATE_MOTTO:
        yield Hit(qh[1], f"Quốc hiệu in là “{qh[0]}”; đúng là “{STATE_MOTTO}” (chữ in hoa).",
                  f"The national name reads “{qh[0]}”; it must be “{STATE_MOTTO}” (capitals).")
    if tl is not None:
        printed = regex.sub(f"[{DASH_VARIANTS}]", "-", tl[0])
        if printed != STATE_TAGLINE:
            yield Hit(tl[1], f"Tiêu ngữ in là “{tl[0]}”; đúng là “{STATE_TAGLINE}” (gạch nối có cách chữ hai bên).",
                      f"The motto reads “{tl[0]}”; it must be “{STATE_TAGLINE}” (hyphens with a space each side).")


@rule("ND30.MOTTO.HYPHEN", "state", "info", f"{ND30}, Phụ lục I, II.1",
      "Tiêu ngữ uses the hyphen (-), not an en or em dash (word processors substitute it)")
def motto_hyphen(ctx: Context) -> Iterator[Hit]:
    """``"Độc lập – Tự do – Hạnh phúc"`` (en dashes) -> info."""
    _, tl = _motto_parts(ctx)
    if tl is not None and regex.search(f"[{DASH_VARIANTS}]", tl[0]):
        yield Hit(tl[1], "Tiêu ngữ dùng dấu gạch dài (–); Nghị định quy định gạch nối (-).",
                  "The motto uses a dash (–) where the decree prints a hyphen (-).")


def _party_line(ctx: Context) -> Optional[str]:
    for s in ctx.d.header.motto_lines:
        if "dangcongsan" in _letters(s):
            return s
    return None


@rule("HD36.HEADER.PRESENT", "party", "error", f"{HD36}, 1.1; {QD66}, Điều 15", "Party header present",
      confidence="S")
def party_header_present(ctx: Context) -> Iterator[Hit]:
    """A Party-shaped number (``"Số 930-CV/BTGTU"``) without ``"ĐẢNG CỘNG SẢN VIỆT NAM"`` -> error."""
    if _party_line(ctx) is None:
        yield Hit(None, f"Thiếu tiêu đề “{PARTY_HEADER}”.", f"The Party header “{PARTY_HEADER}” is missing.")


@rule("HD36.HEADER.EXACT", "party", "warning", f"{HD36}, 1.1", "Party header printed word for word, in capitals",
      confidence="S")
def party_header_exact(ctx: Context) -> Iterator[Hit]:
    """``"Đảng Cộng sản Việt Nam"`` (not capitals) -> warning."""
    s = _party_line(ctx)
    if s is not None and s != PARTY_HEADER:
        yield Hit(ctx.locate(s, 0, ctx.header_limit()), f"Tiêu đề in là “{s}”; đúng là “{PARTY_HEADER}”.",
                  f"The Party header reads “{s}”; it must be “{PARTY_HEADER}”.")


@rule("HD29.HEADER.PRESENT", "youth", "error", HD29, "Đoàn header ĐOÀN TNCS HỒ CHÍ MINH present", confidence="S")
def youth_header_present(ctx: Context) -> Iterator[Hit]:
    """A Đoàn-issued number (``"Số: 05-HD/TĐTN-TG"``) without the Đoàn header -> error."""
    keys = {_letters(h) for h in YOUTH_HEADERS}
    if not any(_letters(s) in keys or "doantncs" in _letters(s) for s in ctx.d.header.motto_lines):
        yield Hit(None, f"Thiếu tiêu đề “{YOUTH_HEADERS[0]}” (góc trái, dòng đầu).",
                  f"The Đoàn header “{YOUTH_HEADERS[0]}” (top left, first line) is missing.")


@rule("ND30.ISSUER.PRESENT", "state", "error", f"{ND30}, Điều 8.2.b; Phụ lục I, II.2",
      "issuing body (tên cơ quan, tổ chức ban hành) present")
@rule("HD36.ISSUER.PRESENT", "party", "error", f"{QD66}, Điều 15; {HD36}", "issuing body (tên cơ quan ban hành) present",
      confidence="S")
@rule("HD29.ISSUER.PRESENT", "youth", "error", HD29, "issuing level (e.g. BCH TỈNH ĐOÀN ...) present", confidence="S")
def issuer_present(ctx: Context) -> Iterator[Hit]:
    """No upper-case issuer line (``"SỞ THÔNG TIN VÀ TRUYỀN THÔNG"``) in the header -> error."""
    if ctx.d.header.issuer is None:
        yield Hit(None, "Thiếu tên cơ quan, tổ chức ban hành văn bản.", "The issuing body's name is missing.")
