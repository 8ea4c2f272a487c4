"""Text out of office and web files: ``.docx`` (Word 2007+), ``.html``/``.htm`` (a saved web page),
``.doc`` (Word 97-2003, through LibreOffice when it is installed).

Archives hold dispatches as Word files and as pages saved from legal-text websites, not only as
text and PDF. Each reader returns plain text in the shape the pipeline already reads:
paragraphs one per line, and tables as Markdown rows whose cells keep their paragraphs apart with
``<br>`` (``| UBND TỈNH X<br>SỞ Y | CỘNG HÒA ...<br>Độc lập - Tự do - Hạnh phúc |``), which is how
converters such as markitdown print the header and signature layout tables that
``normalize._layout_tables`` lays out as a page.

Why by hand: ``python-docx`` (a well-kept library) reads the same XML but brings ``lxml`` and,
for body order with tables between paragraphs, needs the same walk written here; a Word file's
text is ``w:t`` runs in ``w:p`` paragraphs and ``w:tbl``/``w:tr``/``w:tc`` tables, which the
standard library's ``zipfile`` and ``ElementTree`` read. HTML likewise: the standard
``html.parser`` with a dozen block tags; BeautifulSoup or html2text would add a dependency for
what is here a walk over the tags. ``.doc`` is a binary format no small reader handles:
LibreOffice converts it (``soffice --headless --convert-to docx``) when present.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Optional
from xml.etree import ElementTree

from .errors import DispatchReadError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _cell_text(paragraphs: list[str]) -> str:
    return "<br>".join(p.replace("|", "/").strip() for p in paragraphs if p.strip())


def _table_rows(rows: list[list[str]]) -> list[str]:
    """Markdown rows of a table (a separator row after the first, as Markdown needs)."""
    out: list[str] = []
    width = max((len(r) for r in rows), default=0)
    for k, cells in enumerate(rows):
        out.append("| " + " | ".join(cells + [""] * (width - len(cells))) + " |")
        if k == 0:
            out.append("|" + " --- |" * width)
    return out


def read_docx(data: bytes, path: str = "<docx>") -> str:
    """The text of a ``.docx`` file: paragraphs, and tables as Markdown rows (see the module)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = z.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise DispatchReadError(path, "corrupt", f"not a readable .docx file ({exc})") from None
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise DispatchReadError(path, "corrupt", f"the .docx document XML is broken ({exc})") from None
    body = root.find(f"{_W}body")
    if body is None:
        return ""
    lines: list[str] = []
    for el in _blocks(body):
        if el.tag == f"{_W}p":
            lines.append(_docx_paragraph(el))
        else:
            lines += _table_rows(_docx_table(el))
            lines.append("")
    return "\n".join(lines)


def _blocks(parent: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """Paragraphs and tables in body order, also inside content controls (``w:sdt``) and custom XML."""
    for el in parent:
        if el.tag in (f"{_W}p", f"{_W}tbl"):
            yield el
        elif el.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            yield from _blocks(el)


def _docx_paragraph(p: ElementTree.Element) -> str:
    parts: list[str] = []
    for node in p.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("    ")  # (a tab lays out columns: blanks wide enough to read as a gap)
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def _docx_table(tbl: ElementTree.Element) -> list[list[str]]:
    rows: list[list[str]] = []
    for tr in tbl.findall(f"{_W}tr"):
        cells: list[str] = []
        for tc in tr.findall(f"{_W}tc"):
            paras: list[str] = []
            for p in tc.iter(f"{_W}p"):
                paras += _docx_paragraph(p).split("\n")
            cells.append(_cell_text(paras))
        rows.append(cells)
    return rows


_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
          "header", "footer", "blockquote", "pre", "center", "dd", "dt", "form"}
_SKIP = {"script", "style", "head", "title", "noscript", "iframe", "svg", "button", "select"}


class _Html(HTMLParser):
    """Paragraph lines and Markdown table rows out of HTML (nested tables flatten into their cell)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.cur: list[str] = []
        self.skip = 0
        self.tables: list[tuple[list[list[str]], list[str], list[str]]] = []  # (rows, row, cell paragraphs)

    def _flush(self) -> None:
        text = " ".join("".join(self.cur).split())
        self.cur = []
        if self.tables:
            rows, row, cell = self.tables[-1]
            if text:
                cell.append(text)
        elif text:
            self.lines.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "table":
            self._flush()
            self.tables.append(([], [], []))
        elif tag in ("td", "th") and self.tables:
            self._flush()
            self.tables[-1][2].clear()
        elif tag == "br" or tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.tables:
            self._flush()
            rows, row, cell = self.tables[-1]
            row.append(_cell_text(cell))
            cell.clear()
        elif tag == "tr" and self.tables:
            self._flush()
            rows, row, cell = self.tables[-1]
            if any(c for c in row):
                rows.append(list(row))
            row.clear()
        elif tag == "table" and self.tables:
            self._flush()
            rows, _, _ = self.tables.pop()
            if self.tables:  # a nested table: its cells become paragraphs of the outer cell
                self.tables[-1][2].extend(c.replace("<br>", " ") for r in rows for c in r if c)
            else:
                self.lines += [""] + _table_rows(rows) + [""]
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.cur.append(data)


def read_html(data: bytes, path: str = "<html>") -> str:
    """The text of a saved web page: paragraphs, and tables as Markdown rows (see the module)."""
    text = _decode_html(data)
    parser = _Html()
    parser.feed(text)
    parser.close()
    parser._flush()
    return "\n".join(parser.lines)


def _decode_html(data: bytes) -> str:
    head = data[:2048].lower()
    for enc in ("utf-8", "windows-1258", "cp1252"):
        if enc.encode() in head:  # the declared charset ("<meta charset=\"utf-8\">")
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("windows-1258", errors="replace")


def read_doc(path: Path) -> bytes:
    """A legacy ``.doc`` converted to ``.docx`` bytes by LibreOffice; a clear error without it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise DispatchReadError(str(path), "unsupported",
                                "a Word 97-2003 .doc file needs LibreOffice to be read "
                                "(apt-get install libreoffice-writer-nogui), or save it as .docx")
    with tempfile.TemporaryDirectory() as out:
        try:
            subprocess.run([soffice, "--headless", "--convert-to", "docx", "--outdir", out, str(path)],
                           check=True, capture_output=True, timeout=120)
        except (subprocess.SubprocessError, OSError) as exc:
            raise DispatchReadError(str(path), "corrupt", f"LibreOffice could not convert the file ({exc})") from None
        converted = Path(out) / (path.stem + ".docx")
        if not converted.exists():
            raise DispatchReadError(str(path), "corrupt", "LibreOffice could not convert the file")
        return converted.read_bytes()
