"""load_pdf: the seed paper typeset into a PDF at test time must read back like the text path.

The PDFs are made here with fpdf2 (a test dependency) so nothing derived from the seed is
stored in the repository. The typesetting adds what real PDFs have and the text does not:
running headers, page numbers, wrapped lines and paragraphs split across pages, and words
broken at a line end with a hyphen.
"""

from __future__ import annotations

import difflib
import re
import subprocess
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.ingest import load_document
from checker.ingest.pdf import load_pdf
from checker.ingest.references import attach_structure
from checker.ingest.text import _heading, load_text_document
from checker.locate import page_of

fpdf = pytest.importorskip("fpdf")

RUNNING_HEAD = "Journal of Typesetting Tests, 2025, 3(1), 101-120"
FIRST_PAGE = 101  # printed number of the first page, as journals number them


def _font(style: str = "") -> Path | None:
    name = {"": "DejaVuSerif.ttf", "B": "DejaVuSerif-Bold.ttf"}[style]
    for root in (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts"):
        if root.is_dir():
            hit = next(root.rglob(name), None)
            if hit:
                return hit
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}", f"DejaVu Serif:style={'Bold' if style else 'Book'}"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(out) if out.endswith(".ttf") and Path(out).exists() else None


class _Paper(fpdf.FPDF):
    def header(self):
        self.set_font("Serif", "", 8)
        self.cell(0, 6, RUNNING_HEAD, align="C")
        self.ln(10)

    def footer(self):
        self.set_y(-14)
        self.set_font("Serif", "", 8)
        self.cell(0, 6, str(FIRST_PAGE - 1 + self.page_no()), align="C")


def typeset(text: str, out: Path, breaks: dict[str, str] | None = None, gap: float = 3) -> Path:
    """Lay ``text`` out as a paper: headings in bold, paragraphs wrapped, running heads.

    ``breaks`` maps a word to the same word with a forced line break ("strate-\\ngic"), so
    the PDF has hyphenated and real-hyphen line ends at known places (first occurrence only).
    ``gap`` is the space between paragraphs in mm (0: none, as many books set them).
    """
    regular, bold = _font(""), _font("B")
    if regular is None or bold is None:
        pytest.skip("no DejaVu TTF font on this machine")
    pdf = _Paper(format="A4")
    pdf.add_font("Serif", "", str(regular))
    pdf.add_font("Serif", "B", str(bold))
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title("Typeset test paper")
    pdf.set_author("A. Tester")
    pdf.add_page()
    pending = dict(breaks or {})
    for para in re.split(r"\n\s*\n", text):
        # A block of several lines is a list (the references): one entry per line, no gap.
        for line in para.split("\n"):
            _typeset_block(pdf, " ".join(line.split()), pending)
        if gap:
            pdf.ln(gap)
    assert not pending, f"no long paragraph to break in: {sorted(pending)}"
    pdf.output(str(out))
    return out


def _typeset_block(pdf, block: str, pending: dict[str, str]) -> None:
    if not block:
        return
    for word, broken in list(pending.items()):
        if re.search(rf"\b{re.escape(word)}\b", block) and len(block) > 300:
            block = re.sub(rf"\b{re.escape(word)}\b", broken, block, count=1)
            del pending[word]
    if _heading(block, "text"):
        pdf.set_font("Serif", "B", 12)
        pdf.ln(2)
        pdf.multi_cell(0, 6, block, new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.set_font("Serif", "", 10)
        pdf.multi_cell(0, 5, block, new_x="LMARGIN", new_y="NEXT")


BREAKS = {"strategic": "strate-\ngic", "Sino-Soviet": "Sino-\nSoviet", "high-level": "high-\nlevel"}


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory):
    from conftest import SEED_PAPER

    if not SEED_PAPER.exists():
        pytest.skip("../shared/seeds is not available")
    from pypdf import PdfReader, PdfWriter
    from pypdf.constants import PageLabelStyle

    text = SEED_PAPER.read_text(encoding="utf-8")
    folder = tmp_path_factory.mktemp("pdf")
    plain = typeset(text, folder / "plain.pdf", BREAKS)
    # Label the pages with the numbers printed in their footers, as journals do.
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.set_page_label(0, len(writer.pages) - 1, style=PageLabelStyle.DECIMAL, start=FIRST_PAGE)
    writer.write(folder / "paper.pdf")
    return SEED_PAPER, load_pdf(folder / "paper.pdf"), load_text_document(SEED_PAPER)


def _norm(s: str) -> str:
    return " ".join(s.split())


def test_seed_pdf_has_the_same_sections(seed_pdf):
    _, pdf_doc, txt_doc = seed_pdf
    got = [(s.number, _norm(s.title)) for s in pdf_doc.sections]
    want = [(s.number, _norm(s.title)) for s in txt_doc.sections]
    assert got == want
    numbers = [s.number for s in pdf_doc.sections if s.number and s.number.startswith("2.")]
    assert numbers == [f"2.{i}" for i in range(1, 49)]


def test_seed_pdf_passages_match_the_text_path(seed_pdf):
    _, pdf_doc, txt_doc = seed_pdf
    got = [_norm(p.text) for p in pdf_doc.passages]
    want = [_norm(p.text) for p in txt_doc.passages]
    matcher = difflib.SequenceMatcher(None, got, want, autojunk=False)
    same = sum(b.size for b in matcher.get_matching_blocks())
    # The running head (and the page numbers) never leak into the text.
    assert not any(RUNNING_HEAD in p for p in got)
    assert same / len(want) > 0.97, [op for op in matcher.get_opcodes() if op[0] != "equal"][:5]
    assert abs(len(got) - len(want)) <= len(want) * 0.03


def test_seed_pdf_repairs_line_end_hyphens(seed_pdf):
    _, pdf_doc, txt_doc = seed_pdf
    assert "strate-" not in pdf_doc.text and "Sino- Soviet" not in pdf_doc.text and "SinoSoviet" not in pdf_doc.text
    for word in ("strategic", "Sino-Soviet", "high-level"):
        assert pdf_doc.text.count(word) == txt_doc.text.count(word), word
    words_txt = re.findall(r"[\w'-]+", seed_pdf[2].text)
    words_pdf = re.findall(r"[\w'-]+", pdf_doc.text)
    missing = set(words_pdf) - set(words_txt) - {str(n) for n in range(FIRST_PAGE, FIRST_PAGE + 40)}
    assert not missing, sorted(missing)[:20]


def test_seed_pdf_page_labels_and_metadata(seed_pdf):
    _, pdf_doc, _ = seed_pdf
    labels = [label for _, label in pdf_doc.page_starts]
    assert len(labels) > 5 and labels == [str(FIRST_PAGE + i) for i in range(len(labels))]
    starts = [s for s, _ in pdf_doc.page_starts]
    assert starts == sorted(starts) and starts[0] == 0
    conclusion = next(s for s in pdf_doc.sections if s.title == "Conclusion")
    assert page_of(pdf_doc, conclusion.start) not in (None, labels[0], labels[-1])
    # a page's label is where its own words are: the page start offsets fall on its first line
    for (offset, label), nxt in zip(pdf_doc.page_starts, pdf_doc.page_starts[1:] + [(len(pdf_doc.text), "")]):
        assert offset < nxt[0] and pdf_doc.text[offset].strip(), label
    last = pdf_doc.passages[-1]
    assert last.page == labels[-1] or page_of(pdf_doc, last.start) == labels[-1]
    assert pdf_doc.kind == "pdf" and pdf_doc.title == "Typeset test paper" and pdf_doc.author == "A. Tester"


def test_seed_pdf_without_paragraph_spacing(seed_pdf, tmp_path):
    """Paragraphs set without a gap between them: short last lines and headings still split
    them, so the sections, the references and nearly all sentences come back."""
    seed, _, txt_doc = seed_pdf

    doc = load_pdf(typeset(seed.read_text(encoding="utf-8"), tmp_path / "tight.pdf", BREAKS, gap=0))
    assert [(s.number, _norm(s.title)) for s in doc.sections] == [(s.number, _norm(s.title)) for s in txt_doc.sections]
    assert [r.key for r in doc.references] == [str(i) for i in range(1, 51)]
    last = doc.references[-1]  # the back matter after the list is not part of its last entry
    assert last.url and last.text.endswith(last.url + ">")
    got = [_norm(p.text) for p in doc.passages]
    want = [_norm(p.text) for p in txt_doc.passages]
    matcher = difflib.SequenceMatcher(None, got, want, autojunk=False)
    assert sum(b.size for b in matcher.get_matching_blocks()) / len(want) > 0.9


def test_seed_pdf_references(seed_pdf):
    _, pdf_doc, _ = seed_pdf
    keys = [r.key for r in pdf_doc.references]
    assert keys == [str(i) for i in range(1, 51)]
    txt_refs = attach_structure(seed_pdf[2].model_copy(deep=True)).references
    assert [(r.year, r.url) for r in pdf_doc.references] == [(r.year, r.url) for r in txt_refs]


def _small_pdf(path: Path, pages: list[str]) -> Path:
    regular = _font("")
    pdf = fpdf.FPDF(format=(148, 210))
    if regular:
        pdf.add_font("Serif", "", str(regular))
    for body in pages:
        pdf.add_page()
        if body:
            pdf.set_font("Serif" if regular else "Helvetica", "", 11)
            pdf.multi_cell(0, 6, body)
    pdf.output(str(path))
    return path


def test_custom_page_labels(tmp_path):
    from pypdf import PdfReader, PdfWriter
    from pypdf.constants import PageLabelStyle

    bodies = [
        "Preface text written for the front matter of a short book.",
        "Second preface page with a few more words in it.",
        "Chapter one opens the main matter of the book here.",
        "Chapter one goes on with a second page of text.",
    ]
    src = _small_pdf(tmp_path / "plain.pdf", bodies)
    writer = PdfWriter(clone_from=PdfReader(src))
    writer.set_page_label(0, 1, style=PageLabelStyle.LOWERCASE_ROMAN, start=1)
    writer.set_page_label(2, 3, style=PageLabelStyle.DECIMAL, start=7)
    out = tmp_path / "labelled.pdf"
    writer.write(out)
    doc = load_pdf(out)
    assert [label for _, label in doc.page_starts] == ["i", "ii", "7", "8"]
    hit = next(p for p in doc.passages if p.text.startswith("Chapter one goes on"))
    assert page_of(doc, hit.start) == "8"
    front = next(p for p in doc.passages if p.text.startswith("Second preface"))
    assert page_of(doc, front.start) == "ii"


def test_blank_pdf_is_no_text_layer(tmp_path):
    blank = _small_pdf(tmp_path / "scan.pdf", ["", ""])
    with pytest.raises(InputError, match="no text layer"):
        load_pdf(blank)


def test_not_a_pdf(tmp_path):
    fake = tmp_path / "notes.pdf"
    fake.write_text("Just some notes, saved with the wrong suffix.\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a PDF"):
        load_document(fake)


def test_truncated_pdf_is_an_input_error(tmp_path):
    good = _small_pdf(tmp_path / "good.pdf", ["A page of text that will be cut short."])
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(good.read_bytes()[:200])
    with pytest.raises(InputError) as info:
        load_pdf(broken)
    assert "PDF" in info.value.message


def test_password_protected_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    src = _small_pdf(tmp_path / "open.pdf", ["Confidential minutes of the meeting."])
    writer = PdfWriter(clone_from=PdfReader(src))
    writer.encrypt("s3cret", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    writer.write(locked)
    with pytest.raises(InputError, match="password"):
        load_pdf(locked)


def test_empty_user_password_is_opened(tmp_path):
    from pypdf import PdfReader, PdfWriter

    src = _small_pdf(tmp_path / "open.pdf", ["Minutes that anyone may read."])
    writer = PdfWriter(clone_from=PdfReader(src))
    writer.encrypt("", owner_password="owner", algorithm="RC4-128")
    locked = tmp_path / "owner-only.pdf"
    writer.write(locked)
    doc = load_pdf(locked)
    assert doc.passages[0].text == "Minutes that anyone may read."


def _pdf_with_a_font_pypdf_cannot_decode(path: Path) -> Path:
    """Two pages in a core font whose /Encoding names a table pypdf does not know: pypdf
    logs its 'not implemented yet' with a 256-item list for every piece of text."""
    pdf = fpdf.FPDF(format=(148, 210))
    for body in ("The ferry line opened on 2 June 1954.", "It was sold to the city in 1987."):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, body)
    data = bytes(pdf.output())
    assert data.count(b"/WinAnsiEncoding") == 1
    path.write_bytes(data.replace(b"/WinAnsiEncoding", b"/OddFontEncoding"))  # same length: offsets hold
    return path


def test_an_odd_font_gives_one_note_on_the_command_line_not_pypdfs_flood(tmp_path, caplog):
    import logging

    from tests.conftest import run_cli

    _pdf_with_a_font_pypdf_cannot_decode(tmp_path / "ferry.pdf")
    with caplog.at_level(logging.DEBUG):
        result = run_cli(["check", "ferry.pdf", "--no-cache", "--isolated"], tmp_path)
    assert result.exit_code == 0, result.output
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]  # nothing of pypdf's own reaches the log
    notes = [line for line in result.stderr.splitlines() if "pypdf" in line]
    assert notes == [
        "claimcheck: warning: ferry.pdf: pypdf could not read all the text of pages 1, 2 (Advanced encoding "
        "/OddFontEncoding not implemented yet); some of it may be missing or garbled"
    ]


def test_reading_a_pdf_leaves_the_pypdf_logger_as_the_user_set_it(tmp_path, caplog):
    import logging

    from pypdf import PdfReader

    odd = _pdf_with_a_font_pypdf_cannot_decode(tmp_path / "ferry.pdf")
    logger = logging.getLogger("pypdf")
    before = (logger.level, logger.propagate, list(logger.handlers))
    with caplog.at_level(logging.WARNING):
        doc = load_pdf(odd)
        assert "ferry line opened on 2 June 1954" in doc.text  # the text itself still reads
        assert not [r for r in caplog.records if r.name.startswith("pypdf")]
        assert (logger.level, logger.propagate, list(logger.handlers)) == before
        PdfReader(odd).pages[0].extract_text()  # the user's own use of pypdf logs as before
    assert [r for r in caplog.records if r.name.startswith("pypdf") and "OddFontEncoding" in r.getMessage()]


def test_hyphen_and_paragraph_repair_on_a_small_pdf(tmp_path):
    regular = _font("")
    if regular is None:
        pytest.skip("no DejaVu TTF font on this machine")
    pdf = fpdf.FPDF(format=(148, 210))
    pdf.add_font("Serif", "", str(regular))
    pdf.add_page()
    pdf.set_font("Serif", "", 10)
    # Forced line ends inside one paragraph: a broken word, a real compound, a name pair.
    pdf.multi_cell(
        0,
        5,
        "The talks were strate-\ngic in scope and high-\nlevel in rank, as the Sino-\n"
        "Soviet pattern had been; a high-level team met in 1960-\n1988 terms.",
    )
    pdf.ln(4)
    pdf.multi_cell(0, 5, "A second paragraph follows after a gap.")
    out = tmp_path / "h.pdf"
    pdf.output(str(out))
    doc = load_pdf(out)
    first, second = doc.text.strip().split("\n\n")
    assert first == (
        "The talks were strategic in scope and high-level in rank, as the Sino-Soviet "
        "pattern had been; a high-level team met in 1960-1988 terms."
    )
    assert second == "A second paragraph follows after a gap."


def test_seed_pdf_gives_the_same_findings_as_the_text_with_pages(seed_pdf, tmp_path):
    """Reviewer mode: `claimcheck check paper.pdf` reports what `paper.txt` does, with pages."""
    import json

    from click.testing import CliRunner

    from checker.cli import main

    seed_txt = seed_pdf[0]
    folder = tmp_path
    typeset(seed_txt.read_text(encoding="utf-8"), folder / "paper.pdf", BREAKS)

    def findings(path):
        out = CliRunner().invoke(main, ["check", str(path), "-f", "json", "--no-cache", "--isolated"])
        assert out.exit_code == 1, out.output
        return json.loads(out.output)["findings"]

    from_txt = findings(seed_txt)
    from_pdf = findings(folder / "paper.pdf")
    key = lambda f: (f["rule"], f["claim_value"], f["evidence_value"])  # noqa: E731
    assert {key(f) for f in from_txt} == {key(f) for f in from_pdf}
    assert all(f["claim"]["page"] and f["evidence"]["page"] for f in from_pdf)
    assert all(f["claim"]["section"] for f in from_pdf if f["rule"] == "CC-DATE-001")
    heading = next(f for f in from_pdf if f["rule"] == "CC-DATE-001" and f["claim_value"].startswith("1997-04-23"))
    assert heading["claim"]["section"].startswith("2.7.")
