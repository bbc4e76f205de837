"""Where in a passage a claim lands, and how closely: rapidfuzz scores with character spans.

The score ranks evidence; it never decides a verdict (a contradicting passage can score
higher than a supporting one: "Protests peaked in June 1989" beats "Protests in Beijing peaked
between May 15 and 19 in 1989" for the claim "protests peaked May 15-19, 1989" under ``ratio``,
``partial_ratio`` and ``token_sort_ratio``; only ``token_set_ratio``, used here, ranks them right).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, utils


@dataclass(frozen=True)
class Alignment:
    score: float  # 0..100, token_set_ratio on normalised text
    start: int  # aligned span inside the passage text (relative)
    end: int


def sentence_similarity(a: str, b: str) -> float:
    """How closely two sentences say the same thing, 0..1 (word-set overlap on normalised text)."""
    return fuzz.token_set_ratio(a, b, processor=utils.default_process) / 100


def align(claim: str, passage: str) -> Alignment:
    score = fuzz.token_set_ratio(claim, passage, processor=utils.default_process)
    if len(claim) <= len(passage):
        al = fuzz.partial_ratio_alignment(claim, passage, processor=None)
        assert al is not None  # None only below a score_cutoff, and none is given
        start, end = al.dest_start, al.dest_end
    else:
        start, end = 0, len(passage)
    return Alignment(score=round(score, 1), start=start, end=end)
