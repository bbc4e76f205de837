"""CC-CITE-004 citation.place_mismatch"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..extract.gazetteer import country_name, gazetteer
from ..models import EntityMention, Reference, Severity
from .base import DocContext, DocHit, DocumentRule

# A reference title places its event with "in Lima", "at Geneva", "to Oslo", "visits Oslo", or
# "Oslo summit/talks": a city named any other way ("leaves Oslo for ...") may be a mere origin.
_BEFORE = re.compile(r"\b(?:in|at|to|visits?|visiting|arrives?|arriving)\s+(?:the\s+)?$", re.I)
_AFTER = re.compile(r"^\s+(?:summit|talks|meeting|forum|conference)\b", re.I)


class CitationPlace(DocumentRule):
    """What it checks:
    A section placing an event in one city while the source cited for it says, in its title,
    that the event took place in a city of another country.

    Why it matters:
    The cited source is the reader's check on the text; when its own title puts the talks in Rio
    de Janeiro and the text in Lima, one of the two is wrong, and usually it is the text.

    Example:
    A section "Foreign Ministers Meet at the Summit in Lima, Peru" citing "[45] Ministers discuss
    ties in Rio de Janeiro". Not a finding: a title naming a city of the same country (a leader
    touring Beijing and Shanghai), a city in quotation marks ("China's 'Little Moscow'"), or a
    city named only as an origin ("leaves Moscow").

    Options:
    None. Only the titles of the references list are read, never the pages they point to.
    """

    code = "CC-CITE-004"
    name = "citation.place_mismatch"
    category = "citation"
    severity = Severity.warning

    def check_document(self, ctx: DocContext) -> Iterable[DocHit]:
        refs = {r.key: r for r in ctx.doc.references}
        if not refs:
            return
        places_by_name = gazetteer()
        cities_of: dict[str, list[EntityMention]] = {}  # reference key -> the cities its title places events in
        places_of: dict[int | None, list[EntityMention]] = {}  # section heading -> the places the section names
        seen: set[tuple[int | None, str]] = set()
        for c in ctx.citations:
            ref = refs.get(c.key)
            index = ctx.passage_at(c.start)
            if ref is None or index is None:
                continue
            head = ctx.section_heading(index)
            if (head, c.key) in seen:
                continue
            seen.add((head, c.key))
            if c.key not in cities_of:
                cities_of[c.key] = _title_cities(ctx, ref)
            if head not in places_of or head is None:
                places_of[head] = _section_places(ctx, head, index)
            cities, places = cities_of[c.key], places_of[head]
            if not cities or not places:
                continue
            countries = {places_by_name[p.canonical].country for p in places}
            for city in cities:
                here = places_by_name.get(city.canonical)
                if here is None or here.country in countries:
                    continue
                text_place = next((p for p in places if places_by_name[p.canonical].kind == "city"), places[0])
                there = country_name(here.country)
                yield DocHit(
                    claim_span=(text_place.start, text_place.end),
                    evidence_span=(city.start, city.end),
                    claim_value=text_place.canonical,
                    evidence_value=f"[{c.key}] {city.canonical}",
                    message=(
                        f"the text places this in {text_place.canonical}; the source cited for it, "
                        f"[{c.key}], places it in {city.canonical} ({there})"
                    ),
                    confidence=0.6,
                )
                break


def _title_cities(ctx: DocContext, ref: Reference) -> list[EntityMention]:
    """Cities the reference entry names as where its story happened, outside quotation marks."""
    text = ctx.doc.text
    out: list[EntityMention] = []
    for p in ctx.doc.passages:
        if p.end <= ref.start or p.start >= ref.end:
            continue
        facts = ctx.facts[p.index]
        quoted = [(q.start, q.end) for q in facts.quotes]
        for e in facts.entities:
            place = gazetteer().get(e.canonical)
            if e.kind != "place" or place is None or place.kind != "city" or not (ref.start <= e.start < ref.end):
                continue
            if any(s <= e.start < en for s, en in quoted) or text[max(0, e.start - 1) : e.start] in "\"“'‘":
                continue
            if _BEFORE.search(text[max(ref.start, e.start - 20) : e.start]) or _AFTER.match(text[e.end : e.end + 15]):
                out.append(e)
    return out


def _section_places(ctx: DocContext, head: int | None, index: int) -> list[EntityMention]:
    """Places the citing section names: its heading and its body up to the next heading (the
    citing passage alone when it has no section heading)."""
    if head is None:
        return [e for e in ctx.facts[index].entities if e.kind == "place" and e.canonical in gazetteer()]
    out: list[EntityMention] = []
    for p in ctx.doc.passages[head:]:
        if p.index != head and p.is_heading:
            break
        out.extend(e for e in ctx.facts[p.index].entities if e.kind == "place" and e.canonical in gazetteer())
    return out


RULE = CitationPlace()
