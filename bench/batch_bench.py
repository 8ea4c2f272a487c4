"""Batch throughput over files: documents/s with 1 and 2 worker processes, against reading the
same files (read + decode + NFC) in the same run."""

from __future__ import annotations

import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures" / "docs"


def run(n_docs: int = 2000) -> list[dict[str, Any]]:
    from vn_dispatch.batch import parse_many

    seeds = [p.read_bytes() for p in sorted(FIX.glob("seed-*.txt"))]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(n_docs):
            (folder / f"doc-{i:05d}.txt").write_bytes(seeds[i % len(seeds)] + f"\n\nGhi chú {i}.".encode())
        files = sorted(str(p) for p in folder.iterdir())
        t = time.perf_counter()
        for f in files:
            unicodedata.normalize("NFC", Path(f).read_bytes().decode("utf-8"))
        base = time.perf_counter() - t
        for workers in (1, 2):
            t = time.perf_counter()
            n = sum(1 for _ in parse_many(files, workers=workers, chunksize=32))
            dt = time.perf_counter() - t
            rows.append({"workers": workers, "docs": n, "docs_per_s": n / dt, "read_only_docs_per_s": n_docs / base,
                         "ratio_vs_read": dt / base})
    return rows


def report(n_docs: int = 2000) -> str:
    lines = ["| workers | docs | docs/s | read-only docs/s | time ratio vs read |", "|---:|---:|---:|---:|---:|"]
    for r in run(n_docs):
        lines.append(f"| {r['workers']} | {r['docs']} | {r['docs_per_s']:.0f} | {r['read_only_docs_per_s']:.0f} | "
                     f"{r['ratio_vs_read']:.0f}x |")
    return "\n".join(lines)
