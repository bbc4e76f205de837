"""The HTML report: escaping, offsets-based highlighting, and a real headless Chromium run."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_fixtures import SCRIPT_PAYLOAD, empty_report, sample_report

from checker.report import RenderOptions, render
from checker.report.html_format import environment

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"


def html() -> str:
    return render(sample_report(), "html", RenderOptions())


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.marks: list[tuple[str, str]] = []
        self._mark: list | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self._mark = [dict(attrs).get("class", ""), ""]

    def handle_data(self, data):
        if self._mark is not None:
            self._mark[1] += data

    def handle_endtag(self, tag):
        if tag == "mark" and self._mark is not None:
            self.marks.append(tuple(self._mark))
            self._mark = None


def parse(doc: str) -> _Collect:
    p = _Collect()
    p.feed(doc)
    return p


def test_self_contained_no_network():
    doc = html()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", doc)
    assert "<link" not in doc
    assert "default-src 'none'" in doc  # CSP: nothing is fetched


def test_untrusted_script_is_text_and_only_our_script_exists():
    doc = html()
    assert SCRIPT_PAYLOAD not in doc
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc
    scripts = [t for t, _ in parse(doc).tags if t == "script"]
    assert len(scripts) == 1


def test_match_marked_from_stored_offsets():
    report = sample_report()
    marks = parse(render(report, "html", RenderOptions())).marks
    match_marks = [t for cls, t in marks if cls == "match"]
    expected = [
        ev.text[ev.match_start - ev.start : ev.match_end - ev.start] for c in report.claims for ev in c.evidence
    ]
    assert sorted(match_marks) == sorted(expected)
    # the differing values are marked on both sides of each finding
    assert ("claim-value", "45,000") in marks and ("source-value", "40,500") in marks


def test_filters_exist_for_every_verdict_and_severity():
    tags = parse(html()).tags
    boxes = {(a.get("name"), a.get("value")) for t, a in tags if t == "input"}
    assert {("verdict", v) for v in ("supported", "contradicted", "unverified")} <= boxes
    assert {("severity", s) for s in ("error", "warning", "info")} <= boxes


def test_autoescape_on_for_string_templates_too():
    env = environment()
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


def test_empty_report_renders():
    doc = render(empty_report(), "html", RenderOptions())
    assert "No claims were checked" in doc


def _chromium(url: str, tmp_path: Path, *extra: str) -> str:
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        *extra,
        url,
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed (/usr/bin/chromium; apt-get install chromium)"
)


@needs_chromium
def test_in_chromium_findings_shown_and_injected_script_did_not_run(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(html(), encoding="utf-8")
    dom = _chromium(page.as_uri(), tmp_path, "--dump-dom")
    # our own script ran (CSP hash matches): it fills in the counter
    assert "Showing 4 of 4 claims" in dom
    # the injected scripts did not: the title is ours and the payload is text
    assert re.search(r"<title>claimcheck report</title>", dom)
    assert "XSS-RAN" not in re.search(r"<title>.*?</title>", dom).group(0)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert dom.count("<script") == 1
    for rule in ("CC-ENT-003", "CC-DATE-001", "CC-NUM-001", "CC-PLACE-001"):
        assert re.search(rf'<li class="finding[^"]*"[^>]*>.*?{rule}', dom, re.S), rule


@needs_chromium
def test_in_chromium_filter_from_url_hash(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(html(), encoding="utf-8")
    dom = _chromium(page.as_uri() + "#verdict=contradicted&severity=error", tmp_path, "--dump-dom")
    assert "Showing 1 of 4 claims" in dom
    visible = re.findall(r'<article class="claim verdict-(\w+)"[^>]*?(hidden="")?>', dom)
    assert [v for v, hidden in visible if not hidden] == ["contradicted"]


@needs_chromium
def test_in_chromium_screenshot_artifact(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(html(), encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    _chromium(page.as_uri(), tmp_path, f"--screenshot={shot}", "--window-size=1200,2000", "--hide-scrollbars")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
