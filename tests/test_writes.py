"""Outputs through the command line: atomic, with the mode open() would give, no temp left."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import run_cli

CLAIMS = "claims:\n  - id: a\n    text: Boris Yeltsin visited Beijing on April 25, 1997.\n"
SOURCE = "Boris Yeltsin visited Beijing on April 23, 1997.\n"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "c.yaml").write_text(CLAIMS, encoding="utf-8")
    (tmp_path / "d.md").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "out").mkdir()
    return tmp_path


COMMANDS = {
    "check": ["check", "c.yaml", "--sources", "src", "--no-cache", "-f", "json", "-o", "out/report.json"],
    "extract": ["extract", "d.md", "-o", "out/report.json"],
    "baseline": ["baseline", "c.yaml", "--sources", "src", "--no-cache", "-o", "out/report.json"],
}


def _with_umask(mask, fn):
    old = os.umask(mask)
    try:
        return fn()
    finally:
        os.umask(old)


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_output_gets_the_mode_open_would_give(project, command, mask, mode):
    result = _with_umask(mask, lambda: run_cli(COMMANDS[command], project))
    assert result.exit_code in (0, 1), result.output
    assert (project / "out" / "report.json").stat().st_mode & 0o777 == mode
    assert os.listdir(project / "out") == ["report.json"]


def test_a_rewritten_output_keeps_its_mode(project):
    target = project / "out" / "report.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    result = _with_umask(0o077, lambda: run_cli(COMMANDS["check"], project))
    assert result.exit_code == 1
    assert target.stat().st_mode & 0o777 == 0o640 and target.read_text(encoding="utf-8") != "old"


def test_a_failed_write_leaves_the_old_file_and_no_temp(project, monkeypatch):
    target = project / "out" / "report.json"
    target.write_text("old", encoding="utf-8")

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("checker.atomic.os.replace", full_disk)
    result = run_cli(COMMANDS["check"], project)
    assert result.exit_code == 2
    assert "out/report.json: cannot write the output: No space left on device" in result.stderr
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(project / "out") == ["report.json"]


def _dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(proc.stdout)


def test_leftovers_of_a_killed_run_are_removed_by_the_next_write(project):
    dead = project / "out" / f".report.json.claimcheck-{_dead_pid()}-0123abcd.tmp"
    live = project / "out" / f".report.json.claimcheck-{os.getppid()}-0123abcd.tmp"  # a writer still running
    foreign = project / "out" / ".report.json.x1y2z3.tmp"  # not named by us
    for f in (dead, live, foreign):
        f.write_text("partial", encoding="utf-8")
    assert run_cli(COMMANDS["check"], project).exit_code == 1
    assert not dead.exists() and live.exists() and foreign.exists()


def test_a_killed_run_leaves_the_old_output_and_the_next_run_cleans_up(project):
    """SIGKILL while writing: the old report is intact; the next run removes the temp file."""
    target = project / "out" / "report.json"
    target.write_text("old", encoding="utf-8")
    code = (
        "import os, signal, sys\n"
        f"sys.argv = ['claimcheck'] + {COMMANDS['check']!r}\n"
        "import checker.atomic as a\n"
        "real = os.replace\n"
        "def killed(src, dst):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "a.os.replace = killed\n"
        "from checker.cli import main\n"
        "main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True)
    assert proc.returncode == -9
    assert target.read_text(encoding="utf-8") == "old"
    [left] = [n for n in os.listdir(project / "out") if n != "report.json"]
    assert left.startswith(".report.json.claimcheck-")
    assert run_cli(COMMANDS["check"], project).exit_code == 1
    assert os.listdir(project / "out") == ["report.json"]
