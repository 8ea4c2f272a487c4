"""Score find_references on the hand-labelled citation table (tests/citation_cases.py).

    python tools/citation_eval.py [-v]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import citation_cases  # noqa: E402

from vn_dispatch.references import find_references  # noqa: E402
from vn_dispatch.text import fold  # noqa: E402


def view(r):
    d = (r.date.year, r.date.month, r.date.day) if r.date else None
    return {"type": r.type, "number": r.number, "symbol": r.symbol, "date": d, "issuer": r.issuer, "role": r.role}


def main() -> int:
    verbose = "-v" in sys.argv
    tp = fp = fn = 0
    attr = {k: [0, 0] for k in ("type", "date", "issuer", "role")}
    exact_rows = 0
    for i, (src, text, exp) in enumerate(citation_cases.CASES):
        got = [view(r) for r in find_references(text, fold(text))]
        key = lambda r: (r["number"], r["symbol"])  # noqa: E731
        gk = {key(r): r for r in got}
        ek = {key(r): r for r in exp}
        tp += len(gk.keys() & ek.keys())
        fp += len(gk.keys() - ek.keys())
        fn += len(ek.keys() - gk.keys())
        row_ok = gk.keys() == ek.keys()
        for k in gk.keys() & ek.keys():
            for a in attr:
                ok = gk[k][a] == ek[k][a]
                attr[a][0] += ok
                attr[a][1] += 1
                row_ok &= ok
        exact_rows += row_ok
        if verbose and not row_ok:
            print(f"[{i}] {src}: {text[:160]}")
            for k in sorted(set(gk) | set(ek), key=str):
                e, g = ek.get(k), gk.get(k)
                if e != g:
                    print(f"    E {e}\n    G {g}")
    neg_fp = 0
    for src, text in citation_cases.NEGATIVES:
        refs = find_references(text, fold(text))
        if refs:
            neg_fp += 1
            if verbose:
                print(f"NEG {src}: {text[:120]} -> {[view(r) for r in refs]}")
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    print(f"rows {len(citation_cases.CASES)}  exact rows {exact_rows} ({exact_rows / len(citation_cases.CASES):.3f})")
    print(f"references (number, symbol): P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f}")
    for a, (c, t) in attr.items():
        print(f"  {a}: {c}/{t} = {c / t if t else 0:.3f}")
    print(f"negatives with a false reference: {neg_fp}/{len(citation_cases.NEGATIVES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
