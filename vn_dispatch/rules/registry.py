"""The rule registry: one small function per rule, registered with its metadata.

A rule is a function ``fn(ctx) -> Iterable[Hit]``; each ``Hit`` becomes a ``Finding`` carrying the
rule's code, severity and source. One function may be registered for several rule sets (stacked
``@rule`` decorators, one code per rule set), e.g. ``ND30.ISSUER.PRESENT`` and
``HD36.ISSUER.PRESENT`` share the check but cite different rulebooks::

    @rule("ND30.ISSUER.PRESENT", "state", "error", "NĐ 30/2020, Điều 8.2.b; Phụ lục I, II.2",
          "issuing body (tên cơ quan ban hành) present")
    def issuer_present(ctx: Context) -> Iterator[Hit]:
        if ctx.d.header.issuer is None:
            yield Hit(None, "Thiếu tên cơ quan ban hành.", "The issuing body is missing.")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, NamedTuple, Optional

import regex

from ..models import Dispatch, DocNumber, Span
from ..tables import DOC_TYPES
from ..text import Line, fold, split_lines

RuleSet = Literal["state", "party", "youth"]
Severity = Literal["error", "warning", "info"]
Confidence = Literal["P", "S", "O"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}

# Rulebooks cited in ``source``.
ND30 = "NĐ 30/2020"
HD36 = "HD 36-HD/VPTW"
QD66 = "QĐ 66-QĐ/TW"
HD29 = "HD 29-HD/TWĐTN-VP"
LAW_VBQPPL = "Luật Ban hành VBQPPL 80/2015/QH13"

# "Số", "Số:", "Số :", OCR "s6:", "$6" (folded)
_LABEL = regex.compile(r"^\W{0,2}(?:so|s6|\$6|\$o|sa|s0)(?![a-z0-9])\s*[:;.,]?")
# List bullets taken as the decree's "- ": the en dash of word processors and "~", an OCR reading of it.
DASHES = frozenset({"-", "–", "~"})
BULLET = regex.compile(r"^\s*(?P<b>[-–—+•*·~])\s*")
_TYPE_FAMILY: dict[str, str] = {name: fam for name, _, fam in DOC_TYPES}
_TYPE_CODE: dict[str, Optional[str]] = {name: code for name, code, _ in DOC_TYPES}


class Hit(NamedTuple):
    """What a rule reports: where (``span`` into ``Dispatch.text``, None when the part is missing)
    and why, in Vietnamese and in English."""

    span: Optional[Span]
    vi: str
    en: str


@dataclass
class Context:
    """A parsed dispatch plus the helpers rules share (lines with offsets, the document's kind)."""

    d: Dispatch
    rule_set: RuleSet
    lines: list[Line] = field(init=False)

    def __post_init__(self) -> None:
        self.lines = split_lines(self.d.text, fold(self.d.text))

    @cached_property
    def kind(self) -> str:
        """``"cong_van"`` (V/v, no type name), ``"typed"`` (Kế hoạch, Thông báo...), ``"legal"``
        (Nghị định, Thông tư...) or ``"unknown"`` (neither a type title nor a V/v line)."""
        t = self.d.doc_type
        if t is None:
            return "unknown"
        if t == "Công văn":
            return "cong_van"
        return "legal" if _TYPE_FAMILY.get(t) == "legal" else "typed"

    @property
    def type_code(self) -> Optional[str]:
        """The Phụ lục III abbreviation of the document's type: ``"Kế hoạch"`` -> ``"KH"``."""
        return _TYPE_CODE.get(self.d.doc_type or "")

    def type_family(self) -> Optional[str]:
        return _TYPE_FAMILY.get(self.d.doc_type or "")

    def line_at(self, offset: int) -> Optional[Line]:
        for ln in self.lines:
            if ln.start <= offset <= ln.end:
                return ln
        return None

    def locate(self, s: str, lo: int = 0, hi: Optional[int] = None) -> Optional[Span]:
        """Span of ``s`` in the text (any run of whitespace matches any other): motto lines are
        stored cleaned, without their position."""
        words = s.split()
        if not words:
            return None
        rx = regex.compile(r"\s+".join(regex.escape(w) for w in words))
        m = rx.search(self.d.text, lo, len(self.d.text) if hi is None else hi)
        return m.span() if m else None

    def list_items(self, span: Span) -> list[tuple[str, Span, str]]:
        """Items of a dashed list inside ``span`` as (text, span, bullet); a wrapped line joins the
        item above: ``"- Báo Lạng Sơn;"`` -> ``("- Báo Lạng Sơn;", (a, b), "-")``."""
        items: list[tuple[str, Span, str]] = []
        for ln in self.lines:
            if ln.end <= span[0] or ln.start >= span[1] or ln.blank:
                continue
            lo = max(ln.start, span[0])
            text = self.d.text[lo : min(ln.end, span[1])]
            s = text.strip()
            if not s:
                continue
            a = lo + (len(text) - len(text.lstrip()))
            m = BULLET.match(s)
            if m or not items:
                items.append((s, (a, a + len(s)), m.group("b") if m else ""))
            else:
                t, sp, b = items[-1]
                items[-1] = (t + " " + s, (sp[0], a + len(s)), b)
        return items

    def header_limit(self) -> int:
        """Offset where the body starts (header and opening are before it)."""
        if self.d.body_span:
            return self.d.body_span[0]
        return min(len(self.d.text), 3000)


def number_rest(dn: DocNumber) -> tuple[str, int]:
    """The printed số line after the "Số"/"Số:" label, and its offset in ``dn.raw``:
    ``"Số: 05/BNV-VP"`` -> ``(" 05/BNV-VP", 3)``."""
    m = _LABEL.match(fold(dn.raw))
    cut = m.end() if m else 0
    return dn.raw[cut:], cut


def has_label(dn: DocNumber) -> bool:
    """True when the số line prints a "Số" label (or an OCR reading of it): not ``"15/QĐ-UBND"``."""
    return _LABEL.match(fold(dn.raw)) is not None


def symbol_groups(dn: DocNumber) -> list[str]:
    """Groups of the symbol without the year: ``"2020/NĐ-CP"`` -> ``["NĐ", "CP"]``."""
    sym = regex.sub(r"^(?:19|20)\d\d/", "", dn.symbol or "")
    return [g for g in regex.split(r"[-/]", sym) if g]


RuleFn = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: ``code`` is stable (tests, suppressions and reports refer to it)."""

    code: str
    rule_set: RuleSet
    severity: Severity
    source: str
    summary: str
    fn: RuleFn
    confidence: Confidence = "P"


RULES: dict[str, Rule] = {}


def rule(
    code: str, rule_set: RuleSet, severity: Severity, source: str, summary: str, confidence: Confidence = "P"
) -> Callable[[RuleFn], RuleFn]:
    """Register the decorated function as rule ``code`` of ``rule_set``. ``confidence`` is the mark
    of the rule in ``shared/spec/format-rules.md``: P read in the decree/guide, S secondary, O observed."""

    def deco(fn: RuleFn) -> RuleFn:
        if code in RULES:
            raise ValueError(f"rule {code} registered twice")
        RULES[code] = Rule(code, rule_set, severity, source, summary, fn, confidence)
        return fn

    return deco


# Rule modules in the order their parts appear on the page: findings on missing parts come out in it.
_PART_ORDER = ("header", "number", "date", "opening", "closing")


def _part_index(r: Rule) -> int:
    part = r.fn.__module__.rsplit(".", 1)[-1]
    return _PART_ORDER.index(part) if part in _PART_ORDER else len(_PART_ORDER)


def rules_for(rule_set: RuleSet) -> list[Rule]:
    """The rules of one rule set, top of the page first (registration order within a part)."""
    return sorted((r for r in RULES.values() if r.rule_set == rule_set), key=_part_index)


def rules_markdown() -> str:
    """The rule list as a Markdown table (docs/checker.md embeds it)."""
    rows = ["| code | severity | rule set | source | confidence | checks |", "|---|---|---|---|---|---|"]
    for r in sorted(RULES.values(), key=lambda r: (["state", "party", "youth"].index(r.rule_set), r.code)):
        rows.append(f"| `{r.code}` | {r.severity} | {r.rule_set} | {r.source} | {r.confidence} | {r.summary} |")
    return "\n".join(rows)
