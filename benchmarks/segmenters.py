"""Sentence segmenters on this project's material: boundary accuracy and speed.

Is syntok (no release since 2022) still the segmenter to keep? Every candidate runs on the same
texts, from the shared data, with nothing tuned:

- accuracy: CLIMATE-FEVER evidence sentences (single Wikipedia sentences, so the gold boundaries
  are known), joined six to a paragraph with one space; a boundary is found when a segment starts
  exactly where a gold sentence starts. Precision, recall and F1 of those boundaries.
- speed: the seed review paper, repeated to about 1 MB, each paragraph segmented alone (as the
  checker reads a document), CPU time, median of 3 runs.

``checker`` is the checker's own ``split_sentences`` (syntok plus its line-end rule); the others
are the libraries called plainly. Candidates not installed are left out of the table.

    pip install blingfire pysbd nupunkt        # the candidates (not dependencies of claimcheck)
    python benchmarks/segmenters.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared"
SEED = "seeds/001_630ad76a5922bb74.txt"
PER_PARAGRAPH = 6

Segmenter = Callable[[str], list[int]]  # text -> start offsets of its sentences


def segmenters() -> dict[str, Segmenter]:
    found: dict[str, Segmenter] = {}
    from checker.ingest.text import split_sentences

    found["checker (syntok + line ends)"] = lambda t: [s for s, _ in split_sentences(t, 0, len(t))]
    from syntok import segmenter

    found["syntok 1.4"] = lambda t: [sent[0].offset for para in segmenter.analyze(t) for sent in para if sent]
    try:
        import blingfire

        found["blingfire"] = lambda t: [s for s, _ in blingfire.text_to_sentences_and_offsets(t)[1]]
    except ImportError:
        pass
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
        found["pysbd"] = lambda t: [s.start for s in seg.segment(t)]
    except ImportError:
        pass
    try:
        from nupunkt import sent_spans

        found["nupunkt"] = lambda t: [s for s, _ in sent_spans(t)]
    except ImportError:
        pass
    return found


def gold_paragraphs(shared: Path, limit: int) -> list[tuple[str, set[int]]]:
    seen, sentences = set(), []
    for line in (shared / "datasets/climate_fever/climate-fever.jsonl").read_text("utf-8").splitlines():
        for ev in json.loads(line)["evidences"]:
            s = " ".join(ev["evidence"].split())
            # one plain sentence: a capital first, a full stop last, no inner ". X" that could
            # already be a second sentence in the source
            if (
                s in seen
                or len(s) < 25
                or not s[0].isupper()
                or s[-1] not in ".!?"
                or re.search(r"[.!?] [A-Z]", s[:-1])
            ):
                continue
            seen.add(s)
            sentences.append(s)
    sentences = sentences[:limit]
    out = []
    for i in range(0, len(sentences), PER_PARAGRAPH):
        group = sentences[i : i + PER_PARAGRAPH]
        text, starts = "", set()
        for s in group:
            if text:
                text += " "
            starts.add(len(text))
            text += s
        out.append((text, starts))
    return out


def accuracy(seg: Segmenter, paragraphs) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for text, gold in paragraphs:
        found = {s for s in seg(text) if s > 0}
        gold = gold - {0}
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def speed(seg: Segmenter, text: str, runs: int) -> float:
    """MB/s over the text's paragraphs, each segmented alone (as the checker reads a document)."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    rates = []
    for _ in range(runs):
        t0 = time.process_time()
        for para in paragraphs:
            seg(para)
        rates.append(len(text.encode("utf-8")) / (time.process_time() - t0) / 1e6)
    return statistics.median(rates)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--sentences", type=int, default=3000, help="gold sentences for the accuracy part")
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    if not (args.shared / SEED).exists():
        print(f"needs the shared data at {args.shared}", file=sys.stderr)
        return 2
    paragraphs = gold_paragraphs(args.shared, args.sentences)
    seed = (args.shared / SEED).read_text("utf-8")
    big = seed * max(1, int(args.mb * 1e6 // len(seed.encode("utf-8"))))
    n_gold = sum(len(g) - 1 for _, g in paragraphs)
    print(
        f"accuracy: {n_gold} gold boundaries in {len(paragraphs)} CLIMATE-FEVER paragraphs; "
        f"speed: seed paper x{len(big) // len(seed)} ({len(big.encode()) / 1e6:.1f} MB), CPU, median of {args.runs}\n"
    )
    print("| segmenter | boundary P | R | F1 | MB/s |")
    print("|---|---:|---:|---:|---:|")
    for name, seg in segmenters().items():
        p, r, f = accuracy(seg, paragraphs)
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {speed(seg, big, args.runs):.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
