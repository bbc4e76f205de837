"""Adversarial inputs cost linear time and give bounded reports (benchmarks/adversarial.py
prints the figures up to 1 MB; these are the same patterns at sizes a CI run affords).

Extractors are timed at two sizes eight times apart: linear work grows about x8, the quadratic
scans this guards against about x64. The limit, x16, is far from both, and each figure is the
best of five runs taken in turn with the other size, so a loaded machine does not make the
test flaky. Pairing is measured
by counting comparisons and findings, which do not depend on the machine at all.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest

from benchmarks import adversarial as adv
from checker.engine import CheckConfig, check

SMALL, LARGE = 16 * 1024, 128 * 1024
LIMIT = 16.0  # x8 input: linear is ~8, quadratic ~64; 16 is x2.5 a doubling


def _best_pair(small, large, repeat: int, runs: int = 5) -> tuple[float, float]:
    """The best of ``runs`` timings of ``repeat`` calls of each, taken in turn so that both
    see the same load on a busy machine."""
    best = [float("inf"), float("inf")]
    gc.collect()
    gc.disable()  # a collection of what earlier tests left is no cost of this input
    try:
        for _ in range(runs):
            for k, fn in enumerate((small, large)):
                t0 = time.perf_counter()
                for _ in range(repeat):
                    fn()
                best[k] = min(best[k], time.perf_counter() - t0)
    finally:
        gc.enable()
    return best[0], best[1]


@pytest.mark.parametrize("pattern", [p for p in adv.PATTERNS if p.target != "check"], ids=lambda p: p.name)
def test_extractors_stay_linear(pattern):
    small, large = pattern.make(SMALL), pattern.make(LARGE)
    adv.extractor_run(pattern, small)  # warm: tables and lemmas load once
    # the small input is run often enough to take a measurable time, the large one as often
    t0 = time.perf_counter()
    adv.extractor_run(pattern, small)
    once = time.perf_counter() - t0
    repeat = max(1, min(200, int(0.05 / max(once, 1e-4))))
    for _ in range(2):  # a burst of load elsewhere gets one more measurement; quadratic fails both
        t_small, t_large = _best_pair(
            lambda: adv.extractor_run(pattern, small), lambda: adv.extractor_run(pattern, large), repeat
        )
        if t_large / t_small <= LIMIT:
            break
    assert t_large / t_small <= LIMIT, f"{pattern.name}: x{t_large / t_small:.1f} for x8 input"


def _counted_check(monkeypatch, folder: Path, name: str, text: str):
    import checker.engine.pairs as engine

    calls = {"same_event": 0}
    real = engine.same_event

    def counting(*args, **kwargs):
        calls["same_event"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "same_event", counting)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    report = check([path], CheckConfig(cache_dir=None, root=folder))
    return calls["same_event"], report


@pytest.mark.parametrize(
    "make,name",
    [(adv.repeated_event, "doc.md"), (adv.many_claims, "claims.yaml")],
    ids=["repeated-event", "many-claims"],
)
def test_pairing_and_findings_grow_linearly(monkeypatch, tmp_path, make, name):
    # sizes past the point where every sentence has met each account of the event once
    n_small, report_small = _counted_check(monkeypatch, tmp_path, name, make(24 * 1024))
    n_large, report_large = _counted_check(monkeypatch, tmp_path, name, make(48 * 1024))
    assert n_small > 0
    assert n_large / n_small <= 2.3, f"comparisons x{n_large / n_small:.2f} for x2 input"
    size_small, size_large = len(report_small.model_dump_json()), len(report_large.model_dump_json())
    assert size_large / size_small <= 2.3, f"report x{size_large / size_small:.2f} for x2 input"
    assert len(report_large.findings) / max(1, len(report_small.findings)) <= 2.3


def test_a_repeated_conflict_is_one_finding_with_its_count(tmp_path):
    lines = [f"Alan Parker visited Beijing on May {1 + k % 2}, 1997." for k in range(40)]
    path = tmp_path / "doc.md"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    report = check([path], CheckConfig(cache_dir=None, root=tmp_path))
    dates = [f for f in report.findings if f.rule == "CC-DATE-001"]
    # "May 1" against "May 2" and "May 2" against "May 1": two conflicts, each told many times
    assert len(dates) == 2
    by_value = {f.claim_value: f for f in dates}
    may1, may2 = by_value["1997-05-01 (day)"], by_value["1997-05-02 (day)"]
    # sentence 2m says May 1 and meets the m earlier May 2 sentences (m = 1..19); sentence
    # 2m+1 says May 2 and meets m+1 earlier May 1 sentences (m = 0..19)
    assert (may1.count, len(may1.occurrences)) == (sum(range(1, 20)), 19 - 1)
    assert (may2.count, len(may2.occurrences)) == (sum(range(1, 21)), 20 - 1)
    contradicted = [c for c in report.claims if c.verdict == "contradicted"]
    assert len(contradicted) == 39  # all but the very first sentence
    assert all(len(c.findings) == 1 for c in contradicted)
    for finding in (may1, may2):
        carriers = {c.id for c in contradicted if c.findings == [finding.id]}
        # the finding's own claim, and every other carrier listed among its occurrences
        assert carriers - set(finding.occurrences) == {f"doc.md:{finding.claim.line}:1"}


def test_two_thousand_accounts_of_one_visit_check_in_bounded_memory_and_report(tmp_path):
    """Issue 15: 2,000 lines "X visited Beijing on May N, 1997 [1]." once gave 1.93 million
    findings, a 2.0 GB report and 13.2 GB of memory; now under 1 GB and 5 MB."""
    import json
    import resource
    import subprocess
    import sys

    lines = [f"Alan Parker visited Beijing on May {k % 31 + 1}, 1997 [1]." for k in range(2000)]
    doc = tmp_path / "visits.md"
    doc.write_text("\n".join(lines) + "\n\n## References\n\n[1] Beijing news, 1997.\n", encoding="utf-8")
    out = tmp_path / "report.json"
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "from checker.cli import main; main()",
            "check",
            str(doc),
            "--no-cache",
            "-f",
            "json",
            "-o",
            str(out),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1, run.stderr  # findings, not a crash
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child so far
    assert peak_kb < 1024 * 1024, f"peak memory {peak_kb / 1024:.0f} MB"
    assert out.stat().st_size < 5 * 1024 * 1024, f"report of {out.stat().st_size / 2**20:.1f} MB"
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["summary"]["contradicted"] >= 1900
    assert sum(f["count"] for f in report["findings"]) > 10 * len(report["findings"])  # grouped
