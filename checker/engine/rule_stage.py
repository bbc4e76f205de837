"""The rules applied: whole-document rules once per document under check, pair rules to every
pair of an input, claim-wide rules to a claim and its candidate passages.

:meth:`RuleStage.check` is a function of one input and the corpus alone: it reads no other
input's outcome, so inputs may be checked in any order or in other processes; the report
builder merges the outcomes in input order.
"""

from __future__ import annotations

from ..extract.entities import EntityRegistry
from ..match.misstatement import another_statement
from ..models import Document, Finding
from ..pairing import normalised
from ..rules import all_rules
from ..rules.base import ClaimRule, DocContext, DocumentRule, Hit, Pair, Rule
from ..verdict import decide
from .claims import ClaimInput
from .evidence import evidence
from .facts import LazyFacts
from .pairs import Pairer
from .report_builder import Outcome, RepeatKey, document_finding, pair_finding
from .settings import CheckConfig


class RuleStage:
    def __init__(self, config: CheckConfig, pairer: Pairer, docs: dict[str, Document]):
        self.config = config
        self.pairer = pairer
        self.docs = docs
        # every rule runs; --select/--ignore hide findings afterwards (report builder), so that
        # a claim whose conflict is hidden is reported unverified, never supported
        chosen = list(all_rules())
        self.pair_rules: list[Rule] = [r for r in chosen if not isinstance(r, (DocumentRule, ClaimRule))]
        self.claim_rules: list[ClaimRule] = [r for r in chosen if isinstance(r, ClaimRule)]
        self.document_rules: list[DocumentRule] = [r for r in chosen if isinstance(r, DocumentRule)]

    def check(self, item: ClaimInput, position: int) -> Outcome:
        """Everything one input's pairs and rules give, unmerged (see the module doc)."""
        pairs = list(self.pairer.pairs(item, position))
        pair_findings = [
            (_repeat_key(rule, hit, pair), pair_finding(rule, hit, pair), pair.repeats)
            for pair in pairs
            for rule in self.pair_rules
            if rule.applies(pair)
            for hit in rule.check(pair)
        ]
        claim_findings = self._claim_findings(item, pairs, [f for _, f, _ in pair_findings])
        return Outcome(
            pair_findings,
            claim_findings,
            evidence(item.side, pairs, self.config.evidence_per_claim),
            decide(item.side, [], pairs),
            self.pairer.take_notes(),
        )

    def _claim_findings(self, item: ClaimInput, pairs: list[Pair], found: list[Finding]) -> list[Finding]:
        if item.claim is None or not self.claim_rules:
            return []
        candidates = [p.evidence for p in pairs if p.relation == "claim-source"]
        cited = self.pairer.cited(item.claim.source) if item.claim.source else None
        cited_sides = [c for c in candidates if cited is not None and c.path == cited.path] or None
        # a figure a same-event rule already set against the same source words is not
        # reported again by a claim-wide rule
        seen = {(f.category, f.claim.start, f.evidence.path, f.evidence.start) for f in found}
        out = []
        for rule in self.claim_rules:
            for hit, ev_side in rule.check_claim(item.side, candidates, cited_sides, self.config.align):
                doc = self.docs.get(ev_side.path)
                if doc is not None and another_statement(
                    item.side, ev_side, hit, rule.category, doc, self.config.align
                ):
                    continue  # the matching sentence is about something else: no comparison
                finding = pair_finding(rule, hit, Pair(item.side, ev_side, "claim-source"))
                key = (finding.category, finding.claim.start, finding.evidence.path, finding.evidence.start)
                if key in seen:
                    continue
                seen.add(key)
                out.append(finding)
        return out

    def document_findings(
        self, documents: list[Document], facts: LazyFacts, contexts: dict[str, DocContext], registry: EntityRegistry
    ) -> dict[tuple[str, int], list[Finding]]:
        """Run the whole-document rules; findings keyed by the passage holding the claim side.
        Each document's context (its citations parsed once) is kept in ``contexts``."""
        out: dict[tuple[str, int], list[Finding]] = {}
        for doc in documents:
            ctx = DocContext(doc, [facts[(doc.path, p.index)] for p in doc.passages], registry)
            contexts[doc.path] = ctx
            for rule in self.document_rules:
                for hit in rule.check_document(ctx):
                    index = ctx.passage_at(hit.claim_span[0])
                    if index is None:
                        continue
                    out.setdefault((doc.path, index), []).append(document_finding(rule, hit, doc, ctx, index))
        return out


def _repeat_key(rule: Rule, hit: Hit, pair: Pair) -> RepeatKey | None:
    """What makes a conflict between two sentences of the checked inputs the same conflict
    again: the rule, both sentences' words and the values set against each other. Conflicts
    with a source are not merged (their number is bounded by the candidates fetched)."""
    if pair.relation not in ("self", "claim-claim"):
        return None
    return (
        rule.code,
        hit.message,
        hit.claim_value,
        hit.evidence_value,
        pair.claim.path,
        pair.evidence.path,
        normalised(pair.claim.text),
        normalised(pair.evidence.text),
        pair.claim.is_heading,
        pair.claim.section,
    )
