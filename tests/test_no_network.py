"""No socket, ever: a full check of HTML, PDF, DOCX and Markdown sources under a guard that
ends the process on the creation of any socket (an audit hook on ``socket.__new__``, so no
monkeypatching in the code under test can hide one). It runs in a fresh interpreter, so
the guard is in place before anything is imported."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SOCKET_EXIT = 97
GUARD = textwrap.dedent(f"""
    import os, sys

    def _no_sockets(event, args):
        if event.startswith("socket."):
            sys.stderr.write(f"SOCKET OPENED: {{event}}\\n")
            sys.stderr.flush()
            os._exit({SOCKET_EXIT})

    sys.addaudithook(_no_sockets)
""")


def _guarded(code: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", GUARD + textwrap.dedent(code)], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def _sources(folder: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    docx = pytest.importorskip("docx")
    folder.mkdir()
    (folder / "visit.md").write_text("# Visit\n\nBoris Yeltsin visited Beijing on April 23, 1997.\n", encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><head><title>Summit report</title></head><body><article><h1>Summit</h1>"
        "<p>Jiang Zemin travelled to Moscow on April 22, 1997, for a summit with Boris Yeltsin.</p>"
        "<p>The two presidents signed a declaration on a multipolar world during the visit.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "The museum in Oslo opened on May 9, 2019, after four years of building work.")
    pdf.output(str(folder / "museum.pdf"))
    d = docx.Document()
    d.add_heading("Treaty", level=1)
    d.add_paragraph("The treaty was signed in Moscow on July 16, 2001, by the two presidents.")
    d.save(str(folder / "treaty.docx"))


def test_guard_catches_the_probe_it_is_meant_to_catch(tmp_path):
    """The guard is real: importing urllib3 unprotected trips it."""
    pytest.importorskip("urllib3")
    proc = _guarded("import urllib3.util.connection\n", tmp_path)
    assert proc.returncode == SOCKET_EXIT and "SOCKET OPENED: socket.__new__" in proc.stderr


def test_full_check_of_every_source_kind_opens_no_socket(tmp_path):
    _sources(tmp_path / "sources")
    (tmp_path / "claims.yaml").write_text(
        "claims:\n"
        "  - id: visit\n    text: Boris Yeltsin visited Beijing on April 25, 1997.\n"
        "  - id: summit\n    text: Jiang Zemin travelled to Moscow on April 22, 1997.\n"
        "  - id: museum\n    text: The museum in Oslo opened on May 9, 2019.\n"
        "  - id: treaty\n    text: The treaty was signed in Moscow on July 16, 2001.\n",
        encoding="utf-8",
    )
    proc = _guarded(
        """
        from checker.cli import main
        main(["check", "claims.yaml", "--sources", "sources", "-f", "json", "-o", "report.json"])
    """,
        tmp_path,
    )
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert sorted(Path(p).suffix for p in report["summary"]["sources"]) == [".docx", ".html", ".md", ".pdf"]
    verdicts = {c["id"]: c["verdict"] for c in report["claims"]}
    # the sources were really read and compared: one passage of each kind is evidence
    assert verdicts["visit"] == "contradicted" and verdicts["summit"] == verdicts["museum"] == "supported"
    cited = {Path(e["path"]).suffix for c in report["claims"] for e in c["evidence"]}
    assert cited == {".docx", ".html", ".md", ".pdf"}
