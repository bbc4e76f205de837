"""Short outputs of ``claimcheck check``: one line per finding (``--quiet``) and counts per rule
(``--statistics``), in the forms ruff users already read and editors already link."""

from __future__ import annotations

import json
from collections import Counter

from .models import Finding, Report


def finding_lines(report: Report) -> str:
    """``path:line:col: CODE severity message [value vs value at path:line:col]``, one per finding."""
    out = []
    for f in sorted(report.findings, key=lambda f: (f.claim.path, f.claim.line, f.claim.column, f.rule, f.id)):
        c, e = f.claim, f.evidence
        where = f"{e.path}:{e.line}:{e.column}"
        message = " ".join(f.message.split())
        out.append(f"{c.path}:{c.line}:{c.column}: {f.rule} {f.severity.value} {message} (see {where})")
    return "".join(line + "\n" for line in out)


def statistics_rows(report: Report) -> list[dict]:
    """Counts per rule, most frequent first (code breaks ties), with each rule's name and severity."""
    counts = Counter(f.rule for f in report.findings)
    first: dict[str, Finding] = {}
    for f in report.findings:
        first.setdefault(f.rule, f)
    return [
        {"code": code, "name": first[code].name, "severity": first[code].severity.value, "count": n}
        for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def statistics_text(report: Report) -> str:
    rows = statistics_rows(report)
    if not rows:
        return "no findings\n"
    width = max(len(str(r["count"])) for r in rows)
    code_w = max(len(r["code"]) for r in rows)
    lines = [f"{r['count']:>{width}}  {r['code']:<{code_w}}  {r['severity']:<7}  {r['name']}" for r in rows]
    lines.append(f"{sum(r['count'] for r in rows):>{width}}  total")
    return "\n".join(lines) + "\n"


def statistics_json(report: Report) -> str:
    return json.dumps(statistics_rows(report), indent=2) + "\n"
