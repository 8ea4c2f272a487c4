"""``rx`` runs a pattern on ``re`` only when ``re`` reads it as ``regex`` does: check it on real text.

Every pattern the parser compiled on ``re`` while parsing the fixtures is run on both engines over
the normalised fixture texts (as printed and folded) and line by line; the matches (spans and
groups) must be the same. (On raw NFD text they differ: ``regex`` counts a combining mark as a word
character, ``re`` does not; the parser only matches text composed to NFC.)
"""

from __future__ import annotations

from pathlib import Path

import regex
from hypothesis import given
from hypothesis import strategies as st

import vn_dispatch
from vn_dispatch._re import ON_RE, _translate, finditer_overlapped, rx
from vn_dispatch.normalize import normalize
from vn_dispatch.text import fold

DOCS = sorted((Path(__file__).parent / "fixtures" / "docs").glob("*.txt"))


def _texts() -> list[str]:
    out = []
    for p in DOCS:
        t = normalize(p.read_text(encoding="utf-8"))[0]  # the parser matches normalised (NFC) text
        out += [t, fold(t)]
    return out


def _matches(p: object, s: str) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    return [(m.span(), m.groups()) for m in p.finditer(s)]  # type: ignore[attr-defined]


def test_engines_agree_on_every_pattern_the_parser_uses() -> None:
    for p in DOCS:
        vn_dispatch.parse(p.read_text(encoding="utf-8"))
    assert len(ON_RE) > 80  # the parser's patterns run on re
    texts = _texts()
    lines = [ln for t in texts for ln in t.splitlines() if ln.strip()]
    bad = []
    for (pattern, flags), fast in ON_RE.items():
        slow = regex.compile(pattern, flags)
        for t in texts:
            if _matches(fast, t) != _matches(slow, t):
                bad.append(pattern[:80])
                break
        else:
            for ln in lines:
                f, s = fast.match(ln), slow.match(ln)
                if (f and (f.span(), f.groups())) != (s and (s.span(), s.groups())):
                    bad.append(pattern[:80])
                    break
    assert bad == []


def test_regex_only_syntax_stays_on_regex() -> None:
    assert isinstance(rx(r"(?:cong van){e<=1}"), regex.Pattern)  # fuzzy
    assert isinstance(rx(r"(?V1)[[a-z]--[aeiou]]"), regex.Pattern)  # set difference
    assert isinstance(rx(r"(?<=\d+)x"), regex.Pattern)  # variable-width look-behind
    assert isinstance(rx(r"[^\P{Lu}]"), regex.Pattern)  # negated property inside a class
    assert not isinstance(rx(r"\p{Lu}\p{Ll}+"), regex.Pattern)


def test_property_translation() -> None:
    assert _translate(r"[\p{Lu}\d]x") is not None
    p = rx(r"^[\p{Lu}\d]+\p{Ll}+$")
    assert p.match("ĐỒNG1ý") and p.match("ƯƠ2ờ")
    assert not p.match("đồng") and not p.match("Đ-ý")
    assert rx(r"\P{L}+").fullmatch("12 ,.")
    assert rx(r"\p{L}+").fullmatch("Nghị") and not rx(r"\p{L}+").fullmatch("Nghị1")


def test_overlapped_matches_like_regex() -> None:
    s = "Số: 12/QĐ-UBND Số 13/KH-UBND"
    pat = r"\d+/\S+"
    want = [m.span() for m in regex.finditer(pat, s, overlapped=True)]
    assert [m.span() for m in finditer_overlapped(rx(pat), s)] == want


def test_whitespace_table_is_what_isspace_accepts() -> None:
    import sys

    from vn_dispatch.text import WHITESPACE

    assert set(WHITESPACE) == {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}


def test_only_the_space_is_a_printable_blank() -> None:
    """``text.clean``'s fast path rests on this: a printable string has no blank but the space."""
    import sys

    assert [c for c in range(sys.maxunicode + 1) if chr(c).isspace() and chr(c).isprintable()] == [0x20]


@given(st.text(alphabet=st.sampled_from(list(" \n\t\r\xa0\u2003*aÁđ.,;")), max_size=60) | st.text(max_size=60))
def test_clean_equals_split_and_join(s: str) -> None:
    from vn_dispatch.text import clean

    assert clean(s) == " ".join(s.replace("**", "").split())


def _upper_by_count(s: str, min_letters: int) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= min_letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


@given(st.text(alphabet=st.sampled_from(list("SỞTHÔNGsởthông 1.-:ǅªⓐ\u4e00ßÐđ")), max_size=30) | st.text(max_size=30),
       st.integers(min_value=0, max_value=3))
def test_is_upper_text_shortcuts_agree_with_the_count(s: str, min_letters: int) -> None:
    """``text.is_upper_text``'s ``islower``/``isupper`` shortcuts give the letter count's answer,
    caseless letters (CJK), titlecase and circled letters included."""
    from vn_dispatch.text import is_upper_text

    assert is_upper_text(s, min_letters) == _upper_by_count(s, min_letters)


def test_fuzzy_piece_filter_never_hides_a_match() -> None:
    """``segment._Fuzzy``'s piece count is a necessary condition: every string within the allowed
    errors of a motto key keeps enough of its pieces (random edits of the keys)."""
    import random

    from vn_dispatch.segment import _MOTTO_RES, _TAGLINE_RE, _Fuzzy

    rnd = random.Random(7)
    letters = "abcdeghiklmnopqrstuvxy"
    fuzzies: list[_Fuzzy] = [fz for _, fz in _MOTTO_RES] + [_TAGLINE_RE]
    for fz in fuzzies:
        for _ in range(300):
            s = list(fz.key)
            for _ in range(rnd.randint(0, fz.errors)):
                op, i = rnd.choice("sid"), rnd.randrange(len(s))
                if op == "s":
                    s[i] = rnd.choice(letters)
                elif op == "i":
                    s.insert(i, rnd.choice(letters))
                elif len(s) > 1:
                    del s[i]
            line = "xx" + "".join(s) + "yy"
            assert fz.pattern.search(line) is not None
            assert sum(p in line for p in fz.pieces) >= len(fz.pieces) - fz.errors


@given(st.text(alphabet=st.sampled_from(list("abđưivx ).:\t1Aẩ")), min_size=1, max_size=12))
def test_letter_label_precheck_never_hides_a_label(s: str) -> None:
    """``directives._may_open_letter_label`` only rules out lines ``_LABEL`` cannot match."""
    from vn_dispatch.directives import _LABEL, _may_open_letter_label

    stripped = s.strip()
    if stripped and stripped[0].islower() and _LABEL.match(s):
        assert _may_open_letter_label(stripped)
