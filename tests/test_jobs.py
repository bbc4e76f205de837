"""--jobs N: the claims are checked in N processes and the report is the same for any N."""

from __future__ import annotations

import json
import logging
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import run_cli
from test_corpus_store import _multi_source

from checker.engine import CheckConfig, check
from checker.engine.parallel import worker_count

REPO = Path(__file__).resolve().parent.parent

# Our own additions to the multi-source project: two conflicting accounts of one visit, each
# told three times (merged repeats that fall in different chunks), a claim citing a source that
# is not supplied (a note), and a draft sentence whose finding a comment accepts.
EXTRA_CLAIMS = [
    {"id": f"visit-{i}", "text": f"Marta Olsen visited Bergen on {day} May 1911."}
    for i, day in enumerate([3, 9, 3, 9, 3, 9])
] + [{"id": "cites-missing", "text": "Marta Olsen visited Bergen in 1911.", "source": "harwick-ledger.md"}]
ACCEPTED_DRAFT = (
    "# Ledger\n\nThe Ellerby Canal opened on 2 April 1799.\n\n"
    "<!-- claimcheck: ignore[CC-DATE-001] the ledger is wrong on purpose here -->\n"
    "The Ellerby Canal opened on 9 April 1799.\n"
)


@contextmanager
def _pool_runs():
    """The messages the core logs meanwhile (the CLI keeps its logger to itself)."""
    messages: list[str] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = lambda record: messages.append(record.getMessage())
    logger = logging.getLogger("claimcheck")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _project(root: Path) -> Path:
    _multi_source(root)
    data = json.loads((root / "c.json").read_text(encoding="utf-8"))
    data["claims"] += EXTRA_CLAIMS
    (root / "c.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    (root / "ledger.md").write_text(ACCEPTED_DRAFT, encoding="utf-8")
    return root


def _json(root: Path, *extra: str) -> str:
    result = run_cli(["check", "c.json", "draft.md", "ledger.md", "--sources", "src", "-f", "json", *extra], root)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_the_report_is_identical_for_one_and_two_jobs(tmp_path):
    root = _project(tmp_path)
    one = _json(root, "--no-cache")
    with _pool_runs() as messages:
        two = _json(root, "--no-cache", "--jobs", "2")
    assert any("in 2 processes" in m for m in messages)  # the pool did run
    assert one == two
    report = json.loads(two)
    # the additions did what they are there for: merged repeats, a note, an accepted finding
    assert any(f["count"] > 1 and f["occurrences"] for f in report["findings"])
    assert any("harwick-ledger.md" in n for n in report["notes"])
    assert report["summary"]["accepted"] >= 1
    assert report["summary"]["contradicted"] and report["summary"]["supported"]


def test_two_jobs_read_the_cached_index_as_one_does(tmp_path):
    root = _project(tmp_path)
    cold = _json(root, "--jobs", "2")
    assert _json(root) == cold == _json(root, "--jobs", "2")


def test_two_jobs_on_a_warm_store_extract_no_passage_again(tmp_path):
    root = _project(tmp_path)
    with _pool_runs() as cold_messages:
        cold = _json(root, "--jobs", "2")
    with _pool_runs() as warm_messages:
        warm = _json(root, "--jobs", "2")
    assert any("source passages extracted in 2 processes" in m for m in cold_messages)
    # the stored passages are decoded by the workers that read them, none extracted before
    assert any("in 2 processes" in m for m in warm_messages)
    assert not any("source passages extracted" in m for m in warm_messages)
    assert warm == cold


def test_the_demo_report_is_identical_for_any_number_of_jobs(tmp_path):
    for name in ("claims", "sources"):
        shutil.copytree(REPO / name, tmp_path / name)
    runs = [
        run_cli(["check", "--no-cache", "-f", "json", *extra], tmp_path) for extra in ([], ["-j", "2"], ["-j", "0"])
    ]
    assert {r.exit_code for r in runs} == {1}
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout
    assert '"contradicted": 3' in runs[0].stdout


def test_jobs_from_the_config_file(tmp_path):
    root = _project(tmp_path)
    (root / "claimcheck.toml").write_text("jobs = 2\n", encoding="utf-8")
    with _pool_runs() as messages:
        from_config = _json(root, "--no-cache")
    assert any("in 2 processes" in m for m in messages)
    with _pool_runs() as messages:
        overridden = _json(root, "--no-cache", "--jobs", "1")
    assert not any("processes" in m for m in messages)
    assert from_config == overridden


def test_a_negative_jobs_value_is_an_input_error(tmp_path):
    root = _project(tmp_path)
    result = run_cli(["check", "c.json", "--sources", "src", "--jobs", "-1"], root)
    assert result.exit_code == 2 and "-1" in result.output
    (root / "claimcheck.toml").write_text("jobs = -3\n", encoding="utf-8")
    result = run_cli(["check", "c.json", "--sources", "src"], root)
    assert result.exit_code == 2 and "claimcheck.toml" in result.output and "Traceback" not in result.output


def test_worker_count():
    assert worker_count(3) == 3 and worker_count(1) == 1
    assert worker_count(0) >= 1  # one per core


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_api_takes_jobs(tmp_path, jobs):
    root = _project(tmp_path)
    report = check([root / "c.json"], CheckConfig(sources=[root / "src"], cache_dir=None, root=root, jobs=jobs))
    assert report.summary.claims > 50
