"""Compiled-pattern cache: ``rx(r"\\s+").sub(" ", s)`` instead of ``regex.sub(r"\\s+", " ", s)``.

The module-level functions of ``regex`` look the pattern up in their own cache on every call,
which costs more than the match itself on the short strings this library works on. A
``functools.lru_cache`` keyed on the pattern string is several times cheaper.
"""

from __future__ import annotations

from functools import lru_cache

import regex


@lru_cache(maxsize=1024)
def rx(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    return regex.compile(pattern, flags)
