"""The rule registry: every module in this package that defines a ``RULE`` is a rule."""

from __future__ import annotations

import importlib
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
