"""The naive baseline: fuzzy best-passage similarity with a threshold (rapidfuzz).

Each claim sentence is matched to its most similar source sentence with
``fuzz.token_set_ratio`` (order-free; 100 when one side's words are a subset of the other's).
The item's score is the weakest of its sentences' best matches; below the threshold it is
called refuted. A changed figure or name lowers the score, which is the whole idea — and its
weakness: paraphrase lowers it as much.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process, utils

from checker.ingest.text import split_sentences


def sentences(text: str) -> list[str]:
    """Sentences of ``text`` (the checker's own syntok splitter), never empty."""
    out = [text[s:e] for s, e in split_sentences(text, 0, len(text)) if text[s:e].strip()]
    return out or [text]


def similarity(
    claim: str, source: str, *, claim_is_summary: bool = True, source_sentences: Sequence[str] | None = None
) -> float:
    """0..100: the lowest, over the claim's sentences, of the best match in the source."""
    parts = sentences(claim) if claim_is_summary else [claim]
    choices = list(source_sentences) if source_sentences is not None else sentences(source)
    best = []
    for part in parts:
        hit = process.extractOne(part, choices, scorer=fuzz.token_set_ratio, processor=utils.default_process)
        best.append(hit[1] if hit else 0.0)
    return min(best)


def tune_threshold(scored: Sequence[tuple[float, bool]]) -> float:
    """The threshold maximising balanced accuracy of "score < threshold means refuted"."""
    pos = [s for s, y in scored if y]
    neg = [s for s, y in scored if not y]
    if not pos or not neg:
        return 50.0
    best_t, best_ba = 50.0, -1.0
    for t in sorted({round(s, 1) for s, _ in scored} | {100.1}):
        tpr = sum(s < t for s in pos) / len(pos)
        tnr = sum(s >= t for s in neg) / len(neg)
        ba = (tpr + tnr) / 2
        if ba > best_ba:
            best_t, best_ba = t, ba
    return best_t


def auc(scored: Sequence[tuple[float, bool]]) -> float | None:
    """ROC AUC of "lower score means refuted" (ties count half), or None with one class."""
    pos = [s for s, y in scored if y]
    neg = [s for s, y in scored if not y]
    if not pos or not neg:
        return None
    # rank-sum (Mann-Whitney U) with average ranks for ties
    allv = sorted([(s, 1) for s in pos] + [(s, 0) for s in neg], key=lambda t: -t[0])
    rank_sum = 0.0
    i = 0
    while i < len(allv):
        j = i
        while j < len(allv) and allv[j][0] == allv[i][0]:
            j += 1
        avg = (i + 1 + j) / 2
        rank_sum += avg * sum(1 for k in range(i, j) if allv[k][1])
        i = j
    u = rank_sum - len(pos) * (len(pos) + 1) / 2
    return u / (len(pos) * len(neg))
