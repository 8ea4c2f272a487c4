"""Word (.docx) and saved web page (.html) files: read by ``parse_file`` and found in folders."""

import shutil
import subprocess
import sys

import pytest
from office_docs import CONG_VAN, docx_bytes, html_bytes

import vn_dispatch
from vn_dispatch.errors import DispatchReadError


def _check(d):
    assert d.header.issuer == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" and d.header.issuer_parent == "UBND TỈNH LẠNG SƠN"
    assert d.header.motto == "state"
    assert (d.doc_number.number, d.doc_number.symbol) == ("245", "STTTT-TTBCXB")
    assert d.issue_place == "Lạng Sơn" and (d.issue_date.year, d.issue_date.month, d.issue_date.day) == (2024, 2, 5)
    assert d.doc_type == "Công văn"
    assert d.subject == "tuyên truyền hưởng ứng giải chạy “Mẫu Sơn Mount Paths” năm 2024"
    assert d.addressees == ["Báo Lạng Sơn", "Đài Phát thanh và Truyền hình tỉnh"]
    assert [(r.number, r.symbol, r.role) for r in d.references] == [("199", "KH-UBND", "implementing")]
    assert [x.label for x in d.directives] == ["1", "2"]
    assert d.recipients == ["Như trên", "Lãnh đạo Sở"]
    assert d.archive.holders == ["VT", "TTBCXB"] and d.archive.drafter == "LMV"
    s = d.signature
    assert (s.authority, s.on_behalf_of, s.title, s.name) == ("KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Hải Yến")


def test_docx(tmp_path):
    f = tmp_path / "cv.docx"
    f.write_bytes(docx_bytes(CONG_VAN))
    d = vn_dispatch.parse_file(f)
    assert d.source.kind == "docx"
    _check(d)


def test_html(tmp_path):
    f = tmp_path / "cv.html"
    f.write_bytes(html_bytes(CONG_VAN))
    d = vn_dispatch.parse_file(f)
    assert d.source.kind == "html" and "var x" not in d.text  # (scripts are not text)
    _check(d)


def test_corrupt_docx_is_a_read_error(tmp_path):
    f = tmp_path / "bad.docx"
    f.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DispatchReadError) as e:
        vn_dispatch.parse_file(f)
    assert e.value.reason == "corrupt"


def test_folder_with_office_and_web_files(tmp_path):
    (tmp_path / "a.docx").write_bytes(docx_bytes(CONG_VAN))
    (tmp_path / "b.htm").write_bytes(html_bytes(CONG_VAN))
    (tmp_path / "c.docx").write_bytes(b"garbage")
    (tmp_path / "scan.jpg").write_bytes(b"\xff\xd8")
    out = subprocess.run([sys.executable, "-m", "vn_dispatch", "parse", str(tmp_path), "--format", "jsonl"],
                         capture_output=True, text=True, timeout=120)
    rows = [line for line in out.stdout.splitlines() if line.strip()]
    assert len(rows) == 3 and out.returncode != 0
    assert sum('"STTTT-TTBCXB"' in r for r in rows) == 2 and sum("DispatchReadError" in r for r in rows) == 1
    assert "skipped 1 file(s) of other types" in out.stderr and ".jpg x1" in out.stderr  # not dropped unsaid


def test_docx_one_row_header_and_tab_layout(tmp_path):
    # the other common templates: the whole header in one row of two cells, rules between the
    # lines; or no table, the columns set with tabs
    one_row = [[[["UBND TỈNH LẠNG SƠN", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "-------", "Số: 245/STTTT-TTBCXB",
                  "V/v tuyên truyền hưởng ứng giải chạy “Mẫu Sơn Mount Paths” năm 2024"],
                 ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------",
                  "Lạng Sơn, ngày 05 tháng 02 năm 2024"]]]]
    tabs = ["UBND TỈNH LẠNG SƠN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "SỞ THÔNG TIN VÀ TRUYỀN THÔNG\tĐộc lập - Tự do - Hạnh phúc",
            "Số: 245/STTTT-TTBCXB\tLạng Sơn, ngày 05 tháng 02 năm 2024",
            "V/v tuyên truyền hưởng ứng giải chạy “Mẫu Sơn Mount Paths” năm 2024"]
    for head in (one_row, tabs):
        f = tmp_path / "cv.docx"
        f.write_bytes(docx_bytes(head + CONG_VAN[1:]))
        _check(vn_dispatch.parse_file(f))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_legacy_doc_through_libreoffice(tmp_path):
    src = tmp_path / "cv.docx"
    src.write_bytes(docx_bytes(CONG_VAN))
    subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=120)
    src.unlink()
    d = vn_dispatch.parse_file(tmp_path / "cv.doc")
    assert d.source.kind == "doc"
    _check(d)


def test_legacy_doc_without_libreoffice(tmp_path, monkeypatch):
    f = tmp_path / "cv.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)  # an OLE2 header
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(DispatchReadError) as e:
        vn_dispatch.parse_file(f)
    assert e.value.reason == "unsupported" and "LibreOffice" in str(e.value)
