"""The one recipe for a finding's fingerprint: its identity for baselines and code scanning.

A fingerprint hashes what the finding is about — the rule, the claim's sentence, the source's
sentence and the two compared values, with whitespace folded — and never a
line number, so an accepted finding keeps its identity when text above it moves. Two findings
that look identical by that recipe ("[4] Ibid" and "[5] Ibid") are told apart by their order
of occurrence, as GitHub code scanning does with its line hashes: the first keeps the plain
hash, the second gets the hash of (plain hash, 2), and so on. Every finding of a run then has
its own fingerprint, and an edit elsewhere changes none of them.
"""

from __future__ import annotations

import hashlib
from collections import Counter

LENGTH = 20  # hex digits kept: 80 bits, no accidental collision in any real run


def _fold(text: str) -> str:
    return " ".join(text.split())


def fingerprint(rule: str, claim_context: str, evidence_context: str, claim_value: str, evidence_value: str) -> str:
    """The plain fingerprint of a finding (before telling identical ones apart)."""
    raw = "\x1f".join([rule, _fold(claim_context), _fold(evidence_context), claim_value, evidence_value])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:LENGTH]


class Fingerprints:
    """Hands out unique fingerprints for one run, in the run's (deterministic) order."""

    def __init__(self) -> None:
        self._seen: Counter[str] = Counter()

    def unique(self, plain: str) -> str:
        self._seen[plain] += 1
        n = self._seen[plain]
        if n == 1:
            return plain
        return hashlib.sha256(f"{plain}\x1f{n}".encode()).hexdigest()[:LENGTH]
