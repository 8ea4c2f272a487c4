"""PDF input: text in reading order with page-and-box provenance, and the e-signatures.

``read_pdf(path)`` returns a ``PdfText``:

- ``text`` — the document in reading order, already normalised (``normalize(text) == text``), so
  the offsets of ``parse(text)`` spans are offsets into it. The two-column zones of a dispatch — the
  header (issuer block and số at left, motto and place/date at right) and the closing (Nơi nhận at
  left, signature at right) — are read left column first, then right column; the body is read line
  by line. Running heads and page numbers are dropped; a line broken after a hyphen or a slash in
  a narrow cell ("Số: 12/QĐ-" / "UBND") is joined.
- ``char_boxes`` — for every character offset of ``text``, the page (1-based) and box
  ``(x0, top, x1, bottom)`` in PDF points, origin at the page's top left (pdfplumber's convention);
  inserted separators (spaces, line breaks) have none. ``char_boxes.locate(start, end)`` gives the
  boxes of a span, one per page line it touches.
- ``e_signatures`` — the signature fields (``/Sig``): field name, signing time, reason, location,
  contact, the signer and organisation from the signing certificate when readable, the widget's
  page and box, and the text of its visible appearance.

Digitally signed dispatches: the văn thư's signing system stamps the number and the day into
signature widgets, so the page content alone reads "Số: /UBND-KGVX ... ngày tháng 01 năm 2025".
The widgets' appearance streams are flattened into the page (pdfium's ``FPDFPage_Flatten``); text
that came from a widget and is only a number ("5 0 7", "2 4") is put back in place with its
digits joined, any other widget text (the signing organisation's stamp: name, e-mail, time) is left
out of ``text`` and kept in ``e_signatures[i]["appearance_text"]``.

Two text back ends feed the same layout code: ``"pdfium"`` (pypdfium2, the default; its character
extraction is some 50 times faster than pdfplumber's and it marks word breaks itself) and
``"pdfplumber"``; ``backend="auto"`` picks pdfium. Both are imported lazily.

Failures raise ``DispatchReadError`` with ``reason`` one of ``not_found``, ``io``, ``empty``,
``not_pdf``, ``corrupt``, ``encrypted`` (a password is needed), ``too_many_pages`` (over ``max_pages``),
``layout`` (an internal failure of the reader; ``VN_DISPATCH_STRICT=1`` lets it through),
``no_text`` (no text layer: a scan, run OCR first) or ``bad_text_layer`` (glyphs that do not map to
readable text: missing ToUnicode maps or a legacy TCVN3/VNI font encoding).
"""

from __future__ import annotations

import datetime as _dt
import io
import math
import os
import statistics
import unicodedata
from array import array
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Optional, Union

import regex

from ._re import rx
from .errors import DispatchReadError
from .normalize import normalize
from .segment import MARK_RE, NOI_NHAN_RE
from .text import fold

BoxTuple = tuple[int, float, float, float, float]  # page (1-based), x0, top, x1, bottom

# ---------------------------------------------------------------------------------------------
# provenance


class CharBoxes:
    """Character offsets of a text -> ``(page, x0, top, x1, bottom)``; compact parallel arrays.

    ``page[i] == 0`` means character ``i`` has no box (a separator inserted by the reader).
    """

    __slots__ = ("page", "x0", "top", "x1", "bottom")

    def __init__(self) -> None:
        self.page = array("H")
        self.x0 = array("f")
        self.top = array("f")
        self.x1 = array("f")
        self.bottom = array("f")

    def __len__(self) -> int:
        return len(self.page)

    def append(self, box: Optional[BoxTuple]) -> None:
        if box is None:
            self.page.append(0)
            self.x0.append(0.0)
            self.top.append(0.0)
            self.x1.append(0.0)
            self.bottom.append(0.0)
        else:
            self.page.append(box[0])
            self.x0.append(box[1])
            self.top.append(box[2])
            self.x1.append(box[3])
            self.bottom.append(box[4])

    def box(self, i: int) -> Optional[BoxTuple]:
        if i < 0 or i >= len(self.page) or self.page[i] == 0:
            return None
        return (self.page[i], self.x0[i], self.top[i], self.x1[i], self.bottom[i])

    def locate(self, start: int, end: int) -> list[BoxTuple]:
        """Boxes covering ``[start, end)``: one per run of characters on the same page line."""
        out: list[list[float]] = []
        start = max(0, start)
        end = min(end, len(self.page))
        for i in range(start, end):
            p = self.page[i]
            if p == 0:
                continue
            x0, t, x1, b = self.x0[i], self.top[i], self.x1[i], self.bottom[i]
            if out:
                cur = out[-1]
                same_line = cur[0] == p and min(cur[4], b) - max(cur[2], t) > 0.3 * min(cur[4] - cur[2], b - t)
                if same_line and x0 >= cur[1] - 1.0:
                    cur[1] = min(cur[1], x0)
                    cur[2] = min(cur[2], t)
                    cur[3] = max(cur[3], x1)
                    cur[4] = max(cur[4], b)
                    continue
            out.append([p, x0, t, x1, b])
        return [(int(c[0]), round(c[1], 2), round(c[2], 2), round(c[3], 2), round(c[4], 2)) for c in out]

    def realign(self, old: str, new: str) -> CharBoxes:
        """The map for ``new``, a lightly edited copy of ``old`` (e.g. ``normalize(old)``).

        Lines are aligned first, then characters inside changed lines; characters without a
        counterpart get no box.
        """
        if old == new:
            return self
        res = CharBoxes()
        old_lines = old.split("\n")
        new_lines = new.split("\n")
        starts = []
        pos = 0
        for s in old_lines:
            starts.append(pos)
            pos += len(s) + 1
        sm = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        first = True
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            for k in range(j2 - j1):
                if not first:
                    res.append(None)  # the "\n" before this line
                first = False
                nl = new_lines[j1 + k]
                if tag == "equal":
                    base = starts[i1 + k]
                    for c in range(len(nl)):
                        res.append(self.box(base + c))
                elif tag == "replace" and i2 - i1 == j2 - j1:
                    ol = old_lines[i1 + k]
                    base = starts[i1 + k]
                    mapping: dict[int, int] = {}
                    for t2, a1, a2, b1, b2 in SequenceMatcher(None, ol, nl, autojunk=False).get_opcodes():
                        if t2 == "equal" or (t2 == "replace" and a2 - a1 == b2 - b1):
                            for d in range(b2 - b1):
                                mapping[b1 + d] = base + a1 + d
                    for c in range(len(nl)):
                        res.append(self.box(mapping[c]) if c in mapping else None)
                else:
                    for _ in nl:
                        res.append(None)
        return res


@dataclass
class PdfText:
    """What ``read_pdf`` returns: the text in reading order and its provenance."""

    text: str
    pages: int
    char_boxes: CharBoxes
    e_signatures: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    backend: str = "pdfium"


# ---------------------------------------------------------------------------------------------
# characters from the back ends


class _Ch:
    __slots__ = ("t", "x0", "top", "x1", "bottom", "size", "base", "w")

    def __init__(self, t: str, x0: float, top: float, x1: float, bottom: float, size: float,
                 base: Optional[float] = None, w: int = -1) -> None:
        self.t = t
        self.x0 = x0
        self.top = top
        self.x1 = x1
        self.bottom = bottom
        self.size = size if size and size > 0 else max(1.0, bottom - top)
        self.base = base if base is not None else bottom - 0.2 * self.size  # baseline, top-down
        self.w = w  # index of the widget the character was flattened from, -1 for page content


@dataclass
class _Widget:
    page: int  # 0-based
    rect: tuple[float, float, float, float]  # x0, top, x1, bottom (top-down)
    name: Optional[str]
    is_sig: bool
    chars: list[_Ch] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c.t for c in self.chars)


def _pdfium_page_chars(pdfium_raw: Any, page: Any, top_y: float) -> list[_Ch]:
    import ctypes

    raw = pdfium_raw
    tp = raw.FPDFText_LoadPage(page)
    out: list[_Ch] = []
    try:
        n = raw.FPDFText_CountChars(tp)
        r = raw.FS_RECTF()
        get_u = raw.FPDFText_GetUnicode
        is_gen = raw.FPDFText_IsGenerated
        loose = raw.FPDFText_GetLooseCharBox
        fsize = raw.FPDFText_GetFontSize
        angle = raw.FPDFText_GetCharAngle
        origin = raw.FPDFText_GetCharOrigin
        matrix = raw.FPDFText_GetMatrix
        ox, oy = ctypes.c_double(), ctypes.c_double()
        px, py = ctypes.byref(ox), ctypes.byref(oy)
        mt = raw.FS_MATRIX()
        pm = ctypes.byref(mt)
        for j in range(n):
            u = get_u(tp, j)
            if is_gen(tp, j) == 1:
                if u == 32 and out:  # pdfium's own word break: keep it as a break marker
                    q = out[-1]
                    out.append(_Ch(" ", q.x1, q.top, q.x1 + 0.01, q.bottom, q.size, q.base))
                continue
            if u in (0, 0xFFFE, 0xFFFF) or u == 13 or u == 10:
                continue
            if u == 2 and raw.FPDFText_IsHyphen(tp, j):
                u = 0x2D  # a hyphen at the end of a line
            a = angle(tp, j)
            if 0.6 < a < 2 * math.pi - 0.6:
                continue  # rotated text (side stamps, vertical labels); small angles are fake italics
            if not loose(tp, j, r):
                continue
            origin(tp, j, px, py)
            size = fsize(tp, j)
            if matrix(tp, j, pm):  # the effective size: font size times the text matrix's scale
                size *= math.hypot(mt.c, mt.d) or 1.0
            out.append(_Ch(chr(u), r.left, top_y - r.top, r.right, top_y - r.bottom, size, top_y - oy.value))
    finally:
        raw.FPDFText_ClosePage(tp)
    return out


def _annot_string(raw: Any, annot: Any, key: bytes) -> Optional[str]:
    import ctypes

    n = raw.FPDFAnnot_GetStringValue(annot, key, None, 0)
    if n <= 2:
        return None
    buf = ctypes.create_string_buffer(n)
    raw.FPDFAnnot_GetStringValue(annot, key, ctypes.cast(buf, ctypes.POINTER(raw.FPDF_WCHAR)), n)
    return buf.raw[: n - 2].decode("utf-16-le", errors="replace")


def _page_widgets(raw: Any, page: Any, pno: int, top_y: float) -> list[_Widget]:
    """Visible annotations with an appearance stream (what ``FPDFPage_Flatten`` draws)."""
    out: list[_Widget] = []
    n = raw.FPDFPage_GetAnnotCount(page)
    for j in range(n):
        a = raw.FPDFPage_GetAnnot(page, j)
        try:
            sub = raw.FPDFAnnot_GetSubtype(a)
            if sub in (raw.FPDF_ANNOT_POPUP, raw.FPDF_ANNOT_LINK):
                continue
            flags = raw.FPDFAnnot_GetFlags(a)
            if flags & (raw.FPDF_ANNOT_FLAG_HIDDEN | raw.FPDF_ANNOT_FLAG_NOVIEW):
                continue
            if not raw.FPDFAnnot_HasKey(a, b"AP"):
                continue
            r = raw.FS_RECTF()
            raw.FPDFAnnot_GetRect(a, r)
            x0, x1 = sorted((r.left, r.right))
            b0, t0 = sorted((r.bottom, r.top))
            name = _annot_string(raw, a, b"T") if sub == raw.FPDF_ANNOT_WIDGET else None
            ft = None
            if sub == raw.FPDF_ANNOT_WIDGET and raw.FPDFAnnot_HasKey(a, b"FT"):
                ft = "sig" if raw.FPDFAnnot_GetValueType(a, b"FT") == raw.FPDF_OBJECT_NAME else None
            out.append(_Widget(pno, (x0, top_y - t0, x1, top_y - b0), name, bool(ft)))
        finally:
            raw.FPDFPage_CloseAnnot(a)
    return out


def _key(c: _Ch) -> tuple[str, int, int]:
    return (c.t, round(c.x0), round(c.top))


_UNKNOWN_ANNOT = 1 << 30  # widget index of flattened text whose annotation is not known: left out


def _split_flattened(orig: list[_Ch], flat: list[_Ch], widgets: list[_Widget]) -> list[_Ch]:
    """Mark the characters that flattening added (widget appearances) with their widget index.

    pdfium appends the flattened appearances after the page content, so the page's own
    characters are a prefix of the flattened page's; a multiset difference is the fallback.
    """
    n = len(orig)
    if len(flat) >= n and all(_key(a) == _key(b) for a, b in zip(orig, flat[:n])):
        added = flat[n:]
        kept = flat[:n]
    else:
        pool: dict[tuple[str, int, int], int] = {}
        for c in orig:
            pool[_key(c)] = pool.get(_key(c), 0) + 1
        kept, added = [], []
        for c in flat:
            k = _key(c)
            if pool.get(k):
                pool[k] -= 1
                kept.append(c)
            else:
                added.append(c)
    for c in added:
        cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        best, area = -1, float("inf")
        for wi, w in enumerate(widgets):
            x0, t, x1, b = w.rect
            if x0 - 2 <= cx <= x1 + 2 and t - 2 <= cy <= b + 2:
                a = (x1 - x0) * (b - t)
                if a < area:
                    best, area = wi, a
        c.w = best if best >= 0 else _UNKNOWN_ANNOT
        if 0 <= best:
            widgets[best].chars.append(c)
    return kept + added


# ---------------------------------------------------------------------------------------------
# reading the file


_PUA = rx(r"[\p{Co}\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# letters that occur in Vietnamese (and in ordinary Latin text)
_VI_LETTERS = set(
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz"
)
_CID = rx(r"^\(cid:\d+\)$")


def _bad_char(t: str) -> int:
    """0: plausible text; 1: a letter Vietnamese does not use (legacy font encodings such as
    TCVN3 read as Latin-1: "Céng hßa"); 2: unreadable (private use, control, U+FFFD, "(cid:N)")."""
    if _CID.match(t):
        return 2
    worst = 0
    for ch in t:
        if _PUA.match(ch):
            return 2
        if ch.isalpha():
            lo = unicodedata.normalize("NFC", ch.lower())
            if lo not in _VI_LETTERS and not ("\u0370" <= ch <= "\u03ff"):  # Greek letters: formulas
                worst = 1
    return worst


def _open_error(path: str, exc: Exception) -> DispatchReadError:
    code = getattr(exc, "err_code", None)
    msg = str(exc)
    if code == 4 or "password" in msg.lower():
        return DispatchReadError(path, "encrypted", "the PDF is encrypted and needs a password")
    if code == 6 or "security" in msg.lower():
        return DispatchReadError(path, "encrypted", "the PDF uses an unsupported security handler (encrypted)")
    return DispatchReadError(path, "corrupt", f"cannot open as PDF: damaged or truncated ({msg})")


def read_pdf(
    path: Union[str, os.PathLike[str]],
    max_pages: int = 200,
    *,
    data: Optional[bytes] = None,
    backend: str = "auto",
) -> PdfText:
    """Read a PDF into text in reading order with character boxes and e-signatures.

    ``data`` may carry the file's bytes when the caller has them already. Raises
    ``DispatchReadError`` (see the module docstring for the reasons). Nothing stays open.
    """
    p = os.fspath(path)
    if data is None:
        try:
            with open(p, "rb") as fh:
                data = fh.read()
        except FileNotFoundError:
            raise DispatchReadError(p, "not_found", "no such file") from None
        except IsADirectoryError:
            raise DispatchReadError(p, "is_directory", "is a directory, not a file") from None
        except OSError as exc:
            raise DispatchReadError(p, "io", f"cannot read: {exc.strerror or exc}") from None
    if not data:
        raise DispatchReadError(p, "empty", "the file is empty")
    if b"%PDF-" not in data[:1024]:
        raise DispatchReadError(p, "not_pdf", "not a PDF file (no %PDF- header)")
    if backend not in ("auto", "pdfium", "pdfplumber"):
        raise ValueError(f"unknown backend {backend!r}")
    use_plumber = backend == "pdfplumber"

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _open_error(p, exc) from None
    notes: list[str] = []
    try:
        n_pages = len(doc)
        if n_pages == 0:
            raise DispatchReadError(p, "corrupt", "the PDF has no pages")
        if n_pages > max_pages:
            raise DispatchReadError(
                p, "too_many_pages", f"{n_pages} pages, more than max_pages={max_pages}: not read"
            )
        if b"%%EOF" not in data[-2048:]:
            notes.append("the file has no %%EOF marker at its end: it may be truncated")
        pages: list[list[_Ch]] = []
        sizes: list[tuple[float, float]] = []
        widgets: list[_Widget] = []
        flattened = False
        for i in range(n_pages):
            try:
                page = doc[i]
            except pdfium.PdfiumError as exc:
                raise DispatchReadError(p, "corrupt", f"page {i + 1} cannot be loaded ({exc})") from None
            try:
                left, bottom, right, t = page.get_mediabox()
                sizes.append((right - left, t - bottom))
                pw = _page_widgets(raw, page.raw, i, t)
                chars = [] if use_plumber else _pdfium_page_chars(raw, page.raw, t)
                if pw and not use_plumber:
                    orig = chars if chars else _pdfium_page_chars(raw, page.raw, t)
                    raw.FPDFPage_Flatten(page.raw, raw.FLAT_NORMALDISPLAY)
                    flattened = True
                elif pw:
                    orig = _pdfium_page_chars(raw, page.raw, t)
                    raw.FPDFPage_Flatten(page.raw, raw.FLAT_NORMALDISPLAY)
                    flattened = True
            finally:
                page.close()
            if pw:
                page = doc[i]  # reload: the flattened appearances are now page content
                try:
                    flat = _pdfium_page_chars(raw, page.raw, t)
                finally:
                    page.close()
                base = len(widgets)
                widgets.extend(pw)
                marked = _split_flattened(orig, flat, pw)
                for c in marked:
                    if 0 <= c.w < _UNKNOWN_ANNOT:
                        c.w += base
                if not use_plumber:
                    chars = marked
            pages.append(chars)
        flat_bytes: Optional[bytes] = None
        if use_plumber and flattened:
            buf = io.BytesIO()
            doc.save(buf)
            flat_bytes = buf.getvalue()
    finally:
        doc.close()

    if use_plumber:
        pages = _plumber_chars(p, flat_bytes or data, widgets)

    # quality of the text layer
    total = bad = odd = 0
    for chars in pages:
        for c in chars:
            if c.w >= 0 or c.t.isspace():
                continue
            total += 1
            k = _bad_char(c.t)
            if k == 2:
                bad += 1
            elif k == 1:
                odd += 1
    if total < 10:
        raise DispatchReadError(
            p, "no_text",
            "the PDF has no text layer (a scanned document?): run OCR first, e.g. "
            "'ocrmypdf -l vie in.pdf out.pdf', then parse the result",
        )
    if total and odd / total > 0.1 and bad / total <= 0.2:
        # letters foreign to Vietnamese: a legacy font encoding, which the parser repairs when it
        # recognises one (vn_dispatch.legacy); otherwise the text layer is garbage
        if _legacy_repairable(pages):
            notes.append("the fonts use a legacy Vietnamese encoding (TCVN3/VNI): the text was converted")
        else:
            bad += odd
    if bad / total > 0.2:
        raise DispatchReadError(
            p, "bad_text_layer",
            f"{bad} of {total} characters do not read as text ({bad / total:.0%}): the fonts map glyphs "
            "to garbage (no usable ToUnicode map, or a legacy TCVN3/VNI encoding); OCR the rendered "
            "pages instead",
        )
    empty = [i + 1 for i, chars in enumerate(pages) if sum(1 for c in chars if not c.t.isspace()) < 3]
    if empty and len(empty) < n_pages:
        notes.append(f"pages without text (scanned?): {', '.join(map(str, empty))}")

    try:
        text, boxes = _layout(pages, sizes, widgets, "pdfplumber" if use_plumber else "pdfium")
    except Exception as exc:  # noqa: BLE001 - parse_file raises one exception type
        if os.environ.get("VN_DISPATCH_STRICT") == "1":
            raise
        raise DispatchReadError(p, "layout", f"cannot lay out the text ({type(exc).__name__}: {exc})") from None
    norm, _ = normalize(text)
    if norm != text:
        boxes = boxes.realign(text, norm)
        text = norm
    sigs = _signatures(data, widgets)
    return PdfText(text=text, pages=n_pages, char_boxes=boxes, e_signatures=sigs, notes=notes,
                   backend="pdfplumber" if use_plumber else "pdfium")


def _legacy_repairable(pages: list[list[_Ch]]) -> bool:
    try:
        from .legacy import repair_text
    except ImportError:  # pragma: no cover - the legacy-encoding module is optional here
        return False
    sample = "".join(c.t for chars in pages for c in chars if c.w < 0)[:20000]
    try:
        fixed, fixes = repair_text(sample)
    except Exception:  # noqa: BLE001 - a failed repair is a garbage text layer
        return False
    if not fixes:
        return False
    letters = [ch for ch in fixed if ch.isalpha()]
    return bool(letters) and sum(_bad_char(ch) > 0 for ch in letters) / len(letters) < 0.05


def _plumber_chars(path: str, data: bytes, widgets: list[_Widget]) -> list[list[_Ch]]:
    import pdfplumber

    wanted: dict[int, list[tuple[int, _Ch]]] = {}
    for wi, w in enumerate(widgets):
        for c in w.chars:
            wanted.setdefault(w.page, []).append((wi, c))
    out: list[list[_Ch]] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i, page in enumerate(pdf.pages):
                chars = []
                todo = list(wanted.get(i, []))
                for pc in page.chars:
                    if not pc.get("upright", True):
                        continue
                    m = pc.get("matrix")
                    base = pc["bottom"] - (m[5] - pc["y0"]) if m else None
                    ch = _Ch(pc["text"], pc["x0"], pc["top"], pc["x1"], pc["bottom"], pc["size"], base)
                    for k, (wi, wc) in enumerate(todo):
                        if wc.t == ch.t and abs(wc.x0 - ch.x0) < 1.5 and abs(wc.top - ch.top) < 0.6 * ch.size:
                            ch.w = wi
                            del todo[k]
                            break
                    chars.append(ch)
                # spaces the appearance draws between stamped digits ("5 0 7") belong to the stamp
                spans: dict[int, tuple[float, float, float]] = {}
                for ch in chars:
                    if ch.w >= 0 and not ch.t.isspace():
                        lo, hi, base = spans.get(ch.w, (ch.x0, ch.x1, ch.base))
                        spans[ch.w] = (min(lo, ch.x0), max(hi, ch.x1), base)
                for ch in chars:
                    if ch.w < 0 and ch.t.isspace():
                        for wi, (lo, hi, base) in spans.items():
                            if lo < ch.x0 < hi and abs(ch.base - base) < 0.3 * ch.size:
                                ch.w = wi
                                break
                out.append(chars)
                page.close()
    except Exception as exc:  # pdfminer raises many types for damaged files
        raise DispatchReadError(path, "corrupt", f"cannot read as PDF ({type(exc).__name__}: {exc})") from None
    return out


# ---------------------------------------------------------------------------------------------
# layout: words, lines, columns, reading order

_COMBINING = rx(r"^\p{M}+$")
_VALUE_WIDGET = rx(r"^[0-9][0-9./-]{0,11}$")
_PAGE_NO = rx(r"^[\s\-–—.]*(?:trang\s*)?\d{1,4}(?:\s*(?:/|of|tren)\s*\d{1,4})?[\s\-–—.]*$")
_RUNNING_HEAD = rx(r"^\s*(?:\d{1,4}\s+)?cong bao\s*/\s*so\b")


class _Word:
    __slots__ = ("pieces", "x0", "x1", "top", "bottom", "size", "base", "w")

    def __init__(self, first: _Ch) -> None:
        self.pieces: list[_Ch] = [first]
        self.x0, self.x1, self.top, self.bottom = first.x0, first.x1, first.top, first.bottom
        self.size = first.size
        self.base = first.base
        self.w = first.w

    def add(self, c: _Ch) -> None:
        self.pieces.append(c)
        self.x0 = min(self.x0, c.x0)
        self.x1 = max(self.x1, c.x1)
        self.top = min(self.top, c.top)
        self.bottom = max(self.bottom, c.bottom)
        self.size = max(self.size, c.size)

    @property
    def text(self) -> str:
        return "".join(c.t for c in self.pieces)


class _Line:
    __slots__ = ("words", "page", "x0", "x1", "top", "bottom", "size", "base", "gaps")

    def __init__(self, words: list[_Word], page: int) -> None:
        self.words = words
        self.page = page
        self.x0 = min(w.x0 for w in words)
        self.x1 = max(w.x1 for w in words)
        self.top = min(w.top for w in words)
        self.bottom = max(w.bottom for w in words)
        self.size = statistics.median(w.size for w in words)
        self.base = statistics.median(w.base for w in words)
        big = max(1.2 * self.size, 14.0)
        self.gaps = [
            (a.x1, b.x0) for a, b in zip(words, words[1:]) if b.x0 - a.x1 >= big
        ]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def sub(self, words: list[_Word]) -> _Line:
        return _Line(words, self.page)


def _merge_marks(chars: list[_Ch]) -> list[_Ch]:
    """Attach combining marks drawn as separate glyphs to their base character."""
    out: list[_Ch] = []
    for c in chars:
        if out and _COMBINING.match(c.t) and c.x0 < out[-1].x1 + 0.5 * c.size:
            b = out[-1]
            out[-1] = _Ch(b.t + c.t, min(b.x0, c.x0), min(b.top, c.top), max(b.x1, c.x1), max(b.bottom, c.bottom),
                          b.size, b.base, b.w)
        else:
            out.append(c)
    return out


def _page_lines(chars: list[_Ch], pno: int, word_gap: float = 0.3, min_gap: float = 0.0) -> list[_Line]:
    """Lines of words: characters grouped by baseline, then split into words at spaces and at
    gaps wider than ``max(min_gap, word_gap * size)``. Characters under 2 pt are invisible
    producer artefacts and are ignored."""
    chars = _merge_marks([c for c in chars if c.size >= 2.0])
    if not chars:
        return []
    order = sorted(chars, key=lambda c: c.base)
    groups: list[list[_Ch]] = []
    cur: list[_Ch] = []
    ref = 0.0
    ref_size = 0.0
    for c in order:
        cy = c.base
        if cur and cy - ref > 0.45 * max(ref_size, c.size):
            groups.append(cur)
            cur = []
        if not cur:
            ref, ref_size = cy, c.size
        elif not c.t.isspace() and c.size >= 0.8 * ref_size:
            ref_size = max(ref_size, c.size)
        cur.append(c)
    if cur:
        groups.append(cur)
    lines: list[_Line] = []
    for g in groups:
        g.sort(key=lambda c: (c.x0, c.x1))
        words: list[_Word] = []
        cur_w: Optional[_Word] = None
        prev: Optional[_Ch] = None
        for c in g:
            if c.t.isspace():
                if c.w < 0:
                    cur_w = None  # a real space ends the word; spaces inside a stamp do not
                continue
            if prev is not None and c.t == prev.t and abs(c.x0 - prev.x0) < 0.15 * c.size and cur_w is not None:
                continue  # the same glyph drawn twice (fake bold)
            glued = cur_w is not None and c.w >= 0 and c.w == cur_w.w
            if cur_w is not None and not glued and (
                c.x0 - cur_w.x1 > max(min_gap, word_gap * max(c.size, cur_w.size)) or c.w != cur_w.w
                # a drop in font size starts a new word: the small drafter code printed after the
                # unit in the Lưu line ("KGVX" + small "VHTin507"), footnote marks
                or (prev is not None and c.size < 0.8 * prev.size)
            ):
                cur_w = None
            if cur_w is None:
                cur_w = _Word(c)
                words.append(cur_w)
            else:
                cur_w.add(c)
            prev = c
        if words:
            lines.append(_Line(words, pno))
    return lines


def _drop_margins(all_lines: list[list[_Line]], sizes: list[tuple[float, float]]) -> None:
    """Drop page numbers and running heads/feet (lines in the top or bottom band that repeat)."""
    def band(ln: _Line, h: float) -> bool:
        return ln.bottom < 0.12 * h or ln.top > 0.88 * h

    def key(ln: _Line) -> str:
        return regex.sub(r"[^a-z]", "", fold(ln.text))

    counts: dict[str, int] = {}
    for pno, lines in enumerate(all_lines):
        h = sizes[pno][1]
        seen = set()
        for ln in lines[:2] + lines[-2:]:
            k = key(ln)
            if band(ln, h) and len(k) >= 4 and k not in seen:
                seen.add(k)
                counts[k] = counts.get(k, 0) + 1
    for pno, lines in enumerate(all_lines):
        h = sizes[pno][1]
        drop = set()
        edge = list(range(min(2, len(lines)))) + list(range(max(0, len(lines) - 2), len(lines)))
        for idx in edge:
            ln = lines[idx]
            if not band(ln, h):
                continue
            f = fold(ln.text)
            if _PAGE_NO.match(f) or _RUNNING_HEAD.match(f) or (counts.get(key(ln), 0) >= 2 and len(all_lines) > 1):
                drop.add(idx)
        if drop:
            all_lines[pno] = [ln for k, ln in enumerate(lines) if k not in drop]


class _Run:
    __slots__ = ("start", "end", "lo", "hi", "nsplit", "left", "right", "order")

    def __init__(self) -> None:
        self.start = self.end = 0
        self.lo = self.hi = 0.0
        self.nsplit = 0
        self.left: list[_Line] = []
        self.right: list[_Line] = []
        self.order: list[tuple[int, _Line]] = []  # (side, line) top to bottom: 0 left, 1 right


def _fit(ln: _Line, lo: float, hi: float, min_gutter: float) -> Optional[tuple[float, float, Optional[_Line], Optional[_Line]]]:
    """How a line fits a gutter ``(lo, hi)``: the narrowed gutter and its left/right parts, or None."""
    for a, b in ln.gaps:
        if min(b, hi) - max(a, lo) >= min_gutter:
            left = [w for w in ln.words if w.x1 <= a + 0.5]
            right = [w for w in ln.words if w.x0 >= b - 0.5]
            if left and right and len(left) + len(right) == len(ln.words):
                return max(a, lo), min(b, hi), ln.sub(left), ln.sub(right)
    eps = 1.0
    if ln.x1 <= hi - eps and (ln.x0 + ln.x1) / 2 < (lo + hi) / 2 + 1:
        nlo = max(lo, ln.x1)
        if hi - nlo >= min_gutter:
            return nlo, hi, ln, None
    if ln.x0 >= lo + eps:
        nhi = min(hi, ln.x0)
        if nhi - lo >= min_gutter:
            return lo, nhi, None, ln
    return None


def _grow(lines: list[_Line], i: int, lo: float, hi: float) -> _Run:
    min_gutter = 4.0
    run = _Run()
    first = _fit(lines[i], lo, hi, min_gutter)
    assert first is not None
    lo, hi = first[0], first[1]
    parts: dict[int, tuple[Optional[_Line], Optional[_Line]]] = {i: (first[2], first[3])}
    s = e = i
    while e + 1 < len(lines):
        f = _fit(lines[e + 1], lo, hi, min_gutter)
        if f is None:
            break
        lo, hi = f[0], f[1]
        e += 1
        parts[e] = (f[2], f[3])
    while s - 1 >= 0:
        f = _fit(lines[s - 1], lo, hi, min_gutter)
        if f is None:
            break
        lo, hi = f[0], f[1]
        s -= 1
        parts[s] = (f[2], f[3])
    run.start, run.end, run.lo, run.hi = s, e, lo, hi
    for k in range(s, e + 1):
        left, right = parts[k]
        if left is not None and right is not None:
            run.nsplit += 1
        if left is not None:
            run.left.append(left)
            run.order.append((0, left))
        if right is not None:
            run.right.append(right)
            run.order.append((1, right))
    return run


def _find_runs(lines: list[_Line]) -> list[_Run]:
    runs: list[_Run] = []
    i = 0
    while i < len(lines):
        best: Optional[_Run] = None
        for a, b in lines[i].gaps:
            r = _grow(lines, i, a, b)
            if r.start < (runs[-1].end + 1 if runs else 0):
                continue
            if best is None or (r.nsplit, r.end - r.start) > (best.nsplit, best.end - best.start):
                best = r
        if best is not None and best.nsplit >= 1 and best.left and best.right:
            runs.append(best)
            i = best.end + 1
        else:
            i += 1
    return runs


def _is_closing(run: _Run) -> bool:
    for ln in run.left[:4]:
        if NOI_NHAN_RE.match(fold(ln.text)):
            return True
    for ln in run.right[:4]:
        if MARK_RE.match(fold(ln.text)):
            return True
    return False


_HEADER_WORDS = rx(r"cong hoa xa hoi|doc lap\s*-|dang cong san|doan tncs|^so\s*[:\d/]")


def _trim_centered(r: _Run, lines: list[_Line], page_w: float) -> None:
    """Leave out of a run its leading single-sided lines that are centred on the page (a gazette's
    running title above the header table, a document title under it)."""
    while r.start < r.end:
        ln = lines[r.start]
        single = any(x is ln for x in r.left) or any(x is ln for x in r.right)
        if not single or abs((ln.x0 + ln.x1) / 2 - page_w / 2) > 0.04 * page_w:
            break
        r.left = [x for x in r.left if x is not ln]
        r.right = [x for x in r.right if x is not ln]
        r.start += 1


def _emit_page(lines: list[_Line], pno: int, last_page: bool, page_w: float = 595.0) -> list[tuple[str, list[_Line]]]:
    """Blocks of lines in reading order: ("flow" | "col", lines)."""
    runs = _find_runs(lines)
    accepted: list[tuple[_Run, str]] = []
    for k, r in enumerate(runs):
        _trim_centered(r, lines, page_w)
        if not r.left or not r.right:
            continue
        header_like = any(_HEADER_WORDS.search(fold(ln.text)) for ln in r.left + r.right)
        if pno == 0 and r.end - r.start >= 1 and (r.start <= 2 or (header_like and r.start <= 15)):
            accepted.append((r, "header"))
        elif _is_closing(r) and (r.nsplit >= 2 or r.end - r.start >= 2):
            accepted.append((r, "closing"))
        elif last_page and k == len(runs) - 1 and r.end == len(lines) - 1 and r.nsplit >= 2:
            accepted.append((r, "closing"))
    blocks: list[tuple[str, list[_Line]]] = []
    pos = 0
    for r, kind in accepted:
        if r.start > pos:
            blocks.append(("flow", lines[pos : r.start]))
        if kind == "header":
            # the left column level with the right one (issuer, số), the right column (motto,
            # place and date), then what the left column has below (the V/v of a công văn)
            right_end = max(ln.bottom for ln in r.right)
            level = [ln for ln in r.left if ln.top < right_end - 0.3 * ln.size]
            tail = [ln for ln in r.left if ln.top >= right_end - 0.3 * ln.size]
            while level and tail and _JOIN_END.search(level[-1].words[-1].text):
                level.append(tail.pop(0))  # "Số: 01/2022/TTLT-VKSNDTC-" / "TANDTC-BCA-BQP"
            blocks.append(("col", level))
            blocks.append(("col", r.right))
            if tail:
                blocks.append(("flow", tail))
        else:
            blocks.append(("col", r.left))
            blocks.append(("col", r.right))
        pos = r.end + 1
    if pos < len(lines):
        blocks.append(("flow", lines[pos:]))
    return [(k, b) for k, b in blocks if b]


def _layout(
    pages: list[list[_Ch]], sizes: list[tuple[float, float]], widgets: list[_Widget], backend: str = "pdfium"
) -> tuple[str, CharBoxes]:
    # widget text: a number stamped in place stays (digits joined), anything else is left out
    keep_widget: set[int] = set()
    for wi, w in enumerate(widgets):
        t = "".join(c.t for c in w.chars if not c.t.isspace())
        if t and _VALUE_WIDGET.match(t):
            keep_widget.add(wi)
    all_lines: list[list[_Line]] = []
    # pdfium marks word breaks itself (generated spaces); pdfplumber's boxes need a gap rule
    gap, min_gap = (0.3, 0.0) if backend == "pdfium" else (0.22, 3.0)
    for pno, chars in enumerate(pages):
        chars = [c for c in chars if c.w < 0 or c.w in keep_widget]
        all_lines.append(_page_lines(chars, pno + 1, gap, min_gap))
    _drop_margins(all_lines, sizes)

    blocks: list[tuple[str, list[_Line]]] = []
    n_pages = len(all_lines)
    for pno, lines in enumerate(all_lines):
        blocks.extend(_emit_page(lines, pno, pno == n_pages - 1, sizes[pno][0]))
    right = _right_edge(blocks)

    buf: list[str] = []
    boxes = CharBoxes()

    def put(sep: str) -> None:
        buf.append(sep)
        for _ in sep:
            boxes.append(None)

    prev: Optional[_Line] = None
    prev_kind = ""
    for kind, block in blocks:
        pitch = _median_pitch(block) if kind == "flow" else 0.0
        left_edge = min(ln.x0 for ln in block)
        for li, ln in enumerate(block):
            if prev is None:
                pass
            elif li == 0:
                # a new block: a blank line around columns, a line break (or a join) between flows
                if kind == "col" or prev_kind == "col":
                    put("\n\n")
                elif _JOIN_END.search(prev.words[-1].text) and ln.page != prev.page:
                    pass
                else:
                    put("\n")
            else:
                put(_separator(prev, ln, kind, pitch, left_edge, right))
            wide = max(1.2 * ln.size, 14.0)
            for k, word in enumerate(ln.words):
                if k:
                    put("   " if word.x0 - ln.words[k - 1].x1 >= wide else " ")
                for c in word.pieces:
                    t = c.t if c.t.isascii() else unicodedata.normalize("NFC", c.t)
                    box = (ln.page, c.x0, c.top, c.x1, c.bottom)
                    for ch in t:
                        buf.append(ch)
                        boxes.append(box)
            prev = ln
        prev_kind = kind
    return "".join(buf), boxes


_JOIN_END = rx(r"[\p{L}\p{N})][-/]$")
_END_MARK = rx(r"\./\.\s*$|\.\s*/\s*\.\s*$")
# a line that opens an item: never the continuation of the line above
_ITEM_START = rx(
    r"^[“\"'(\[]?(?:[-–—•+*·>]|\d{1,3}(?:\.\d{1,3})*\s*[.)/:](?!\d)|[a-zđ]\s*[.)]|[ivxlc]{1,6}\s*[.)]|\(\s*\w{1,4}\s*\)"
    r"|(?:dieu|chuong|muc|phan|khoan|phu luc)\s+[\divxlc]|(?:noi nhan|kinh gui|luu)\b|v\s*/\s*v\b)"
)


def _median_pitch(block: list[_Line]) -> float:
    ps = [b.base - a.base for a, b in zip(block, block[1:]) if a.page == b.page and b.base > a.base]
    return statistics.median(ps) if ps else 0.0


def _right_edge(blocks: list[tuple[str, list[_Line]]]) -> float:
    xs = sorted(ln.x1 for kind, block in blocks if kind == "flow" for ln in block if len(ln.words) >= 4)
    if not xs:
        return float("inf")
    return xs[min(len(xs) - 1, int(0.9 * len(xs)))]


def _separator(prev: _Line, ln: _Line, kind: str, pitch: float, left_edge: float, right: float) -> str:
    """What goes between two lines of a block: "" (joined), " " (reflowed), "\n" or "\n\n"."""
    if _JOIN_END.search(prev.words[-1].text):
        return ""  # "Số: 12/QĐ-" + "UBND": broken after a hyphen or slash in a narrow cell
    if ln.page != prev.page:
        return "\n"
    step = ln.base - prev.base
    size = max(prev.size, ln.size)
    if kind != "flow":
        return "\n"
    if pitch and step > 1.45 * pitch and step > 1.3 * size:
        return "\n\n"  # vertical space: a new paragraph or part
    first = ln.words[0]
    f = fold(ln.text[:40])
    slack = right - prev.x1
    prev_item = len(prev.words) > 1 and _ITEM_START.match(fold(prev.text[:40])) is not None
    # the line above ends where the text block ends (justified), or is left-aligned and the first
    # word of this line would not have fitted on it (ragged right)
    full = slack <= 0.3 * size or (
        (prev.x0 <= left_edge + 0.3 * size or prev_item)
        and prev.x1 + 0.25 * size + (first.x1 - first.x0) > right - 0.5 * size
    )
    if slack > 0.5 * size and abs((prev.x0 - left_edge) - slack) < 1.0 * size:
        return "\n"  # a centred line (a title): its line breaks are the author's
    back_at_margin = ln.x0 <= left_edge + 0.25 * size  # a continuation starts at the margin
    hanging = prev_item and ln.x0 <= prev.words[1].x0 + 0.6 * size
    if (
        full
        and abs(prev.size - ln.size) < 1.0
        and (back_at_margin or hanging)  # not indented: the same paragraph
        and not _ITEM_START.match(f)
        and not _END_MARK.search(prev.text)
        and not (_all_caps(prev.text) and _all_caps(ln.text))  # stacked titles stay apart
    ):
        return " "
    return "\n"


def _all_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# ---------------------------------------------------------------------------------------------
# e-signatures


def _pdf_str(v: Any) -> Optional[str]:
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral

    v = resolve1(v)
    if v is None:
        return None
    if isinstance(v, PSLiteral):
        return str(v.name)
    if isinstance(v, bytes):
        if v.startswith(b"\xfe\xff"):
            s = v[2:].decode("utf-16-be", errors="replace")
        elif v.startswith(b"\xff\xfe"):
            s = v[2:].decode("utf-16-le", errors="replace")
        elif v.startswith(b"\xef\xbb\xbf"):
            s = v[3:].decode("utf-8", errors="replace")
        else:
            try:
                s = v.decode("utf-8")
            except UnicodeDecodeError:
                from pdfminer.utils import decode_text

                s = decode_text(v)
        s = s.strip("\x00").strip()
        return s or None
    return str(v)


def _pdf_date(s: Optional[str]) -> Optional[str]:
    """``D:20250124150622+07'00'`` -> ``2025-01-24T15:06:22+07:00``."""
    if not s:
        return None
    m = regex.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+-]\d{2}'?\d{0,2}'?)?", s)
    if not m:
        return None
    y, mo, d, hh, mi, ss = (int(g) if g else dflt for g, dflt in zip(m.groups()[:6], (0, 1, 1, 0, 0, 0)))
    tz = None
    z = m.group(7)
    if z == "Z":
        tz = _dt.timezone.utc
    elif z:
        sign = -1 if z[0] == "-" else 1
        digits = regex.sub(r"\D", "", z)
        h = int(digits[:2] or 0)
        mm = int(digits[2:4] or 0)
        tz = _dt.timezone(sign * _dt.timedelta(hours=h, minutes=mm))
    try:
        return _dt.datetime(y, mo, d, hh, mi, ss, tzinfo=tz).isoformat()
    except ValueError:
        return None


def _der_length(data: bytes) -> int:
    if len(data) < 2 or data[0] != 0x30:
        return len(data)
    n = data[1]
    if n < 0x80:
        return 2 + n
    k = n & 0x7F
    return 2 + k + int.from_bytes(data[2 : 2 + k], "big")


def _certificate_info(contents: bytes) -> dict[str, Optional[str]]:
    """Signer and organisation from the PKCS#7 / CMS signature's leaf certificate, if readable."""
    try:
        from cryptography import x509
        from cryptography.hazmat.primitives.serialization import pkcs7
        from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
    except ImportError:  # pragma: no cover - cryptography is a pdfminer.six dependency
        return {}
    der = contents[: _der_length(contents)]
    try:
        certs = pkcs7.load_der_pkcs7_certificates(der)
    except Exception:  # noqa: BLE001 - any unreadable signature: no certificate info
        return {}
    leaves = []
    for c in certs:
        try:
            bc = c.extensions.get_extension_for_class(x509.BasicConstraints).value
            if bc.ca:
                continue
        except x509.ExtensionNotFound:
            pass
        try:
            eku = c.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
            if ExtendedKeyUsageOID.TIME_STAMPING in eku:
                continue
        except x509.ExtensionNotFound:
            pass
        leaves.append(c)
    if not leaves:
        return {}
    cert = leaves[0]

    def attr(oid: Any) -> Optional[str]:
        vals = cert.subject.get_attributes_for_oid(oid)
        return str(vals[0].value) if vals else None

    email = attr(NameOID.EMAIL_ADDRESS)
    if email is None:
        try:
            san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
            mails = san.get_values_for_type(x509.RFC822Name)
            email = mails[0] if mails else None
        except x509.ExtensionNotFound:
            pass
    issuer = cert.issuer.get_attributes_for_oid(NameOID.COMMON_NAME)
    return {
        "signer": attr(NameOID.COMMON_NAME),
        "organization": attr(NameOID.ORGANIZATION_NAME),
        "organizational_unit": attr(NameOID.ORGANIZATIONAL_UNIT_NAME),
        "locality": attr(NameOID.LOCALITY_NAME),
        "email": email,
        "certificate_issuer": str(issuer[0].value) if issuer else None,
    }


def _signatures(data: bytes, widgets: list[_Widget]) -> list[dict[str, Any]]:
    if b"/Sig" not in data and b"/ByteRange" not in data:
        return []
    try:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import resolve1
    except ImportError:  # pragma: no cover
        return []
    out: list[dict[str, Any]] = []
    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)))
        acro = resolve1(doc.catalog.get("AcroForm"))
        fields = resolve1(acro.get("Fields")) if isinstance(acro, dict) else None
    except Exception:  # noqa: BLE001 - a damaged form dictionary: no signatures reported
        return []
    by_name = {w.name: w for w in widgets if w.name}
    stack: list[tuple[Any, Optional[str]]] = [(f, None) for f in reversed(fields or [])]
    seen = 0
    while stack and seen < 1000:
        seen += 1
        ref, parent_name = stack.pop()
        try:
            fd = resolve1(ref)
        except Exception:  # noqa: BLE001
            continue
        if not isinstance(fd, dict):
            continue
        name = _pdf_str(fd.get("T"))
        full = f"{parent_name}.{name}" if parent_name and name else (name or parent_name)
        kids = resolve1(fd.get("Kids"))
        ft = _pdf_str(fd.get("FT"))
        if ft != "Sig" and kids:
            stack.extend((k, full) for k in reversed(kids))
            continue
        if ft != "Sig":
            continue
        v = resolve1(fd.get("V"))
        if not isinstance(v, dict):
            continue
        sig: dict[str, Any] = {
            "field_name": full,
            "signed_at": _pdf_date(_pdf_str(v.get("M"))),
            "reason": _pdf_str(v.get("Reason")),
            "location": _pdf_str(v.get("Location")),
            "contact_info": _pdf_str(v.get("ContactInfo")),
            "name": _pdf_str(v.get("Name")),
            "sub_filter": _pdf_str(v.get("SubFilter")),
        }
        contents = resolve1(v.get("Contents"))
        if isinstance(contents, bytes) and contents:
            sig.update(_certificate_info(contents))
        w = by_name.get(name or "")
        if w is not None:
            sig["page"] = w.page + 1
            sig["box"] = (w.page + 1, round(w.rect[0], 2), round(w.rect[1], 2), round(w.rect[2], 2), round(w.rect[3], 2))
            txt = _widget_text(w)
            sig["appearance_text"] = txt or None
            sig["in_text"] = bool(txt) and bool(_VALUE_WIDGET.match(txt.replace(" ", "")))
        out.append({k: v for k, v in sig.items() if v is not None})
    return out


def _widget_text(w: _Widget) -> str:
    """The appearance text of a widget, lines joined with a space, digit runs of a value joined."""
    if not w.chars:
        return ""
    plain = [_Ch(c.t, c.x0, c.top, c.x1, c.bottom, c.size, c.base) for c in w.chars]  # as page text
    lines = _page_lines(plain, w.page + 1)
    parts = [" ".join(wd.text for wd in ln.words) for ln in lines]
    s = " ".join(p for p in parts if p).strip()
    if _VALUE_WIDGET.match(s.replace(" ", "")):
        s = s.replace(" ", "")
    return s


__all__ = ["CharBoxes", "PdfText", "read_pdf"]
