"""--scheduler: the claim phase on a Dask distributed cluster gives the report one process gives.

Needs ``distributed`` (the ``dask`` extra, also in the ``test`` extra, so CI runs a real
``LocalCluster`` of two worker processes); skipped without it.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import run_cli
from test_jobs import _json, _project

from checker.store import STORE_FILE

REPO = Path(__file__).resolve().parent.parent


def test_a_local_cluster_of_two_workers_writes_the_report_one_process_writes(tmp_path):
    pytest.importorskip("distributed", reason="the dask extra (distributed) is not installed")
    root = _project(tmp_path)
    one = _json(root)
    assert _json(root, "--scheduler", "local", "--jobs", "2") == one


def test_the_passages_workers_extract_are_written_back_to_the_store(tmp_path):
    pytest.importorskip("distributed", reason="the dask extra (distributed) is not installed")
    root = _project(tmp_path)
    on_cluster = _json(root, "--cache-dir", "cluster-cache", "--scheduler", "local", "--jobs", "2")
    one = _json(root, "--cache-dir", "one-cache")
    stored = _stored_passages(root / "cluster-cache")
    assert len(stored) > 100  # the workers' extractions, not only what the client read itself
    assert stored == _stored_passages(root / "one-cache")  # the passages one process stores
    assert on_cluster == one


def _stored_passages(cache: Path) -> set[tuple[str, int]]:
    conn = sqlite3.connect(cache / STORE_FILE)
    try:
        return set(conn.execute("SELECT path, idx FROM facts").fetchall())
    finally:
        conn.close()


def test_the_demo_on_a_real_scheduler_address(tmp_path):
    distributed = pytest.importorskip("distributed", reason="the dask extra (distributed) is not installed")
    for name in ("claims", "sources"):
        shutil.copytree(REPO / name, tmp_path / name)
    one = run_cli(["check", "-f", "json"], tmp_path)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_cluster = run_cli(["check", "-f", "json", "--scheduler", cluster.scheduler_address], tmp_path)
    assert on_cluster.exit_code == one.exit_code == 1
    assert on_cluster.stdout == one.stdout


def test_a_scheduler_that_is_no_address_is_a_usage_error(tmp_path):
    root = _project(tmp_path)
    result = run_cli(["check", "c.json", "--sources", "src", "--scheduler", "my-cluster"], root)
    assert result.exit_code == 2 and "my-cluster" in result.output and "Traceback" not in result.output
