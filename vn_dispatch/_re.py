"""Compiled patterns, run on the standard library's ``re`` whenever it means the same thing.

``rx(r"\\s+").sub(" ", s)``: one cache keyed on the pattern string (the module-level functions of
``regex`` look the pattern up in their own cache on every call, which costs more than the match
itself on the short strings this library works on).

Why two engines: ``regex`` is needed for a few features (fuzzy matching ``{e<=1}``, set operations,
variable-width look-behind), but a call into it costs about three times as much as a call into
``re`` (1.0 µs against 0.35 µs for a failed match on a short line), and the parser makes a few
hundred calls per document. So ``rx`` rewrites ``\\p{Lu}``, ``\\p{Ll}``, ``\\p{L}``, ``\\p{M}``,
``\\p{N}`` and ``\\p{Co}`` into explicit ranges (generated into ``_uniclass.py`` by
``tools/make_uniclass.py``) and compiles with ``re``; a pattern ``re`` refuses or would read
differently (fuzzy constraints, ``(?V1)``, nested sets: anything ``re`` rejects or warns about)
goes to ``regex`` unchanged. The one difference left: ``regex`` counts a combining mark as a word
character (``\\w``, ``\\b``), ``re`` does not; the parser matches text composed to NFC, where
Vietnamese has no free combining marks. ``tests/test_engine.py`` checks that both engines give the same
matches on every compiled pattern over the fixture texts.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from functools import lru_cache
from typing import Union

import regex

from ._uniclass import CLASSES

Pattern = Union["re.Pattern[str]", "regex.Pattern[str]"]
Match = Union["re.Match[str]", "regex.Match[str]"]

# flags both engines share with the same values
_SHARED_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.UNICODE
# regex-only syntax that re would read as literal text instead of refusing: fuzzy constraints
# ("(?:abc){e<=1}"), version switches
_REGEX_ONLY = re.compile(r"\{[^{}]*\b[eisd]\s*(?:<=?|>=?|=)|\(\?[a-zA-Z]*V[01]|\(\?[a-zA-Z]*[rwfb]")
# patterns ``rx`` compiled on ``re``, with the ``regex`` source they came from (for the engine test)
ON_RE: dict[tuple[str, int], re.Pattern[str]] = {}
_PROPERTY = re.compile(r"\\([pP])\{(\^?)([A-Za-z_]+)\}")


def _translate(pattern: str) -> str | None:
    """``pattern`` with Unicode properties spelled as ranges, or None when ``re`` cannot take it."""
    if _REGEX_ONLY.search(pattern):
        return None
    if "\\p" not in pattern and "\\P" not in pattern:
        return pattern
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\":
            m = _PROPERTY.match(pattern, i)
            if m:
                name = m.group(3)
                ranges = CLASSES.get(name)
                negated = (m.group(1) == "P") != (m.group(2) == "^")
                if ranges is None or (negated and in_class):
                    return None
                if in_class:
                    out.append(ranges)
                else:
                    out.append(("[^" if negated else "[") + ranges + "]")
                i = m.end()
                continue
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
            out.append(c)
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":  # a leading "]" is a literal
                out.append("]")
                i += 1
            continue
        if c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)


@lru_cache(maxsize=2048)
def rx(pattern: str, flags: int = 0) -> Pattern:
    """Compile ``pattern`` (``regex`` syntax) on ``re`` when that is equivalent, else on ``regex``."""
    if not flags & ~_SHARED_FLAGS:
        translated = _translate(pattern)
        if translated is not None:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("error")  # FutureWarning: a set re would read differently
                    compiled = re.compile(translated, flags)
                ON_RE[(pattern, flags)] = compiled
                return compiled
            except (re.error, FutureWarning, DeprecationWarning):
                pass
    return regex.compile(pattern, flags)


def finditer_overlapped(pattern: Pattern, s: str) -> Iterator[Match]:
    """Matches starting at every position (``regex``'s ``overlapped=True``, on either engine)."""
    pos = 0
    n = len(s)
    while pos <= n:
        m = pattern.search(s, pos)
        if m is None:
            return
        yield m
        pos = m.start() + 1


def trie_alternation(phrases: list[str], sep: str = r"\s+") -> str:
    """A non-capturing alternation of ``phrases`` factored as a prefix tree, spaces as ``sep``.

    ``"cong van|cong dien"`` becomes ``"cong\\s+(?:van|dien)"``: the engine compares one character
    per branch point instead of trying every phrase at every position (the type alternation of
    the citation search has about fifty phrases). Longer phrases are tried before their prefixes,
    as in an alternation sorted longest first.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    end = ""  # key marking the end of a phrase (no phrase character is empty)
    for ph in phrases:
        node = trie
        for ch in " ".join(ph.split()):
            node = node.setdefault(ch, {})
        node[end] = {}

    def render(node: dict) -> str:  # type: ignore[type-arg]
        alts = [(sep if ch == " " else re.escape(ch)) + render(child) for ch, child in node.items() if ch != end]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end in node:
            return ("(?:" + body + ")?") if len(alts) == 1 else body + "?"
        return body

    return render(trie) if trie else "(?!)"
