"""Command line: ``vn-dispatch parse PATH... [--format json|jsonl|csv|table] [--workers N]``,
``vn-dispatch export PATH... --to out.duckdb|out.parquet|out.jsonl``, ``vn-dispatch schema``,
``vn-dispatch demo`` (parses the bundled example dispatch), ``vn-dispatch check PATH... [--format text|json]``
(format checker; exit 0 no error finding, 1 error findings, 2 unreadable file).

A file that cannot be read becomes an error record ``{"path", "error", "reason", "message"}`` in
the output and a line on stderr; the batch goes on and the exit code is 1 if any file failed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any, Optional

from ._version import __version__


def _iter_paths(paths: list[str], recursive: bool) -> Iterator[Path]:
    """``batch.iter_paths``, then one line on stderr naming the folders' files of other types."""
    from collections import Counter

    from .batch import SUFFIXES, iter_paths

    skipped: list[Path] = []
    yield from iter_paths(paths, recursive, skipped)
    if skipped:
        kinds = Counter(f.suffix.lower() or "(no extension)" for f in skipped)
        listed = ", ".join(f"{k} x{n}" for k, n in kinds.most_common())
        print(f"vn-dispatch: skipped {len(skipped)} file(s) of other types in the folders ({listed}); "
              f"read: {' '.join(sorted(SUFFIXES))}", file=sys.stderr)


def _record(path: str, exc: Exception) -> dict[str, Any]:
    return {"path": path, "error": type(exc).__name__, "reason": getattr(exc, "reason", None),
            "message": str(exc)}


def _progress(items: Iterator[Any], total: int, enabled: bool) -> Iterator[Any]:
    """A tqdm progress bar on stderr when it is a terminal; nothing when piped or asked quiet."""
    if not enabled or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return iter(tqdm(items, total=total, unit="doc", file=sys.stderr))


_TABLE_COLS = ("file", "số/ký hiệu", "ngày", "loại", "trích yếu", "người ký", "chẩn đoán")


def _table_row(item: Any) -> list[str]:
    from .batch import ErrorRecord

    if isinstance(item, ErrorRecord):
        return [Path(item.path).name, "-", "-", "-", f"ERROR {item.reason}: {item.message}"[:60], "-", "-"]
    d = item
    dn = d.doc_number
    date = d.issue_date
    when = "-" if date is None else "/".join("..." if v is None else f"{v:02d}" for v in (date.day, date.month)) + (
        f"/{date.year}" if date.year else "")
    sig = d.signature
    warn = sum(1 for g in d.diagnostics if g.severity != "info")
    number = "-" if dn is None else (dn.raw.split(":", 1)[-1] if ":" in dn.raw else dn.raw[2:]).strip()
    return [Path(d.source.path or "-").name, number, when, d.doc_type or "-", (d.subject or "-")[:48],
            (sig.name or sig.title or "-") if sig else "-", f"{warn} warn" if warn else "ok"]


def _format_table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [list(_TABLE_COLS), *rows]) for i in range(len(_TABLE_COLS))]
    line = "  ".join(c.ljust(w) for c, w in zip(_TABLE_COLS, widths))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    return "\n".join(out)


def cmd_parse(args: argparse.Namespace) -> int:
    import csv

    from . import parse
    from .batch import ErrorRecord, parse_many
    from .export import TABLE_COLUMNS, to_tables

    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    failed = 0
    try:
        if args.paths == ["-"]:
            items: Iterator[Any] = iter([parse(sys.stdin.read())])
            total = 1
        else:
            files = [str(f) for f in _iter_paths(args.paths, args.recursive)]
            total = len(files)
            items = parse_many(files, workers=args.workers)
        items = _progress(items, total, not args.quiet)
        records: list[Any] = []
        writer = None
        if args.format == "csv":
            cols = list(TABLE_COLUMNS["documents"]) + ["error", "reason", "message"]
            writer = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore")
            writer.writeheader()
        for item in items:
            if isinstance(item, ErrorRecord):
                failed += 1
                print(f"vn-dispatch: {item.message}", file=sys.stderr)
            if args.format == "jsonl":
                rec = item.model_dump(mode="json", exclude=None if isinstance(item, ErrorRecord)
                                      else set(args.exclude or []))
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            elif args.format == "csv" and writer is not None:
                if isinstance(item, ErrorRecord):
                    writer.writerow({"path": item.path, "error": item.error, "reason": item.reason,
                                     "message": item.message})
                else:
                    writer.writerow(to_tables([item])["documents"][0])
            else:
                records.append(item)
        if args.format == "json":
            recs = [r.model_dump(mode="json", exclude=None if isinstance(r, ErrorRecord) else set(args.exclude or []))
                    for r in records]
            out.write(json.dumps(recs[0] if len(recs) == 1 else recs, ensure_ascii=False, indent=2) + "\n")
        elif args.format == "table":
            out.write(_format_table([_table_row(r) for r in records]) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failed else 0


def cmd_export(args: argparse.Namespace) -> int:
    from .batch import ErrorRecord, parse_many
    from .export import ExtraMissing, export, to_tables

    files = [str(f) for f in _iter_paths(args.paths, args.recursive)]
    items = list(_progress(parse_many(files, workers=args.workers), len(files), not args.quiet))
    for it in items:
        if isinstance(it, ErrorRecord):
            print(f"vn-dispatch: {it.message}", file=sys.stderr)
    try:
        counts = export(to_tables(items), args.to)
    except ExtraMissing as exc:
        print(f"vn-dispatch: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"vn-dispatch: {exc}", file=sys.stderr)
        return 2
    print(json.dumps({"destination": args.to, "rows": counts}, ensure_ascii=False))
    return 1 if any(isinstance(it, ErrorRecord) for it in items) else 0


def cmd_schema(_: argparse.Namespace) -> int:
    from .models import Dispatch

    print(json.dumps(Dispatch.model_json_schema(), ensure_ascii=False, indent=2))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from . import parse

    ref = resources.files("vn_dispatch") / "examples" / "cong-van-stttt-lang-son.txt"
    d = parse(ref.read_text(encoding="utf-8"))
    data = d.model_dump(mode="json", exclude={"text", "body"} if not args.full else set())
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Check files against their rulebook (NĐ 30/2020, HD 36 + QĐ 66, HD 29): exit 0 when no
    finding is an error, 1 when any is, 2 when a file cannot be read."""
    from . import parse, parse_file
    from .check import check, format_text
    from .errors import DispatchReadError

    color = args.format == "text" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    errors = unreadable = False
    records: list[dict[str, Any]] = []
    for p in (["-"] if args.paths == ["-"] else list(_iter_paths(args.paths, args.recursive))):
        try:
            d = parse(sys.stdin.read()) if str(p) == "-" else parse_file(p)
        except DispatchReadError as exc:
            unreadable = True
            print(f"vn-dispatch: {exc}", file=sys.stderr)
            records.append(_record(str(p), exc))
            continue
        rep = check(d)
        errors = errors or rep.has_errors
        if args.format == "json":
            records.append(rep.model_dump(mode="json"))
        else:
            print(format_text(rep, color=color) + "\n")
    if args.format == "json":
        payload: Any = records[0] if len(records) == 1 else records
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    return 2 if unreadable else (1 if errors else 0)


def _build_note() -> str:
    from . import is_compiled

    return " (compiled with mypyc)" if is_compiled() else ""


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="vn-dispatch", description="Vietnamese administrative documents as data")
    ap.add_argument("--version", action="version", version=f"vn-dispatch {__version__}{_build_note()}")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("parse", help="parse files or folders ('-' for standard input)")
    p.add_argument("paths", nargs="+")
    p.add_argument("--format", choices=["json", "jsonl", "csv", "table"], default="json",
                   help="json (default), jsonl (one document a line), csv (one row a document), table (for people)")
    p.add_argument("-w", "--workers", type=int, default=1, help="parse with N processes (order is kept)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.add_argument("-r", "--recursive", action="store_true", help="descend into sub-folders")
    p.add_argument("--exclude", nargs="*", help="top-level fields to leave out, e.g. text body")
    p.set_defaults(fn=cmd_parse)
    ex = sub.add_parser("export", help="parse and load flattened tables into DuckDB, Parquet or JSONL")
    ex.add_argument("paths", nargs="+")
    ex.add_argument("--to", required=True, help="*.duckdb (a database), *.parquet (a folder of tables) or *.jsonl")
    ex.add_argument("-r", "--recursive", action="store_true", help="descend into sub-folders")
    ex.add_argument("-w", "--workers", type=int, default=1, help="parse with N processes")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ex.set_defaults(fn=cmd_export)
    s = sub.add_parser("schema", help="print the JSON Schema of the output")
    s.set_defaults(fn=cmd_schema)
    dm = sub.add_parser("demo", help="parse the bundled example dispatch and print it")
    dm.add_argument("--full", action="store_true", help="include text and body")
    dm.set_defaults(fn=cmd_demo)
    ck = sub.add_parser("check", help="check documents against NĐ 30/2020 (state), HD 36 (Party) or HD 29 (Đoàn)")
    ck.add_argument("paths", nargs="+")
    ck.add_argument("--format", choices=["text", "json"], default="text")
    ck.add_argument("-r", "--recursive", action="store_true", help="descend into sub-folders")
    ck.set_defaults(fn=cmd_check)
    args = ap.parse_args(argv)
    try:
        return int(args.fn(args))
    except BrokenPipeError:
        # the reader went away ("vn-dispatch parse ... | head"): stop quietly as Unix tools do; stdout
        # is pointed at devnull so that the interpreter's last flush does not fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
