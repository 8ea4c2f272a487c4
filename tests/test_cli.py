"""The command line through its real entry point (subprocess)."""

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

FIX = Path(__file__).parent / "fixtures" / "docs"


def to_cp1258(s: str) -> bytes:
    """Windows-1258 bytes: precomposed base letter plus a combining tone mark where needed."""
    out = b""
    for ch in s:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            out += unicodedata.normalize("NFC", d[:-1]).encode("cp1258") + d[-1].encode("cp1258")
    return out


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "vn_dispatch", *args], capture_output=True, text=True,
                          input=stdin, timeout=120)


def test_demo_prints_the_parsed_example():
    r = run("demo")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["doc_number"]["symbol"] == "STTTT-TTBCXB"
    assert data["signature"]["name"] == "Lê Hải Yến"


def test_parse_file_and_stdin():
    r = run("parse", str(FIX / "seed-001.txt"))
    assert r.returncode == 0
    assert json.loads(r.stdout)["doc_number"]["raw"] == "Số 930-CV/BTGTU"
    r2 = run("parse", "-", stdin=(FIX / "seed-001.txt").read_text(encoding="utf-8"))
    assert json.loads(r2.stdout)["doc_number"]["number"] == "930"


def test_batch_with_failures_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text((FIX / "seed-000.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (tmp_path / "legacy.txt").write_bytes(to_cp1258("Kính gửi: Sở Tài chính\n\nĐề nghị báo cáo."))
    r = run("parse", str(tmp_path), "--format", "jsonl", "--exclude", "text", "body")
    assert r.returncode == 1
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(recs) == 4
    errors = {Path(x["path"]).name: x["reason"] for x in recs if "error" in x}
    assert errors == {"empty.txt": "empty", "broken.pdf": "corrupt"}
    assert "broken.pdf" in r.stderr
    legacy = next(x for x in recs if x.get("source", {}).get("path", "").endswith("legacy.txt"))
    assert legacy["addressees"] == ["Sở Tài chính"]
    assert legacy["source"]["encoding"] == "cp1258"


def test_schema_is_json_schema():
    r = run("schema")
    schema = json.loads(r.stdout)
    assert schema["title"] == "Dispatch" and "doc_number" in schema["properties"]


def test_csv_and_table_formats(tmp_path):
    r = run("parse", str(FIX / "seed-000.txt"), str(FIX / "seed-001.txt"), "--format", "csv")
    assert r.returncode == 0, r.stderr
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["symbol"] for row in rows] == ["STTTT-TTBCXB", "CV/BTGTU"]
    t = run("parse", str(FIX / "seed-001.txt"), "--format", "table")
    assert "930-CV/BTGTU" in t.stdout and "Lê Chí Công" in t.stdout


def test_workers_keep_order(tmp_path):
    files = sorted(str(p) for p in FIX.glob("seed-*.txt"))
    one = run("parse", *files, "--format", "jsonl", "--exclude", "text", "body")
    two = run("parse", *files, "--format", "jsonl", "--exclude", "text", "body", "--workers", "2")
    assert one.returncode == two.returncode == 0
    assert [json.loads(x)["source"]["path"] for x in one.stdout.splitlines()] == files
    assert one.stdout == two.stdout


def test_export_command(tmp_path):
    import pytest

    pytest.importorskip("duckdb")
    db = tmp_path / "archive.duckdb"
    r = run("export", str(FIX), "--to", str(db), "-q")
    assert r.returncode == 0, r.stderr
    counts = json.loads(r.stdout)["rows"]
    assert counts["documents"] == len(list(FIX.glob("*.txt")))
    again = run("export", str(FIX), "--to", str(db), "-q")
    assert json.loads(again.stdout)["rows"] == counts  # replaced, not duplicated


def test_version_names_the_build():
    import vn_dispatch

    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith(f"vn-dispatch {vn_dispatch.__version__}")
    assert ("compiled with mypyc" in r.stdout) == vn_dispatch.is_compiled()


def test_reader_closing_the_pipe_early_is_no_error():
    # "vn-dispatch parse folder/ | head": the output is far larger than a pipe's buffer
    p = subprocess.Popen([sys.executable, "-m", "vn_dispatch", "parse", str(FIX), "-q", "--format", "jsonl"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout is not None and p.stderr is not None
    first = p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read().decode("utf-8", "replace")
    p.wait(timeout=120)
    assert json.loads(first)["schema_version"] == "1"  # a whole record came through first
    assert "Traceback" not in err and "BrokenPipeError" not in err
    assert p.returncode == 1
