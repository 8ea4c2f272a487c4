"""Public output models (schema version 1), as fixed in ``shared/spec/output-contract.md``.

Field names are a public contract: adding a field is fine, renaming or removing one needs a new
``SCHEMA_VERSION``. Every extracted element carries a ``span`` (``(start, end)`` character offsets
into ``Dispatch.text``).
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION: Literal["1"] = "1"

Span = tuple[int, int]
Severity = Literal["info", "warning", "error"]
MottoFamily = Literal["state", "party", "youth", "other"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    """Where the text came from: ``{"kind": "text", "path": null, "sha256": "...", "pages": null}``."""

    kind: str = "text"
    path: Optional[str] = None
    sha256: str = ""
    pages: Optional[int] = None
    encoding: Optional[str] = None


class Header(_Model):
    """Top-of-page block: motto (tiêu ngữ / Party or Đoàn header) and the issuing authority."""

    motto: Optional[MottoFamily] = None
    motto_lines: list[str] = Field(default_factory=list)
    issuer_lines: list[str] = Field(default_factory=list)
    issuer: Optional[str] = None
    issuer_parent: Optional[str] = None
    span: Optional[Span] = None


class DocNumber(_Model):
    """Số/ký hiệu, e.g. ``"Số: 199/KH-UBND"`` -> number "199", symbol "KH-UBND", type_code "KH"."""

    raw: str
    number: Optional[str] = None
    symbol: Optional[str] = None
    type_code: Optional[str] = None
    issuer_code: Optional[str] = None
    unit_code: Optional[str] = None
    year: Optional[int] = None
    span: Optional[Span] = None


class PartialDate(_Model):
    """A date whose parts may be blank in drafts: ``"ngày tháng 02 năm 2024"`` -> day None, month 2."""

    raw: str
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    span: Optional[Span] = None

    def is_complete(self) -> bool:
        return None not in (self.year, self.month, self.day)

    def to_date(self) -> Optional[_dt.date]:
        """The calendar date when all three parts are present and valid, else None."""
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return _dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


class Reference(_Model):
    """A cited document: ``"Kế hoạch số 199/KH-UBND ngày 13/10/2023 của UBND tỉnh Lạng Sơn"``."""

    type: Optional[str] = None
    number: Optional[str] = None
    symbol: Optional[str] = None
    date: Optional[PartialDate] = None
    issuer: Optional[str] = None
    title: Optional[str] = None
    role: Optional[str] = None
    text: str
    span: Span
    mentions: list[Span] = Field(default_factory=list)


class Directive(_Model):
    """A numbered/lettered item of the body; ``label`` as printed without dot/parenthesis."""

    label: str
    text: str
    children: list[Directive] = Field(default_factory=list)
    span: Span
    addressed_to: Optional[str] = None


class Archive(_Model):
    """The Lưu line: ``"Lưu: VT, TTBCXB (LMV)."`` -> holders ["VT", "TTBCXB"], drafter "LMV"."""

    raw: str
    holders: list[str] = Field(default_factory=list)
    drafter: Optional[str] = None
    copies: Optional[int] = None
    span: Optional[Span] = None


class AuthorityLine(_Model):
    authority: str
    title: str
    raw: Optional[str] = None
    span: Optional[Span] = None


class Signature(_Model):
    """Signature block: ``"KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / "Lê Hải Yến"``."""

    authority: Optional[Literal["TM.", "KT.", "TL.", "TUQ.", "Q."]] = None
    on_behalf_of: Optional[str] = None
    chain: list[AuthorityLine] = Field(default_factory=list)
    title: Optional[str] = None
    name: Optional[str] = None
    span: Optional[Span] = None


class Box(_Model):
    """A rectangle on a page of the source PDF: ``page`` is 1-based; coordinates in PDF points with
    the origin at the page's top left (``top`` < ``bottom``), as pdfplumber reports them."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


class ESignature(_Model):
    """A digital signature field of the source PDF (``/Sig``), as far as it can be read.

    ``signer``/``organization``/``organizational_unit``/``email`` come from the signing
    certificate (the signature is not verified); ``name``, ``reason``, ``location``,
    ``contact_info`` and ``signed_at`` (ISO 8601, from ``/M``) from the signature dictionary;
    ``box`` is the widget on the page and ``appearance_text`` the text it shows — for the stamps
    of the văn thư's signing system the number or the day put into the document
    (``in_text`` true: it is part of ``Dispatch.text``) or the signing organisation's stamp.
    """

    field_name: Optional[str] = None
    signed_at: Optional[str] = None
    signer: Optional[str] = None
    organization: Optional[str] = None
    organizational_unit: Optional[str] = None
    locality: Optional[str] = None
    email: Optional[str] = None
    certificate_issuer: Optional[str] = None
    name: Optional[str] = None
    reason: Optional[str] = None
    location: Optional[str] = None
    contact_info: Optional[str] = None
    sub_filter: Optional[str] = None
    page: Optional[int] = None
    box: Optional[Box] = None
    appearance_text: Optional[str] = None
    in_text: bool = False


class Diagnostic(_Model):
    code: str
    severity: Severity = "warning"
    message: str
    span: Optional[Span] = None


class Dispatch(_Model):
    """A parsed Vietnamese administrative document (công văn, kế hoạch, thông báo, ...)."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source = Field(default_factory=Source)
    text: str = ""
    header: Header = Field(default_factory=Header)
    doc_number: Optional[DocNumber] = None
    issue_place: Optional[str] = None
    issue_date: Optional[PartialDate] = None
    doc_type: Optional[str] = None
    subject: Optional[str] = None
    urgency: Optional[str] = None
    confidentiality: Optional[str] = None
    addressees: list[str] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    directives: list[Directive] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    archive: Optional[Archive] = None
    signature: Optional[Signature] = None
    body: str = ""
    body_span: Optional[Span] = None
    spans: dict[str, Span] = Field(default_factory=dict)
    e_signatures: list[ESignature] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)

    # Character offsets of ``text`` -> page boxes, set by ``parse_file`` for a PDF (a
    # ``vn_dispatch.pdf.CharBoxes``); not part of the serialised output.
    _char_boxes: Optional[object] = PrivateAttr(default=None)

    def snippet(self, span: Optional[Span]) -> str:
        """The text a span points to (empty string for None)."""
        if span is None:
            return ""
        return self.text[span[0] : span[1]]

    def locate(self, span: Optional[Span]) -> list[Box]:
        """Where a span of ``text`` is printed in the source PDF: one ``Box`` per page line it covers.

        Works for documents read by ``parse_file`` from a PDF, whose reader keeps the box of every
        character of ``text`` (in the private ``_char_boxes`` map); empty for text input, for a
        None span and for characters the reader inserted (separators).

        >>> d = parse_file("dispatch.pdf")                   # doctest: +SKIP
        >>> d.locate(d.doc_number.span)                       # doctest: +SKIP
        [Box(page=1, x0=117.7, top=117.6, x1=250.4, bottom=131.3)]
        """
        cb = self._char_boxes
        if span is None or cb is None:
            return []
        return [Box(page=b[0], x0=b[1], top=b[2], x1=b[3], bottom=b[4])
                for b in cb.locate(span[0], span[1])]  # type: ignore[attr-defined]


Directive.model_rebuild()
