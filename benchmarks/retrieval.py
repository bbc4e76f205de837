"""Retrieval engines on the scale corpus: SQLite FTS5 (the index claimcheck uses) against tantivy.

For each N, on ``benchmarks/out/corpus-<N>/`` (``benchmarks/corpus.py``): build time of each
index from the same (path, idx, text) rows, then top-20 queries for the 1,000 claims, queries
per second and recall@20 of the sentence each claim was made from. Query strategies:

* ``fts5 rare5``  -- ``PassageIndex.search`` as the engine runs it (OR of the 5 rarest terms);
* ``tantivy all`` -- OR of every content word (``query_terms``), BM25 with tantivy's top-k pruning;
* ``tantivy rare5`` -- the same 5 rarest terms as FTS5 (document frequencies from tantivy).

tantivy (``pip install tantivy``) is measured only if it is installed; it is not a dependency.

    python benchmarks/retrieval.py --n 10000 100000 --runs 3
    python benchmarks/retrieval.py --parity    # would tantivy change reports? (demo, multi-source case)

Medians over runs; a Markdown table on stdout, JSON in benchmarks/out/retrieval.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from corpus import build as build_corpus  # noqa: E402
from corpus import read_rows  # noqa: E402

from checker.match.index import RARE_TERMS, PassageIndex, query_terms  # noqa: E402


def _claims(d: Path) -> list[dict]:
    with open(d / "claims.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


class TantivyIndex:
    """The benchmark's tantivy index: body tokenised with English stemming, row number stored."""

    def __init__(self, rows: list[tuple[str, int, str]], folder: Path):
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("body", stored=False, tokenizer_name="en_stem")
        builder.add_unsigned_field("row", stored=True, indexed=False)
        self.index = tantivy.Index(builder.build(), path=str(folder))
        writer = self.index.writer(heap_size=256_000_000, num_threads=1)
        for i, (_, _, text) in enumerate(rows):
            writer.add_document(tantivy.Document(body=text, row=i))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()
        self.keys = [(p, i) for p, i, _ in rows]
        self._df: dict[str, int] = {}

    def search(self, text: str, limit: int = 20, rare: int | None = None) -> list[tuple[str, int]]:
        terms = query_terms(text)
        if rare and len(terms) > rare:
            present = [t for t in terms if self._doc_freq(t) > 0]
            terms = sorted(present, key=self._doc_freq)[:rare]
        if not terms:
            return []
        query = self.index.parse_query(" ".join(terms), ["body"])
        hits = self.searcher.search(query, limit).hits
        return [self.keys[self.searcher.doc(addr)["row"][0]] for _, addr in hits]

    def _doc_freq(self, term: str) -> int:
        df = self._df.get(term)
        if df is None:
            df = self._df[term] = self.searcher.search(self.index.parse_query(term, ["body"]), 1).count
        return df


def measure(n: int, runs: int) -> dict:
    d = HERE / "out" / f"corpus-{n}"
    build_corpus(n, d)
    rows = list(read_rows(d))
    claims = _claims(d)
    want = [(c["source_path"], c["source_idx"]) for c in claims]
    tmp = Path(tempfile.mkdtemp(prefix="retrieval-", dir=d))
    out: dict = {"passages": len(rows)}
    try:
        engines = {}
        builds: dict[str, list[float]] = {"fts5": [], "tantivy": []}
        for r in range(runs):
            db = tmp / f"fts-{r}.sqlite"
            t = time.perf_counter()
            PassageIndex.from_rows(rows, str(db)).close()
            builds["fts5"].append(time.perf_counter() - t)
        fts = PassageIndex(str(db))
        engines["fts5 rare5"] = lambda text: [(p, i) for p, i, _ in fts.search(text, 20)]
        try:
            import tantivy  # noqa: F401

            for r in range(runs):
                folder = tmp / f"tantivy-{r}"
                folder.mkdir()
                t = time.perf_counter()
                tv = TantivyIndex(rows, folder)
                builds["tantivy"].append(time.perf_counter() - t)
            engines["tantivy all"] = lambda text: tv.search(text, 20)
            engines["tantivy rare5"] = lambda text: tv.search(text, 20, RARE_TERMS)
        except ImportError:
            print("tantivy is not installed: measuring FTS5 only", file=sys.stderr)
        out["build_s"] = {k: statistics.median(v) for k, v in builds.items() if v}
        out["queries"] = {}
        for name, search in engines.items():
            rates, recall = [], None
            for _ in range(runs):
                t = time.perf_counter()
                found = sum(key in search(c["text"]) for c, key in zip(claims, want))
                rates.append(len(claims) / (time.perf_counter() - t))
                recall = found / len(claims)
            out["queries"][name] = {"qps": statistics.median(rates), "recall_at_20": recall}
        fts.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def parity() -> None:
    """Would tantivy change reports? The demo and the multi-source case of
    tests/test_corpus_store.py checked with FTS5, then with the index's search answered by
    tantivy (same query words, OR of all of them); verdict and evidence differences printed."""
    import tantivy

    sys.path.insert(0, str(HERE.parent / "tests"))
    from test_corpus_store import _multi_source

    from checker.engine import CheckConfig, check

    build, search = PassageIndex.__dict__["build"], PassageIndex.__dict__["search"]
    scratch = Path(tempfile.mkdtemp(prefix="parity-"))

    def tantivy_build(cls, documents, cache_dir, **options):
        index = build.__func__(cls, documents, cache_dir, **options)
        index.tv = TantivyIndex(
            [(d.path, p.index, p.text) for d in documents for p in d.passages], Path(tempfile.mkdtemp(dir=scratch))
        )
        return index

    def tantivy_search(self, text, limit=20):
        return [(path, i, 0.0) for path, i in self.tv.search(text, limit)]

    assert tantivy
    for name in ("demo", "multi-source"):
        tmp = Path(tempfile.mkdtemp(dir=scratch))
        if name == "demo":
            for folder in ("claims", "sources"):
                shutil.copytree(HERE.parent / folder, tmp / folder)
            paths, sources = [tmp / "claims"], [tmp / "sources"]
        else:
            _multi_source(tmp)
            paths, sources = [tmp / "c.json", tmp / "draft.md"], [tmp / "src"]
        reports = []
        for engine in ("fts5", "tantivy"):
            if engine == "tantivy":
                PassageIndex.build, PassageIndex.search = classmethod(tantivy_build), tantivy_search
            try:
                cfg = CheckConfig(sources=sources, cache_dir=None, root=tmp)
                reports.append(json.loads(check(paths, cfg).model_dump_json()))
            finally:
                PassageIndex.build, PassageIndex.search = build, search
        a, b = reports
        verdicts = [
            (x["id"], x["verdict"], y["verdict"])
            for x, y in zip(a["claims"], b["claims"])
            if x["verdict"] != y["verdict"]
        ]
        evidence = sum(x["evidence"] != y["evidence"] for x, y in zip(a["claims"], b["claims"]))
        print(
            f"{name}: {len(a['claims'])} claims; report identical: {a == b}; claims with other evidence: "
            f"{evidence}; verdicts changed (fts5 -> tantivy): {verdicts or 'none'}"
        )
    shutil.rmtree(scratch, ignore_errors=True)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--parity", action="store_true", help="only: would tantivy change the reports?")
    args = ap.parse_args(argv)
    if args.parity:
        parity()
        return
    results = {n: measure(n, args.runs) for n in args.n}
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "retrieval.json").write_text(json.dumps(results, indent=2))
    names = sorted({q for r in results.values() for q in r["queries"]})
    print("| N | " + " | ".join(f"{q}: q/s (recall@20)" for q in names) + " | build s: fts5 / tantivy |")
    print("|---|" + "---:|" * (len(names) + 1))
    for n, r in results.items():
        cells = [
            f"{r['queries'][q]['qps']:,.0f} ({r['queries'][q]['recall_at_20']:.3f})" if q in r["queries"] else "–"
            for q in names
        ]
        b = r["build_s"]
        print(f"| {n:,} | " + " | ".join(cells) + f" | {b.get('fts5', 0):.2f} / {b.get('tantivy', float('nan')):.2f} |")


if __name__ == "__main__":
    main()
