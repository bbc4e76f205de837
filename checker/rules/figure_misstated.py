"""CC-NUM-002 number.misstated"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..extract.measures import (
    Measure,
    describe_period,
    measure_similarity,
    measures,
    periods_differ,
)
from ..extract.numbers_compare import (
    conflicts,
    describe,
    inconsistent_bounds,
    same_figure,
    same_kind,
)
from ..match.align import sentence_similarity
from ..match.statements import DEFAULT_OPTIONS, AlignOptions
from ..models import Quantity, Severity
from .base import ClaimRule, Hit, PassageMemo, Side

# A peer must share this much of the figure's measure words ...
_MIN_MEASURE = 0.3
# ... and sit in a sentence this close to the claim's (rapidfuzz token_set_ratio / 100).
_MIN_ALIGN = 0.5
# A sentence that matches the claim's this much more closely may share less of the measure.
_LOOSER_MEASURE, _CLOSER_ALIGN = 0.1, 0.15
# Without a cited source the claim's figure may be stated in a document the index did not
# return, so the peer must be a much closer match.
_MIN_MEASURE_UNCITED, _MIN_ALIGN_UNCITED = 0.5, 0.7


class FigureMisstated(ClaimRule):
    """What it checks:
    A figure in a claim that its source never states, where the source gives a different
    figure for the same measure: the same kind of number (currency, unit, percent, counted
    thing), named by the same words ("adjusted earnings per share", "net sales") for the same
    period, in a sentence that says what the claim says.

    Why it matters:
    Summaries of reports and calls retype their figures; "$6.52" for "$5.52" or "up 39%" for
    "up 38%" reads as fact and no sentence-level similarity notices it.

    Example:
    Claim: "first-quarter earnings per share of $6.52"; source: "Our reported first quarter
    earnings per share was $5.52". Not a finding: "$1.6 billion" against "$1.65 billion"
    (rounded); "about 870 infections" where the source says "870 people have been infected";
    "$2.55" where the source states $2.55 anywhere; figures for another quarter or measure.

    Options:
    None. With a cited source every passage of it is searched for the figure; without one only
    the candidate passages are, and the match must be closer.
    """

    code = "CC-NUM-002"
    name = "number.misstated"
    category = "number"
    severity = Severity.error
    # the engine asks match.misstatement whether the matching sentence makes the claim\'s statement
    options = ("name-similarity", "context-chars", "substitution-words")

    def check_claim(
        self, claim: Side, candidates: list[Side], cited: list[Side] | None, options: AlignOptions = DEFAULT_OPTIONS
    ) -> Iterable[tuple[Hit, Side]]:
        pool = cited or candidates
        min_measure, min_align = (_MIN_MEASURE, _MIN_ALIGN) if cited else (_MIN_MEASURE_UNCITED, _MIN_ALIGN_UNCITED)
        figures = _figures(claim)
        if not figures or not pool:
            return
        sides = [(side, _figures(side)) for side in pool]
        for mine in figures:
            qa = mine.quantity
            stated = [(side, theirs) for side, group in sides for theirs in group if same_figure(qa, theirs.quantity)]
            if any(not periods_differ(mine, theirs) for _, theirs in stated) or any(
                _bound_met(qa, theirs.quantity) and measure_similarity(mine, theirs) >= min_measure
                for _, group in sides
                for theirs in group
            ):
                continue
            if stated:
                # the figure is in the source, but for another period ("17% in 2019" for 2020's 17%)
                hit = self._other_period(claim, mine, stated, min_measure, min_align)
                if hit:
                    yield hit
                continue
            best = None
            for side, group in sides:
                align = None
                for theirs in group:
                    pair = _comparable(qa, theirs.quantity)
                    if pair is None:
                        continue
                    if align is None:
                        align = _align(claim, side)
                    score = measure_similarity(mine, theirs)
                    if pair[0] is not qa and score < _MIN_MEASURE_UNNAMED:
                        continue
                    key = score + 0.3 * align
                    if best is None or key > best[0]:
                        best = (key, score, align, theirs, side, pair)
            if best is None:
                continue
            _, score, align, theirs, side, (ca, cb) = best
            qb = theirs.quantity
            # "below $26 billion" for "below $25 billion": both may hold, but the claim misstates it
            restated = ca.bound == cb.bound != "exact" and inconsistent_bounds(ca, cb)
            close = _close(
                score,
                align,
                min_measure,
                min_align,
                _alone(qa, claim) and _alone(qb, side) and _shares_a_common_word(mine, theirs, claim.text),
            )
            conflicting = conflicts(ca, cb)
            if not close or not (conflicting or restated):
                continue
            if _other_numbers_unsourced(claim, qa, pool):
                continue
            words = ", ".join(k for k, _ in sorted(theirs.words.items(), key=lambda kv: -kv[1])[:4])
            # "more than 18 million" where the source says "over 20 million" holds: the claim
            # restates the bound more loosely, an inconsistency to note, not a contradiction
            # ("over 70 missing" for "more than 50" claims more than the source and stays an error)
            hedge_only = not conflicting and _implied_bound(ca, cb)
            yield (
                Hit(
                    claim_span=(qa.start, qa.end),
                    evidence_span=(qb.start, qb.end),
                    claim_value=describe(qa),
                    evidence_value=describe(qb),
                    message=(
                        f"claim says {describe(qa)}; the source gives {describe(qb)} for the same measure "
                        f"({words}) and never states {qa.text}"
                        + ("; both bounds may hold, but they differ" if hedge_only else "")
                    ),
                    confidence=round(min(0.95, 0.5 + 0.3 * score + 0.2 * align), 2),
                    severity=Severity.warning if hedge_only else None,
                ),
                side,
            )

    def _other_period(
        self, claim: Side, mine: Measure, stated: list[tuple[Side, Measure]], min_measure: float, min_align: float
    ) -> tuple[Hit, Side] | None:
        best = None
        for side, theirs in stated:
            score = measure_similarity(mine, theirs, ignore_period=True)
            align = _align(claim, side)
            if score >= min_measure and align >= min_align and (best is None or score + align > best[0]):
                best = (score + align, score, align, side, theirs)
        if best is None:
            return None
        _, score, align, side, theirs = best
        qa, qb = mine.quantity, theirs.quantity
        return Hit(
            claim_span=(qa.start, qa.end),
            evidence_span=(qb.start, qb.end),
            claim_value=f"{describe(qa)} ({describe_period(mine)})",
            evidence_value=f"{describe(qb)} ({describe_period(theirs)})",
            message=(
                f"claim gives {qa.text} for {describe_period(mine)}; the source gives it for {describe_period(theirs)}"
            ),
            confidence=round(min(0.9, 0.45 + 0.3 * score + 0.2 * align), 2),
        ), side


# Counts that name no noun of their own ("more than 50 missing", "70 others") may be set
# against each other only when their measure words agree this closely.
_MIN_MEASURE_UNNAMED = 0.5
_PRO_FORMS = frozenset({"", "other", "others", "more", "one", "ones"})


def _comparable(a: Quantity, b: Quantity) -> tuple[Quantity, Quantity] | None:
    """The two quantities as they may be compared, or None: same kind, or two counts whose
    nouns are missing or stand in for one named earlier ("two people ... 70 others")."""
    if same_kind(a, b):
        return a, b
    if a.kind == b.kind == "count" and a.noun.lower() in _PRO_FORMS and b.noun.lower() in _PRO_FORMS:
        return a.model_copy(update={"noun": "thing"}), b.model_copy(update={"noun": "thing"})
    return None


def _close(score: float, align: float, min_measure: float, min_align: float, alone: bool) -> bool:
    """Measure and sentence agree enough: the full measure in a matching sentence, or less of
    it in a sentence that matches more closely. When the two figures are each the only one of
    their kind in their sentences the pairing is not in doubt, and the step between those two
    corners becomes a line: a sentence may share proportionally less of the measure for each
    point it matches more closely ("ordered to spend another 20 days in detention" against
    "agreed to extend ... detention ... for another 30 days")."""
    if score < min_measure - _LOOSER_MEASURE or align < min_align:
        return False
    if score >= min_measure or align >= min_align + _CLOSER_ALIGN:
        return True
    slope = _LOOSER_MEASURE / _CLOSER_ALIGN
    return alone and score + slope * (align - min_align) >= min_measure - 1e-9


def _shares_a_common_word(a: Measure, b: Measure, text: str) -> bool:
    """The two measures share a word other than a name: "Harbor Mills" in both sentences says
    they speak of one company, not of one measure."""
    for word in set(a.words) & set(b.words):
        # written in lower case at least once
        if re.search(rf"(?<![\w-]){re.escape(word)}(?:s|es|ed|d|ing)?(?![\w-])", text):
            return True
    return False


def _alone(q: Quantity, side: Side) -> bool:
    """The only figure of its kind in its sentence."""
    return sum(other.kind == q.kind for other in side.facts.quantities) == 1


def _align(claim: Side, side: Side) -> float:
    return sentence_similarity(claim.text, side.text)


# "£50, 000": tokenised text (system summaries) splits a thousands group off; such a figure
# cannot be read with confidence, so it is not set against anything.
_SPLIT_THOUSANDS = re.compile(r",\s\d{3}(?!\d)")


_MEASURES: PassageMemo[list[Measure]] = PassageMemo()


def _figures(side: Side) -> list[Measure]:
    return _MEASURES.get(side, _measure_figures)


def _measure_figures(side: Side) -> list[Measure]:
    quantities = [
        q
        for q in side.facts.quantities
        if not (q.text[-1:].isdigit() and _SPLIT_THOUSANDS.match(side.text, q.end - side.start))
    ]
    return measures(side.text, quantities, offset=side.start)


# a score or share written as a fraction ("33/44 reviews"), which the quantity reader leaves alone
_FRACTION = re.compile(r"(?<![\w/.-])(\d+)/(\d+)(?![\w/.-])")
_DIGIT_RUN = re.compile(r"\d+(?:[.,]\d+)*")


def _other_numbers_unsourced(claim: Side, q: Quantity, pool: list[Side]) -> bool:
    """ "Based on 33/44 reviews, it was rated 75%" against "76%, with 35 reviews out of 46": when
    the claim holds a fraction no figure was read from and the source has its numbers nowhere,
    the sentence describes another moment or count than the source's, and its figure is not
    held against the source's."""
    read = [(x.start, x.end) for x in claim.facts.quantities] + [(d.start, d.end) for d in claim.facts.dates]
    unread = [m for m in _FRACTION.finditer(claim.text) if not any(a <= claim.start + m.start() < b for a, b in read)]
    if not unread:
        return False
    source_runs = {m.group(0).replace(",", "") for side in pool for m in _DIGIT_RUN.finditer(side.text)}
    return any(not {m.group(1), m.group(2)} <= source_runs for m in unread)


def _implied_bound(claim: Quantity, source: Quantity) -> bool:
    """The source's bound implies the claim's: "over 20 million" gives "more than 18 million"."""
    if claim.bound != source.bound or claim.bound not in ("min", "max"):
        return False
    a = claim.low if claim.bound == "min" else claim.high
    b = source.low if source.bound == "min" else source.high
    a = claim.value if a is None else a
    b = source.value if b is None else b
    return b >= a if claim.bound == "min" else b <= a


def _bound_met(claim: Quantity, source: Quantity) -> bool:
    """A hedged claim ("below 17 years", "about 200") holds when a figure of its measure meets it.

    Another approximation does not meet it: "approximately $8.50" for "approximately $7.50"
    restates the source's estimate with another number."""
    if claim.bound == source.bound == "approx" and inconsistent_bounds(claim, source):
        return False
    return (
        claim.bound != "exact"
        and source.bound not in ("min", "max")
        and same_kind(claim, source)
        and not conflicts(claim, source)
    )


RULE = FigureMisstated()
