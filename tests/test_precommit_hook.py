"""The pre-commit hook definition parses, triggers on the right files, and its entry runs."""

from __future__ import annotations

import os
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


@pytest.mark.parametrize(
    "path, runs",
    [
        ("claims/visits.yaml", True),
        ("claims/sub/more.json", True),
        ("sources/yeltsin.md", True),
        ("notes/trip.claims.yml", True),
        ("claimcheck.toml", True),
        ("claimcheck-baseline.json", True),
        (".github/workflows/ci.yml", False),
        ("src/app.py", False),
    ],
)
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
    good = (
        "claims:\n  - id: yeltsin-ok\n"
        "    text: Boris Yeltsin paid a state visit to Beijing in November 1997 and held talks with Jiang Zemin.\n"
    )
    (tmp_path / "claims" / "c.yaml").write_text(good)
    argv = _entry_argv(hook["entry"]) + ["--no-cache"]
    ok = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stderr
    bad = good + (
        "  - id: yeltsin-tokyo\n    text: On November 10, 1997, Boris Yeltsin visited Tokyo for talks"
        " with the Japanese prime minister.\n"
    )
    (tmp_path / "claims" / "c.yaml").write_text(bad)
    failed = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert failed.returncode == 1
    assert "CC-PLACE-001" in failed.stdout
    (tmp_path / "claims" / "c.yaml").write_text("claims:\n  - id: x\n")
    broken = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert broken.returncode == 2 and "claims/c.yaml:" in broken.stderr


# --------------------------------------------------------------------------- pre-commit itself


def _documented_rev() -> str:
    ci = (REPO / "docs" / "ci.md").read_text()
    (rev,) = re.findall(r"^\s+rev: (\S+)", ci, re.M)
    return rev


def test_documented_rev_is_the_release_tag_of_this_version():
    import tomllib

    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    assert _documented_rev() == f"v{version}"


def _git(args, cwd):
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=test",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "init.defaultBranch=main",
            *args,
        ],
        cwd=cwd,
        check=True,
        capture_output=True,
        timeout=120,
    )


_NOT_SHIPPED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "*.egg-info",
    "__pycache__",
    ".claimcheck_cache",
    "out",
    "build",
    "dist",
    ".pytest_cache",
    ".hypothesis",
)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.skipif(os.environ.get("CLAIMCHECK_SKIP_INSTALL_TESTS") == "1", reason="CLAIMCHECK_SKIP_INSTALL_TESTS=1")
def test_pre_commit_try_repo_runs_the_hook_from_a_clone_at_the_documented_rev(tmp_path):
    pytest.importorskip("pre_commit", reason="pre-commit not installed (pip install -e '.[test]')")
    hook_repo = tmp_path / "claimcheck"
    shutil.copytree(REPO, hook_repo, ignore=_NOT_SHIPPED)
    _git(["init", "-q"], hook_repo)
    _git(["add", "-A"], hook_repo)
    _git(["commit", "-q", "-m", "release"], hook_repo)
    _git(["tag", _documented_rev()], hook_repo)

    project = tmp_path / "project"
    shutil.copytree(REPO / "claims", project / "claims")
    shutil.copytree(REPO / "sources", project / "sources")
    from test_ingest_html import PAGE

    (project / "sources" / "news.html").write_text(PAGE)  # the hook's environment reads HTML too
    _git(["init", "-q"], project)
    _git(["add", "-A"], project)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "VIRTUAL_ENV", "PIP_REQUIRE"))}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    argv = [
        sys.executable,
        "-m",
        "pre_commit",
        "try-repo",
        str(hook_repo),
        "claimcheck",
        "--ref",
        _documented_rev(),
        "--all-files",
    ]
    first = subprocess.run(argv, cwd=project, capture_output=True, text=True, timeout=1200, env=env)
    log = first.stdout + first.stderr
    if (
        "An unexpected error has occurred" in log
        and ("pip" in log or "virtualenv" in log)
        and ("Could not find a version" in log or "connection" in log.lower())
    ):
        pytest.skip(f"pre-commit could not build the hook's environment offline: {log[-400:]}")
    assert first.returncode == 1, log[-3000:]  # the demo claims have contradictions
    assert "claimcheck" in log and "Failed" in log and "CC-PLACE-001" in log
    (project / "claims" / "demo.yaml").write_text(
        "claims:\n  - id: ok\n    text: Boris Yeltsin paid a state visit to Beijing in November 1997"
        " and held talks with Jiang Zemin.\n"
    )
    _git(["add", "-A"], project)
    second = subprocess.run(argv, cwd=project, capture_output=True, text=True, timeout=1200, env=env)
    assert second.returncode == 0, (second.stdout + second.stderr)[-3000:]
    assert "Passed" in second.stdout
