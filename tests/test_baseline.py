"""Baselines: today's findings recorded, only new ones reported, and moving text changes nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import run_cli

from checker.baseline import load_baseline
from checker.errors import InputError

WRONG_PLACE = "On November 10, 1997, Boris Yeltsin visited Tokyo for talks with the Japanese prime minister."
WRONG_PLACE_2 = "On May 16, 2024, Vladimir Putin visited Tokyo for talks with the Japanese prime minister."


run = run_cli


@pytest.fixture
def project(tmp_path, repo) -> Path:
    shutil.copytree(repo / "sources", tmp_path / "sources")
    (tmp_path / "draft.md").write_text(f"# Draft\n\n{WRONG_PLACE}\n", encoding="utf-8")
    return tmp_path


def check(project: Path, *extra: str):
    result = run(["check", "draft.md", "-s", "sources", "--no-cache", "-f", "json", "--isolated", *extra], project)
    return result, json.loads(result.stdout) if result.stdout.strip().startswith("{") else None


def test_baseline_file_lists_findings_for_review(project):
    result = run(["baseline", "draft.md", "-s", "sources", "--no-cache", "--isolated"], project)
    assert result.exit_code == 0, result.output
    assert "wrote 1 finding(s) to claimcheck-baseline.json" in result.stderr
    data = json.loads((project / "claimcheck-baseline.json").read_text())
    (entry,) = data["findings"]
    assert entry["rule"] == "CC-PLACE-001" and entry["path"] == "draft.md" and entry["claim"] == "Tokyo"
    assert entry["message"] and len(entry["fingerprint"]) == 20
    assert "line" not in entry  # lines move; the file must not churn when they do


def test_check_with_baseline_hides_known_findings_and_says_so(project):
    run(["baseline", "draft.md", "-s", "sources", "--no-cache", "--isolated", "-o", "base.json"], project)
    result, report = check(project, "--baseline", "base.json")
    assert result.exit_code == 0
    assert report["findings"] == []
    assert "baseline: 1 known finding(s) not shown" in report["notes"]


def test_moved_text_is_still_baselined_but_a_new_finding_is_reported(project):
    run(["baseline", "draft.md", "-s", "sources", "--no-cache", "--isolated", "-o", "base.json"], project)
    moved = f"# Draft\n\nA new opening paragraph.\n\nAnd another one.\n\n\n\n{WRONG_PLACE}\n\n{WRONG_PLACE_2}\n"
    (project / "draft.md").write_text(moved, encoding="utf-8")
    _, plain = check(project)
    lines = {f["claim"]["line"]: f["fingerprint"] for f in plain["findings"]}
    assert set(lines) == {9, 11}  # the known finding moved from line 3 to 9; line 11 is new
    result, report = check(project, "--baseline", "base.json")
    assert result.exit_code == 1
    assert [(f["claim"]["line"], f["fingerprint"]) for f in report["findings"]] == [(11, lines[11])]
    assert "baseline: 1 known finding(s) not shown" in report["notes"]


def test_stale_entries_are_noted(project):
    run(["baseline", "draft.md", "-s", "sources", "--no-cache", "--isolated", "-o", "base.json"], project)
    (project / "draft.md").write_text("# Draft\n\nNothing checkable here.\n", encoding="utf-8")
    result, report = check(project, "--baseline", "base.json")
    assert result.exit_code == 0
    assert any("1 entry matched no finding" in n for n in report["notes"])


def test_a_changed_value_is_a_new_finding(project):
    run(["baseline", "draft.md", "-s", "sources", "--no-cache", "--isolated", "-o", "base.json"], project)
    (project / "draft.md").write_text(f"# Draft\n\n{WRONG_PLACE.replace('Tokyo', 'Seoul')}\n", encoding="utf-8")
    result, report = check(project, "--baseline", "base.json")
    assert result.exit_code == 1 and [f["claim"]["text"] for f in report["findings"]] == ["Seoul"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "not valid JSON"),
        ('{"findings": []}', "not a claimcheck baseline"),
        ('{"claimcheck_baseline": 1, "findings": [{"rule": "X"}]}', "must be a list of objects with a 'fingerprint'"),
    ],
)
def test_bad_baseline_is_an_input_error(project, content, message):
    (project / "bad.json").write_text(content)
    with pytest.raises(InputError) as info:
        load_baseline(project / "bad.json")
    assert message in info.value.message
    result = run(["check", "draft.md", "-s", "sources", "--no-cache", "--isolated", "--baseline", "bad.json"], project)
    assert result.exit_code == 2 and message in result.stderr


def test_baseline_from_config(project):
    run(["baseline", "draft.md", "-s", "sources", "--no-cache", "--isolated", "-o", "base.json"], project)
    (project / "claimcheck.toml").write_text(
        'paths = ["draft.md"]\nsources = ["sources"]\nbaseline = "base.json"\nformat = "json"\n'
    )
    result = run(["check", "--no-cache"], project)
    assert result.exit_code == 0 and json.loads(result.stdout)["findings"] == []
