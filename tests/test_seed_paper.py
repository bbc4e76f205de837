"""The running example: the seed review paper checked against itself."""

from __future__ import annotations

from checker.engine import CheckConfig, check


def _findings(path):
    report = check([path], CheckConfig(cache_dir=None, root=path.parent))
    return report


def test_section_2_7_heading_contradicts_its_body(seed_paper):
    report = _findings(seed_paper)
    heading = [
        f
        for f in report.findings
        if f.claim.section and f.claim.section.startswith("2.7.") and f.claim.text and f.claim.line == 79
    ]
    by_rule = {f.rule: f for f in heading}
    date = by_rule["CC-DATE-001"]
    assert date.claim.text == "April 23, 1997"
    assert date.claim.line == 79 and date.evidence.line == 81
    assert "1997-11-09..1997-11-11" in date.evidence_value
    assert date.claim_value.startswith("1997-04-23")
    place = by_rule["CC-PLACE-001"]
    assert (place.claim_value, place.evidence_value) == ("Moscow", "Beijing")
    assert place.evidence.line == 81
    actor = by_rule["CC-ACTOR-001"]
    assert "Jiang Zemin" in actor.claim_value and "Boris Yeltsin" in actor.evidence_value


def test_section_2_8_body_contradicts_section_2_7_body(seed_paper):
    report = _findings(seed_paper)
    pair = [f for f in report.findings if f.rule == "CC-DATE-001" and f.claim.line == 89 and f.evidence.line == 81]
    assert len(pair) == 1
    f = pair[0]
    assert f.claim_value.startswith("1997-11-09..1997-11-10")
    assert f.evidence_value.startswith("1997-11-09..1997-11-11")
    assert f.claim.column > 1 and f.evidence.column > 1
    assert f.claim.path.endswith("001_630ad76a5922bb74.txt")


def test_no_conflict_where_heading_date_lies_inside_or_is_coarser(seed_paper):
    report = _findings(seed_paper)
    # 2.8 heading "November 10, 1997" lies inside its body's "November 9-10, 1997";
    # 2.5 heading "May 1991" is coarser than its body's "May 15, 1991".
    for line in (87, 69):
        assert not [f for f in report.findings if f.rule == "CC-DATE-001" and f.claim.line == line], line


def test_a_2010_remark_reused_as_the_opening_of_a_2014_one(seed_paper):
    # 2.19 quotes a remark whose first sentence 2.14 already gave for 2010; the sentence
    # splitter cuts 2.19's quotation at its inner full stop, so it is read as running on.
    report = _findings(seed_paper)
    reused = [f for f in report.findings if f.rule == "CC-QUOTE-002" and f.claim.section.startswith("2.19.")]
    assert len(reused) == 1
    assert reused[0].evidence.section.startswith("2.14.")
    assert reused[0].claim.text.startswith("This is an important project")


def test_first_summit_in_34_years_against_the_1989_section(seed_paper):
    report = _findings(seed_paper)
    first = [f for f in report.findings if f.rule == "CC-FIRST-001"]
    assert len(first) == 1
    assert first[0].claim.section.startswith("2.5.") and "34 years" in first[0].claim.text
    assert first[0].evidence.section.startswith("2.4.")


def test_reference_title_places_the_lima_meeting_in_rio(seed_paper):
    report = _findings(seed_paper)
    place = [f for f in report.findings if f.rule == "CC-CITE-004"]
    assert [(f.claim.text, f.evidence.text) for f in place] == [("Lima", "Rio de Janeiro")]
    month = [f for f in report.findings if f.rule == "CC-REF-001" and "[46]" in f.message]
    assert len(month) == 1 and "2025-01-21" in month[0].message
