"""Throughput of find_dates (and the TimeML-style find_timexes) on the seed review paper repeated to
~50 MB, next to a bare regex scan.

The bare scan (one precompiled regex for 4-digit years and month names, no logic) is the ceiling:
find_dates can't be faster than one pass of re. Peak memory of the find_dates pass via
tracemalloc (Python allocations) and the process's max RSS. Medians over --runs runs.

    python benchmarks/extract_speed.py [--mb 50] [--runs 3] [--chunk sentence|document]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.tempeval.timex import find_timexes  # noqa: E402
from checker.extract.dates import find_dates  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "001_630ad76a5922bb74.txt"
BARE = re.compile(
    r"\b(?:1\d{3}|20\d{2})\b|\b(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b"
)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=50.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--chunk",
        choices=["paragraph", "document"],
        default="paragraph",
        help="call find_dates per paragraph (as the checker does per passage) or once per copy",
    )
    args = ap.parse_args()
    if not SEED.exists():
        sys.exit(f"seed paper not found at {SEED}")
    seed = SEED.read_text(encoding="utf-8")
    copies = max(1, int(args.mb * 1e6 / len(seed.encode("utf-8"))))
    paras = [p for p in seed.split("\n") if p.strip()] if args.chunk == "paragraph" else [seed]
    mb = copies * len(seed.encode("utf-8")) / 1e6
    doc = dt.date(2025, 7, 22)

    def scan_ours() -> int:
        n = 0
        for _ in range(copies):
            for p in paras:
                n += len(find_dates(p, doc))
        return n

    def scan_timexes() -> int:
        n = 0
        for _ in range(copies):
            for p in paras:
                n += len(find_timexes(p, doc))
        return n

    def scan_bare() -> int:
        n = 0
        for _ in range(copies):
            for p in paras:
                n += sum(1 for _ in BARE.finditer(p))
        return n

    results = {}
    for name, fn in (("find_dates", scan_ours), ("find_timexes", scan_timexes), ("bare regex scan", scan_bare)):
        times = []
        for _ in range(args.runs):
            # CPU time of this process: the machine is shared, and wall time counts the neighbours
            t0 = time.process_time()
            count = fn()
            times.append(time.process_time() - t0)
        med = statistics.median(times)
        results[name] = {"seconds_median": round(med, 3), "MB_per_s": round(mb / med, 2), "matches": count}
    tracemalloc.start()
    for p in paras:
        find_dates(p, doc)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {
        "input_MB": round(mb, 2),
        "copies": copies,
        "chunk": args.chunk,
        "runs": args.runs,
        "results": results,
        "tracemalloc_peak_KB_one_copy": round(peak / 1024, 1),
        "max_rss_MB": round(rss, 1),
    }
    print(
        f"## find_dates speed: {mb:.1f} MB ({copies} x seed paper, per {args.chunk}), median of {args.runs} (CPU time)\n"
    )
    print("| scan | MB/s | seconds | matches |\n|---|---|---|---|")
    for name, r in results.items():
        print(f"| {name} | {r['MB_per_s']} | {r['seconds_median']} | {r['matches']} |")
    print(
        f"\npeak Python memory of one copy's pass: {out['tracemalloc_peak_KB_one_copy']} KB; max RSS {out['max_rss_MB']} MB"
    )
    dest = ROOT / "benchmarks" / "out"
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "extract_speed.json").write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
