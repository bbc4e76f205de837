"""CC-DATE-002 date.misstated"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..extract.measures import context_words, in_comparison_base, word_similarity
from ..extract.vocabulary import MONTH_NAMES, QUARTER_ORDINALS
from ..match.align import sentence_similarity
from ..match.statements import DEFAULT_OPTIONS, AlignOptions
from ..models import DateMention, Severity
from .base import ClaimRule, Hit, PassageMemo, Side

# The source sentence must say what the claim says (sentence_similarity) ...
_MIN_ALIGN = 0.5
# ... and its date must be about the same thing (share of the context words, as for figures);
# a looser sentence match needs a closer context, and the other way round.
_MIN_CONTEXT = 0.3
_MIN_BOTH = 1.0
_ROLE_GRANULARITIES = ("year", "quarter", "month")
_NEGATION = re.compile(r"\b(?:not|never|no|nor|neither)\b|n't\b", re.IGNORECASE)
# "was not deemed a threat until 1997" dates the change; it denies nothing about the date
_NOT_UNTIL = re.compile(r"(?:\bnot\b|n't\b)[^.;,]*?\buntil\b", re.IGNORECASE)


class DateMisstated(ClaimRule):
    """What it checks:
    A year, quarter, month or deadline in a claim that its cited source never gives as the
    time of anything, where the source sentence that says what the claim says gives another
    period of the same kind. Also a reporting quarter where every period the source reports
    on lies in another quarter or year ("results for Q4 2020" where the call speaks only of
    Q3 2020), and a quarter named without a year ("in Q1") that the source never names, where
    its matching sentence names another.

    Why it matters:
    Summaries retype years and quarters as easily as figures; a sentence about the wrong year
    reads as fact, and no event frame is there to hold its date against.

    Example:
    Claim: "adjusted earnings per share for the third quarter of 2019 rose 17%"; source: "Third
    quarter 2020 earnings were $0.34 per diluted share ... up 17% from $0.29 in the third quarter
    of 2019". The source names the third quarter of 2019 only as a comparison base. Not a
    finding: a period the source states in any other role, a coarser or finer period that
    overlaps it ("2020" for "Q3 2020"), dates in sentences that say something else, a date the
    claim denies ("did not exist in 1035"), fiscal or month-named quarters ("the June quarter").

    Options:
    None. Runs only on claims that cite a source, whose every passage is searched.
    """

    code = "CC-DATE-002"
    name = "date.misstated"
    category = "date"
    severity = Severity.error
    # the engine asks match.misstatement whether the matching sentence makes the claim\'s statement
    options = ("name-similarity", "context-chars", "substitution-words")

    def check_claim(
        self, claim: Side, candidates: list[Side], cited: list[Side] | None, options: AlignOptions = DEFAULT_OPTIONS
    ) -> Iterable[tuple[Hit, Side]]:
        if not cited:
            return  # the period may be stated in a document the index did not return
        # "did not exist in 1035": a denied date is not contradicted by another one
        if _NEGATION.search(_NOT_UNTIL.sub(" ", claim.text)):
            return
        views = [(side, _view(side)) for side in cited]
        src = [(side, d, their_base, ctx) for side, v in views for d, their_base, ctx in v.dates]
        own_src = [(side, d, ctx) for side, d, their_base, ctx in src if not their_base]
        named = {n for _, v in views for *_, n, _t, _c in v.quarters}
        for mine in _periods(claim):
            base = _is_base(claim, mine)
            # a period the claim gives as its own must be the time of something in the source;
            # one it compares against may be stated in any role
            if _written_elsewhere(mine, views) or any(
                _states(theirs, mine) and (base or not their_base) for _, theirs, their_base, _ in src
            ):
                continue
            # "For the fourth quarter we expect ..." states Q4 2020 in a source that reports on 2020
            if (
                mine.granularity == "quarter"
                and _quarter_of(mine.earliest) in named
                and (mine.earliest.year in {d.earliest.year for _, d, _ in own_src})
            ):
                continue
            found = _conflicting(
                claim, mine, [(side, d, ctx) for side, d, their_base, ctx in src if their_base == base]
            )
            said = "its matching sentence says"
            if not found and not base:
                found, said = _the_only_period(claim, mine, own_src, named)
            if not found:
                continue
            hit_side, theirs, align, context = found
            only_base = any(_states(theirs, mine) for _, theirs, _, _ in src)
            yield (
                Hit(
                    claim_span=(mine.start, mine.end),
                    evidence_span=(theirs.start, theirs.end),
                    claim_value=_describe(mine),
                    evidence_value=_describe(theirs),
                    message=(
                        f"claim gives {_describe(mine)} ({mine.text}); the source "
                        + ("gives that period only as a comparison base" if only_base else "never gives it")
                        + f", and {said} {_describe(theirs)} ({theirs.text})"
                    ),
                    confidence=round(min(0.9, 0.4 + 0.3 * context + 0.3 * align), 2),
                ),
                hit_side,
            )
        yield from _bare_quarters_misstated(claim, views, named)


@dataclass(frozen=True)
class _View:
    """What the rule reads in one source passage, worked out once for every claim citing it."""

    dates: list[tuple[DateMention, bool, dict[str, float]]]  # period, comparison base?, context
    quarters: list[tuple[int, int, int, str, dict[str, float]]]  # start, end, quarter, text, context
    other_quarters: bool  # fiscal or month-named quarters
    loose_years: frozenset[str]  # "2021", "21" of "FY21": years written outside any date


_VIEWS: PassageMemo[_View] = PassageMemo()
# A source date found misstated by the claim: (its sentence, the date, how well the sentences
# align, how well the words around the two dates agree).
_Evidence = tuple[Side, DateMention, float, float]
_LOOSE_YEAR = re.compile(r"(?:FY|F|')\s?(\d{2})\b|\b(\d{4})\b(?![\d,.])", re.IGNORECASE)


def _view(side: Side) -> _View:
    return _VIEWS.get(side, _read_view)


def _read_view(side: Side) -> _View:
    dates = [(d, _is_base(side, d), _context(side, d)) for d in _periods(side)]
    quarters = [(s, e, n, t, _span_context(side, s, e)) for s, e, n, t in _quarter_names(side)]
    loose = frozenset(
        m.group(1) or m.group(2)
        for m in _LOOSE_YEAR.finditer(side.text)
        if not any(x.start <= side.start + m.start() < x.end for x in side.facts.dates)
    )
    return _View(dates, quarters, bool(_OTHER_QUARTERS.search(side.text)), loose)


def _periods(side: Side) -> list[DateMention]:
    # "mid-2019" is too loose to misstate, but "by the end of 2025" is a deadline
    return [
        d
        for d in side.facts.dates
        if d.granularity in _ROLE_GRANULARITIES and not d.relative and (d.open_start or d.open_end or not d.approximate)
    ]


def _is_base(side: Side, d: DateMention) -> bool:
    return in_comparison_base(side.text, d.start, offset=side.start)


def _agree(a: DateMention, b: DateMention) -> bool:
    """Whether ``b`` is compatible with ``a``: their intervals overlap, except that two
    deadlines ("by the end of 2024", "by the end of 2025") must name the same one."""
    if (a.open_start, a.open_end) == (b.open_start, b.open_end) and (a.open_start or a.open_end):
        return _bound(a) == _bound(b)
    a0, a1 = (dt.date.min if a.open_start else a.earliest), (dt.date.max if a.open_end else a.latest)
    b0, b1 = (dt.date.min if b.open_start else b.earliest), (dt.date.max if b.open_end else b.latest)
    return a0 <= b1 and b0 <= a1


def _states(theirs: DateMention, mine: DateMention) -> bool:
    """Whether the source's date gives the claim's: "by 2030" allows 2017 but does not state it."""
    if (theirs.open_start or theirs.open_end) and not (mine.open_start or mine.open_end):
        return False
    return _agree(mine, theirs)


def _bound(d: DateMention) -> dt.date:
    return d.latest if d.open_start else d.earliest


def _written_elsewhere(d: DateMention, views: list[tuple[Side, _View]]) -> bool:
    """Years the date extractor does not read ("FY21", "fiscal '21") count as stated."""
    y = _bound(d).year
    return any(str(y) in v.loose_years or f"{y % 100:02d}" in v.loose_years for _, v in views)


def _conflicting(
    claim: Side, mine: DateMention, pool: list[tuple[Side, DateMention, dict[str, float]]]
) -> _Evidence | None:
    """The best source date of the same kind, in a matching sentence, about the same thing."""
    own = _context(claim, mine)
    best = None
    for side, theirs, ctx in pool:
        if theirs.granularity != mine.granularity or _agree(mine, theirs):
            continue
        # "28% in Q3 2019, against 31% in Q3 2020": the claim gives the source's period too
        if any(_agree(d, theirs) for d in claim.facts.dates if d is not mine):
            continue
        align = sentence_similarity(claim.text, side.text)
        if align < _MIN_ALIGN:
            continue
        context = word_similarity(own, ctx)
        if context < _MIN_CONTEXT or align + context < _MIN_BOTH:
            continue
        key = align + context
        if best is None or key > best[0]:
            best = (key, side, theirs, align, context)
    return best[1:] if best else None


def _the_only_period(
    claim: Side, mine: DateMention, pool: list[tuple[Side, DateMention, dict[str, float]]], named: set[int]
) -> tuple[_Evidence | None, str]:
    """The source's own periods all fall in one other year, or one other quarter: a report on
    that period, which the claim misdates ("results for Q4 2020" where the call speaks only of
    the third quarter of 2020). Returns the hit's evidence and how to say it, or ``(None, "")``.

    Only for a reporting quarter: a month or year in a claim is as often the time of
    something the source leaves undated ("admitted from December 2019 to January 2").
    """
    closed = [(side, d, ctx) for side, d, ctx in pool if not (d.open_start or d.open_end)]
    if mine.granularity != "quarter" or not closed:
        return None, ""
    years = {d.earliest.year for _, d, _ in closed} | {d.latest.year for _, d, _ in closed}
    if len(years) != 1:
        return None, ""
    (year,) = years
    if year not in (mine.earliest.year, mine.latest.year):
        if len(closed) < 2:  # one dated mention does not make a report on that year
            return None, ""
        scope = str(year)
        period = (mine.earliest.replace(year=year), mine.latest.replace(year=year))
    else:
        quarters = {_quarter_of(d.earliest) for _, d, _ in closed if d.granularity != "year"}
        quarters |= {_quarter_of(d.latest) for _, d, _ in closed if d.granularity != "year"}
        # "For the fourth quarter we expect ...": a quarter named without its year is stated too
        if len(quarters) != 1 or _quarter_of(mine.earliest) in quarters | named:
            return None, ""
        (q,) = quarters
        # one dated mention is enough when the source names no other quarter at all
        if len(closed) < 2 and named != {q}:
            return None, ""
        scope = f"Q{q} {year}"
        period = (dt.date(year, 3 * q - 2, 1), dt.date(year, 3 * q, calendar.monthrange(year, 3 * q)[1]))
    # "Q3 2019 revenue was $4m against $5m in Q3 2020": the claim gives that period too
    if any(d.earliest <= period[1] and period[0] <= d.latest for d in claim.facts.dates if d is not mine):
        return None, ""
    own = _context(claim, mine)
    side, theirs, ctx = max(
        closed, key=lambda sdc: (sdc[1].granularity == mine.granularity, word_similarity(own, sdc[2]))
    )
    align = sentence_similarity(claim.text, side.text)
    return (side, theirs, align, word_similarity(own, ctx)), f"all its own periods fall in {scope}, as in"


def _quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


_QUARTER_NAME = re.compile(rf"\b(?:Q([1-4])|([1-4])Q|({'|'.join(QUARTER_ORDINALS)})[- ]quarter)\b", re.IGNORECASE)
# "the June quarter", "fiscal Q1": quarters not of the calendar year cannot be told apart by name
_OTHER_QUARTERS = re.compile(rf"\b(?:{'|'.join(MONTH_NAMES)})[- ]quarter|\bfiscal\b|\bFY", re.IGNORECASE)


def _quarter_names(side: Side) -> list[tuple[int, int, int, str]]:
    """Every quarter the sentence names, dated or not: (start, end, quarter 1-4, text)."""
    out = []
    for m in _QUARTER_NAME.finditer(side.text):
        n = int(m.group(1) or m.group(2) or QUARTER_ORDINALS[m.group(3).lower()])
        out.append((side.start + m.start(), side.start + m.end(), n, m.group(0)))
    return out


def _bare_quarters_misstated(
    claim: Side, views: list[tuple[Side, _View]], stated: set[int]
) -> Iterator[tuple[Hit, Side]]:
    """ "in Q1" where the source never names the first quarter and its matching sentence
    speaks of the second: a quarter named without a year, checked by name alone."""
    dated = [(d.start, d.end) for d in claim.facts.dates]
    named_in_claim = _quarter_names(claim)
    mine_all = [(s, e, n, t) for s, e, n, t in named_in_claim if not any(a <= s < b for a, b in dated)]
    if not mine_all or _OTHER_QUARTERS.search(claim.text) or any(v.other_quarters for _, v in views):
        return
    in_claim = {n for _, _, n, _ in named_in_claim}
    for start, end, n, text in mine_all:
        if n in stated:
            continue
        own = _span_context(claim, start, end)
        best = None
        for side, v in views:
            names = [x for x in v.quarters if x[2] not in in_claim]
            if not names:
                continue
            align = sentence_similarity(claim.text, side.text)
            if align < _MIN_ALIGN:
                continue
            for s2, e2, n2, t2, ctx in names:
                context = word_similarity(own, ctx)
                if (
                    context >= _MIN_CONTEXT
                    and align + context >= _MIN_BOTH
                    and (best is None or align + context > best[0])
                ):
                    best = (align + context, side, s2, e2, n2, t2, align, context)
        if best is None:
            continue
        _, side, s2, e2, n2, t2, align, context = best
        yield (
            Hit(
                claim_span=(start, end),
                evidence_span=(s2, e2),
                claim_value=f"Q{n}",
                evidence_value=f"Q{n2}",
                message=(
                    f"claim gives Q{n} ({text}); the source never names that quarter, "
                    f"and its matching sentence says Q{n2} ({t2})"
                ),
                confidence=round(min(0.85, 0.35 + 0.3 * context + 0.3 * align), 2),
            ),
            side,
        )


def _context(side: Side, d: DateMention) -> dict[str, float]:
    return _span_context(side, d.start, d.end)


def _span_context(side: Side, start: int, end: int) -> dict[str, float]:
    spans = [(q.start, q.end) for q in side.facts.quantities if q.kind != "ordinal"]
    spans += [(x.start, x.end) for x in side.facts.dates]
    # a figure inside the date ("2019" read as a number too) is part of it, not a neighbour
    spans = [(s, e) for s, e in spans if e <= start or s >= end]
    return context_words(side.text, start, end, spans, offset=side.start)


def _describe(d: DateMention) -> str:
    if d.open_start or d.open_end:
        return ("by " if d.open_start else "from ") + _bound(d).isoformat()
    a0, a1 = d.earliest, d.latest
    if d.granularity == "quarter":
        return f"Q{_quarter_of(a0)} {a0.year}"
    if d.granularity == "month":
        return f"{a0.year}-{a0.month:02d}"
    return str(a0.year) if a0.year == a1.year else f"{a0.year}..{a1.year}"


RULE = DateMisstated()
