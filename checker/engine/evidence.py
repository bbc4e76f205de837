"""The passages shown as a claim's evidence."""

from __future__ import annotations

from ..match.align import align
from ..models import Evidence
from ..rules.base import Pair, Side


def evidence(claim: Side, pairs: list[Pair], limit: int) -> list[Evidence]:
    """The ``limit`` passages shown beside a claim: aligned ones first, then by alignment score;
    weak or fact-free passages are left out."""
    scored = []
    seen = set()
    for pair in pairs:
        ev = pair.evidence
        key = (ev.path, ev.start)
        if key in seen:
            continue
        seen.add(key)
        al = align(claim.text, ev.text)
        aligned = pair.same_event or pair.alignment is not None
        if not aligned and (al.score < 60 or not (ev.facts.events or ev.facts.dates)):
            continue  # weak or fact-free passages are noise, not evidence
        bonus = 100 if aligned else 0
        scored.append((bonus + al.score, al, pair))
    scored.sort(key=lambda t: (-t[0], t[2].evidence.path, t[2].evidence.start))
    out = []
    for _, al, pair in scored[:limit]:
        ev = pair.evidence
        loc = ev.locate(ev.start, ev.end)
        out.append(
            Evidence(
                path=loc.path,
                line=loc.line,
                end_line=loc.end_line,
                column=loc.column,
                end_column=loc.end_column,
                text=ev.text,
                score=al.score,
                start=ev.start,
                end=ev.end,
                page=loc.page,
                section=ev.section,
                match_start=ev.start + al.start,
                match_end=ev.start + al.end,
            )
        )
    return out
