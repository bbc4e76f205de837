"""CC-SCORE-001 score.conflict"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Severity
from .base import Hit, Pair, Rule, slot_hits


class ScoreConflict(Rule):
    """What it checks:
    A result given with another score than its source: "beat Northfield 3-1" against
    "beat Northfield 2-1". The score is compared whichever side is written first.

    Why it matters:
    Match reports and vote tallies are checked by readers who were there; a wrong score is
    the error they write in about.

    Example:
    "Harbour United beat Northfield 2-1 on Saturday." against "Harbour United beat Northfield
    3-1 on Saturday." Not a conflict: another match (another opponent or another week).

    Options:
    occurrence_days (default 7): results of the same sides further apart are other matches
    (match.statements.AlignOptions).
    """

    code = "CC-SCORE-001"
    name = "score.conflict"
    category = "number"
    severity = Severity.error
    options = ("name-similarity", "occurrence-days", "group-limit")

    def check(self, pair: Pair) -> Iterable[Hit]:
        yield from slot_hits(pair, ("score",), 0.8, "the score")


RULE = ScoreConflict()
