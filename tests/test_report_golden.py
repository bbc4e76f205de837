"""Golden output of every renderer on the sample report.

A reviewer sees any user-visible change in the diff of ``tests/golden/``. Regenerate with
``CLAIMCHECK_UPDATE_GOLDENS=1 python -m pytest tests/test_report_golden.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from report_fixtures import sample_report

from checker.report import Format, RenderOptions, available_formats, render

GOLDEN = Path(__file__).parent / "golden"

CASES = {
    "text": ("report.txt", RenderOptions(color=False, width=100)),
    "markdown": ("report.md", RenderOptions()),
    "html": ("report.html", RenderOptions()),
    "sarif": (
        "report.sarif",
        RenderOptions(root="/srv/project", extra={"information_uri": None, "srcroot": "/srv/project"}),
    ),
    "junit": ("report.junit.xml", RenderOptions()),
    "github": ("report.github.txt", RenderOptions()),
    "claimreview": (
        "report.claimreview.json",
        RenderOptions(extra={"date": "2026-01-15", "publisher": "Example Desk"}),
    ),
    "json": ("report.json", RenderOptions()),
    "csv": ("report.csv", RenderOptions()),
}


def test_every_format_has_a_renderer_and_a_golden():
    assert set(available_formats()) == {f.value for f in Format}
    assert set(CASES) == {f.value for f in Format}


@pytest.mark.parametrize("fmt", sorted(CASES))
def test_golden(fmt):
    name, options = CASES[fmt]
    out = render(sample_report(), fmt, options)
    # deterministic for a given report: a second render is byte-identical
    assert render(sample_report(), fmt, options) == out
    path = GOLDEN / name
    if os.environ.get("CLAIMCHECK_UPDATE_GOLDENS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(out, encoding="utf-8", newline="\n")
    assert path.exists(), f"missing golden {path}; run with CLAIMCHECK_UPDATE_GOLDENS=1"
    assert out == path.read_text(encoding="utf-8"), f"{fmt} output changed; see {path}"


@pytest.mark.parametrize("fmt", sorted(CASES))
def test_every_renderer_handles_an_empty_and_a_large_report(fmt):
    from report_fixtures import empty_report, many_findings_report

    _, options = CASES[fmt]
    assert render(empty_report(), fmt, options).strip()
    big = render(many_findings_report(30, 30, 30), fmt, options)
    assert "claims/many.yaml" in big
