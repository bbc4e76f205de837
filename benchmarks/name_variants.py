"""Spelling variants merged by lookup against the pairwise scan it replaced (issue 15).

Run ``python -m benchmarks.name_variants`` from the repository root. For the one-surname,
shared-surnames and many-names corpora of ``benchmarks/adversarial.py`` at 128 KB to 1 MB it
learns the people once, then times ``EntityRegistry._merge_variants`` (the lookup of
``checker/extract/ratio_pairs.py``) and the scan it replaced (each first name against the rest
of its surname group with rapidfuzz), alternating the two, and stops if their people or
aliases differ. It prints the CPU seconds of each (median of ``--runs``) and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter

from rapidfuzz import fuzz, process

from benchmarks import adversarial as adv
from checker.extract.entities import EntityRegistry


def scan_merge(registry: EntityRegistry, counts: dict[str, int]) -> None:
    """The merge as it was: each name's first word against those of the rest of its group."""
    full = sorted((p for p in registry.people if len(p.split()) > 1), key=lambda p: (-counts.get(p, 0), p))
    groups: dict[tuple[str, int], list[str]] = {}
    for name in full:
        words = name.split()
        groups.setdefault((words[-1], len(words)), []).append(name)
    for group in groups.values():
        firsts = [name.split()[0] for name in group]
        for i, a in enumerate(group):
            if a in registry.aliases or i + 1 == len(group):
                continue
            near = process.extract(firsts[i], firsts[i + 1 :], scorer=fuzz.ratio, score_cutoff=79, limit=None)
            for k in sorted(i + 1 + hit[2] for hit in near):
                b = group[k]
                if b not in registry.aliases and fuzz.ratio(firsts[i], firsts[k]) >= 80:
                    registry.aliases[b] = a
                    registry.people.discard(b)


def _candidate_counts(text: str) -> Counter[str]:
    registry = EntityRegistry()
    registry.learn(text)
    return Counter(name for name, _, _ in registry._person_candidates(text, strict=True))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="128,256,512,1024", help="sizes in KB")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    corpora = {"one-surname": adv.one_surname, "shared-surnames": adv.shared_surnames, "many-names": adv.many_names}
    print(
        f"{'corpus':16} {'size':>6} {'names':>7} {'aliases':>8} {'scan (s)':>9} {'lookup (s)':>11} {'scan/lookup':>12}"
    )
    for name, make in corpora.items():
        for size in (int(s) for s in args.sizes.split(",")):
            counts = _candidate_counts(make(size * 1024))
            times: dict[str, list[float]] = {"scan": [], "lookup": []}
            answers = {}
            for _ in range(args.runs):
                for way in ("scan", "lookup"):
                    registry = EntityRegistry()
                    registry.people = set(counts)
                    t0 = time.process_time()
                    if way == "scan":
                        scan_merge(registry, counts)
                    else:
                        registry._merge_variants(counts)
                    times[way].append(time.process_time() - t0)
                    answers[way] = (registry.people, registry.aliases)
            if answers["scan"] != answers["lookup"]:
                raise SystemExit(f"{name} at {size} KB: the lookup merged otherwise than the scan")
            scan, lookup = statistics.median(times["scan"]), statistics.median(times["lookup"])
            print(
                f"{name:16} {size:>5}K {len(counts):>7} {len(answers['lookup'][1]):>8} "
                f"{scan:9.3f} {lookup:11.3f} {scan / lookup:11.2f}x",
                flush=True,
            )


if __name__ == "__main__":
    main()
