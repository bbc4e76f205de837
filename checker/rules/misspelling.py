"""CC-ENTITY-001 entity.misspelling"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import EntityMention, Severity
from .base import DocContext, DocHit, DocumentRule


class Misspelling(DocumentRule):
    """What it checks:
    A person's name spelt in a way that is one slip or transposition from a name the document
    uses elsewhere for one person ("Jinag" where "Jiang Zemin" is meant).

    Why it matters:
    Misspelt names look careless and break search; a reader may also take them for someone else.

    Example:
    "Jinag's statement" in a section about Jiang Zemin. Not a finding: "Wang" and "Wei", two
    real and different names.

    Options:
    None. Names shared by two people are never "corrected".
    """

    code = "CC-ENTITY-001"
    name = "entity.misspelling"
    category = "entity"
    severity = Severity.warning

    def check_document(self, ctx: DocContext) -> Iterable[DocHit]:
        first_proper: dict[str, EntityMention] = {}
        for p in ctx.doc.passages:
            for e in ctx.facts[p.index].entities:
                if e.kind == "person" and not e.typo_of:
                    first_proper.setdefault(e.canonical, e)
        for p in ctx.doc.passages:
            for e in ctx.facts[p.index].entities:
                if e.kind == "person" and e.typo_of and e.typo_of in first_proper:
                    right = first_proper[e.typo_of]
                    yield DocHit(
                        claim_span=(e.start, e.end),
                        evidence_span=(right.start, right.end),
                        claim_value=e.text,
                        evidence_value=right.text,
                        message=f"'{e.text}' looks like a misspelling of '{right.text}' ({e.typo_of})",
                        confidence=0.7,
                    )


RULE = Misspelling()
