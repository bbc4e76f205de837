"""How well find_quantities + numbers_compare see an edited figure (SummEdits), and how fast.

SummEdits pairs a verified seed summary with an atomically edited one. For every pair whose
texts differ, the figures of the edited summary are aligned to the seed summary with a token
diff (difflib). Ground truth: a figure of the edited summary "changed" when one of its tokens
(a digit run, a number word, a scale or percent word) lies in a replaced/inserted diff block.
A figure that was extracted is judged as the whole quantity covering it: it "changed" when
any of its tokens changed (also a hedge or unit word: "below" -> "above", "days" -> "years").
Prediction: the quantity covering the figure has no counterpart of equal value at the aligned
place in the seed summary ("changed"), and, stricter, its counterpart ``conflicts()`` with it.
``conflicts()`` (and, for the low-severity rule, ``conflicts() or inconsistent_bounds()``) is
measured on replaced figures extracted on both sides: by design it stays
silent on rounding ("$3.1 billion" vs "$3 billion"), on hedged bounds ("below $25 billion" vs
"below $30 billion" is :func:`inconsistent_bounds`), and on counts without a counted noun.

Run: ``python benchmarks/numbers_summedits.py [--shared PATH] [--mb 4] [--runs 3]``.
Prints Markdown tables. Speed is the median of ``--runs`` runs of find_quantities over the seed
paper repeated to ``--mb`` MB (a number-dense text: ~8 digit runs per kB), and over the
SummEdits news articles (ordinary news prose) repeated likewise.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checker.extract.numbers_compare import conflicts, inconsistent_bounds, same_kind  # noqa: E402
from checker.extract.quantities import find_quantities  # noqa: E402

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEED = "seeds/001_630ad76a5922bb74.txt"

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")
_NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million billion trillion dozen percent bn mn half double triple
    first second third fourth fifth""".split()
)
_GLUE = frozenset("$%€£.,-–")
# Years and quarters ("2021", "Q3 2020", "4Q") belong to the date finder, not to quantities.
_DATELIKE = re.compile(r"^(?:(?:Q[1-4]|[1-4]Q)\s*)?(?:1\d{3}|20\d{2})?$|^(?:Q[1-4]|[1-4]Q)$")


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _is_figure(tok: str) -> bool:
    return any(c.isdigit() for c in tok) or tok.lower() in _NUMBER_WORDS


def _figures(toks, changed_idx: set[int]) -> list[tuple[int, int, bool]]:
    """Maximal runs of figure tokens (a "$" or "%" between them glues): (start, end, changed)."""
    out = []
    i = 0
    while i < len(toks):
        if not _is_figure(toks[i][0]):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and (
            _is_figure(toks[j + 1][0]) or (toks[j + 1][0] in _GLUE and j + 2 < len(toks) and _is_figure(toks[j + 2][0]))
        ):
            j += 1
        changed = any(k in changed_idx for k in range(i, j + 1) if _is_figure(toks[k][0]))
        out.append((toks[i][1], toks[j][2], changed))
        i = j + 1
    return out


def _align(orig: str, edited: str):
    """Token diff: the set of changed token indices of ``edited`` and a map from an edited
    character range to the aligned character range of ``orig``."""
    to, te = _tokens(orig), _tokens(edited)
    sm = difflib.SequenceMatcher(None, [t[0] for t in to], [t[0] for t in te], autojunk=False)
    changed: set[int] = set()
    blocks = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            changed.update(range(j1, j2))
        blocks.append((op, i1, i2, j1, j2))

    def to_orig(s: int, e: int) -> tuple[int, int] | None:
        idx = [k for k, t in enumerate(te) if t[1] < e and t[2] > s]
        if not idx:
            return None
        spans = []
        for op, i1, i2, j1, j2 in blocks:
            for k in idx:
                if j1 <= k < j2:
                    if op == "equal":
                        spans.append(to[i1 + (k - j1)][1:])
                    elif i2 > i1:
                        spans.append((to[i1][1], to[i2 - 1][2]))
        if not spans:
            return None
        return min(s for s, _ in spans), max(e for _, e in spans)

    return te, changed, to_orig


def _same(a, b) -> bool:
    return (a.kind, a.unit, a.bound) == (b.kind, b.unit, b.bound) and all(
        (x is None and y is None) or (x is not None and y is not None and abs(x - y) <= 1e-9 * max(1.0, abs(x)))
        for x, y in ((a.value, b.value), (a.low, b.low), (a.high, b.high))
    )


def evaluate(items: list[dict]) -> dict:
    c = dict(
        items=0,
        figures=0,
        changed=0,
        unchanged=0,
        extracted_changed=0,
        extracted_unchanged=0,
        tp=0,
        fp=0,
        fn=0,
        kept_equal=0,
        conflict_tp=0,
        conflict_fp=0,
        item_flagged=0,
        item_conflict=0,
        paired_changed=0,
        paired_same_kind=0,
        fn_datelike=0,
        paired_bounds=0,
    )
    for it in items:
        orig, edited = it["original_summary"], it["summary"]
        c["items"] += 1
        toks, changed_idx, to_orig = _align(orig, edited)
        figs = _figures(toks, changed_idx)
        qe, qo = find_quantities(edited), find_quantities(orig)
        flagged = conflicted = False
        done: set[int] = set()
        for s, e, truth in figs:
            q = next((x for x in qe if x.start < e and x.end > s), None)
            if q is not None:
                if id(q) in done:  # "$80 million to $100 million": one quantity, one verdict
                    continue
                done.add(id(q))
                # truth per quantity: any changed token inside it (a number, a scale word,
                # a unit or a hedge: "below" -> "above", "days" -> "years")
                truth = truth or any(k in changed_idx for k, t in enumerate(toks) if t[1] < q.end and t[2] > q.start)
            c["figures"] += 1
            c["changed" if truth else "unchanged"] += 1
            if q is None:
                if truth:
                    c["fn"] += 1
                    c["fn_datelike"] += bool(_DATELIKE.match(edited[s:e]))
                continue
            c["extracted_changed" if truth else "extracted_unchanged"] += 1
            span = to_orig(q.start, q.end)
            partner = None
            if span:
                partner = next((x for x in qo if x.start < span[1] and x.end > span[0]), None)
            pred = partner is None or not _same(q, partner)
            conf = partner is not None and conflicts(q, partner)
            flagged |= pred
            conflicted |= conf
            if truth:
                c["tp" if pred else "fn"] += 1
                c["conflict_tp"] += conf
                if partner is not None and not _same(q, partner):
                    c["paired_changed"] += 1  # a replaced figure, extracted on both sides
                    c["paired_same_kind"] += same_kind(q, partner)
                    c["paired_bounds"] += inconsistent_bounds(q, partner)
            else:
                c["fp"] += pred
                c["kept_equal"] += not pred
                c["conflict_fp"] += conf
        c["item_flagged"] += flagged
        c["item_conflict"] += conflicted
    return c


def _pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:.1f}" if b else "–"


def select(shared: Path, domain: str) -> tuple[list[dict], list[dict]]:
    """(items whose edit changes a figure, consistent items with a textual edit and the same
    figures)."""
    data = json.loads((shared / "datasets" / "summedits" / f"summedits_{domain}.json").read_text("utf-8"))
    changed, same = [], []
    for it in data:
        if it["summary"] == it["original_summary"]:
            continue
        fo = [t for t, *_ in _tokens(it["original_summary"]) if _is_figure(t)]
        fe = [t for t, *_ in _tokens(it["summary"]) if _is_figure(t)]
        if fo != fe:
            changed.append(it)
        elif it["label"] == 1:  # consistent paraphrases: any flag here is a false alarm
            same.append(it)
    return changed, same


def _news_docs(shared: Path) -> str:
    data = json.loads((shared / "datasets" / "summedits" / "summedits_news.json").read_text("utf-8"))
    return "\n\n".join(dict.fromkeys(it["doc"] for it in data))


def speed(shared: Path, mb: float, runs: int, seed: str | None = None) -> tuple[float, int]:
    seed = seed if seed is not None else (shared / SEED).read_text("utf-8")
    text = seed * max(1, int(mb * 1e6 / len(seed)))
    find_quantities(seed)  # warm-up
    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        find_quantities(text)
        rates.append(len(text.encode("utf-8")) / (time.perf_counter() - t0) / 1e6)
    return statistics.median(rates), len(text)


def quantulum_speed(shared: Path, chars: int) -> float | None:
    """quantulum3 on a slice of the seed paper, line by line (its best case), one run."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        print("quantulum3 not installed, its speed row is left out (pip install -e '.[bench]')", file=sys.stderr)
        return None
    text = (shared / SEED).read_text("utf-8")[:chars]
    parser.parse("3 km")
    t0 = time.perf_counter()
    for line in text.split("\n"):
        parser.parse(line)
    return len(text.encode("utf-8")) / (time.perf_counter() - t0) / 1e6


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--mb", type=float, default=4.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quantulum-chars", type=int, default=20000)
    args = ap.parse_args(argv)
    if not (args.shared / "datasets" / "summedits").exists():
        print(f"SummEdits not found under {args.shared}", file=sys.stderr)
        return 2

    print("## Changed figures in SummEdits (edited summary vs. seed summary)\n")
    print(
        "| domain | items | figures (changed / unchanged) | extracted: changed / unchanged | "
        "changed: precision / recall (without years, quarters) | unchanged kept equal | "
        "replaced on both sides: same_kind / conflicts() / + inconsistent_bounds() | conflicts() on unchanged | "
        "items flagged | items with a conflict |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    controls = {}
    for domain in ("ectsum", "news"):
        changed, same = select(args.shared, domain)
        c = evaluate(changed)
        controls[domain] = (evaluate(same), len(same))
        prec = _pct(c["tp"], c["tp"] + c["fp"])
        print(
            f"| {domain} | {c['items']} | {c['figures']} ({c['changed']} / {c['unchanged']}) | "
            f"{_pct(c['extracted_changed'], c['changed'])}% / {_pct(c['extracted_unchanged'], c['unchanged'])}% | "
            f"{prec}% / {_pct(c['tp'], c['changed'])}% ({_pct(c['tp'], c['changed'] - c['fn_datelike'])}%) | "
            f"{_pct(c['kept_equal'], c['unchanged'])}% | "
            f"{c['paired_changed']}: {_pct(c['paired_same_kind'], c['paired_changed'])}% / "
            f"{_pct(c['conflict_tp'], c['paired_changed'])}% / "
            f"{_pct(c['conflict_tp'] + c['paired_bounds'], c['paired_changed'])}% | {c['conflict_fp']} | "
            f"{_pct(c['item_flagged'], c['items'])}% | {_pct(c['item_conflict'], c['items'])}% |"
        )
    print("\n## Control: consistent (label 1) edited items with the same figures (nothing should be flagged)\n")
    print("| domain | items | figures | extracted | kept equal | items flagged | items with a conflict |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for domain, (c, n) in controls.items():
        print(
            f"| {domain} | {n} | {c['figures']} | {_pct(c['extracted_unchanged'], c['unchanged'])}% | "
            f"{_pct(c['kept_equal'], c['extracted_unchanged'])}% | {_pct(c['item_flagged'], n)}% | "
            f"{_pct(c['item_conflict'], n)}% |"
        )

    rate, size = speed(args.shared, args.mb, args.runs)
    news = _news_docs(args.shared)
    news_rate, news_size = speed(args.shared, args.mb, args.runs, news)
    q3 = quantulum_speed(args.shared, args.quantulum_chars)
    print("\n## Speed (1 core)\n")
    print("| extractor | input | MB/s |")
    print("|---|---|---:|")
    print(
        f"| find_quantities | seed paper ×{size // 80000} ({size / 1e6:.1f} MB), median of {args.runs} | {rate:.2f} |"
    )
    print(
        f"| find_quantities | the 25 SummEdits news articles ×{news_size // len(news)} ({news_size / 1e6:.1f} MB), median of {args.runs} | {news_rate:.2f} |"
    )
    if q3 is not None:
        print(
            f"| quantulum3 parser.parse, line by line | first {args.quantulum_chars} chars of the seed paper, 1 run | {q3:.3f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
