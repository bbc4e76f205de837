"""Whether an adversarial pattern's extra time is repeated work or the garbage collector.

Run ``python -m benchmarks.adversarial_work --pattern many-names --sizes 256,512,1024``. For
the whole ``check`` of the pattern at each size it prints the number of Python function calls
(cProfile: repeated work shows as calls growing faster than the input), the CPU time with the
collector on and the time spent inside collections (``gc.callbacks``), and the CPU time with
the collector off. On a loaded machine a single doubling above x2.3 in ``adversarial.py`` is
often noise; calls growing like the input and a linear time with ``gc.disable()`` say it is
the collector on a larger heap, not super-linear work. ``--top N`` lists the N functions whose
calls grow the most from the first size to the last.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.adversarial import PATTERNS, check_run


def _calls(run: Callable[[], None]) -> dict[str, int]:
    """Calls per function of one ``run()``."""
    prof = cProfile.Profile()
    prof.enable()
    run()
    prof.disable()
    stats = pstats.Stats(prof).stats  # (file, line, name) -> (calls, primitive calls, ...)
    return {f"{Path(k[0]).name}:{k[1]}:{k[2]}": v[1] for k, v in stats.items()}


def _cpu(run: Callable[[], None], collector: bool) -> tuple[float, float]:
    """(CPU seconds of ``run()``, CPU seconds inside collections) with the collector on or off."""
    inside = [0.0]
    began = [0.0]

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            began[0] = time.process_time()
        else:
            inside[0] += time.process_time() - began[0]

    gc.collect()
    gc.callbacks.append(watch)
    if not collector:
        gc.disable()
    try:
        t0 = time.process_time()
        run()
        return time.process_time() - t0, inside[0]
    finally:
        gc.enable()
        gc.callbacks.remove(watch)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pattern", required=True, choices=[p.name for p in PATTERNS])
    ap.add_argument("--sizes", default="256,512,1024", help="sizes in KB")
    ap.add_argument("--top", type=int, default=5)
    args = ap.parse_args(argv)
    pattern = next(p for p in PATTERNS if p.name == args.pattern)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        check_run(pattern, pattern.make(4096), folder)  # warm: tables and the gazetteer load once
        counts = []
        print(f"{'size':>6} {'calls':>12} {'gc on (s)':>10} {'in gc (s)':>10} {'gc off (s)':>11}")
        for size in sizes:
            text = pattern.make(size * 1024)

            def run(text: str = text) -> None:
                check_run(pattern, text, folder)

            on, inside = _cpu(run, collector=True)
            off, _ = _cpu(run, collector=False)
            counts.append(_calls(run))
            print(f"{size:>5}K {sum(counts[-1].values()):>12,} {on:>10.2f} {inside:>10.2f} {off:>11.2f}", flush=True)
    first, last = counts[0], counts[-1]
    growth = sizes[-1] / sizes[0]
    print(f"functions whose calls grow the most, {sizes[0]}K -> {sizes[-1]}K (x{growth:g} input):")
    ranked = sorted(last, key=lambda k: last[k] - growth * first.get(k, 0), reverse=True)
    for name in ranked[: args.top]:
        print(f"  {name:60} {first.get(name, 0):>10,} -> {last[name]:>10,}")


if __name__ == "__main__":
    main()
