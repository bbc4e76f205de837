"""CI runs what the README promises and then the project's own gates (lint, types)."""

from __future__ import annotations

import re

from ruamel.yaml import YAML


def test_ci_runs_the_readme_test_command_then_ruff_and_mypy(repo):
    readme = (repo / "README.md").read_text(encoding="utf-8")
    ci = (repo / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert "pip install -e '.[test]' && python -m pytest" in readme
    tests = ci.index("pip install -q -e '.[test]' && python -m pytest")
    after = ci[tests + 1 :]
    assert "pip install -q -e '.[dev]'" in after and "ruff check ." in after and "mypy" in after


def test_pre_commit_runs_the_same_gates_with_the_dev_extra(repo):
    config = YAML(typ="safe").load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for r in config["repos"] for h in r["hooks"]}
    assert {"ruff", "mypy", "import-layers"} <= set(hooks)
    assert all(h["language"] == "system" for h in hooks.values())  # no download, the dev extra's tools
    dev = re.search(r"^dev = \[(.*?)^\]", (repo / "pyproject.toml").read_text(encoding="utf-8"), re.S | re.M)
    assert dev and "ruff" in dev.group(1) and "mypy" in dev.group(1)


def test_code_and_docs_cite_only_files_in_the_repository(repo):
    """research/*.md and DESIGN.md live outside the repository: a reader of the code has neither."""
    outside = re.compile(r"research/[\w-]*|\bDESIGN\.md\b")
    paths = [
        *repo.glob("checker/**/*.py"),
        *repo.glob("benchmarks/**/*.py"),
        *repo.glob("docs/*.md"),
        *repo.glob("*.md"),
        *repo.glob("benchmarks/*.md"),
    ]
    cited = [
        f"{p.relative_to(repo)}: {m.group()}" for p in paths for m in outside.finditer(p.read_text(encoding="utf-8"))
    ]
    assert not cited, cited
