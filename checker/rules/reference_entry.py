"""CC-REF-002 reference.malformed_entry"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..extract.vocabulary import MONTH_NAMES
from ..ingest.references import published_date
from ..models import Severity
from .base import DocContext, DocHit, DocumentRule

_MONTH = rf"(?:{'|'.join(m[:3].capitalize() for m in MONTH_NAMES)})[a-z]*\.?"
# the date parenthesis of an entry: "(2022, August 31)", "(n.d.)", "(March, June 17)"
_DATE_PAREN = re.compile(rf"\((?:n\.\s?d\.|[^()]*(?:\d{{4}}|{_MONTH})[^()]*)\)")
_IBID = re.compile(r"^\W*(?:\[\d+\]\s*)?ibid\b\.?\s*$", re.I)


class MalformedReference(DocumentRule):
    """What it checks:
    Reference entries whose date cannot be read ("(March, June 17)": two months, no year), and
    "Ibid" standing alone as an entry of a numbered list, where it names no source.

    Why it matters:
    A reader must be able to find and date each source; a garbled or empty entry hides it.

    Example:
    "[17] New era for ties. (March, June 17). https://..." and "[4] Ibid". Not a finding:
    "(2022, August 31)", "(n.d.)" (stated as undated), "Ibid., p. 4" in footnotes.

    Options:
    None.
    """

    code = "CC-REF-002"
    name = "reference.malformed_entry"
    category = "reference"
    severity = Severity.warning

    def check_document(self, ctx: DocContext) -> Iterable[DocHit]:
        text = ctx.doc.text
        for ref in ctx.doc.references:
            entry = text[ref.start : ref.end]
            body = re.sub(r"^\W*\[\d+\]\s*|^\s*\d+\.\s*", "", entry)
            if _IBID.match(body):
                yield DocHit(
                    claim_span=(ref.start, ref.end),
                    evidence_span=(ref.start, ref.end),
                    claim_value=body.strip(),
                    evidence_value="an entry of a numbered list",
                    message=f"reference [{ref.key}] is 'Ibid', which names no source in a numbered list",
                    confidence=0.9,
                )
                continue
            m = _DATE_PAREN.search(entry)
            if not m or "n.d" in m.group(0) or ref.year is not None:
                continue
            if published_date(m.group(0)) is None and not re.search(r"\d{4}", m.group(0)):
                s = ref.start + m.start()
                yield DocHit(
                    claim_span=(s, s + len(m.group(0))),
                    evidence_span=(ref.start, ref.end),
                    claim_value=m.group(0),
                    evidence_value="no year",
                    message=f"reference [{ref.key}] has an unreadable date {m.group(0)}",
                    confidence=0.8,
                )


RULE = MalformedReference()
