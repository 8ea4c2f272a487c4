"""Command line: ``vn-dispatch parse PATH... [--format json|jsonl]``, ``vn-dispatch schema``,
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

SUFFIXES = {".txt", ".md", ".markdown", ".pdf"}


def _iter_paths(paths: list[str], recursive: bool) -> Iterator[Path]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            it = path.rglob("*") if recursive else path.iterdir()
            for f in sorted(it):
                if f.is_file() and f.suffix.lower() in SUFFIXES:
                    yield f
        else:
            yield path


def _record(path: str, exc: Exception) -> dict[str, Any]:
    return {"path": path, "error": type(exc).__name__, "reason": getattr(exc, "reason", None),
            "message": str(exc)}


def cmd_parse(args: argparse.Namespace) -> int:
    from . import parse, parse_file
    from .errors import DispatchReadError

    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    failed = 0
    records: list[dict[str, Any]] = []
    try:
        for p in (["-"] if args.paths == ["-"] else list(_iter_paths(args.paths, args.recursive))):
            try:
                if str(p) == "-":
                    d = parse(sys.stdin.read())
                else:
                    d = parse_file(p)
                rec = d.model_dump(mode="json", exclude=set(args.exclude or []))
            except DispatchReadError as exc:
                failed += 1
                rec = _record(str(p), exc)
                print(f"vn-dispatch: {exc}", file=sys.stderr)
            if args.format == "jsonl":
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            else:
                records.append(rec)
        if args.format == "json":
            payload: Any = records[0] if len(records) == 1 else records
            out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failed else 0


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


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="vn-dispatch", description="Vietnamese administrative documents as data")
    ap.add_argument("--version", action="version", version=f"vn-dispatch {__version__}")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("parse", help="parse files or folders ('-' for standard input)")
    p.add_argument("paths", nargs="+")
    p.add_argument("--format", choices=["json", "jsonl"], default="json")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.add_argument("-r", "--recursive", action="store_true", help="descend into sub-folders")
    p.add_argument("--exclude", nargs="*", help="top-level fields to leave out, e.g. text body")
    p.set_defaults(fn=cmd_parse)
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
    return int(args.fn(args))


if __name__ == "__main__":
    sys.exit(main())
