"""CC-FIRST-001 event.first_in_years"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from ..extract.gazetteer import same_country
from ..models import DateMention, EventFrame, Severity
from .base import DocContext, DocHit, DocumentRule

_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_COUNT = r"(?P<n>\d{1,3}|" + "|".join(_WORD_NUMBERS) + r")"
# "the first X in 34 years", "the first X in three decades", "the first X since 1957"
_FIRST = re.compile(
    rf"\bfirst\s+(?P<what>[^.;:,]{{3,80}}?)\s+(?:(?:in|for)\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+)?"
    rf"{_COUNT}\s+(?P<unit>years?|decades?)|since\s+(?P<year>1[89]\d\d|20\d\d))\b",
    re.I,
)
_MEETING = re.compile(r"\b(?:summit|summits|meeting|meetings|talks|visit|visits|trip|encounter)\b", re.I)
_TRAVEL = re.compile(r"\b(?:visit|visits|trip)\b", re.I)
_MEETING_ACTIONS = frozenset({"visit", "meet", "summit", "talks", "attend"})


class FirstInYears(DocumentRule):
    """What it checks:
    "The first summit in 34 years" (or "since 1957") where the document itself describes a
    meeting of the same people inside those years.

    Why it matters:
    A "first in decades" claim is a claim about every year of the span; one counterexample in
    the paper's own timeline shows that the claim or the timeline is wrong.

    Example:
    A 1991 section calling a visit "the first Communist Party leaders' summit in 34 years",
    while a 1989 section has the same party leader meeting his counterpart. Not a finding: a
    "first visit" when the earlier meeting was the other leader's visit, or when the two
    sections share no participant.

    Options:
    None. A span in decades is read one year short ("three decades" before 1991 reaches back to 1962).
    """

    code = "CC-FIRST-001"
    name = "event.first_in_years"
    category = "date"
    severity = Severity.warning

    def check_document(self, ctx: DocContext) -> Iterable[DocHit]:
        headings = _dated_meeting_headings(ctx)
        if not headings:
            return
        for p in ctx.doc.passages:
            for m in _FIRST.finditer(p.text):
                what = m.group("what")
                if not _MEETING.search(what):
                    continue
                when = ctx.reference_date(p.index)
                if when is None:
                    continue
                since = _window_start(m, when.earliest)
                if since is None:
                    continue
                own_head = ctx.section_heading(p.index)
                people = _people(ctx, p.index) | (_people(ctx, own_head) if own_head is not None else set())
                own_frame = _frame(ctx, own_head) if own_head is not None else None
                for h, date, frame in headings:
                    if h == own_head or not (since < date.earliest and date.latest < when.earliest):
                        continue
                    shared = people & set(frame.actors)
                    if not shared:
                        continue
                    if _TRAVEL.search(what) and own_frame is not None and not _same_trip(own_frame, frame):
                        continue
                    span = (p.start + m.start(), p.start + m.end())
                    years = when.earliest.year - date.earliest.year
                    yield DocHit(
                        claim_span=span,
                        evidence_span=(date.start, date.end),
                        claim_value=f"first {what} since {since.isoformat()}",
                        evidence_value=f"{' meets '.join(frame.actors[:2])} {date.value_str()}",
                        message=(
                            f"'{m.group(0)}' ({when.value_str()}), yet the document has "
                            f"{' meeting '.join(frame.actors[:2])} on {date.value_str()}, "
                            f"{years} year{'s' if years != 1 else ''} earlier"
                        ),
                        confidence=0.7,
                    )
                    break


def _window_start(m: re.Match[str], day: dt.date) -> dt.date | None:
    """The day after which the claim says nothing of the kind happened."""
    if m.group("year"):
        return dt.date(int(m.group("year")), 12, 31)
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else _WORD_NUMBERS[raw]
    # "three decades" is a round figure: one year less is still within it
    years = n * 10 - 1 if m.group("unit").lower().startswith("decade") else n
    if years <= 0 or day.year - years < 1:
        return None
    return day.replace(year=day.year - years, day=min(day.day, 28))


def _dated_meeting_headings(ctx: DocContext) -> list[tuple[int, DateMention, EventFrame]]:
    out = []
    for p in ctx.doc.passages:
        if not p.is_heading:
            continue
        frame = _frame(ctx, p.index)
        dates = [d for d in ctx.facts[p.index].dates if not (d.open_start or d.open_end or d.relative)]
        if frame is None or frame.action not in _MEETING_ACTIONS or len(frame.actors) < 2 or len(dates) != 1:
            continue
        out.append((p.index, dates[0], frame))
    return out


def _people(ctx: DocContext, index: int) -> set[str]:
    return {e.canonical for e in ctx.facts[index].entities if e.kind == "person"}


def _frame(ctx: DocContext, index: int) -> EventFrame | None:
    events = ctx.facts[index].events
    return events[0] if events else None


def _same_trip(a: EventFrame, b: EventFrame) -> bool:
    """Both visits by the same traveller to the same country: "first visit" is about such trips."""
    if a.action != "visit" or b.action != "visit" or not a.agent or a.agent != b.agent:
        return False
    return bool(a.place and b.place and (a.place == b.place or same_country(a.place, b.place)))


RULE = FirstInYears()
