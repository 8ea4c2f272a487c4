"""Format rules of the checker, one registered function per rule (see ``registry.rule``).

Importing this package registers every rule in ``RULES``; ``vn_dispatch.check`` runs them.
Modules by part of the document: ``header``, ``number``, ``date``, ``opening``, ``closing``.
"""

from __future__ import annotations

from . import closing, date, header, number, opening  # noqa: F401 - importing registers the rules
from .registry import RULES, Context, Hit, Rule, RuleSet, Severity, rule, rules_for, rules_markdown

__all__ = ["RULES", "Context", "Hit", "Rule", "RuleSet", "Severity", "rule", "rules_for", "rules_markdown"]
