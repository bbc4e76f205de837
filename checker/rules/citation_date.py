"""CC-CITE-003 citation.date_mismatch"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..ingest.references import published_date, url_date
from ..models import DateMention, Severity
from .base import DocContext, DocHit, DocumentRule

_PREDATES_DAYS = 30


def _day(parts: tuple[int, int | None, int | None] | None) -> dt.date | None:
    if not parts or parts[1] is None or parts[2] is None:
        return None
    try:
        return dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def _section_day(ctx: DocContext, index: int) -> DateMention | None:
    """The day the passage speaks of: its own, else the nearest earlier one in its section."""
    section = ctx.doc.passages[index].section
    for i in range(index, -1, -1):
        if ctx.doc.passages[i].section != section:
            break
        days = [
            d for d in ctx.facts[i].dates if d.granularity == "day" and not (d.open_start or d.open_end or d.relative)
        ]
        if days:
            return days[0]
    return ctx.reference_date(index)


class CitationDate(DocumentRule):
    """What it checks:
    An event date against the source cited for it: the source's date falls on the same day of
    another year (a slipped year), or the source appeared more than a month before the event it
    is cited for.

    Why it matters:
    A report cannot describe an event that had not happened yet; a source dated June 28, 2021
    cited for a meeting "on June 28, 2020" points to a wrong year in the text.

    Example:
    A section dated June 28, 2020 citing a page whose URL is dated 2021/06/28. Not a finding: a
    source published days before a summit (a preview) or any time after the event.

    Options:
    None. Only sources with a full date (from the entry or its URL) are compared.
    """

    code = "CC-CITE-003"
    name = "citation.date_mismatch"
    category = "citation"
    severity = Severity.error

    def check_document(self, ctx: DocContext) -> Iterable[DocHit]:
        refs = {r.key: r for r in ctx.doc.references}
        if not refs:
            return
        for c in ctx.citations:
            ref = refs.get(c.key)
            index = ctx.passage_at(c.start)
            if ref is None or index is None:
                continue
            event = _section_day(ctx, index)
            if event is None or event.granularity != "day":
                continue
            source_day = _day(url_date(ref.url) if ref.url else None) or _day(published_date(ref.text))
            if source_day is None:
                continue
            same_day_other_year = (source_day.month, source_day.day) == (
                event.earliest.month,
                event.earliest.day,
            ) and source_day.year != event.earliest.year
            predates = (event.earliest - source_day).days > _PREDATES_DAYS
            if not (same_day_other_year or predates):
                continue
            if same_day_other_year:
                message = (
                    f"the text dates this to {event.value_str()}; the cited source [{c.key}] is dated "
                    f"{source_day.isoformat()}, the same day of {source_day.year}"
                )
            else:
                message = (
                    f"the cited source [{c.key}] is dated {source_day.isoformat()}, "
                    f"{(event.earliest - source_day).days} days before the event it is cited for "
                    f"({event.value_str()})"
                )
            yield DocHit(
                claim_span=(event.start, event.end),
                evidence_span=(ref.start, ref.end),
                claim_value=event.value_str(),
                evidence_value=f"[{c.key}] {source_day.isoformat()}",
                message=message,
                confidence=0.8 if same_day_other_year else 0.6,
                severity=None if same_day_other_year else Severity.warning,
            )


RULE = CitationDate()
