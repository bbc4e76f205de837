"""False contradictions on evidence that is topical but about something else (dev parts only).

CLIMATE-FEVER and AVeriTeC give a claim evidence retrieved from other articles: related words,
other statements. That condition can be built from the dev parts of the sets we may tune on:
each claim is checked against the evidence sentences of *other* items that share the most
words with it (same topic, another statement). Nothing there was written to refute the claim,
so every `contradicted` is a false flag to read (a few may be true by chance: read them).

    python -m benchmarks.crossed_evidence [--per-claim 3] [--limit 600] [--show]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz, process

from benchmarks.accuracy.datasets import datasets_dir, load_splits

SETS = ("vitaminc", "fever_symmetric", "wice", "summedits_news")


def crossed(per_claim: int, limit: int) -> list[tuple[str, str, list[str]]]:
    """(set, claim, other items' evidence) triples from the dev parts."""
    out = []
    splits = load_splits(datasets_dir(), list(SETS))
    for name in SETS:
        items = splits[name]["dev"]
        evidence = [it.source for it in items]
        for it in items[:limit]:
            own = it.source.strip().lower()
            picks = process.extract(it.claim, evidence, scorer=fuzz.token_set_ratio, limit=per_claim * 4)
            chosen = [
                evidence[i]
                for _, score, i in picks
                if evidence[i].strip().lower() != own
                and items[i].claim.strip().lower() != it.claim.strip().lower()
                and not set(items[i].keys) & set(it.keys)
            ][:per_claim]
            out.append((name, it.claim, chosen))
    return out


def run(per_claim: int, limit: int, show: bool) -> None:
    from checker.engine import CheckConfig, Checker

    flagged: Counter[str] = Counter()
    total: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for k, (name, claim, chosen) in enumerate(crossed(per_claim, limit)):
            root = Path(tmp) / str(k)
            (root / "src").mkdir(parents=True)
            (root / "src" / "source.txt").write_text("\n\n".join(chosen), encoding="utf-8")
            (root / "claims.json").write_text(
                json.dumps({"claims": [{"id": "c", "text": claim, "source": "source.txt"}]}), encoding="utf-8"
            )
            report = Checker(CheckConfig(sources=[root / "src"], cache_dir=None, root=root)).check(
                [root / "claims.json"]
            )
            total[name] += 1
            result = report.claims[0]
            if result.verdict == "contradicted":
                flagged[name] += 1
                by_id = report.finding_by_id()
                for f in result.findings:
                    rules[by_id[f].rule] += 1
                    if show:
                        print(
                            f"- [{name}] {claim}\n    {by_id[f].rule}: {by_id[f].message}\n    | {by_id[f].evidence.text[:200]}"
                        )
    print("\n| set | claims | contradicted on crossed evidence |\n|---|---:|---:|")
    for name in SETS:
        print(f"| {name} | {total[name]} | {flagged[name]} ({100 * flagged[name] / max(total[name], 1):.1f}%) |")
    print(f"| **all** | {sum(total.values())} | {sum(flagged.values())} |\n\nby rule: {dict(rules.most_common())}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-claim", type=int, default=3, help="evidence sentences of other items per claim")
    ap.add_argument("--limit", type=int, default=600, help="claims per set")
    ap.add_argument("--show", action="store_true", help="print each false flag")
    args = ap.parse_args()
    run(args.per_claim, args.limit, args.show)


if __name__ == "__main__":
    main()
