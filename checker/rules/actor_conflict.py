"""CC-ACTOR-001 actor.traveller_conflict"""

from __future__ import annotations

from collections.abc import Iterable

from ..extract.gazetteer import within
from ..models import Severity
from .base import Hit, Pair, Rule, Side
from .date_conflict import _other, _who


class TravellerConflict(Rule):
    """What it checks:
    Two accounts of one visit disagree on who travelled: one says X visited Y's country, the
    other that Y visited X's.

    Why it matters:
    The direction of a state visit is the news: who went to whom shows who sought the meeting.

    Example:
    A heading "Jiang Zemin Visits Moscow; Meets Yeltsin" over a body that begins "Boris
    Yeltsin's state visit to Beijing". Not a conflict: two sentences on different visits.

    Options:
    None. Applies only where sameness is shown by the document's structure or by a claim's
    citation, since two people may well each visit the other.
    """

    code = "CC-ACTOR-001"
    name = "actor.traveller_conflict"
    category = "actor"
    severity = Severity.error
    relations = frozenset({"heading-body", "claim-source", "claim-claim", "self"})

    def check(self, pair: Pair) -> Iterable[Hit]:
        if pair.same_event not in ("structure", "cited"):
            return
        a, b = pair.claim.event, pair.evidence.event
        if a is None or b is None:
            return
        if a.action != "visit" or b.action != "visit" or not a.agent or not b.agent or a.agent == b.agent:
            return
        # Two people may each travel within one country (a host flies to a summit city); only
        # destinations in different countries make the two accounts exclusive.
        if not a.place or not b.place or within(a.place, b.place) or within(b.place, a.place):
            return
        yield Hit(
            claim_span=_person_span(pair.claim, a.agent),
            evidence_span=_person_span(pair.evidence, b.agent),
            claim_value=f"{a.agent} travels" + (f" to {a.place}" if a.place else ""),
            evidence_value=f"{b.agent} travels" + (f" to {b.place}" if b.place else ""),
            message=f"{_who(pair)} has {a.agent} as the visitor; {_other(pair)} has {b.agent}",
            confidence=0.85,
        )


def _person_span(side: Side, name: str) -> tuple[int, int]:
    for e in side.facts.entities:
        if e.kind == "person" and e.canonical == name:
            return e.start, e.end
    return side.start, side.end


RULE = TravellerConflict()
