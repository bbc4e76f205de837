"""What a rule sees (a :class:`Pair` of sides) and what it returns (:class:`Hit`)."""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from typing import Any, ClassVar, Generic, Literal, TypeVar

from ..ingest.citations import find_citations
from ..match.statements import DEFAULT_OPTIONS, AlignOptions
from ..models import Category, Citation, DateMention, Document, EventFrame, Facts, Loc, Severity

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

    def _in_open_quote(self, offset: int) -> bool:
        """True after a quotation mark the sentence opens and never closes (a quote that runs on)."""
        before = self.text[: max(0, offset - self.start)]
        straight = before.count('"') % 2 == 1
        curly = before.count("“") > before.count("”")
        return straight or curly

    def event_date(self) -> DateMention | None:
        """The date the sentence gives its event: the closed date nearest the action word."""
        memo: tuple[Facts, int, DateMention | None] | None = self.__dict__.get("_event_date_memo")
        if memo is not None and memo[0] is self.facts and memo[1] == len(self.facts.dates):
            return memo[2]
        out = self._event_date()
        self.__dict__["_event_date_memo"] = (self.facts, len(self.facts.dates), out)
        return out

    def _event_date(self) -> DateMention | None:
        # dates inside a quotation belong to the speaker's words, not to this sentence's event
        quoted = [(q.start, q.end) for q in self.facts.quotes]
        dates = [
            d
            for d in self.facts.dates
            if not (d.open_start or d.open_end)
            and not any(s <= d.start and d.end <= e for s, e in quoted)
            and not self._in_open_quote(d.start)
        ]
        # a date the text states outright beats one resolved against the document's date
        dates = [d for d in dates if not d.relative] or dates
        if not dates:
            return None
        ev = self.event
        if ev is None or self.is_heading:
            return dates[0]
        return min(dates, key=lambda d: abs(d.start - ev.end) if d.start >= ev.start else abs(ev.start - d.end) + 5)


@dataclass
class Pair:
    claim: Side
    evidence: Side
    relation: Relation
    same_event: str | None = None  # why both sides speak of one event (event frames), or None
    alignment: Any = None  # match.statements.StatementAlignment when both make one statement
    repeats: int = 1  # how many sentences saying what ``evidence`` says it stands for


_OTHER = {"heading-body": "its section body", "self": "another passage", "claim-claim": "another claim"}


def slot_hits(pair: Pair, kinds: tuple[str, ...], confidence: float, noun: str) -> Iterable[Hit]:
    """Hits for the conflicting slots of an aligned statement pair (not for event-frame pairs,
    which the frame rules check), each naming why the two sentences are one statement."""
    al = pair.alignment
    if al is None or pair.same_event:
        return
    who = "heading" if pair.claim.is_heading else "claim"
    other = _OTHER.get(pair.relation, "source")
    for c in al.comparisons:
        if c.kind not in kinds or c.outcome not in ("conflict", "warning"):
            continue
        yield Hit(
            claim_span=c.claim_span,
            evidence_span=c.evidence_span,
            claim_value=c.claim_value,
            evidence_value=c.evidence_value,
            message=f"{who} gives {noun} {c.claim_value}; {other} gives {c.evidence_value} ({al.reason})",
            confidence=confidence if c.outcome == "conflict" else round(confidence * 0.75, 2),
            severity=Severity.warning if c.outcome == "warning" else None,
        )


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
    category: ClassVar[Category]
    severity: ClassVar[Severity] = Severity.error
    relations: ClassVar[frozenset[str]] = frozenset({"claim-source", "claim-claim", "self", "heading-body"})
    # settings of the statement alignment this rule's verdicts depend on (config keys)
    options: ClassVar[tuple[str, ...]] = ()

    def applies(self, pair: Pair) -> bool:
        return pair.relation in self.relations

    def check(self, pair: Pair) -> Iterable[Hit]:  # pragma: no cover - abstract
        raise NotImplementedError


# A document rule's finding has Hit's shape; its spans are absolute offsets into the document.
DocHit = Hit


@dataclass
class DocContext:
    """A whole document with the facts of every passage, for rules that look across it."""

    doc: Document
    facts: list[Facts]  # by passage index
    registry: object = None

    @cached_property
    def citations(self) -> list[Citation]:
        """The document's in-text citations, parsed once for every rule (and the engine)."""
        return find_citations(self.doc)

    def passage_at(self, offset: int) -> int | None:
        """The first passage holding ``offset`` (found by bisection: rules ask once per hit)."""
        passages = self.doc.passages
        reach = self.__dict__.get("_reach")
        if reach is None:
            ordered = all(a.start <= b.start for a, b in zip(passages, passages[1:]))
            reach = list(accumulate((max(p.end, p.start + 1) for p in passages), max)) if ordered else []
            self.__dict__["_reach"] = reach
        if not reach and passages:  # passages out of order: look at each
            return next((p.index for p in passages if p.start <= offset < max(p.end, p.start + 1)), None)
        i = bisect_right(reach, offset)  # the first passage ending after ``offset``
        if i < len(passages) and passages[i].start <= offset:
            return passages[i].index
        return None

    def section_heading(self, index: int) -> int | None:
        """Index of the heading passage of the passage's innermost section."""
        p = self.doc.passages[index]
        if p.is_heading:
            return p.index
        nearest = self.__dict__.get("_nearest_heading")
        if nearest is None:  # the last heading before each passage, found in one pass
            nearest, last = [], None
            for q in self.doc.passages:
                nearest.append(last)
                if q.is_heading:
                    last = q.index
            self.__dict__["_nearest_heading"] = nearest
        h = nearest[index]
        return h if h is not None and self.doc.passages[h].section == p.section else None

    def reference_date(self, index: int) -> DateMention | None:
        """The date a passage speaks from: its own closed date, else its section heading's."""
        # A bare year in the sentence is as often a founding year ("the 2001 treaty") as the
        # sentence's own date, so only day and month dates speak for the sentence itself.
        own = [
            d
            for d in self.facts[index].dates
            if not (d.open_start or d.open_end or d.relative) and d.granularity in ("day", "month")
        ]
        if own:
            return own[0]
        h = self.section_heading(index)
        if h is not None and h != index:
            head = [d for d in self.facts[h].dates if not (d.open_start or d.open_end or d.relative)]
            return head[0] if head else None
        return None


class _NotPairRule(Rule):
    """A rule that sees more than one pair at a time, so it never runs on a single pair."""

    def applies(self, pair: Pair) -> bool:
        return False

    def check(self, pair: Pair) -> Iterable[Hit]:
        return ()


class DocumentRule(_NotPairRule):
    """A rule that reads a whole document at once (anniversaries, recurring dates, spelling)."""

    def check_document(self, ctx: DocContext) -> Iterable[DocHit]:  # pragma: no cover - abstract
        raise NotImplementedError


class ClaimRule(_NotPairRule):
    """A rule that weighs one claim against all its candidate passages at once (quotes)."""

    def check_claim(
        self, claim: Side, candidates: list[Side], cited: list[Side] | None, options: AlignOptions = DEFAULT_OPTIONS
    ) -> Iterable[tuple[Hit, Side]]:
        """Hits with the evidence side each points into; ``cited`` is the cited source's
        passages; ``options`` the settings whose thresholds decide (``Rule.options``)."""
        raise NotImplementedError  # pragma: no cover - abstract


_Kept = TypeVar("_Kept")


class PassageMemo(Generic[_Kept]):
    """What a claim rule works out for one source passage, kept for the next claim.

    Every claim citing a document reads all its passages; keyed by the facts object the
    engine holds for a passage (and checked against it), the work is done once per passage.
    """

    def __init__(self, size: int = 8192):
        self._kept: OrderedDict[int, tuple[Facts, str, _Kept]] = OrderedDict()
        self._size = size

    def get(self, side: Side, compute: Callable[[Side], _Kept]) -> _Kept:
        key = id(side.facts)
        hit = self._kept.get(key)
        if hit is not None and hit[0] is side.facts and hit[1] == side.text:
            self._kept.move_to_end(key)
            return hit[2]
        value = compute(side)
        self._kept[key] = (side.facts, side.text, value)
        if len(self._kept) > self._size:
            self._kept.popitem(last=False)
        return value
