"""CC-REF-001 reference.url_date_mismatch"""

from __future__ import annotations

from ..ingest.references import url_date
from ..models import Severity
from .base import DocContext, DocHit, DocumentRule


class ReferenceUrlDate(DocumentRule):
    """What it checks:
    A reference entry whose stated publication year differs from the date in its own URL path:
    an archive page from 1997 cited as published in 2024.

    Why it matters:
    The year is how readers find and weigh a source; a wrong one (often an access date given as
    the publication date) misdates the evidence.

    Example:
    "[9] ... (2024). Jiang Zemin in Moscow. https://example.org/1997/04/23/jiang.html". Not a
    finding: an entry dated 2022-03-31 whose URL says 2022-03 or 2022-04-01 (same year).

    Options:
    None. Only whole years are compared, so time zones and late uploads of a few days pass.
    """

    code = "CC-REF-001"
    name = "reference.url_date_mismatch"
    category = "reference"
    severity = Severity.warning

    def check_document(self, ctx: DocContext):
        text = ctx.doc.text
        for ref in ctx.doc.references:
            if ref.year is None or not ref.url:
                continue
            found = url_date(ref.url)
            if not found or found[0] == ref.year:
                continue
            year_at = _year_span(text, ref)
            url_at = text.find(ref.url, ref.start, ref.end)
            url_span = (url_at, url_at + len(ref.url)) if url_at >= 0 else (ref.start, ref.end)
            shown = "-".join(f"{x:02d}" if i else str(x) for i, x in enumerate(found) if x is not None)
            yield DocHit(
                claim_span=year_at, evidence_span=url_span, claim_value=str(ref.year), evidence_value=shown,
                message=f"reference [{ref.key}] gives {ref.year}, but its URL is dated {shown}",
                confidence=0.8,
            )


def _year_span(text: str, ref) -> tuple[int, int]:
    at = text.find(str(ref.year), ref.start, ref.end)
    return (at, at + 4) if at >= 0 else (ref.start, ref.end)


RULE = ReferenceUrlDate()
