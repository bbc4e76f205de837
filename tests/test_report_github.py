from __future__ import annotations

import re

from report_fixtures import loc, many_findings_report, sample_report, summarise

from checker.models import ClaimResult, Finding, Report, Severity, ToolInfo
from checker.report import RenderOptions, render
from checker.report.github_format import command, escape_data, escape_property, step_summary


def gh(report=None) -> list[str]:
    return render(report or sample_report(), "github", RenderOptions()).splitlines()


def annotations(lines, level=None):
    pat = re.compile(r"^::(error|warning|notice)[ :]")
    return [line for line in lines if pat.match(line) and (level is None or line.startswith(f"::{level}"))]


def test_escaping_matches_actions_toolkit():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a: b, c%\n") == "a%3A b%2C c%25%0A"
    assert command("error", "x: y, z", file="a,b:c.md", line=3, col=None) == "::error file=a%2Cb%3Ac.md,line=3::x: y, z"


def test_annotation_fields():
    lines = gh()
    num = next(line for line in lines if "title=CC-NUM-001" in line)
    head, message = num.split("::", 2)[1:]
    assert head == "error file=claims/summit.yaml,line=5,endLine=5,col=12,endColumn=96,title=CC-NUM-001 number.mismatch"
    assert "\n" not in message and "%0A" in message
    assert "10%25" in message  # '%' escaped
    assert "sources/ministry-brief.pdf:2:1" in message
    assert len(annotations(lines, "error")) == 2
    assert len(annotations(lines, "warning")) == 1
    assert len(annotations(lines, "notice")) == 1


def test_groups_per_file_are_balanced():
    lines = gh()
    groups = [line for line in lines if line.startswith("::group::")]
    assert groups == [
        "::group::claimcheck: claims/summit.yaml (3 findings)",
        "::group::claimcheck: drafts/rally.md (1 finding)",
    ]
    assert lines.count("::endgroup::") == 2


def _multiline_report(end_line_offset: int, message: str) -> Report:
    text = "First line of the claim\ncontinues here 2019.\n"
    c = loc("drafts/d.md", text, "First line of the claim\ncontinues here 2019." if end_line_offset else "First line")
    f = Finding(
        id="A",
        rule="CC-DATE-001",
        category="date",
        severity=Severity.error,
        message=message,
        claim=c,
        evidence=c,
        claim_value="2019",
        evidence_value="2018",
        confidence=1.0,
        claim_id="d1",
    )
    claim = ClaimResult(id="d1", text=c.text, location=c, verdict="contradicted", confidence=1, findings=["A"])
    return Report(tool=ToolInfo(version="0"), summary=summarise([claim], [f]), claims=[claim], findings=[f])


def test_columns_left_out_when_lines_differ():
    (line,) = annotations(gh(_multiline_report(1, "m")))
    assert "line=1,endLine=2," in line and "col=" not in line and "endColumn=" not in line
    (line,) = annotations(gh(_multiline_report(0, "m")))
    assert "col=1,endColumn=11" in line


def test_message_cannot_inject_a_command():
    lines = gh(_multiline_report(0, "harmless\n::error file=x::injected\r\n::stop-commands::t"))
    assert not any(line.startswith("::error file=x") or line.startswith("::stop-commands") for line in lines)
    assert len(annotations(lines)) == 1


def test_caps_per_step_and_closing_notice():
    lines = gh(many_findings_report(15, 12, 14))
    assert len(annotations(lines, "error")) == 10
    assert len(annotations(lines, "warning")) == 10
    notices = annotations(lines, "notice")
    assert len(notices) == 10  # 9 info findings + the closing notice
    assert notices[-1].startswith("::notice title=claimcheck::")
    assert "12 more findings" in notices[-1]  # 5 errors + 2 warnings + 5 infos not annotated
    assert len(annotations(lines)) <= 50
    # the findings that were not annotated are still in the log, as inert lines
    plain = [line for line in lines if line.startswith("claims/many.yaml:")]
    assert len(plain) == 12


def test_no_closing_notice_under_the_caps():
    lines = gh(many_findings_report(10, 10))
    assert len(annotations(lines)) == 20
    assert not any("more finding" in line for line in lines)


def test_step_summary_is_the_markdown_report():
    report = sample_report()
    assert step_summary(report) == render(report, "markdown", RenderOptions())
    assert step_summary(report).startswith("## claimcheck report")
