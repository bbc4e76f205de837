"""CC-DATE-001 date.interval_conflict"""

from __future__ import annotations

from collections.abc import Iterable

from ..extract.temporal import conflicts
from ..models import Severity
from .base import Hit, Pair, Rule, slot_hits


class DateConflict(Rule):
    """What it checks:
    Two statements of the same event give dates that cannot both be true: intervals that do
    not meet, or two different ranges for the event's full extent.

    Why it matters:
    A wrong date is the most common factual slip in drafts and papers, and the easiest for a
    reader to verify against you.

    Example:
    "Yeltsin's state visit to Beijing from November 9-11, 1997" against "Yeltsin's visit to
    Beijing on November 9-10, 1997" (two extents for one visit). Not a conflict: "1989" against
    "May 15, 1989" (coarser), "March 22, 2013" against "March 22-24, 2013" (inside the range).

    Options:
    None. Dates are compared as day intervals with the precision they were written at.
    """

    code = "CC-DATE-001"
    name = "date.interval_conflict"
    category = "date"
    severity = Severity.error
    options = ("name-similarity", "occurrence-days", "group-limit")

    def check(self, pair: Pair) -> Iterable[Hit]:
        if not pair.same_event:
            yield from slot_hits(pair, ("when",), 0.8, "the date")
            return
        a, b = pair.claim.event_date(), pair.evidence.event_date()
        if a is None or b is None or not conflicts(a, b):
            return
        yield Hit(
            claim_span=(a.start, a.end),
            evidence_span=(b.start, b.end),
            claim_value=f"{a.value_str()} ({a.granularity})",
            evidence_value=f"{b.value_str()} ({b.granularity})",
            message=f"{_who(pair)} says {a.value_str()} ({a.granularity}); "
            f"{_other(pair)} says {b.value_str()} ({b.granularity}) for the same event",
            confidence=0.9 if pair.same_event in ("structure", "cited") else 0.8,
        )


def _who(pair: Pair) -> str:
    return "heading" if pair.claim.is_heading else "claim"


def _other(pair: Pair) -> str:
    others = {"heading-body": "its section body", "self": "another passage", "claim-claim": "another claim"}
    return others.get(pair.relation, "source")


RULE = DateConflict()
