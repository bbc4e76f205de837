"""The JSON report: the published contract (``claimcheck schema report``)."""

from __future__ import annotations

from ..models import Report


def render(report: Report, options) -> str:
    return report.model_dump_json(indent=2) + "\n"
