"""A single self-contained HTML report: inline CSS and JS, no network, filters by verdict and severity.

Claims and sources are untrusted text. Jinja2 autoescapes everything (also for templates given
as strings), highlights are built here as (piece, highlighted) lists from stored offsets so the
template never marks up raw text, and a Content-Security-Policy lets only our own script run
(its hash is computed at render time), so even a missed escape could not execute.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..models import AcceptedFinding, ClaimResult, Evidence, Finding, Loc, Report
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
    split_span,
    value_span,
    verdict_label,
)


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("checker", "report/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _place(loc: Loc | Evidence) -> dict:
    return {"ref": loc_str(loc), "where": loc_where(loc)}


def _finding(f: Finding) -> dict:
    return {
        "accepted_by": acceptance_text(f) if isinstance(f, AcceptedFinding) else "",
        "id": f.id,
        "rule": f.rule,
        "name": f.name,
        "category": f.category,
        "severity": f.severity.value,
        "message": f.message,
        "confidence": f"{f.confidence:.2f}",
        "claim": _place(f.claim),
        "claim_pieces": split_span(f.claim.text, value_span(f.claim.text, f.claim_value)),
        "claim_value": f.claim_value,
        "evidence": _place(f.evidence),
        "evidence_pieces": split_span(f.evidence.text, value_span(f.evidence.text, f.evidence_value)),
        "evidence_value": f.evidence_value,
    }


def _evidence(ev: Evidence) -> dict:
    return {**_place(ev), "score": f"{ev.score:.1f}", "pieces": split_span(ev.text, evidence_span(ev))}


def _claim(report: Report, claim: ClaimResult, findings: list[Finding], anchor: str) -> dict:
    accepted = claim_accepted(report, claim)
    severities = sorted({f.severity.value for f in findings + accepted})
    return {
        "anchor": anchor,
        "section": claim.location.section,
        "line": claim.location.line,
        "column": claim.location.column,
        "id": claim.id,
        "text": claim.text,
        "verdict": claim.verdict,
        "verdict_label": verdict_label(report, claim),
        "is_accepted": is_accepted(report, claim),
        "accepted": [_finding(f) for f in accepted],
        "confidence": f"{claim.confidence:.2f}",
        "location": _place(claim.location),
        "severities": " ".join(severities),
        "findings": [_finding(f) for f in findings],
        "evidence": [_evidence(ev) for ev in claim.evidence],
    }


def _toc(claims: list[dict]) -> list[dict]:
    """The file's sections in reading order, each with links to its claims by verdict."""
    sections: dict[str, dict[str, list[dict]]] = {}
    lines = Counter(c["line"] for c in claims)
    for c in claims:
        label = f"line {c['line']}" if lines[c["line"]] == 1 else f"line {c['line']}:{c['column']}"
        by_verdict = sections.setdefault(c["section"] or "", {v: [] for v in VERDICT_ORDER})
        by_verdict[c["verdict"]].append(
            {"anchor": c["anchor"], "label": label, "accepted": c["is_accepted"], "title": c["text"][:120]}
        )
    return [
        {"name": name, "verdicts": [(v, VERDICT_LABEL[v], links[v]) for v in VERDICT_ORDER]}
        for name, links in sections.items()
    ]


def context(report: Report, options: RenderOptions) -> dict:
    """Everything the template shows, as plain data (also handy for custom templates)."""
    s = report.summary
    files = []
    for i, g in enumerate(group_by_file(report), 1):
        claims = [_claim(report, c, fs, f"claim-{i}-{j}") for j, (c, fs) in enumerate(g.claims, 1)]
        files.append({"path": g.path, "claims": claims, "loose": [_finding(f) for f in g.loose], "toc": _toc(claims)})
    return {
        "title": options.extra.get("title", "claimcheck report"),
        "tool": report.tool,
        "summary": s,
        "verdicts": [(v, VERDICT_LABEL[v], getattr(s, v)) for v in VERDICT_ORDER],
        "severities": [("error", s.errors), ("warning", s.warnings), ("info", s.infos)],
        "files": files,
        "notes": report.notes,
        "schema_version": report.schema_version,
    }


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render(report: Report, options: RenderOptions) -> str:
    env = environment()
    script = env.get_template("report.js").render()
    css = env.get_template("report.css").render()
    return env.get_template("report.html.j2").render(
        **context(report, options), script=script, css=css, script_hash=_csp_hash(script)
    )
