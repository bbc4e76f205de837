"""Do two sentences speak of the same event? Rules may only compare facts when they do.

A contradiction needs the same event on both sides. The evidence for sameness, strongest first:
- structure: a section heading and the first body sentence that shares one of its actors;
- cited: a claim citing a source in which exactly one event has the claim's actors and action;
- traveller and days: the same person travelling on overlapping days is on one trip;
- actors, place and time: the same action by the same people (the same traveller for a visit),
  at the same place when both name one, with dates no more than a month apart, so that two
  meetings of the same ministers in one year are never taken for one.
"""

from __future__ import annotations

from ..models import DateMention, EventFrame
from .base import Side

_NEAR_DAYS = 31
_COMPATIBLE_ACTIONS = {frozenset({"visit", "meet"}), frozenset({"visit", "attend"}), frozenset({"meet", "attend"})}


def actions_match(a: EventFrame, b: EventFrame) -> bool:
    return a.action == b.action or frozenset({a.action, b.action}) in _COMPATIBLE_ACTIONS


def shared_people(a: EventFrame, b: EventFrame) -> set[str]:
    return set(a.actors) & set(b.actors)


def actors_match(a: EventFrame, b: EventFrame) -> bool:
    """The same principals: for a visit the same traveller; otherwise the same people."""
    common = shared_people(a, b)
    if a.action == "visit" and b.action == "visit" and a.agent and b.agent:
        return a.agent == b.agent and (
            len(common) >= 2 or set(a.actors) == set(b.actors) or len(a.actors) == 1 or len(b.actors) == 1
        )
    if len(common) >= 2:
        return True
    return len(common) == 1 and len(a.actors) == 1 and len(b.actors) == 1


def places_match(a: EventFrame, b: EventFrame) -> bool:
    from ..extract.gazetteer import within

    if a.place is None or b.place is None:
        return True
    return within(a.place, b.place) or within(b.place, a.place)


def dates_near(a: DateMention | None, b: DateMention | None) -> bool:
    if a is None or b is None:
        return False
    if a.granularity not in ("day", "month") or b.granularity not in ("day", "month"):
        return False
    gap = max((b.earliest - a.latest).days, (a.earliest - b.latest).days, 0)
    return gap <= _NEAR_DAYS


def dates_overlap_days(a: DateMention | None, b: DateMention | None) -> bool:
    if a is None or b is None or a.granularity != "day" or b.granularity != "day":
        return False
    return a.earliest <= b.latest and b.earliest <= a.latest


def same_event(claim: Side, evidence: Side, relation: str) -> str | None:
    """Why ``claim`` and ``evidence`` describe one event, or None when nothing shows it."""
    a, b = claim.event, evidence.event
    if a is None or b is None or not actions_match(a, b):
        return None
    if relation == "heading-body":
        return "structure" if shared_people(a, b) else None
    if not actors_match(a, b):
        return None
    if not places_match(a, b):
        # One traveller on overlapping days is one trip, wherever each side puts it.
        if (
            a.action == b.action == "visit"
            and a.agent
            and a.agent == b.agent
            and dates_overlap_days(claim.event_date(), evidence.event_date())
        ):
            return "traveller+time"
        return None
    if a.place is None and b.place is None and len(shared_people(a, b)) < 2:
        return None
    da, db = claim.event_date(), evidence.event_date()
    if a.action == "visit" and b.action == "visit":
        return "actors+place+time" if dates_near(da, db) else None
    # The same people meet, call and sign many times a year: only the same named place
    # within a month, or overlapping days, makes two such mentions one event.
    if a.place and b.place and dates_near(da, db):
        return "actors+place+time"
    if dates_overlap_days(da, db):
        return "actors+time"
    return None


def unique_cited_event(claim: Side, candidates: list[Side]) -> Side | None:
    """The one passage of a cited source whose event has the claim's actors and action."""
    a = claim.event
    if a is None:
        return None
    hits = []
    for side in candidates:
        b = side.event
        if b and actions_match(a, b) and actors_match(a, b) and b.action == a.action:
            hits.append(side)
    # several sentences may retell one event; they count as one when their dates agree
    dates = [s.event_date() for s in hits]
    distinct = {(d.earliest, d.latest) if d else None for d in dates}
    if hits and len(distinct) == 1 and None not in distinct:
        return hits[0]
    return None
