"""Text-path benchmarks: throughput, latency percentiles, scaling with size, import time.

Every figure comes with a baseline measured in the same run:
- throughput and latency against a baseline of reading + NFC-normalising + splitting the same texts
  (the unavoidable floor of any parser over the same input);
- scaling: time per KB at 1 KB .. 1 MB (linear means the ratio stays flat);
- import time against ``python -c pass``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures" / "docs"


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(FIX.glob("seed-*.txt"))]


def throughput(n_docs: int = 2000) -> dict[str, Any]:
    import vn_dispatch

    base = _texts()
    texts = [base[i % len(base)] + f"\n\nGhi chú {i}." for i in range(n_docs)]  # unique: no warm caches
    vn_dispatch.parse(base[0])
    lat = []
    t0 = time.perf_counter()
    for t in texts:
        s = time.perf_counter()
        vn_dispatch.parse(t)
        lat.append(time.perf_counter() - s)
    total = time.perf_counter() - t0
    b0 = time.perf_counter()
    for t in texts:
        unicodedata.normalize("NFC", t).splitlines()
    baseline = time.perf_counter() - b0
    lat.sort()
    return {
        "docs": n_docs,
        "docs_per_s": n_docs / total,
        "p50_ms": 1000 * lat[len(lat) // 2],
        "p95_ms": 1000 * lat[int(len(lat) * 0.95)],
        "p99_ms": 1000 * lat[int(len(lat) * 0.99)],
        "baseline_docs_per_s": n_docs / baseline,
        "ratio_vs_baseline": total / baseline,
    }


def throughput_cold(n_docs: int = 500) -> dict[str, Any]:
    """Documents none of whose lines was seen before: the per-line caches (motto, tagline, số/date/
    title tests, short folds) are cleared before every parse. The repeated seeds of ``throughput``
    find most of their lines cached; an archive repeats its boilerplate lines (mottos, Nơi nhận,
    titles) but not its bodies, so typical throughput lies between the two figures."""
    import vn_dispatch
    from vn_dispatch import segment, text

    caches = [segment._motto_in, segment._tagline_in, segment._cached, text._fold_short]
    base = _texts()
    texts = [base[i % len(base)] + f"\n\nGhi chú {i}." for i in range(n_docs)]
    vn_dispatch.parse(base[0])
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for t in texts:
            for c in caches:
                c.cache_clear()
            vn_dispatch.parse(t)
        best = min(best, time.process_time() - t0)
    return {"docs": n_docs, "docs_per_s": n_docs / best, "ms_per_doc": 1000 * best / n_docs}


def corpus(limit: int = 400) -> dict[str, Any]:
    import vn_dispatch

    root = ROOT.parent / "shared" / "corpus" / "text"
    files = sorted(root.glob("*.txt"))[:limit]
    if not files:
        return {"skipped": "no corpus beside the repository"}
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    lat = []
    for t in texts:
        s = time.perf_counter()
        vn_dispatch.parse(t)
        lat.append(time.perf_counter() - s)
    lat.sort()
    kb = sum(len(t) for t in texts) / 1000
    return {"docs": len(texts), "docs_per_s": len(texts) / sum(lat), "kb_per_s": kb / sum(lat),
            "p50_ms": 1000 * lat[len(lat) // 2], "p95_ms": 1000 * lat[int(len(lat) * 0.95)]}


def scaling() -> list[dict[str, Any]]:
    import vn_dispatch

    unit = _texts()[1]
    rows = []
    for size in (1_000, 10_000, 100_000, 1_000_000):
        text = (unit * (size // len(unit) + 1))[:size]
        best = min(_cpu(vn_dispatch.parse, text) for _ in range(3 if size < 1_000_000 else 1))
        rows.append({"bytes": size, "seconds": best, "ms_per_kb": 1000 * best / (size / 1000)})
    return rows


def _cpu(fn: Any, arg: Any) -> float:
    s = time.process_time()
    fn(arg)
    return time.process_time() - s


def import_time(repeat: int = 5) -> dict[str, float]:
    def run(code: str) -> float:
        vals = []
        for _ in range(repeat):
            s = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            vals.append(time.perf_counter() - s)
        return statistics.median(vals)

    bare = run("pass")
    imp = run("import vn_dispatch")
    return {"python_s": bare, "import_vn_dispatch_s": imp, "import_cost_s": imp - bare}


def profile(n: int = 300) -> list[tuple[str, float]]:
    """Where the time goes: cumulative seconds per pipeline stage module."""
    import cProfile
    import pstats

    import vn_dispatch

    base = _texts()
    pr = cProfile.Profile()
    pr.enable()
    for i in range(n):
        vn_dispatch.parse(base[i % len(base)] + f" {i}")
    pr.disable()
    st = pstats.Stats(pr)
    out: dict[str, float] = {}
    for (file, _line, func), (_cc, _nc, _tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        if "vn_dispatch" in file and func in {"normalize", "find_zones", "extract_header", "extract_opening",
                                              "extract_closing", "extract_directives", "find_references",
                                              "find_number", "find_place_date"}:
            out[f"{Path(file).stem}.{func}"] = out.get(f"{Path(file).stem}.{func}", 0) + ct
    return sorted(out.items(), key=lambda kv: -kv[1])
