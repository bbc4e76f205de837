"""Saved HTML pages: main text without boilerplate, metadata, headings, suppressions; seeds rendered to HTML."""

from __future__ import annotations

import html as html_lib
import json
import os
import shutil
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.errors import InputError
from checker.ingest import load_document

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEEDS = SHARED / "seeds"

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Leader arrives for talks | Example News</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-05-15T08:00:00Z">
<link rel="canonical" href="https://news.example.org/2024/05/15/leader-arrives">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World news and more sections</a></nav>
<article>
<h1>Leader arrives for talks</h1>
<p>The prime minister arrived in Oslo on Wednesday for a three-day visit, the ministry said in a statement to reporters.</p>
<h2>Trade on the agenda</h2>
<p>Trade between the two countries reached $12 billion last year, according to figures the statistics office published.</p>
<p>Officials said 40 agreements would be signed during the trip, the third such visit since 2019.</p>
</article>
<footer>Copyright 2024 Example News. All rights reserved. Subscribe to our newsletter today.</footer>
</body></html>
"""


@pytest.fixture
def page(tmp_path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_main_text_headings_and_metadata(page):
    doc = load_document(page, "page.html")
    assert doc.kind == "html"
    assert doc.title == "Leader arrives for talks" and doc.author == "Jane Roe"
    assert doc.url == "https://news.example.org/2024/05/15/leader-arrives"
    assert doc.date.isoformat() == "2024-05-15"
    assert "Home" not in doc.text and "Copyright" not in doc.text and "newsletter" not in doc.text
    assert [s.title for s in doc.sections] == ["Leader arrives for talks", "Trade on the agenda"]
    body = [p for p in doc.passages if not p.is_heading]
    assert body[1].text.startswith("Trade between the two countries reached $12 billion")
    assert body[1].section == ["Leader arrives for talks", "Trade on the agenda"]
    assert all(doc.text[p.start : p.end] == p.text for p in doc.passages)
    assert [p.paragraph for p in body] == [1, 3, 4]  # blocks of the rendered text, headings included


def test_relative_dates_resolve_against_the_publication_date(page):
    from checker.extract import Extractor

    doc = load_document(page, "page.html")
    first = next(p for p in doc.passages if "Wednesday" in p.text)
    (date,) = Extractor().extract(first.text, doc_date=doc.date).dates
    assert date.earliest.isoformat() == "2024-05-15"  # the Wednesday on or before 2024-05-15


def test_nothing_is_fetched(page, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert load_document(page, "page.html").title == "Leader arrives for talks"


def test_page_without_main_text_is_an_input_error(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav>Home</nav></body></html>")
    with pytest.raises(InputError) as info:
        load_document(empty, "empty.html")
    assert "no main text" in info.value.message


def test_suppression_comment_in_html_applies(tmp_path, repo):
    shutil.copytree(repo / "sources", tmp_path / "sources")
    wrong = "On November 10, 1997, Boris Yeltsin visited Tokyo for talks with the Japanese prime minister."
    other = "The visit was reported at length in the evening papers of several countries that week."
    page = "<html><head><title>Draft page</title></head><body><article><h1>Draft</h1><p>{}</p>{}<p>{}</p></article></body></html>"
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        results = []
        for comment in ("", "<!-- claimcheck: ignore[CC-PLACE-001] a stopover, checked by the desk -->"):
            (tmp_path / "draft.html").write_text(page.format(other, comment, wrong))
            r = CliRunner().invoke(
                main,
                ["check", "draft.html", "-s", "sources", "--no-cache", "-f", "json", "--isolated"],
                catch_exceptions=False,
            )
            results.append(json.loads(r.stdout))
    finally:
        os.chdir(old)
    assert [f["rule"] for f in results[0]["findings"]] == ["CC-PLACE-001"]
    assert results[1]["findings"] == [] and not any("unused" in n for n in results[1]["notes"])


def _seed_page(seed: Path) -> str:
    """A news-page rendering of a seed article: head metadata, nav and footer boilerplate, paragraphs."""
    lines = seed.read_text(encoding="utf-8").splitlines()
    date = lines[0].split()[1]
    paras = [line.strip() for line in lines[1:] if line.strip()]
    body = "\n".join(f"<p>{html_lib.escape(p)}</p>" for p in paras)
    return (
        f"<html><head><meta charset='utf-8'><title>Seed article</title>"
        f"<meta property='article:published_time' content='{date}'></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
        f"<article><h1>Seed article</h1>{body}</article>"
        "<footer><p>Sign up for our newsletter. Terms of use. Privacy policy.</p></footer></body></html>"
    )


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not available")
@pytest.mark.parametrize("prefix", ["000_", "002_"])
def test_seed_articles_as_html_keep_their_text_and_date(tmp_path, prefix):
    seed = next(SEEDS.glob(f"{prefix}*.txt"))
    path = tmp_path / "seed.html"
    path.write_text(_seed_page(seed), encoding="utf-8")
    doc = load_document(path, "seed.html")
    assert doc.date.isoformat() == "2024-05-15"
    assert "newsletter" not in doc.text and "Privacy" not in doc.text
    source = " ".join(seed.read_text(encoding="utf-8").split())
    paragraphs = [line for line in seed.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    body = [p for p in doc.passages if not p.is_heading]
    assert len({p.paragraph for p in body}) == len(paragraphs)  # every paragraph of the article kept
    missing = [p.text for p in body if " ".join(p.text.split()) not in source]
    assert missing == []


def test_without_the_html_extra_an_html_input_is_a_clear_input_error(tmp_path, page):
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['trafilatura'] = None\n"
        "from checker.cli import main\n"
        f"main(['check', {str(page)!r}, '--no-cache', '--isolated'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert out.returncode == 2
    assert "page.html: reading HTML needs the html extra: pip install 'claimcheck-offline[html]'" in out.stderr
