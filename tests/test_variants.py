"""Every variant of a labelled document (TCVN3, VNI bytes, NFD, mojibake, CRLF, no diacritics)
parses to the same fields as the clean document (issue 4). No-diacritics text is compared with
diacritics removed on both sides: its values are printed without them."""

from pathlib import Path

import pytest

import vn_dispatch
from vn_dispatch.eval import _fold_all, predicted_view

FIX = Path(__file__).parent / "fixtures"
VARIANTS = FIX / "variants"
FIELDS = ["header", "doc_number", "issue_place", "issue_date", "doc_type", "subject", "urgency", "confidentiality",
          "addressees", "recipients", "archive", "signature", "directives"]
# TCVN3 has no capitals with tones (the capitals were a separate font): "Ủy" comes back "ủy", so
# text values are compared case-insensitively for that set (numbers, dates and structure exactly).
CASELESS = {"tcvn3"}
# text laid out from a PDF page ("pdftotext -layout" of the PDF fixtures): the issuer's name wraps
# where the PDF wrapped it ("SỞ THÔNG TIN VÀ" / "TRUYỀN THÔNG"), so only its printed lines differ
REWRAPPED = {"layout"}


def _view(d):
    v = predicted_view(d)
    out = {k: v[k] for k in FIELDS}
    for k in ("header", "doc_number", "issue_date", "archive", "signature"):
        if isinstance(out[k], dict):
            out[k] = {kk: vv for kk, vv in out[k].items() if kk not in ("span", "raw")}
            if k == "signature":
                out[k]["chain"] = [{"authority": c["authority"], "title": c["title"]} for c in out[k]["chain"]]
    return out


def _lower(v):
    if isinstance(v, str):
        return v.lower()
    if isinstance(v, list):
        return [_lower(x) for x in v]
    if isinstance(v, dict):
        return {k: _lower(x) for k, x in v.items()}
    return v


# Known: in these two OCR'd scans the signature column is told from the Nơi nhận column by its
# capitals ("- Như trên; KT. VỤ TRƯỞNG ..."); TCVN3 text has lost the toned capitals, so the split fails.
KNOWN = {("tcvn3", "tax-cv-2014-12-05-cv-387805122014bhxhhcmtham-gia"),
         ("tcvn3", "tax-cv-2017-06-12-cv-2548-12062017-tct-khuyen-mai")}


def _cases():
    for kind_dir in sorted(p for p in VARIANTS.iterdir() if p.is_dir()):
        for f in sorted(kind_dir.iterdir()):
            marks = [pytest.mark.xfail(strict=True, reason="TCVN3 lost capitals")] if (kind_dir.name, f.stem) in KNOWN else []
            yield pytest.param(kind_dir.name, f, id=f"{kind_dir.name}:{f.stem}", marks=marks)


@pytest.mark.parametrize("kind,path", list(_cases()))
def test_variant_parses_like_the_clean_document(kind, path):
    clean = _view(vn_dispatch.parse_file(FIX / "docs" / f"{path.stem}.txt"))
    got = _view(vn_dispatch.parse_file(path))
    if kind == "nodiac":
        clean, got = _fold_all(clean), _fold_all(got)
    if kind in CASELESS:
        clean, got = _lower(clean), _lower(got)
    if kind in REWRAPPED:
        for view in (clean, got):
            view["header"].pop("issuer_lines", None)
    assert got == clean
