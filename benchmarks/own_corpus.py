"""Our own labelled corpus of ordinary claims (tests/cases/corpus/{dev,dev2,...,dev6,test}), run
through the real pipeline.

Each file is one source document (six domains per split in dev, dev2 and test, eight in dev3 to
dev6) with claims that agree with a sentence, conflict with it on one typed fact, or are
traps about another event, period or entity. ``dev``, ``dev2`` and ``dev3`` are tuned on;
``dev4`` was written afterwards to measure material nobody tuned on, and ``dev5`` after dev4's
mechanisms and ``dev6`` after dev5's for the same reason; ``test`` is frozen and only reported.

    python -m benchmarks.own_corpus            # every split, a table per split
    python -m benchmarks.own_corpus --split test --show-errors
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "cases" / "corpus"
SPLITS = ["dev", "dev2", "dev3", "dev4", "dev5", "dev6", "test"]


@dataclass
class Outcome:
    split: str
    domain: str
    id: str
    text: str
    kind: str  # agree | conflict | trap
    fact: str
    expect: str
    got: str
    located: bool  # a contradicted claim's finding points into the source
    findings: list[str]  # "RULE: message" of each finding


def load(split: str) -> list[tuple[Path, dict]]:
    yaml = YAML(typ="safe")
    return [(p, yaml.load(p.read_text(encoding="utf-8"))) for p in sorted((CORPUS / split).glob("*.yaml"))]


def run_file(path: Path, data: dict, split: str) -> list[Outcome]:
    from checker.engine import CheckConfig, Checker

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sources").mkdir()
        source = root / "sources" / f"{path.stem}.md"
        date = data.get("document_date")
        front = f"---\ndate: {date}\n---\n\n" if date else ""
        source.write_text(front + data["source"], encoding="utf-8")
        claims = [{"id": c["id"], "text": c["text"], "source": source.name} for c in data["claims"]]
        claim_file = root / "claims.json"
        claim_file.write_text(
            json.dumps({"claims": claims, **({"document_date": str(date)} if date else {})}), encoding="utf-8"
        )
        report = Checker(CheckConfig(sources=[root / "sources"], cache_dir=None, root=root)).check([claim_file])
    by_id = {c.id: c for c in report.claims}
    findings = report.finding_by_id()
    out = []
    for c in data["claims"]:
        result = by_id[c["id"]]
        located = any(findings[f].evidence.path.endswith(source.name) for f in result.findings)
        out.append(
            Outcome(
                split,
                data["domain"],
                c["id"],
                c["text"],
                c["kind"],
                c["fact"],
                c["expect"],
                result.verdict,
                located,
                [f"{findings[f].rule}: {findings[f].message}" for f in result.findings],
            )
        )
    return out


def run_split(split: str) -> list[Outcome]:
    out: list[Outcome] = []
    for path, data in load(split):
        out += run_file(path, data, split)
    return out


def table(outcomes: list[Outcome]) -> str:
    rows = ["| kind | n | right | supported | contradicted | unverified |", "|---|---:|---:|---:|---:|---:|"]
    for kind in ("agree", "conflict", "trap"):
        sel = [o for o in outcomes if o.kind == kind]
        got = Counter(o.got for o in sel)
        rows.append(
            f"| {kind} | {len(sel)} | {sum(o.got == o.expect for o in sel)} | {got['supported']} | "
            f"{got['contradicted']} | {got['unverified']} |"
        )
    said_c = [o for o in outcomes if o.got == "contradicted"]
    said_s = [o for o in outcomes if o.got == "supported"]
    p_c = sum(o.expect == "contradicted" for o in said_c) / len(said_c) if said_c else float("nan")
    p_s = sum(o.expect == "supported" for o in said_s) / len(said_s) if said_s else float("nan")
    rows.append("")
    rows.append(
        f"precision of contradicted {p_c:.3f} ({len(said_c)} said); precision of supported {p_s:.3f} "
        f"({len(said_s)} said)"
    )
    facts = sorted({o.fact for o in outcomes})
    rows.append("")
    rows.append("| fact | n | right |")
    rows.append("|---|---:|---:|")
    for fact in facts:
        sel = [o for o in outcomes if o.fact == fact]
        rows.append(f"| {fact} | {len(sel)} | {sum(o.got == o.expect for o in sel)} |")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    for split in SPLITS if args.split == "all" else [args.split]:
        outcomes = run_split(split)
        print(f"\n## {split}: {len(outcomes)} claims, {sum(o.got == o.expect for o in outcomes)} right\n")
        print(table(outcomes))
        if args.show_errors:
            for o in outcomes:
                if o.got != o.expect:
                    print(f"- {o.id} [{o.fact}] expected {o.expect}, got {o.got}: {o.text}")
                    for f in o.findings:
                        print(f"    {f}")


if __name__ == "__main__":
    main()
