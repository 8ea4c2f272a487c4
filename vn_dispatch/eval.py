"""Per-field accuracy of the parser against hand-written golden files.

    python -m vn_dispatch.eval tests/fixtures/golden            # table of per-field scores
    python -m vn_dispatch.eval tests/fixtures/golden -v         # and every mismatch
    python -m vn_dispatch.eval tests/fixtures/golden --json     # machine-readable

A golden file (format in ``tests/fixtures/README.md``) scores only the keys it has. Strings are
compared after NFC and whitespace collapsing; lists must match exactly, in order. References are
scored as a set of (type, number, symbol) keys (precision / recall / F1) and, for the matched
ones, date and issuer accuracy.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, Optional

from .models import Dispatch

SCALAR_FIELDS = [
    "header.motto", "header.issuer", "header.issuer_parent",
    "doc_number.number", "doc_number.symbol", "doc_number.type_code", "doc_number.issuer_code",
    "doc_number.unit_code", "issue_place", "issue_date", "doc_type", "subject", "urgency",
    "confidentiality", "addressees", "recipients", "archive.holders", "archive.drafter",
    "archive.copies", "signature.authority", "signature.on_behalf_of", "signature.title",
    "signature.name", "signature.chain", "directives",
]


def _norm(v: Any) -> Any:
    if isinstance(v, str):
        return " ".join(unicodedata.normalize("NFC", v).split())
    if isinstance(v, list):
        return [_norm(x) for x in v]
    if isinstance(v, dict):
        return {k: _norm(x) for k, x in v.items()}
    return v


def _get(obj: Any, dotted: str) -> tuple[bool, Any]:
    """(present, value) of a dotted key in a nested dict; a null parent gives (True, None)."""
    cur = obj
    for part in dotted.split("."):
        if cur is None:
            return True, None
        if not isinstance(cur, dict) or part not in cur:
            return False, None
        cur = cur[part]
    return True, cur


def _date_tuple(d: Any) -> Any:
    if d is None:
        return None
    return (d.get("year"), d.get("month"), d.get("day"))


def predicted_view(d: Dispatch) -> dict[str, Any]:
    """The parser output in the golden file's shape."""
    data = d.model_dump(mode="json")
    if data.get("signature"):
        data["signature"]["chain"] = [
            {"authority": c["authority"], "title": c["title"]} for c in data["signature"]["chain"]
        ]
    data["directives"] = [x["label"] for x in data["directives"]]
    return data


def _fold_all(v: Any) -> Any:
    from .text import fold

    if isinstance(v, str):
        return fold(v)
    if isinstance(v, list):
        return [_fold_all(x) for x in v]
    if isinstance(v, dict):
        return {k: _fold_all(x) for k, x in v.items()}
    return v


def _cmp_field(field: str, exp: Any, got: Any, folded: bool = False) -> bool:
    if folded:
        exp, got = _fold_all(exp), _fold_all(got)
    if field == "issue_date":
        return bool(_date_tuple(exp) == _date_tuple(got))
    if field == "signature.chain":
        exp = [(c.get("authority"), c.get("title")) for c in (exp or [])]
        got = [(c.get("authority"), c.get("title")) for c in (got or [])]
    if field in ("addressees", "recipients", "archive.holders", "directives", "signature.chain"):
        exp = exp or []
        got = got or []
    return bool(_norm(exp) == _norm(got))


def _ref_key(r: dict[str, Any]) -> tuple[Any, ...]:
    return (_norm(r.get("type")), _norm(r.get("number")), _norm(r.get("symbol")))


def evaluate(golden_dir: Path, parse_fn: Optional[Callable[[Path], Dispatch]] = None,
             transform: Optional[Callable[[str], str]] = None, docs_dir: Optional[Path] = None,
             only_present: bool = False, folded: bool = False) -> dict[str, Any]:
    """Score every golden file in ``golden_dir``; documents are read from ``docs_dir``
    (default ``../docs``) by the golden file's ``source`` name. With ``only_present``, golden
    files whose document is missing from ``docs_dir`` are skipped (variant sets); with ``folded``
    text values are compared without diacritics (the no-diacritics variant set)."""
    from . import parse, parse_file

    docs_dir = docs_dir or golden_dir.parent / "docs"
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    mismatches: list[dict[str, Any]] = []
    ref_tp = ref_fp = ref_fn = 0
    ref_attr: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    files = sorted(golden_dir.glob("*.json"))
    if only_present:
        files = [gf for gf in files if (docs_dir / json.loads(gf.read_text(encoding="utf-8"))["source"]).exists()]
    for gf in files:
        g = json.loads(gf.read_text(encoding="utf-8"))
        exp = g["expected"]
        src = docs_dir / g["source"]
        if parse_fn is not None:
            d = parse_fn(src)
        elif transform is not None:
            d = parse(transform(src.read_text(encoding="utf-8")))
        else:
            d = parse_file(src)
        got = predicted_view(d)
        for field in SCALAR_FIELDS:
            present, ev = _get(exp, field)
            if not present:
                continue
            _, gv = _get(got, field)
            ok = _cmp_field(field, ev, gv, folded)
            totals[field][1] += 1
            if ok:
                totals[field][0] += 1
            else:
                mismatches.append({"doc": gf.stem, "field": field, "expected": ev, "got": gv})
        if "references" in exp:
            exp_refs = {_ref_key(_fold_all(r) if folded else r): r for r in exp["references"]}
            got_refs = {_ref_key(_fold_all(r) if folded else r): r for r in got["references"]}
            tp = exp_refs.keys() & got_refs.keys()
            ref_tp += len(tp)
            ref_fp += len(got_refs.keys() - exp_refs.keys())
            ref_fn += len(exp_refs.keys() - got_refs.keys())
            for k in exp_refs.keys() - got_refs.keys():
                mismatches.append({"doc": gf.stem, "field": "references(missed)", "expected": k, "got": None})
            for k in got_refs.keys() - exp_refs.keys():
                mismatches.append({"doc": gf.stem, "field": "references(extra)", "expected": None, "got": k})
            for k in tp:
                for attr in ("date", "issuer"):
                    e, o = exp_refs[k].get(attr), got_refs[k].get(attr)
                    if attr == "date":
                        ok = _date_tuple(e) == _date_tuple(o)
                    else:
                        ok = _norm(_fold_all(e) if folded else e) == _norm(_fold_all(o) if folded else o)
                    ref_attr[attr][1] += 1
                    ref_attr[attr][0] += int(ok)
                    if not ok:
                        mismatches.append({"doc": gf.stem, "field": f"references.{attr}", "expected": e,
                                           "got": o, "ref": k})
    scores = {f: {"correct": c, "total": t, "accuracy": (c / t if t else None)} for f, (c, t) in totals.items()}
    prec = ref_tp / (ref_tp + ref_fp) if ref_tp + ref_fp else None
    rec = ref_tp / (ref_tp + ref_fn) if ref_tp + ref_fn else None
    f1 = (2 * prec * rec / (prec + rec)) if prec and rec else None
    for attr, (c, t) in ref_attr.items():
        scores[f"references.{attr}"] = {"correct": c, "total": t, "accuracy": c / t if t else None}
    return {
        "documents": len(files),
        "fields": scores,
        "references": {"tp": ref_tp, "fp": ref_fp, "fn": ref_fn, "precision": prec, "recall": rec, "f1": f1},
        "mismatches": mismatches,
    }


def format_table(result: dict[str, Any]) -> str:
    rows = [f"documents: {result['documents']}", "", "| field | correct | total | accuracy |", "|---|---:|---:|---:|"]
    allc = allt = 0
    for field, s in result["fields"].items():
        acc = "-" if s["accuracy"] is None else f"{s['accuracy']:.3f}"
        rows.append(f"| {field} | {s['correct']} | {s['total']} | {acc} |")
        if not field.startswith("references."):
            allc += s["correct"]
            allt += s["total"]
    r = result["references"]
    if r["precision"] is not None or r["recall"] is not None:
        p = "-" if r["precision"] is None else f"{r['precision']:.3f}"
        rc = "-" if r["recall"] is None else f"{r['recall']:.3f}"
        f1 = "-" if r["f1"] is None else f"{r['f1']:.3f}"
        rows.append(f"| references (P/R/F1) | {r['tp']} | {r['tp'] + r['fn']} | {p} / {rc} / {f1} |")
    if allt:
        rows.append(f"| **all scalar/list fields** | {allc} | {allt} | {allc / allt:.3f} |")
    return "\n".join(rows)


STRUCTURAL = ["doc_number.number", "doc_number.symbol", "issue_date", "doc_type", "addressees", "recipients",
              "archive.holders", "signature.authority", "directives"]


def evaluate_variants(golden_dir: Path, variants_dir: Path) -> dict[str, dict[str, Any]]:
    """Scores of each variant set (``variants_dir/<kind>/<source>``) and of the clean documents
    that have variants, field by field."""
    kinds = sorted(p.name for p in variants_dir.iterdir() if p.is_dir())
    first = variants_dir / kinds[0]
    out: dict[str, dict[str, Any]] = {}
    clean_dir = golden_dir.parent / "docs"
    # the clean set restricted to the documents that have variants
    tmp = {p.name for p in first.iterdir()}
    out["clean"] = evaluate(golden_dir, parse_fn=lambda src: _parse_path(clean_dir / src.name),
                            docs_dir=first, only_present=True) if tmp else {}
    for kind in kinds:
        # values of the no-diacritics set are compared without diacritics: they are printed so
        out[kind] = evaluate(golden_dir, docs_dir=variants_dir / kind, only_present=True, folded=kind == "nodiac")
    return out


def _parse_path(p: Path) -> Dispatch:
    from . import parse_file

    return parse_file(p)


def format_variants(res: dict[str, dict[str, Any]]) -> str:
    kinds = list(res)
    fields = list(res["clean"]["fields"])
    rows = ["| field | " + " | ".join(kinds) + " |", "|---|" + "---:|" * len(kinds)]
    for f in fields:
        cells = []
        for k in kinds:
            s = res[k]["fields"].get(f)
            cells.append("-" if not s or s["accuracy"] is None else f"{s['accuracy']:.3f}")
        rows.append(f"| {f} | " + " | ".join(cells) + " |")
    for label, subset in (("all fields", None), ("structural fields", STRUCTURAL)):
        cells = []
        for k in kinds:
            c = t = 0
            for f, s in res[k]["fields"].items():
                if f.startswith("references.") or (subset is not None and f not in subset):
                    continue
                c += s["correct"]
                t += s["total"]
            cells.append(f"{c / t:.3f}" if t else "-")
        rows.append(f"| **{label}** | " + " | ".join(cells) + " |")
    rows.append("| documents | " + " | ".join(str(res[k]["documents"]) for k in kinds) + " |")
    return "\n".join(rows)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m vn_dispatch.eval", description=__doc__.splitlines()[0])
    ap.add_argument("golden", nargs="?", default="tests/fixtures/golden", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="print every mismatch")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--field", help="only show mismatches of fields starting with this")
    ap.add_argument("--variants", type=Path, help="also score the variant sets in this folder (kind/<doc>)")
    args = ap.parse_args(argv)
    if args.variants:
        print(format_variants(evaluate_variants(args.golden, args.variants)))
        return 0
    res = evaluate(args.golden)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1, default=str))
        return 0
    print(format_table(res))
    if args.verbose:
        print()
        for m in res["mismatches"]:
            if args.field and not m["field"].startswith(args.field):
                continue
            print(f"- {m['doc']} :: {m['field']}\n    expected: {m['expected']!r}\n    got:      {m['got']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
