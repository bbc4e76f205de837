"""Throughput of the statement reader (``checker.extract.statements.build_statement``) on real
sentences, next to the whole per-sentence extraction it runs after.

Sentences come from the shared seed documents and the SummEdits sources (``../shared``),
split as the checker splits passages; facts are extracted once up front so the first figure
is the statement reader alone. CPU time, medians over --runs runs; MB/s of sentence text.

    python benchmarks/statement_speed.py [--mb 2] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not (SHARED / "seeds").exists():
        sys.exit("needs ../shared/seeds beside the repository")
    sents = sentences(int(args.mb * 1_000_000))
    size = sum(len(s) for s in sents) / 1_000_000
    extractor = Extractor()
    for s in sents[:5000]:
        extractor.registry.learn(s)
    facts = [extractor.extract(s) for s in sents]

    def statements() -> None:
        for s, f in zip(sents, facts):
            build_statement(s, f)

    def whole() -> None:
        for s in sents:
            extractor.extract(s)

    rows = []
    for name, fn in (("statement reader alone", statements), ("whole extraction (incl. statements)", whole)):
        times = []
        for _ in range(args.runs):
            t = time.process_time()
            fn()
            times.append(time.process_time() - t)
        med = statistics.median(times)
        rows.append((name, med, size / med))
    print(f"{len(sents)} sentences, {size:.2f} MB, medians of {args.runs} runs (CPU time)\n")
    print("| what | s | MB/s |")
    print("|---|---:|---:|")
    for name, med, rate in rows:
        print(f"| {name} | {med:.2f} | {rate:.2f} |")


if __name__ == "__main__":
    main()
