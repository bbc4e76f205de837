"""Sources stay inside --sources: links out of the folder and unreadable entries are skipped
with a note, never read, never skipped silently (tested through the command line)."""

from __future__ import annotations

import json
import os

import pytest
from conftest import run_cli

CLAIMS = "claims:\n  - id: a\n    text: Boris Yeltsin visited Beijing on April 23, 1997.\n"
SECRET = "Boris Yeltsin visited Beijing on April 25, 1997. RUNNER-SECRET-TOKEN\n"
CHECK = ["check", "c.yaml", "--sources", "src", "--no-cache", "-f", "json"]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("Boris Yeltsin visited Beijing on April 23, 1997.\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text(CLAIMS, encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(SECRET, encoding="utf-8")
    return tmp_path


def _report(result):
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs POSIX symlinks")


@needs_symlinks
@pytest.mark.parametrize("link, target", [("src/leak.txt", "../outside/secret.txt"), ("src/leakdir", "../outside")])
def test_a_link_out_of_the_sources_is_not_read(project, link, target):
    os.symlink(target, project / link)
    result = run_cli(CHECK, project)
    report = _report(result)
    assert "RUNNER-SECRET-TOKEN" not in result.output
    assert report["summary"]["sources"] == ["src/a.txt"]
    assert report["claims"][0]["verdict"] == "supported"  # the outside file's other date never counted
    what = "file" if link.endswith(".txt") else "folder"
    note = f"{link}: skipped: a symlink to a {what} outside src"
    assert note in report["notes"]
    assert f"warning: {note}" in result.stderr


@needs_symlinks
def test_a_link_inside_the_sources_is_read(project):
    (project / "src" / "real").mkdir()
    (project / "src" / "real" / "b.txt").write_text(SECRET, encoding="utf-8")
    os.symlink("real/b.txt", project / "src" / "alias.txt")
    (project / "src" / "only-linked").mkdir()
    (project / "src" / ".hidden").mkdir()
    (project / "src" / ".hidden" / "c.txt").write_text("Jiang Zemin met Yeltsin in Moscow.\n", encoding="utf-8")
    os.symlink("../.hidden/c.txt", project / "src" / "only-linked" / "c.txt")
    report = _report(run_cli(CHECK, project))
    # read once, under the target's own name; a file only a link reaches is read through it
    assert sorted(report["summary"]["sources"]) == ["src/.hidden/c.txt", "src/a.txt", "src/real/b.txt"]
    assert not report["notes"]


@needs_symlinks
def test_a_dangling_link_is_reported(project):
    os.symlink("gone.txt", project / "src" / "gone-link.txt")
    report = _report(run_cli(CHECK, project))
    assert "src/gone-link.txt: skipped: a symlink to nothing readable" in report["notes"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="permissions do not bind root")
@pytest.mark.parametrize("entry", ["src/locked.txt", "src/locked"])
def test_an_unreadable_source_is_reported(project, entry):
    path = project / entry
    if entry.endswith(".txt"):
        path.write_text(SECRET, encoding="utf-8")
    else:
        path.mkdir()
        (path / "b.txt").write_text(SECRET, encoding="utf-8")
    path.chmod(0)
    try:
        result = run_cli(CHECK, project)
    finally:
        path.chmod(0o755)
    report = _report(result)
    assert report["summary"]["sources"] == ["src/a.txt"]
    assert any(n.startswith(f"{entry}: skipped: cannot read this") for n in report["notes"]), report["notes"]
    assert "warning:" in result.stderr
