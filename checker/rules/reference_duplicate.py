"""CC-REF-003 reference.duplicate"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz, utils

from ..models import Severity
from .base import DocContext, DocHit, DocumentRule


def _url_key(url: str) -> str:
    return re.sub(r"^https?://(www\.)?|[/#?]+$", "", url.lower())


class DuplicateReference(DocumentRule):
    """What it checks:
    Two entries of one references list that are the same source: the same URL, or the same
    text apart from punctuation and case.

    Why it matters:
    A duplicated entry inflates the list and splits citations of one source over two numbers.

    Example:
    "[12] Hu and Putin meet. https://example.org/a" and "[31] Hu and Putin meet. https://example.org/a/".
    Not a finding: two articles of one outlet with different URLs.

    Options:
    None.
    """

    code = "CC-REF-003"
    name = "reference.duplicate"
    category = "reference"
    severity = Severity.warning

    def check_document(self, ctx: DocContext) -> Iterable[DocHit]:
        refs = ctx.doc.references
        for i, b in enumerate(refs):
            for a in refs[:i]:
                same_url = a.url and b.url and _url_key(a.url) == _url_key(b.url)
                same_text = fuzz.ratio(utils.default_process(a.text), utils.default_process(b.text)) >= 95
                if len(a.text) < 20 or not (same_url or same_text):
                    continue
                yield DocHit(
                    claim_span=(b.start, b.end),
                    evidence_span=(a.start, a.end),
                    claim_value=f"[{b.key}]",
                    evidence_value=f"[{a.key}]",
                    message=f"reference [{b.key}] repeats [{a.key}]" + (" (same URL)" if same_url else ""),
                    confidence=0.85,
                )
                break


RULE = DuplicateReference()
