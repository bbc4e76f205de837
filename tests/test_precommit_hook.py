"""The pre-commit hook definition parses, triggers on the right files, and its entry runs."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def hook() -> dict:
    hooks = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert isinstance(hooks, list)
    (only,) = [h for h in hooks if h["id"] == "claimcheck"]
    return only


def test_hook_has_what_pre_commit_requires(hook):
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["entry"] == "claimcheck check" and hook["language"] == "python"
    assert hook["pass_filenames"] is False


@pytest.mark.parametrize("path, runs", [
    ("claims/visits.yaml", True),
    ("claims/sub/more.json", True),
    ("sources/yeltsin.md", True),
    ("notes/trip.claims.yml", True),
    ("claimcheck.toml", True),
    ("claimcheck-baseline.json", True),
    (".github/workflows/ci.yml", False),
    ("src/app.py", False),
])
def test_files_pattern(hook, path, runs):
    # pre-commit applies `files` with re.search on the repo-relative path
    assert bool(re.search(hook["files"], path)) is runs


def _entry_argv(entry: str) -> list[str]:
    argv = shlex.split(entry)
    exe = shutil.which(argv[0])
    return [exe, *argv[1:]] if exe else [sys.executable, "-m", "checker.cli", *argv[1:]]


def test_entry_runs_in_a_repo_with_claims(tmp_path, hook):
    shutil.copytree(REPO / "sources", tmp_path / "sources")
    (tmp_path / "claims").mkdir()
    good = ("claims:\n  - id: yeltsin-ok\n"
            "    text: Boris Yeltsin paid a state visit to Beijing in November 1997 and held talks with Jiang Zemin.\n")
    (tmp_path / "claims" / "c.yaml").write_text(good)
    argv = _entry_argv(hook["entry"]) + ["--no-cache"]
    ok = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stderr
    bad = good + ("  - id: yeltsin-tokyo\n    text: On November 10, 1997, Boris Yeltsin visited Tokyo for talks"
                  " with the Japanese prime minister.\n")
    (tmp_path / "claims" / "c.yaml").write_text(bad)
    failed = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert failed.returncode == 1
    assert "CC-PLACE-001" in failed.stdout
    (tmp_path / "claims" / "c.yaml").write_text("claims:\n  - id: x\n")
    broken = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert broken.returncode == 2 and "claims/c.yaml:" in broken.stderr
