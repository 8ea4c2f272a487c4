"""Build small Word (.docx) and HTML files in the layout of Nghị định 30/2020 (header and
signature blocks in borderless tables), for the file-format tests."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _p(text: str) -> str:
    runs = "<w:br/>".join("<w:tab/>".join(f'<w:t xml:space="preserve">{escape(t)}</w:t>' for t in line.split("\t"))
                          for line in text.split("\n"))
    return f"<w:p><w:r>{runs}</w:r></w:p>"


def _tbl(rows: list[list[list[str]]]) -> str:
    cols = max(len(r) for r in rows)
    grid = "<w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr><w:tblGrid>" + "<w:gridCol w:w=\"4500\"/>" * cols + "</w:tblGrid>"
    return "<w:tbl>" + grid + "".join(
        "<w:tr>" + "".join("<w:tc>" + "".join(_p(x) for x in cell) + "</w:tc>" for cell in row) + "</w:tr>"
        for row in rows) + "</w:tbl>"


# the parts a Word reader needs to open the package (LibreOffice refuses a file without them)
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>')


def docx_bytes(blocks: list[object]) -> bytes:
    """``blocks``: paragraphs (str) and tables (rows of cells of paragraphs)."""
    # (a body ends with a paragraph, as Word writes it: a reader may drop a table left last)
    body = "".join(_p(b) if isinstance(b, str) else _tbl(b) for b in blocks) + "<w:p/>"  # type: ignore[arg-type]
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_NS}><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def html_bytes(blocks: list[object]) -> bytes:
    parts = ['<html><head><meta charset="utf-8"><title>Công văn</title><script>var x = "<p>";</script></head><body>']
    for b in blocks:
        if isinstance(b, str):
            parts.append("<p>" + escape(b).replace("\n", "<br>") + "</p>")
        else:
            parts.append("<table>" + "".join(
                "<tr>" + "".join("<td>" + "".join("<p>" + escape(x) + "</p>" for x in cell) + "</td>" for cell in row) + "</tr>"
                for row in b) + "</table>")  # type: ignore[union-attr]
    parts.append("</body></html>")
    return "".join(parts).encode("utf-8")


# A công văn as Word's template lays it out (the seed document of Sở TT&TT Lạng Sơn, abridged)
CONG_VAN = [
    [[["UBND TỈNH LẠNG SƠN", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"],
      ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]],
     [["Số: 245/STTTT-TTBCXB", "V/v tuyên truyền hưởng ứng giải chạy “Mẫu Sơn Mount Paths” năm 2024"],
      ["Lạng Sơn, ngày 05 tháng 02 năm 2024"]]],
    "Kính gửi:",
    "- Báo Lạng Sơn;",
    "- Đài Phát thanh và Truyền hình tỉnh.",
    "Thực hiện Kế hoạch số 199/KH-UBND ngày 13/10/2023 của UBND tỉnh Lạng Sơn về việc tổ chức giải chạy, "
    "Sở Thông tin và Truyền thông đề nghị các cơ quan, đơn vị:",
    "1. Tuyên truyền trên các phương tiện thông tin đại chúng.",
    "2. Báo cáo kết quả về Sở Thông tin và Truyền thông./.",
    [[["Nơi nhận:", "- Như trên;", "- Lãnh đạo Sở;", "- Lưu: VT, TTBCXB (LMV)."],
      ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Lê Hải Yến"]]],
]
