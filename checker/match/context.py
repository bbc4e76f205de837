"""The time around a sentence: what a reader takes a sentence with no date of its own to be
about ("Temperatures reached 41 degrees." under a heading on 14 August, after a sentence on
the day the fire broke out).

Two statements with one subject and one predicate are still two when they are of two times:
"reached 43 degrees on Monday" is not contradicted by "reached 41 degrees" in a passage that
speaks of another day. A figure, score or rank may be set against the claim's only when the
passage states the claim's time, or states no time at all, in its sentence or, failing that,
in its headings and the few sentences before it.
"""

from __future__ import annotations

from ..extract.dates import find_dates
from ..extract.measures import in_comparison_base
from ..extract.statements import clause_of
from ..extract.temporal import disjoint
from ..models import DateMention, Document, Facts

WINDOW = 6  # earlier passages of its section a sentence may lean on (a pronoun, a bare "the museum", a date)


def window(doc: Document, index: int, back: int = WINDOW) -> list[int]:
    """The up to ``back`` passages before ``index`` in its section (no heading between), oldest first."""
    me = doc.passages[index]
    out = []
    for j in range(index - 1, max(-1, index - 1 - back), -1):
        other = doc.passages[j]
        if other.is_heading or other.section != me.section:
            break
        out.append(j)
    return out[::-1]


def passage_at(doc: Document, start: int) -> int | None:
    """The index of the passage of ``doc`` that starts at offset ``start``."""
    lo, hi = 0, len(doc.passages)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc.passages[mid].start < start:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(doc.passages) and doc.passages[lo].start == start else None


def context_dates(doc: Document, index: int) -> list[DateMention]:
    """The dates of the headings above passage ``index`` and of the passages of its window."""
    texts = [*doc.passages[index].section, *(doc.passages[j].text for j in window(doc, index))]
    return [d for t in texts for d in find_dates(t, doc.date) if not (d.open_start and d.open_end)]


def own_dates(
    text: str, start: int, facts: Facts, lo: int, hi: int, skip: tuple[int, int] | None = None
) -> list[DateMention]:
    """The dates between absolute offsets ``lo`` and ``hi`` of a sentence that are its own
    time: not a comparison base ("up from 2019"), not the span ``skip``."""
    return [
        d
        for d in facts.dates
        if lo <= d.start < hi
        and not (skip and skip[0] <= d.start < skip[1])
        and not in_comparison_base(text, d.start - start)
    ]


def another_time(mine: list[DateMention], theirs: list[DateMention], around: list[DateMention]) -> bool:
    """True when the claim gives times and the passage states times, none of them the claim's:
    in its sentence (``theirs``) or, where the sentence has none, around it (``around``)."""
    if not mine:
        return False
    stated = theirs or around
    return bool(stated) and all(disjoint(a, b) for a in mine for b in stated)


def times_around(
    text: str, start: int, end: int, facts: Facts, doc: Document | None, skip: tuple[int, int] | None = None
) -> tuple[list[DateMention], list[DateMention]]:
    """(the sentence's own dates, the dates around it where it has none) of a passage at
    offsets ``start``..``end`` of ``doc``: what ``another_time`` reads of the passage side."""
    theirs = own_dates(text, start, facts, start, end, skip)
    index = passage_at(doc, start) if doc is not None and not theirs else None
    return theirs, (context_dates(doc, index) if doc is not None and index is not None else [])


def clause_dates(
    text: str, start: int, facts: Facts, at: int, skip: tuple[int, int] | None = None
) -> list[DateMention]:
    """The sentence's own dates in the clause that holds offset ``at``."""
    lo, hi = clause_of(text, at - start)
    return own_dates(text, start, facts, lo + start, hi + start, skip)
