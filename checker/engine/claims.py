"""The things a run checks: every claim of the claim files (its structured fields applied) and
every checkable sentence of the documents under check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from ..extract import Extractor, checkable
from ..extract.dates import find_dates
from ..extract.gazetteer import gazetteer
from ..extract.quantities import find_quantities
from ..locate import locate
from ..models import Claim, Document, EntityMention, Facts, Loc
from ..rules.base import Side
from .facts import LazyFacts
from .inputs import ClaimFileInput


@dataclass
class ClaimInput:
    """A thing to check: a claim from a file, or a sentence of a document."""

    side: Side
    claim: Claim | None  # None for a document sentence
    doc: Document | None  # the document a sentence belongs to
    passage_index: int | None = None

    def sentence(self) -> tuple[Document, int] | None:
        """The document and passage index of a document sentence (None for a claim)."""
        if self.doc is None or self.passage_index is None:
            return None
        return self.doc, self.passage_index


def claim_inputs(
    claim_files: Sequence[ClaimFileInput],
    documents: Sequence[Document],
    extractor: Extractor,
    facts: LazyFacts,
    side_of: Callable[[Document, int], Side],
    with_findings: Collection[tuple[str, int]],
) -> list[ClaimInput]:
    """Every claim of the claim files, then every document sentence worth checking: one with a
    checkable fact, or one a whole-document rule found something in (``with_findings``)."""
    inputs: list[ClaimInput] = []
    for path, cf, locs, text in claim_files:
        for claim in cf.claims:
            doc_date = claim.document_date or cf.document_date
            f = extractor.extract(claim.text, doc_date=doc_date)
            f = _apply_structured(claim, f, extractor, doc_date)
            inputs.append(ClaimInput(_claim_side(claim, locs[claim.id], text, f, path), claim, None))
    for doc in documents:
        for p in doc.passages:
            f = facts[(doc.path, p.index)]
            if checkable(f) or (doc.path, p.index) in with_findings:
                inputs.append(ClaimInput(side_of(doc, p.index), None, doc, p.index))
    return inputs


def _claim_side(claim: Claim, loc: Loc, file_text: str, facts: Facts, path: str) -> Side:
    exact = file_text[loc.start : loc.end] == claim.text
    base = loc.start if exact else 0
    pseudo = Document(path=path, text=file_text)

    def where(s: int, e: int) -> Loc:
        if exact:
            return locate(pseudo, base + s, base + e)
        return loc

    return Side(label=claim.id, text=claim.text, start=0, end=len(claim.text), facts=facts, locate=where, path=path)


def _apply_structured(claim: Claim, facts: Facts, extractor: Extractor, doc_date: dt.date | None) -> Facts:
    """Structured fields of a claim override what was extracted from its text."""
    whole = (0, len(claim.text))
    if claim.date is not None:
        raw = claim.date.isoformat() if isinstance(claim.date, dt.date) else str(claim.date)
        if ".." in raw:
            lo, hi = (find_dates(x) for x in raw.split("..", 1))
            if lo and hi:
                d = lo[0].model_copy(update={"latest": hi[-1].latest, "is_range": True})
                facts.dates = [d.model_copy(update={"start": whole[0], "end": whole[1], "text": claim.text})]
        else:
            found = find_dates(raw, doc_date)
            if found:
                facts.dates = [found[0].model_copy(update=_span_in(claim.text, found[0].text, whole))]
    if claim.quantity is not None:
        quantities = find_quantities(str(claim.quantity))
        if quantities:
            facts.quantities = [quantities[0].model_copy(update=_span_in(claim.text, quantities[0].text, whole))]
    people = [e for e in facts.entities if e.kind == "person"]
    places = [e for e in facts.entities if e.kind == "place"]
    if claim.actors:
        people = []
        for name in claim.actors:
            canonical, _ = extractor.registry.resolve(name)
            canonical = canonical or name
            people.append(
                EntityMention(text=name, canonical=canonical, kind="person", **_span_in(claim.text, name, whole))
            )
    if claim.place:
        place = gazetteer().get(claim.place)
        places = [
            EntityMention(
                text=claim.place,
                canonical=place.name if place else claim.place,
                kind="place",
                country=place.country if place else None,
                **_span_in(claim.text, claim.place, whole),
            )
        ]
    facts.entities = sorted(people + places, key=lambda e: e.start)
    if claim.actors or claim.place or claim.action:
        from ..extract.events import build_frame

        frame = build_frame(claim.text, facts.entities)
        if frame is not None:
            if claim.action:
                frame.action = claim.action
            if claim.place:
                frame.place = places[0].canonical
            facts.events = [frame]
    return facts


class _Span(TypedDict):
    start: int
    end: int


def _span_in(text: str, needle: str, whole: tuple[int, int]) -> _Span:
    i = text.find(needle)
    if i >= 0:
        return {"start": i, "end": i + len(needle)}
    return {"start": whole[0], "end": whole[1]}


def claim_id(item: ClaimInput, loc: Loc | None = None) -> str:
    """The id a claim has in the report: its own, or a document sentence's file:line:col."""
    if item.claim is not None:
        return item.claim.id
    loc = loc or item.side.locate(item.side.start, item.side.end)
    return f"{Path(loc.path).name}:{loc.line}:{loc.column}"


def claim_signature(claim: Claim) -> str:
    """What decides a claim's facts: everything but its id (two claims alike are one account)."""
    return claim.model_dump_json(exclude={"id"})
