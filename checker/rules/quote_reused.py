"""CC-QUOTE-002 quote.reused"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, utils

from ..models import Severity
from .base import DocContext, DocHit, DocumentRule

_MIN_WORDS = 10


class QuoteReused(DocumentRule):
    """What it checks:
    The same long quotation given in two sections about different events (different dates), so
    that at least one attribution is likely wrong.

    Why it matters:
    A quotation moved to the wrong meeting, year or speaker is a misattribution, among the most
    damaging errors in a review.

    Example:
    The same 30-word statement quoted in a 1991 section and again in a 1997 section, or a
    17-word remark given for 2010 that opens a longer one given for 2014. Not a
    finding: short stock phrases ("comprehensive strategic partnership") in many sections.

    Options:
    None. Quotations of fewer than ten words are ignored; a shorter one counts as the same
    when it lies, nearly word for word, inside the longer.
    """

    code = "CC-QUOTE-002"
    name = "quote.reused"
    category = "quote"
    severity = Severity.warning

    def check_document(self, ctx: DocContext) -> Iterable[DocHit]:
        quotes = []
        for p in ctx.doc.passages:
            for q in ctx.facts[p.index].quotes:
                if len(q.text.split()) >= _MIN_WORDS:
                    quotes.append((p.index, q, utils.default_process(q.text)))
        for i, (ia, qa, na) in enumerate(quotes):
            for ib, qb, nb in quotes[:i]:
                if ctx.section_heading(ia) == ctx.section_heading(ib) or not _same_words(na, nb):
                    continue
                ra, rb = ctx.reference_date(ia), ctx.reference_date(ib)
                if ra is None or rb is None or not (ra.latest < rb.earliest or rb.latest < ra.earliest):
                    continue
                sec_a = ctx.doc.passages[ia].section[-1:] or ["?"]
                sec_b = ctx.doc.passages[ib].section[-1:] or ["?"]
                yield DocHit(
                    claim_span=(qa.start, qa.end),
                    evidence_span=(qb.start, qb.end),
                    claim_value=f"quoted for {ra.value_str()}",
                    evidence_value=f"quoted for {rb.value_str()}",
                    message=(
                        f"the same quotation is given for {ra.value_str()} ({sec_a[0][:50]}) and for "
                        f"{rb.value_str()} ({sec_b[0][:50]})"
                    ),
                    confidence=0.7,
                )


def _same_words(a: str, b: str) -> bool:
    """One quotation, whole or excerpted: near-equal, or the shorter inside the longer."""
    return fuzz.ratio(a, b) >= 90 or fuzz.partial_ratio(a, b) >= 97


RULE = QuoteReused()
