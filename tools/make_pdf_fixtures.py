"""Build PDF fixtures in the standard dispatch layout from labelled fixture texts.

For each source text in ``tests/fixtures/docs/`` this writes a DOCX laid out as NĐ 30/2020 Phụ lục I
prescribes — a borderless two-column table for the header (issuer block and "Số: ..." at left,
motto, tagline and place/date at right, the V/v of a công văn under the số), the type title and
subject centred, Kính gửi, the body paragraphs (justified, first-line indent), and a two-column
table for the closing (Nơi nhận list at left, signature at right), Times New Roman 13-14, page
numbers centred at the top from page 2 — and converts it to PDF with LibreOffice headless.

The PDFs land in ``tests/fixtures/pdf/<id>.pdf`` and are committed, so the tests need neither
python-docx nor LibreOffice. It also writes the error-case fixtures (``tests/fixtures/pdf/bad/``):
an encrypted PDF (pypdf), a truncated PDF, a text file named .pdf, an image-only PDF (a "scan")
and a PDF whose fonts have lost their ToUnicode maps (glyphs read as garbage).

Needs (development only, not runtime dependencies of the package)::

    apt-get install -y libreoffice-writer-nogui fonts-liberation
    pip install python-docx pypdf

Run from the repository root: ``python tools/make_pdf_fixtures.py``.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vn_dispatch import parse  # noqa: E402
from vn_dispatch.segment import KINH_GUI_RE, find_zones, motto_match, tagline_match  # noqa: E402
from vn_dispatch.text import fold, split_lines  # noqa: E402

DOCS = ROOT / "tests" / "fixtures" / "docs"
OUT = ROOT / "tests" / "fixtures" / "pdf"

# the five seed dispatches and a few more labelled documents of other types and layouts
SOURCES = [
    "seed-000",
    "seed-001",
    "seed-002",
    "seed-003",
    "seed-004",
    "congbao-quyet-dinh-so-2416-qd-bkhdt",
    "congbao-nghi-quyet-so-126-nq-cp",
    "congbao-chi-thi-so-21-ct-ttg",
    "tax-cv-2018-02-06-cv-496-06022018tcthoan-thue",
]

FONT = "Times New Roman"


def _line_at(lines, pos: int) -> int:
    for ln in lines:
        if ln.start <= pos <= ln.end:
            return ln.index
    return len(lines) - 1


def split_document(text: str) -> dict:
    """Cut a labelled text into the parts of the standard layout (lists of lines)."""
    d = parse(text)
    norm = d.text
    lines = split_lines(norm, fold(norm))
    z = find_zones(lines)
    n = len(lines)
    body_first = _line_at(lines, d.body_span[0]) if d.body_span else z.header_end
    body_last = _line_at(lines, d.body_span[1] - 1) if d.body_span else body_first - 1

    parts: dict = {"left": [], "right": [], "vv": [], "opening": [], "body": [], "after_body": [],
                   "noi_nhan": [], "signature": [], "after": []}
    num_line = _line_at(lines, d.doc_number.span[0]) if d.doc_number and d.doc_number.span else None
    pd = d.spans.get("issue_place_date")
    date_line = _line_at(lines, pd[0]) if pd else None
    subj = d.spans.get("subject")
    vv_lines: set[int] = set()
    if z.vv_line is not None and d.doc_type == "Công văn" and subj:
        vv_lines = set(range(z.vv_line, _line_at(lines, subj[1] - 1) + 1))
    issuer_texts = {s.strip() for s in d.header.issuer_lines}

    for ln in lines[:body_first]:
        t = ln.text.strip()
        if not t:
            continue
        i = ln.index
        m = motto_match(ln) or (None, tagline_match(ln))
        hit = m[1]
        if i in vv_lines:
            parts["vv"].append(t)
        elif hit is not None:
            s = hit.start()
            if ln.text[:s].strip():  # flattened columns: "BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI ..."
                parts["left"].append(ln.text[:s].strip())
            parts["right"].append(ln.text[s:].strip())
        elif i == num_line and i == date_line and pd:
            cut = pd[0] - ln.start
            parts["left"].append(ln.text[:cut].strip())
            parts["right"].append(ln.text[cut:].strip())
        elif i == num_line or t in issuer_texts or (t == "*" and not parts["opening"]):
            if not parts["left"] or parts["left"][-1] != t:  # a gazette copy may repeat the issuer line
                parts["left"].append(t)
        elif i == date_line:
            parts["right"].append(t)
        elif not parts["right"] and not parts["opening"] and i < z.header_end:
            parts["left"].append(t)
        else:
            parts["opening"].append(t)
    for ln in lines[body_first : body_last + 1]:
        if ln.text.strip():
            parts["body"].append(ln.text.strip())

    sig0 = _line_at(lines, d.signature.span[0]) if d.signature and d.signature.span else None
    sig1 = _line_at(lines, d.signature.span[1] - 1) if d.signature and d.signature.span else None
    nn0 = z.noi_nhan_line
    nn1 = _line_at(lines, d.archive.span[1] - 1) if d.archive and d.archive.span else None
    if nn0 is not None and nn1 is None:
        nn1 = sig0 - 1 if sig0 is not None and sig0 > nn0 else n - 1
    for ln in lines[body_last + 1 :]:
        t = ln.text.strip()
        if not t:
            continue
        i = ln.index
        if nn0 is not None and nn0 <= i <= nn1:
            parts["noi_nhan"].append(t)
        elif sig0 is not None and sig0 <= i <= sig1:
            parts["signature"].append(t)
        elif not parts["noi_nhan"] and not parts["signature"]:
            parts["after_body"].append(t)
        else:
            parts["after"].append(t)
    return parts


# ---------------------------------------------------------------- DOCX

def _docx():
    try:
        import docx  # noqa: F401
    except ImportError:
        sys.exit("needs python-docx: pip install python-docx")
    import docx

    return docx


def _set_cell_borders_none(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _widths(table, widths) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for col, w in zip(table.columns, widths):
        col.width = w
    for cell, w in zip(table.rows[0].cells, widths):
        cell.width = w
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


def _para(container, text: str, *, size: float = 14, bold: bool = False, italic: bool = False,
          align: str = "center", indent_cm: float = 0.0, space_after: float = 0, keep=None):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    p = container.add_paragraph()
    p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
                   "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
    pf = p.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(space_after)
    pf.line_spacing = 1.0
    if indent_cm:
        pf.first_line_indent = Cm(indent_cm)
    run = p.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    return p


def _page_number_header(section) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    run.font.name = FONT
    run.font.size = Pt(13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def build_docx(parts: dict, path: Path) -> None:
    docx = _docx()
    from docx.shared import Cm, Mm, Pt

    doc = docx.Document()
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
    sec.left_margin, sec.right_margin = Mm(30), Mm(15)
    sec.header_distance = Mm(10)
    _page_number_header(sec)
    # python-docx starts with one empty paragraph: reuse the body
    body = doc
    doc.element.body.remove(doc.paragraphs[0]._p) if doc.paragraphs else None

    # header table
    t = doc.add_table(rows=1, cols=2)
    _set_cell_borders_none(t)
    t.autofit = False
    _widths(t, (Cm(6.2), Cm(10.3)))
    left, right = t.rows[0].cells
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
    n_left = len(parts["left"])
    for k, s in enumerate(parts["left"]):
        is_num = fold(s).startswith("so") or "/" in s
        last_issuer = k == n_left - 1 or (k + 1 < n_left and fold(parts["left"][k + 1]).startswith("so"))
        _para(left, s, size=13, bold=(not is_num and last_issuer) or s == "*", space_after=6 if last_issuer else 0)
    for s in parts["vv"]:
        _para(left, s, size=12)
    if not parts["left"] and not parts["vv"]:
        _para(left, "", size=13)
    for k, s in enumerate(parts["right"]):
        is_date = "ngày" in s.lower() or "tháng" in s.lower()
        _para(right, s, size=13 if k == 0 else 14, bold=not is_date, italic=is_date, space_after=6)
    if not parts["right"]:
        _para(right, "", size=13)

    _para(body, "", size=8)
    kinh_gui = False
    for s in parts["opening"]:
        f = fold(s)
        if KINH_GUI_RE.match(f):
            kinh_gui = True
            _para(body, s, size=14, align="center", space_after=6)
        elif kinh_gui:
            _para(body, s, size=14, align="left", indent_cm=3.0)
        else:
            _para(body, s, size=14, bold=True, align="center", space_after=0)
    _para(body, "", size=8)
    for s in parts["body"]:
        _para(body, s, size=14, align="justify", indent_cm=1.27, space_after=6)
    for s in parts["after_body"]:
        _para(body, s, size=14, align="justify", indent_cm=1.27, space_after=6)

    if parts["noi_nhan"] or parts["signature"]:
        t2 = doc.add_table(rows=1, cols=2)
        _set_cell_borders_none(t2)
        t2.autofit = False
        _widths(t2, (Cm(8.0), Cm(8.5)))
        nl, sr = t2.rows[0].cells
        nl.paragraphs[0]._p.getparent().remove(nl.paragraphs[0]._p)
        sr.paragraphs[0]._p.getparent().remove(sr.paragraphs[0]._p)
        for k, s in enumerate(parts["noi_nhan"]):
            if k == 0 and fold(s).startswith("noi"):
                _para(nl, s, size=12, bold=True, italic=True, align="left")
            else:
                _para(nl, s, size=11, align="left")
        if not parts["noi_nhan"]:
            _para(nl, "", size=11)
        sig = parts["signature"]
        for k, s in enumerate(sig):
            if k == len(sig) - 1 and len(sig) > 1:
                for _ in range(4):
                    _para(sr, "", size=14)
                _para(sr, s, size=14, bold=True)
            else:
                _para(sr, s, size=14, bold=True)
    for s in parts["after"]:
        _para(body, s, size=14, align="justify")
    doc.save(str(path))


def to_pdf(docx_path: Path, out_dir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("needs LibreOffice: apt-get install -y libreoffice-writer-nogui fonts-liberation")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out_dir), str(docx_path)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180,
        )
    return out_dir / (docx_path.stem + ".pdf")


# ---------------------------------------------------------------- error cases

def make_bad(src_pdf: Path, bad: Path) -> None:
    bad.mkdir(parents=True, exist_ok=True)
    data = src_pdf.read_bytes()
    (bad / "truncated.pdf").write_bytes(data[: len(data) // 2])
    (bad / "not-a-pdf.pdf").write_text("Số: 12/UBND-VX\nThis is a text file with a .pdf name.\n", encoding="utf-8")
    try:
        from pypdf import PdfReader, PdfWriter
    except ImportError:
        print("pypdf missing: encrypted.pdf and no-tounicode.pdf not written")
    else:
        w = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        w.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
        with open(bad / "encrypted.pdf", "wb") as fh:
            w.write(fh)
        # the same document with every ToUnicode map removed: the glyph ids cannot be read as text
        w = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        for page in w.pages:
            fonts = page.get("/Resources", {}).get("/Font", {})
            for ref in fonts.values():
                font = ref.get_object()
                if "/ToUnicode" in font:
                    del font["/ToUnicode"]
                for desc in font.get("/DescendantFonts", []) or []:
                    dobj = desc.get_object()
                    if "/ToUnicode" in dobj:
                        del dobj["/ToUnicode"]
        with open(bad / "no-tounicode.pdf", "wb") as fh:
            w.write(fh)
    from PIL import Image, ImageDraw

    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    for k in range(30):
        draw.rectangle([150, 200 + 45 * k, 1090 - (k % 4) * 120, 220 + 45 * k], fill=0)
    img.save(bad / "scan.pdf", "PDF", resolution=150.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("ids", nargs="*", help="fixture ids (default: the built-in list)")
    ap.add_argument("--keep-docx", action="store_true", help="also keep the DOCX files next to the PDFs")
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    ids = args.ids or SOURCES
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        for ident in ids:
            text = (DOCS / f"{ident}.txt").read_text(encoding="utf-8")
            parts = split_document(text)
            dx = tmpd / f"{ident}.docx"
            build_docx(parts, dx)
            pdf = to_pdf(dx, tmpd)
            shutil.copy(pdf, OUT / f"{ident}.pdf")
            if args.keep_docx:
                shutil.copy(dx, OUT / f"{ident}.docx")
            print(f"{ident}.pdf  {(OUT / f'{ident}.pdf').stat().st_size:>8} bytes")
    make_bad(OUT / f"{SOURCES[2]}.pdf", OUT / "bad")
    print(f"error cases in {OUT / 'bad'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
