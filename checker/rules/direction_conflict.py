"""CC-DIR-001 change.direction"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Severity
from .base import Hit, Pair, Rule, slot_hits


class DirectionConflict(Rule):
    """What it checks:
    A change given in the other direction than its source: "revenue rose" against "revenue
    fell", "the population grew" against "shrank".

    Why it matters:
    Direction is the headline of any figure that changes; "up 5%" for "down 5%" misleads
    even when the figure itself is right.

    Example:
    "Norvale's quarterly revenue fell 4%." against "Norvale's quarterly revenue rose 4%."
    Not a conflict: changes of different measures ("revenue rose, profit fell").

    Options:
    None beyond alignment: the same subject and predicates of opposite direction in the
    predicate table.
    """

    code = "CC-DIR-001"
    name = "change.direction"
    category = "number"
    severity = Severity.error
    options = ("name-similarity", "occurrence-days", "group-limit")

    def check(self, pair: Pair) -> Iterable[Hit]:
        yield from slot_hits(pair, ("direction",), 0.8, "the change")


RULE = DirectionConflict()
