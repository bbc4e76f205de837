"""Findings and evidence -> supported | contradicted | unverified, with a confidence.

A claim is contradicted only by an error-level finding; supported only when a passage about
the same event agrees with at least one of its typed facts (a date, place or figure), never by
word overlap alone; everything else is unverified, which is an honest answer, not a failure.
"""

from __future__ import annotations

from .extract.gazetteer import within
from .extract.numbers_compare import compatible as numbers_compatible
from .extract.numbers_compare import same_kind
from .extract.temporal import conflicts as dates_conflict
from .models import Finding, Severity
from .rules.base import Pair, Side


def agreements(pair: Pair) -> list[str]:
    """The typed facts on which both sides of a same-event pair agree."""
    if not pair.same_event:
        return []
    out = []
    a, b = pair.claim.event_date(), pair.evidence.event_date()
    if a is not None and b is not None and not dates_conflict(a, b):
        out.append("date")
    ea, eb = pair.claim.event, pair.evidence.event
    if ea and eb and ea.place and eb.place and (within(ea.place, eb.place) or within(eb.place, ea.place)):
        out.append("place")
    for qa in pair.claim.facts.quantities:
        if any(same_kind(qa, qb) and numbers_compatible(qa, qb) for qb in pair.evidence.facts.quantities):
            out.append("number")
            break
    return out


def quoted_verbatim(pair: Pair) -> int:
    """1 when a quotation of four or more words in the claim stands word for word in the passage."""
    from .rules.quote_mismatch import _norm

    if pair.relation != "claim-source":
        return 0
    evidence = _norm(pair.evidence.text)
    return int(any(len(q.text.split()) >= 4 and _norm(q.text) in evidence for q in pair.claim.facts.quotes))


def decide(side: Side, findings: list[Finding], pairs: list[Pair]) -> tuple[str, float]:
    errors = [f for f in findings if f.severity == Severity.error]
    if errors:
        return "contradicted", max(f.confidence for f in errors)
    best = 0
    for pair in pairs:
        if pair.relation == "heading-body" and not pair.same_event:
            continue
        best = max(best, len(agreements(pair)) + quoted_verbatim(pair))
    if best:
        return "supported", round(min(0.95, 0.6 + 0.15 * best), 2)
    return "unverified", 0.5
