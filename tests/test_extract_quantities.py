"""find_quantities: YAML cases with exact expected output, and properties on arbitrary text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from checker.extract.quantities import find_quantities

CASES = YAML(typ="safe").load((Path(__file__).parent / "cases" / "extract" / "quantities.yaml").read_text("utf-8"))


def _expected(e: dict) -> dict:
    bound = e.get("bound", "exact")
    value = float(e["value"])
    low = e.get("low", value if bound in ("exact", "approx") else None)
    high = e.get("high", value if bound in ("exact", "approx") else None)
    return {
        "text": e["text"],
        "value": value,
        "low": None if low is None else float(low),
        "high": None if high is None else float(high),
        "unit": e.get("unit", ""),
        "kind": e.get("kind", "count"),
        "bound": bound,
        "noun": e.get("noun", ""),
    }


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_case(case):
    got = find_quantities(case["text"])
    actual = [
        {
            "text": q.text,
            "value": q.value,
            "low": q.low,
            "high": q.high,
            "unit": q.unit,
            "kind": q.kind,
            "bound": q.bound,
            "noun": q.noun,
        }
        for q in got
    ]
    expected = [_expected(e) for e in case["expect"]]
    for a in actual:  # float values from decimal literals: compare rounded
        for k in ("value", "low", "high"):
            if a[k] is not None:
                a[k] = round(a[k], 9)
    for e in expected:
        for k in ("value", "low", "high"):
            if e[k] is not None:
                e[k] = round(e[k], 9)
    assert actual == expected
    for q in got:
        assert case["text"][q.start : q.end] == q.text


def test_exclude_drops_overlapping_spans():
    text = "Trade reached $20 billion by May 2000, with over 45 meetings."
    start = text.index("May 2000")
    found = find_quantities(text, exclude=[(start, start + len("May 2000"))])
    assert [q.text for q in found] == ["$20 billion", "over 45"]
    # an exclude span covering part of a figure drops the whole figure
    cut = text.index("20 billion")
    assert [q.text for q in find_quantities(text, exclude=[(cut, cut + 2)])] == ["over 45"]
    # spans that only touch a figure do not remove it
    fig = text.index("$20 billion")
    touching = [(fig - 3, fig), (fig + len("$20 billion"), fig + len("$20 billion") + 3)]
    assert [q.text for q in find_quantities(text, exclude=touching)] == ["$20 billion", "over 45"]


def test_offsets_point_into_a_longer_text():
    text = "Intro line.\n\nLater, about 200 people and 3.5% of firms joined."
    found = find_quantities(text)
    assert [(q.text, text[q.start : q.end]) for q in found] == [("about 200", "about 200"), ("3.5%", "3.5%")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_never_raises_and_spans_slice_back(text):
    found = find_quantities(text)
    last_end = -1
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.start >= last_end  # sorted, non-overlapping
        last_end = q.end


_PIECES = st.sampled_from(
    [
        "over ",
        "about ",
        "$",
        "US$",
        "\\$",
        "€",
        "45",
        "1,200",
        "3.8",
        " billion",
        "bn",
        "m",
        "%",
        " percent",
        " percentage points",
        "-",
        "–",
        " to ",
        " and ",
        "between ",
        " meetings",
        " km",
        " tonnes",
        " a day",
        "15th",
        "twenty-five",
        " 1997",
        "May ",
        "[9]",
        ", ",
        ". ",
        "\n",
        "(",
        ")",
        "2.7.",
        "hundreds of ",
        " people",
        "a dozen ",
        "or more",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_number_heavy_text_never_raises(text):
    found = find_quantities(text)
    for q in found:
        assert text[q.start : q.end] == q.text
        if q.low is not None and q.high is not None:
            assert q.low <= q.high


def test_seed_paper_figures(seed_paper):
    """The headline figures of the seed paper come out typed; its years never do."""
    text = seed_paper.read_text("utf-8")
    found = find_quantities(text)
    money = {q.value for q in found if q.kind == "money" and q.unit == "USD"}
    assert {4e11, 3.8e9, 3e8, 2.4e11}.issubset(money)
    meetings = [q for q in found if q.noun == "meetings" and q.bound == "min"]
    assert {q.value for q in meetings} >= {45.0, 40.0}
    assert not [q for q in found if q.kind == "count" and 1900 <= q.value <= 2030]
    assert {q.value for q in found if q.kind == "ordinal" and q.noun == "anniversary"} >= {10.0, 60.0, 70.0, 75.0, 80.0}


@pytest.mark.parametrize(
    "text, share",
    [
        ("Roughly a fifth of patients travel.", 20.0),
        ("About one in five patients travels.", 20.0),
        ("Two-thirds of voters backed it.", 200 / 3),
        ("Three out of four residents agreed.", 75.0),
    ],
)
def test_a_share_in_words_is_a_percentage(text, share):
    from checker.extract.numbers_compare import interval

    (q,) = find_quantities(text)
    assert q.kind == "percent" and q.value == pytest.approx(share) and q.bound == "approx"
    low, high = interval(q)  # hedged as "about": a fifth allows 18-22 %
    assert low == pytest.approx(share * 0.9) and high == pytest.approx(share * 1.1)


def test_shares_in_words_compare_as_percentages():
    from checker.extract.numbers_compare import compatible

    fifth, one_in_five, quarter = (
        find_quantities(t)[0] for t in ("a fifth of patients", "one in five patients", "a quarter of patients")
    )
    assert compatible(fifth, one_in_five) and not compatible(fifth, quarter)


@pytest.mark.parametrize("text", ["They won a third straight title.", "It runs in the second half of 2028."])
def test_an_ordinal_that_is_no_share_stays_an_ordinal(text):
    assert all(q.kind != "percent" for q in find_quantities(text))
