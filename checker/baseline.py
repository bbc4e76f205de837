"""Baselines: accept today's findings so CI fails only on new ones.

The file lists each finding's fingerprint (a hash of rule, claim and evidence sentence and the
compared values, unique within a run; see :mod:`checker.fingerprint`) with its rule, path, message and claim text
for a human reviewing the file in a pull request. Line numbers are left out on purpose: they
are not part of the identity, and keeping them would make the file change whenever text above
a finding moves.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import __version__
from .errors import InputError
from .models import Report

BASELINE_VERSION = 1


def baseline_json(report: Report) -> str:
    """The baseline file for ``report``: one entry per distinct fingerprint, in a stable order."""
    entries: dict[str, dict[str, Any]] = {}
    for f in report.findings:
        entries.setdefault(
            f.fingerprint,
            {
                "fingerprint": f.fingerprint,
                "rule": f.rule,
                "path": f.claim.path,
                "message": f.message,
                "claim": f.claim.text,
                "evidence": f"{f.evidence.path}: {f.evidence.text}",
            },
        )
    ordered = sorted(entries.values(), key=lambda e: (e["path"], e["rule"], e["claim"], e["fingerprint"]))
    doc = {"claimcheck_baseline": BASELINE_VERSION, "tool_version": __version__, "findings": ordered}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def load_baseline(path: Path) -> frozenset[str]:
    """The fingerprints of a baseline file; a missing or malformed file is an input error."""
    shown = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(shown, f"cannot read baseline: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(shown, "baseline is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputError(shown, f"baseline is not valid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    if not isinstance(data, dict) or data.get("claimcheck_baseline") != BASELINE_VERSION:
        raise InputError(
            shown,
            f'not a claimcheck baseline (expected "claimcheck_baseline": {BASELINE_VERSION}); '
            "write one with 'claimcheck baseline'",
        )
    findings = data.get("findings")
    if not isinstance(findings, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) and e["fingerprint"] for e in findings
    ):
        raise InputError(shown, "baseline 'findings' must be a list of objects with a 'fingerprint'")
    return frozenset(e["fingerprint"] for e in findings)
