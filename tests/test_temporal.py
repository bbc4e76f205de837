"""contains / overlaps / disjoint / conflicts on mentions found in real phrasing."""

from __future__ import annotations

import pytest

from checker.extract.dates import find_dates
from checker.extract.temporal import conflicts, contains, disjoint, overlaps


def d(text: str):
    [m] = find_dates(text)
    return m


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("in 1989", "on May 15, 1989", False),  # coarser contains finer
        ("on March 22, 2013", "March 22–24, 2013", False),  # a day of a multi-day event
        ("November 9–11, 1997", "November 9–10, 1997", True),  # two full extents that differ
        ("November 9–11, 1997", "November 9-11, 1997", False),  # same range, other dash
        ("in May 1989", "in June 1989", True),  # disjoint months
        ("on May 15, 1989", "on May 16, 1989", True),  # different days
        ("in 1988", "on May 15, 1989", True),
        ("1960-1988", "from May 1960 to June 1988", False),  # equal at the coarser granularity
        ("1960-1988", "1960-1989", True),  # year ranges with different ends
        ("mid-2019", "in August 2019", False),  # approximate: only disjoint conflicts
        ("mid-2019", "in December 2019", True),  # ... and this one is disjoint
        ("since 2013", "in 2020", False),  # open end
        ("since 2013", "in 2010", True),
        ("before 2022", "in 2021", False),
        ("before 2022", "in 2022", True),
        ("the early 1990s", "1996-1998", True),
        ("the 1990s", "May 15-19, 1995", False),
    ],
)
def test_conflicts_policy(a, b, expected):
    ma, mb = d(a), d(b)
    assert conflicts(ma, mb) is expected
    assert conflicts(mb, ma) is expected  # symmetric


def test_contains_overlaps_disjoint():
    year, day, rng = d("in 1989"), d("on May 15, 1989"), d("May 15-19, 1989")
    assert contains(year, day) and contains(year, rng) and contains(rng, day)
    assert not contains(day, year) and not contains(day, rng)
    assert overlaps(day, rng) and overlaps(rng, year)
    other = d("in June 1989")
    assert disjoint(other, rng) and not overlaps(other, rng)
    assert not disjoint(year, other)
