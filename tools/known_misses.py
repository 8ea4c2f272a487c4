"""Print the indices of tests/citation_cases.py rows the extractor does not get exactly right
(the KNOWN_MISSES set of tests/test_citations.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from citation_cases import CASES  # noqa: E402
from test_citations import _key, _view  # noqa: E402

from vn_dispatch.references import find_references  # noqa: E402
from vn_dispatch.text import fold  # noqa: E402

misses = []
for i, (_, text, exp) in enumerate(CASES):
    got = {_key(r): r for r in (_view(r) for r in find_references(text, fold(text)))}
    if got != {_key(r): r for r in exp}:
        misses.append(i)
print(len(misses), "{" + ", ".join(map(str, misses)) + "}")
