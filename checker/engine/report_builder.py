"""Findings made, set apart and assembled into the report, in the run's one canonical order.

The one place a finding gets its identity (:func:`make_finding`, the fingerprint recipe of
:mod:`checker.fingerprint`) and the one path by which findings are accepted (a claim's
``ignore:``, --select/--ignore and per-file ignores, document comments, then the baseline).
The builder takes each checked input's outcome in input order, so numbering, fingerprints
made unique, merged repeats and notes come out the same however the outcomes were computed.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from .. import __version__
from ..fingerprint import Fingerprints, fingerprint
from ..ingest.markup import without_comments
from ..locate import locate
from ..models import (
    AcceptedBy,
    AcceptedFinding,
    ClaimResult,
    Document,
    Evidence,
    Finding,
    Loc,
    Report,
    Severity,
    Summary,
    ToolInfo,
    Verdict,
)
from ..rules.base import DocContext, DocHit, Hit, Pair, Rule
from ..selection import ignored_here
from ..suppressions import Acceptance
from ..verdict import decide
from .claims import ClaimInput, claim_id
from .settings import CheckConfig

# what makes a conflict between two checked sentences the same conflict again (rule_stage._repeat_key)
RepeatKey = tuple[Hashable, ...]


def make_finding(
    rule: Rule, hit: Hit, claim: Loc, evidence: Loc, claim_context: str, evidence_context: str, claim_label: str
) -> Finding:
    """A finding of ``rule``: located on both sides, its fingerprint from the two sentences."""
    fp = fingerprint(rule.code, claim_context, evidence_context, hit.claim_value, hit.evidence_value)
    return Finding(
        id=f"D{fp}",  # numbered F1, F2, ... in report order by the builder
        rule=rule.code,
        name=rule.name,
        category=rule.category,
        severity=hit.severity or rule.severity,
        message=hit.message,
        claim=claim,
        evidence=evidence,
        claim_value=hit.claim_value,
        evidence_value=hit.evidence_value,
        confidence=round(hit.confidence, 2),
        claim_id=claim_label,
        fingerprint=fp,
    )


def pair_finding(rule: Rule, hit: Hit, pair: Pair) -> Finding:
    """A finding of a rule on a pair of sentences."""
    return make_finding(
        rule,
        hit,
        pair.claim.locate(*hit.claim_span),
        pair.evidence.locate(*hit.evidence_span),
        pair.claim.text,
        pair.evidence.text,
        pair.claim.label,
    )


def document_finding(rule: Rule, hit: DocHit, doc: Document, ctx: DocContext, index: int) -> Finding:
    """A finding of a whole-document rule, its claim in passage ``index``."""
    ev_index = ctx.passage_at(hit.evidence_span[0])

    def section(i: int | None) -> str | None:
        if i is None:
            return None
        sec = doc.passages[i].section
        return sec[-1] if sec else None

    ev_loc = locate(doc, *hit.evidence_span, section(ev_index))
    return make_finding(
        rule,
        hit,
        locate(doc, *hit.claim_span, section(index)),
        ev_loc,
        doc.passages[index].text,
        doc.passages[ev_index].text if ev_index is not None else ev_loc.text,
        doc.passages[index].id,
    )


@dataclass
class Outcome:
    """What checking one input found, before anything is merged, numbered or accepted."""

    pair_findings: list[tuple[RepeatKey | None, Finding, int]]  # (repeat key, finding, repeats) per hit
    claim_findings: list[Finding]  # of the claim-wide rules
    evidence: list[Evidence]
    support: tuple[Verdict, float]  # the verdict the pairs give when no error is found
    notes: list[str] = field(default_factory=list)  # said while pairing (a cited source not supplied)


class ReportBuilder:
    def __init__(self, config: CheckConfig, shown: set[str], acceptance: Acceptance, notes: list[str]):
        self.config = config
        self.shown = shown  # codes of the rules selected (--select/--ignore)
        self.acceptance = acceptance  # inline <!-- claimcheck: ignore[...] --> comments and the baseline
        self.notes = notes
        self.fingerprints = Fingerprints()
        self._fingerprinted: set[int] = set()
        self._repeated: dict[RepeatKey, Finding] = {}  # a conflict repeated between sentences is one finding
        self._numbered = 0
        self._claims: list[ClaimResult] = []
        self._findings: list[Finding] = []
        self._accepted: list[AcceptedFinding] = []
        self._per_claim: list[tuple[list[Finding], list[AcceptedFinding]]] = []
        self._listed: set[int] = set()  # a repeated conflict is one finding shared by its claims

    def add(self, item: ClaimInput, outcome: Outcome, document_findings: Iterable[Finding] = ()) -> None:
        """Take the next input's outcome (inputs in order)."""
        findings = list(document_findings)
        carried: set[int] = set()  # repeated findings this claim already carries
        for key, finding, repeats in outcome.pair_findings:
            again = self._repeated.get(key) if key is not None else None
            if again is not None:
                if id(again) not in carried:
                    carried.add(id(again))
                    again.occurrences.append(claim_id(item))
                    findings.append(again)
                again.count += repeats
                continue
            finding.count = repeats
            if key is not None:
                self._repeated[key] = finding
                carried.add(id(finding))
            findings.append(self._number(finding))
        findings += [self._number(f) for f in outcome.claim_findings]
        self.notes += outcome.notes
        kept, accepted = self._suppress(item, findings)
        hidden = sum(f.severity == Severity.error for f in findings) > sum(
            f.severity == Severity.error for f in kept + accepted
        )
        self._result(item, kept, accepted, outcome, hidden)

    def _number(self, finding: Finding) -> Finding:
        self._numbered += 1
        finding.id = f"F{self._numbered}"
        return finding

    def _suppress(self, item: ClaimInput, findings: list[Finding]) -> tuple[list[Finding], list[AcceptedFinding]]:
        """The findings shown and the accepted ones (claim ``ignore:``, comments, baseline);
        findings of rules not selected (--select/--ignore) are neither."""
        for f in findings:  # two identical-looking findings are two entries of a baseline
            if id(f) not in self._fingerprinted:  # a repeated finding is shared by its claims: once
                self._fingerprinted.add(id(f))
                f.fingerprint = self.fingerprints.unique(f.fingerprint)
        accepted: list[AcceptedFinding] = []
        if item.claim is not None and item.claim.ignore:
            reasons = {s.rule.upper(): s.reason for s in item.claim.ignore}
            where = item.side.locate(item.side.start, item.side.end)
            accepted = [
                AcceptedFinding(**dict(f), accepted_by=AcceptedBy(kind="claim", reason=reasons[f.rule], location=where))
                for f in findings
                if f.rule in reasons and f.rule in self.shown
            ]
            for code in sorted(set(reasons) - {f.rule for f in findings}):
                self.notes.append(
                    f"{item.side.path}: claim '{item.claim.id}': suppression of {code} matched no finding (unused)"
                )
            findings = [f for f in findings if f.rule not in reasons]
        findings = [
            f
            for f in findings
            if f.rule in self.shown  # --select / --ignore, per-file-ignores
            and not ignored_here(f.claim.path, f.rule, self.config.per_file_ignores)
        ]
        kept, by_file = self.acceptance.filter(findings)  # document comments first, then the baseline
        return kept, accepted + by_file

    def _result(
        self, item: ClaimInput, shown: list[Finding], accepted: list[AcceptedFinding], outcome: Outcome, hidden: bool
    ) -> None:
        if hidden or any(f.severity == Severity.error for f in [*shown, *accepted]):
            verdict, confidence = decide(item.side, shown, [], hidden, accepted)  # decided by the findings
        else:
            verdict, confidence = outcome.support
        if item.doc is not None and verdict == "unverified" and not (shown or accepted or outcome.evidence):
            return  # a document sentence with nothing to compare is not a claim worth listing
        loc = item.side.locate(item.side.start, item.side.end)
        cid = claim_id(item, loc)
        text = item.side.text
        if item.doc is not None:  # a comment inside a document's sentence is not shown as claim text
            text = without_comments(text)
            loc = loc.model_copy(update={"text": without_comments(loc.text)})
        self._findings += [f for f in shown if id(f) not in self._listed]
        self._accepted += [f for f in accepted if id(f) not in self._listed]
        self._listed.update(id(f) for f in [*shown, *accepted])
        self._per_claim.append((shown, accepted))
        self._claims.append(
            ClaimResult(
                id=cid,
                text=text,
                location=loc,
                verdict=verdict,
                confidence=confidence,
                evidence=outcome.evidence,
            )
        )

    def report(self, files: list[str], sources: list[str], duplicates: dict[str, list[str]]) -> Report:
        """The report of every input added: findings numbered in output order."""
        self.notes += self.acceptance.notes()
        claims, findings, accepted, per_claim = self._claims, self._findings, self._accepted, self._per_claim
        # stable ids in output order, unique across shown and accepted findings
        renumber = {id(f): f"F{i + 1}" for i, f in enumerate([*findings, *accepted])}
        for c, (shown, item_accepted) in zip(claims, per_claim):
            c.findings = [renumber[id(f)] for f in shown]
            c.accepted = [renumber[id(f)] for f in item_accepted]
        for f in [*findings, *accepted]:
            f.id = renumber[id(f)]
        sev = [f.severity for f in findings]
        summary = Summary(
            claims=len(claims),
            supported=sum(c.verdict == "supported" for c in claims),
            contradicted=sum(c.verdict == "contradicted" for c in claims),
            unverified=sum(c.verdict == "unverified" for c in claims),
            findings=len(findings),
            errors=sev.count(Severity.error),
            warnings=sev.count(Severity.warning),
            infos=sev.count(Severity.info),
            accepted=len(accepted),
            accepted_claims=sum(
                c.verdict == "contradicted" and not any(f.severity == Severity.error for f in shown)
                for c, (shown, _) in zip(claims, per_claim)
            ),
            files=files,
            sources=sources,
            duplicate_sources={k: sorted(v) for k, v in sorted(duplicates.items())},
        )
        return Report(
            tool=ToolInfo(version=__version__),
            summary=summary,
            claims=claims,
            findings=findings,
            accepted=accepted,
            notes=list(dict.fromkeys(self.notes)),
        )
