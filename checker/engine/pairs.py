"""Which sentences are compared with which: a claim with the passages the index returns (its
cited source first, all of it), with the other claims of the same event, and a document's
sentence with its heading's lead and with the earlier sentences telling the same event or
making the same statement (found through :mod:`checker.pairing`'s index, never by scanning all).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..match.context import another_time, times_around
from ..match.index import PassageIndex
from ..match.misstatement import other_base
from ..match.statements import StatementAlignment, align_any, align_statements, anchor_keys
from ..models import Document, Statement
from ..pairing import PairIndex, event_keys, event_query_keys, normalised
from ..rules.base import DocContext, Pair, Side
from ..rules.identity import same_event, unique_cited_event
from ..verdict import says_all, whole_claim_content
from .claims import ClaimInput, claim_signature
from .facts import LazyFacts
from .settings import CheckConfig


class Pairer:
    def __init__(
        self,
        config: CheckConfig,
        docs: dict[str, Document],
        facts: LazyFacts,
        side: Callable[[Document, int], Side],
        contexts: dict[str, DocContext],
        index: PassageIndex | None,
    ):
        self.config = config
        self.docs = docs  # every document, under check or source, by path
        self.facts = facts
        self.side = side
        self.contexts = contexts  # document under check -> its context (citations parsed once)
        self.index = index
        self._notes: list[str] = []  # cited sources that were not supplied, since take_notes
        self.inputs: list[ClaimInput] = []
        self._claim_index = PairIndex()
        self._doc_indexes: dict[str, tuple[PairIndex, PairIndex]] = {}  # path -> (events, statements)
        self._hits: dict[int, list[tuple[str, int, float]]] = {}  # input position -> its index search

    def take_notes(self) -> list[str]:
        """What pairing had to say since the last call (the report's notes, in input order)."""
        out, self._notes = self._notes, []
        return out

    def index_claims(self, inputs: list[ClaimInput]) -> None:
        """The claims of the claim files, by the events they tell (see ``checker.pairing``)."""
        self.inputs = inputs
        for k, item in enumerate(inputs):
            if item.claim is not None:
                self._claim_index.add(
                    k, event_keys(item.side.event, item.side.event_date()), claim_signature(item.claim)
                )

    def pairs(self, item: ClaimInput, position: int) -> Iterable[Pair]:
        """Every pair the rules read for the input at ``position``."""
        index, inputs = self.index, self.inputs
        side = item.side
        sentence = item.sentence()
        if sentence is not None:
            yield from self._document_pairs(item, *sentence)
        if item.claim is not None:
            # each claim against every other claim of the same event, whatever their order
            keys = event_query_keys(side.event, side.event_date())
            for pos, count in self._claim_index.others(
                position, claim_signature(item.claim), keys, self.config.align.group_limit
            ):
                other = inputs[pos]
                reason = same_event(side, other.side, "claim-claim")
                if reason:
                    yield Pair(side, other.side, "claim-claim", reason, repeats=count)
        cited = item.claim.source if item.claim is not None else None
        cited_doc = self.cited(cited) if cited else None
        # a claim with no typed fact is still read against the source it cites (a quarter
        # named without a year, "in Q1", is no date fact, yet a claim rule can check it)
        statement = side.facts.statement
        if index is None or not (_searches(side) or cited_doc is not None):
            return
        if sentence is not None:
            cited_doc = self._cited_by_passage(*sentence)
        candidates = []
        seen = set()
        for path, i, _ in self._search(index, item, position):
            if item.doc is not None and path == item.doc.path:
                continue
            seen.add((path, i))
            candidates.append(self.side(self.docs[path], i))
        if cited_doc is not None:
            # the cited source comes first, all of it, whatever the index ranked
            cited_sides = [self.side(cited_doc, p.index) for p in cited_doc.passages]
            candidates = cited_sides + [c for c in candidates if c.path != cited_doc.path]
            unique = unique_cited_event(side, [c for c in candidates if c.path == cited_doc.path])
        else:
            unique = None
        # a passage that says every word of the claim makes one statement with it even where
        # the reader parsed the two subjects differently
        claim_words = whole_claim_content(side)
        for cand in candidates:
            reason = "cited" if unique is cand else same_event(side, cand, "claim-source")
            alignment = align_any(
                statement,
                cand.facts,
                self.config.align,
                cited=cited_doc is not None and cand.path == cited_doc.path,
                contained=claim_words is not None and says_all(claim_words, cand.text),
            )
            if alignment is not None and statement is not None and self._of_another_time(statement, alignment, cand):
                alignment = None  # "reached 43 degrees on Monday" against a passage on another day
            if alignment is not None and any(
                c.kind == "quantity"
                and c.outcome in ("conflict", "warning")
                and other_base(side, cand, c.claim_span, c.evidence_span)
                for c in alignment.comparisons
            ):
                alignment = None  # "rose 4% from the previous month" against "rose 9% from a year earlier"
            yield Pair(side, cand, "claim-source", reason, alignment)

    def _of_another_time(self, statement: Statement, alignment: StatementAlignment, cand: Side) -> bool:
        """Whether an alignment that sets a value against the claim's is of another time: the
        claim's times it does not compare are not the passage's (its sentence, or the
        headings and sentences before it; see :mod:`checker.match.context`)."""
        if not any(c.outcome in ("conflict", "warning") and c.kind != "when" for c in alignment.comparisons):
            return False
        compared = {id(c.claim) for c in alignment.comparisons if c.kind == "when"}
        mine = [s.date for s in statement.slots if s.kind == "when" and s.role != "base" and id(s) not in compared]
        if not mine:
            return False
        around = times_around(cand.text, cand.start, cand.end, cand.facts, self.docs.get(cand.path))
        return another_time([d for d in mine if d is not None], *around)

    def _search(self, index: PassageIndex, item: ClaimInput, position: int) -> list[tuple[str, int, float]]:
        """The index's candidates for an input, searched once (``wanted`` may have asked first)."""
        hits = self._hits.get(position)
        if hits is None:
            hits = self._hits[position] = index.search(item.side.text, self.config.candidates)
        return hits

    def search_inputs(self, positions: Sequence[int]) -> list[tuple[int, list[tuple[str, int, float]]]]:
        """The index's candidates of the inputs at ``positions`` that search (the searches
        split between processes; ``keep_searches`` takes them back)."""
        if self.index is None:
            return []
        return [(k, self._search(self.index, self.inputs[k], k)) for k in positions if _searches(self.inputs[k].side)]

    def keep_searches(self, found: Iterable[tuple[int, list[tuple[str, int, float]]]]) -> None:
        for k, hits in found:
            self._hits.setdefault(k, hits)

    def wanted(self) -> list[tuple[str, int]]:
        """The source passages the inputs' searches return, in first-asked order: what the claim
        phase will read, for a prefetch (an input searching only because it cites a source is
        left to the claim phase)."""
        out: dict[tuple[str, int], None] = {}
        if self.index is not None:
            for k, item in enumerate(self.inputs):
                if _searches(item.side):
                    for path, i, _ in self._search(self.index, item, k):
                        if item.doc is None or path != item.doc.path:
                            out.setdefault((path, i), None)
        return list(out)

    def _cited_by_passage(self, doc: Document, index: int) -> Document | None:
        """The supplied source a document passage cites ("[9]" in its paragraph), if known.

        A reference is matched to a source by URL, by the source's file name ("9.md",
        "ref-9.txt") or by title; the citation may close the passage's paragraph.
        """
        if not doc.references or not self.config.sources:
            return None
        paragraph = doc.passages[index].paragraph
        keys = [
            c.key
            for c in self.contexts[doc.path].citations
            if c.passage is not None and doc.passages[c.passage].paragraph == paragraph
        ]
        refs = {r.key: r for r in doc.references}
        for key in keys:
            ref = refs.get(key)
            if ref is None:
                continue
            for path, source in self.docs.items():
                if path == doc.path:
                    continue
                stem = Path(path).stem.lower()
                if (
                    (ref.url and source.url and ref.url.rstrip("/") == source.url.rstrip("/"))
                    or stem in (key, f"ref{key}", f"ref-{key}", f"ref_{key}", f"reference-{key}")
                    or (source.title and len(source.title) > 15 and source.title.lower() in ref.text.lower())
                ):
                    return source
        return None

    def cited(self, source: str) -> Document | None:
        for path, doc in self.docs.items():
            if path == source or Path(path).name == Path(source).name or path.endswith("/" + source):
                return doc
        self._notes.append(f"cited source '{source}' was not among the sources")
        return None

    def _document_pairs(self, item: ClaimInput, doc: Document, i: int) -> Iterable[Pair]:
        """The pairs of sentence ``i`` of a document under check with its own document."""
        side = item.side
        me = doc.passages[i]
        # heading against the lead of its own body
        if me.is_heading and side.event is not None:
            for body in self._section_body_events(doc, i):
                yield Pair(side, body, "heading-body", "structure")
        yield from self._statement_pairs(item, doc, i)
        # every earlier passage of the same document about the same event
        if side.event is None:
            return
        events, _ = self._document_index(doc)
        for j, count in events.earlier(
            i, event_query_keys(side.event, side.event_date()), self.config.align.group_limit
        ):
            other = doc.passages[j]
            f = self.facts[(doc.path, j)]
            if not f.events or not (set(f.events[0].actors) & set(side.event.actors)):
                continue
            if other.is_heading and other.section == me.section and not me.is_heading:
                continue  # the heading-body pair covers a section's own heading
            other_side = self.side(doc, j)
            reason = same_event(side, other_side, "self")
            if reason:
                yield Pair(side, other_side, "self", reason, repeats=count)

    def _document_index(self, doc: Document) -> tuple[PairIndex, PairIndex]:
        """A document's passages by the events they tell and by the statements they make."""
        hit = self._doc_indexes.get(doc.path)
        if hit is None:
            events, statements = PairIndex(), PairIndex()
            for p in doc.passages:
                f = self.facts[(doc.path, p.index)]
                side = self.side(doc, p.index)
                sig = (normalised(p.text), p.is_heading, side.section)
                if f.events:
                    events.add(p.index, event_keys(side.event, side.event_date()), sig)
                st = f.statement
                if st is not None and not f.events and st.slots and st.subject is not None:
                    keys = anchor_keys(st)
                    statements.add(p.index, keys, sig + (tuple(sorted(map(repr, keys))),))
            hit = self._doc_indexes[doc.path] = (events, statements)
        return hit

    def _statement_pairs(self, item: ClaimInput, doc: Document, i: int) -> Iterable[Pair]:
        """Earlier passages of the document making the same statement (no event frame on either
        side: frames pair themselves), so "opened in 1902" here and "in 1920" there are seen."""
        me = item.side.facts.statement
        if me is None or not me.slots or item.side.event is not None or me.subject is None:
            return
        keys = anchor_keys(me)
        if not keys:
            return
        _, statements = self._document_index(doc)
        for j, count in statements.earlier(i, keys, self.config.align.group_limit):
            f = self.facts[(doc.path, j)]
            other = f.statement
            if other is None or f.events or not other.slots or other.subject is None or not (keys & anchor_keys(other)):
                continue
            alignment = align_statements(me, other, self.config.align)
            if alignment is not None and any(c.outcome in ("conflict", "warning") for c in alignment.comparisons):
                yield Pair(item.side, self.side(doc, j), "self", None, alignment, repeats=count)

    def _section_body_events(self, doc: Document, heading_index: int) -> list[Side]:
        """Body sentences of the heading's section that tell the heading's event.

        The first sentence sharing an actor with the heading is its lead; later sentences count
        only when they name a traveller and a destination, on no other date than the heading's.
        """
        hf = self.facts[(doc.path, heading_index)]
        head_actors = set(hf.events[0].actors)
        head_date = next((d for d in hf.dates if not (d.open_start or d.open_end)), None)
        out: list[Side] = []
        for p in doc.passages[heading_index + 1 :]:
            if p.is_heading:
                break
            f = self.facts[(doc.path, p.index)]
            if not f.events or not set(f.events[0].actors) & head_actors:
                continue
            side = self.side(doc, p.index)
            if not out:
                out.append(side)
                continue
            ev = f.events[0]
            own = side.event_date()
            if (
                ev.action == "visit"
                and ev.agent
                and ev.place
                and (
                    own is None
                    or head_date is None
                    or not (own.latest < head_date.earliest or head_date.latest < own.earliest)
                )
            ):
                out.append(side)
        return out


def _searches(side: Side) -> bool:
    """Whether a sentence is looked up in the index: it has a typed fact or a statement with slots."""
    statement = side.facts.statement
    return bool(
        side.event
        or side.facts.dates
        or side.facts.quantities
        or side.facts.quotes
        or (statement is not None and statement.slots)
    )
