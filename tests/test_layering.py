"""The core (models, ingest, extract, match, rules, verdict, engine) never imports the CLI or
the renderers: import-linter enforces the contract in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess

import pytest


def test_core_does_not_import_cli_or_renderers(repo):
    exe = shutil.which("lint-imports")
    if exe is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    proc = subprocess.run([exe], cwd=repo, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 kept, 0 broken" in proc.stdout
