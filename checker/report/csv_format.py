"""The findings as CSV, one row per finding (accepted ones too, marked), for a spreadsheet:
the claim (its id and sentence), where and what each side says, and who accepted it, if anyone.

Cells that a spreadsheet would read as a formula (text starting with ``=``, ``+``, ``-`` or
``@`` that is not a plain number) get a leading apostrophe: claims and sources are untrusted
text, and opening the export must not run anything they contain.
"""

from __future__ import annotations

import csv
import io
import re

from ..models import AcceptedFinding, ClaimResult, Finding, Report
from . import RenderOptions
from ._common import ordered_accepted, ordered_findings, stable_fingerprint

COLUMNS = (
    "id",
    "status",
    "severity",
    "rule",
    "name",
    "category",
    "message",
    "claim",
    "claim_sentence",
    "claim_path",
    "claim_line",
    "claim_column",
    "claim_section",
    "claim_value",
    "claim_text",
    "evidence_path",
    "evidence_line",
    "evidence_column",
    "evidence_section",
    "evidence_value",
    "evidence_text",
    "confidence",
    "fingerprint",
    "accepted_by",
    "accepted_reason",
)
_NUMBER = re.compile(r"[+-]?\d[\d,.]*%?")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def _row(f: Finding, claim: ClaimResult | None) -> list[str]:
    by = f.accepted_by if isinstance(f, AcceptedFinding) else None
    values = [
        f.id,
        "accepted" if by else "shown",
        f.severity.value,
        f.rule,
        f.name,
        f.category,
        " ".join(f.message.split()),
        claim.id if claim else f.claim_id,
        " ".join(claim.text.split()) if claim else "",
        f.claim.path,
        f.claim.line,
        f.claim.column,
        f.claim.section,
        f.claim_value,
        " ".join(f.claim.text.split()),
        f.evidence.path,
        f.evidence.line,
        f.evidence.column,
        f.evidence.section,
        f.evidence_value,
        " ".join(f.evidence.text.split()),
        f"{f.confidence:.2f}",
        stable_fingerprint(f),
        by.kind if by else "",
        by.reason if by else "",
    ]
    return [_cell(v) for v in values]


def render(report: Report, options: RenderOptions | None = None) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    claims = {i: c for c in report.claims for i in c.findings + c.accepted}
    for f in ordered_findings(report) + ordered_accepted(report):
        writer.writerow(_row(f, claims.get(f.id)))
    return buf.getvalue()
