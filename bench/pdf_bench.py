"""PDF-path benchmark: pages per second of ``vn_dispatch.parse_file`` against bare extraction.

Measured in the same run, on the same files (the PDF fixtures, and ``../shared/corpus/pdf`` with
``--corpus`` when it is there):

- ``bare pdfplumber``: ``page.extract_text()`` on every page — the baseline of the issue;
- ``bare pypdfium2``: ``textpage.get_text_range()`` on every page — the cheapest text extraction;
- ``parse_file``: the whole parse (layout-aware reading with the default pdfium back end,
  flattening of signature widgets, e-signatures, the text parser, char boxes);
- ``parse (pdfplumber back end)``: the same with ``read_pdf(backend="pdfplumber")``.

Each variant runs ``--rounds`` times over all files, interleaved; the best round counts. The
ratio is ``parse_file`` time over bare pdfplumber time (target: at most 1.3). Peak memory is
``tracemalloc``'s peak for one pass of ``parse_file`` over all files (Python allocations; pdfium's
own C heap is not traced, so the resident set size before and after repeated passes is shown too).

    python bench/pdf_bench.py [--rounds 3] [--corpus]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import vn_dispatch  # noqa: E402
from vn_dispatch.pdf import read_pdf  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"


def files(corpus: bool) -> list[Path]:
    out = sorted(FIXTURES.glob("*.pdf")) + sorted((FIXTURES / "real").glob("*.pdf"))
    if corpus and CORPUS.is_dir():
        out += sorted(CORPUS.glob("*.pdf"))
    return out


def bare_pdfplumber(paths: list[Path]) -> int:
    import pdfplumber

    pages = 0
    for p in paths:
        with pdfplumber.open(p) as pdf:
            for page in pdf.pages:
                page.extract_text()
                pages += 1
                page.close()
    return pages


def bare_pdfium(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    pages = 0
    for p in paths:
        doc = pdfium.PdfDocument(p)
        try:
            for i in range(len(doc)):
                page = doc[i]
                tp = page.get_textpage()
                tp.get_text_range()
                tp.close()
                page.close()
                pages += 1
        finally:
            doc.close()
    return pages


def parse_default(paths: list[Path]) -> int:
    pages = 0
    for p in paths:
        d = vn_dispatch.parse_file(p)
        pages += d.source.pages or 0
    return pages


def parse_plumber(paths: list[Path]) -> int:
    pages = 0
    for p in paths:
        r = read_pdf(p, backend="pdfplumber")
        vn_dispatch.parse(r.text)
        pages += r.pages
    return pages


VARIANTS = {
    "bare pdfplumber extract_text": bare_pdfplumber,
    "bare pypdfium2 get_text_range": bare_pdfium,
    "parse_file (pdfium back end, default)": parse_default,
    "parse (pdfplumber back end)": parse_plumber,
}


def _rss_kb() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(rounds: int = 3, corpus: bool = False) -> dict:
    paths = files(corpus)
    for fn in VARIANTS.values():  # warm up: imports, caches
        fn(paths[:2])
    best: dict[str, float] = {k: float("inf") for k in VARIANTS}
    pages: dict[str, int] = {}
    for _ in range(rounds):
        for name, fn in VARIANTS.items():
            gc.collect()
            t0 = time.perf_counter()
            pages[name] = fn(paths)
            best[name] = min(best[name], time.perf_counter() - t0)
    base = best["bare pdfplumber extract_text"]
    rows = [
        {"variant": k, "pages": pages[k], "seconds": best[k], "pages_per_s": pages[k] / best[k],
         "ratio_vs_pdfplumber": best[k] / base}
        for k in VARIANTS
    ]
    gc.collect()
    tracemalloc.start()
    parse_default(paths)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gc.collect()
    rss0 = _rss_kb()
    for _ in range(5):
        parse_default(paths)
    gc.collect()
    rss1 = _rss_kb()
    return {"files": len(paths), "rows": rows, "tracemalloc_peak_mb": peak / 1e6,
            "rss_before_mb": rss0 / 1024, "rss_after_5_passes_mb": rss1 / 1024}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="PDF parse speed against bare extraction")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--corpus", action="store_true", help="also the PDFs of ../shared/corpus/pdf")
    args = ap.parse_args(argv)
    r = run(args.rounds, args.corpus)
    print(f"## PDF parse throughput ({r['files']} files, best of {args.rounds} rounds)\n")
    print("| variant | pages | seconds | pages/s | time ratio vs bare pdfplumber |")
    print("|---|---:|---:|---:|---:|")
    for row in r["rows"]:
        print(f"| {row['variant']} | {row['pages']} | {row['seconds']:.3f} | {row['pages_per_s']:.1f} | "
              f"{row['ratio_vs_pdfplumber']:.2f} |")
    ratio = next(x["ratio_vs_pdfplumber"] for x in r["rows"] if x["variant"].startswith("parse_file"))
    print(f"\nparse_file / bare pdfplumber = {ratio:.2f} (target <= 1.3: {'met' if ratio <= 1.3 else 'NOT met'})")
    print(f"peak Python memory of one parse_file pass (tracemalloc): {r['tracemalloc_peak_mb']:.1f} MB")
    print(f"resident set: {r['rss_before_mb']:.0f} MB before, {r['rss_after_5_passes_mb']:.0f} MB after 5 more passes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
