"""Which sentences are worth comparing with which: an index instead of every pair.

Comparing every claim with every other claim, or every passage with every earlier one, costs
n(n-1)/2 comparisons and, when one event is retold many times, as many findings. The engine
asks this index instead. Entries are filed under keys that any two comparable sentences share
(an actor and a month of the event's date; an anchor key of a statement), and grouped by what
they say (a signature: the normalised sentence and what else decides its facts), so a
sentence repeated a thousand times is compared once and counted. A query returns at most
``limit`` groups: linear time whatever the input.

The keys are necessary conditions of the comparisons they stand for (``rules.identity``: one
event needs a shared actor and dates at most a month apart), so the index drops no pair that
could have matched, except past ``limit`` distinct accounts of one thing.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from .match.statements import AlignOptions
from .models import DateMention, EventFrame

#: Distinct accounts of one event (or statement) a sentence is compared with at most.
GROUP_LIMIT = AlignOptions.group_limit  # the default of the group-limit setting
_NEAR = dt.timedelta(days=31)  # rules.identity: dates of one event are at most a month apart
_WIDE_MONTHS = 24  # a date spanning more months is filed once, under the actor alone


@dataclass
class Group:
    """Entries saying the same thing: the first stands for all of them."""

    signature: Hashable
    positions: list[int]  # ascending

    @property
    def first(self) -> int:
        return self.positions[0]

    def count_before(self, position: int) -> int:
        return bisect_left(self.positions, position)


class PairIndex:
    """Entries (position, keys, signature) added in ascending position; see the module doc."""

    def __init__(self) -> None:
        self._buckets: dict[Hashable, dict[Hashable, Group]] = {}
        self._ordered: dict[Hashable, list[Group]] | None = None

    def add(self, position: int, keys: Iterable[Hashable], signature: Hashable) -> None:
        for key in set(keys):
            bucket = self._buckets.setdefault(key, {})
            group = bucket.get(signature)
            if group is None:
                bucket[signature] = Group(signature, [position])
            elif group.positions[-1] != position:
                group.positions.append(position)
        self._ordered = None

    def earlier(self, position: int, keys: Iterable[Hashable], limit: int = GROUP_LIMIT) -> list[tuple[int, int]]:
        """(first position, how many share it) of the first ``limit`` groups, in order of their
        first entry, with an entry before ``position``: the earlier sentences of a document."""
        found: dict[Hashable, Group] = {}
        for key in keys:
            taken = 0
            for group in self._buckets.get(key, {}).values():  # in order of first position
                if group.first >= position or taken >= limit:
                    break
                found[group.signature] = group
                taken += 1
        chosen = sorted(found.values(), key=lambda g: g.first)[:limit]
        return [(g.first, g.count_before(position)) for g in chosen]

    def others(
        self, position: int, signature: Hashable, keys: Iterable[Hashable], limit: int = GROUP_LIMIT
    ) -> list[tuple[int, int]]:
        """(first position, how many share it) of up to ``limit`` groups other than the entry
        at ``position``, chosen by signature, never by position: whatever order the entries
        came in, the same groups are chosen (claims compared with claims)."""
        ordered = self._order()
        found: dict[Hashable, Group] = {}
        for key in keys:
            taken = 0
            for group in ordered.get(key, []):
                if taken >= limit:
                    break
                if group.positions == [position]:
                    continue  # the entry itself, alone in its group
                found[group.signature] = group
                taken += 1
        chosen = sorted(found.values(), key=lambda g: _sort_key(g.signature))[:limit]
        out = []
        for g in chosen:
            rest = [p for p in g.positions if p != position]
            out.append((rest[0], len(rest)))
        return out

    def _order(self) -> dict[Hashable, list[Group]]:
        if self._ordered is None:
            self._ordered = {
                k: sorted(b.values(), key=lambda g: _sort_key(g.signature)) for k, b in self._buckets.items()
            }
        return self._ordered


def _sort_key(signature: Hashable) -> str:
    return repr(signature)


def event_keys(event: EventFrame | None, date: DateMention | None) -> list[tuple]:
    """Keys under which a sentence's event is filed: (actor, month) for each actor and each
    month its date touches; a sentence no other can share an event with gets none."""
    if event is None or date is None or date.granularity not in ("day", "month"):
        return []
    actors = set(event.actors) | ({event.agent} if event.agent else set())
    months = _months(date.earliest, date.latest)
    anywhere = [(a, "any") for a in actors]  # for a query whose own date is wide
    if len(months) > _WIDE_MONTHS:
        return [(a, "wide") for a in actors] + anywhere
    return [(a, m) for a in actors for m in months] + anywhere


def event_query_keys(event: EventFrame | None, date: DateMention | None) -> list[tuple]:
    """Keys to look under for the events that may be ``event``: its actors' months a month
    either side of its date, and the wide dates of its actors."""
    if event is None or date is None or date.granularity not in ("day", "month"):
        return []
    actors = set(event.actors) | ({event.agent} if event.agent else set())
    months = _months(_moved(date.earliest, -_NEAR), _moved(date.latest, _NEAR))
    if len(months) > _WIDE_MONTHS + 4:
        return [(a, "any") for a in actors]
    return [(a, m) for a in actors for m in months] + [(a, "wide") for a in actors]


def _moved(day: dt.date, by: dt.timedelta) -> dt.date:
    try:
        return day + by
    except OverflowError:  # year 1 or 9999
        return dt.date.min if by < dt.timedelta(0) else dt.date.max


def _months(lo: dt.date, hi: dt.date) -> list[tuple[int, int]]:
    out = []
    y, m = lo.year, lo.month
    while (y, m) <= (hi.year, hi.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        if len(out) > _WIDE_MONTHS + 8:
            break
    return out


def normalised(text: str) -> str:
    return " ".join(text.split())
