"""CC-POL-001 statement.polarity"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Severity
from .base import Hit, Pair, Rule, slot_hits


class PolarityConflict(Rule):
    """What it checks:
    One statement denies what its source asserts, or asserts the opposite: "the council did
    not approve the plan" against "the council approved the plan"; "rejected" against
    "approved"; "lost to" against "beat".

    Why it matters:
    A dropped or added "not" reverses a story while leaving every date and figure intact,
    so no typed-fact check would see it.

    Example:
    "The city council rejected the tram plan." against "The city council approved the tram
    plan." Not a conflict: "plans to approve" against "approved" (another modality), or a
    different object ("rejected the budget").

    Options:
    None beyond alignment: same subject, same object, predicates of one class (or antonyms in
    the predicate table) and the same modality.
    """

    code = "CC-POL-001"
    name = "statement.polarity"
    category = "event"
    severity = Severity.error
    options = ("name-similarity", "occurrence-days", "group-limit")

    def check(self, pair: Pair) -> Iterable[Hit]:
        yield from slot_hits(pair, ("polarity",), 0.75, "the statement")


RULE = PolarityConflict()
