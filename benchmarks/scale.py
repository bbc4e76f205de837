"""Scale benchmark: passage index build, query throughput, fact extraction and the end-to-end check.

For each N (passages), on a corpus from ``benchmarks/corpus.py``, every phase runs in a fresh
subprocess so its peak RSS (``ru_maxrss``) is its own:

* ``index``   -- ``PassageIndex.from_rows`` over (path, idx, text) rows: build MB/s, on-disk size;
  then ``search(claim, 20)`` queries/s and recall@20 of the sentence each claim was made from, for
  the OR-of-all-content-words query and the rarest-5-terms query.
* ``load``    -- the full path: ``load_document`` on every source file (read, section and
  syntok sentence splitting -> ``Document``) + ``PassageIndex.build`` into an empty cache.
  The last run leaves its index in ``<corpus>/cache`` so ``check`` starts warm.
* ``extract`` -- ``Extractor.extract`` per passage, with the entity registry first taught every
  passage as the engine does: passages extracted per second at that registry size.
* ``check``   -- the real ``checker.engine.check`` on ``claims.yaml`` against ``sources/`` with a
  warm index cache. Stage times, and the time spent extracting source passages and searching
  the index wherever the engine does it, come from wrapping (not changing) the engine's calls.
  A time budget stops it cleanly; a stopped run reports the rates of the prefix it reached.
* ``store``   -- the corpus store: one ``check`` with an empty cache folder (cold: every source
  file parsed, the registry's corpus pass learnt, the index built, all stored), then ``--runs``
  warm checks on that folder; the report digests must match. Each check counts the source
  passages it extracted and those whose facts it decoded from the store (and the time), and
  the time to write facts back. Also per passage: extracting its facts against decoding them
  from JSON.
* ``jobs``    -- ``check`` with one process and with ``--jobs`` processes (default 2), alternated
  in one child on the warm cache, so both see the same machine load: median wall times, their
  ratio end to end and after the index is open (the part that runs in the pool), and whether
  the reports are identical.
* ``profile`` -- cProfile of one ``check`` (top functions in ``out/profile-<N>.txt``).

    python benchmarks/scale.py --n 10000 100000 1000000 --runs 3

Medians over runs; a Markdown table on stdout and JSON in benchmarks/out/scale.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))


class Budget(Exception):
    """Raised from a progress hook when a phase's time budget is spent."""


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def _claims(d: Path) -> list[dict]:
    with open(d / "claims.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


# --------------------------------------------------------------------------- phases (children)


def phase_index(d: Path, runs: int, query_budget: float) -> dict:
    from corpus import read_rows

    from checker.match.index import PassageIndex

    rows = list(read_rows(d))
    mb = sum(len(t.encode("utf-8")) + 1 for _, _, t in rows) / 1e6
    tmp = Path(tempfile.mkdtemp(prefix="scale-idx-", dir=d))
    builds = []
    try:
        for r in range(runs):
            db = tmp / f"r{r}.sqlite"
            t = time.perf_counter()
            PassageIndex.from_rows(rows, str(db)).close()
            builds.append(time.perf_counter() - t)
            if r < runs - 1:
                db.unlink()
        disk = db.stat().st_size / 1e6
        claims = _claims(d)
        queries = {}
        for name, k in (("all", None), ("rare5", 5)):
            rates, recall, n_done = [], None, []
            for _ in range(runs):
                index = PassageIndex(str(db), rare_terms=k)  # fresh: document-frequency memo cold
                for c in claims[:10]:
                    index.search(c["text"], 20)  # page cache warm-up; memo of these terms only
                index = PassageIndex(str(db), rare_terms=k)
                hits = found = 0
                t = time.perf_counter()
                for c in claims:
                    res = index.search(c["text"], 20)
                    hits += 1
                    found += (c["source_path"], c["source_idx"]) in {(p, i) for p, i, _ in res}
                    if time.perf_counter() - t > query_budget and hits >= 50:
                        break
                rates.append(hits / (time.perf_counter() - t))
                n_done.append(hits)
                recall = found / hits
                index.close()
            queries[name] = {"qps": _med(rates), "qps_runs": rates, "queries_per_run": n_done, "recall_at_20": recall}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {
        "passages": len(rows),
        "corpus_mb": mb,
        "build_s": builds,
        "build_s_median": _med(builds),
        "build_mb_s": mb / _med(builds),
        "build_passages_s": len(rows) / _med(builds),
        "index_disk_mb": disk,
        "queries": queries,
        "peak_rss_mb": peak_mb(),
    }


def phase_load(d: Path, runs: int) -> dict:
    from checker.engine import discover, display_name
    from checker.ingest import DOCUMENT_SUFFIXES, load_document
    from checker.match.index import PassageIndex

    files = discover([d / "sources"], DOCUMENT_SUFFIXES)
    mb = sum(p.stat().st_size for p in files) / 1e6
    loads, indexes, passages = [], [], 0
    for r in range(runs):
        cache = d / "cache" if r == runs - 1 else Path(tempfile.mkdtemp(prefix="scale-load-", dir=d))
        shutil.rmtree(cache, ignore_errors=True)
        t = time.perf_counter()
        docs = [load_document(p, display_name(p, d)) for p in files]
        t1 = time.perf_counter()
        PassageIndex.build(docs, cache).close()
        t2 = time.perf_counter()
        loads.append(t1 - t)
        indexes.append(t2 - t1)
        passages = sum(len(doc.passages) for doc in docs)
        del docs
        if r < runs - 1:
            shutil.rmtree(cache, ignore_errors=True)
    total = [a + b for a, b in zip(loads, indexes)]
    return {
        "files": len(files),
        "file_mb": mb,
        "passages": passages,
        "load_s": _med(loads),
        "index_s": _med(indexes),
        "total_s": _med(total),
        "total_s_runs": total,
        "load_mb_s": mb / _med(loads),
        "total_mb_s": mb / _med(total),
        "load_passages_s": passages / _med(loads),
        "peak_rss_mb": peak_mb(),
    }


def phase_extract(d: Path, runs: int, budget: float) -> dict:
    from corpus import read_rows

    from checker.extract import Extractor
    from checker.extract.entities import EntityRegistry

    rows = [t for _, _, t in read_rows(d)]
    claims = [c["text"] for c in _claims(d)]
    t = time.perf_counter()
    registry = EntityRegistry()
    for text in rows + claims:
        registry.learn(text)
    registry._finalize()  # the engine pays this on the first find(); timed here on its own
    learn_s = time.perf_counter() - t
    ex = Extractor(registry)
    rates, done = [], []
    for _ in range(runs):
        t = time.perf_counter()
        k = 0
        for text in rows:
            ex.extract(text)
            k += 1
            if k % 100 == 0 and time.perf_counter() - t > budget:
                break
        rates.append(k / (time.perf_counter() - t))
        done.append(k)
    return {
        "passages": len(rows),
        "people_known": len(registry.people),
        "learn_finalize_s": learn_s,
        "extract_passages_s": _med(rates),
        "extract_runs": rates,
        "extracted_per_run": done,
        "prefix_only": min(done) < len(rows),
        "peak_rss_mb": peak_mb(),
    }


def phase_store(d: Path, runs: int, budget: float) -> dict:
    """The corpus store cold (an empty cache folder: parse, learn, index, store) then warm."""
    cache = Path(tempfile.mkdtemp(prefix="scale-store-", dir=d))
    try:
        cold = phase_check(d, 1, budget, cache=cache)
        store_mb = (cache / "corpus-store.sqlite").stat().st_size / 1e6
        warm = phase_check(d, runs, budget, cache=cache)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return {
        "cold": cold,
        "warm": warm,
        "store_mb": store_mb,
        "facts": _facts_stored_vs_extracted(d),
        "same_report": cold.get("report_sha") == warm.get("report_sha"),
        "peak_rss_mb": peak_mb(),
    }


def _facts_stored_vs_extracted(d: Path, n: int = 500) -> dict:
    """Per passage: extracting its facts against decoding them from JSON (what a stored row saves)."""
    from corpus import read_rows

    from checker.extract import Extractor
    from checker.extract.entities import EntityRegistry
    from checker.models import Facts

    rows = [t for _, _, t in read_rows(d)][:n]
    registry = EntityRegistry()
    for text in rows:
        registry.learn(text)
    ex = Extractor(registry)
    ex.extract(rows[0])  # the registry's first pass, not counted
    t = time.perf_counter()
    facts = [ex.extract(text, offset=0) for text in rows]
    extract_s = time.perf_counter() - t
    blobs = [f.model_dump_json() for f in facts]
    t = time.perf_counter()
    for b in blobs:
        Facts.model_validate_json(b)
    decode_s = time.perf_counter() - t
    return {
        "passages": len(rows),
        "extract_ms": 1000 * extract_s / len(rows),
        "decode_ms": 1000 * decode_s / len(rows),
        "json_bytes": sum(map(len, blobs)) / len(rows),
    }


def phase_check(d: Path, runs: int, budget: float, cache: Path | None = None) -> dict:
    import checker.engine as engine
    from checker.engine.corpus import Corpus
    from checker.engine.pairs import Pairer
    from checker.engine.stored_facts import StoredFacts
    from checker.extract import Extractor
    from checker.extract.entities import EntityRegistry
    from checker.match.index import PassageIndex

    original_extract, original_learn = Extractor.extract, EntityRegistry.learn
    original_get, original_save_facts = StoredFacts.get, Corpus.save_facts
    original_build, original_pairs = PassageIndex.build, Pairer.pairs
    original_search = PassageIndex.search
    marks: dict[str, float] = {}
    zero = {"extract": 0, "extract_s": 0.0, "search": 0, "search_s": 0.0, "claims": 0, "pairs_calls": 0}
    zero.update(stored=0, stored_s=0.0, save_facts_s=0.0)
    counts = dict(zero)
    state = {"t0": 0.0}

    def over():
        if time.perf_counter() - state["t0"] > budget:
            raise Budget

    def learn(self, text):
        marks.setdefault("learn", time.perf_counter())
        return original_learn(self, text)

    def extract(self, text, **kw):
        if "offset" not in kw:  # a claim
            return original_extract(self, text, **kw)
        t = time.perf_counter()  # a source passage, whenever the engine asks for it
        try:
            return original_extract(self, text, **kw)
        finally:
            counts["extract_s"] += time.perf_counter() - t
            counts["extract"] += 1
            if counts["extract"] % 200 == 0:
                over()

    def get(self, key):  # a source passage's facts asked of the store (decoded, or None: extracted)
        t = time.perf_counter()
        try:
            found = original_get(self, key)
        finally:
            counts["stored_s"] += time.perf_counter() - t
        counts["stored"] += found is not None
        return found

    def save_facts(self, stored):
        t = time.perf_counter()
        try:
            return original_save_facts(self, stored)
        finally:
            counts["save_facts_s"] += time.perf_counter() - t

    def search(self, text, limit=20):
        t = time.perf_counter()
        try:
            return original_search(self, text, limit)
        finally:
            counts["search_s"] += time.perf_counter() - t
            counts["search"] += 1

    def build(cls, documents, cache_dir, **options):
        marks.setdefault("index", time.perf_counter())
        out = original_build.__func__(cls, documents, cache_dir, **options)
        marks.setdefault("index_done", time.perf_counter())
        return out

    def pairs(self, item, position):
        marks.setdefault("claims", time.perf_counter())
        counts["pairs_calls"] += 1  # the engine may pair an input more than once: not a claim count
        if counts["pairs_calls"] % 20 == 0:
            over()
        yield from original_pairs(self, item, position)

    def progress(stage, done, total):
        if stage == "checking claims":
            counts["claims"] = done  # inputs fully checked so far (reported every 50)

    original_methods = (
        Extractor.extract,
        EntityRegistry.learn,
        PassageIndex.search,
        PassageIndex.__dict__["build"],
        Pairer.pairs,
    )
    Extractor.extract, EntityRegistry.learn, PassageIndex.search = extract, learn, search
    PassageIndex.build, Pairer.pairs = classmethod(build), pairs
    cfg = engine.CheckConfig(sources=[d / "sources"], cache_dir=cache or d / "cache", root=d)
    original_close = Corpus.close_store
    stored = {}

    def close_store(self):  # how many source files were parsed, how many came from the store
        if self.store is not None:
            stored.update(parsed=self.store.parsed, reused=self.store.reused)
        original_close(self)

    Corpus.close_store = close_store
    StoredFacts.get, Corpus.save_facts = get, save_facts
    results = []
    for _ in range(runs):
        marks.clear()
        counts.update(zero)
        state["t0"] = t0 = time.perf_counter()
        finished, report = True, None
        try:
            report = engine.check([d / "claims.yaml"], cfg, progress)
        except Budget:
            finished = False
        end = time.perf_counter()
        if finished:
            counts["claims"] = report.summary.claims
        m = {k: v - t0 for k, v in marks.items()}
        row = {
            "finished": finished,
            "wall_s": end - t0,
            "load_s": m.get("learn"),
            "learn_s": m["index"] - m["learn"] if "index" in m and "learn" in m else None,
            "index_open_s": m["index_done"] - m["index"] if "index_done" in m else None,
            "claims_s": end - t0 - m["claims"] if "claims" in m else None,
            "claims_done": counts["claims"],
            "passages_extracted": counts["extract"],
            "extract_s": counts["extract_s"],
            "passages_from_store": counts["stored"],
            "store_facts_s": counts["stored_s"],
            "save_facts_s": counts["save_facts_s"],
            "searches": counts["search"],
            "search_s": counts["search_s"],
            "files_parsed": stored.get("parsed"),
            "files_from_store": stored.get("reused"),
        }
        if counts["extract_s"]:
            row["extract_passages_s"] = counts["extract"] / counts["extract_s"]
        if row["claims_s"]:
            row["claim_phase_claims_s"] = counts["claims"] / row["claims_s"]
        if finished:
            row["claims_per_s_end_to_end"] = report.summary.claims / row["wall_s"]
            row["verdicts"] = {
                "supported": report.summary.supported,
                "contradicted": report.summary.contradicted,
                "unverified": report.summary.unverified,
                "findings": report.summary.findings,
            }
            row["report_sha"] = _report_digest(report)
        results.append(row)
        if not finished:
            break  # a budget-stopped run is not repeated
    (Extractor.extract, EntityRegistry.learn, PassageIndex.search, PassageIndex.build, Pairer.pairs) = original_methods
    Corpus.close_store = original_close
    StoredFacts.get, Corpus.save_facts = original_get, original_save_facts
    keys = [k for k, v in results[0].items() if isinstance(v, (int, float)) and not isinstance(v, bool)]
    summary = {k: _med([r.get(k) for r in results]) for k in keys}
    summary.update(
        finished=all(r["finished"] for r in results),
        runs=results,
        budget_s=budget,
        verdicts=results[-1].get("verdicts"),
        report_sha=results[-1].get("report_sha"),
        peak_rss_mb=peak_mb(),
    )
    return summary


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def _machine_ceiling(jobs: int, n: int = 8_000_000) -> float:
    """How much faster ``jobs`` processes finish a pure-CPU loop than one, right now: what the
    machine's share of cores allows any --jobs run (on a shared machine, well below ``jobs``)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    t = time.perf_counter()
    _spin(n)
    one = time.perf_counter() - t
    t = time.perf_counter()
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        list(pool.map(_spin, [n // jobs] * jobs))
    return one / (time.perf_counter() - t)


def phase_jobs(d: Path, runs: int, jobs: int) -> dict:
    """The end-to-end check with 1 and with ``jobs`` processes, alternated in this one process
    on the warm cache (so the two share the machine's load): medians, their ratio, and whether
    the two reports are the same; beside them the speed-up the machine gives a pure-CPU loop in
    the same rounds (the ceiling any run could reach then) and the CPU seconds each spent."""
    import checker.engine as engine

    walls: dict[int, list[float]] = {1: [], jobs: []}
    cpus: dict[int, list[float]] = {1: [], jobs: []}  # CPU s of the run and its workers
    after_index: dict[int, list[float]] = {1: [], jobs: []}
    digests: dict[int, set[str]] = {1: set(), jobs: set()}
    claims = 0
    warm = engine.CheckConfig(sources=[d / "sources"], cache_dir=d / "cache", root=d)
    engine.check([d / "claims.yaml"], warm)  # the store and the index written, not timed
    ceilings = []
    for _ in range(runs):
        ceilings.append(_machine_ceiling(jobs))
        for n in (1, jobs):
            marks: dict[str, float] = {}

            def progress(stage, done, total, marks=marks):
                marks.setdefault(stage, time.perf_counter())

            cfg = engine.CheckConfig(sources=[d / "sources"], cache_dir=d / "cache", root=d, jobs=n)
            before = _cpu_s()
            t0 = time.perf_counter()
            report = engine.check([d / "claims.yaml"], cfg, progress)
            end = time.perf_counter()
            walls[n].append(end - t0)
            cpus[n].append(_cpu_s() - before)
            after_index[n].append(end - marks.get("indexing sources", t0))
            digests[n].add(_report_digest(report))
            claims = report.summary.claims
    w1, wj = statistics.median(walls[1]), statistics.median(walls[jobs])
    a1, aj = statistics.median(after_index[1]), statistics.median(after_index[jobs])
    return {
        "jobs": jobs,
        "claims": claims,
        "wall_s_1": w1,
        "wall_s_jobs": wj,
        "speedup_end_to_end": w1 / wj,
        "claims_per_s_1": claims / w1,
        "claims_per_s_jobs": claims / wj,
        "after_index_s_1": a1,
        "after_index_s_jobs": aj,
        "speedup_after_index": a1 / aj,
        "same_report": len(digests[1] | digests[jobs]) == 1,
        "walls": walls,
        "machine_ceiling": statistics.median(ceilings),
        "machine_ceilings": ceilings,
        "cpu_s_1": statistics.median(cpus[1]),
        "cpu_s_jobs": statistics.median(cpus[jobs]),
        "cpus": cpus,
        "load_avg": os.getloadavg(),
        "peak_rss_mb": peak_mb(),
        "peak_rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def _cpu_s() -> float:
    """CPU seconds (user + system) of this process and of its children that have ended."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def phase_profile(d: Path, budget: float) -> dict:
    """cProfile of one (budgeted) engine check; the top functions go to out/profile-<N>.txt."""
    import cProfile
    import io
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    res = phase_check(d, 1, budget)
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(30)
    name = f"profile-{d.name.split('-')[-1]}.txt"
    (OUT / name).write_text(json.dumps(res, indent=1, default=str) + "\n" + buf.getvalue())
    res["profile_file"] = str(OUT / name)
    return res


def _report_digest(report) -> str:
    """A digest of the report (verdicts, findings, evidence): equal digests mean equal results."""
    import hashlib

    data = report.model_dump(mode="json")
    data.pop("tool", None)
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


# --------------------------------------------------------------------------- driver


def run_child(phase: str, d: Path, args, runs: int) -> dict:
    cmd = [
        sys.executable,
        __file__,
        "--child",
        phase,
        "--dir",
        str(d),
        "--runs",
        str(runs),
        "--query-budget",
        str(args.query_budget),
        "--extract-budget",
        str(args.extract_budget),
        "--check-budget",
        str(args.check_budget),
        "--jobs",
        str(args.jobs),
    ]
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}"}
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["child_wall_s"] = time.perf_counter() - t
    print(
        f"  {phase}: done in {out['child_wall_s']:.0f} s, peak RSS {out.get('peak_rss_mb', 0):.0f} MB", file=sys.stderr
    )
    return out


def fmt(x, nd=1):
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:,.{nd}f}"
    return f"{x:,}"


def table(results: dict) -> str:
    ns = list(results)
    r = results

    def g(n, *path):
        x = r[n]
        for p in path:
            if not isinstance(x, dict) or p not in x:
                return None
            x = x[p]
        return x

    def stages(n, which):
        c = g(n, "store", which) or {}
        return (
            " / ".join(fmt(c.get(k), 1) for k in ("load_s", "learn_s", "claims_s")) + f"; {fmt(c.get('files_parsed'))}"
        )

    def check_rate(n, *phase):
        c = g(n, *phase)
        if not c or "error" in c:
            return "–"
        if c.get("finished"):
            return f"{fmt(c.get('claims_per_s_end_to_end'), 2)} ({fmt(c.get('wall_s'), 0)} s wall)"
        return f"did not finish in {fmt(c.get('budget_s'), 0)} s ({c.get('passages_extracted'):,} passages extracted)"

    rows = [
        (
            "passages (rows) / real / synthetic",
            lambda n: (
                f"{fmt(g(n, 'corpus', 'n'))} / {fmt(g(n, 'corpus', 'real'))} / {fmt(g(n, 'corpus', 'synthetic'))}"
            ),
        ),
        ("corpus MB (passage text)", lambda n: fmt(g(n, "index", "corpus_mb"))),
        ("index build from rows: s", lambda n: fmt(g(n, "index", "build_s_median"), 2)),
        (
            "index build from rows: **MB/s** (passages/s)",
            lambda n: f"**{fmt(g(n, 'index', 'build_mb_s'))}** ({fmt(g(n, 'index', 'build_passages_s'), 0)})",
        ),
        ("index on disk MB", lambda n: fmt(g(n, "index", "index_disk_mb"))),
        (
            "load docs + build_document: s (MB/s)",
            lambda n: f"{fmt(g(n, 'load', 'load_s'), 1)} ({fmt(g(n, 'load', 'load_mb_s'), 2)})",
        ),
        (
            "full path load + index: **MB/s** of source files",
            lambda n: f"**{fmt(g(n, 'load', 'total_mb_s'), 2)}** ({fmt(g(n, 'load', 'total_s'), 1)} s)",
        ),
        (
            "search top-20, OR of all words: q/s (recall@20)",
            lambda n: (
                f"{fmt(g(n, 'index', 'queries', 'all', 'qps'))} ({fmt(g(n, 'index', 'queries', 'all', 'recall_at_20'), 3)})"
            ),
        ),
        (
            "search top-20, rarest 5 terms: **q/s** (recall@20)",
            lambda n: (
                f"**{fmt(g(n, 'index', 'queries', 'rare5', 'qps'))}** ({fmt(g(n, 'index', 'queries', 'rare5', 'recall_at_20'), 3)})"
            ),
        ),
        ("registry learn + finalize over all passages: s", lambda n: fmt(g(n, "extract", "learn_finalize_s"), 1)),
        (
            "**passages extracted/s** (Extractor.extract)",
            lambda n: (
                f"**{fmt(g(n, 'extract', 'extract_passages_s'), 0)}**"
                + (" (prefix)" if g(n, "extract", "prefix_only") else "")
            ),
        ),
        ("**claims checked/s end-to-end** (engine.check, warm index)", lambda n: check_rate(n, "check")),
        (
            "  check: load / learn / claim phase s",
            lambda n: " / ".join(fmt(g(n, "check", k), 1) for k in ("load_s", "learn_s", "claims_s")),
        ),
        ("  check: claim phase claims/s", lambda n: fmt(g(n, "check", "claim_phase_claims_s"), 1)),
        (
            "  check: source passages extracted (rate/s)",
            lambda n: f"{fmt(g(n, 'check', 'passages_extracted'))} ({fmt(g(n, 'check', 'extract_passages_s'), 0)})",
        ),
        (
            "  check: index searches/s inside the engine",
            lambda n: (
                fmt((g(n, "check", "searches") or 0) / g(n, "check", "search_s"), 0)
                if g(n, "check", "search_s")
                else "–"
            ),
        ),
        ("corpus store: check, **cold** (empty cache): claims/s (wall s)", lambda n: check_rate(n, "store", "cold")),
        ("  cold: load / learn / claim phase s; files parsed", lambda n: stages(n, "cold")),
        ("corpus store: check, **warm**: claims/s (wall s)", lambda n: check_rate(n, "store", "warm")),
        ("  warm: load / learn / claim phase s; files parsed", lambda n: stages(n, "warm")),
        (
            "  source passages extracted / facts from the store (s), cold; warm",
            lambda n: "; ".join(
                f"{fmt(g(n, 'store', w, 'passages_extracted'))} / {fmt(g(n, 'store', w, 'passages_from_store'))} "
                f"({fmt(g(n, 'store', w, 'store_facts_s'), 2)})"
                for w in ("cold", "warm")
            ),
        ),
        (
            "  facts written back s, cold / warm",
            lambda n: " / ".join(fmt(g(n, "store", w, "save_facts_s"), 2) for w in ("cold", "warm")),
        ),
        (
            "  store on disk MB; same report cold and warm",
            lambda n: f"{fmt(g(n, 'store', 'store_mb'))}; {g(n, 'store', 'same_report')}",
        ),
        (
            "  facts per passage: extract ms / decode stored JSON ms",
            lambda n: f"{fmt(g(n, 'store', 'facts', 'extract_ms'), 2)} / {fmt(g(n, 'store', 'facts', 'decode_ms'), 3)}",
        ),
        (
            "check with --jobs J against 1: J; **speed-up** end to end (after the index); same report",
            lambda n: (
                f"{fmt(g(n, 'jobs', 'jobs'))}; **{fmt(g(n, 'jobs', 'speedup_end_to_end'), 2)}x** "
                f"({fmt(g(n, 'jobs', 'speedup_after_index'), 2)}x); {g(n, 'jobs', 'same_report')}"
            ),
        ),
        (
            "  the machine's own speed-up of a pure-CPU loop in J processes, same rounds",
            lambda n: f"{fmt(g(n, 'jobs', 'machine_ceiling'), 2)}x",
        ),
        (
            "  CPU s of the check and its workers, 1 / J processes (load average at the end)",
            lambda n: (
                f"{fmt(g(n, 'jobs', 'cpu_s_1'), 1)} / {fmt(g(n, 'jobs', 'cpu_s_jobs'), 1)}"
                f" ({fmt((g(n, 'jobs', 'load_avg') or [None])[0], 1)})"
            ),
        ),
        (
            "  claims/s with 1 / with J processes",
            lambda n: f"{fmt(g(n, 'jobs', 'claims_per_s_1'), 1)} / {fmt(g(n, 'jobs', 'claims_per_s_jobs'), 1)}",
        ),
        (
            "peak RSS MB: index / load / extract / check",
            lambda n: " / ".join(fmt(g(n, p, "peak_rss_mb"), 0) for p in ("index", "load", "extract", "check")),
        ),
    ]
    out = ["| N = | " + " | ".join(f"{n:,}" for n in ns) + " |", "|---|" + "---:|" * len(ns)]
    for label, f in rows:
        out.append(f"| {label} | " + " | ".join(f(n) for n in ns) + " |")
    return "\n".join(out)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="claimcheck scale benchmark")
    ap.add_argument("--n", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--big-runs", type=int, default=1, help="runs of the slow phases (load, check) at N >= 1M")
    ap.add_argument(
        "--phases",
        nargs="+",
        default=["index", "load", "extract", "check"],
        help="index load extract check store jobs; store = check with an empty cache, then warm; "
        "jobs = check with 1 and with --jobs processes, alternated; profile = cProfile of one check",
    )
    ap.add_argument("--query-budget", type=float, default=60.0, help="s of queries per strategy per run")
    ap.add_argument("--extract-budget", type=float, default=60.0, help="s of extraction per run (prefix)")
    ap.add_argument("--check-budget", type=float, default=600.0, help="s per end-to-end check before stopping")
    ap.add_argument("--jobs", type=int, default=2, help="processes of the jobs phase (against 1)")
    ap.add_argument("--out", type=Path, default=OUT / "scale.json")
    ap.add_argument("--child")
    ap.add_argument("--dir", type=Path)
    args = ap.parse_args(argv)

    if args.child:
        d = args.dir
        if args.child == "index":
            res = phase_index(d, args.runs, args.query_budget)
        elif args.child == "load":
            res = phase_load(d, args.runs)
        elif args.child == "extract":
            res = phase_extract(d, args.runs, args.extract_budget)
        elif args.child == "store":
            res = phase_store(d, args.runs, args.check_budget)
        elif args.child == "profile":
            res = phase_profile(d, args.check_budget)
        elif args.child == "jobs":
            res = phase_jobs(d, args.runs, args.jobs)
        else:
            res = phase_check(d, args.runs, args.check_budget)
        print(json.dumps(res))
        return

    import corpus

    results = json.loads(args.out.read_text()) if args.out.exists() else {}
    results = {int(k): v for k, v in results.get("results", {}).items()}
    for n in args.n:
        d = OUT / f"corpus-{n}"
        print(f"N={n:,}: corpus", file=sys.stderr)
        info = corpus.build(n, d)
        res = results.setdefault(n, {})
        res["corpus"] = corpus.asdict(info)
        for phase in args.phases:
            runs = args.big_runs if n >= 1_000_000 and phase in ("load", "check", "store", "jobs") else args.runs
            if phase == "check" and not (d / "cache").exists():
                print("  (no warm cache yet: run the load phase first)", file=sys.stderr)
            res[phase] = run_child(phase, d, args, runs)
            res[phase]["runs_requested"] = runs
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(_meta(results), indent=2))
    print(table(dict(sorted(results.items()))))


def _meta(results: dict) -> dict:
    import platform

    return {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "sqlite": __import__("sqlite3").sqlite_version,
            "load_avg": os.getloadavg(),
        },
        "results": {str(k): v for k, v in sorted(results.items())},
    }


if __name__ == "__main__":
    main()
