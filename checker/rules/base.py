"""What a rule sees (a :class:`Pair` of sides) and what it returns (:class:`Hit`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import ClassVar, Literal

from ..models import DateMention, EventFrame, Facts, Loc, Severity

Relation = Literal["claim-source", "claim-claim", "self", "heading-body"]


@dataclass
class Side:
    """One side of a comparison: a sentence (claim, passage or heading) and its facts.

    ``facts`` carry absolute offsets into the text that ``locate`` maps to a :class:`Loc`.
    """

    label: str  # claim id or passage id
    text: str
    start: int
    end: int
    facts: Facts
    locate: Callable[[int, int], Loc]
    is_heading: bool = False
    section: str | None = None
    path: str = ""

    @property
    def event(self) -> EventFrame | None:
        return self.facts.events[0] if self.facts.events else None

    def event_date(self) -> DateMention | None:
        """The date the sentence gives its event: the closed date nearest the action word."""
        dates = [d for d in self.facts.dates if not (d.open_start or d.open_end)]
        if not dates:
            return None
        ev = self.event
        if ev is None or self.is_heading:
            return dates[0]
        return min(dates, key=lambda d: (abs(d.start - ev.end) if d.start >= ev.start else abs(ev.start - d.end) + 5))


@dataclass
class Pair:
    claim: Side
    evidence: Side
    relation: Relation
    same_event: str | None = None  # why both sides speak of one event, or None
    notes: dict = field(default_factory=dict)


@dataclass
class Hit:
    claim_span: tuple[int, int]
    evidence_span: tuple[int, int]
    claim_value: str
    evidence_value: str
    message: str
    confidence: float
    severity: Severity | None = None  # overrides the rule's default


class Rule:
    """A rule: a stable code, a dotted name, a default severity and a category.

    Subclasses set the class attributes and implement :meth:`check`. Their docstring has the
    fixed sections What it checks / Why it matters / Example / Options, which
    ``claimcheck explain CODE`` prints.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.error
    relations: ClassVar[frozenset[str]] = frozenset({"claim-source", "claim-claim", "self", "heading-body"})

    def applies(self, pair: Pair) -> bool:
        return pair.relation in self.relations

    def check(self, pair: Pair) -> Iterable[Hit]:  # pragma: no cover - abstract
        raise NotImplementedError
