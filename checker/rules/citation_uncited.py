"""CC-CITE-002 citation.uncited_reference"""

from __future__ import annotations

from collections.abc import Iterable

from ..ingest.citations import uncited_references
from ..models import Severity
from .base import DocContext, DocHit, DocumentRule


class UncitedReference(DocumentRule):
    """What it checks:
    A references-list entry that no in-text citation points to.

    Why it matters:
    An uncited entry is padding or a sign that a citation was lost in editing.

    Example:
    A list [1]..[50] where "[37]" never appears in the text. Not a finding: an entry cited as
    part of a range "[36–38]".

    Options:
    None.
    """

    code = "CC-CITE-002"
    name = "citation.uncited_reference"
    category = "citation"
    severity = Severity.info

    def check_document(self, ctx: DocContext) -> Iterable[DocHit]:
        if not ctx.doc.references:
            return
        citations = ctx.citations
        if not citations:
            return  # a bibliography without in-text markers is a reading list, not an error
        heading = next((s for s in ctx.doc.sections if s.start <= ctx.doc.references[0].start < s.end), None)
        anchor = (heading.start, heading.start + len(heading.title)) if heading else (0, 0)
        for ref in uncited_references(ctx.doc, citations):
            yield DocHit(
                claim_span=(ref.start, ref.end),
                evidence_span=anchor,
                claim_value=f"[{ref.key}]",
                evidence_value="no citation in the text",
                message=f"reference [{ref.key}] is never cited in the text",
                confidence=0.9,
            )


RULE = UncitedReference()
