"""Helpers shared by the human-facing renderers: grouping, ordering, locations, highlight spans.

No format-specific code lives here; each renderer decides how a span or a group looks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..fingerprint import fingerprint
from ..models import AcceptedFinding, ClaimResult, Evidence, Finding, Loc, Report, Severity

VERDICT_ORDER = ("contradicted", "unverified", "supported")
SEVERITY_ORDER = (Severity.error, Severity.warning, Severity.info)
VERDICT_LABEL = {"supported": "Supported", "contradicted": "Contradicted", "unverified": "Unverified"}


def loc_str(loc: Loc | Evidence) -> str:
    """``path:line:col``, the form editors and terminals turn into links."""
    return f"{loc.path}:{loc.line}:{loc.column}"


def loc_where(loc: Loc | Evidence) -> str:
    """Page and section, when the source has them: ``p. 12 · § 3. Withdrawal``."""
    parts = []
    if loc.page:
        parts.append(f"p. {loc.page}")
    if loc.section:
        parts.append(f"§ {loc.section}")
    return " · ".join(parts)


@dataclass
class FileGroup:
    """One claim file or draft: its claims (with their findings) and findings tied to no claim."""

    path: str
    claims: list[tuple[ClaimResult, list[Finding]]] = field(default_factory=list)
    loose: list[Finding] = field(default_factory=list)


def _finding_key(f: Finding):
    return (f.claim.line, f.claim.column, SEVERITY_ORDER.index(f.severity), f.rule, f.id)


def claim_findings(report: Report, claim: ClaimResult) -> list[Finding]:
    by_id = report.finding_by_id()
    found = [by_id[i] for i in claim.findings if i in by_id]
    return sorted(found, key=_finding_key)


def claim_accepted(report: Report, claim: ClaimResult) -> list[AcceptedFinding]:
    """The claim's accepted findings (suppressed or baselined), in position order."""
    by_id = report.accepted_by_id()
    return sorted((by_id[i] for i in claim.accepted if i in by_id), key=_finding_key)


def is_accepted(report: Report, claim: ClaimResult) -> bool:
    """A contradicted claim whose every error was accepted: ``contradicted (accepted)``."""
    if claim.verdict != "contradicted" or not claim.accepted:
        return False
    by_id = report.finding_by_id()
    return not any(by_id[i].severity == Severity.error for i in claim.findings if i in by_id)


def verdict_label(report: Report, claim: ClaimResult) -> str:
    label = VERDICT_LABEL[claim.verdict]
    return f"{label} (accepted)" if is_accepted(report, claim) else label


def acceptance_text(f: AcceptedFinding) -> str:
    """``accepted in draft.md:3:1: the source itself gives both dates`` and the like."""
    by = f.accepted_by
    how = {"comment": "suppressed by a comment", "claim": "ignored by the claim file", "baseline": "in the baseline"}[
        by.kind
    ]
    where = f" at {loc_str(by.location)}" if by.location is not None else ""
    return f"{how}{where}: {by.reason}"


def group_by_file(report: Report) -> list[FileGroup]:
    """Claims and findings grouped by the file the claim is in, files sorted by path and
    claims by position, so every renderer gives the same output for the same report."""
    groups: dict[str, FileGroup] = {}
    attached: set[str] = set()
    by_id = report.finding_by_id()
    for claim in report.claims:
        group = groups.setdefault(claim.location.path, FileGroup(claim.location.path))
        group.claims.append((claim, claim_findings(report, claim)))
        attached.update(i for i in claim.findings if i in by_id)
    for finding in report.findings:
        if finding.id not in attached:
            groups.setdefault(finding.claim.path, FileGroup(finding.claim.path)).loose.append(finding)
    out = [groups[p] for p in sorted(groups)]
    for g in out:
        g.claims.sort(key=lambda cf: (cf[0].location.line, cf[0].location.column, cf[0].id))
        g.loose.sort(key=_finding_key)
    return out


def ordered_findings(report: Report) -> list[Finding]:
    """All findings in file, then position order."""
    out: list[Finding] = []
    for g in group_by_file(report):
        for _, fs in g.claims:
            out.extend(fs)
        out.extend(g.loose)
    return out


def ordered_accepted(report: Report) -> list[AcceptedFinding]:
    """The accepted findings in file, then position order."""
    return sorted(report.accepted, key=lambda f: (f.claim.path, *_finding_key(f)))


def word_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` widened to whole words and trimmed of edge spaces, so a highlight never cuts a
    word in half (a fuzzy alignment may start or stop inside one)."""
    s, e = span
    while s > 0 and s < len(text) and text[s - 1].isalnum() and text[s].isalnum():
        s -= 1
    while 0 < e < len(text) and text[e - 1].isalnum() and text[e].isalnum():
        e += 1
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _on_word_boundaries(text: str, s: int, e: int) -> bool:
    return word_span(text, (s, e)) == (s, e)


def value_span(text: str, value: str) -> tuple[int, int] | None:
    """Where ``value`` occurs in ``text`` as whole words: exact match first, then ignoring case;
    an occurrence inside a longer word ("May" in "Mayor") is passed over for a later whole one.

    Findings carry the compared values, not their offsets inside ``Loc.text``; the value as
    stated is normally a verbatim substring, so a plain search is exact when it hits. Values
    that were normalised (``1997-04-23``) are not found and stay unhighlighted.
    """
    value = value.strip()
    if not value:
        return None
    hits = _occurrences(text, value)
    if not hits and len(text.casefold()) == len(text):
        hits = _occurrences(text.casefold(), value.casefold())
    if not hits:
        return None
    whole = [i for i in hits if _on_word_boundaries(text, i, i + len(value))]
    i = whole[0] if whole else hits[0]
    return word_span(text, (i, i + len(value)))


def _occurrences(text: str, value: str) -> list[int]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append(i)
        i = text.find(value, i + 1)
    return out


def evidence_span(ev: Evidence) -> tuple[int, int] | None:
    """The aligned span inside the passage, from stored absolute offsets (never re-searched),
    widened to whole words."""
    if ev.match_start is None or ev.match_end is None:
        return None
    s, e = ev.match_start - ev.start, ev.match_end - ev.start
    if 0 <= s < e <= len(ev.text):
        s, e = word_span(ev.text, (s, e))
        return (s, e) if s < e else None
    return None


def split_span(text: str, span: tuple[int, int] | None) -> list[tuple[str, bool]]:
    """``text`` as (piece, highlighted) pieces around one span."""
    if span is None:
        return [(text, False)]
    s, e = span
    return [(p, hl) for p, hl in ((text[:s], False), (text[s:e], True), (text[e:], False)) if p]


def stable_fingerprint(f: Finding) -> str:
    """The finding's fingerprint; for a report made by hand (no fingerprint set), the same
    recipe as the engine's (:mod:`checker.fingerprint`) on the texts the finding carries."""
    if f.fingerprint:
        return f.fingerprint
    return fingerprint(f.rule, f.claim.text, f.evidence.text, f.claim_value, f.evidence_value)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
