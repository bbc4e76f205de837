"""The claim phase on a Dask ``distributed`` cluster (``--scheduler``): the ``dask`` extra.

Imported only when a scheduler is named. A task is a pure function of (the paths, the
settings, a range of input positions): the worker prepares the run once, the same
deterministic preparation the client made (inputs read, sources from the store, facts of
the documents under check, claims, pairing indexes), keeps it for the run's later tasks, and
returns the range's outcomes, with the rows of the source passages it extracted for the
corpus store (each row sent once per worker); the client takes the outcomes in input order,
so the report is the one a single process writes, and writes the rows back after the run as
it writes its own. Every worker must see the inputs, the sources and the cache folder
at the same paths as the client (a shared filesystem mounted alike); relative paths are read
from the client's working folder.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from .parallel import CHUNKS_PER_JOB, MAX_CHUNK, worker_count
from .report_builder import Outcome
from .settings import CheckConfig

if TYPE_CHECKING:
    from . import Prepared
    from .stored_facts import StoredFacts

Rows = dict[tuple[str, int], tuple[bytes, bytes]]  # (source path, passage) -> a corpus store row

_lock = threading.Lock()  # one run prepared and checked at a time in a worker
_prepared: dict[str, Prepared] = {}  # run token -> the worker's prepared run (the latest only)
_sent: set[tuple[str, int]] = set()  # store rows this worker has sent for that run


def outcomes(
    paths: Sequence[Path], config: CheckConfig, count: int, stored: StoredFacts | None = None
) -> Iterator[Outcome]:
    """The outcome of each of the run's ``count`` inputs, in input order, computed on the
    cluster; the store rows the workers extracted go to ``stored`` (the client's, to write back)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError("--scheduler", "needs Dask distributed: pip install 'claimcheck-offline[dask]'") from None
    task_config = replace(config, scheduler=None, jobs=1)
    token = uuid.uuid4().hex
    cluster = None
    if config.scheduler == "local":
        cluster = LocalCluster(
            n_workers=worker_count(config.jobs or 0), threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    else:
        client = Client(config.scheduler, timeout="30s")
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = max(1, min(MAX_CHUNK, -(-count // (workers * CHUNKS_PER_JOB))))
        futures = [
            client.submit(
                _check_range, token, os.getcwd(), list(paths), task_config, start, min(start + size, count), pure=False
            )
            for start in range(0, count, size)
        ]
        for future in futures:
            found, rows = future.result()
            if stored is not None:
                stored.take(rows)
            yield from found
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _check_range(
    token: str, cwd: str, paths: list[Path], config: CheckConfig, start: int, end: int
) -> tuple[list[Outcome], Rows]:
    """The outcomes of inputs ``start`` to ``end`` (relative paths read from the client's
    folder) and the store rows of the passages extracted for them not sent before."""
    from . import Checker

    with _lock:
        here = os.getcwd()
        os.chdir(cwd)
        try:
            run = _prepared.get(token)
            if run is None:
                _prepared.clear()
                _sent.clear()
                run = _prepared[token] = Checker(config).prepare(paths)
            found = [run.rules.check(run.inputs[k], k) for k in range(start, end)]
            stored = run.rules.pairer.facts.stored
            rows = {k: row for k, row in stored.fresh.items() if k not in _sent} if stored is not None else {}
            _sent.update(rows)
            return found, rows
        finally:
            os.chdir(here)
