"""CC-ORD-001 ordinal.conflict"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Severity
from .base import Hit, Pair, Rule, slot_hits


class OrdinalConflict(Rule):
    """What it checks:
    One statement gives another rank or position in a series than its source: "their third
    league title" against "their fourth league title", "finished second" against "third".

    Why it matters:
    Ordinals carry records and milestones ("the first woman to ...", "a fifth term"); a wrong
    one rewrites history in one word.

    Example:
    "Harbour United won their fourth league title" against "... their third league title".
    Not a conflict: ordinals of different things ("third title" against "second season").

    Options:
    None beyond alignment: both sentences must make one statement and the ordinal count the
    same noun.
    """

    code = "CC-ORD-001"
    name = "ordinal.conflict"
    category = "number"
    severity = Severity.error
    options = ("name-similarity", "occurrence-days", "group-limit")

    def check(self, pair: Pair) -> Iterable[Hit]:
        yield from slot_hits(pair, ("ordinal",), 0.8, "the rank")


RULE = OrdinalConflict()
