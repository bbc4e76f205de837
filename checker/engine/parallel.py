"""The inputs checked in a pool of processes (``--jobs``), their outcomes taken in input order.

Each worker is a fork of the run once its corpus, facts of the documents under check, pairing
indexes and claims are ready, so nothing is pickled on the way in. First a pool of workers
runs the claims' index searches, then extracts the source passages they return that the
corpus store does not hold (and the passages their unnamed subjects read back to); the
results are kept in the parent. Then the workers, forked again, check contiguous chunks of
inputs with :meth:`RuleStage.check`, a function of one input and the corpus, and send back
plain outcomes (findings, evidence, the support its pairs give); a stored passage is decoded
by the worker that reads it. The report builder takes the outcomes in input order, so the
report is byte-identical for any number of jobs.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from ..match.index import PassageIndex
from ..models import Facts
from .report_builder import Outcome
from .rule_stage import RuleStage

CHUNKS_PER_JOB = 4  # several chunks a worker, so one slow chunk does not leave the others idle
MAX_CHUNK = 64  # inputs a chunk at most: outcomes come back while the others are checked

T = TypeVar("T")
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
    log.info("checking %d inputs in %d processes", len(inputs), workers)
    global _stage
    _stage = stage
    index = stage.pairer.index
    memory = index.conn.serialize() if index is not None and index.db_path == ":memory:" else None
    gc.freeze()  # what the workers inherit is never traversed by their collector (no copy of every page)
    try:
        with _pool(workers, memory) as pool:
            _prefetch(stage, pool, workers)
        with _pool(workers, memory) as pool:  # forked again: the workers start with every search and passage read
            for chunk in pool.map(_check_chunk, _chunks(range(len(inputs)), workers, MAX_CHUNK)):
                yield from chunk
    finally:
        _stage = None
        gc.unfreeze()


def _prefetch(stage: RuleStage, pool: ProcessPoolExecutor, workers: int) -> None:
    """What the claims will read, done once between the workers and kept in this process: the
    index searches, then the source passages they return that must be extracted (claims share
    many: each worker extracting its own would repeat most of the work), then the window their
    unnamed subjects read. A passage the store holds is left to be decoded where it is read."""
    pairer, facts = stage.pairer, stage.pairer.facts
    if pairer.index is not None:
        positions = range(len(pairer.inputs))
        for hits in pool.map(_search_chunk, _chunks(positions, workers, MAX_CHUNK * 4)):
            pairer.keep_searches(hits)
    # by source and place: a worker meets an article's names together
    wanted = facts.to_extract(sorted(pairer.wanted()))
    for _ in range(2):  # the passages, then the context their unnamed subjects read
        if not wanted:
            return
        chunks = _chunks(wanted, workers, len(wanted))
        for keys, found in zip(chunks, pool.map(_extract_chunk, chunks)):
            facts.keep(keys, found)
        log.info("%d source passages extracted in %d processes", len(wanted), workers)
        wanted = facts.to_extract(facts.context(wanted))


def _pool(workers: int, memory: bytes | None) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("fork"), initializer=_reopen_index, initargs=(memory,)
    )


def _chunks(items: Sequence[T], workers: int, most: int) -> list[Sequence[T]]:
    """Contiguous chunks, several a worker, none above ``most`` items."""
    size = max(1, min(most, -(-len(items) // (workers * CHUNKS_PER_JOB))))
    return [items[start : start + size] for start in range(0, len(items), size)]


def _forked_stage() -> RuleStage:
    """The rule stage a forked worker inherited (set by :func:`outcomes` before the fork)."""
    if _stage is None:
        raise RuntimeError("a --jobs worker started without the run's rule stage")
    return _stage


def _reopen_index(memory: bytes | None) -> None:
    """A worker's own connection to the passage index (one is never shared across a fork)."""
    pairer = _forked_stage().pairer
    if pairer.index is None:
        return
    if memory is None:
        pairer.index = PassageIndex(pairer.index.db_path)
    else:
        index = PassageIndex(":memory:")
        index.conn.deserialize(memory)
        pairer.index = index


def _search_chunk(positions: range) -> list[tuple[int, list[tuple[str, int, float]]]]:
    return _forked_stage().pairer.search_inputs(positions)


def _extract_chunk(keys: Sequence[tuple[str, int]]) -> list[tuple[Facts, tuple[bytes, bytes] | None]]:
    return _forked_stage().pairer.facts.extract(keys)


def _check_chunk(positions: range) -> list[Outcome]:
    stage = _forked_stage()
    inputs = stage.pairer.inputs
    return [stage.check(inputs[k], k) for k in positions]
