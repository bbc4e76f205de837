"""TempEval-3 Task A scoring (UzZaman et al. 2013), re-implemented on character offsets.

* strict: system span == gold span; relaxed: the spans overlap (one-to-one, largest overlap first).
* P = matched / system, R = matched / gold, F1 their harmonic mean.
* value (attribute) F1 as in the TE3 script: among relaxed matches, count those whose value is
  right; P_attr = right / system, R_attr = right / gold, F1 of the two.

Values are compared after one canonicalisation: a decade or century written "199X"/"19XX" equals
"199"/"19" (TBAQ uses both forms for the same thing), and "2000-W7" equals "2000-W07".
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    value: str


_WEEK = re.compile(r"^(\d{4})-W(\d)(?!\d)")


def canon(v: str) -> str:
    v = _WEEK.sub(lambda m: f"{m.group(1)}-W0{m.group(2)}", v.strip().upper())
    if v[:2].isdigit():
        stripped = v.rstrip("X")
        if stripped.isdigit() and len(stripped) in (2, 3):
            return stripped
    return v


def _prf(hit: int, n_sys: int, n_gold: int) -> dict:
    p = hit / n_sys if n_sys else 0.0
    r = hit / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(100 * p, 2), "R": round(100 * r, 2), "F1": round(100 * f, 2)}


def match(gold: list[Span], system: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one relaxed matching, largest character overlap first."""
    pairs = []
    for g in gold:
        for s in system:
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                pairs.append((ov, g, s))
    pairs.sort(key=lambda x: -x[0])
    used_g, used_s, out = set(), set(), []
    for _, g, s in pairs:
        if id(g) in used_g or id(s) in used_s:
            continue
        used_g.add(id(g))
        used_s.add(id(s))
        out.append((g, s))
    return out


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0

    def add(self, gold: list[Span], system: list[Span]) -> list[tuple[Span, Span]]:
        self.gold += len(gold)
        self.system += len(system)
        gset = {(g.start, g.end) for g in gold}
        self.strict += sum((s.start, s.end) in gset for s in system)
        pairs = match(gold, system)
        self.relaxed += len(pairs)
        self.value += sum(canon(g.value) == canon(s.value) for g, s in pairs)
        return pairs

    def result(self) -> dict:
        return {
            "gold": self.gold,
            "system": self.system,
            "strict": _prf(self.strict, self.system, self.gold),
            "relaxed": _prf(self.relaxed, self.system, self.gold),
            "value": _prf(self.value, self.system, self.gold),
            "value_accuracy_on_relaxed": round(100 * self.value / self.relaxed, 2) if self.relaxed else 0.0,
        }
