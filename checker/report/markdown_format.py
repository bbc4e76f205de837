"""GitHub-flavoured Markdown for PR comments and ``$GITHUB_STEP_SUMMARY``.

Summary table, a table of findings, then the claims by verdict with the evidence folded into
``<details>``. Every piece of claim or source text is escaped: HTML characters become entities
(GitHub would otherwise drop a ``<script>`` passage silently) and Markdown punctuation is
backslash-escaped; inside tables ``|`` is escaped and line breaks become ``<br>``.
"""

from __future__ import annotations

import html
import re

from ..models import ClaimResult, Evidence, Finding, Report
from . import RenderOptions
from ._common import (
    VERDICT_LABEL,
    VERDICT_ORDER,
    acceptance_text,
    claim_accepted,
    evidence_span,
    group_by_file,
    is_accepted,
    loc_str,
    loc_where,
    ordered_findings,
    plural,
    split_span,
)

VERDICT_ICON = {"supported": "✅", "contradicted": "❌", "unverified": "❔"}
SEVERITY_ICON = {"error": "🔴", "warning": "🟡", "info": "🔵"}

_NEWLINES = re.compile(r"\r\n|\r|\n")


def text(s: str, *, table: bool = False) -> str:
    """Untrusted text as inert Markdown: no HTML, no emphasis, no links, no table breaks."""
    s = html.escape(s, quote=False)
    s = re.sub(r"([\\`*_\[\]{}#+!|~])", r"\\\1", s)
    lines = [" ".join(line.split()) for line in _NEWLINES.split(s.strip())]
    return ("<br>" if table else " ").join(line for line in lines if line)


def code(s: str, *, table: bool = False) -> str:
    """A code span that survives backticks (longer fence) and, in tables, pipes."""
    s = " ".join(s.split())
    if not s:
        return ""
    longest = max((len(m) for m in re.findall(r"`+", s)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    if table:
        s = s.replace("|", "\\|")
    return f"{fence}{pad}{s}{pad}{fence}"


def _where(loc) -> str:
    where = loc_where(loc)
    return f" ({text(where)})" if where else ""


def _summary(report: Report) -> list[str]:
    s = report.summary
    out = [
        "## claimcheck report",
        "",
        f"**{plural(s.claims, 'claim')}** checked in {plural(len(s.files), 'file')} against "
        f"{plural(len(s.sources), 'source')}: **{s.contradicted} contradicted**, "
        f"{s.unverified} unverified, {s.supported} supported.",
        "",
        "| Verdict | Claims |",
        "| --- | ---: |",
    ]
    for v in VERDICT_ORDER:
        out.append(f"| {VERDICT_ICON[v]} {VERDICT_LABEL[v]} | {getattr(s, v)} |")
    out += ["", "| Severity | Findings |", "| --- | ---: |"]
    for key, n in (("error", s.errors), ("warning", s.warnings), ("info", s.infos)):
        out.append(f"| {SEVERITY_ICON[key]} {key} | {n} |")
    if s.accepted:
        out += [
            "",
            f"{plural(s.accepted, 'accepted finding')} (suppressed or baselined) not counted; "
            f"{s.accepted_claims} contradicted claim(s) accepted.",
        ]
    return out


def _findings_table(findings: list[Finding]) -> list[str]:
    out = [
        "### Findings",
        "",
        "| Severity | Rule | Claim | Message | Claim says | Source says | Source |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for f in findings:
        out.append(
            "| "
            + " | ".join(
                [
                    f"{SEVERITY_ICON[f.severity.value]} {f.severity.value}",
                    code(f.rule, table=True),
                    code(loc_str(f.claim), table=True),
                    text(f.message, table=True),
                    code(f.claim_value, table=True),
                    code(f.evidence_value, table=True),
                    code(loc_str(f.evidence), table=True) + _where(f.evidence),
                ]
            )
            + " |"
        )
    return out


def _inline(s: str) -> str:
    """Escape like :func:`text` but keep edge spaces, so pieces can be joined."""
    s = html.escape(s, quote=False)
    s = re.sub(r"([\\`*_\[\]{}#+!|~])", r"\\\1", s)
    return re.sub(r"\s+", " ", s)


def _quote(s: str, span=None) -> str:
    """A block quote of ``s`` with ``span`` in bold."""
    out = []
    for piece, hl in split_span(s, span):
        if hl:
            core = piece.strip()
            lead = piece[: len(piece) - len(piece.lstrip())]
            trail = piece[len(piece.rstrip()) :]
            out.append(_inline(lead) + (f"**{_inline(core)}**" if core else "") + _inline(trail))
        else:
            out.append(_inline(piece))
    return "> " + "".join(out).strip()


def _evidence(ev: Evidence) -> list[str]:
    return [
        f"- {code(loc_str(ev))}{_where(ev)}, match score {ev.score:.1f}",
        "",
        "  " + _quote(ev.text, evidence_span(ev)),
        "",
    ]


def _claim(report: Report, claim: ClaimResult, findings: list[Finding]) -> list[str]:
    accepted = claim_accepted(report, claim)
    mark = " · accepted" if is_accepted(report, claim) else ""
    out = [
        f"#### {VERDICT_ICON[claim.verdict]} {code(claim.id)} · {code(loc_str(claim.location))}{mark}",
        "",
        _quote(claim.text),
        "",
    ]
    for f in findings:
        out.append(
            f"- {SEVERITY_ICON[f.severity.value]} {code(f.rule)} {text(f.message)} "
            f"(claim says {code(f.claim_value)}, source says {code(f.evidence_value)} "
            f"at {code(loc_str(f.evidence))})"
        )
    for f in accepted:
        out.append(f"- accepted {code(f.rule)} {text(f.message)}: {text(acceptance_text(f))}")
    if findings or accepted:
        out.append("")
    if claim.evidence:
        out += [
            "<details>",
            f"<summary>Evidence ({plural(len(claim.evidence), 'passage')})</summary>",
            "",
        ]
        for ev in claim.evidence:
            out += _evidence(ev)
        out += ["</details>", ""]
    elif claim.verdict == "unverified":
        out += ["_No source passage addresses this claim._", ""]
    return out


def render(report: Report, options: RenderOptions | None = None) -> str:
    out = _summary(report)
    findings = ordered_findings(report)
    if findings:
        out += [""] + _findings_table(findings)
    by_verdict: dict[str, list] = {v: [] for v in VERDICT_ORDER}
    for group in group_by_file(report):
        for claim, fs in group.claims:
            by_verdict[claim.verdict].append((claim, fs))
    for verdict in VERDICT_ORDER:
        items = by_verdict[verdict]
        if not items:
            continue
        if out[-1] != "":
            out.append("")
        out += [f"### {VERDICT_ICON[verdict]} {VERDICT_LABEL[verdict]} ({len(items)})", ""]
        for claim, fs in items:
            out += _claim(report, claim, fs)
    if report.notes:
        out += ([""] if out[-1] != "" else []) + ["### Notes", ""] + [f"- {text(n)}" for n in report.notes]
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
