"""CC-NUM-001 number.conflict"""

from __future__ import annotations

from collections.abc import Iterable

from ..extract.numbers_compare import conflicts, describe, same_kind
from ..models import Severity
from .base import Hit, Pair, Rule, slot_hits
from .date_conflict import _other, _who


class NumberConflict(Rule):
    """What it checks:
    Two statements of the same event give figures of the same kind (the same currency, unit or
    counted thing) whose bounds cannot both hold.

    Why it matters:
    Figures are copied, rounded and retyped; a slipped digit in a loan or a troop count is a
    factual error a reader can check.

    Example:
    "a loan of US$300 million" against "a loan of $400 million" for the same treaty. Not a
    conflict: "about 200" against "195", "1.2 million" against "1,234,567", "over 45"
    against "50".

    Options:
    None. Tolerances follow the stated precision and hedges (see numbers_compare).
    """

    code = "CC-NUM-001"
    name = "number.conflict"
    category = "number"
    severity = Severity.error
    options = ("name-similarity", "occurrence-days", "group-limit")

    def check(self, pair: Pair) -> Iterable[Hit]:
        if not pair.same_event:
            yield from slot_hits(pair, ("quantity",), 0.8, "the figure")
            return
        for qa in pair.claim.facts.quantities:
            if qa.kind == "ordinal":
                continue
            peers = [qb for qb in pair.evidence.facts.quantities if qb.kind != "ordinal" and same_kind(qa, qb)]
            # a figure with a same-kind match anywhere on the other side is not contradicted
            if not peers or any(not conflicts(qa, qb) for qb in peers):
                continue
            qb = peers[0]
            yield Hit(
                claim_span=(qa.start, qa.end),
                evidence_span=(qb.start, qb.end),
                claim_value=describe(qa),
                evidence_value=describe(qb),
                message=f"{_who(pair)} says {describe(qa)}; {_other(pair)} says {describe(qb)} for the same event",
                confidence=0.75,
            )


RULE = NumberConflict()
