"""TempEval-3 Task A (temporal expressions): our taggers vs dateparser, scored the TE3 way.

Systems: ``find_timexes`` (the TimeML-style tagger: dates, times, durations, sets, vague and
back-references), the precise ``find_dates`` (+ ``find_durations`` as DURATION) that the rules use,
and dateparser's ``search_dates`` as the baseline.

Tune on TBAQ-cleaned (``--split tbaq``, with ``--errors`` to list misses); the reported figures are
te3-platinum (20 documents, 138 TIMEX3). Each document's DCT is the doc_date. Two scopes:
"all types" (gold DATE+TIME+DURATION+SET vs everything we emit: DateMention as DATE, Duration as
DURATION) and "DATE only" (gold DATE vs our DateMentions). Published best value F1 (all types,
HeidelTime): 77.61. Writes benchmarks/out/tempeval3.json.

    python benchmarks/tempeval3.py [--split platinum|tbaq] [--errors N] [--no-baseline]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tempeval.score import Span, Tally, canon  # noqa: E402
from tempeval.systems import dateparser_baseline, ours, timexes  # noqa: E402
from tempeval.timeml import read_dir  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "tempeval3_timeml"
SPLITS = {"platinum": DATA / "te3-platinum", "tbaq": DATA / "TBAQ-cleaned"}


def run(docs, system, errors: list | None = None) -> dict:
    t_all, t_date = Tally(), Tally()
    t0 = time.perf_counter()
    for d in docs:
        sys_spans = system(d)
        gold = [Span(g.start, g.end, g.type, g.value) for g in d.gold]
        pairs = t_all.add(gold, sys_spans)
        t_date.add([g for g in gold if g.type == "DATE"], [s for s in sys_spans if s.type == "DATE"])
        if errors is not None:
            mg = {id(g) for g, _ in pairs}
            ms = {id(s) for _, s in pairs}
            for g in gold:
                if id(g) not in mg:
                    errors.append(("MISS", d.name, g.type, d.text[g.start : g.end], g.value, ""))
            for s in sys_spans:
                if id(s) not in ms:
                    errors.append(("FALSE", d.name, s.type, d.text[s.start : s.end], s.value, _ctx(d.text, s)))
            for g, s in pairs:
                if canon(g.value) != canon(s.value):
                    errors.append(
                        (
                            "VALUE",
                            d.name,
                            g.type,
                            f"{d.text[g.start : g.end]} | {d.text[s.start : s.end]}",
                            f"{g.value} vs {s.value}",
                            "",
                        )
                    )
    return {"all_types": t_all.result(), "date_only": t_date.result(), "seconds": round(time.perf_counter() - t0, 2)}


def _ctx(text: str, s: Span) -> str:
    return text[max(0, s.start - 40) : s.end + 30].replace("\n", " ")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=list(SPLITS), default="platinum")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of ours (tbaq only)")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"TempEval-3 data not found at {DATA}")
    if args.errors and args.split == "platinum":
        sys.exit("error listings are for tuning: use --split tbaq (platinum is the blind test)")
    docs = read_dir(SPLITS[args.split])
    results = {}
    errs: list = []
    results["claimcheck find_timexes"] = run(docs, lambda d: timexes(d.text, d.dct), errs if args.errors else None)
    results["claimcheck find_dates + find_durations (past)"] = run(docs, lambda d: ours(d.text, d.dct, "past"))
    results["claimcheck find_dates + find_durations (auto)"] = run(docs, lambda d: ours(d.text, d.dct, "auto"))
    if not args.no_baseline:
        results["dateparser search_dates"] = run(docs, lambda d: dateparser_baseline(d.text, d.dct))
    n_gold = sum(len(d.gold) for d in docs)
    print(f"## TempEval-3 {args.split}: {len(docs)} documents, {n_gold} gold TIMEX3\n")
    for scope, label in (("all_types", "all types (DATE, TIME, DURATION, SET)"), ("date_only", "DATE only")):
        print(f"### {label}\n")
        print(
            "| system | gold | sys | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | value P | value R | value F1 | value acc. on relaxed |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for name, r in results.items():
            x = r[scope]
            print(
                f"| {name} | {x['gold']} | {x['system']} | {x['strict']['P']} | {x['strict']['R']} | {x['strict']['F1']} | "
                f"{x['relaxed']['P']} | {x['relaxed']['R']} | {x['relaxed']['F1']} | {x['value']['P']} | {x['value']['R']} | "
                f"{x['value']['F1']} | {x['value_accuracy_on_relaxed']} |"
            )
        if scope == "all_types" and args.split == "platinum":
            print(
                "| HeidelTime-t (TE3 best value F1, published) | 138 | | | | 81.34 | 93.08 | 87.68 | 90.30 | | | 77.61 | |"
            )
            print("| SUTime (published) | 138 | | | | 79.57 | 89.36 | 91.30 | 90.32 | | | 67.38 | |")
        print()
    for name, r in results.items():
        print(f"{name}: {r['seconds']} s")
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"tempeval3{'' if args.split == 'platinum' else '_' + args.split}.json").write_text(
        json.dumps({"split": args.split, "documents": len(docs), "gold_timex3": n_gold, "results": results}, indent=2)
    )
    if args.errors:
        from collections import Counter

        print("\n## error kinds:", Counter(e[0] for e in errs))
        for e in errs[: args.errors]:
            print(" | ".join(e))


if __name__ == "__main__":
    main()
