"""The words of a list within a rapidfuzz ratio of one of them, found without comparing it
with every other (issue 15: spelling variants among thousands of names sharing a surname).

``fuzz.ratio(a, b)`` is ``200 * LCS(a, b) / (len(a) + len(b))``, so two words reach a ratio
``r`` only if they share a subsequence of ``ceil(r * (len(a) + len(b)) / 200)`` letters. For
each pair of word lengths the words are filed under their subsequences of that many letters
and a word is compared only with the words filed under one of its own. Long words have many
such subsequences: where filing them would cost more than comparing the two lengths' words
pair by pair, rapidfuzz scans those words instead. Either way every word that can reach the
cutoff is a candidate, and each candidate is decided by ``fuzz.ratio`` itself: the answer is
the one of comparing every pair.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from itertools import combinations

from rapidfuzz import fuzz, process

# Measured costs (rapidfuzz 3.14, CPython 3.11, 2,000 eight-letter names looked up both ways),
# in units of one pair compared by a rapidfuzz scan (about 90 ns with its share of the call):
# a subsequence filed, asked for and its candidates decided costs about 30, a scan call 25.
_KEY_COST = 30
_CALL_COST = 25
# The ratio is a float: the subsequence bound is taken this much below the cutoff, so that no
# pair whose computed ratio reaches the cutoff is left out by rounding.
_SLACK = 1e-6


class NearWords:
    """``later(i)``: the indices ``k > i`` with ``fuzz.ratio(words[i], words[k]) >= cutoff``."""

    def __init__(self, words: Sequence[str], cutoff: float):
        self.words, self.cutoff = words, cutoff
        self.by_length: dict[int, list[int]] = {}  # ascending indices
        for i, word in enumerate(words):
            self.by_length.setdefault(len(word), []).append(i)
        self._filed: dict[tuple[int, int], dict[str, list[int]]] = {}  # (length, letters) -> file

    def later(self, i: int) -> list[int]:
        word = self.words[i]
        found: set[int] = set()
        for length, members in self.by_length.items():
            shared = self._shared(len(word), length)
            if shared > min(len(word), length):
                continue  # the shorter word has too few letters to reach the cutoff
            if self._scans(len(word), length, shared):
                rest = members[bisect_right(members, i) :]
                hits = process.extract(
                    word, [self.words[k] for k in rest], scorer=fuzz.ratio, score_cutoff=self.cutoff - 1, limit=None
                )
                found.update(rest[hit[2]] for hit in hits)
            else:
                filed = self._file(length, shared)
                for key in _subsequences(word, shared):
                    found.update(k for k in filed.get(key, ()) if k > i)
        return sorted(k for k in found if fuzz.ratio(word, self.words[k]) >= self.cutoff)

    def _shared(self, a: int, b: int) -> int:
        """The letters two words of lengths ``a`` and ``b`` must share to reach the cutoff."""
        return math.ceil((self.cutoff - _SLACK) * (a + b) / 200)

    def _scans(self, a: int, b: int, shared: int) -> bool:
        """Whether the words of lengths ``a`` and ``b`` are compared pair by pair: when that
        costs less than filing them by their subsequences (or they need share nothing)."""
        if shared <= 0:
            return True
        na, nb = len(self.by_length[a]), len(self.by_length[b])
        pairs = na * (na - 1) // 2 if a == b else na * nb
        filing = _KEY_COST * (na * math.comb(a, shared) + (0 if a == b else nb * math.comb(b, shared)))
        return pairs + _CALL_COST * min(na, nb) <= filing

    def _file(self, length: int, shared: int) -> dict[str, list[int]]:
        filed = self._filed.get((length, shared))
        if filed is None:
            filed = self._filed[(length, shared)] = {}
            for k in self.by_length[length]:
                for key in _subsequences(self.words[k], shared):
                    filed.setdefault(key, []).append(k)
        return filed


def _subsequences(word: str, size: int) -> set[str]:
    """Every string of ``size`` letters that ``word`` contains in order."""
    if size >= len(word):
        return {word}
    if size == len(word) - 1:
        return {word[:j] + word[j + 1 :] for j in range(len(word))}
    return {"".join(letters) for letters in combinations(word, size)}
