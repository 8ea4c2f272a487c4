"""Table-driven test of the citation extractor on 221 hand-labelled real strings (citation_cases.py).

Each row compares the set of references keyed by (number, symbol) and, for each, type, date,
issuer and role. Rows in KNOWN_MISSES are real gaps of the extractor at this point (issuer names
cut by OCR or unusual wording, roles in long mixed sentences, lists without type words, ...):
they are strict xfails, so a row that starts passing makes the suite say so and must be removed
from the set. Aggregate floors keep the overall scores from regressing.
"""

import pytest
from citation_cases import CASES, NEGATIVES

from vn_dispatch.references import find_references
from vn_dispatch.text import fold

# (212: the diplomatic formula "... kính chào ... và hân hạnh phúc đáp công hàm số ..." replies,
# but its keyword stands inside the sentence, where "X có công văn số ... trả lời công văn số ..." does not)
# (214: a blank line inside the sender's name, "của Công ty" / "" / "TNHH Sungshin Vina": one letter in the corpus)
KNOWN_MISSES = {12, 41, 42, 61, 63, 66, 70, 73, 77, 103, 119, 132, 133, 174, 212, 214}


def _view(r):
    d = (r.date.year, r.date.month, r.date.day) if r.date else None
    return {"type": r.type, "number": r.number, "symbol": r.symbol, "date": d, "issuer": r.issuer, "role": r.role}


def _key(r):
    return (r["number"], r["symbol"])


def _params():
    for i, (src, text, exp) in enumerate(CASES):
        marks = [pytest.mark.xfail(strict=True, reason="known miss, see module docstring")] if i in KNOWN_MISSES else []
        yield pytest.param(text, exp, id=f"{i}-{src}", marks=marks)


@pytest.mark.parametrize("text,expected", list(_params()))
def test_citation_row(text, expected):
    got = {_key(r): r for r in (_view(r) for r in find_references(text, fold(text)))}
    assert got == {_key(r): r for r in expected}


@pytest.mark.parametrize("text", [t for _, t in NEGATIVES])
def test_not_a_citation(text):
    assert find_references(text, fold(text)) == []


def test_aggregate_scores():
    tp = fp = fn = 0
    attr_ok = attr_n = 0
    for _, text, exp in CASES:
        got = {_key(r): r for r in (_view(r) for r in find_references(text, fold(text)))}
        ek = {_key(r): r for r in exp}
        tp += len(got.keys() & ek.keys())
        fp += len(got.keys() - ek.keys())
        fn += len(ek.keys() - got.keys())
        for k in got.keys() & ek.keys():
            for a in ("type", "date", "issuer", "role"):
                attr_ok += got[k][a] == ek[k][a]
                attr_n += 1
    assert tp / (tp + fp) >= 0.99 and tp / (tp + fn) >= 0.97
    assert attr_ok / attr_n >= 0.98
