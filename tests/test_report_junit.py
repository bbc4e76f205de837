"""JUnit XML, read back with junitparser as a CI dashboard would."""

from __future__ import annotations

from junitparser import Failure, JUnitXml, Skipped
from report_fixtures import empty_report, loc, sample_report, summarise

from checker.models import Finding, Report, Severity, ToolInfo
from checker.report import RenderOptions, render


def read(report, tmp_path) -> JUnitXml:
    path = tmp_path / "junit.xml"
    path.write_text(render(report, "junit", RenderOptions()), encoding="utf-8")
    return JUnitXml.fromfile(str(path))


def cases(xml):
    return {(suite.name, case.name): case for suite in xml for case in suite}


def test_suites_per_file_cases_per_claim(tmp_path):
    xml = read(sample_report(), tmp_path)
    assert [s.name for s in xml] == ["claims/summit.yaml", "drafts/rally.md"]
    got = cases(xml)
    assert set(got) == {
        ("claims/summit.yaml", "summit-date"),
        ("claims/summit.yaml", "troops-withdrawn"),
        ("claims/summit.yaml", "quote-unverified"),
        ("drafts/rally.md", "rally-place"),
    }
    assert got[("claims/summit.yaml", "troops-withdrawn")].classname == "claims/summit.yaml"
    assert xml.tests == 4 and xml.failures == 2 and xml.skipped == 1 and xml.errors == 0


def test_contradicted_claim_fails_once_per_finding(tmp_path):
    case = cases(read(sample_report(), tmp_path))[("claims/summit.yaml", "troops-withdrawn")]
    failures = [r for r in case.result if isinstance(r, Failure)]
    assert sorted(f.type for f in failures) == ["CC-DATE-001", "CC-NUM-001"]
    num = next(f for f in failures if f.type == "CC-NUM-001")
    assert num.message.startswith("Troop count differs")
    assert "sources/ministry-brief.pdf:2:1" in num.text


def test_unverified_is_skipped_and_supported_passes(tmp_path):
    got = cases(read(sample_report(), tmp_path))
    unverified = got[("claims/summit.yaml", "quote-unverified")]
    assert [type(r) for r in unverified.result] == [Skipped]
    assert "unverified" in unverified.result[0].message
    assert got[("claims/summit.yaml", "summit-date")].is_passed


def test_empty_run_has_one_passing_case(tmp_path):
    xml = read(empty_report(), tmp_path)
    all_cases = [c for s in xml for c in s]
    assert len(all_cases) == 1 and all_cases[0].is_passed and all_cases[0].name == "no findings"


def test_control_characters_do_not_break_the_xml(tmp_path):
    c = loc("claims/c.yaml", "x\n", "x")
    f = Finding(
        id="X",
        rule="CC-SCHEMA-001",
        category="schema",
        severity=Severity.error,
        message="bad \x0b byte \x00 here",
        claim=c,
        evidence=c,
        claim_value="\x1b",
        evidence_value="",
        confidence=1.0,
    )
    report = Report(tool=ToolInfo(version="0"), summary=summarise([], [f]), findings=[f])
    got = cases(read(report, tmp_path))
    (case,) = got.values()
    assert case.result[0].type == "CC-SCHEMA-001"
    assert "byte" in case.result[0].message
