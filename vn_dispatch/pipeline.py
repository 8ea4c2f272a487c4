"""The pipeline: normalise -> segment -> one extractor per part -> assemble a ``Dispatch``.

Each stage is a plain function over plain data. ``parse`` never raises: an extractor that fails
leaves its field empty and adds an ``internal_error`` diagnostic (set ``VN_DISPATCH_STRICT=1`` to
let the exception through while developing).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional, TypeVar, Union

from . import closing, directives, header, numbers, opening, references, segment
from .errors import DispatchReadError
from .legacy import needs_repair
from .models import (
    Archive,
    Diagnostic,
    Directive,
    Dispatch,
    DocNumber,
    Header,
    PartialDate,
    Reference,
    Signature,
    Source,
)
from .normalize import normalize
from .text import encodes_with, fold, split_lines

T = TypeVar("T")
# Type codes that are also common issuer or unit codes ("CT" Cục Thuế, "TC" Tổng cục, "CĐ" Công
# đoàn, "TT" trung tâm/thanh tra): never used to guess a document type from the symbol alone.
_AMBIGUOUS_CODES = {"CT", "TC", "CĐ", "TT", "PC", "PB", "PG", "DA", "L", "PL", "HĐ", "BB"}
_STRICT = os.environ.get("VN_DISPATCH_STRICT") == "1"


@lru_cache(maxsize=1)
def _clean_map() -> Any:
    from .normalize import clean_characters_map

    return clean_characters_map()


def _guard(diags: list[Diagnostic], what: str, fn: Callable[[], T], default: T) -> T:
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - totality: parse never raises
        if _STRICT:
            raise
        diags.append(
            Diagnostic(code="internal_error", severity="error", message=f"{what}: {type(exc).__name__}: {exc}")
        )
        return default


def parse(text: str, *, source: Optional[Source] = None) -> Dispatch:
    """Parse the raw text of one document. Never raises; see ``Dispatch.diagnostics``.

    >>> parse("Số: 199/KH-UBND").doc_number.type_code
    'KH'
    """
    diags: list[Diagnostic] = []
    if not isinstance(text, str):
        text = str(text)
    src = source or Source(kind="text", sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    no_notes: list[str] = []
    plain = "\x00" not in text and encodes_with(text, _clean_map())
    if not plain and needs_repair(text):
        from .legacy import repair_text

        text, fixes = _guard(diags, "repair", lambda: repair_text(text), (text, no_notes))
        for fix in fixes:
            diags.append(Diagnostic(code="encoding.repaired", severity="info", message=fix))
    norm, notes = _guard(diags, "normalize", lambda: normalize(text, suspects=not plain), (text, no_notes))
    for note in notes:
        diags.append(Diagnostic(code="normalized", severity="info", message=note))
    if not norm or norm.isspace():
        diags.append(Diagnostic(code="empty", severity="error", message="the text is empty"))
        return Dispatch(source=src, text=norm, diagnostics=diags)
    if _spaced(norm):
        diags.append(Diagnostic(code="text.spaced", severity="warning", message=(
            "the letters are separated by spaces and the accented ones are missing (\"S : 1 0 2 8 7 / C T\"): "
            "a text layer extracted badly, e.g. from a Word binary; every field is doubtful")))
    folded = fold(norm)
    lines = split_lines(norm, folded)
    z = _guard(diags, "segment", lambda: segment.find_zones(lines), segment.Zones(closing_start=len(lines)))
    d = _assemble(src, lines, z, norm, folded, diags)
    d.diagnostics = diags
    return d


def _spaced(text: str) -> bool:
    """Whether the text's head has every character followed by a space ("C n g t y T N H H"), as a
    Word binary's text read byte by byte gives it: most words are one character long. (A count of
    blanks first: normal Vietnamese text has about one blank in six characters, spaced text one in two.)"""
    head = text[:3000]
    if head.count(" ") < 0.35 * len(head):
        return False
    words = head.split()
    return len(words) >= 200 and sum(len(w) == 1 for w in words) > 0.6 * len(words)


class _Fields:
    """The fields of a ``Dispatch`` while the extractors fill them: plain attributes, the model is
    built once at the end (an assignment to a pydantic model costs several times a slot's)."""

    def __init__(self) -> None:
        self.header = Header()
        self.doc_number: Optional[DocNumber] = None
        self.issue_place: Optional[str] = None
        self.issue_date: Optional[PartialDate] = None
        self.doc_type: Optional[str] = None
        self.subject: Optional[str] = None
        self.urgency: Optional[str] = None
        self.confidentiality: Optional[str] = None
        self.addressees: list[str] = []
        self.references: list[Reference] = []
        self.directives: list[Directive] = []
        self.recipients: list[str] = []
        self.archive: Optional[Archive] = None
        self.signature: Optional[Signature] = None
        self.body = ""
        self.body_span: Optional[tuple[int, int]] = None
        self.spans: dict[str, tuple[int, int]] = {}


def _assemble(
    src: Source, lines: list[Any], z: segment.Zones, text: str, folded: str, diags: list[Diagnostic]
) -> Dispatch:
    n = len(lines)
    d = _Fields()
    d.header = _guard(diags, "header", lambda: header.extract_header(lines, z), d.header)
    op = _guard(diags, "opening", lambda: opening.extract_opening(lines, z, text), opening.Opening(end=z.header_end))
    d.doc_type = op.doc_type
    d.subject = op.subject
    d.urgency = op.urgency
    d.confidentiality = op.confidentiality
    d.addressees = op.addressees
    if op.subject_span:
        d.spans["subject"] = op.subject_span
    if op.addressee_span:
        d.spans["addressees"] = op.addressee_span
    cong_van: Optional[bool] = True if (op.has_vv and d.doc_type == "Công văn") else (False if d.doc_type else None)
    no_number: tuple[Optional[DocNumber], bool] = (None, False)
    num, outside = _guard(diags, "doc_number", lambda: header.find_number(lines, z, text, folded, cong_van), no_number)
    d.doc_number = num
    if num is not None and outside:
        diags.append(Diagnostic(code="doc_number.outside_header", severity="info",
                                message="the số line was found outside the header block", span=num.span))
    if (num is not None and num.type_code == "CT" and d.doc_type is None and num.symbol
            and fold(d.header.issuer or "").lstrip().startswith(("cuc thue", "cuc thu6"))):  # (not "Cục Thủy sản")
        # "CT" is the issuer code of a Cục Thuế, not the type code of a Chỉ thị, when a Cục Thuế
        # issues the text (a letter whose trích yếu lost its "V/v": "SO: JAOF /CT-ENCN"); a letter
        # of a Cục Thuế is a công văn
        _, _, ic, uc = numbers.split_symbol(num.symbol, cong_van=True)
        num = d.doc_number = num.model_copy(update={"type_code": None, "issuer_code": ic, "unit_code": uc})
        d.doc_type = "Công văn"
        diags.append(Diagnostic(code="doc_type.from_symbol", severity="info",
                                message="no type title or V/v line; 'CT' is the issuing Cục Thuế's code: a công văn"))
    if num is not None and num.type_code and fold(num.type_code) == "vbhn":
        d.doc_type = "Văn bản hợp nhất"  # a consolidated text prints the title of the text it consolidates
    near = None
    if num is not None and outside and num.span:
        near = next((ln.index for ln in lines if ln.start <= num.span[0] <= ln.end), None)
    no_date: tuple[Optional[str], Optional[PartialDate], Optional[tuple[int, int]]] = (None, None, None)
    place, date, pd_span = _guard(diags, "issue_date", lambda: header.find_place_date(lines, z, near), no_date)
    d.issue_place, d.issue_date = place, date
    if pd_span:
        d.spans["issue_place_date"] = pd_span
    if d.doc_type is None and num is not None and num.type_code and num.type_code.upper() not in _AMBIGUOUS_CODES:
        from .tables import DOC_TYPES

        code = fold(num.type_code)
        if code == "cv":
            d.doc_type = "Công văn"
        else:
            for name, abbr, _ in DOC_TYPES:
                if abbr and fold(abbr) == code:
                    d.doc_type = name
                    break
        if d.doc_type:
            diags.append(Diagnostic(code="doc_type.from_symbol", severity="info",
                                    message=f"no type title; type taken from the symbol code {num.type_code!r}"))

    # body: after the opening, before the closing
    body_start = op.end if z.header_displaced else max(op.end, z.header_end)
    # (no closing found: the body still ends where an appendix or a copy block starts)
    body_end = min(z.closing_start, z.doc_end or n) if z.closing_start > body_start else n
    for ln in lines[body_start:body_end]:
        if "/" in ln.text and segment.END_MARK_RE.search(ln.text):  # the end mark "./." has a "/"
            body_end = ln.index + 1
    z.body_start, z.body_end = body_start, body_end
    if body_start < body_end:
        b0 = lines[body_start].start
        b1 = lines[body_end - 1].end
        d.body = text[b0:b1].strip()
        lead = len(text[b0:b1]) - len(text[b0:b1].lstrip())
        d.body_span = (b0 + lead, b0 + lead + len(d.body))
    d.directives = _guard(diags, "directives",
                          lambda: directives.extract_directives(lines, body_start, body_end, text,
                                                                articles=d.doc_type != "Công văn"), [])
    ref_lo = lines[z.header_end].start if z.header_end < n else 0
    ref_hi = lines[body_end - 1].end if body_end > 0 else len(text)
    if op.subject_span:
        ref_lo = min(ref_lo, op.subject_span[0])
    d.references = _guard(diags, "references", lambda: references.find_references(text, folded, ref_lo, ref_hi), [])
    cl = _guard(diags, "closing", lambda: closing.extract_closing(lines, z), closing.Closing())
    d.recipients = cl.recipients
    d.archive = cl.archive
    d.signature = cl.signature
    if cl.recipients_span:
        d.spans["recipients"] = cl.recipients_span
    _diagnose(d, z, op, diags)
    return Dispatch(  # named one by one: a mypyc-compiled class has no ``__dict__`` for ``vars``
        source=src, text=text, header=d.header, doc_number=d.doc_number, issue_place=d.issue_place,
        issue_date=d.issue_date, doc_type=d.doc_type, subject=d.subject, urgency=d.urgency,
        confidentiality=d.confidentiality, addressees=d.addressees, references=d.references,
        directives=d.directives, recipients=d.recipients, archive=d.archive, signature=d.signature,
        body=d.body, body_span=d.body_span, spans=d.spans,
    )


def _diagnose(d: _Fields, z: segment.Zones, op: opening.Opening, diags: list[Diagnostic]) -> None:
    def add(code: str, sev: str, msg: str) -> None:
        diags.append(Diagnostic(code=code, severity=sev, message=msg))  # type: ignore[arg-type]

    if d.header.issuer is None:
        if not z.header_found:
            add("header.missing", "warning", "no header block (issuer, motto) found: it may have been lost in conversion")
        else:
            add("header.issuer_missing", "warning", "header found but no issuing body in it")
    if d.header.motto is None:
        add("header.motto_missing", "info", "no motto (Quốc hiệu / Party / Đoàn header) found")
    if d.doc_number is None:
        add("doc_number.missing", "warning", "no số/ký hiệu line found")
    elif d.doc_number.number is None:
        add("doc_number.blank", "info", f"the number is blank or unreadable in {d.doc_number.raw!r} (draft or unsigned copy?)")
    if d.issue_date is None:
        add("issue_date.missing", "warning", "no place-and-date line found")
    elif not d.issue_date.is_complete():
        add("issue_date.partial", "info", f"the date has blank or unreadable parts: {d.issue_date.raw!r}")
    elif d.issue_date.to_date() is None:
        add("issue_date.invalid", "warning", f"the date does not exist: {d.issue_date.raw!r}")
    if d.doc_type is None:
        add("doc_type.missing", "warning", "neither a type title nor a V/v line found")
    if d.signature is None:
        add("signature.missing", "warning", "no signature block found")
    elif d.signature.name is None:
        add("signature.name_missing", "info", "signature block without a signer's name")
    if z.noi_nhan_line is None and z.list_first is None:
        add("recipients.missing", "info", "no Nơi nhận block found")
    elif z.noi_nhan_line is None:
        add("recipients.heading_missing", "info", "a Nơi nhận list without its heading (taken from its Lưu line up)")
    elif d.archive is None:
        add("archive.missing", "info", "Nơi nhận without a Lưu line")
    if d.doc_type == "Công văn" and not d.addressees:
        add("addressees.missing", "info", "a công văn without a Kính gửi block")
    if not d.body:
        add("body.missing", "warning", "no body text found")


def _decode(data: bytes, path: str) -> tuple[str, str]:
    """Decide a text file's encoding (``legacy.decode_bytes``: BOMs, UTF-8, UTF-16 without BOM,
    Windows-1258, TCVN3, VNI); binary data that is none of these is refused."""
    from .legacy import decode_bytes

    text, label = decode_bytes(data)
    # (no decoder but UTF-16 turns a byte other than 0 into "\x00": memchr on the bytes first)
    if b"\x00" in data and "\x00" in text[:4096] and not label.startswith("utf-16"):
        raise DispatchReadError(path, "binary", "binary data, not a text document")
    return text, label


def read_text_file(path: Union[str, os.PathLike[str]]) -> tuple[str, bytes, str]:
    p = Path(path)
    data = _read_bytes(p)
    text, enc = _decode(data, str(p))
    return text, data, enc


def _read_pdf(p: Path, data: Optional[bytes] = None, max_pages: int = 200) -> Any:
    """Read a PDF with the layout-aware reader (``vn_dispatch.pdf``): a ``PdfText``."""
    from .pdf import read_pdf

    return read_pdf(p, max_pages=max_pages, data=data)


def parse_file(path: Union[str, os.PathLike[str]]) -> Dispatch:
    """Parse a ``.txt``/``.md`` (UTF-8 with or without BOM, UTF-16, Windows-1258), ``.pdf``,
    ``.docx``, ``.html``/``.htm`` or ``.doc`` (with LibreOffice installed) file.

    Raises ``DispatchReadError`` when the file cannot be read as a document.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".pdf":
        from .models import ESignature

        data = _read_bytes(p)
        pdf = _read_pdf(p, data)
        src = Source(kind="pdf", path=str(p), sha256=hashlib.sha256(data).hexdigest(), pages=pdf.pages)
        d = parse(pdf.text, source=src)
        d._char_boxes = pdf.char_boxes if d.text == pdf.text else pdf.char_boxes.realign(pdf.text, d.text)
        sigs = []
        for s in pdf.e_signatures:
            s = dict(s)
            if s.get("box"):
                b = s["box"]
                s["box"] = {"page": b[0], "x0": b[1], "top": b[2], "x1": b[3], "bottom": b[4]}
            sigs.append(ESignature(**s))
        d.e_signatures = sigs
        for note in pdf.notes:
            d.diagnostics.insert(0, Diagnostic(code="pdf.read", severity="warning", message=note))
        stamped = [s.appearance_text for s in sigs if s.in_text and s.appearance_text]
        if stamped:
            d.diagnostics.insert(0, Diagnostic(
                code="pdf.stamped_values", severity="info",
                message=f"values stamped by the signing system read from signature widgets: {', '.join(stamped)}"))
        return d
    if suffix in (".docx", ".doc", ".html", ".htm"):
        return _parse_office_or_web(p, suffix)
    text, data, enc = read_text_file(p)
    if not text or text.isspace():
        raise DispatchReadError(str(p), "empty", "the file is empty")
    src = Source(kind="markdown" if suffix in {".md", ".markdown"} else "text", path=str(p),
                 sha256=hashlib.sha256(data).hexdigest(), encoding=enc)
    d = parse(text, source=src)
    if enc not in ("utf-8", "utf-8-sig"):
        d.diagnostics.insert(0, Diagnostic(code="encoding.detected", severity="info",
                                           message=f"not UTF-8: decoded as {enc}"))
    return d


def _parse_office_or_web(p: Path, suffix: str) -> Dispatch:
    """A Word file or a saved web page: its text (``vn_dispatch.formats``), then ``parse``."""
    from . import formats

    data = _read_bytes(p)
    if not data.strip():
        raise DispatchReadError(str(p), "empty", "the file is empty")
    if suffix in (".html", ".htm"):
        text, kind = formats.read_html(data, str(p)), "html"
    else:
        docx = formats.read_doc(p) if suffix == ".doc" and not data.startswith(b"PK") else data
        text, kind = formats.read_docx(docx, str(p)), suffix.lstrip(".")
    if not text.strip():
        raise DispatchReadError(str(p), "empty", f"no text in the {suffix} file")
    return parse(text, source=Source(kind=kind, path=str(p), sha256=hashlib.sha256(data).hexdigest()))


def _read_bytes(p: Path) -> bytes:
    """A file's bytes, or the DispatchReadError that says why they cannot be read."""
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise DispatchReadError(str(p), "not_found", "no such file") from None
    except IsADirectoryError:
        raise DispatchReadError(str(p), "is_directory", "is a directory, not a file") from None
    except OSError as exc:
        raise DispatchReadError(str(p), "io", f"cannot read: {exc.strerror or exc}") from None


__all__ = ["parse", "parse_file", "read_text_file"]
