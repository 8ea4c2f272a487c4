"""Run all benchmarks and print a Markdown report: ``python -m bench.run [--quick]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import text_bench  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer documents")
    ap.add_argument("--compiled", action="store_true", help="also build the mypyc wheel and compare (about 2 min)")
    args = ap.parse_args()
    n = 300 if args.quick else 2000
    print("# vn_dispatch benchmarks\n")
    t = text_bench.throughput(n)
    print("## Text parse throughput (seed-sized dispatches, single process)\n")
    print("| docs | docs/s | p50 ms | p95 ms | p99 ms | baseline (NFC+split) docs/s | time ratio vs baseline |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {t['docs']} | {t['docs_per_s']:.0f} | {t['p50_ms']:.2f} | {t['p95_ms']:.2f} | {t['p99_ms']:.2f} | "
          f"{t['baseline_docs_per_s']:.0f} | {t['ratio_vs_baseline']:.0f}x |\n")
    cold = text_bench.throughput_cold(300 if args.quick else 1000)
    print("Same texts, every line unseen (per-line caches cleared before each parse; CPU time, best of 3):\n")
    print("| docs | docs/s | ms per doc |\n|---:|---:|---:|")
    print(f"| {cold['docs']} | {cold['docs_per_s']:.0f} | {cold['ms_per_doc']:.2f} |\n")
    if args.compiled:
        from bench import compiled_bench

        print("## Compiled build (mypyc) vs pure Python, same texts, same run\n")
        print(compiled_bench.report(500 if args.quick else 2000) + "\n")
    c = text_bench.corpus(100 if args.quick else 400)
    print("## Corpus texts (real documents, 1–150 KB)\n")
    if "skipped" in c:
        print(f"skipped: {c['skipped']}\n")
    else:
        print("| docs | docs/s | KB/s | p50 ms | p95 ms |\n|---:|---:|---:|---:|---:|")
        print(f"| {c['docs']} | {c['docs_per_s']:.0f} | {c['kb_per_s']:.0f} | {c['p50_ms']:.2f} | {c['p95_ms']:.2f} |\n")
    print("## Scaling with document size (CPU time; linear = flat ms/KB)\n")
    print("| bytes | seconds | ms per KB |\n|---:|---:|---:|")
    for r in text_bench.scaling():
        print(f"| {r['bytes']:,} | {r['seconds']:.4f} | {r['ms_per_kb']:.3f} |")
    from bench import batch_bench

    print("\n## Batch over files (parse_many, processes)\n")
    print(batch_bench.report(500 if args.quick else 2000))
    imp = text_bench.import_time()
    print("\n## Import time\n")
    print("| python -c pass | import vn_dispatch | cost of the import |\n|---:|---:|---:|")
    print(f"| {imp['python_s']:.3f} s | {imp['import_vn_dispatch_s']:.3f} s | {imp['import_cost_s']:.3f} s |\n")
    print("## Where the time goes (cumulative seconds, 300 parses)\n")
    print("| stage | seconds |\n|---|---:|")
    for name, sec in text_bench.profile():
        print(f"| {name} | {sec:.3f} |")
    try:
        from bench import pdf_bench  # written with the PDF reader
    except ImportError:
        pdf_bench = None  # type: ignore[assignment]
    if pdf_bench is not None:
        print("\n## PDF (parse_file vs bare pdfplumber extract_text on the same files, same run)\n")
        import contextlib
        import io

        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            pdf_bench.main(["--rounds", "1" if args.quick else "3"])
        print(buf.getvalue().split("\n", 2)[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
