"""Hiding a finding hides the diagnostic, not the doubt: a claim whose only errors were
accepted (claim `ignore:`, a suppression comment, the baseline) stays contradicted, marked
accepted; one whose errors come from rules not selected (--select/--ignore) is unverified;
neither is ever supported."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _verdicts(args, cwd=ROOT):
    result = CliRunner().invoke(main, ["check", "-f", "json", "--no-cache", *args])
    report = json.loads(result.output)
    return {c["id"]: c["verdict"] for c in report["claims"]}, report


def test_ignoring_the_rule_that_contradicts_a_claim_does_not_make_it_supported(monkeypatch):
    monkeypatch.chdir(ROOT)
    shown, _ = _verdicts([])
    assert shown["yeltsin-visit-wrong-place"] == "contradicted"
    hidden, report = _verdicts(["--ignore", "CC-PLACE-001,CC-DATE-001,CC-ACTOR-001"])
    assert hidden["yeltsin-visit-wrong-place"] == "unverified"
    assert not any(f["rule"] == "CC-PLACE-001" for f in report["findings"])


def test_a_claim_ignore_entry_marks_the_contradiction_accepted(tmp_path, monkeypatch):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "notes.md").write_text("The museum in Oslo opened on May 3, 2001.\n", encoding="utf-8")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "c.yaml").write_text(
        "claims:\n  - id: museum\n    text: The museum in Oslo opened on May 9, 2001.\n    source: notes.md\n"
        "    ignore: [{rule: CC-DATE-001, reason: checked by phone}]\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "-f", "json", "--no-cache"])
    assert result.exit_code == 0  # accepted: not a failure
    report = json.loads(result.output)
    (claim,) = report["claims"]
    assert claim["verdict"] == "contradicted" and claim["findings"] == [] and claim["accepted"] == ["F1"]
    assert report["findings"] == []
    (accepted,) = report["accepted"]
    assert accepted["id"] == "F1" and accepted["rule"] == "CC-DATE-001"
    assert accepted["accepted_by"]["kind"] == "claim" and accepted["accepted_by"]["reason"] == "checked by phone"
    s = report["summary"]
    assert (s["contradicted"], s["accepted_claims"], s["accepted"], s["findings"], s["errors"]) == (1, 1, 1, 0, 0)
