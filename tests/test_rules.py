"""Data-driven rule cases: tests/cases/rules/<CODE>.yaml, pass and fail cases for every rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from checker.rules import all_rules, rule_by_code

from rule_harness import run_case, run_document_case

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


@pytest.mark.parametrize("code,case", list(_all_cases()))
def test_rule_case(code, case):
    rule = rule_by_code(code)
    hits = run_document_case(rule, case) if isinstance(rule, DocumentRule) else run_case(rule, case)
    got = [{"claim_value": h.claim_value, "evidence_value": h.evidence_value} for h in hits]
    want = [{k: e[k] for k in ("claim_value", "evidence_value")} for e in case["expect"]]
    assert got == want, case.get("name")
    for h, e in zip(hits, case["expect"]):
        if "severity" in e:
            assert (h.severity.value if h.severity else rule_by_code(code).severity.value) == e["severity"]
