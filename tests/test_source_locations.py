"""Findings in HTML and DOCX drafts point into the file the user opened; comments stay out of claims."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from conftest import run_cli

WRONG_PLACE = "On November 10, 1997, Boris Yeltsin visited Tokyo for talks with the Japanese prime minister."
OTHER = "The visit was reported at length in the evening papers of several countries that week."
COMMENT = "<!-- claimcheck: ignore[CC-PLACE-001] a stopover, checked by the desk -->"


@pytest.fixture
def project(tmp_path, repo) -> Path:
    shutil.copytree(repo / "sources", tmp_path / "sources")
    return tmp_path


def check_json(project: Path, name: str) -> dict:
    result = run_cli(["check", name, "-s", "sources", "--no-cache", "-f", "json", "--isolated"], project)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def at(source: str, line: int, column: int) -> str:
    """The text of ``source`` from 1-based ``line``:``column`` to the end of that line."""
    return source.splitlines()[line - 1][column - 1 :]


def test_html_finding_points_at_the_line_and_column_of_the_html_file(project):
    pytest.importorskip("trafilatura")
    page = (
        "<!DOCTYPE html>\n<html><head><title>Draft page</title></head>\n<body>\n"
        "<nav><a href='/'>Home</a></nav>\n<article>\n  <h1>Draft &amp; notes</h1>\n"
        f"  <p>{OTHER}</p>\n"
        "  <p>A first sentence of the paragraph, with &ldquo;quotes&rdquo; in it.\n"
        "     On November 10, 1997,\n       Boris Yeltsin visited <b>Tokyo</b> for talks with the Japanese prime minister.</p>\n"
        "</article>\n</body></html>\n"
    )
    (project / "draft.html").write_text(page, encoding="utf-8")
    report = check_json(project, "draft.html")
    [finding] = report["findings"]
    assert finding["rule"] == "CC-PLACE-001"
    loc = finding["claim"]
    assert (loc["line"], loc["column"]) == (10, 33)  # after "<b>"
    assert at(page, loc["line"], loc["column"]).startswith(loc["text"]) and loc["text"] == "Tokyo"
    [claim] = [c for c in report["claims"] if "Tokyo" in c["text"]]
    where = claim["location"]
    assert (where["line"], where["column"]) == (9, 6)
    assert at(page, where["line"], where["column"]).startswith("On November 10, 1997,")
    assert claim["id"] == "draft.html:9:6"


def test_every_html_passage_starts_where_its_first_word_is_in_the_source():
    pytest.importorskip("trafilatura")
    from checker.ingest.html import html_document
    from checker.locate import locate

    page = (
        "<html><head><title>Draft &amp; notes</title></head>\n<body>\n<article>\n  <h1>Draft &amp; notes</h1>\n"
        f"  <p>{OTHER}\n  It was &ldquo;long&rdquo;. Then came the second\n   sentence.</p>\n"
        "<h2>More</h2><p>A last one, in 1997.</p></article></body></html>\n"
    )
    doc = html_document("page.html", page)
    assert len(doc.passages) == 6
    for p in doc.passages:
        loc = locate(doc, p.start, p.end)
        first_word = p.text.lstrip("# ").split()[0]
        assert at(page, loc.line, loc.column).startswith(first_word), p.text


def test_docx_finding_gives_the_word_paragraph_number(project):
    d = docx.Document()
    d.add_heading("Draft", level=1)  # paragraph 1
    d.add_paragraph("")  # paragraph 2, empty: still counted, as Word counts it
    d.add_paragraph(OTHER)  # paragraph 3
    d.add_paragraph("#5 on the list. " + WRONG_PLACE)  # paragraph 4, escaped in the rendering
    d.save(project / "draft.docx")
    report = check_json(project, "draft.docx")
    [finding] = report["findings"]
    loc = finding["claim"]
    paragraph = d.paragraphs[loc["line"] - 1].text
    assert loc["line"] == 4
    assert paragraph[loc["column"] - 1 :].startswith("Tokyo")
    [claim] = [c for c in report["claims"] if "Tokyo" in c["text"]]
    assert claim["location"]["line"] == 4
    assert paragraph[claim["location"]["column"] - 1 :].startswith("On November 10, 1997,")


@pytest.mark.parametrize(
    "name, draft",
    [
        ("lead.md", f"# Draft\n\n{OTHER}\n{COMMENT}\n{WRONG_PLACE}\n"),
        ("trail.md", f"# Draft\n\n{OTHER}\n\n{WRONG_PLACE} {COMMENT}\n"),
        ("own-line.md", f"# Draft\n\n{COMMENT}\n{WRONG_PLACE}\n"),
        ("lead.txt", f"{OTHER}\n{COMMENT}\n{WRONG_PLACE}\n"),
        ("mid.md", f"# Draft\n\n{OTHER}\n\n{WRONG_PLACE.replace(' visited', f' {COMMENT} visited')}\n"),
        ("mid.txt", f"{OTHER}\n\n" + WRONG_PLACE.replace(" visited", f" {COMMENT} visited") + "\n"),
        (
            "mid.html",
            f"<html><body><article><h1>Draft</h1><p>{OTHER}</p>\n"
            f"<p>{WRONG_PLACE.replace(' visited', f' {COMMENT} visited')}</p></article></body></html>",
        ),
        (
            "page.html",
            f"<html><body><article><h1>Draft</h1><p>{OTHER}</p>\n{COMMENT}\n<p>{WRONG_PLACE}</p>"
            "</article></body></html>",
        ),
    ],
)
def test_suppression_comment_text_never_shows_in_a_claim(project, name, draft):
    if name.endswith(".html"):
        pytest.importorskip("trafilatura")
    (project / name).write_text(draft, encoding="utf-8")
    report = check_json(project, name)
    assert report["findings"] == []
    [accepted] = report["accepted"]
    assert accepted["rule"] == "CC-PLACE-001" and accepted["accepted_by"]["kind"] == "comment"
    assert not any("unused" in n for n in report["notes"])
    shown = [c["text"] for c in report["claims"]] + [c["location"]["text"] for c in report["claims"]]
    assert WRONG_PLACE in shown
    assert not any("claimcheck:" in t or "<!--" in t for t in shown)


@pytest.mark.parametrize("suffix", [".md", ".txt", ".html"])
def test_a_comment_inside_a_sentence_is_cut_from_the_claim_and_every_span_still_points_at_the_file(project, suffix):
    if suffix == ".html":
        pytest.importorskip("trafilatura")
    sentence = WRONG_PLACE.replace(" Boris", f" {COMMENT} Boris")
    draft = f"{OTHER}\n\n{sentence}\n"
    if suffix == ".html":
        draft = f"<html><body><article><p>{OTHER}</p>\n<p>{sentence}</p></article></body></html>\n"
    (project / f"draft{suffix}").write_text(draft, encoding="utf-8")
    report = check_json(project, f"draft{suffix}")
    [claim] = [c for c in report["claims"] if "Tokyo" in c["text"]]
    assert claim["text"] == claim["location"]["text"] == WRONG_PLACE
    where = claim["location"]
    assert at(draft, where["line"], where["column"]).startswith("On November 10, 1997, <!-- claimcheck")
    assert at(draft, where["end_line"], where["end_column"] - 1).startswith(".")  # its last character
    if suffix != ".html":  # offsets of a Markdown or text draft are offsets into the file itself
        assert draft[where["start"] : where["end"]] == sentence
    [accepted] = report["accepted"]  # the comment still suppresses the finding in its sentence
    assert accepted["accepted_by"]["reason"] == "a stopover, checked by the desk"
    assert at(draft, accepted["claim"]["line"], accepted["claim"]["column"]).startswith("Tokyo for talks")
    comment = accepted["accepted_by"]["location"]
    assert at(draft, comment["line"], comment["column"]).startswith(COMMENT)
    assert report["findings"] == [] and report["notes"] == []


def test_extract_writes_a_claim_without_the_comment_inside_its_sentence(project):
    sentence = WRONG_PLACE.replace(" visited", f" {COMMENT} visited")
    (project / "draft.md").write_text(f"# Draft\n\n{sentence}\n", encoding="utf-8")
    result = run_cli(["extract", "draft.md", "-o", "claims.yaml"], project)
    assert result.exit_code == 0, result.output
    written = (project / "claims.yaml").read_text(encoding="utf-8")
    assert f'text: "{WRONG_PLACE}"' in written
    assert "<!--" not in written
    assert "# from draft.md:3:1" in written


def test_an_html_comment_outside_the_main_text_is_reported_not_lost(project):
    pytest.importorskip("trafilatura")
    page = (
        f"<html><body><nav>{COMMENT}\n<a href='/'>Home page of the site</a></nav>\n"
        f"<article><h1>Draft</h1><p>{OTHER}</p>\n<p>{WRONG_PLACE}</p></article></body></html>\n"
    )
    (project / "page.html").write_text(page, encoding="utf-8")
    report = check_json(project, "page.html")
    [finding] = report["findings"]  # the menu's comment covers none of the article
    assert finding["rule"] == "CC-PLACE-001" and report["accepted"] == []
    [note] = report["notes"]
    assert note == "page.html:1:18: malformed suppression: nothing follows the comment to suppress"
    assert at(page, 1, 18).startswith(COMMENT)
