"""References list, URL dates and in-text citations: the YAML cases (exact output), properties,
and what the seed paper's list really holds (facts about it, not its sentences)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from checker.ingest.citations import dangling_citations, find_citations, uncited_references
from checker.ingest.references import attach_structure, parse_references, published_date, url_date
from checker.ingest.text import build_document, load_text_document

CASES = Path(__file__).parent / "cases" / "ingest"


def _load(name: str):
    data = YAML(typ="safe").load((CASES / name).read_text(encoding="utf-8"))
    return [pytest.param(case, id=case["name"]) for case in data["cases"]]


@pytest.mark.parametrize("case", _load("url_dates.yaml"))
def test_url_date_cases(case):
    got = url_date(case["url"])
    assert (list(got) if got else None) == case["expect"]


@pytest.mark.parametrize("case", _load("references.yaml"))
def test_reference_cases(case):
    doc = build_document("case.txt", case["text"])
    got = []
    for ref in parse_references(doc):
        assert doc.text[ref.start : ref.end] == ref.text
        date = published_date(ref.text)
        got.append(
            {"key": ref.key, "year": ref.year, "date": list(date) if date else None, "url": ref.url, "text": ref.text}
        )
    assert got == case["expect"]


@pytest.mark.parametrize("case", _load("citations.yaml"))
def test_citation_cases(case):
    doc = attach_structure(build_document("case.txt", case["text"]))
    cites = find_citations(doc)
    assert [[c.key, doc.text[c.start : c.end]] for c in cites] == case["citations"]
    assert [r.key for r in uncited_references(doc)] == case["uncited"]
    assert [c.key for c in dangling_citations(doc)] == case["dangling"]
    for c in cites:  # every marker sits in the passage it names
        p = doc.passages[c.passage]
        assert p.start <= c.start and c.end <= p.end


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="/-_.t0123456789abc?#", max_size=40))
def test_url_date_is_a_real_date_or_none(path):
    import datetime as dt

    got = url_date("https://example.com/" + path)
    if got is not None:
        y, m, d = got
        assert 1900 <= y <= 2100
        if d is not None:
            dt.date(y, m, d)
        elif m is not None:
            assert 1 <= m <= 12


def test_attach_structure_stores_references():
    doc = build_document("x.txt", "Text [1].\n\nReferences\n\n[1] Doe, A. (2020). Title. Example.\n")
    assert doc.references == []
    assert attach_structure(doc) is doc and [r.key for r in doc.references] == ["1"]


# --------------------------------------------------------------------------- the seed paper


@pytest.fixture(scope="module")
def paper():
    from conftest import SEED_PAPER

    if not SEED_PAPER.exists():
        pytest.skip("../shared/seeds is not available")
    return attach_structure(load_text_document(SEED_PAPER))


def test_seed_has_fifty_numbered_references(paper):
    refs = paper.references
    assert [r.key for r in refs] == [str(i) for i in range(1, 51)]
    for ref in refs:
        assert paper.text[ref.start : ref.end] == ref.text and "\n" not in ref.text


def test_seed_reference_years_and_urls(paper):
    refs = {r.key: r for r in paper.references}
    # "Ibid" entries have neither; n.d. and garbled "(March, June 17)" entries have no year
    assert {k for k, r in refs.items() if r.url is None} == {"4", "5"}
    assert {k for k, r in refs.items() if r.year is None} == {
        "2",
        "3",
        "4",
        "5",
        "15",
        "17",
        "20",
        "25",
        "29",
        "34",
        "47",
        "48",
    }
    assert refs["6"].year == 2022 and refs["7"].year == 1991 and refs["12"].year == 2005
    assert all(not r.url.endswith((">", ".", ",")) and r.url.startswith("http") for r in refs.values() if r.url)


def test_seed_entries_whose_year_disagrees_with_their_url(paper):
    """Entries dated years after the article their URL dates: the access or update date given
    as the publication date. A later rule reports these; here we check we can see them."""
    off = {}
    for ref in paper.references:
        said, in_url = published_date(ref.text), url_date(ref.url) if ref.url else None
        if said and in_url and said[0] != in_url[0]:
            off[ref.key] = (said[0], in_url[0])
    assert off == {"8": (2019, 1996), "9": (2024, 1997), "10": (2024, 1997), "16": (2017, 2010)}
    # same year, months apart: the entry says July, the URL says January
    assert published_date(next(r.text for r in paper.references if r.key == "46"))[:2] == (2025, 7)
    assert url_date(next(r.url for r in paper.references if r.key == "46")) == (2025, 1, 21)


def test_seed_citations_cover_the_list_once_each(paper):
    cites = find_citations(paper)
    assert [c.key for c in cites] == [str(i) for i in range(1, 51)]
    assert uncited_references(paper, cites) == [] and dangling_citations(paper, cites) == []
    sections = [paper.passages[c.passage].section_number for c in cites]
    assert sections[0] == "2.1" and sections[-1] == "2.48"
