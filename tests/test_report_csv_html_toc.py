"""Reports people read: a CSV export of the findings, an HTML table of contents by section and
verdict, and highlights that never cut a word in half."""

from __future__ import annotations

import csv
import io
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import run_cli

from checker.report._common import value_span, word_span
from checker.report.csv_format import COLUMNS

DRAFT = """# Visits

## Beijing, autumn 1997

<!-- claimcheck: ignore[CC-PLACE-001] the wire copy gave this city -->
On November 10, 1997, Boris Yeltsin visited Tokyo for talks with the Japanese prime minister.

## Putin in 2024

Vladimir Putin arrived in Beijing on May 17, 2024 for a two-day state visit.
"""


@pytest.fixture
def project(tmp_path, repo) -> Path:
    shutil.copytree(repo / "sources", tmp_path / "sources")
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def _check(project: Path, fmt: str, out: str | None = None) -> str:
    args = ["check", "draft.md", "-s", "sources", "--no-cache", "--isolated", "-f", fmt]
    result = run_cli(args + (["-o", out] if out else []), project)
    assert result.exit_code == 1, result.output
    return (project / out).read_text(encoding="utf-8") if out else result.stdout


def test_csv_export_has_one_row_per_finding_accepted_ones_marked(project):
    import json

    report = json.loads(_check(project, "json"))
    rows = list(csv.DictReader(io.StringIO(_check(project, "csv", "findings.csv"))))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == len(report["findings"]) + len(report["accepted"]) >= 2
    shown = {r["id"]: r for r in rows if r["status"] == "shown"}
    assert set(shown) == {f["id"] for f in report["findings"]}
    date = next(r for r in shown.values() if r["rule"] == "CC-DATE-001")
    assert (date["claim_path"], date["claim_line"], date["claim_value"]) == ("draft.md", "10", "2024-05-17 (day)")
    assert date["evidence_path"] == "sources/putin-beijing-2024.md" and date["severity"] == "error"
    (accepted,) = [r for r in rows if r["status"] == "accepted"]
    assert (accepted["rule"], accepted["claim_line"], accepted["claim_value"]) == ("CC-PLACE-001", "6", "Tokyo")
    assert accepted["accepted_by"] == "comment" and accepted["accepted_reason"] == "the wire copy gave this city"


def test_csv_cells_never_start_a_formula(tmp_path, repo):
    shutil.copytree(repo / "sources", tmp_path / "sources")
    (tmp_path / "draft.md").write_text(
        '# Draft\n\n=HYPERLINK("http://example.org") On November 10, 1997, Boris Yeltsin visited Tokyo '
        "for talks with the Japanese prime minister.\n",
        encoding="utf-8",
    )
    out = _check(tmp_path, "csv")
    cells = [c for row in csv.reader(io.StringIO(out)) for c in row]
    assert not any(c[:1] in "=+@" for c in cells if c)
    assert any(c.startswith("'=HYPERLINK") for c in cells)


class _Page(HTMLParser):
    """Ids, TOC links, and each <mark> with the text around it inside its block quote."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.toc_links: list[str] = []
        self.rows: list[str] = []
        self.quotes: list[list[tuple[str, bool]]] = []
        self._in_nav = self._in_mark = False
        self._quote: list | None = None
        self._row: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "nav":
            self._in_nav = True
        if self._in_nav and tag == "a":
            self.toc_links.append(a["href"])
        if self._in_nav and tag == "tr":
            self._row = []
        if tag == "blockquote":
            self._quote = []
        if tag == "mark":
            self._in_mark = True

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_nav = False
        if tag == "tr" and self._row is not None:
            self.rows.append(" ".join(" ".join(self._row).split()))
            self._row = None
        if tag == "blockquote" and self._quote is not None:
            self.quotes.append(self._quote)
            self._quote = None
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data):
        if self._row is not None:
            self._row.append(data)
        if self._quote is not None:
            self._quote.append((data, self._in_mark))


def _cut_marks(page: _Page) -> list[str]:
    cut = []
    for quote in page.quotes:
        text = "".join(t for t, _ in quote)
        pos = 0
        for t, marked in quote:
            if marked and t:
                s, e = pos, pos + len(t)
                if (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) or (
                    e < len(text) and text[e - 1].isalnum() and text[e].isalnum()
                ):
                    cut.append(f"{text[max(0, s - 10) : e + 10]!r}")
            pos += len(t)
    return cut


def test_html_contents_by_section_and_verdict_link_to_the_claims(project):
    page = _Page()
    page.feed(_check(project, "html"))
    assert page.toc_links and all(link.startswith("#") and link[1:] in page.ids for link in page.toc_links)
    rows = page.rows
    assert rows[0] == "Section Contradicted Unverified Supported"
    beijing = next(r for r in rows if r.startswith("Beijing, autumn 1997"))
    assert "line 6 (accepted)" in beijing
    assert any(r.startswith("Putin in 2024") and "line 10" in r for r in rows)


def test_html_highlights_are_whole_words(project):
    """The fuzzy alignment of this draft with its sources starts and stops inside words ("t to
    Beijing from Novem"); the marks the reader sees do not."""
    page = _Page()
    page.feed(_check(project, "html"))
    assert sum(1 for q in page.quotes for _, m in q if m) >= 6
    assert _cut_marks(page) == []


def test_html_highlights_are_whole_words_on_the_seed_paper(seed_paper, tmp_path):
    result = run_cli(
        ["check", str(seed_paper), "--no-cache", "--isolated", "-f", "html", "-o", str(tmp_path / "seed.html")],
        tmp_path,
    )
    assert result.exit_code == 1, result.output
    page = _Page()
    page.feed((tmp_path / "seed.html").read_text(encoding="utf-8"))
    marks = sum(1 for q in page.quotes for _, m in q if m)
    assert marks >= 40
    assert _cut_marks(page) == []
    assert len(re.findall(r'<tr><th scope="row">', (tmp_path / "seed.html").read_text())) >= 30  # the sections


def test_word_span_and_value_span_keep_to_whole_words():
    text = "The Mayor met them in May 1991 at the embassy."
    assert value_span(text, "May") == (22, 25)  # not the "May" of "Mayor"
    assert value_span(text, "may 1991") == (22, 30)
    assert word_span(text, (5, 12)) == (4, 13)  # "ayor me" -> "Mayor met"
    assert word_span(text, (3, 9)) == (4, 9)  # a leading space is not highlighted


def test_in_chromium_the_contents_and_the_accepted_claim_render(project, tmp_path):
    from test_report_html import CHROMIUM, _chromium

    if not CHROMIUM.exists():
        pytest.skip("headless Chromium not installed (/usr/bin/chromium; apt-get install chromium)")
    _check(project, "html", "report.html")
    dom = _chromium((project / "report.html").as_uri() + "#verdict=contradicted", tmp_path, "--dump-dom")
    assert re.search(r"Showing 2 of \d+ claims", dom)  # our script ran with the filter from the URL
    nav = re.search(r'<nav class="toc".*?</nav>', dom, re.S).group(0)
    assert "line 6 (accepted)" in nav and 'href="#claim-1-' in nav
    assert re.search(r'badge-accepted">Contradicted \(accepted\)<', dom)
