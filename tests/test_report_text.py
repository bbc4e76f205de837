from __future__ import annotations

import re

from report_fixtures import loc, sample_report, summarise

from checker.models import ClaimResult, Finding, Report, Severity, ToolInfo
from checker.report import RenderOptions, render

ANSI = re.compile(r"\x1b\[")


def text(report=None, **kw) -> str:
    return render(report or sample_report(), "text", RenderOptions(**kw))


def test_no_escape_codes_without_colour():
    out = text(color=False, width=100)
    assert not ANSI.search(out)


def test_colour_when_asked_and_values_highlighted():
    out = text(color=True, width=100)
    assert ANSI.search(out)
    # the differing values are styled: an escape code sits right before each of them
    for value in ("45,000", "40,500", "May 2019", "June 2019", "Genève", "Zürich"):
        assert re.search(r"\x1b\[[0-9;]*m" + re.escape(value), out), value


def test_grouped_by_file_with_locations_on_both_sides():
    out = text(width=120)
    assert out.index("claims/summit.yaml") < out.index("drafts/rally.md")
    assert "claims/summit.yaml:5:12" in out  # claim location path:line:col
    assert "sources/ministry-brief.pdf:2:1" in out  # evidence location
    assert "p. 12 · § 3. Withdrawal" in out  # page and section of the source
    assert "CC-NUM-001 error" in out and "CC-PLACE-001 warning" in out
    for badge in ("SUPPORTED", "CONTRADICTED", "UNVERIFIED"):
        assert badge in out


def test_summary_counts():
    out = text(width=100)
    assert "4 claims: 1 supported, 2 contradicted, 1 unverified" in out
    assert "4 findings: 2 errors, 1 warning, 1 info" in out


def test_side_by_side_when_wide_stacked_when_narrow():
    wide = text(width=120).splitlines()
    assert any(
        "claim   claims/summit.yaml:5:12" in line and "source  sources/ministry-brief.pdf" in line for line in wide
    )
    narrow = text(width=60).splitlines()
    assert not any("claim   " in line and "source  " in line for line in narrow)
    assert any(line.strip().startswith("source  sources/ministry-brief.pdf:2:1") for line in narrow)
    assert all(len(line) <= 60 for line in narrow)


def test_markup_like_text_prints_verbatim():
    c = loc(
        "d.md",
        "Citation [bold]9[/bold] and [red]x[/] :smile: here.\n",
        "Citation [bold]9[/bold] and [red]x[/] :smile: here.",
    )
    claim = ClaimResult(id="c1", text=c.text, location=c, verdict="unverified", confidence=0.4)
    report = Report(tool=ToolInfo(version="0"), summary=summarise([claim], []), claims=[claim])
    out = text(report, color=True, width=100)
    assert "[bold]9[/bold] and [red]x[/] :smile:" in ANSI.sub("", re.sub(r"\x1b\[[0-9;]*m", "", out))


def test_finding_without_claim_is_still_shown():
    c = loc("claims/x.yaml", "claims:\n  - id: a\n", "id: a")
    f = Finding(
        id="S1",
        rule="CC-SCHEMA-001",
        name="schema.invalid",
        category="schema",
        severity=Severity.error,
        message="bad field",
        claim=c,
        evidence=c,
        claim_value="a",
        evidence_value="",
        confidence=1.0,
    )
    report = Report(tool=ToolInfo(version="0"), summary=summarise([], [f]), findings=[f])
    out = text(report, width=100)
    assert "claims/x.yaml" in out and "CC-SCHEMA-001 error  bad field" in out
