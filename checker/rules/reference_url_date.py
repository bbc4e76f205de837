"""CC-REF-001 reference.url_date_mismatch"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable

from ..ingest.references import published_date, url_date
from ..models import Reference, Severity
from .base import DocContext, DocHit, DocumentRule


class ReferenceUrlDate(DocumentRule):
    """What it checks:
    A reference entry whose stated publication date differs from the date in its own URL path:
    an archive page from 1997 cited as published in 2024, or a page whose URL says January 21
    cited as published on July 20 of the same year (often an access date given as published).

    Why it matters:
    The year is how readers find and weigh a source; a wrong one (often an access date given as
    the publication date) misdates the evidence.

    Example:
    "[9] ... (2024). Jiang Zemin in Moscow. https://example.org/1997/04/23/jiang.html". Not a
    finding: an entry dated 2022-03-31 whose URL says 2022-03 or 2022-04-01 (same year).

    Options:
    None. Within one year, dates count as different only when more than a month apart, so
    time zones and late uploads of a few days pass.
    """

    code = "CC-REF-001"
    name = "reference.url_date_mismatch"
    category = "reference"
    severity = Severity.warning

    def check_document(self, ctx: DocContext) -> Iterable[DocHit]:
        text = ctx.doc.text
        for ref in ctx.doc.references:
            if ref.year is None or not ref.url:
                continue
            found = url_date(ref.url)
            if not found:
                continue
            stated = published_date(ref.text)
            if found[0] == ref.year and not (stated and stated[0] == ref.year and _months_apart(stated, found)):
                continue
            year_at = _year_span(text, ref)
            url_at = text.find(ref.url, ref.start, ref.end)
            url_span = (url_at, url_at + len(ref.url)) if url_at >= 0 else (ref.start, ref.end)
            shown = "-".join(f"{x:02d}" if i else str(x) for i, x in enumerate(found) if x is not None)
            given = str(ref.year)
            if found[0] == ref.year:
                given = "-".join(f"{x:02d}" if i else str(x) for i, x in enumerate(stated or ()) if x is not None)
                year_at = _date_span(text, ref, year_at)
            yield DocHit(
                claim_span=year_at,
                evidence_span=url_span,
                claim_value=given,
                evidence_value=shown,
                message=f"reference [{ref.key}] gives {given}, but its URL is dated {shown}",
                confidence=0.8,
            )


_SAME_YEAR_SLACK_DAYS = 31
_Date = tuple[int, int | None, int | None]  # year, month, day as a reference or URL gives them


def _span_of(date: _Date) -> tuple[dt.date, dt.date]:
    y, m, d = date
    assert m is not None, "only dates that give a month have a span"  # _months_apart checks first
    if d is not None:
        return dt.date(y, m, d), dt.date(y, m, d)
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _months_apart(a: _Date, b: _Date) -> bool:
    """Both dates give a month, and more than a month lies between them."""
    if a[1] is None or b[1] is None:
        return False
    (a0, a1), (b0, b1) = _span_of(a), _span_of(b)
    gap = (b0 - a1).days if a1 < b0 else (a0 - b1).days
    return gap > _SAME_YEAR_SLACK_DAYS


def _date_span(text: str, ref: Reference, year_at: tuple[int, int]) -> tuple[int, int]:
    """The whole parenthesised date "(2025, July 20)" around the year, when there is one."""
    open_at = text.rfind("(", ref.start, year_at[0] + 1)
    close_at = text.find(")", year_at[1], ref.end)
    if open_at >= 0 and close_at >= 0 and close_at - open_at < 30:
        return open_at + 1, close_at
    return year_at


def _year_span(text: str, ref: Reference) -> tuple[int, int]:
    at = text.find(str(ref.year), ref.start, ref.end)
    return (at, at + 4) if at >= 0 else (ref.start, ref.end)


RULE = ReferenceUrlDate()
