"""CC-ANNIV-001 anniversary.arithmetic"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..extract.anniversaries import find_anniversaries
from ..models import Anniversary, DateMention, Severity
from .base import DocContext, DocHit, DocumentRule

# A count said of the future ("ahead of the 80th anniversary", "planning ... commemorations")
# is not dated by the sentence it stands in.
FUTURE = re.compile(r"\b(?:ahead of|planning|plans? for|will|upcoming|next|forthcoming|prepar\w+ for|towards?)\b", re.I)


# "the Third Belt and Road Forum's 10th anniversary": the possessive form
_POSSESSIVE = re.compile(
    r"((?:[A-Z][\w-]*\s+(?:and\s+|of\s+|the\s+)?){0,6}[A-Z][\w-]*)(?:'s|’s)\s+(\d{1,3})(?:st|nd|rd|th)\s+anniversary\b"
)


def all_anniversaries(text: str) -> list[Anniversary]:
    found = find_anniversaries(text)
    for m in _POSSESSIVE.finditer(text):
        if not any(a.start < m.end() and m.start() < a.end for a in found):
            found.append(
                Anniversary(
                    text=m.group(0),
                    start=m.start(),
                    end=m.end(),
                    kind="anniversary",
                    ordinal=int(m.group(2)),
                    event=m.group(1),
                )
            )
    return found


def anniversaries_with_dates(ctx: DocContext) -> Iterator[tuple[int, Anniversary, DateMention, int]]:
    """(passage index, Anniversary, reference DateMention, elapsed years claimed) per mention."""
    for p in ctx.doc.passages:
        ref = ctx.reference_date(p.index)
        if ref is None or ref.earliest.year != ref.latest.year:
            continue
        for a in all_anniversaries(p.text):
            count = a.ordinal if a.kind == "anniversary" else a.years if a.kind in ("years_of", "years_since") else None
            if not count or count > 500:
                continue
            if FUTURE.search(p.text[max(0, a.start - 60) : a.start]):
                continue
            yield p.index, a, ref, count


class AnniversaryArithmetic(DocumentRule):
    """What it checks:
    An anniversary or elapsed time whose founding year is written beside it: the count must
    equal the passage's year minus that year ("the 10th anniversary of the 2001 treaty" in 2011).

    Why it matters:
    Anniversary arithmetic is easy to get wrong and easy for a reader to recompute.

    Example:
    "the 20th anniversary of the 2001 treaty" in a section dated June 28, 2020 (2020 - 2001 is
    19). Not a finding: "the 10th anniversary of the 2001 treaty" in a section dated 2011.

    Options:
    None. The passage's year is its own date, or its section heading's; sentences about what
    is planned ("ahead of the 80th anniversary") are skipped.
    """

    code = "CC-ANNIV-001"
    name = "anniversary.arithmetic"
    category = "anniversary"
    severity = Severity.error

    def check_document(self, ctx: DocContext) -> Iterable[DocHit]:
        for index, a, ref, count in anniversaries_with_dates(ctx):
            if a.base_year is None:
                continue
            elapsed = ref.earliest.year - a.base_year
            if elapsed == count:
                continue
            start = ctx.doc.passages[index].start
            yield DocHit(
                claim_span=(start + a.start, start + a.end),
                evidence_span=(ref.start, ref.end),
                claim_value=f"{count} years after {a.base_year}",
                evidence_value=f"{ref.earliest.year} is {elapsed} years after {a.base_year}",
                message=f"'{a.text}' is dated {ref.earliest.year}, which is {elapsed} years after "
                f"{a.base_year}, not {count}",
                confidence=0.9,
            )


RULE = AnniversaryArithmetic()
