from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_PAPER = SHARED / "seeds" / "001_630ad76a5922bb74.txt"


@pytest.fixture
def seed_paper() -> Path:
    if not SEED_PAPER.exists():
        pytest.skip("../shared/seeds is not available")
    return SEED_PAPER


@pytest.fixture
def repo() -> Path:
    return REPO


def run_cli(args, cwd: Path):
    """Invoke the click command as a user would from ``cwd`` (config files are found there)."""
    import os

    from click.testing import CliRunner

    from checker.cli import main

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)
