"""Warehouse exports: round trip through DuckDB, Parquet and JSONL; re-running replaces rows."""

from pathlib import Path

import pytest

import vn_dispatch
from vn_dispatch.batch import ErrorRecord, parse_many
from vn_dispatch.export import TABLE_COLUMNS, export, to_tables

FIX = Path(__file__).parent / "fixtures" / "docs"


@pytest.fixture(scope="module")
def items(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    for p in sorted(FIX.glob("seed-*.txt")):
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return list(parse_many([folder]))


def test_parse_many_yields_every_file_in_order(items):
    assert len(items) == 6
    names = [Path(i.path).name if isinstance(i, ErrorRecord) else Path(i.source.path).name for i in items]
    assert names == sorted(names)
    errors = [i for i in items if isinstance(i, ErrorRecord)]
    assert [(Path(e.path).name, e.reason) for e in errors] == [("empty.txt", "empty")]


def test_parse_many_with_workers_same_result(items, tmp_path):
    folder = Path(next(i for i in items if isinstance(i, vn_dispatch.Dispatch)).source.path).parent
    par = list(parse_many([folder], workers=2))
    assert [getattr(i, "source", None) and i.source.sha256 for i in par] == \
           [getattr(i, "source", None) and i.source.sha256 for i in items]


def test_to_tables_rows_match_models(items):
    t = to_tables(items)
    docs = [i for i in items if isinstance(i, vn_dispatch.Dispatch)]
    assert len(t["documents"]) == 5 and len(t["errors"]) == 1
    assert len(t["references"]) == sum(len(d.references) for d in docs)
    assert len(t["addressees"]) == sum(len(d.addressees) for d in docs)
    assert len(t["recipients"]) == sum(len(d.recipients) for d in docs)
    by_id = {r["doc_id"]: r for r in t["documents"]}
    for d in docs:
        row = by_id[d.source.sha256]
        assert row["symbol"] == (d.doc_number.symbol if d.doc_number else None)
        assert row["signer"] == (d.signature.name if d.signature else None)
    for name, rows in t.items():
        for r in rows:
            assert set(r) == set(TABLE_COLUMNS[name])


@pytest.mark.parametrize("dest", ["out.duckdb", "out.parquet", "out.jsonl"])
def test_export_round_trip_and_idempotent(items, tmp_path, dest):
    pytest.importorskip("pyarrow")
    if dest.endswith(".duckdb"):
        pytest.importorskip("duckdb")
    t = to_tables(items)
    first = export(t, tmp_path / dest)
    second = export(t, tmp_path / dest)
    assert first == second
    assert first["documents"] == 5 and first["references"] == len(t["references"])
    if dest.endswith(".duckdb"):
        import duckdb

        con = duckdb.connect(str(tmp_path / dest))
        symbols = sorted(r[0] for r in con.execute("SELECT symbol FROM documents").fetchall())
        assert symbols == sorted(r["symbol"] for r in t["documents"])
        n = con.execute('SELECT count(*) FROM "references" r JOIN documents d USING (doc_id)').fetchone()[0]
        assert n == len(t["references"])
        con.close()
    elif dest.endswith(".parquet"):
        import pyarrow.parquet as pq

        docs = pq.read_table(tmp_path / dest / "documents.parquet").to_pylist()
        assert {d["doc_id"]: d["signer"] for d in docs} == {r["doc_id"]: r["signer"] for r in t["documents"]}
