"""The inputs checked in a pool of processes (``--jobs``), their outcomes taken in input order.

Each worker is a fork of the run once its corpus, facts of the documents under check, pairing
indexes and claims are ready, so nothing is pickled on the way in; it checks contiguous
chunks of inputs with :meth:`RuleStage.check`, a function of one input and the corpus, and
sends back plain outcomes (findings, evidence, the support its pairs give). The report builder
takes them in input order, so the report is byte-identical for any number of jobs.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from ..match.index import PassageIndex
from .report_builder import Outcome
from .rule_stage import RuleStage

CHUNKS_PER_JOB = 4  # several chunks a worker, so one slow chunk does not leave the others idle
MAX_CHUNK = 64  # inputs a chunk at most: outcomes come back while the others are checked

log = logging.getLogger("claimcheck")
_stage: RuleStage | None = None  # the run's rule stage, as the forked workers inherit it


def worker_count(jobs: int) -> int:
    """Processes for ``jobs`` (0: one per core)."""
    return (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)


def outcomes(stage: RuleStage, jobs: int) -> Iterator[Outcome]:
    """The outcome of every input of ``stage``'s pairer, in input order."""
    inputs = stage.pairer.inputs
    workers = min(worker_count(jobs), len(inputs))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for k, item in enumerate(inputs):
            yield stage.check(item, k)
        return
    size = max(1, min(MAX_CHUNK, -(-len(inputs) // (workers * CHUNKS_PER_JOB))))
    chunks = [(start, min(start + size, len(inputs))) for start in range(0, len(inputs), size)]
    log.info("checking %d inputs in %d processes", len(inputs), workers)
    global _stage
    _stage = stage
    index = stage.pairer.index
    memory = index.conn.serialize() if index is not None and index.db_path == ":memory:" else None
    try:
        with ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork"), initializer=_reopen_index, initargs=(memory,)
        ) as pool:
            for chunk in pool.map(_check_chunk, chunks):
                yield from chunk
    finally:
        _stage = None


def _reopen_index(memory: bytes | None) -> None:
    """A worker's own connection to the passage index (one is never shared across a fork)."""
    pairer = _stage.pairer
    if pairer.index is None:
        return
    if memory is None:
        pairer.index = PassageIndex(pairer.index.db_path)
    else:
        index = PassageIndex(":memory:")
        index.conn.deserialize(memory)
        pairer.index = index


def _check_chunk(bounds: tuple[int, int]) -> list[Outcome]:
    inputs = _stage.pairer.inputs
    return [_stage.check(inputs[k], k) for k in range(*bounds)]
