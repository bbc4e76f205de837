"""A what-if probe, not the checker: the number and date comparisons on the best-aligned sentence.

The checker compares facts only between sentences shown to tell one event (an event frame
with a person and a diplomatic action, see ``checker/rules/identity.py``), so on these sets
it abstains almost always. This probe asks what the same comparisons would give if sameness
were instead "the source sentence most similar to the claim sentence" (rapidfuzz
token_set_ratio >= ``min_align``). It reuses the checker's extractors and its comparison
functions (``numbers_compare.conflicts``/``same_kind``, ``temporal.conflicts``) with the
rules' own "every peer conflicts" condition; it is a measurement to steer the rules, and is
reported apart from the checker's figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from checker.extract import Extractor
from checker.extract.numbers_compare import conflicts as numbers_conflict
from checker.extract.numbers_compare import describe, same_kind
from checker.extract.temporal import conflicts as dates_conflict

from .baseline import sentences


@dataclass
class ProbeHit:
    category: str  # "number" | "date"
    claim_sentence: str
    evidence_sentence: str
    claim_value: str
    evidence_value: str
    align: float


def probe(claim: str, source: str, *, summary: bool, min_align: float = 70.0) -> list[ProbeHit]:
    """Number/date conflicts between each claim sentence and its best-aligned source sentence."""
    src = sentences(source)
    ex = Extractor()
    for s in src:
        ex.registry.learn(s)
    hits: list[ProbeHit] = []
    for part in sentences(claim) if summary else [claim]:
        best = process.extractOne(part, src, scorer=fuzz.token_set_ratio, processor=utils.default_process)
        if not best or best[1] < min_align:
            continue
        ev = best[0]
        fa, fb = ex.extract(part), ex.extract(ev)
        for qa in fa.quantities:
            if qa.kind == "ordinal":
                continue
            peers = [qb for qb in fb.quantities if qb.kind != "ordinal" and same_kind(qa, qb)]
            if peers and all(numbers_conflict(qa, qb) for qb in peers):
                hits.append(ProbeHit("number", part, ev, describe(qa), describe(peers[0]), best[1]))
        closed_b = [d for d in fb.dates if not (d.open_start or d.open_end)]
        for da in fa.dates:
            if da.open_start or da.open_end:
                continue
            peers = [db for db in closed_b if db.granularity == da.granularity]
            if peers and all(dates_conflict(da, db) for db in peers):
                hits.append(ProbeHit("date", part, ev, da.text, peers[0].text, best[1]))
    return hits
