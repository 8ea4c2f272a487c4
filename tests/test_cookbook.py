"""The cookbook's recipes, run for real in local mode."""

from pathlib import Path

import pytest

import vn_dispatch
from vn_dispatch.batch import parse_many
from vn_dispatch.export import to_tables

FIX = Path(__file__).parent / "fixtures" / "docs"


def test_pandas_recipe():
    pd = pytest.importorskip("pandas")
    tables = to_tables(parse_many([FIX], workers=1))
    docs = pd.DataFrame(tables["documents"])
    assert len(docs) == len(list(FIX.glob("*.txt")))
    top = docs.groupby("issuer")["doc_id"].count()
    assert top.sum() == docs["issuer"].notna().sum()


def test_dask_bag_recipe():
    db = pytest.importorskip("dask.bag")

    def parse_one(path: str) -> dict:
        try:
            return {"ok": True, "rows": to_tables([vn_dispatch.parse_file(path)])}
        except vn_dispatch.DispatchReadError as exc:
            return {"ok": False, "error": {"path": path, "reason": exc.reason}}

    paths = [str(p) for p in sorted(FIX.glob("seed-*.txt"))] + [str(FIX / "missing.txt")]
    bag = db.from_sequence(paths, npartitions=2)
    results = bag.map(parse_one).compute(scheduler="synchronous")
    docs = [r["rows"]["documents"][0] for r in results if r["ok"]]
    errors = [r["error"] for r in results if not r["ok"]]
    assert [d["signer"] for d in docs] == ["Lê Hải Yến", "Lê Chí Công", "Mai Thoan", "Tô Thị Trang", "Lê Hải Yến"]
    assert errors == [{"path": str(FIX / "missing.txt"), "reason": "not_found"}]
