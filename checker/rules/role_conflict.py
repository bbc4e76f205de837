"""CC-ROLE-001 role.conflict"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Severity
from .base import Hit, Pair, Rule, slot_hits


class RoleConflict(Rule):
    """What it checks:
    One person is given the same office of two different bodies ("Jane Ortiz is the mayor of
    Lyon" against "... the mayor of Marseille"), or two different offices of one body
    ("chief executive of Acme" against "chief financial officer of Acme").

    Why it matters:
    Titles and affiliations are copied from memory and go stale; a wrong one misattributes
    authority, and readers who know the person see it at once.

    Example:
    "Jane Ortiz is the mayor of Marseille." against a source "Jane Ortiz is the mayor of Lyon."
    Not a conflict: "was the mayor of Lyon" against "is the mayor of Marseille" (one past, one
    present), or "chief executive" against "CEO" (one office, see the role table).

    Options:
    name_similarity (default 90): rapidfuzz ratio at which two names are taken for one
    person (match.statements.AlignOptions).
    """

    code = "CC-ROLE-001"
    name = "role.conflict"
    category = "actor"
    severity = Severity.error
    options = ("name-similarity", "occurrence-days", "group-limit")

    def check(self, pair: Pair) -> Iterable[Hit]:
        yield from slot_hits(pair, ("role",), 0.8, "the role")


RULE = RoleConflict()
