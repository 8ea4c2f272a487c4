"""The compiled build (mypyc, see setup.py) against the pure-Python package, in the same run.

    python -m bench.compiled_bench [--docs 2000]

Builds a wheel with ``VN_DISPATCH_COMPILE=1`` into a temporary folder (about 100 s; needs mypy and
a C compiler), unpacks it, then measures single-process throughput of both packages on the same
texts (seed documents, each made unique), each in its own interpreter, CPU time, best of 5 rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_MEASURE = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import vn_dispatch
from vn_dispatch import segment
docs = int(sys.argv[3])
base = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("seed-*.txt"))]
texts = [base[i % len(base)] + f"\n\nGhi chú {i}." for i in range(docs + 100)]
for t in texts[:100]:
    vn_dispatch.parse(t)
best = 0.0
per = docs // 5
for r in range(5):
    chunk = texts[100 + r * per : 100 + (r + 1) * per]
    t0 = time.process_time()
    for t in chunk:
        vn_dispatch.parse(t)
    best = max(best, len(chunk) / (time.process_time() - t0))
print(json.dumps({"docs_per_s": best, "compiled": not segment.__file__.endswith(".py")}))
"""


def _measure(path: Path, docs: int) -> dict[str, object]:
    fixtures = ROOT / "tests" / "fixtures" / "docs"
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(path), str(fixtures), str(docs)],
                         capture_output=True, text=True, check=True, cwd=tempfile.gettempdir())
    return json.loads(out.stdout)


def run(docs: int = 2000) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "VN_DISPATCH_COMPILE": "1"}
        build = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-build-isolation", "--no-deps",
                                "-w", tmp, str(ROOT)], capture_output=True, text=True, env=env)
        wheels = list(Path(tmp).glob("*.whl"))
        if build.returncode != 0 or not wheels:
            return {"skipped": "the compiled wheel did not build (needs mypy, wheel and a C compiler): "
                               + (build.stderr.strip().splitlines() or ["?"])[-1]}
        unpacked = Path(tmp) / "pkg"
        with zipfile.ZipFile(wheels[0]) as z:
            z.extractall(unpacked)
        pure = _measure(ROOT, docs)
        compiled = _measure(unpacked, docs)
    return {"pure": pure, "compiled": compiled,
            "speedup": float(compiled["docs_per_s"]) / float(pure["docs_per_s"])}  # type: ignore[arg-type]


def report(docs: int = 2000) -> str:
    r = run(docs)
    if "skipped" in r:
        return f"skipped: {r['skipped']}"
    pure, comp = r["pure"], r["compiled"]
    assert isinstance(pure, dict) and isinstance(comp, dict)
    return ("| build | docs/s (CPU time, best of 5) | modules compiled |\n|---|---:|---|\n"
            f"| pure Python (default install) | {pure['docs_per_s']:.0f} | {pure['compiled']} |\n"
            f"| mypyc (VN_DISPATCH_COMPILE=1) | {comp['docs_per_s']:.0f} | {comp['compiled']} |\n\n"
            f"compiled / pure = {r['speedup']:.2f}x")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    print(report(ap.parse_args().docs))
