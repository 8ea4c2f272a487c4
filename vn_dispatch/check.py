"""Format checker: does a parsed document follow its rulebook (NĐ 30/2020, HD 36 + QĐ 66, HD 29)?

>>> import vn_dispatch
>>> from vn_dispatch.check import check
>>> r = check(vn_dispatch.parse("Số: /STTTT-TTBCXB\\nLạng Sơn, ngày   tháng 02 năm 2024\\nV/v tuyên truyền"))
>>> r.rule_set, r.reason
('state', 'no Party or Đoàn header; số in the state form “Số: /STTTT-TTBCXB”')
>>> [f.code for f in r.findings][:2]
['ND30.MOTTO.PRESENT', 'ND30.ISSUER.PRESENT']

The rule set comes from the header (Quốc hiệu / ĐẢNG CỘNG SẢN VIỆT NAM / ĐOÀN TNCS HỒ CHÍ MINH),
else from the shape of the number; state rules are never applied to Party or Đoàn documents. The
rules themselves live in ``vn_dispatch.rules`` (one registered function per rule).
"""

from __future__ import annotations

import json
import os
from typing import Any, Literal, Optional

import regex
from pydantic import BaseModel, ConfigDict, Field, computed_field

from .models import Dispatch, Span
from .rules import RULES, Context, RuleSet, rules_for
from .rules.registry import SEVERITY_ORDER, number_rest
from .rules.vocab import YOUTH_ISSUER_CODES
from .text import fold

Severity = Literal["error", "warning", "info"]


class Finding(BaseModel):
    """One departure from the rulebook, e.g. code ``"ND30.NUMBER.PADDED"`` on ``"Số: 5/BNV-VP"``."""

    model_config = ConfigDict(extra="forbid")

    code: str
    severity: Severity
    message_vi: str
    message_en: str
    span: Optional[Span] = None
    line: Optional[int] = None  # 1-based line of span[0] in Dispatch.text
    excerpt: str = ""  # the text the span points to
    source: str
    # PDF input: where the span is printed, one box per page line ({"page", "x0", "top", "x1", "bottom"})
    boxes: list[dict[str, Any]] = Field(default_factory=list)


class CheckReport(BaseModel):
    """The findings for one document and the rule set applied: ``rule_set="party"``,
    ``reason="header ĐẢNG CỘNG SẢN VIỆT NAM"``."""

    model_config = ConfigDict(extra="forbid")

    path: Optional[str] = None
    rule_set: RuleSet
    reason: str
    findings: list[Finding]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]


def detect_rule_set(d: Dispatch) -> tuple[RuleSet, str]:
    """Which rulebook applies and why: the header first, then the shape of the number.

    ``"ĐẢNG CỘNG SẢN VIỆT NAM"`` -> party; ``"Số 930-CV/BTGTU"`` with no header -> party;
    ``"Số: 05-HD/TĐTN-TG"`` with no header -> youth; anything else -> state.
    """
    motto = d.header.motto
    if motto == "party":
        return "party", "header ĐẢNG CỘNG SẢN VIỆT NAM"
    if motto == "youth":
        return "youth", "header ĐOÀN TNCS HỒ CHÍ MINH"
    if motto == "state":
        return "state", "Quốc hiệu CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    dn = d.doc_number
    if dn is not None:
        rest, _ = number_rest(dn)
        if regex.match(r"^\s*(?:\d+[a-zA-Z]?|[.…_\s]*)\s*-\s*\p{L}+\s*/", rest):
            if fold(dn.issuer_code or "").lower() in YOUTH_ISSUER_CODES:
                return "youth", f"no header; số in the Party/Đoàn form with a Đoàn issuer “{dn.raw}”"
            return "party", f"no header; số in the Party form “{dn.raw}” (n-TYPE/ISSUER)"
        return "state", f"no Party or Đoàn header; số in the state form “{dn.raw}”"
    return "state", "no header and no số line: state rules by default"


def _line_of(text: str, span: Optional[Span]) -> Optional[int]:
    return None if span is None else text.count("\n", 0, span[0]) + 1


def check(d: Dispatch) -> CheckReport:
    """Run the rules of the document's rule set; never raises (a failing rule becomes a warning
    ``CHECK.RULE_FAILED``; set ``VN_DISPATCH_STRICT=1`` to let the exception through)."""
    rule_set, reason = detect_rule_set(d)
    ctx = Context(d, rule_set)
    locate = getattr(d, "locate", None)  # page boxes of a span, for documents read from a PDF
    findings: list[Finding] = []
    for r in rules_for(rule_set):
        try:
            hits = list(r.fn(ctx))
        except Exception as exc:  # noqa: BLE001 - the checker must not fail on odd parses
            if os.environ.get("VN_DISPATCH_STRICT") == "1":
                raise
            findings.append(Finding(code="CHECK.RULE_FAILED", severity="warning", source=r.code,
                                    message_vi=f"Không chạy được quy tắc {r.code}: {type(exc).__name__}: {exc}",
                                    message_en=f"rule {r.code} failed: {type(exc).__name__}: {exc}"))
            continue
        for h in hits:
            boxes = [b.model_dump() for b in locate(h.span)] if callable(locate) and h.span else []
            findings.append(Finding(code=r.code, severity=r.severity, message_vi=h.vi, message_en=h.en, span=h.span,
                                    line=_line_of(d.text, h.span), excerpt=d.snippet(h.span), source=r.source,
                                    boxes=boxes))
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.span[0] if f.span else -1))
    return CheckReport(path=d.source.path, rule_set=rule_set, reason=reason, findings=findings)


# --- output -----------------------------------------------------------------------------------

_COLOURS = {"error": "\033[1;31m", "warning": "\033[33m", "info": "\033[36m"}
_DIM, _BOLD, _RESET = "\033[2m", "\033[1m", "\033[0m"
_HEADINGS = {"error": "errors", "warning": "warnings", "info": "info"}


def format_text(report: CheckReport, color: bool = False) -> str:
    """A report for people: findings grouped by severity, Vietnamese then English, with the source.

    ``seed-000.txt — state (no Party or Đoàn header; ...)`` / ``  errors (2)`` /
    ``    ND30.MOTTO.PRESENT  Thiếu Quốc hiệu và Tiêu ngữ ...``
    """

    def paint(s: str, code: str) -> str:
        return f"{code}{s}{_RESET}" if color else s

    out = [paint(report.path or "<text>", _BOLD) + f" — {report.rule_set} ({report.reason})"]
    for sev in ("error", "warning", "info"):
        group = [f for f in report.findings if f.severity == sev]
        if not group:
            continue
        out.append("  " + paint(f"{_HEADINGS[sev]} ({len(group)})", _COLOURS[sev]))
        for f in group:
            where = f" line {f.line}" if f.line else ""
            if f.boxes:
                where += f", page {f.boxes[0].get('page')}"
            out.append(f"    {paint(f.code, _COLOURS[sev])}{where}  {f.message_vi}")
            out.append("      " + paint(f.message_en, _DIM))
            excerpt = " ".join(f.excerpt.split())
            if len(excerpt) > 70:
                excerpt = excerpt[:67] + "..."
            tail = f"«{excerpt}» · " if excerpt else ""
            out.append("      " + paint(f"{tail}{f.source}", _DIM))
    c = report.counts
    if not report.findings:
        out.append("  " + paint("no findings", _COLOURS["info"]))
    out.append(f"  {c['error']} error(s), {c['warning']} warning(s), {c['info']} info")
    return "\n".join(out)


def to_json(report: CheckReport) -> str:
    """The report as JSON for machines (``model_dump(mode="json")`` plus ``counts``)."""
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2)


__all__ = ["RULES", "CheckReport", "Finding", "check", "detect_rule_set", "format_text", "to_json"]
