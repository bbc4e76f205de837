"""The rule registry: every module in this package that defines a ``RULE`` is a rule."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import lru_cache

from .base import Hit, Pair, Rule, Side  # noqa: F401  (re-exported for rule modules and tests)

_NOT_RULES = {"base", "identity"}


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    rules = []
    for info in pkgutil.iter_modules(__path__):
        if info.name in _NOT_RULES or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        rule = getattr(module, "RULE", None)
        if rule is not None:
            rules.append(rule)
    codes = [r.code for r in rules]
    if len(codes) != len(set(codes)):
        raise RuntimeError(f"duplicate rule codes: {sorted(codes)}")
    return tuple(sorted(rules, key=lambda r: r.code))


def rule_by_code(code: str) -> Rule | None:
    return next((r for r in all_rules() if r.code == code.upper()), None)


def _section(rule: Rule, heading: str) -> str:
    """One fixed section of a rule's docstring ("What it checks", "Why it matters", ...)."""
    doc = inspect.cleandoc(type(rule).__doc__ or "")
    marker = f"{heading}:"
    if marker not in doc:
        return ""
    body = doc.split(marker, 1)[1]
    for other in _SECTIONS:
        if other != heading and f"\n{other}:" in body:
            body = body.split(f"\n{other}:", 1)[0]
    return " ".join(body.split())


_SECTIONS = ("What it checks", "Why it matters", "Example", "Options")


def description(rule: Rule) -> str:
    """What the rule checks, in one paragraph (SARIF ``fullDescription``)."""
    return _section(rule, "What it checks")


def explain(rule: Rule) -> str:
    """The rule's documentation as ``claimcheck explain`` prints it (and SARIF ``help``)."""
    from ..match.statements import DEFAULT_OPTIONS

    out = [
        f"{rule.code} {rule.name} ({rule.severity.value}, {rule.category})",
        "",
        inspect.cleandoc(type(rule).__doc__ or ""),
    ]
    if rule.options:
        out += [
            "",
            "Settings (claimcheck.toml or [tool.claimcheck]; they decide when two sentences make one statement):",
        ]
        out += [f"  {key} = {getattr(DEFAULT_OPTIONS, key.replace('-', '_'))}" for key in rule.options]
    return "\n".join(out)


def rules_markdown() -> str:
    """``docs/rules.md``: every rule's ``explain`` text under an anchor named by its code (the
    target of SARIF ``helpUri``)."""
    out = [
        "# Rules",
        "",
        "Every rule claimcheck runs, as `claimcheck explain CODE` prints it. "
        "Generated from the rules' docstrings; regenerate with "
        "`CLAIMCHECK_UPDATE_GOLDENS=1 python -m pytest tests/test_sarif_cli.py`.",
        "",
    ]
    for rule in all_rules():
        out += [
            f'<a id="{rule.code.lower()}"></a>',
            "",
            f"## {rule.code} `{rule.name}`",
            "",
            "```text",
            explain(rule),
            "```",
            "",
        ]
    return "\n".join(out)
