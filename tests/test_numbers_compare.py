"""The tolerance policy: which pairs of stated figures can both be true."""

from __future__ import annotations

import pytest

from checker.extract.numbers_compare import (
    compatible,
    conflicts,
    describe,
    inconsistent_bounds,
    interval,
    same_figure,
    same_kind,
)
from checker.extract.quantities import find_quantities
from checker.models import Quantity


def q(text: str) -> Quantity:
    """The single quantity of a short phrase (the extractor is part of what is tested)."""
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    return found[0]


COMPATIBLE = [
    ("about 200 people", "195 people"),
    ("US$400 billion", "$400bn"),
    ("US$400 billion", "400 billion US dollars"),
    ("over 45 meetings", "50 meetings"),
    ("1.2 million tonnes", "1,234,567 tonnes"),
    ("$3.8 billion", "$3.8 billion"),
    ("3.5%", "3.5 percent"),
    ("between 80% and 90%", "85%"),
    ("80-90%", "90%"),
    ("up to 30 ships", "25 ships"),
    ("nearly 50 deals", "48 deals"),
    ("4,300 km", "2,672 miles"),
    ("2 percentage points", "200 basis points"),
    ("hundreds of protesters", "400 protesters"),
    ("13 cents", "$0.13"),
    ("$2 billion", "$1.8 billion"),  # one significant digit: 1.8 rounds to 2
    ("32,000 employees", "32,400 employees"),
    ("over 30 summits", "over 35 summits"),
    ("3-5%", "3% to 5%"),
    ("at least 100 stores", "up to 100 stores"),
    ("over 45 stores", "under 50 stores"),
    ("$1.7 billion to $1.8 billion", "$1.70–1.80 billion"),
    ("the 60th anniversary", "the sixtieth anniversary"),
]

CONFLICTS = [
    ("$3.8 billion", "$3.9 billion"),
    ("over 45 meetings", "40 meetings"),
    ("$25 billion", "$30 billion"),
    ("13.8 percent", "13.1 percent"),
    ("$0.13", "$0.14"),
    ("about 200 people", "260 people"),
    ("up to 30 ships", "45 ships"),
    ("1.2 million tonnes", "1.3 million tonnes"),
    ("between 80% and 90%", "70%"),
    ("hundreds of protesters", "5,000 protesters"),
    ("the 60th anniversary", "the 70th anniversary"),
    ("40 km", "40 miles"),
    ("US$400 billion", "$410 billion"),
    ("$100 million", "$125 million"),
    ("3-5%", "1-3%"),  # overlapping ranges, but different guidance
    ("over 100 stores", "fewer than 100 stores"),
    ("below $25 billion", "above $25 billion"),
    ("$1.7 billion to $1.8 billion", "$1 billion to $2 billion"),
]

NOT_COMPARABLE = [
    ("3.5%", "3.5 percentage points"),  # a rate vs a change of rate
    ("€400 billion", "$400 billion"),  # never across currencies
    ("45 meetings", "45 summits"),
    ("45 meetings", "45 km"),
    ("£5m", "5 million"),
    ("40 million tonnes a year", "40 million tonnes"),
]


@pytest.mark.parametrize("a,b", COMPATIBLE)
def test_compatible(a, b):
    qa, qb = q(a), q(b)
    assert same_kind(qa, qb) and same_kind(qb, qa)
    assert compatible(qa, qb) and compatible(qb, qa)
    assert not conflicts(qa, qb)


@pytest.mark.parametrize("a,b", CONFLICTS)
def test_conflicts(a, b):
    qa, qb = q(a), q(b)
    assert conflicts(qa, qb) and conflicts(qb, qa)
    assert not compatible(qa, qb)


@pytest.mark.parametrize("a,b", NOT_COMPARABLE)
def test_not_comparable_never_conflicts(a, b):
    qa, qb = q(a), q(b)
    assert not same_kind(qa, qb)
    assert not conflicts(qa, qb)


def test_stated_precision_intervals():
    lo, hi = interval(q("1.2 million tonnes"))
    assert (lo, hi) == pytest.approx((1.15e6, 1.25e6))
    lo, hi = interval(q("about 200 people"))  # "about" widens by 10%
    assert (lo, hi) == pytest.approx((180, 220))
    lo, hi = interval(q("32,000 employees"))  # a long round figure: rounded to thousands
    assert (lo, hi) == pytest.approx((31500, 32500))
    lo, hi = interval(q("$3.8 billion"))
    assert (lo, hi) == pytest.approx((3.75e9, 3.85e9))
    lo, hi = interval(q("over 45 meetings"))
    assert lo == pytest.approx(44.5) and hi == float("inf")


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ("over 30 summits", "over 35 summits", True),
        ("about 200 people", "about 210 people", True),
        ("over 45 meetings", "over 45 meetings", False),
        ("over 45 meetings", "more than 45 meetings", False),
        ("over 45 meetings", "50 meetings", False),  # an exact figure inside the bound
        ("over 45 meetings", "40 meetings", False),  # a conflict, reported as such instead
        ("over 30 summits", "over 35 meetings", False),  # different things counted
    ],
)
def test_inconsistent_bounds(a, b, expected):
    assert inconsistent_bounds(q(a), q(b)) is expected
    assert inconsistent_bounds(q(b), q(a)) is expected


@pytest.mark.parametrize(
    "phrase,expected",
    [
        ("US$400 billion", "USD 400000000000"),
        ("over 45 summits", ">45 summits"),
        ("3.5 percent", "3.5 percent"),
        ("about 200 people", "~200 people"),
        ("up to 30 ships", "<30 ships"),
        ("80-90%", "80..90 percent"),
        ("2 percentage points", "2 percentage point"),
        ("the 15th anniversary", "15th anniversary"),
        ("the 21st summit", "21st summit"),
        ("a 40-year dispute", "40 year dispute"),
        ("$0.13", "USD 0.13"),
    ],
)
def test_describe(phrase, expected):
    assert describe(q(phrase)) == expected


# same_figure: does the source *state* the claim's number (support), not merely allow it
STATES = [
    ("about 870 infections", "870 people"),  # another noun, the same number
    ("$1.6 billion", "$1.65 billion"),  # rounded
    ("40 percent", "40.9%"),  # cut to fewer digits
    ("$1.36", "$1.30 to $1.40"),  # a point inside a stated range
    ("$1.30 to $1.40", "$1.30-$1.40"),
    ("more than 10%", "over 10%"),
]
DOES_NOT_STATE = [
    ("$10.52", "at least $6"),  # allowed by the bound, but not stated
    ("$0.10", "below $25 billion"),
    ("between 2,400 and 2,500 units", "between 2,400 and 2,600 units"),  # one end differs
    ("$1.32 to $1.38", "$1.36"),  # a range is not stated by a point inside it
    ("$6.90", "$6.86"),
    ("39%", "38%"),
    ("$440,000", "$460,000"),
    ("870 infections", "$870"),  # another dimension
    ("1%", "1.9%"),  # a cut that moves the figure by nearly half is no shortening
    ("13 percent", "13.8%"),
]


@pytest.mark.parametrize("a,b", STATES)
def test_same_figure_when_the_number_is_stated(a, b):
    assert same_figure(q(a), q(b))


@pytest.mark.parametrize("a,b", DOES_NOT_STATE)
def test_not_the_same_figure(a, b):
    assert not same_figure(q(a), q(b))
