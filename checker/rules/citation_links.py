"""CC-CITE-001 citation.dangling"""

from __future__ import annotations

from collections.abc import Iterable

from ..ingest.citations import dangling_citations
from ..models import Severity
from .base import DocContext, DocHit, DocumentRule


class DanglingCitation(DocumentRule):
    """What it checks:
    An in-text citation ("[51]") with no entry of that number in the references list.

    Why it matters:
    A reader cannot follow a citation that leads nowhere; the claim it supports is unsourced.

    Example:
    "... as reported [51]" in a paper whose references stop at [50]. Not a finding: "[50]".

    Options:
    None. Only documents with a numbered references list are checked.
    """

    code = "CC-CITE-001"
    name = "citation.dangling"
    category = "citation"
    severity = Severity.error

    def check_document(self, ctx: DocContext) -> Iterable[DocHit]:
        if not ctx.doc.references:
            return
        for c in dangling_citations(ctx.doc, ctx.citations):
            last = ctx.doc.references[-1]
            yield DocHit(
                claim_span=(c.start, c.end),
                evidence_span=(last.start, last.end),
                claim_value=f"[{c.key}]",
                evidence_value=f"{len(ctx.doc.references)} entries, last [{last.key}]",
                message=f"citation [{c.key}] has no entry in the references list",
                confidence=0.9,
            )


RULE = DanglingCitation()
