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

from bisect import bisect_right

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
    """The index of the passage of ``doc`` that holds offset ``start`` (a passage is a
    paragraph; a sentence of it starts inside it)."""
    starts = [p.start for p in doc.passages]
    k = bisect_right(starts, start) - 1
    if k < 0 or start >= max(doc.passages[k].end, doc.passages[k].start + 1):
        return None
    return k


def context_dates(doc: Document, index: int, before: int | None = None) -> list[DateMention]:
    """The dates of the headings above passage ``index``, of the passages of its window and of
    its own sentences before offset ``before``."""
    p = doc.passages[index]
    texts = [*p.section, *(doc.passages[j].text for j in window(doc, index))]
    if before is not None and before > p.start:
        texts.append(p.text[: before - p.start])
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
    around = context_dates(doc, index, start) if doc is not None and index is not None else []
    if doc is not None and not theirs and not around and doc.date is not None:
        around = lede_dates(doc)
    return theirs, around


_LEDES: dict[tuple[str, int, object], list[DateMention]] = {}  # one reading per document text


def lede_dates(doc: Document) -> list[DateMention]:
    """As :func:`_lede_dates`, read once per document (every undated candidate asks)."""
    key = (doc.path, hash(doc.text), doc.date)
    found = _LEDES.get(key)
    if found is None:
        if len(_LEDES) > 256:
            _LEDES.clear()
        found = _LEDES[key] = _lede_dates(doc)
    return found


def _lede_dates(doc: Document) -> list[DateMention]:
    """The time a dated report is about where a sentence, its headings and the sentences before
    it give none: the times of its first passage that gives any ("HAVERSTAD, 2 July 2026 - ...
    at the census of 14 October 2025"), but not the day of the report itself (its dateline, a
    "said on Wednesday"), a base a change is measured from or an open interval ("since the
    previous census in 2015")."""
    for p in doc.passages:
        if p.is_heading:
            continue
        found = [
            d
            for d in find_dates(p.text, doc.date)
            if not (d.open_start or d.open_end)
            and not in_comparison_base(p.text, d.start)
            and not (d.earliest == d.latest == doc.date)
        ]
        if found:
            return found
    return []


def clause_dates(
    text: str, start: int, facts: Facts, at: int, skip: tuple[int, int] | None = None
) -> list[DateMention]:
    """The sentence's own dates in the clause that holds offset ``at``."""
    lo, hi = clause_of(text, at - start)
    return own_dates(text, start, facts, lo + start, hi + start, skip)
