"""CC-ANNIV-002 anniversary.inconsistent"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..models import Anniversary, Severity
from .anniversary_arithmetic import anniversaries_with_dates
from .base import DocContext, DocHit, DocumentRule

_STOP = {
    "the",
    "of",
    "and",
    "a",
    "an",
    "their",
    "its",
    "his",
    "her",
    "our",
    "s",
    "third",
    "second",
    "first",
    "fourth",
    "fifth",
    "new",
    "anniversary",
    "years",
    "year",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")


def subject_key(text: str, people: set[str]) -> frozenset[str]:
    """Content words naming what an anniversary is of, without people's names."""
    person_tokens = {t.lower() for p in people for t in p.split()}
    return frozenset(
        w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP and w.lower() not in person_tokens
    )


def _subject_text(passage: str, a: Anniversary) -> str:
    """The words after "anniversary of" (to the clause end), or the possessor before it."""
    after = re.match(r"[^,;.()]{0,80}", passage[a.end :])
    text = (a.event or "") + " " + (after.group(0) if after else "")
    return text.split(" with ")[0]


class AnniversaryInconsistent(DocumentRule):
    """What it checks:
    Anniversaries and elapsed times of the same thing that imply different founding years:
    "the 10th anniversary of the Belt and Road" in 2019 in one section and in 2023 in another.

    Why it matters:
    At most one of them can be right; a reader who notices will doubt the rest.

    Example:
    A 2019 section marking "the 10th anniversary" of an initiative that a 2023 section also
    marks as "its 10th anniversary". Not a finding: "the 10th anniversary of the partnership"
    in 2006 and "12 years of the partnership" in 2008 (both from 1996).

    Options:
    None. Where three or more mentions agree, only the odd one out is reported.
    """

    code = "CC-ANNIV-002"
    name = "anniversary.inconsistent"
    category = "anniversary"
    severity = Severity.error

    def check_document(self, ctx: DocContext) -> Iterable[DocHit]:
        mentions = []
        for index, a, ref, count in anniversaries_with_dates(ctx):
            people = set(ctx.facts[index].people())
            key = subject_key(_subject_text(ctx.doc.passages[index].text, a), people)
            if len(key) < 2 and not a.base_year:
                continue
            base = a.base_year if a.base_year else ref.earliest.year - count
            mentions.append((index, a, ref, key, base))
        seen = set()
        for ia, a, ra, ka, ba in mentions:
            group = [m for m in mentions if _same_subject(ka, m[3])]
            votes = Counter(m[4] for m in group)
            for ib, b, rb, _, bb in group:
                if bb == ba or (ia, ib) in seen or (ib, ia) in seen or ia == ib:
                    continue
                # report the mention whose founding year fewer mentions share (the later on a tie)
                if votes[ba] > votes[bb] or (votes[ba] == votes[bb] and ia < ib):
                    continue
                seen.add((ia, ib))
                sa, sb = ctx.doc.passages[ia].start, ctx.doc.passages[ib].start
                yield DocHit(
                    claim_span=(sa + a.start, sa + a.end),
                    evidence_span=(sb + b.start, sb + b.end),
                    claim_value=f"{a.text} in {ra.earliest.year} (from {ba})",
                    evidence_value=f"{b.text} in {rb.earliest.year} (from {bb})",
                    message=(
                        f"'{a.text}' in {ra.earliest.year} implies {ba}; '{b.text}' in "
                        f"{rb.earliest.year} implies {bb}, for the same thing"
                    ),
                    confidence=0.8,
                )


def _same_subject(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    common = a & b
    return len(common) >= 2 and len(common) / min(len(a), len(b)) >= 0.6


RULE = AnniversaryInconsistent()
