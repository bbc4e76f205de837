"""CC-PLACE-001 place.conflict"""

from __future__ import annotations

from collections.abc import Iterable

from ..extract.gazetteer import same_country, within
from ..models import Severity
from .base import Hit, Pair, Rule, Side, slot_hits
from .date_conflict import _other, _who


class PlaceConflict(Rule):
    """What it checks:
    Two statements of the same event put it in different places: a visit to Moscow against a
    visit to Beijing, a meeting in Bali against one in Tashkent.

    Why it matters:
    Places, and who travelled to whom, are what readers remember of a diplomatic event; a
    wrong city changes the story.

    Example:
    "Jiang Zemin Visits Moscow" heading a section whose body says "Yeltsin's state visit to
    Beijing". Not a conflict: "Beijing" against "China" (the city lies in the country).

    Options:
    place-distance-km (default 50). Different countries are an error; two cities of one
    country a warning, since a tour may take in both and a district may be listed as a city,
    unless the statement is of something that happens once (a death, a founding, an opening)
    and the two lie further apart than place-distance-km.
    """

    code = "CC-PLACE-001"
    name = "place.conflict"
    category = "place"
    severity = Severity.error
    options = ("name-similarity", "occurrence-days", "group-limit", "place-distance-km")

    def check(self, pair: Pair) -> Iterable[Hit]:
        if not pair.same_event:
            yield from slot_hits(pair, ("where",), 0.8, "the place")
            return
        a, b = pair.claim.event, pair.evidence.event
        if a is None or b is None:
            return
        if a.place is None or b.place is None or within(a.place, b.place) or within(b.place, a.place):
            return
        domestic = same_country(a.place, b.place)
        span_a = _place_span(pair.claim, a.place)
        span_b = _place_span(pair.evidence, b.place)
        yield Hit(
            claim_span=span_a,
            evidence_span=span_b,
            claim_value=a.place,
            evidence_value=b.place,
            message=f"{_who(pair)} places the {a.action} in {a.place}; {_other(pair)} places it in {b.place}",
            confidence=0.85 if not domestic else 0.6,
            severity=Severity.warning if domestic else None,
        )


def _place_span(side: Side, place: str) -> tuple[int, int]:
    for e in side.facts.entities:
        if e.kind == "place" and e.canonical == place:
            return e.start, e.end
    return side.start, side.end


RULE = PlaceConflict()
