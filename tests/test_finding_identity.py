"""Every finding has its own id and fingerprint, so code scanning and the baseline never merge
two findings that merely look alike ("[4] Ibid" and "[5] Ibid")."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

PAPER = """# A short review

## 1. Background

The treaty was signed in Oslo on May 3, 2001 [1]. Its terms were renegotiated later [2], [3].

## References

1. Hansen, K. (2002, March 4). The Oslo treaty. Nordic Review.
2. Ibid
3. Ibid
"""


def _json(project: Path, *args: str) -> tuple[int, dict]:
    result = run_cli(["check", "--no-cache", "--isolated", "-f", "json", *args], project)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def _assert_unique(report: dict) -> None:
    ids = [f["id"] for f in report["findings"]]
    prints = [f["fingerprint"] for f in report["findings"]]
    assert len(set(ids)) == len(ids), ids
    assert len(set(prints)) == len(prints), prints
    # a claim lists each of its findings once, and every id it lists exists
    listed = [i for c in report["claims"] for i in c["findings"]]
    assert sorted(listed) == sorted(set(listed)) and set(listed) <= set(ids)


def test_two_identical_looking_findings_get_their_own_id_and_fingerprint(tmp_path):
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    _, report = _json(tmp_path, "paper.md")
    ibid = [f for f in report["findings"] if f["rule"] == "CC-REF-002"]
    assert [f["claim"]["line"] for f in ibid] == [10, 11]
    assert ibid[0]["claim"]["text"] == ibid[1]["claim"]["text"] == "Ibid"
    _assert_unique(report)
    sarif = json.loads(run_cli(["check", "paper.md", "--no-cache", "--isolated", "-f", "sarif"], tmp_path).stdout)
    prints = [r["partialFingerprints"]["claimcheck/v1"] for r in sarif["runs"][0]["results"]]
    assert len(prints) == len(set(prints)) == len(report["findings"])


def test_the_baseline_keeps_identical_looking_findings_apart(tmp_path):
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    result = run_cli(["baseline", "paper.md", "--no-cache", "--isolated", "-o", "base.json"], tmp_path)
    assert result.exit_code == 0, result.output
    entries = json.loads((tmp_path / "base.json").read_text())["findings"]
    assert sum(e["rule"] == "CC-REF-002" for e in entries) == 2
    # text added above moves every line; both known findings stay known, none is new
    moved = PAPER.replace("## 1. Background\n", "## 1. Background\n\nA note for the reader.\n\nAnother one.\n")
    (tmp_path / "paper.md").write_text(moved, encoding="utf-8")
    code, report = _json(tmp_path, "paper.md", "--baseline", "base.json", "--fail-on", "warning")
    assert code == 0 and report["findings"] == []
    assert "baseline: 2 known finding(s) not shown" in report["notes"]
    # without the baseline both are back, on their new lines
    code, report = _json(tmp_path, "paper.md", "--fail-on", "warning")
    assert code == 1 and [f["claim"]["line"] for f in report["findings"] if f["rule"] == "CC-REF-002"] == [14, 15]


def test_the_seed_paper_has_unique_ids_and_fingerprints(seed_paper):
    _, report = _json(seed_paper.parent, seed_paper.name)
    ibid = [f for f in report["findings"] if f["rule"] == "CC-REF-002" and f["claim"]["text"] == "Ibid"]
    assert len(ibid) == 2 and ibid[0]["fingerprint"] != ibid[1]["fingerprint"]
    _assert_unique(report)
