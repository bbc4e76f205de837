"""The command line as a user meets it: the demo run, exit codes, bad input, atomic output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import run_cli

from checker.cli import main


@pytest.fixture
def demo(tmp_path, repo) -> Path:
    shutil.copytree(repo / "claims", tmp_path / "claims")
    shutil.copytree(repo / "sources", tmp_path / "sources")
    return tmp_path


run = run_cli


def test_default_run_checks_claims_against_sources(demo):
    result = run(["check", "--format", "json", "--no-cache"], demo)
    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    verdicts = {c["id"]: c["verdict"] for c in report["claims"]}
    assert verdicts["yeltsin-visit-wrong-date"] == "contradicted"
    assert verdicts["yeltsin-visit-wrong-place"] == "contradicted"
    assert verdicts["mao-treaty-loans"] == "contradicted"
    assert verdicts["yeltsin-visit-supported"] == "supported"
    assert verdicts["putin-arrival"] == "supported"
    assert verdicts["xi-kazan"] == "unverified"
    date = next(f for f in report["findings"] if f["rule"] == "CC-DATE-001")
    assert date["claim"]["path"] == "claims/demo.yaml" and date["claim"]["text"] == "April 23, 1997"
    assert date["evidence"]["path"] == "sources/yeltsin-beijing-1997.md"
    assert date["evidence"]["text"] == "from November 9 to 11, 1997"
    claim_line = (demo / "claims/demo.yaml").read_text().splitlines()[date["claim"]["line"] - 1]
    assert claim_line[date["claim"]["column"] - 1 :].startswith("April 23, 1997")


def test_json_report_follows_the_contract(demo):
    report = json.loads(run(["check", "-f", "json", "--no-cache"], demo).output)
    assert report["schema_version"] == "1"
    assert report["tool"]["name"] == "claimcheck"
    loc_keys = {"path", "line", "column", "end_line", "end_column", "start", "end", "text"}
    for claim in report["claims"]:
        assert {"id", "text", "location", "verdict", "confidence", "evidence", "findings"} <= set(claim)
        assert loc_keys <= set(claim["location"])
        for ev in claim["evidence"]:
            assert {"path", "line", "end_line", "text", "score"} <= set(ev)
    for f in report["findings"]:
        assert {
            "id",
            "rule",
            "category",
            "severity",
            "message",
            "claim",
            "evidence",
            "claim_value",
            "evidence_value",
            "confidence",
        } <= set(f)
        assert f["severity"] in ("error", "warning", "info")
        assert loc_keys <= set(f["claim"]) and loc_keys <= set(f["evidence"])


def test_fail_on_never_exits_zero_and_clean_claims_exit_zero(demo):
    assert run(["check", "--fail-on", "never", "--no-cache"], demo).exit_code == 0
    (demo / "claims" / "demo.yaml").write_text(
        "claims:\n  - id: ok\n    text: Vladimir Putin arrived in Beijing on May 16, 2024 for a state visit.\n"
    )
    assert run(["check", "--no-cache"], demo).exit_code == 0


def test_output_is_written_atomically_and_stdout_stays_clean(demo):
    result = run(["check", "-f", "json", "-o", "out.json", "--no-cache"], demo)
    assert result.output == ""
    assert json.loads((demo / "out.json").read_text())["summary"]["contradicted"] >= 1
    assert not [p for p in demo.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    "content,where,message",
    [
        ("claims:\n  - id: a\n    text: x\n  - id: a\n    text: y\n", "bad.yaml:4:", "duplicate claim id 'a'"),
        ("claims:\n  - id: a\n    txt: x\n", "bad.yaml:3:5", "unknown field 'txt'"),
        ("claims:\n  - id: a\n    text: [x\n", "bad.yaml:", "invalid YAML"),
    ],
)
def test_bad_claim_files_exit_2_with_position(demo, content, where, message):
    (demo / "bad.yaml").write_text(content)
    result = CliRunner().invoke(main, ["check", str(demo / "bad.yaml"), "--no-cache"])
    assert result.exit_code == 2
    assert where in result.output and message in result.output


def test_binary_and_non_utf8_documents_exit_2(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 in Paris on May 1, 2020.".encode("latin-1"))
    result = CliRunner().invoke(main, ["check", str(tmp_path / "latin1.txt"), "--no-cache"])
    assert result.exit_code == 2 and "not UTF-8" in result.output and "latin1.txt:1:4" in result.output
    (tmp_path / "blob.md").write_bytes(b"\x00\x01\x02binary")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "blob.md"), "--no-cache"])
    assert result.exit_code == 2 and "binary" in result.output


def test_missing_path_and_unknown_rule_are_usage_errors(tmp_path):
    assert CliRunner().invoke(main, ["check", str(tmp_path / "nope.yaml")]).exit_code == 2
    result = CliRunner().invoke(main, ["check", "--select", "CC-NOPE-1", str(tmp_path)])
    assert result.exit_code == 2 and "unknown rule code" in result.output


def test_schema_rules_and_explain(tmp_path):
    schema = json.loads(CliRunner().invoke(main, ["schema", "claims"]).output)
    assert "claims" in schema["properties"]
    report_schema = json.loads(CliRunner().invoke(main, ["schema", "report"]).output)
    assert {"schema_version", "tool", "summary", "claims", "findings"} <= set(report_schema["properties"])
    listing = CliRunner().invoke(main, ["rules"]).output
    assert "CC-DATE-001" in listing and "date.interval_conflict" in listing
    explain = CliRunner().invoke(main, ["explain", "cc-date-001"])
    assert explain.exit_code == 0 and "Why it matters:" in explain.output
    assert CliRunner().invoke(main, ["explain", "CC-NOPE"]).exit_code == 2


def test_console_script_runs_the_demo(demo):
    exe = shutil.which("claimcheck")
    if exe is None:
        pytest.skip("console script not installed")
    proc = subprocess.run(
        [exe, "check", "--no-cache"], cwd=demo, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}
    )
    assert proc.returncode == 1
    assert "CONTRADICTED" in proc.stdout and "SUPPORTED" in proc.stdout and "UNVERIFIED" in proc.stdout
    assert "\x1b[" not in proc.stdout


def test_document_is_checked_against_itself(tmp_path):
    (tmp_path / "draft.md").write_text(
        "# Notes\n\n## 1. June 4, 2004: Anna Berg Visits Oslo; Meets Lars Holm\n\n"
        "Lars Holm's state visit to Stockholm from October 2–4, 2004, meeting Anna Berg, opened a new chapter.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", str(tmp_path / "draft.md"), "-f", "json", "--no-cache"])
    assert result.exit_code == 1
    rules = {f["rule"] for f in json.loads(result.output)["findings"]}
    assert {"CC-DATE-001", "CC-PLACE-001", "CC-ACTOR-001"} <= rules


def test_paper_sentence_is_checked_against_the_source_it_cites(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "paper.md").write_text(
        "# Review\n\n## 1. Visits\n\nLars Holm made a state visit to Oslo on March 3, 1998 [1].\n\n"
        "## References\n\n1. Wire staff. (1998). Holm in Oslo. Nordic Wire.\n"
        "2. Wire staff. (1999). Other news. Nordic Wire.\n",
        encoding="utf-8",
    )
    # the only passage about the visit is in the cited source, and it shares few words
    (tmp_path / "src" / "1.md").write_text(
        "# Holm in Oslo\n\nPresident Lars Holm made a state visit to Oslo from 10 to 12 June 1998.\n", encoding="utf-8"
    )
    (tmp_path / "src" / "2.md").write_text("# Other\n\nNothing about visits here.\n", encoding="utf-8")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["check", "paper.md", "--sources", "src", "-f", "json", "--no-cache"])
    finally:
        os.chdir(old)
    date = [f for f in json.loads(result.output)["findings"] if f["rule"] == "CC-DATE-001"]
    assert date and date[0]["evidence"]["path"] == "src/1.md"
    assert date[0]["evidence_value"].startswith("1998-06-10..1998-06-12")
