"""Flattened tables for warehouses: documents, references, directives, addressees, recipients,
diagnostics (and errors), keyed by the source's sha256 (``doc_id``).

>>> from vn_dispatch.export import to_tables
>>> tables = to_tables([vn_dispatch.parse_file("cv.txt")])      # doctest: +SKIP
>>> tables["documents"][0]["symbol"]                               # doctest: +SKIP
'STTTT-TTBCXB'

Writers replace the rows of documents already present (same ``doc_id``), so re-running over the
same archive does not duplicate rows. Parquet (``pyarrow``) and DuckDB (``duckdb``) come with the
``warehouse`` extra: ``pip install "vn-dispatch[warehouse]"``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Union

from ._version import __version__
from .batch import ErrorRecord
from .models import Directive, Dispatch

TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "string", "path": "string", "kind": "string", "pages": "int64", "schema_version": "string",
        "parser_version": "string", "motto": "string", "issuer": "string", "issuer_parent": "string",
        "doc_number_raw": "string", "number": "string", "symbol": "string", "type_code": "string",
        "issuer_code": "string", "unit_code": "string", "issue_place": "string", "issue_date": "string",
        "issue_year": "int64", "issue_month": "int64", "issue_day": "int64", "doc_type": "string",
        "subject": "string", "urgency": "string", "confidentiality": "string", "archive_raw": "string",
        "archive_holders": "string", "drafter": "string", "copies": "int64", "signature_authority": "string",
        "signature_on_behalf_of": "string", "signature_title": "string", "signer": "string",
        "n_references": "int64", "n_directives": "int64", "body_chars": "int64",
    },
    "references": {
        "doc_id": "string", "ord": "int64", "type": "string", "number": "string", "symbol": "string",
        "date": "string", "year": "int64", "issuer": "string", "role": "string", "text": "string",
        "span_start": "int64", "span_end": "int64",
    },
    "directives": {
        "doc_id": "string", "ord": "int64", "path": "string", "parent_path": "string", "depth": "int64",
        "label": "string", "addressed_to": "string", "text": "string", "span_start": "int64", "span_end": "int64",
    },
    "addressees": {"doc_id": "string", "ord": "int64", "name": "string"},
    "recipients": {"doc_id": "string", "ord": "int64", "name": "string"},
    "diagnostics": {"doc_id": "string", "ord": "int64", "code": "string", "severity": "string", "message": "string"},
    "errors": {"doc_id": "string", "path": "string", "error": "string", "reason": "string", "message": "string"},
}

Row = dict[str, Any]


def _iso(d: Any) -> Any:
    if d is None:
        return None
    full = d.to_date()
    return full.isoformat() if full else None


def _directive_rows(doc_id: str, nodes: list[Directive], parent: str, depth: int, rows: list[Row]) -> None:
    for i, nd in enumerate(nodes, 1):
        path = f"{parent}.{i}" if parent else str(i)
        rows.append({"doc_id": doc_id, "ord": len(rows), "path": path, "parent_path": parent or None,
                     "depth": depth, "label": nd.label, "addressed_to": nd.addressed_to, "text": nd.text,
                     "span_start": nd.span[0], "span_end": nd.span[1]})
        _directive_rows(doc_id, nd.children, path, depth + 1, rows)


def to_tables(items: Iterable[Union[Dispatch, ErrorRecord]]) -> dict[str, list[Row]]:
    """Flatten parsed documents (and error records) into rows per table, keyed by ``doc_id``."""
    out: dict[str, list[Row]] = {name: [] for name in TABLE_COLUMNS}
    for d in items:
        if isinstance(d, ErrorRecord):
            out["errors"].append({"doc_id": None, "path": d.path, "error": d.error, "reason": d.reason,
                                  "message": d.message})
            continue
        doc_id = d.source.sha256
        dn, sig, arc, date = d.doc_number, d.signature, d.archive, d.issue_date
        out["documents"].append({
            "doc_id": doc_id, "path": d.source.path, "kind": d.source.kind, "pages": d.source.pages,
            "schema_version": d.schema_version, "parser_version": __version__, "motto": d.header.motto,
            "issuer": d.header.issuer, "issuer_parent": d.header.issuer_parent,
            "doc_number_raw": dn.raw if dn else None, "number": dn.number if dn else None,
            "symbol": dn.symbol if dn else None, "type_code": dn.type_code if dn else None,
            "issuer_code": dn.issuer_code if dn else None, "unit_code": dn.unit_code if dn else None,
            "issue_place": d.issue_place, "issue_date": _iso(date), "issue_year": date.year if date else None,
            "issue_month": date.month if date else None, "issue_day": date.day if date else None,
            "doc_type": d.doc_type, "subject": d.subject, "urgency": d.urgency, "confidentiality": d.confidentiality,
            "archive_raw": arc.raw if arc else None, "archive_holders": ", ".join(arc.holders) if arc else None,
            "drafter": arc.drafter if arc else None, "copies": arc.copies if arc else None,
            "signature_authority": sig.authority if sig else None,
            "signature_on_behalf_of": sig.on_behalf_of if sig else None,
            "signature_title": sig.title if sig else None, "signer": sig.name if sig else None,
            "n_references": len(d.references), "n_directives": len(d.directives), "body_chars": len(d.body),
        })
        for i, r in enumerate(d.references):
            out["references"].append({
                "doc_id": doc_id, "ord": i, "type": r.type, "number": r.number, "symbol": r.symbol,
                "date": _iso(r.date), "year": r.date.year if r.date else None, "issuer": r.issuer, "role": r.role,
                "text": r.text, "span_start": r.span[0], "span_end": r.span[1]})
        rows: list[Row] = []
        _directive_rows(doc_id, d.directives, "", 0, rows)
        out["directives"].extend(rows)
        out["addressees"].extend({"doc_id": doc_id, "ord": i, "name": a} for i, a in enumerate(d.addressees))
        out["recipients"].extend({"doc_id": doc_id, "ord": i, "name": a} for i, a in enumerate(d.recipients))
        out["diagnostics"].extend({"doc_id": doc_id, "ord": i, "code": g.code, "severity": g.severity,
                                   "message": g.message} for i, g in enumerate(d.diagnostics))
    return out


class ExtraMissing(RuntimeError):
    """An optional dependency of the warehouse extra is not installed."""


def _need(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ExtraMissing(
            f"this export needs the '{module}' package: pip install \"vn-dispatch[warehouse]\""
        ) from None


def _arrow_table(name: str, rows: list[Row]) -> Any:
    pa = _need("pyarrow")
    types = {"string": pa.string(), "int64": pa.int64()}
    schema = pa.schema([(c, types[t]) for c, t in TABLE_COLUMNS[name].items()])
    cols = {c: [r.get(c) for r in rows] for c in TABLE_COLUMNS[name]}
    return pa.table(cols, schema=schema)


def _replaced_keys(tables: dict[str, list[Row]]) -> tuple[set[str], set[str]]:
    ids = {r["doc_id"] for r in tables["documents"]}
    paths = {r["path"] for r in tables["errors"]}
    return ids, paths


def write_jsonl(tables: dict[str, list[Row]], dest: Union[str, Path]) -> dict[str, int]:
    """One JSON object per row, with its table in ``"table"``; rows of re-parsed documents replaced."""
    dest = Path(dest)
    ids, paths = _replaced_keys(tables)
    kept: list[Row] = []
    if dest.exists():
        for line in dest.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("doc_id") in ids or (row["table"] == "errors" and row.get("path") in paths):
                continue
            kept.append(row)
    with dest.open("w", encoding="utf-8") as f:
        for row in kept:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        for name, rows in tables.items():
            for r in rows:
                f.write(json.dumps({"table": name, **r}, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for row in [*kept, *({"table": n} for n, rs in tables.items() for _ in rs)]:
        counts[row["table"]] = counts.get(row["table"], 0) + 1
    return counts


def write_parquet(tables: dict[str, list[Row]], folder: Union[str, Path]) -> dict[str, int]:
    """A folder of ``<table>.parquet`` files; rows of re-parsed documents replaced."""
    pq = _need("pyarrow.parquet")
    pa = _need("pyarrow")
    pc = _need("pyarrow.compute")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    ids, paths = _replaced_keys(tables)
    counts: dict[str, int] = {}
    for name, rows in tables.items():
        new = _arrow_table(name, rows)
        f = folder / f"{name}.parquet"
        if f.exists():
            old = pq.read_table(f)
            key, drop = ("path", paths) if name == "errors" else ("doc_id", ids)
            mask = pc.invert(pc.is_in(old[key], value_set=pa.array(sorted(k for k in drop if k), type=pa.string())))
            new = pa.concat_tables([old.filter(mask), new])
        pq.write_table(new, f)
        counts[name] = new.num_rows
    return counts


def write_duckdb(tables: dict[str, list[Row]], db_path: Union[str, Path]) -> dict[str, int]:
    """Tables in an embedded DuckDB database; rows of re-parsed documents replaced."""
    duckdb = _need("duckdb")
    ids, paths = _replaced_keys(tables)
    con = duckdb.connect(str(db_path))
    try:
        counts: dict[str, int] = {}
        for name, rows in tables.items():
            cols = ", ".join(f'"{c}" {"BIGINT" if t == "int64" else "VARCHAR"}' for c, t in TABLE_COLUMNS[name].items())
            con.execute(f'CREATE TABLE IF NOT EXISTS "{name}" ({cols})')
            key, drop = ("path", paths) if name == "errors" else ("doc_id", ids)
            drop_list = sorted(k for k in drop if k)
            if drop_list:
                con.execute(f'DELETE FROM "{name}" WHERE "{key}" IN (SELECT unnest(?))', [drop_list])
            if rows:
                arrow = _arrow_table(name, rows)  # noqa: F841 - read by DuckDB's replacement scan
                con.execute(f'INSERT INTO "{name}" SELECT * FROM arrow')
            counts[name] = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        return counts
    finally:
        con.close()


def export(tables: dict[str, list[Row]], dest: Union[str, Path]) -> dict[str, int]:
    """Write to ``*.duckdb``, ``*.parquet`` (a folder) or ``*.jsonl`` by the destination's suffix."""
    s = str(dest).lower()
    if s.endswith(".duckdb") or s.endswith(".db"):
        return write_duckdb(tables, dest)
    if s.endswith(".parquet"):
        return write_parquet(tables, dest)
    if s.endswith(".jsonl"):
        return write_jsonl(tables, dest)
    raise ValueError(f"unknown export destination {dest!r}: use *.duckdb, *.parquet (a folder) or *.jsonl")
