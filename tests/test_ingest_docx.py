"""Word drafts: headings by style, Word paragraph numbers, core properties; seeds rendered to DOCX."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.errors import InputError
from checker.ingest import load_document

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"
WRONG_PLACE = "On November 10, 1997, Boris Yeltsin visited Tokyo for talks with the Japanese prime minister."


def make_docx(path: Path, created: dt.datetime | None = dt.datetime(2024, 5, 20, 9, 0)) -> Path:
    d = docx.Document()
    d.core_properties.title = "Two visits"
    d.core_properties.author = "A. Writer"
    if created is not None:
        d.core_properties.created = created
    d.add_heading("Two visits", 0)  # Title style
    d.add_heading("1. The 1997 visit", 1)
    d.add_paragraph("Boris Yeltsin made a state visit to Beijing in November 1997.")
    d.add_paragraph("")  # empty paragraphs still count in Word's numbering
    d.add_heading("Talks", 2)
    d.add_paragraph("The two leaders held talks. They signed a declaration on the border.")
    d.add_paragraph("# not a heading, only a hash mark at the start of a body paragraph")
    d.save(path)
    return path


def test_headings_sections_and_paragraph_numbers(tmp_path):
    doc = load_document(make_docx(tmp_path / "draft.docx"), "draft.docx")
    assert doc.kind == "docx"
    assert [(s.title, s.number, s.level) for s in doc.sections] == [
        ("Two visits", None, 1),
        ("The 1997 visit", "1", 1),
        ("Talks", None, 2),
    ]
    by_text = {p.text: p for p in doc.passages}
    visit = by_text["Boris Yeltsin made a state visit to Beijing in November 1997."]
    assert visit.section == ["1. The 1997 visit"] and visit.section_number == "1" and visit.paragraph == 2
    signed = by_text["They signed a declaration on the border."]
    assert signed.section == ["1. The 1997 visit", "Talks"] and signed.paragraph == 5
    assert not any(p.is_heading and "hash mark" in p.text for p in doc.passages)
    assert doc.page_starts == []  # DOCX has no pages
    assert all(doc.text[p.start : p.end] == p.text for p in doc.passages)


def test_core_properties(tmp_path):
    doc = load_document(make_docx(tmp_path / "draft.docx"), "draft.docx")
    assert (doc.title, doc.author, doc.date) == ("Two visits", "A. Writer", dt.date(2024, 5, 20))


def test_python_docx_template_date_is_not_a_document_date(tmp_path):
    doc = load_document(make_docx(tmp_path / "draft.docx", created=None), "draft.docx")
    assert doc.date is None


def test_not_a_docx_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("plain text pretending")
    with pytest.raises(InputError) as info:
        load_document(bad, "bad.docx")
    assert "not a readable .docx" in info.value.message


def test_docx_draft_is_checked_and_located_by_section(tmp_path, repo):
    shutil.copytree(repo / "sources", tmp_path / "sources")
    d = docx.Document()
    d.add_heading("Draft", 1)
    d.add_paragraph(WRONG_PLACE)
    d.save(tmp_path / "draft.docx")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        r = CliRunner().invoke(
            main,
            ["check", "draft.docx", "-s", "sources", "--no-cache", "-f", "json", "--isolated"],
            catch_exceptions=False,
        )
    finally:
        os.chdir(old)
    assert r.exit_code == 1
    (finding,) = json.loads(r.stdout)["findings"]
    assert finding["rule"] == "CC-PLACE-001" and finding["claim"]["path"] == "draft.docx"
    assert finding["claim"]["text"] == "Tokyo"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not available")
@pytest.mark.parametrize("prefix", ["000_", "002_"])
def test_seed_articles_as_docx(tmp_path, prefix):
    seed = next(SEEDS.glob(f"{prefix}*.txt"))
    lines = seed.read_text(encoding="utf-8").splitlines()
    paragraphs = [line.strip() for line in lines if line.strip()]
    d = docx.Document()
    for p in paragraphs:  # the dateline is the first paragraph, as in the seed
        d.add_paragraph(p)
    d.save(tmp_path / "seed.docx")
    doc = load_document(tmp_path / "seed.docx", "seed.docx")
    assert doc.date == dt.date(2024, 5, 15)  # the leading 'date' line beats the file's creation time
    source = " ".join(seed.read_text(encoding="utf-8").split())
    body = [p for p in doc.passages if not p.is_heading]
    assert all(" ".join(p.text.split()) in source for p in body)
    # every Word paragraph after the dateline is there, numbered as Word numbers it
    assert {p.paragraph for p in body} >= set(range(1, len(paragraphs)))
