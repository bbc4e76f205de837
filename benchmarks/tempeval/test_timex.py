"""find_timexes: the YAML cases (exact TIMEX3 output) and properties on arbitrary text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from benchmarks.tempeval.timex import find_timexes

CASES = Path(__file__).parent / "cases" / "timex.yaml"


def _cases():
    data = YAML(typ="safe").load(CASES.read_text(encoding="utf-8"))
    for i, case in enumerate(data["cases"]):
        yield pytest.param(case, id=case.get("name", str(i)))


def _as_date(v):
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


@pytest.mark.parametrize("case", list(_cases()))
def test_case(case):
    doc = _as_date(case["doc_date"]) if case.get("doc_date") else None
    found = find_timexes(case["text"], doc)
    got = [{"text": x.text, "type": x.type, "value": x.value, **({"mod": x.mod} if x.mod else {})} for x in found]
    want = [{k: str(v) for k, v in e.items()} for e in case["expect"]]
    assert got == want
    for x in found:
        assert case["text"][x.start : x.end] == x.text


def test_dates_carry_their_interval():
    """A DATE from a stated date keeps the DateMention the date rules compare."""
    [x] = find_timexes("The accord was signed on May 15, 1989.")
    assert x.date is not None and x.date.earliest == dt.date(1989, 5, 15)
    [ref] = find_timexes("Prices are high now.", dt.date(2024, 5, 15))
    assert ref.value == "PRESENT_REF" and ref.date is None


def test_without_doc_date_nothing_relative_is_guessed():
    found = find_timexes("He left on Tuesday, came back this morning and is here now.")
    assert [(x.text, x.value) for x in found] == [("now", "PRESENT_REF")]


_TIMEISH = st.sampled_from(
    [
        "May 15-19, 1989",
        " now ",
        "that day",
        " a year earlier",
        "10 p.m.",
        " Wednesday",
        " morning",
        "daily",
        "every two weeks",
        "the quarter",
        "year-ago",
        "nineteen ninety-six",
        "–",
        "\u00a0",
        " and ",
        "(2019)",
        "\n",
        "last week",
        "the weekend",
        "two days after",
        " the future",
        "current ",
        "midnight",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.text(max_size=12), _TIMEISH), max_size=14),
    st.one_of(st.none(), st.dates(min_value=dt.date(1001, 1, 1), max_value=dt.date(9998, 1, 1))),
)
def test_never_raises_and_spans_slice_back(parts, doc):
    text = "".join(parts)
    last_end = -1
    for x in find_timexes(text, doc):
        assert text[x.start : x.end] == x.text and x.text
        assert x.start >= last_end  # sorted, non-overlapping
        assert x.value
        last_end = x.end


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_arbitrary_unicode(text):
    for x in find_timexes(text, dt.date(2024, 5, 15)):
        assert text[x.start : x.end] == x.text
