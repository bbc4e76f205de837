"""Every statement the reader makes of a large, varied set of sentences, as JSON lines: the
check that a speed-up of ``checker.extract.statements`` changes no reading.

Sentences: our own corpus (``tests/cases/corpus/dev*`` sources and claims, the rule cases),
the seed documents, and dev/train parts of public sets in ``../shared/datasets`` (FEVER-
Symmetric dev, VitaminC train sample, SummEdits evaluation sources, AVeriTeC dev claims and
justifications, Check-COVID dev claims). Test parts are never read. Each line holds a
sentence, its statement and clause statements (as ``Extractor.extract`` builds them, with the
sentence's offset in its document) and the word readers the match layer asks of it.

    python -m benchmarks.statement_dump --out /tmp/before.jsonl     # prints count and digest
    python -m benchmarks.statement_dump --out /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"
SHARED = ROOT.parent / "shared"
DATASETS = SHARED / "datasets"

# a group is (name, [(text, offset)]): one extractor per group, its people learnt from the group
Group = tuple[str, list[tuple[str, int]]]


def _split(text: str) -> list[tuple[str, int]]:
    from checker.ingest.text import split_sentences

    out = []
    for a, b in split_sentences(text, 0, len(text)):
        s = text[a:b]
        if s.strip():
            out.append((s, a))
    return out


def own_groups() -> list[Group]:
    """Our own sentences: the dev corpora (each source split as the checker splits it, and
    its claims) and every claim and evidence text of the rule cases."""
    yaml = YAML(typ="safe")
    groups: list[Group] = []
    for split in sorted(p.name for p in (CASES / "corpus").iterdir() if p.name.startswith("dev")):
        for path in sorted((CASES / "corpus" / split).glob("*.yaml")):
            data = yaml.load(path.read_text(encoding="utf-8"))
            items = _split(data["source"]) + [(c["text"], 0) for c in data["claims"]]
            groups.append((f"{split}/{path.stem}", items))
    for path in sorted((CASES / "rules").glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"))
        items = []
        for case in data.get("cases", []):
            for key in ("claim", "evidence"):
                if isinstance(case.get(key), str):
                    items.append((case[key], 0))
        groups.append((f"rules/{path.stem}", items))
    return groups


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def shared_groups(limit: int) -> list[Group]:
    """Seed documents and up to ``limit`` sentences of each public set's dev/train part."""
    groups: list[Group] = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        groups.append((f"seeds/{path.stem}", _split(path.read_text(encoding="utf-8"))))

    def take(name: str, texts: Iterator[str]) -> None:
        items: list[tuple[str, int]] = []
        for text in texts:
            items += _split(text) if len(text) > 300 else [(text, 0)]
            if len(items) >= limit:
                break
        groups.append((name, items[:limit]))

    fever = DATASETS / "fever_symmetric" / "fever_symmetric_v0.2_dev.jsonl"
    if fever.exists():
        take("fever_symmetric_dev", (t for r in _jsonl(fever) for t in (r["claim"], r["evidence"])))
    vitc = DATASETS / "vitaminc_sample" / "vitaminc_train_sample.jsonl"
    if vitc.exists():
        take("vitaminc_train", (t for r in _jsonl(vitc) for t in (r["claim"], r["evidence"])))
    for name in ("summedits_news", "summedits_ectsum"):
        path = DATASETS / "summedits" / f"{name}.json"
        if path.exists():
            items = json.loads(path.read_text(encoding="utf-8"))
            docs = dict.fromkeys(x["doc"] for x in items if x["split"] != "test")
            summaries = dict.fromkeys(x["summary"] for x in items if x["split"] != "test")
            take(f"{name}_evaluation", iter([*docs, *summaries]))
    averitec = DATASETS / "averitec" / "dev.json"
    if averitec.exists():
        rows = json.loads(averitec.read_text(encoding="utf-8"))
        take("averitec_dev", (t for r in rows for t in (r["claim"], r.get("justification") or "") if t))
    covid = DATASETS / "check_covid" / "covidCheck_dev_extracted.json"
    if covid.exists():
        take("check_covid_dev", (r["claim"] for r in _jsonl(covid)))
    return groups


def readings(groups: list[Group]) -> Iterator[tuple[str, str, str]]:
    """(group, sentence, JSON line) per sentence: what the reader makes of it."""
    from checker.extract import Extractor
    from checker.extract.statements import content_words, negation_count, word_forms

    for name, items in groups:
        extractor = Extractor()
        for text, _ in items:
            extractor.registry.learn(text)
        for text, offset in items:
            facts = extractor.extract(text, offset=offset)
            row = {
                "group": name,
                "text": text,
                "offset": offset,
                "statement": facts.statement.model_dump(mode="json") if facts.statement else None,
                "clauses": [c.model_dump(mode="json") for c in facts.clauses],
                "forms": sorted(word_forms(text)),
                "content": content_words(text, []),
                "negations": negation_count(text),
            }
            yield name, text, json.dumps(row, ensure_ascii=False, sort_keys=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True, help="the JSON lines file to write")
    ap.add_argument("--per-set", type=int, default=1500, help="sentences of each public set (default 1500)")
    ap.add_argument("--own-only", action="store_true", help="only our own sentences (tests/cases)")
    args = ap.parse_args()
    groups = own_groups() + ([] if args.own_only or not SHARED.exists() else shared_groups(args.per_set))
    digest = hashlib.sha256()
    n = 0
    with args.out.open("w", encoding="utf-8", newline="\n") as f:
        for _, _, line in readings(groups):
            f.write(line + "\n")
            digest.update(line.encode("utf-8") + b"\n")
            n += 1
    print(f"{n} sentences in {len(groups)} groups, sha256 {digest.hexdigest()}")


if __name__ == "__main__":
    main()
