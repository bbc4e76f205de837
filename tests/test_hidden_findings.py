"""Hiding a finding hides the diagnostic, not the doubt: a claim whose only errors were
accepted (claim `ignore:`, the baseline, --select/--ignore) is unverified, never supported."""

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


def test_a_claim_ignore_entry_leaves_the_claim_unverified(tmp_path, monkeypatch):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "notes.md").write_text("The museum in Oslo opened on May 3, 2001.\n", encoding="utf-8")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "c.yaml").write_text(
        "claims:\n  - id: museum\n    text: The museum in Oslo opened on May 9, 2001.\n    source: notes.md\n"
        "    ignore: [{rule: CC-DATE-001, reason: checked by phone}]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    verdicts, report = _verdicts([])
    assert verdicts["museum"] == "unverified" and report["findings"] == []
