"""GitHub Actions workflow commands: one annotation per finding, grouped per file.

GitHub shows at most 10 error and 10 warning annotations per step (50 per job) and drops the
rest silently, so we cap them ourselves (notices too, to stay well inside the job limit),
print the remaining findings as plain log lines, and close with one ``::notice`` that says how
many were not annotated. :func:`step_summary` gives the Markdown for ``$GITHUB_STEP_SUMMARY``.

Escaping follows actions/toolkit ``command.ts``: ``%``, CR and LF in the message; also ``:``
and ``,`` in property values. Plain log lines get the same data escaping, so a message that
contains a line starting with ``::`` can never become a command.
"""

from __future__ import annotations

from ..models import Finding, Report, Severity
from . import RenderOptions, markdown_format
from ._common import group_by_file, loc_str, loc_where, plural

COMMAND = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}
PER_STEP = {"error": 10, "warning": 10, "notice": 10}
PER_JOB = 50


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **props: str | int | None) -> str:
    """``::name k=v,...::message`` with toolkit escaping; ``None`` properties are left out."""
    parts = [f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None]
    head = f"::{name}" + (" " + ",".join(parts) if parts else "")
    return f"{head}::{escape_data(message)}"


def _annotation(f: Finding) -> str:
    same_line = f.claim.line == f.claim.end_line
    where = loc_where(f.evidence)
    message = (
        f"{f.message}\n"
        f"Claim says: {f.claim_value}\n"
        f"Source ({loc_str(f.evidence)}{', ' + where if where else ''}) says: {f.evidence_value}\n"
        f"> {' '.join(f.evidence.text.split())}"
    )
    title = f"{f.rule} {f.name}".strip() if f.name else f.rule
    return command(
        COMMAND[f.severity],
        message,
        file=f.claim.path,
        line=f.claim.line,
        endLine=f.claim.end_line,
        col=f.claim.column if same_line else None,
        endColumn=f.claim.end_column if same_line else None,
        title=title,
    )


def _plain(f: Finding) -> str:
    """A finding that did not fit the annotation budget, as an ordinary (inert) log line."""
    return escape_data(f"{loc_str(f.claim)}: {f.severity.value} {f.rule} {f.message}")


def _budget(findings: list[Finding]) -> set[str]:
    """Ids of the findings that get an annotation, in report order within each level."""
    wanted = {k: [f for f in findings if COMMAND[f.severity] == k] for k in PER_STEP}
    overflow = any(len(v) > PER_STEP[k] for k, v in wanted.items())
    caps = dict(PER_STEP)
    if overflow:
        caps["notice"] -= 1  # keep room for the closing notice
    chosen: set[str] = set()
    total_cap = PER_JOB - (1 if overflow else 0)
    for level in ("error", "warning", "notice"):
        for f in wanted[level][: caps[level]]:
            if len(chosen) < total_cap:
                chosen.add(f.id)
    return chosen


def render(report: Report, options: RenderOptions | None = None) -> str:
    groups = group_by_file(report)
    findings = [f for g in groups for f in [*(x for _, fs in g.claims for x in fs), *g.loose]]
    annotated = _budget(findings)
    lines: list[str] = []
    for g in groups:
        fs = [x for _, fs_ in g.claims for x in fs_] + g.loose
        if not fs:
            continue
        lines.append(command("group", f"claimcheck: {g.path} ({plural(len(fs), 'finding')})"))
        for f in fs:
            lines.append(_annotation(f) if f.id in annotated else _plain(f))
        lines.append("::endgroup::")
    hidden = len(findings) - len(annotated)
    if hidden:
        lines.append(
            command(
                "notice",
                f"{plural(hidden, 'more finding')} not shown as annotations (GitHub shows at most 10 "
                f"errors and 10 warnings per step); see the log above, the step summary or the "
                f"SARIF/HTML report.",
                title="claimcheck",
            )
        )
    s = report.summary
    lines.append(
        f"claimcheck: {plural(s.claims, 'claim')}: {s.contradicted} contradicted, "
        f"{s.unverified} unverified, {s.supported} supported; {plural(s.findings, 'finding')}"
        + (
            f" ({s.accepted_claims} contradicted claim(s) and {s.accepted} finding(s) accepted, not shown)"
            if s.accepted
            else ""
        )
    )
    return "\n".join(lines) + "\n"


def step_summary(report: Report) -> str:
    """Markdown to append to ``$GITHUB_STEP_SUMMARY`` (the same as ``--format markdown``)."""
    return markdown_format.render(report, RenderOptions())
