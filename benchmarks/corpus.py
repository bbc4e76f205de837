"""A realistic corpus of N English passages and 1k claims, built offline for the scale benchmark.

Real sentences come from the labelled sets and seeds in ``/work/shared`` (FEVER, Climate-FEVER,
WiCE, AVeriTeC, SummEdits, FRANK, VitaminC, Check-COVID, TempEval-3 news, the seeds), split
with a fast regex and deduplicated. They run out at a few hundred thousand; the rest are
synthetic lines that splice the start of one real sentence onto the end of another, so word
statistics stay English-like (the count is reported, never hidden). Nothing is written into the
repository: the corpus goes to ``benchmarks/out/`` (git-ignored) or a directory you name.

    python benchmarks/corpus.py --n 100000 --out benchmarks/out/corpus-100000
"""

from __future__ import annotations

import argparse
import ast
import gzip
import json
import random
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DATASETS = SHARED / "datasets"
SEED = 20261123

# A regex splitter: 60x faster than syntok (perf-anchors §3) and good enough to harvest
# sentences; the engine still re-splits the written files with its own splitter.
_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")
_TOKENISED = [
    (re.compile(r" ([,.;:!?%])"), r"\1"),
    (re.compile(r"-LRB- ?"), "("),
    (re.compile(r" ?-RRB-"), ")"),
    (re.compile(r" 's\b"), "'s"),
    (re.compile(r" n't\b"), "n't"),
    (re.compile(r"`` ?| ?''"), '"'),
    (re.compile(r"-LSB- ?| ?-RSB-"), ""),
]
_TAG = re.compile(r"<[^>]+>")
_YEAR = re.compile(r"\b(1[89]\d\d|20[0-4]\d)\b")
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])")
_MONTHS = ("January February March April May June July August September October November December").split()
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")
_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b")


@dataclass
class CorpusInfo:
    n: int
    real: int
    synthetic: int
    files: int
    bytes: int
    claims: int
    claims_with_number_change: int
    claims_with_date_change: int
    claims_with_word_dropped: int
    claims_with_name: int
    build_seconds: float


# --------------------------------------------------------------------------- harvesting


def _texts() -> Iterator[str]:
    """Raw prose from every dataset and seed (claims, evidence, documents, summaries)."""

    def jsonl(path: Path):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)

    def listish(value) -> list:
        if isinstance(value, list):
            return value
        try:
            out = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return [value]
        return out if isinstance(out, list) else [out]

    seeds = SHARED / "seeds"
    for p in sorted(seeds.glob("*.txt")):
        yield p.read_text(encoding="utf-8")
    d = DATASETS
    for row in json.loads((d / "averitec/dev.json").read_text(encoding="utf-8")):
        yield row["claim"]
        yield row.get("justification") or ""
        for q in listish(row.get("questions") or "[]"):
            if isinstance(q, dict):
                for a in q.get("answers", []):
                    yield a.get("answer") or ""
    for row in jsonl(d / "check_covid/corpus.json"):
        yield row.get("title") or ""
        yield from row.get("abstract") or []
    for row in jsonl(d / "climate_fever/climate-fever.jsonl"):
        yield row["claim"]
        for ev in listish(row["evidences"]):
            if isinstance(ev, dict):
                yield ev.get("evidence") or ""
    for name in (
        "fever_symmetric_v0.2_dev.jsonl",
        "fever_symmetric_v0.2_test.jsonl",
        "fever_symmetric_v0.1_generated.jsonl",
    ):
        for row in jsonl(d / "fever_symmetric" / name):
            yield row.get("claim") or ""
            yield row.get("evidence") or row.get("evidence_sentence") or ""
    for row in jsonl(d / "frank/articles.jsonl"):
        yield row["article"]
    for row in jsonl(d / "frank/summaries_with_error_types.jsonl"):
        yield row.get("reference_summary") or ""
    for name in ("summedits_news.json", "summedits_ectsum.json"):
        docs = set()
        for row in json.loads((d / "summedits" / name).read_text(encoding="utf-8")):
            docs.add(row["doc"])
            yield row["summary"]
        yield from sorted(docs)
    for name in ("vitaminc_train_sample.jsonl", "vitaminc_validation_sample100.jsonl"):
        for row in jsonl(d / "vitaminc_sample" / name):
            yield row["claim"]
            yield row["evidence"]
    for name in ("entailment_retrieval_claim_test.jsonl", "oracle_chunks_claim_test.jsonl.gz"):
        for row in jsonl(d / "wice" / name):
            yield row["claim"]
            yield from (x for x in listish(row["evidence"]) if isinstance(x, str))
    for p in sorted((d / "tempeval3_timeml").rglob("*.tml")):
        raw = p.read_text(encoding="utf-8", errors="replace")
        m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        yield _TAG.sub("", m.group(1) if m else raw)


def _clean(text: str) -> str:
    for pattern, repl in _TOKENISED:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


def _good(sentence: str) -> bool:
    words = sentence.split()
    if not 6 <= len(words) <= 80 or sentence.startswith(("(meta data)", "#", "*", "|")):
        return False
    letters = sum(c.isalpha() for c in sentence)
    return letters >= 0.7 * len(sentence) and sentence[0].isupper() and sentence[-1] in ".!?\"'"


def real_sentences() -> list[str]:
    """Unique real sentences (6-80 words, mostly letters), in a stable order."""
    if not DATASETS.is_dir():
        raise SystemExit(f"the shared datasets are not at {DATASETS}")
    seen: dict[str, None] = {}
    for text in _texts():
        for paragraph in str(text).split("\n"):
            for s in _SPLIT.split(_clean(paragraph)):
                s = s.strip()
                if s not in seen and _good(s):
                    seen[s] = None
    return list(seen)


def synthetic(real: list[str], k: int, rng: random.Random, taken: set[str]) -> list[str]:
    """``k`` new lines, each the first part of one real sentence + the last part of another."""
    out: list[str] = []
    split = [s.split() for s in real]
    while len(out) < k:
        a, b = rng.choice(split), rng.choice(split)
        cut_a = rng.randint(3, max(3, len(a) - 2))
        cut_b = rng.randint(1, max(1, len(b) - 3))
        line = " ".join(a[:cut_a] + b[cut_b:])
        if line not in taken and 6 <= len(line.split()) <= 80:
            taken.add(line)
            out.append(line)
    return out


# --------------------------------------------------------------------------- claims


def _perturb(sentence: str, rng: random.Random) -> tuple[str, str]:
    """A claim-like variant of ``sentence`` and what was changed (number, date or word)."""
    years = list(_YEAR.finditer(sentence))
    if years and rng.random() < 0.7:
        m = rng.choice(years)
        year = int(m.group()) + rng.choice([-3, -2, -1, 1, 2, 5])
        return sentence[: m.start()] + str(year) + sentence[m.end() :], "date"
    months = list(_MONTH.finditer(sentence))
    if months and rng.random() < 0.5:
        m = rng.choice(months)
        other = rng.choice([x for x in _MONTHS if x != m.group()])
        return sentence[: m.start()] + other + sentence[m.end() :], "date"
    numbers = [m for m in _NUMBER.finditer(sentence) if not _YEAR.fullmatch(m.group())]
    if numbers:
        m = rng.choice(numbers)
        digits = m.group().replace(",", "")
        value = float(digits) if "." in digits else int(digits)
        new = value * rng.choice([2, 3]) if value else 7
        text = f"{new:,}" if "," in m.group() else (f"{new:.1f}" if isinstance(new, float) else str(new))
        return sentence[: m.start()] + text + sentence[m.end() :], "number"
    words = sentence.split()
    drop = rng.randrange(1, len(words) - 1)
    return " ".join(words[:drop] + words[drop + 1 :]), "word"


def make_claims(real: list[str], n: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """(claim text, original sentence, change) for ``n`` claims; ~60% carry a date, number or name."""
    factual = [s for s in real if _YEAR.search(s) or _MONTH.search(s) or _NUMBER.search(s)]
    named = [s for s in real if _NAME.search(s) and s not in factual]
    plain = real
    out: list[tuple[str, str, str]] = []
    picked: set[str] = set()
    while len(out) < n:
        r = rng.random()
        pool = factual if r < 0.45 else named if r < 0.7 else plain
        s = rng.choice(pool)
        if s in picked or len(s.split()) > 40:
            continue
        picked.add(s)
        text, change = _perturb(s, rng)
        out.append((text, s, change))
    return out


# --------------------------------------------------------------------------- writing


def _yaml_str(s: str) -> str:
    """A YAML double-quoted scalar (JSON's syntax is valid there); characters YAML forbids raw,
    such as the C1 controls some scraped datasets carry, are escaped."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in json.dumps(s, ensure_ascii=False))


def write_claims_yaml(out: Path) -> None:
    """``claims.yaml`` from ``claims.jsonl``: the claim file the engine checks."""
    with open(out / "claims.jsonl", encoding="utf-8") as f:
        claims = [json.loads(line) for line in f]
    with open(out / "claims.yaml", "w", encoding="utf-8") as f:
        f.write(f"# {len(claims)} claims: corpus sentences with a date, a number or a word changed\nclaims:\n")
        for c in claims:
            f.write(f"  - id: {c['id']}\n    text: {_yaml_str(c['text'])}\n    tags: [{c['change']}]\n")


def build(n: int, out: Path, *, n_claims: int = 1000, per_file: int = 1000, seed: int = SEED) -> CorpusInfo:
    """Write ``sources/*.md`` (``per_file`` passages each, ~4 sentences per paragraph),
    ``claims.yaml``, ``claims.jsonl`` (each claim with the row it was made from, for recall),
    ``passages.tsv`` (path, index, text: rows for the pure index build) and ``corpus.json``. Reuses an existing build with the same parameters."""
    params = {"version": 2, "n": n, "n_claims": n_claims, "per_file": per_file, "seed": seed}
    manifest = out / "corpus.json"
    if manifest.exists():
        data = json.loads(manifest.read_text())
        if data.get("params") == params:
            write_claims_yaml(out)
            return CorpusInfo(**data["info"])
    t0 = time.perf_counter()
    rng = random.Random(seed)
    real = real_sentences()
    rng.shuffle(real)
    chosen = real[:n]
    n_real = len(chosen)
    extra = synthetic(real, n - n_real, rng, set(real)) if n > n_real else []
    lines = chosen + extra
    rng.shuffle(lines)
    claims = make_claims(chosen, n_claims, rng)

    src = out / "sources"
    src.mkdir(parents=True, exist_ok=True)
    for old in src.glob("*.md"):
        old.unlink()
    total_bytes = 0
    with open(out / "passages.tsv", "w", encoding="utf-8") as rows:
        for f, start in enumerate(range(0, n, per_file)):
            chunk = lines[start : start + per_file]
            name = f"item-{f:05d}.md"
            year, month, day = 1995 + f % 30, 1 + f % 12, 1 + f % 28
            parts = [f"---\ntitle: Archive item {f}\ndate: {year}-{month:02d}-{day:02d}\n---\n"]
            for p in range(0, len(chunk), 4):
                parts.append(" ".join(chunk[p : p + 4]) + "\n")
            (src / name).write_text("\n".join(parts), encoding="utf-8")
            for i, line in enumerate(chunk):
                rows.write(f"{name}\t{i}\t{line}\n")
                total_bytes += len(line.encode("utf-8")) + 1
    where = {orig: None for _, orig, _ in claims}
    for i, line in enumerate(lines):
        if line in where:
            where[line] = (f"item-{i // per_file:05d}.md", i % per_file)
    with open(out / "claims.jsonl", "w", encoding="utf-8") as f:
        for k, (text, orig, change) in enumerate(claims):
            path, idx = where[orig]
            f.write(
                json.dumps(
                    {"id": f"c{k:04d}", "text": text, "change": change, "source_path": path, "source_idx": idx},
                    ensure_ascii=False,
                )
                + "\n"
            )
    write_claims_yaml(out)
    info = CorpusInfo(
        n=n,
        real=n_real,
        synthetic=len(extra),
        files=-(-n // per_file),
        bytes=total_bytes,
        claims=len(claims),
        claims_with_number_change=sum(c == "number" for _, _, c in claims),
        claims_with_date_change=sum(c == "date" for _, _, c in claims),
        claims_with_word_dropped=sum(c == "word" for _, _, c in claims),
        claims_with_name=sum(bool(_NAME.search(t)) for t, _, _ in claims),
        build_seconds=round(time.perf_counter() - t0, 2),
    )
    manifest.write_text(json.dumps({"params": params, "info": asdict(info)}, indent=2))
    return info


def read_rows(out: Path) -> Iterator[tuple[str, int, str]]:
    """The (path, index, text) rows written by :func:`build`."""
    with open(out / "passages.tsv", encoding="utf-8") as f:
        for line in f:
            path, idx, text = line.rstrip("\n").split("\t", 2)
            yield path, int(idx), text


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--claims", type=int, default=1000)
    args = ap.parse_args(argv)
    out = args.out or Path(__file__).resolve().parent / "out" / f"corpus-{args.n}"
    info = build(args.n, out, n_claims=args.claims)
    json.dump(asdict(info), sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
