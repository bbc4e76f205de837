"""Typed facts from text: dates, quantities, people, places, quotes and the event they form.

Offsets in the returned :class:`Facts` are absolute: ``offset`` is added to every span, so a
passage's facts point into its document's text.
"""

from __future__ import annotations

import datetime as dt

from ..models import Facts
from .dates import find_dates
from .entities import EntityRegistry, NameReads
from .events import build_frame
from .quantities import find_quantities
from .quotes import find_quotes
from .statements import build_clauses, build_statement


class Extractor:
    """Holds what extraction needs across texts: the corpus's people and the date policy."""

    def __init__(self, registry: EntityRegistry | None = None, *, weekday_policy: str = "auto"):
        self.registry = registry or EntityRegistry()
        self.weekday_policy = weekday_policy

    def extract(
        self, text: str, *, offset: int = 0, doc_date: dt.date | None = None, reads: NameReads | None = None
    ) -> Facts:
        """The facts of ``text``; ``reads``, when given, gets what they depended on in the
        registry (what a stored copy must still read to be used, ``EntityRegistry.reads_hold``)."""
        dates = find_dates(text, doc_date, weekday_policy=self.weekday_policy)
        quotes = find_quotes(text)
        exclude = [(d.start, d.end) for d in dates]
        quantities = find_quantities(text, exclude=exclude)
        entities = self.registry.find(text, reads=reads)
        frame = build_frame(text, entities)
        facts = Facts(
            dates=dates, quantities=quantities, entities=entities, quotes=quotes, events=[frame] if frame else []
        )
        if offset:
            _shift(facts, offset)
        facts.statement = build_statement(text, facts, offset)
        facts.clauses = build_clauses(text, facts, offset, facts.statement)
        return facts


def checkable(facts: Facts) -> bool:
    """A sentence worth checking: it has an event, a date, a figure, a quotation of a few
    words, or a statement with a typed slot (a place, a rank, a score, a role)."""
    if facts.events or facts.dates or facts.quantities:
        return True
    if any(len(q.text.split()) >= 3 for q in facts.quotes):
        return True
    return facts.statement is not None and bool(facts.statement.slots)


def _shift(facts: Facts, offset: int) -> None:
    for group in (facts.dates, facts.quantities, facts.entities, facts.quotes, facts.events):
        for item in group:
            item.start += offset
            item.end += offset
