"""Raise tests/golden_floors.json to the current per-field scores (never lowers a floor).

    python tools/update_floors.py            # after a parser improvement
    python tools/update_floors.py --reset    # after the labelled set itself changed (new documents)
"""

import json
import math
import sys
from pathlib import Path

from vn_dispatch.eval import evaluate

root = Path(__file__).resolve().parent.parent
res = evaluate(root / "tests" / "fixtures" / "golden")
path = root / "tests" / "golden_floors.json"
floors = json.loads(path.read_text(encoding="utf-8")) if path.exists() and "--reset" not in sys.argv else {}
current = {k: v["accuracy"] for k, v in res["fields"].items() if v["accuracy"] is not None}
current["references.f1"] = res["references"]["f1"] or 0.0
for k, v in current.items():
    floors[k] = max(floors.get(k, 0.0), math.floor(v * 1000) / 1000)
path.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
print(json.dumps(floors, indent=1, sort_keys=True))
