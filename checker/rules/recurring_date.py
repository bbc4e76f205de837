"""CC-RECUR-001 event.recurring_date"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable

from ..models import DateMention, Severity
from .base import DocContext, DocHit, DocumentRule

# Named days that fall on the same date every year: "Victory Day", "National Day".
_NAMED_DAY = re.compile(r"\b((?:[A-Z][a-z]+\s+){1,3}Day)\b")
_TOLERANCE_DAYS = 7


def _day_of_year(d: dt.date) -> int:
    return d.timetuple().tm_yday


class RecurringDate(DocumentRule):
    """What it checks:
    A yearly occasion ("Victory Day") that the document dates, elsewhere, to one time of year,
    placed at a clearly different date in one passage.

    Why it matters:
    Such occasions do not move; a visit "during Victory Day" on June 2 is misdated, or was not
    during Victory Day.

    Example:
    Two sections put Victory Day on May 8-10 and May 8-9; a third has a visit "on June 2, 2005
    ... during the anniversary of Victory Day". Not a finding: May 8 against May 9.

    Options:
    None. At least two other mentions must agree with each other (within a week) before the odd
    one is reported.
    """

    code = "CC-RECUR-001"
    name = "event.recurring_date"
    category = "date"
    severity = Severity.error

    def check_document(self, ctx: DocContext) -> Iterable[DocHit]:
        by_name = defaultdict(list)
        for p in ctx.doc.passages:
            dates = [d for d in ctx.facts[p.index].dates if d.granularity == "day" and not (d.open_start or d.open_end)]
            if not dates:
                continue
            for m in _NAMED_DAY.finditer(p.text):
                at = p.start + m.start()
                # the date written nearest the occasion's name is the one said of it
                d = min(dates, key=lambda d: min(abs(d.end - at), abs(d.start - (at + len(m.group(0))))))
                by_name[_normal(m.group(1))].append((p.index, d))
        for name, mentions in by_name.items():
            for ia, da in mentions:
                others = [
                    (ib, db) for ib, db in mentions if ib != ia and ctx.section_heading(ib) != ctx.section_heading(ia)
                ]
                agree = [(ib, db) for ib, db in others if _gap(da, db) <= _TOLERANCE_DAYS]
                disagree = [(ib, db) for ib, db in others if _gap(da, db) > _TOLERANCE_DAYS]
                if agree or len(disagree) < 2:
                    continue
                if any(_gap(x[1], y[1]) > _TOLERANCE_DAYS for x in disagree for y in disagree):
                    continue  # the others do not agree among themselves either
                ib, db = disagree[0]
                yield DocHit(
                    claim_span=(da.start, da.end),
                    evidence_span=(db.start, db.end),
                    claim_value=f"{name} on {da.value_str()}",
                    evidence_value=f"{name} on {db.value_str()} "
                    f"(and {len(disagree) - 1} more mention(s) near {db.earliest:%B %d})",
                    message=f"{name} is dated {da.earliest:%B %d} here, but elsewhere in the document "
                    f"it falls around {db.earliest:%B %d}",
                    confidence=0.75,
                )


def _normal(name: str) -> str:
    """ "Moscow Victory Day", "Attends Victory Day" and "Victory Day" are one occasion."""
    return " ".join(name.split()[-2:])


def _gap(a: DateMention, b: DateMention) -> int:
    """Days between two mentions' dates ignoring the year (both as intervals)."""
    a0, a1 = _day_of_year(a.earliest), _day_of_year(a.latest)
    b0, b1 = _day_of_year(b.earliest), _day_of_year(b.latest)
    return max(0, b0 - a1, a0 - b1)


RULE = RecurringDate()
