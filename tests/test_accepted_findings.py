"""A claim whose only errors were accepted (a suppression comment, a claim file's ``ignore:``,
the baseline) is reported as ``contradicted (accepted)`` in every format, with the accepted
finding and its reason, counted apart from the findings that fail a build."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import run_cli

REASON = "the trip was re-routed, see the editor's note"
DRAFT = f"""# Draft

<!-- claimcheck: ignore[CC-PLACE-001] {REASON} -->
On November 10, 1997, Boris Yeltsin visited Tokyo for talks with the Japanese prime minister.
"""


@pytest.fixture
def project(tmp_path, repo) -> Path:
    shutil.copytree(repo / "sources", tmp_path / "sources")
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def run(project: Path, fmt: str, *extra: str):
    result = run_cli(["check", "draft.md", "-s", "sources", "--no-cache", "--isolated", "-f", fmt, *extra], project)
    assert result.exit_code == 0, result.output  # an accepted finding never fails the build
    return result.stdout


def test_json_marks_the_claim_and_keeps_the_finding_with_its_reason(project):
    report = json.loads(run(project, "json"))
    (claim,) = report["claims"]
    assert claim["verdict"] == "contradicted" and claim["findings"] == [] and claim["accepted"] == ["F1"]
    assert report["findings"] == []
    (f,) = report["accepted"]
    assert f["rule"] == "CC-PLACE-001" and f["claim_value"] == "Tokyo"
    by = f["accepted_by"]
    assert by["kind"] == "comment" and by["reason"] == REASON
    assert by["location"]["line"] == 3 and by["location"]["text"].startswith("<!-- claimcheck: ignore")
    s = report["summary"]
    assert (s["contradicted"], s["accepted_claims"], s["accepted"], s["findings"]) == (1, 1, 1, 0)


def test_the_published_schema_has_the_new_fields(project):
    schema = json.loads(run_cli(["schema", "report"], project).stdout)
    assert "accepted" in schema["properties"] and "AcceptedFinding" in schema["$defs"]


def test_sarif_result_carries_an_accepted_in_source_suppression(project):
    log = json.loads(run(project, "sarif"))
    (result,) = log["runs"][0]["results"]
    (sup,) = result["suppressions"]
    assert sup["kind"] == "inSource" and sup["status"] == "accepted" and sup["justification"] == REASON
    assert sup["location"]["physicalLocation"]["region"]["startLine"] == 3
    import jsonschema

    schema = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)


def test_junit_skips_the_case_and_says_why(project):
    root = ET.fromstring(run(project, "junit"))
    (case,) = root.iter("testcase")
    assert case.find("failure") is None
    skipped = case.find("skipped")
    assert skipped is not None and skipped.get("message").startswith("contradicted (accepted): CC-PLACE-001")
    assert REASON in skipped.get("message")
    assert root.get("failures") == "0" and root.get("skipped") == "1"


def test_html_and_text_and_markdown_say_accepted(project):
    page = run(project, "html")
    assert "Contradicted (accepted)" in page and "badge-accepted" in page and REASON.replace("'", "&#39;") in page
    text = run(project, "text")
    assert "CONTRADICTED (ACCEPTED)" in text and REASON in text
    assert "1 contradicted (1 accepted)" in text and "1 accepted (suppressed or baselined, not counted)" in text
    md = run(project, "markdown")
    assert "· accepted" in md and "1 accepted finding" in md
    assert "::error" not in run(project, "github")  # no annotation for an accepted finding


def test_baselined_findings_are_accepted_as_external_suppressions(project):
    (project / "draft.md").write_text(
        DRAFT.replace(f"<!-- claimcheck: ignore[CC-PLACE-001] {REASON} -->\n", ""), encoding="utf-8"
    )
    assert (
        run_cli(
            ["baseline", "draft.md", "-s", "sources", "--no-cache", "--isolated", "-o", "base.json"], project
        ).exit_code
        == 0
    )
    report = json.loads(run(project, "json", "--baseline", "base.json"))
    assert report["claims"][0]["verdict"] == "contradicted" and report["findings"] == []
    assert report["accepted"][0]["accepted_by"]["kind"] == "baseline"
    log = json.loads(run(project, "sarif", "--baseline", "base.json"))
    assert log["runs"][0]["results"][0]["suppressions"][0]["kind"] == "external"
