from __future__ import annotations

import re

from report_fixtures import SCRIPT_PAYLOAD, sample_report

from checker.report import RenderOptions, render
from checker.report.markdown_format import code, text


def md() -> str:
    return render(sample_report(), "markdown", RenderOptions())


def cells(row: str) -> list[str]:
    """Split a GFM table row on unescaped pipes."""
    return re.split(r"(?<!\\)\|", row.strip())[1:-1]


def test_findings_table_rows_keep_their_columns():
    out = md()
    header = "| Severity | Rule | Claim | Message | Claim says | Source says | Source |"
    lines = out.splitlines()
    start = lines.index(header)
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(line)
    assert len(rows) == 4
    for row in rows:
        assert len(cells(row)) == 7, row
    # the pipe inside a message is escaped, and the newline became <br>
    assert any("Zürich \\| check the city" in r for r in rows)
    assert any("40,500,<br>a gap of 10%" in r for r in rows)


def test_summary_table_counts():
    out = md()
    assert "| ❌ Contradicted | 2 |" in out
    assert "| 🔴 error | 2 |" in out


def test_untrusted_html_is_inert():
    out = md()
    assert SCRIPT_PAYLOAD not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_claims_by_verdict_with_evidence_folded():
    out = md()
    order = [out.index(h) for h in ("### ❌ Contradicted (2)", "### ❔ Unverified (1)", "### ✅ Supported (1)")]
    assert order == sorted(order)
    assert out.count("<details>") == out.count("</details>") == 3
    # the aligned span of the evidence is in bold, from stored offsets
    assert "say the crowd **filled the main square in Zürich on 12 March**." in out


def test_escaping_helpers():
    assert text("a | b\nc") == "a \\| b c"
    assert text("a | b\nc", table=True) == "a \\| b<br>c"
    assert text("*not* [a](link) <b>") == "\\*not\\* \\[a\\](link) &lt;b&gt;"
    assert code("x`y") == "``x`y``"
    assert code("a|b", table=True) == "`a\\|b`"
