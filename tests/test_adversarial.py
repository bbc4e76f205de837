"""Adversarial inputs cost linear time and give bounded reports (benchmarks/adversarial.py
prints the figures up to 1 MB; these are the same patterns at sizes a CI run affords).

Extractors are timed at two sizes four times apart: linear work grows about x4, the quadratic
scans this guards against grew x13 to x20. The limit, x6, is far from both, and each figure is
the best of three runs, so a loaded machine does not make the test flaky. Pairing is measured
by counting comparisons and findings, which do not depend on the machine at all.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from benchmarks import adversarial as adv
from checker.engine import CheckConfig, check

SMALL, LARGE = 32 * 1024, 128 * 1024
LIMIT = 6.0  # x4 input: linear is ~4, quadratic ~16


def _best(fn, repeat: int, runs: int = 3) -> float:
    """The best of ``runs`` timings of ``repeat`` calls of ``fn``."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for _ in range(repeat):
            fn()
        times.append(time.perf_counter() - t0)
    return min(times)


@pytest.mark.parametrize("pattern", [p for p in adv.PATTERNS if p.target != "check"], ids=lambda p: p.name)
def test_extractors_stay_linear(pattern):
    small, large = pattern.make(SMALL), pattern.make(LARGE)
    adv.extractor_run(pattern, small)  # warm: tables and lemmas load once
    # the small input is run often enough to take a measurable time, the large one as often
    once = _best(lambda: adv.extractor_run(pattern, small), 1, runs=1)
    repeat = max(1, min(50, int(0.05 / max(once, 1e-4))))
    t_small = _best(lambda: adv.extractor_run(pattern, small), repeat)
    t_large = _best(lambda: adv.extractor_run(pattern, large), repeat)
    assert t_large / t_small <= LIMIT, f"{pattern.name}: x{t_large / t_small:.1f} for x4 input"


def _counted_check(monkeypatch, folder: Path, name: str, text: str):
    import checker.engine as engine

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


@pytest.mark.parametrize("make,name", [(adv.repeated_event, "doc.md"), (adv.many_claims, "claims.yaml")],
                         ids=["repeated-event", "many-claims"])
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
