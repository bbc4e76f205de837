"""Granularity-aware comparison of date mentions: intervals, not datetimes.

A :class:`~checker.models.DateMention` is the closed interval of days ``earliest..latest`` that
its words allow; open sides are ``date.min``/``date.max``. Comparing intervals is what makes
"1989" agree with "May 15, 1989" (the year contains the day) while "May 1989" and "June 1989"
disagree (disjoint).
"""

from __future__ import annotations

from checker.models import DateMention

__all__ = ["contains", "overlaps", "disjoint", "conflicts"]

_ORDER = {"day": 0, "month": 1, "season": 2, "quarter": 2, "year": 3, "decade": 4, "century": 5}


def contains(outer: DateMention, inner: DateMention) -> bool:
    """Every day ``inner`` allows is allowed by ``outer`` ("1989" contains "May 15, 1989")."""
    return outer.earliest <= inner.earliest and inner.latest <= outer.latest


def overlaps(a: DateMention, b: DateMention) -> bool:
    """At least one day is allowed by both."""
    return a.earliest <= b.latest and b.earliest <= a.latest


def disjoint(a: DateMention, b: DateMention) -> bool:
    """No day is allowed by both ("May 1989" vs "June 1989")."""
    return not overlaps(a, b)


def _coarsen(m: DateMention, gran: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The range's endpoints at the coarser of two granularities, as comparable keys."""
    lo, hi = m.earliest, m.latest
    if gran == "day":
        return (lo.toordinal(),), (hi.toordinal(),)
    if gran == "month":
        return (lo.year, lo.month), (hi.year, hi.month)
    if gran in ("quarter", "season"):
        return (lo.year, (lo.month - 1) // 3), (hi.year, (hi.month - 1) // 3)
    if gran == "year":
        return (lo.year,), (hi.year,)
    if gran == "decade":
        return (lo.year // 10,), (hi.year // 10,)
    return (lo.year // 100,), (hi.year // 100,)


def conflicts(a: DateMention, b: DateMention) -> bool:
    """Can two statements of the SAME event's date not both be true?

    Policy:

    * Disjoint intervals always conflict ("May 1989" vs "June 1989").
    * Approximate ("mid-2019", "around 2010") and open ("since 2013", "before 2022") mentions
      conflict only when disjoint: their edges are not stated.
    * A coarser mention never conflicts with a finer one inside it: "1989" vs "May 15, 1989".
      A single day inside a stated range is a day of a multi-day event: "March 22, 2013" vs
      "March 22–24, 2013" is no conflict. More generally a single (non-range) mention that
      overlaps the other is no conflict.
    * Two RANGES each state the event's full extent, so they conflict when their endpoints
      differ at the coarser of their two granularities: "November 9–11, 1997" vs
      "November 9–10, 1997" conflict; "1960-1988" vs "May 1960 – June 1988" do not.
    """
    if disjoint(a, b):
        return True
    if a.approximate or b.approximate or a.open_start or a.open_end or b.open_start or b.open_end:
        return False
    if a.is_range and b.is_range:
        gran = a.granularity if _ORDER[a.granularity] >= _ORDER[b.granularity] else b.granularity
        return _coarsen(a, gran) != _coarsen(b, gran)
    return False
