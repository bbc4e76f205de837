"""Runs one rule on a pair of sentences exactly as the engine would (used by the YAML cases)."""

from __future__ import annotations

import datetime as dt

from checker.extract import Extractor
from checker.models import Loc
from checker.rules.base import Pair, Side
from checker.match.statements import align_statements
from checker.rules.identity import same_event


def side(extractor: Extractor, text: str, label: str, *, is_heading: bool = False, doc_date=None) -> Side:
    facts = extractor.extract(text, doc_date=doc_date)

    def where(s: int, e: int) -> Loc:
        return Loc(path=label, line=1, column=s + 1, end_line=1, end_column=e + 1, start=s, end=e, text=text[s:e])

    return Side(label=label, text=text, start=0, end=len(text), facts=facts, locate=where,
                is_heading=is_heading, path=label)


def run_case(rule, case: dict) -> list:
    extractor = Extractor()
    for text in (case["claim"], case["evidence"], *case.get("more_evidence", []), *case.get("context", [])):
        extractor.registry.learn(text)
    doc_date = case.get("doc_date")
    if isinstance(doc_date, str):
        doc_date = dt.date.fromisoformat(doc_date)
    relation = case.get("relation", "claim-source")
    a = side(extractor, case["claim"], "claim", is_heading=relation == "heading-body", doc_date=doc_date)
    b = side(extractor, case["evidence"], "evidence", doc_date=doc_date)
    from checker.rules.base import ClaimRule

    if isinstance(rule, ClaimRule):
        # more_evidence: further passages of the same source, each a candidate of its own
        pool = [b] + [side(extractor, t, f"evidence{i + 2}", doc_date=doc_date)
                      for i, t in enumerate(case.get("more_evidence", []))]
        return [hit for hit, _ in rule.check_claim(a, pool, pool if case.get("cited") else None)]
    reason = case.get("same_event_basis") or same_event(a, b, relation)
    pair = Pair(a, b, relation, reason, align_statements(a.facts.statement, b.facts.statement))
    if not rule.applies(pair):
        return []
    return list(rule.check(pair))


def run_document_case(rule, case: dict) -> list:
    """Runs a whole-document rule on ``case['document']`` (Markdown), as the engine would."""
    from checker.engine import CheckConfig, Checker
    from checker.ingest.text import build_document
    from checker.rules.base import DocContext

    from checker.ingest.references import attach_structure

    doc = attach_structure(build_document("case.md", case["document"], kind="markdown"))
    checker = Checker(CheckConfig(cache_dir=None))
    for p in doc.passages:
        checker.extractor.registry.learn(p.text)
    facts = [checker.extractor.extract(p.text, offset=p.start, doc_date=doc.date) for p in doc.passages]
    return list(rule.check_document(DocContext(doc, facts, checker.extractor.registry)))
