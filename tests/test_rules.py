"""Data-driven rule cases: tests/cases/rules/<CODE>.yaml, pass and fail cases for every rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML
from rule_harness import case_texts, run_case, run_document_case

from checker.rules import all_rules, rule_by_code
from checker.rules.base import DocumentRule

CASES = Path(__file__).parent / "cases" / "rules"


def _load(code: str) -> list[dict]:
    path = CASES / f"{code}.yaml"
    if not path.exists():
        return []
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert data["rule"] == code, f"{path} names rule {data['rule']}"
    return data["cases"]


def _all_cases():
    for rule in all_rules():
        for i, case in enumerate(_load(rule.code)):
            yield pytest.param(rule.code, case, id=f"{rule.code}-{case.get('name', i)}")


def test_every_rule_has_pass_and_fail_cases():
    for rule in all_rules():
        cases = _load(rule.code)
        assert any(c["expect"] for c in cases), f"{rule.code} has no case where it must fire"
        assert any(not c["expect"] for c in cases), f"{rule.code} has no case where it must stay silent"


def test_every_rule_documents_itself():
    for rule in all_rules():
        doc = type(rule).__doc__ or ""
        for section in ("What it checks:", "Why it matters:", "Example:", "Options:"):
            assert section in doc, f"{rule.code} docstring lacks '{section}'"
        assert rule.code.startswith("CC-") and "." in rule.name


PINNED = ("message", "claim_span", "claim_text", "evidence_span", "evidence_text")


def observed(hit, label: str, texts: dict[str, str]) -> dict:
    """What a case pins of a hit: both values, the message, and both spans with their text
    (``evidence_in`` names the passage when it is not the first evidence)."""
    claim_text = texts["claim"]
    evidence_text = texts[label]
    out = {
        "claim_value": hit.claim_value,
        "evidence_value": hit.evidence_value,
        "message": hit.message,
        "claim_span": list(hit.claim_span),
        "claim_text": claim_text[hit.claim_span[0] : hit.claim_span[1]],
        "evidence_span": list(hit.evidence_span),
        "evidence_text": evidence_text[hit.evidence_span[0] : hit.evidence_span[1]],
    }
    if label not in ("evidence", "document"):
        out["evidence_in"] = label
    return out


def run(code: str, case: dict) -> list[dict]:
    rule = rule_by_code(code)
    hits = run_document_case(rule, case) if isinstance(rule, DocumentRule) else run_case(rule, case)
    texts = case_texts(case)
    return [dict(observed(h, label, texts), severity=(h.severity or rule.severity).value) for h, label in hits]


def test_every_expected_hit_pins_its_message_and_spans():
    for rule in all_rules():
        for case in _load(rule.code):
            for e in case["expect"]:
                missing = [k for k in PINNED if k not in e]
                assert not missing, (
                    f"{rule.code} case {case.get('name')}: expect lacks {missing} "
                    "(python tests/pin_rule_cases.py fills them in for review)"
                )


@pytest.mark.parametrize("code,case", list(_all_cases()))
def test_rule_case(code, case):
    got = run(code, case)
    want = case["expect"]
    assert [(g["claim_value"], g["evidence_value"]) for g in got] == [
        (e["claim_value"], e["evidence_value"]) for e in want
    ], case.get("name")
    for g, e in zip(got, want):
        for key in (*PINNED, "severity", "evidence_in"):
            if key in e:
                assert g.get(key) == e[key], f"{case.get('name')}: {key}"
        if "evidence_in" not in e:
            assert "evidence_in" not in g, f"{case.get('name')}: the hit is on {g.get('evidence_in')}"
