"""find_dates: the YAML cases (exact output), the policies, and properties on arbitrary text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from checker.extract.dates import find_dates

CASES = Path(__file__).parent / "cases" / "extract"
FLAGS = ("is_range", "open_start", "open_end", "relative", "approximate")


def _cases():
    for path in sorted(CASES.glob("dates*.yaml")):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            yield pytest.param(case, id=f"{path.stem}-{case.get('name', i)}")


def _as_date(v):
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def _got(m) -> dict:
    out = {"text": m.text, "earliest": m.earliest, "latest": m.latest, "granularity": m.granularity}
    out.update({f: getattr(m, f) for f in FLAGS})
    return out


def _want(e: dict) -> dict:
    out = {
        "text": e["text"],
        "earliest": _as_date(e["earliest"]),
        "latest": _as_date(e["latest"]),
        "granularity": e["granularity"],
    }
    out.update({f: bool(e.get(f, False)) for f in FLAGS})
    unknown = set(e) - set(out)
    assert not unknown, f"unknown keys in case: {unknown}"
    return out


@pytest.mark.parametrize("case", list(_cases()))
def test_case(case):
    doc = _as_date(case["doc_date"]) if case.get("doc_date") else None
    found = find_dates(case["text"], doc, weekday_policy=case.get("weekday_policy", "past"))
    assert [_got(m) for m in found] == [_want(e) for e in case["expect"]]
    for m in found:
        assert case["text"][m.start : m.end] == m.text


def test_unknown_policy_is_an_error():
    with pytest.raises(ValueError):
        find_dates("on Friday", dt.date(2024, 5, 15), weekday_policy="sometimes")


def test_datetime_doc_date_is_accepted():
    found = find_dates("yesterday", dt.datetime(2024, 5, 15, 23, 59))
    assert [m.earliest for m in found] == [dt.date(2024, 5, 14)]


def test_offsets_survive_dashes_and_nbsp():
    text = "Ein Satz — dann:\u00a0November\u00a09–11,\u00a01997 und mehr."
    [m] = find_dates(text)
    assert m.text == "November\u00a09–11,\u00a01997"
    assert (m.earliest, m.latest) == (dt.date(1997, 11, 9), dt.date(1997, 11, 11))


def test_seed_paper_years_and_ranges(seed_paper):
    """On the real review paper: its headline range, the day ranges, and no citation page range."""
    text = seed_paper.read_text(encoding="utf-8")
    found = find_dates(text)
    texts = [m.text for m in found]
    assert "1078-1093" not in texts and "1078–1093" not in texts
    values = {(m.earliest, m.latest) for m in found if m.is_range}
    assert (dt.date(1989, 5, 15), dt.date(1989, 5, 19)) in values
    assert (dt.date(1960, 1, 1), dt.date(1988, 12, 31)) in values
    for m in found:
        assert text[m.start : m.end] == m.text
        assert 1000 <= m.earliest.year or m.open_start


_DATEISH = st.sampled_from(
    [
        "May 15-19, 1989",
        " in 1997 ",
        "since 2013",
        "1960–88",
        "the 1990s",
        "on Wednesday",
        "2.7. ",
        "US$400",
        "1,500",
        "–",
        "—",
        "\u00a0",
        " and ",
        " between ",
        "mid-",
        "(2019)",
        "\n",
        "March 3",
        "last week",
        "Q3 ",
        "20th century",
        "'90s",
        "post-",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.text(max_size=12), _DATEISH), max_size=14),
    st.sampled_from(["past", "future", "nearest", "auto"]),
    st.one_of(st.none(), st.dates(min_value=dt.date(1001, 1, 1), max_value=dt.date(9998, 1, 1))),
)
def test_never_raises_and_spans_slice_back(parts, policy, doc):
    text = "".join(parts)
    found = find_dates(text, doc, weekday_policy=policy)
    last_end = -1
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end  # sorted, non-overlapping
        assert m.earliest <= m.latest
        last_end = m.end


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_unicode(text):
    for m in find_dates(text, dt.date(2024, 5, 15)):
        assert text[m.start : m.end] == m.text


def _extra_cases(kind: str):
    data = YAML(typ="safe").load((CASES / "durations.yaml").read_text(encoding="utf-8"))
    return [pytest.param(c, id=f"{kind}-{i}") for i, c in enumerate(data[kind])]


@pytest.mark.parametrize("case", _extra_cases("durations"))
def test_durations(case):
    from checker.extract.durations import find_durations

    got = [
        {"text": d.text, "value": d.value, "unit": d.unit, "iso": d.iso(), "approximate": d.approximate, "kind": d.kind}
        for d in find_durations(case["text"])
    ]
    want = [{"approximate": False, "kind": "duration", **e} for e in case["expect"]]
    assert got == want


@pytest.mark.parametrize("case", _extra_cases("anniversaries"))
def test_anniversaries(case):
    from checker.extract.anniversaries import find_anniversaries

    found = find_anniversaries(case["text"])
    got = [
        {k: v for k, v in a.model_dump().items() if k not in ("start", "end") and v not in (None, "")} for a in found
    ]
    assert got == case["expect"]
    for a in found:
        assert case["text"][a.start : a.end] == a.text


def test_a_month_before_a_comma_and_a_figure_is_still_a_date():
    import datetime as dt

    from checker.extract.dates import find_dates

    day = dt.date(2026, 5, 15)
    assert [d.text for d in find_dates("In February, 68.9 percent of patients were seen.", day)] == ["February"]
    assert [d.text for d in find_dates("At the end of December, 14,300 were waiting.", day)] == ["the end of December"]
    assert [d.text for d in find_dates("In May, 2021 saw rain.", day)] == ["May, 2021"]  # a year after the comma
