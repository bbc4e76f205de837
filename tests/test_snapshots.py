"""End-to-end snapshots: the JSON report of real runs of the command line, compared with
goldens in ``tests/golden/runs/``.

The renderer goldens (``test_report_golden.py``) pin how a hand-made report is shown; these pin
what the checker finds on real inputs, so a change in any stage (ingest, extract, match, rules,
verdict) shows up as a diff a reviewer reads. Only what truly varies between machines and
releases is normalised: the tool version and the repository's absolute path (the JSON report
has no timings). Regenerate after an intended change with
``CLAIMCHECK_UPDATE_GOLDENS=1 python -m pytest tests/test_snapshots.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import REPO, run_cli

RUNS = Path(__file__).parent / "golden" / "runs"
OWN = "tests/data/snapshot"

# name -> (command-line arguments, run from the repository root; expected exit code)
SNAPSHOTS = {
    # the bundled demo, as the README's quick start runs it (no config file: --isolated)
    "demo": ([], 1),
    # a paper of our own against a source of our own: a heading/body conflict and a supported sentence
    "own-paper": ([f"{OWN}/paper.md", "--sources", f"{OWN}/sources"], 1),
    # a claim file of our own against the repository's sources/
    "own-claims": ([f"{OWN}/claims.yaml", "--sources", "sources"], 1),
}


def normalised(text: str) -> str:
    """The report with the tool version and the repository's absolute path replaced."""
    report = json.loads(text.replace(str(REPO), "<repo>"))
    report["tool"]["version"] = "<version>"
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("name", sorted(SNAPSHOTS))
def test_real_run_matches_its_snapshot(name):
    args, exit_code = SNAPSHOTS[name]
    result = run_cli(["check", *args, "--no-cache", "--isolated", "-f", "json"], REPO)
    assert result.exit_code == exit_code, result.output
    out = normalised(result.stdout)
    path = RUNS / f"{name}.json"
    if os.environ.get("CLAIMCHECK_UPDATE_GOLDENS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(out, encoding="utf-8", newline="\n")
    assert path.exists(), f"missing snapshot {path}; run with CLAIMCHECK_UPDATE_GOLDENS=1"
    assert out == path.read_text(encoding="utf-8"), f"the report of run '{name}' changed; see {path}"


def test_snapshots_hold_what_they_are_for():
    """The goldens are only worth keeping while they show the behaviour they were written for."""

    def load(name):
        return json.loads((RUNS / f"{name}.json").read_text(encoding="utf-8"))

    demo = load("demo")["summary"]
    assert (demo["supported"], demo["contradicted"], demo["unverified"]) == (3, 3, 2)

    paper = load("own-paper")
    verdicts = {c["text"].split(":")[0]: c["verdict"] for c in paper["claims"]}
    assert verdicts["## 1. June 4, 2004"] == "contradicted"
    assert "supported" in verdicts.values()
    heading_body = [f for f in paper["findings"] if f["rule"] == "CC-DATE-001"]
    assert [(f["claim"]["text"], f["evidence"]["text"]) for f in heading_body] == [
        ("June 4, 2004", "from October 2–4, 2004")
    ]

    claims = {c["id"]: c["verdict"] for c in load("own-claims")["claims"]}
    assert claims == {
        "yeltsin-visit-month": "supported",
        "yeltsin-visit-length": "contradicted",
        "yeltsin-quote": "supported",
        "unknown-event": "unverified",
    }


def test_normalising_keeps_what_a_run_found():
    raw = json.dumps(
        {
            "tool": {"name": "claimcheck", "version": "9.9"},
            "notes": [f"{REPO}/sources/x.md: skipped"],
            "summary": {"claims": 3},
        }
    )
    got = json.loads(normalised(raw))
    assert got == {
        "tool": {"name": "claimcheck", "version": "<version>"},
        "notes": ["<repo>/sources/x.md: skipped"],
        "summary": {"claims": 3},
    }
