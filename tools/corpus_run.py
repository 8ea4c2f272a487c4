"""Parse every file of a corpus folder; print per-field coverage and any failures.

    python tools/corpus_run.py ../shared/corpus/text [--strict]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import vn_dispatch
from vn_dispatch.errors import DispatchReadError

FIELDS = ["header.issuer", "header.motto", "doc_number", "doc_number.number", "issue_place", "issue_date",
          "doc_type", "subject", "addressees", "references", "directives", "recipients", "archive",
          "signature", "signature.name", "body"]


def _has(d: object, dotted: str) -> bool:
    cur: object = d
    for part in dotted.split("."):
        cur = getattr(cur, part, None)
        if cur is None:
            return False
    return bool(cur) if isinstance(cur, (list, str)) else True


def main() -> int:
    root = Path(sys.argv[1])
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in {".txt", ".md", ".pdf"})
    cov: Counter[str] = Counter()
    errors: list[str] = []
    internal: list[str] = []
    t0 = time.perf_counter()
    for f in files:
        try:
            d = vn_dispatch.parse_file(f)
        except DispatchReadError as exc:
            errors.append(f"{f.name}: {exc.reason}: {exc.message}")
            continue
        except Exception as exc:  # noqa: BLE001
            internal.append(f"{f.name}: UNCAUGHT {type(exc).__name__}: {exc}")
            continue
        for dg in d.diagnostics:
            if dg.code == "internal_error":
                internal.append(f"{f.name}: {dg.message}")
        for fld in FIELDS:
            cov[fld] += _has(d, fld)
    dt = time.perf_counter() - t0
    n = len(files)
    print(f"files: {n}  read errors: {len(errors)}  internal errors: {len(internal)}  time: {dt:.1f}s")
    print("| field | documents with a value | share |\n|---|---:|---:|")
    for fld in FIELDS:
        print(f"| {fld} | {cov[fld]} | {cov[fld] / max(1, n - len(errors)):.2f} |")
    for e in errors[:20]:
        print("read error:", e)
    for e in internal[:40]:
        print("INTERNAL:", e)
    return 1 if internal else 0


if __name__ == "__main__":
    sys.exit(main())
