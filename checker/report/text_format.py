"""The terminal report: grouped by file, each finding with claim and source side by side.

Built from rich ``Text`` objects only (never console markup), so brackets and other markup-like
characters in claims and sources print as they are. Colour is on only when ``options.color``;
otherwise the output is plain text with no escape codes.
"""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..models import ClaimResult, Evidence, Finding, Loc, Report
from . import RenderOptions
from ._common import (
    VERDICT_LABEL,
    acceptance_text,
    claim_accepted,
    evidence_span,
    group_by_file,
    is_accepted,
    loc_str,
    loc_where,
    plural,
    split_span,
    value_span,
)

VERDICT_STYLE = {
    "supported": ("✓", "bold white on green", "green"),
    "contradicted": ("✗", "bold white on red", "red"),
    "unverified": ("?", "bold black on yellow", "yellow"),
}
SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
CLAIM_HL = "bold black on bright_red"
SOURCE_HL = "bold black on bright_green"
MATCH_HL = "underline"
SIDE_BY_SIDE_MIN_WIDTH = 90  # below this, claim and source are stacked


def _marked(text: str, span, style: str) -> Text:
    out = Text(overflow="fold")
    for piece, hl in split_span(" ".join(text.split()), _collapsed_span(text, span)):
        out.append(piece, style=style if hl else None)
    return out


def _collapsed_span(text: str, span):
    """Map a span of ``text`` onto ``" ".join(text.split())`` (line breaks folded for display)."""
    if span is None:
        return None
    s, e = span
    folded_prefix = " ".join(text[:s].split())
    if text[:s] and text[:s][-1].isspace() and folded_prefix:
        folded_prefix += " "
    inner = " ".join(text[s:e].split())
    return len(folded_prefix), len(folded_prefix) + len(inner)


def _loc_line(label: str, loc: Loc | Evidence) -> Text:
    t = Text()
    t.append(label, style="dim")
    t.append(loc_str(loc), style="bold")
    where = loc_where(loc)
    if where:
        t.append("\n" + " " * len(label) + where, style="dim")
    return t


def _badge(verdict: str, accepted: bool = False) -> Text:
    symbol, style, _ = VERDICT_STYLE[verdict]
    if accepted:
        return Text(f" {symbol} {VERDICT_LABEL[verdict].upper()} (ACCEPTED) ", style="bold black on white")
    return Text(f" {symbol} {VERDICT_LABEL[verdict].upper()} ", style=style)


def _accepted_line(f) -> RenderableType:
    t = Text()
    t.append("accepted ", style="dim")
    t.append(f.rule, style="bold")
    t.append(f" {f.severity.value}  ")
    t.append(" ".join(f.message.split()))
    t.append("\n  " + acceptance_text(f), style="dim")
    return t


def _finding(f: Finding, width: int) -> RenderableType:
    head = Text()
    head.append(f.rule, style="bold")
    head.append(" ")
    head.append(f.severity.value, style=SEVERITY_STYLE[f.severity.value])
    head.append("  ")
    head.append(" ".join(f.message.split()))
    if f.name:
        head.append(f"  [{f.name}]", style="dim")

    claim_side = Group(
        _loc_line("claim   ", f.claim),
        _marked(f.claim.text, value_span(f.claim.text, f.claim_value), CLAIM_HL),
        Text.assemble(("value   ", "dim"), (f.claim_value, "bold red")),
    )
    source_side = Group(
        _loc_line("source  ", f.evidence),
        _marked(f.evidence.text, value_span(f.evidence.text, f.evidence_value), SOURCE_HL),
        Text.assemble(("value   ", "dim"), (f.evidence_value, "bold green")),
    )
    if width >= SIDE_BY_SIDE_MIN_WIDTH:
        grid = Table.grid(padding=(0, 3), expand=True)
        grid.add_column(ratio=1)
        grid.add_column(ratio=1)
        grid.add_row(claim_side, source_side)
        body: RenderableType = grid
    else:
        body = Group(claim_side, Text(""), source_side)
    return Group(head, Padding(body, (0, 0, 0, 2)))


def _evidence_line(ev: Evidence) -> RenderableType:
    return Group(
        _loc_line("source  ", ev),
        Padding(_marked(ev.text, evidence_span(ev), MATCH_HL), (0, 0, 0, 8)),
    )


def _claim(report: Report, claim: ClaimResult, findings: list[Finding], width: int) -> RenderableType:
    head = Text()
    head.append_text(_badge(claim.verdict, is_accepted(report, claim)))
    head.append("  ")
    head.append(loc_str(claim.location), style="bold")
    head.append(f"  {claim.id}", style="dim")
    head.append(f"  confidence {claim.confidence:.2f}", style="dim")
    parts: list[RenderableType] = [head, Padding(Text(" ".join(claim.text.split())), (0, 0, 0, 2))]
    for f in findings:
        parts.append(Text(""))
        parts.append(Padding(_finding(f, width - 2), (0, 0, 0, 2)))
    accepted = claim_accepted(report, claim)
    for f in accepted:
        parts.append(Padding(_accepted_line(f), (0, 0, 0, 2)))
    if not findings and not accepted and claim.evidence:
        best = max(claim.evidence, key=lambda e: e.score)
        parts.append(Padding(_evidence_line(best), (0, 0, 0, 2)))
    if claim.verdict == "unverified" and not claim.evidence:
        parts.append(Padding(Text("no source passage addresses this claim", style="dim italic"), (0, 0, 0, 2)))
    return Group(*parts)


def _summary(report: Report) -> RenderableType:
    s = report.summary
    line = Text()
    line.append(plural(s.claims, "claim"), style="bold")
    line.append(": ")
    for i, (key, n) in enumerate(
        (("supported", s.supported), ("contradicted", s.contradicted), ("unverified", s.unverified))
    ):
        if i:
            line.append(", ")
        line.append(f"{n} {key}", style=VERDICT_STYLE[key][2] if n else "dim")
        if key == "contradicted" and s.accepted_claims:
            line.append(f" ({s.accepted_claims} accepted)")
    findings = Text()
    findings.append(plural(s.findings, "finding"), style="bold")
    findings.append(": ")
    for i, (key, n) in enumerate((("error", s.errors), ("warning", s.warnings), ("info", s.infos))):
        if i:
            findings.append(", ")
        findings.append(plural(n, key), style=SEVERITY_STYLE[key] if n else "dim")
    if s.accepted:
        findings.append(f"; {s.accepted} accepted (suppressed or baselined, not counted)")
    checked = Text(f"checked {plural(len(s.files), 'file')} against {plural(len(s.sources), 'source')}", style="dim")
    return Group(line, findings, checked)


def render(report: Report, options: RenderOptions) -> str:
    width = options.width or 100
    buf = io.StringIO()
    console = Console(
        file=buf,
        force_terminal=options.color,
        no_color=not options.color,
        width=width,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        color_system="auto" if options.color else None,
    )
    for group in group_by_file(report):
        n_findings = sum(len(fs) for _, fs in group.claims) + len(group.loose)
        console.print(
            Text.assemble(
                (group.path, "bold underline"),
                (f"  {plural(len(group.claims), 'claim')} · {plural(n_findings, 'finding')}", "dim"),
            )
        )
        console.print()
        for claim, findings in group.claims:
            console.print(_claim(report, claim, findings, width))
            console.print()
        for f in group.loose:
            console.print(Padding(_finding(f, width - 2), (0, 0, 0, 2)))
            console.print()
    for note in report.notes:
        console.print(Text.assemble(("note: ", "bold"), note))
    if report.notes:
        console.print()
    console.print(Rule(style="dim", characters="─"))
    console.print(_summary(report))
    # rich pads every line to the console width; trailing blanks only get in the way of diffs.
    return "\n".join(line.rstrip() for line in buf.getvalue().split("\n"))
