"""Runs one rule on a pair of sentences exactly as the engine would (used by the YAML cases).

As in the engine, a sentence of a document (a source passage, a heading, a body sentence) is
read from its markup-masked text (``checker.ingest.markup.extraction_text``: link targets,
inline code, comments and URLs state nothing) while its spans point into the text as written,
and a heading carries no statement; a claim from a claim file is read as written.
"""

from __future__ import annotations

import datetime as dt

from checker.engine import CheckConfig, Checker, LazyFacts
from checker.extract import Extractor
from checker.ingest.markup import extraction_text
from checker.ingest.references import attach_structure
from checker.ingest.text import build_document
from checker.match.statements import align_any, align_statements
from checker.models import Loc
from checker.rules.base import ClaimRule, DocContext, Pair, Side
from checker.rules.identity import same_event


def side(
    extractor: Extractor, text: str, label: str, *, is_heading: bool = False, doc_date=None, in_document: bool = True
) -> Side:
    """A side whose spans index ``text``; ``in_document``: a passage of a Markdown document
    (masked for extraction, as ``LazyFacts`` does), else a claim of a claim file."""
    facts = extractor.extract(extraction_text(text, "markdown") if in_document else text, doc_date=doc_date)
    if is_heading:  # the engine gives headings no statement: their title case hides their verbs
        facts.statement, facts.clauses = None, []

    def where(s: int, e: int) -> Loc:
        return Loc(path=label, line=1, column=s + 1, end_line=1, end_column=e + 1, start=s, end=e, text=text[s:e])

    return Side(
        label=label, text=text, start=0, end=len(text), facts=facts, locate=where, is_heading=is_heading, path=label
    )


def run_case(rule, case: dict) -> list[tuple]:
    """``(hit, side label)`` for each hit of ``rule`` on the case's claim and evidence."""
    extractor = Extractor()
    for text in (case["claim"], case["evidence"], *case.get("more_evidence", []), *case.get("context", [])):
        extractor.registry.learn(text)
    doc_date = case.get("doc_date")
    if isinstance(doc_date, str):
        doc_date = dt.date.fromisoformat(doc_date)
    relation = case.get("relation", "claim-source")
    # a claim of a claim file is read as written; every other side is a document's passage
    a = side(
        extractor,
        case["claim"],
        "claim",
        is_heading=relation == "heading-body",
        doc_date=doc_date,
        in_document=relation not in ("claim-source", "claim-claim"),
    )
    b = side(extractor, case["evidence"], "evidence", doc_date=doc_date, in_document=relation != "claim-claim")

    if isinstance(rule, ClaimRule):
        # more_evidence: further passages of the same source, each a candidate of its own
        pool = [b] + [
            side(extractor, t, f"evidence{i + 2}", doc_date=doc_date)
            for i, t in enumerate(case.get("more_evidence", []))
        ]
        return [(hit, ev.label) for hit, ev in rule.check_claim(a, pool, pool if case.get("cited") else None)]
    reason = case.get("same_event_basis") or same_event(a, b, relation)
    # as the engine pairs a claim with a passage: its main clause, then its other clauses
    alignment = (
        align_any(a.facts.statement, b.facts)
        if relation == "claim-source"
        else align_statements(a.facts.statement, b.facts.statement)
    )
    pair = Pair(a, b, relation, reason, alignment)
    if not rule.applies(pair):
        return []
    return [(hit, "evidence") for hit in rule.check(pair)]


def run_document_case(rule, case: dict) -> list[tuple]:
    """``(hit, "document")`` for each hit of a whole-document rule on ``case['document']``
    (Markdown), with the facts the engine gives it (masked text, headings, resolved subjects)."""
    doc = attach_structure(build_document("case.md", case["document"], kind="markdown"))
    checker = Checker(CheckConfig(cache_dir=None))
    for p in doc.passages:
        checker.extractor.registry.learn(p.text)
    facts = LazyFacts(checker.extractor, [doc])
    ctx = DocContext(doc, [facts[(doc.path, p.index)] for p in doc.passages], checker.extractor.registry)
    return [(hit, "document") for hit in rule.check_document(ctx)]


def case_texts(case: dict) -> dict[str, str]:
    """The text each side label's spans index."""
    if "document" in case:
        return {"claim": case["document"], "document": case["document"]}
    out = {"claim": case["claim"], "evidence": case["evidence"]}
    out.update({f"evidence{i + 2}": t for i, t in enumerate(case.get("more_evidence", []))})
    return out
