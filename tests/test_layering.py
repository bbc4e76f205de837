"""The import layers (models < extract < match, ingest < rules < verdict < engine < report < cli)
and the rule that the core never imports the CLI or the renderers: import-linter checks the
contracts in pyproject.toml. It is a test extra, run from this interpreter (never looked up on
PATH), so the contract cannot pass by not running."""

from __future__ import annotations

import subprocess
import sys

import pytest

RUN = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"


def lint_imports(repo, *args):
    try:
        import importlinter  # noqa: F401
    except ImportError:
        pytest.fail("import-linter is missing: it is a test extra (pip install -e '.[test]')")
    return subprocess.run(
        [sys.executable, "-c", RUN, "--no-cache", *args], cwd=repo, capture_output=True, text=True, timeout=300
    )


def test_layers_and_the_core_boundary_hold(repo):
    proc = lint_imports(repo)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Layers: each imports only the layers below it KEPT" in proc.stdout
    assert "2 kept, 0 broken" in proc.stdout


def test_a_reversed_layer_is_reported_broken(repo, tmp_path):
    """Control: the same tool on this code with models above engine finds the breach."""
    config = tmp_path / "reversed.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "checker"\n\n[[tool.importlinter.contracts]]\n'
        'name = "reversed"\ntype = "layers"\nlayers = ["checker.models", "checker.engine"]\n'
    )
    proc = lint_imports(repo, "--config", str(config))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "checker.engine is not allowed to import checker.models" in proc.stdout
    assert "0 kept, 1 broken" in proc.stdout
