"""Throughput of the statement reader (``checker.extract.statements.build_statement``) on real
sentences, next to the whole per-sentence extraction it runs after.

Sentences come from the shared seed documents and the SummEdits sources (``../shared``),
split as the checker splits passages; facts are extracted once up front so the first figure
is the statement reader alone. CPU time, medians over --runs runs; MB/s of sentence text.
``--baseline REV`` also times the reader of git revision REV on the same sentences and facts,
its runs alternating with the current one's in this process: on a shared machine the ratio
of the two medians is the figure to trust.

    python benchmarks/statement_speed.py [--mb 2] [--runs 3] [--baseline 816a56a]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.extract import Extractor  # noqa: E402
from checker.extract.statements import build_statement  # noqa: E402
from checker.ingest.text import split_sentences  # noqa: E402

SHARED = ROOT.parent / "shared"


def sentences(limit_chars: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    summedits = SHARED / "datasets" / "summedits" / "summedits_news.json"
    if summedits.exists():
        texts += list(dict.fromkeys(item["doc"] for item in json.loads(summedits.read_text(encoding="utf-8"))))
    out, total = [], 0
    while total < limit_chars and texts:
        for text in texts:
            for a, b in split_sentences(text, 0, len(text)):
                s = text[a:b].strip()
                if s:
                    out.append(s)
                    total += len(s)
            if total >= limit_chars:
                break
    return out


def baseline_reader(rev: str) -> Callable:
    """``build_statement`` of ``checker/extract/statements.py`` at git revision ``rev``, loaded
    as a module of the package (its relative imports are today's modules)."""
    source = subprocess.run(
        ["git", "show", f"{rev}:checker/extract/statements.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    path = Path(tempfile.mkdtemp()) / "statements_baseline.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("checker.extract._statements_baseline", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_statement


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--baseline", metavar="REV", help="also time the reader of this git revision, alternating")
    args = ap.parse_args()
    if not (SHARED / "seeds").exists():
        sys.exit("needs ../shared/seeds beside the repository")
    sents = sentences(int(args.mb * 1_000_000))
    size = sum(len(s) for s in sents) / 1_000_000
    extractor = Extractor()
    for s in sents[:5000]:
        extractor.registry.learn(s)
    facts = [extractor.extract(s) for s in sents]

    def whole() -> None:
        for s in sents:
            extractor.extract(s)

    jobs: list[tuple[str, Callable]] = [("statement reader alone", build_statement)]
    if args.baseline:
        jobs.append((f"statement reader at {args.baseline}", baseline_reader(args.baseline)))
    times: dict[str, list[float]] = {name: [] for name, _ in jobs}
    pairs = list(zip(sents, facts))
    chunks = [pairs[k : k + 200] for k in range(0, len(pairs), 200)]
    for run in range(args.runs):
        # the readers take turns on each chunk of 200 sentences (first one, then the other), so
        # a change of load on the shared machine falls on both alike
        spent = dict.fromkeys(times, 0.0)
        for c, chunk in enumerate(chunks):
            for name, build in jobs if (run + c) % 2 == 0 else jobs[::-1]:
                t = time.process_time()
                for s, f in chunk:
                    build(s, f)
                spent[name] += time.process_time() - t
        for name in times:
            times[name].append(spent[name])
    whole_times = []
    for _ in range(args.runs):
        t = time.process_time()
        whole()
        whole_times.append(time.process_time() - t)
    times["whole extraction (incl. statements)"] = whole_times
    print(f"{len(sents)} sentences, {size:.2f} MB, medians of {args.runs} runs (CPU time)\n")
    print("| what | s | MB/s |")
    print("|---|---:|---:|")
    for name, runs in times.items():
        med = statistics.median(runs)
        print(f"| {name} | {med:.2f} | {size / med:.2f} |")
    if args.baseline:
        ratio = statistics.median(times[jobs[1][0]]) / statistics.median(times[jobs[0][0]])
        print(f"\nreader now / at {args.baseline}: x{ratio:.2f} (ratio of the medians)")


if __name__ == "__main__":
    main()
