"""CC-COUNT-001 count.inconsistent"""

from __future__ import annotations

from collections.abc import Iterable

from ..extract.numbers_compare import describe, inconsistent_bounds, same_kind
from ..models import Severity
from .base import DocContext, DocHit, DocumentRule


class CountInconsistent(DocumentRule):
    """What it checks:
    The same tally of the same people's doings given with different figures in two places:
    "over 40 meetings" of two leaders in one paragraph, "over 45 meetings" in another.

    Why it matters:
    Both may be defensible lower bounds, so this is an inconsistency, not a contradiction; an
    editor will still want one figure.

    Example:
    "Xi and Putin's over 40 meetings" against "Xi and Putin ... over 45 meetings". Not a
    finding: "over 45 meetings" repeated, or counts of different things.

    Options:
    None. Both sentences must name at least two of the same people and count the same noun.
    """

    code = "CC-COUNT-001"
    name = "count.inconsistent"
    category = "count"
    severity = Severity.warning

    def check_document(self, ctx: DocContext) -> Iterable[DocHit]:
        items = []
        for p in ctx.doc.passages:
            f = ctx.facts[p.index]
            people = set(f.people())
            if len(people) < 2:
                continue
            for q in f.quantities:
                if q.kind == "count" and q.noun and q.bound in ("min", "max", "approx"):
                    items.append((p.index, people, q))
        reported = set()
        for i, (ia, pa, qa) in enumerate(items):
            for ib, pb, qb in items[:i]:
                if ia == ib or len(pa & pb) < 2 or not same_kind(qa, qb) or not inconsistent_bounds(qa, qb):
                    continue
                key = (qa.text, qb.text)
                if key in reported:
                    continue
                reported.add(key)
                yield DocHit(
                    claim_span=(qa.start, qa.end),
                    evidence_span=(qb.start, qb.end),
                    claim_value=describe(qa),
                    evidence_value=describe(qb),
                    message=f"'{qa.text}' here, '{qb.text}' earlier, for the same count of the same people",
                    confidence=0.6,
                )


RULE = CountInconsistent()
