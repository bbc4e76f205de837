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


def _skipped_for_shared(terminalreporter) -> int:
    """How many tests skipped because ``../shared`` (seeds, datasets) is absent: every such skip
    names ``../shared`` in its reason."""
    n = 0
    for report in terminalreporter.stats.get("skipped", []):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        n += "../shared" in reason
    return n


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say loudly, in every run and so in CI's log, how many tests ../shared's absence skipped."""
    n = _skipped_for_shared(terminalreporter)
    if n:
        terminalreporter.write_line(
            f"claimcheck: {n} test(s) skipped because ../shared is absent "
            f"(expected at {SHARED}); the seed-paper and dataset tests did not run",
            yellow=True,
            bold=True,
        )
