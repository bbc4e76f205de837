"""Accuracy of the ``contradicted`` and ``supported`` verdicts on public labelled sets, next to a naive baseline.

Run from the repository root: ``python -m benchmarks.accuracy.run`` (``--split dev|test|both``,
default both; ``--limit N`` items per set and split, sampled with ``--seed``, default all;
``--sets a,b``; ``--shared PATH``). Prints Markdown tables (per set and split: n, P/R of
``contradicted`` against gold refuted and of ``supported`` against gold supported, with 95%
Wilson intervals, and the baseline's; pooled recall on typed-fact errors) and writes
``benchmarks/out/accuracy.json`` with the figures, the false and true "contradicted" cases and
the reasons for misses.

Splits (``datasets.load_splits``): each set is cut by document into a dev part (40% of document
groups, plus the set's upstream dev material) and a frozen test part, by a fixed hash seed that
``--seed`` does not touch. AVeriTeC and CLIMATE-FEVER are test-only. The baseline's threshold is
tuned on the dev parts only.

Each item goes through the real pipeline, isolated: the source text is written to a ``.txt``
source document, the claim to a claim file that cites it (one claim per sentence for
summaries), and :func:`checker.engine.check` runs on it. An item is predicted refuted when a
sentence is ``contradicted`` by an error finding that points into the source (a finding
between two sentences of one summary says nothing about the source and is not counted; it is
tallied as ``self_only``). The baseline (``baseline.py``) sees the same text.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from checker.engine import CheckConfig, Checker
from checker.ingest.text import split_sentences

from . import baseline as base
from .datasets import (
    DEV_FRACTION,
    LOADERS,
    SPLIT_SEED,
    SPLITS,
    TEST_ONLY,
    TYPED_SETS,
    Item,
    datasets_dir,
    edited_spans,
    load_splits,
    sample,
    typed_fact,
)
from .probe import probe

OUT = Path(__file__).resolve().parents[1] / "out" / "accuracy.json"
# finding category -> the category names used in the tables
_CAT = {"actor": "person", "count": "number"}
# gold categories shown per set, in this order (others stay in the JSON)
_SHOWN = ["date", "number", "figure", "place", "name", "circ", "ent", "out"]
_GPT4 = {"summedits_ectsum": 87.0, "summedits_news": 83.3}


@dataclass
class Outcome:
    """What the checker said about one item."""

    verdict: str  # contradicted | supported | unverified | error
    findings: list[dict] = field(default_factory=list)  # error findings pointing into the source
    self_only: bool = False  # contradicted only by sentence-vs-sentence findings
    has_event: bool = False  # some claim sentence has an event frame (person + action)
    has_typed: bool = False  # some claim sentence has a date or a figure
    error: str | None = None


# --------------------------------------------------------------------------- running the checker


def run_checker(item: Item, workdir: Path) -> Outcome:
    """Check one item through :class:`checker.engine.Checker`, in its own directory."""
    workdir.mkdir(parents=True)
    src_dir = workdir / "src"
    src_dir.mkdir()
    src = src_dir / "source.txt"
    src.write_text(item.source, encoding="utf-8")
    parts = base.sentences(item.claim) if item.summary else [item.claim.strip()]
    claims = [{"id": f"s{i + 1}", "text": t, "source": "source.txt"} for i, t in enumerate(parts) if t.strip()]
    claim_file = workdir / "claims.json"
    claim_file.write_text(json.dumps({"claims": claims}), encoding="utf-8")
    checker = Checker(CheckConfig(sources=[src_dir], cache_dir=None, root=workdir))
    try:
        report = checker.check([claim_file])
    except Exception:  # a crash in the core is a result to report, not a reason to stop
        return Outcome("error", error=traceback.format_exc())
    by_id = report.finding_by_id()
    source_findings, starts, contradicted, supported = [], [], False, 0
    self_only = False
    for c in report.claims:
        errs = [by_id[f] for f in c.findings if by_id[f].severity.value == "error"]
        from_source = [f for f in errs if f.evidence.path.endswith("source.txt")]
        if c.verdict == "contradicted":
            if from_source:
                contradicted = True
            else:
                self_only = True
        supported += c.verdict == "supported"
        for f in from_source:
            starts.append(f.evidence.start)
            source_findings.append(
                {
                    "rule": f.rule,
                    "category": _CAT.get(f.category, f.category),
                    "claim_sentence": c.text,
                    "claim_value": f.claim_value,
                    "evidence_value": f.evidence_value,
                    "evidence": f.evidence.text,
                    "evidence_line": f.evidence.line,
                    "message": f.message,
                    "confidence": f.confidence,
                }
            )
    if source_findings:
        spans = split_sentences(item.source, 0, len(item.source))
        for rec, start in zip(source_findings, starts):
            rec["evidence_passage"] = next((item.source[a:b] for a, b in spans if a <= start < max(b, a + 1)), "")
    facts = [checker.extractor.extract(c["text"]) for c in claims]
    verdict = "contradicted" if contradicted else "supported" if claims and supported == len(claims) else "unverified"
    return Outcome(
        verdict,
        source_findings,
        self_only and not contradicted,
        has_event=any(f.events for f in facts),
        has_typed=any(f.dates or f.quantities for f in facts),
    )


def mark_on_edit(item: Item, outcome: Outcome) -> None:
    """Set ``on_edit`` on each finding of an item that has a contrast text (SummEdits).

    True when the finding's claim value (or, when the value is not quoted literally, its
    sentence) overlaps a word the edit changed: flagged for the right reason. A quote flagged
    for a paraphrase the seed summary already had is a hit on the label, not on the edit.
    """
    if item.reference is None:
        return
    changed = edited_spans(item.claim, item.reference)
    for f in outcome.findings:
        s0 = item.claim.find(f["claim_sentence"])
        if s0 < 0:
            f["on_edit"] = None
            continue
        v = f["claim_sentence"].find(f["claim_value"])
        s, e = (s0 + v, s0 + v + len(f["claim_value"])) if v >= 0 else (s0, s0 + len(f["claim_sentence"]))
        f["on_edit"] = any((a < e and s < b) if a < b else s <= a <= e for a, b in changed)


# --------------------------------------------------------------------------- metrics


def _div(a: float, b: float) -> float | None:
    return a / b if b else None


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float] | None:
    """95% Wilson interval of a proportion k/n (small counts: precision on few flags)."""
    if n == 0:
        return None
    p = k / n
    d = 1 + z * z / n
    c = p + z * z / (2 * n)
    r = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return ((c - r) / d, (c + r) / d)


def confusion(pred: list[bool], gold: list[bool]) -> dict:
    """Precision/recall of the positive class (refuted, or supported), specificity and balanced accuracy."""
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    tn = sum(not p and not g for p, g in zip(pred, gold))
    recall, spec = _div(tp, tp + fn), _div(tn, tn + fp)
    return {
        "n": len(gold),
        "positives": tp + fn,
        "flagged": tp + fp,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": _div(tp, tp + fp),
        "precision_ci95": wilson(tp, tp + fp),
        "recall": recall,
        "recall_ci95": wilson(tp, tp + fn),
        "specificity": spec,
        "balanced_accuracy": (recall + spec) / 2 if recall is not None and spec is not None else None,
    }


def score_set(
    items: list[Item], outcomes: list[Outcome], sims: list[float], threshold: float, probes: list[list] | None = None
) -> dict:
    """All figures of one set: overall, per gold category and per finding category.

    ``probes`` (the what-if probe's hits per item) are scored alongside, never mixed in.
    """
    gold = [it.refuted for it in items]
    ours = [o.verdict == "contradicted" for o in outcomes]
    naive = [s < threshold for s in sims]
    binary = [i for i, it in enumerate(items) if it.binary]

    def on(idx, pred):
        return confusion([pred[i] for i in idx], [gold[i] for i in idx])

    overall = {"checker": confusion(ours, gold), "baseline": confusion(naive, gold)}
    # the ``supported`` verdict against gold supported (NEI and refuted items are its negatives);
    # the baseline never abstains: at or above the threshold it says supported
    gold_sup = [it.gold == "supported" for it in items]
    overall["supported"] = {
        "checker": confusion([o.verdict == "supported" for o in outcomes], gold_sup),
        "baseline": confusion([not p for p in naive], gold_sup),
    }
    overall["gold"] = dict(Counter(it.gold for it in items))
    with_ref = [i for i, it in enumerate(items) if it.reference is not None and ours[i] and gold[i]]
    if with_ref:  # true flags whose finding touches the edited words (see mark_on_edit)
        overall["checker"]["tp_on_edit"] = sum(any(f.get("on_edit") for f in outcomes[i].findings) for i in with_ref)
    overall["checker_binary"] = on(binary, ours)
    overall["baseline_binary"] = on(binary, naive)
    overall["baseline_auc"] = base.auc([(sims[i], gold[i]) for i in binary])
    verdicts = Counter(o.verdict for o in outcomes)
    overall["verdicts"] = dict(verdicts)
    overall["abstention_rate"] = verdicts["unverified"] / len(items) if items else None
    overall["self_only"] = sum(o.self_only for o in outcomes)
    if probes is not None:
        pp = [bool(h) for h in probes]
        overall["probe"] = confusion(pp, gold)
        overall["probe_binary"] = on(binary, pp)

    # per gold category: the refuted items of that kind against every not-refuted binary item
    cats = sorted({c for it in items if it.refuted for c in it.categories})
    per_gold = {}
    for c in cats:
        idx = [i for i in binary if not gold[i] or c in items[i].categories]
        per_gold[c] = {
            "checker": on(idx, ours),
            "baseline": on(idx, naive),
            **({"probe": on(idx, [bool(h) for h in probes])} if probes is not None else {}),
            "baseline_auc": base.auc([(sims[i], gold[i]) for i in idx]),
            # the FRANK README's anchor definition: this error type against all other items
            "baseline_auc_vs_rest": base.auc([(sims[i], c in items[i].categories) for i in binary]),
        }

    # per finding category: of the items flagged with a finding of that kind, how many are refuted
    per_found: dict[str, dict] = {}
    for c in sorted({f["category"] for o in outcomes for f in o.findings}):
        flagged = [
            i
            for i, o in enumerate(outcomes)
            if o.verdict == "contradicted" and any(f["category"] == c for f in o.findings)
        ]
        tp = sum(gold[i] for i in flagged)
        per_found[c] = {
            "flagged": len(flagged),
            "tp": tp,
            "precision": _div(tp, len(flagged)),
            "precision_ci95": wilson(tp, len(flagged)),
        }

    # why refuted items were missed
    misses = Counter()
    for i, o in enumerate(outcomes):
        if gold[i] and o.verdict != "contradicted":
            misses[_miss_reason(o)] += 1
    return {
        "n": len(items),
        "overall": overall,
        "gold_categories": per_gold,
        "finding_categories": per_found,
        "miss_reasons": dict(misses.most_common()),
        "errors": verdicts["error"],
    }


def _miss_reason(o: Outcome) -> str:
    if o.verdict == "error":
        return "checker crashed"
    if o.verdict == "supported":
        return "judged supported (a same-event passage agrees on a date/place/figure)"
    if o.self_only:
        return "only a sentence-vs-sentence conflict inside the summary"
    if not o.has_typed:
        return "no date or figure in the claim" + ("" if o.has_event else " and no event frame")
    if not o.has_event:
        return "no event frame, and no figure of the claim is given differently for the same measure (CC-NUM-002)"
    return "event frame, but no same-event source passage with a conflicting fact"


# --------------------------------------------------------------------------- output


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def _prec(m: dict) -> str:
    if m["flagged"] == 0:
        return "– (0 flagged)"
    return f"{_pct(m['precision'])} ({m['tp']}/{m['flagged']})"


def markdown(name: str, res: dict, threshold: float, sampled: str, split: str | None = None) -> str:
    o = res["overall"]
    lines = [f"### {name}{f' — {split}' if split else ''} ({sampled})", ""]
    lines.append(
        "| subset | gold refuted | checker P (tp/flagged) | checker R | checker BA | baseline P | baseline R | baseline BA | baseline AUC |"
    )
    lines.append("|---|---|---|---|---|---|---|---|---|")

    def row(label, ck, bl, auc):
        lines.append(
            f"| {label} | {ck['positives']} | {_prec(ck)} | {_pct(ck['recall'])} | {_pct(ck['balanced_accuracy'])} "
            f"| {_pct(bl['precision'])} | {_pct(bl['recall'])} | {_pct(bl['balanced_accuracy'])} | {_pct(auc)} |"
        )

    row("overall", o["checker"], o["baseline"], o["baseline_auc"])
    if o["checker_binary"]["n"] != o["checker"]["n"]:
        row(f"binary only (n={o['checker_binary']['n']})", o["checker_binary"], o["baseline_binary"], o["baseline_auc"])
    for c in _SHOWN:
        if c in res["gold_categories"]:
            g = res["gold_categories"][c]
            row(f"{c} vs. all not-refuted", g["checker"], g["baseline"], g["baseline_auc"])
    v = o["verdicts"]
    lines.append("")
    if "tp_on_edit" in o["checker"]:
        ck = o["checker"]
        lines.append(
            f"Flagged for the right reason (the finding touches the edited words): {ck['tp_on_edit']} of "
            f"{ck['tp']} true flags — precision on the edit {_pct(_div(ck['tp_on_edit'], ck['flagged']))}."
        )
    if name.startswith("frank"):
        lines.append(
            "Baseline AUC of each error type against all other summaries (the anchor's definition; "
            "FactCC 61.2 / BERTScore-P 62.4 on CircE, 63.2 / 62.2 on EntE): "
            + ", ".join(
                f"{c} {_pct(res['gold_categories'][c]['baseline_auc_vs_rest'])}"
                for c in ("circ", "ent")
                if c in res["gold_categories"]
            )
            + "."
        )
    lines.append(
        f"Verdicts: contradicted {v.get('contradicted', 0)}, supported {v.get('supported', 0)}, "
        f"unverified {v.get('unverified', 0)}"
        + (f", crashed {v['error']}" if v.get("error") else "")
        + f" — abstention {_pct(o['abstention_rate'])}%. Baseline threshold {threshold:g}."
    )
    sup = o["supported"]
    lines.append(
        f"`supported` against gold supported ({sup['checker']['positives']}): checker P {_prec(sup['checker'])}, "
        f"R {_pct(sup['checker']['recall'])}; baseline (similarity ≥ threshold) P {_pct(sup['baseline']['precision'])}, "
        f"R {_pct(sup['baseline']['recall'])}."
    )
    if res["finding_categories"]:
        lines.append(
            "Checker precision by finding category: "
            + "; ".join(f"{c} {_prec(m)}" for c, m in res["finding_categories"].items())
            + "."
        )
    if name in _GPT4:
        fig = res["gold_categories"].get("figure")
        ba = fig["checker"]["balanced_accuracy"] if fig else None
        lines.append(
            f"Anchor: GPT-4 balanced accuracy {_GPT4[name]} on the whole set (both splits); goal: checker BA on figure edits "
            f"> 87.0 — measured {_pct(ba)}."
        )
    if "probe" in o:
        p = o["probe"]
        fig = res["gold_categories"].get("figure", {}).get("probe")
        lines.append(
            f"What-if probe (not the checker; number/date comparison on the best-aligned sentence, see probe.py): "
            f"P {_prec(p)}, R {_pct(p['recall'])}, BA {_pct(o['probe_binary']['balanced_accuracy'])}"
            + (f"; figure edits BA {_pct(fig['balanced_accuracy'])}" if fig else "")
            + "."
        )
    if res["miss_reasons"]:
        lines.append("Misses: " + "; ".join(f"{k}: {n}" for k, n in res["miss_reasons"].items()) + ".")
    return "\n".join(lines)


def summary_table(results: dict) -> str:
    lines = [
        "| set | n | refuted | abstain % | checker P (tp/flagged) | checker R | checker BA | baseline P | baseline R | baseline BA | baseline AUC |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    tot = Counter()
    for name, res in results.items():
        o = res["overall"]
        ck, bl = o["checker_binary"], o["baseline_binary"]
        lines.append(
            f"| {name} | {res['n']} | {o['checker']['positives']} | {_pct(o['abstention_rate'])} | {_prec(o['checker'])} "
            f"| {_pct(o['checker']['recall'])} | {_pct(ck['balanced_accuracy'])} | {_pct(o['baseline']['precision'])} "
            f"| {_pct(o['baseline']['recall'])} | {_pct(bl['balanced_accuracy'])} | {_pct(o['baseline_auc'])} |"
        )
        for k in ("tp", "fp", "fn", "tn"):
            tot["c" + k] += o["checker"][k]
            tot["b" + k] += o["baseline"][k]
        tot["n"] += res["n"]
        tot["unverified"] += o["verdicts"].get("unverified", 0)
    if len(results) > 1:
        c = {
            "tp": tot["ctp"],
            "flagged": tot["ctp"] + tot["cfp"],
            "precision": _div(tot["ctp"], tot["ctp"] + tot["cfp"]),
        }
        lines.append(
            f"| **pooled** | {tot['n']} | {tot['ctp'] + tot['cfn']} | {_pct(_div(tot['unverified'], tot['n']))} | {_prec(c)} "
            f"| {_pct(_div(tot['ctp'], tot['ctp'] + tot['cfn']))} | | {_pct(_div(tot['btp'], tot['btp'] + tot['bfp']))} "
            f"| {_pct(_div(tot['btp'], tot['btp'] + tot['bfn']))} | | |"
        )
    figs = [
        res["gold_categories"]["figure"]["checker"]
        for name, res in results.items()
        if name.startswith("summedits") and "figure" in res["gold_categories"]
    ]
    if len(figs) > 1:
        f = Counter()
        for m in figs:
            f.update({k: m[k] for k in ("tp", "fp", "fn", "tn")})
        recall, spec = _div(f["tp"], f["tp"] + f["fn"]), _div(f["tn"], f["tn"] + f["fp"])
        ba = (recall + spec) / 2 if recall is not None and spec is not None else None
        lines.append("")
        lines.append(
            f"SummEdits figure edits, all SummEdits sets pooled: BA {_pct(ba)} (recall {_pct(recall)}, "
            f"specificity {_pct(spec)}; tp {f['tp']}, fn {f['fn']}, fp {f['fp']}, tn {f['tn']})."
        )
    return "\n".join(lines)


def _ci(m: dict, key: str) -> str:
    ci = m[f"{key}_ci95"]
    return "" if ci is None else f" [{_ends(ci)}]"


def _ends(ci: tuple[float, float]) -> str:
    return f"{max(0.0, 100 * ci[0]):.0f}–{min(100.0, 100 * ci[1]):.0f}"


def _pr(m: dict) -> str:
    """Precision with counts and 95% Wilson interval."""
    if m["flagged"] == 0:
        return "– (0/0)"
    return f"{_pct(m['precision'])} ({m['tp']}/{m['flagged']}){_ci(m, 'precision')}"


def _rc(m: dict) -> str:
    """Recall with 95% Wilson interval."""
    return "–" if m["positives"] == 0 else f"{_pct(m['recall'])}{_ci(m, 'recall')}"


def split_table(results: dict[str, dict[str, dict]]) -> str:
    """One row per set and split: contradicted and supported P/R of the checker and the baseline.

    ``results`` is {set: {split: score_set result}}. P is given with (tp/flagged) and, like R,
    with its 95% Wilson interval in brackets; the baseline's are point values (intervals in the JSON).
    """
    lines = [
        "| set | split | n | gold R / S / NEI | contradicted P (tp/flagged) [95% CI] | contradicted R [95% CI] "
        "| supported P (tp/flagged) [95% CI] | supported R [95% CI] | baseline contr. P / R | baseline supp. P / R |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, per in results.items():
        for split, res in per.items():
            o = res["overall"]
            g = o["gold"]
            ck, cs = o["checker"], o["supported"]["checker"]
            bk, bs = o["baseline"], o["supported"]["baseline"]
            lines.append(
                f"| {name} | {split} | {res['n']} | {g.get('refuted', 0)} / {g.get('supported', 0)} / {g.get('nei', 0)} "
                f"| {_pr(ck)} | {_rc(ck)} | {_pr(cs)} | {_rc(cs)} "
                f"| {_pct(bk['precision'])} / {_pct(bk['recall'])} | {_pct(bs['precision'])} / {_pct(bs['recall'])} |"
            )
    return "\n".join(lines)


def typed_fact_scores(records: list[tuple[str, str, bool, bool]]) -> dict:
    """Pooled recall of ``contradicted`` on typed-fact errors, and the false flags beside it.

    ``records``: (set, kind, contradicted, baseline refuted) for every item of the typed-fact
    sets, kind being ``typed`` (a refuted item with a typed-fact error, ``datasets.typed_fact``:
    the positives), ``not_refuted`` (a supported item: gives the specificity) or ``other`` (a
    refuted item of another kind, or an NEI item: left out).
    """
    out: dict = {"per_set": {}}
    for scope in sorted({r[0] for r in records}) + ["pooled"]:
        rs = [r for r in records if scope == "pooled" or r[0] == scope]
        pos = [r for r in rs if r[1] == "typed"]
        neg = [r for r in rs if r[1] == "not_refuted"]
        ck = {
            "n": len(pos),
            "tp": sum(r[2] for r in pos),
            "fp_on_not_refuted": sum(r[2] for r in neg),
            "not_refuted": len(neg),
        }
        ck["recall"] = _div(ck["tp"], len(pos))
        ck["recall_ci95"] = wilson(ck["tp"], len(pos))
        ck["specificity"] = _div(len(neg) - ck["fp_on_not_refuted"], len(neg))
        bl = {"tp": sum(r[3] for r in pos), "fp_on_not_refuted": sum(r[3] for r in neg)}
        bl["recall"] = _div(bl["tp"], len(pos))
        bl["recall_ci95"] = wilson(bl["tp"], len(pos))
        bl["specificity"] = _div(len(neg) - bl["fp_on_not_refuted"], len(neg))
        entry = {"checker": ck, "baseline": bl}
        if scope == "pooled":
            out["pooled"] = entry
        else:
            out["per_set"][scope] = entry
    return out


def typed_table(typed: dict, split: str) -> str:
    lines = [
        f"Typed-fact errors, {split} split (SummEdits figure/date edits, VitaminC numeric and temporal refutes, "
        "Check-COVID numeric and temporal refutes, FRANK CircE):",
        "",
        "| set | typed-fact refuted | checker R (tp) [95% CI] | checker false flags / not refuted | baseline R | baseline false flags |",
        "|---|---|---|---|---|---|",
    ]
    for name, e in [*typed["per_set"].items(), ("**pooled**", typed["pooled"])]:
        ck, bl = e["checker"], e["baseline"]
        ci = ck["recall_ci95"]
        lines.append(
            f"| {name} | {ck['n']} | {_pct(ck['recall'])} ({ck['tp']})"
            + ("" if ci is None else f" [{_ends(ci)}]")
            + f" | {ck['fp_on_not_refuted']} / {ck['not_refuted']} | {_pct(bl['recall'])} | {bl['fp_on_not_refuted']} |"
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def tuned_threshold(splits: dict[str, dict[str, list[Item]]], sims: dict) -> tuple[float, dict]:
    """Baseline threshold tuned on the dev parts only (whole, never sampled, never test items).

    ``sims`` caches similarities by (set, split, id) for the run that follows.
    """
    scored, per = [], {}
    for name, parts in splits.items():
        items = [it for it in parts["dev"] if it.binary]
        if not items:
            continue
        for it in items:
            key = (name, "dev", it.set, it.id)
            if key not in sims:
                sims[key] = base.similarity(it.claim, it.source, claim_is_summary=it.summary)
            scored.append((sims[key], it.refuted))
        per[name] = len(items)
    return base.tune_threshold(scored), per


def _typed_kind(name: str, it: Item) -> str:
    if typed_fact(name, it):
        return "typed"
    return "not_refuted" if it.gold == "supported" else "other"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=None, help="the shared directory (default: ../shared)")
    ap.add_argument(
        "--limit",
        type=int,
        default=0,
        help="items per set and split, sampled with --seed (default 0: all; the whole run takes about 4 min)",
    )
    ap.add_argument(
        "--seed", type=int, default=13, help="sampling seed for --limit (the split itself has its own fixed seed)"
    )
    ap.add_argument("--sets", default=",".join(LOADERS), help="comma-separated: " + ",".join(LOADERS))
    ap.add_argument(
        "--split",
        choices=("dev", "test", "both"),
        default="both",
        help="which part of each set to run (test-only sets have no dev part)",
    )
    ap.add_argument(
        "--threshold", type=float, default=None, help="baseline threshold (default: tuned on the dev parts)"
    )
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-probe", dest="probe", action="store_false", help="skip the what-if probe (probe.py)")
    args = ap.parse_args(argv)
    root = datasets_dir(args.shared)
    if not root.is_dir():
        print(f"no datasets at {root}", file=sys.stderr)
        return 2
    names = args.sets.split(",")
    unknown = [n for n in names if n not in LOADERS]
    if unknown:
        print(f"unknown set(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    run_splits = list(SPLITS) if args.split == "both" else [args.split]
    t_start = time.perf_counter()
    sims: dict = {}
    if args.threshold is None:
        # every split set's dev part, whatever --sets says, so the threshold is the same in every run
        threshold, dev = tuned_threshold(load_splits(root, [n for n in LOADERS if n not in TEST_ONLY]), sims)
        how = f"tuned on the dev parts {dev}"
    else:
        threshold, how = args.threshold, "given"
    splits = load_splits(root, names)
    results: dict[str, dict[str, dict]] = {}
    cases: dict[str, dict[str, dict]] = {}
    crashes, samples, limits, typed_records = [], {}, {}, {s: [] for s in run_splits}
    with tempfile.TemporaryDirectory(prefix="claimcheck-acc-") as tmp:
        for name in names:
            limit = args.limit or None
            limits[name] = limit
            for split in run_splits:
                full = splits[name][split]
                if not full:
                    continue
                items = sample(full, limit, args.seed)
                label = f"{len(items)} of {len(full)}" + (f", seed {args.seed}" if len(items) < len(full) else "")
                samples.setdefault(name, {})[split] = label
                t0 = time.perf_counter()
                outcomes, set_sims, probes = [], [], []
                for k, it in enumerate(items):
                    outcomes.append(run_checker(it, Path(tmp) / name / split / str(k)))
                    mark_on_edit(it, outcomes[-1])
                    key = (name, split, it.set, it.id)
                    if key not in sims:
                        sims[key] = base.similarity(it.claim, it.source, claim_is_summary=it.summary)
                    set_sims.append(sims[key])
                    if args.probe:
                        probes.append([h.__dict__ for h in probe(it.claim, it.source, summary=it.summary)])
                    if (k + 1) % 200 == 0:
                        print(f"  {name} {split}: {k + 1}/{len(items)}", file=sys.stderr)
                secs = time.perf_counter() - t0
                res = score_set(items, outcomes, set_sims, threshold, probes if args.probe else None)
                res["seconds"] = round(secs, 1)
                res["sample"] = label
                results.setdefault(name, {})[split] = res
                cases.setdefault(name, {})[split] = _cases(items, outcomes, set_sims, probes if args.probe else None)
                crashes += [
                    {"set": name, "split": split, "id": it.id, "traceback": o.error}
                    for it, o in zip(items, outcomes)
                    if o.error
                ]
                if name in TYPED_SETS:
                    typed_records[split] += [
                        (name, _typed_kind(name, it), o.verdict == "contradicted", s < threshold)
                        for it, o, s in zip(items, outcomes, set_sims)
                    ]
                print(markdown(name, res, threshold, label, split) + f"\n({secs:.0f} s)\n", flush=True)
    if not results:
        print(
            f"nothing to run: {', '.join(names)} ha{'s' if len(names) == 1 else 've'} no {args.split} part "
            f"(test-only: {', '.join(sorted(TEST_ONLY))})",
            file=sys.stderr,
        )
        return 2
    typed = {split: typed_fact_scores(recs) for split, recs in typed_records.items() if recs}
    total = time.perf_counter() - t_start
    print("## Summary: `contradicted` against gold refuted, `supported` against gold supported\n")
    print(split_table(results))
    for split in run_splits:
        if split in typed:
            print()
            print(typed_table(typed[split], split))
    for split in run_splits:
        per = {name: r[split] for name, r in results.items() if split in r}
        if per:
            print(f"\n### {split} split: P/R of `contradicted`, BA on the binary items\n")
            print(summary_table(per))
    print(
        f"\nBaseline: rapidfuzz token_set_ratio best source sentence, weakest claim sentence < {threshold:g} means refuted, "
        f"otherwise supported ({how}). Split: {SPLIT_SEED}, dev fraction {DEV_FRACTION} of document groups; "
        f"test-only: {', '.join(sorted(TEST_ONLY))}. Samples: "
        + "; ".join(f"{k} " + ", ".join(f"{s} {v}" for s, v in per.items()) for k, per in samples.items())
        + f". Total {total:.0f} s."
    )
    if crashes:
        print(f"\n{len(crashes)} checker crash(es); tracebacks in {args.out}", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "threshold": threshold,
                "threshold_from": how,
                "split_seed": SPLIT_SEED,
                "dev_fraction": DEV_FRACTION,
                "test_only": sorted(TEST_ONLY),
                "splits_run": run_splits,
                "limits": limits,
                "seed": args.seed,
                "samples": samples,
                "seconds": round(total, 1),
                "results": results,
                "typed_fact": typed,
                "cases": cases,
                "crashes": crashes,
            },
            indent=1,
            default=list,
        ),
        encoding="utf-8",
    )
    return 0


def _cases(items: list[Item], outcomes: list[Outcome], sims: list[float], probes: list[list] | None = None) -> dict:
    """The false "contradicted" items in full, and the true ones, and which items were said
    supported, for error analysis."""
    fp, tp = [], []
    supported = [
        {"id": it.id, "label": it.label, "claim": it.claim}
        for it, o in zip(items, outcomes)
        if o.verdict == "supported"
    ]
    probe_fp = [
        {"id": it.id, "label": it.label, "hits": h} for it, h in zip(items, probes or []) if h and not it.refuted
    ]
    probe_tp = [
        {"id": it.id, "label": it.label, "categories": sorted(it.categories), "hits": h}
        for it, h in zip(items, probes or [])
        if h and it.refuted
    ]
    for it, o, s in zip(items, outcomes, sims):
        if o.verdict != "contradicted":
            continue
        rec = {
            "id": it.id,
            "origin": it.set,
            "label": it.label,
            "categories": sorted(it.categories),
            "claim": it.claim,
            "baseline_similarity": s,
            "findings": o.findings,
        }
        (tp if it.refuted else fp).append(rec)
    return {
        "false_contradicted": fp,
        "true_contradicted": tp,
        "supported": supported,
        "probe_false": probe_fp,
        "probe_true": probe_tp,
    }


if __name__ == "__main__":
    sys.exit(main())
