"""Counts of years or occurrences tied to an event: "the 15th anniversary of the 1996
partnership", "60 years of relations", "ten years since the treaty", "his fifth visit since 2009".

Read as :class:`~checker.models.Anniversary` facts that the anniversary rules check against the
stated years.
"""

from __future__ import annotations

import re

from checker.models import Anniversary

from .normalise import normalise
from .number_words import COMPOUND_COUNT, COUNT_WORD_ALT, ORDINAL_WORD, word_number, word_ordinal

__all__ = ["find_anniversaries"]

_EVENT_PHRASE = r"(?P<event>(?:[\w'-]+\s+){0,3}?[\w'-]+?)(?=[\s,.;:!?)]|$)"
_ANNIV = re.compile(
    rf"\b(?:the\s+)?(?P<ord>{ORDINAL_WORD})\s+anniversary\s+of\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?"
    rf"(?:(?P<year>1\d{{3}}|20\d{{2}})\s+)?(?P<event>[\w'-]+(?:\s+(?!in\b|on\b|at\b|and\b|with\b|by\b|was\b|is\b|which\b|that\b)[\w'-]+){{0,3}})",
    re.I,
)
_YEARS_OF = re.compile(
    rf"\b(?P<n>\d{{1,3}}|{COMPOUND_COUNT}|{COUNT_WORD_ALT})\s+years\s+of\s+"
    rf"(?P<event>[\w'-]+(?:\s+(?!in\b|on\b|at\b|and\b|with\b|between\b|by\b|was\b|is\b|has\b|have\b)[\w'-]+){{0,3}})",
    re.I,
)
_YEARS_SINCE = re.compile(
    rf"\b(?P<n>\d{{1,3}}|{COMPOUND_COUNT}|{COUNT_WORD_ALT})\s+years\s+(?:have\s+passed\s+)?since\s+"
    rf"(?P<since>(?:the\s+)?(?:(?P<year>1\d{{3}}|20\d{{2}})|[\w'-]+(?:\s+(?!in\b|on\b|at\b|and\b|with\b|was\b|is\b)[\w'-]+){{0,2}}))",
    re.I,
)
_ORD_EVENT = re.compile(
    rf"\b(?:the|his|her|their|its|a)\s+(?P<ord>{ORDINAL_WORD})\s+(?P<event>visit|meeting|summit|trip|"
    rf"talks|encounter|call|tour|session|round|conference|election|term)s?\b"
    rf"(?P<rest>(?:\s+(?:to|in|with)\s+(?:the\s+)?[\w'-]+)?)(?:\s+since\s+(?P<since>(?:the\s+)?[\w'-]+))?",
    re.I,
)
_EVENT_TRAIL = {"the", "a", "an", "of", "and", "to", "in", "for", "its", "their", "his", "her"}


def _clean_event(words: str) -> str:
    ws = words.split()
    while ws and ws[-1].lower() in _EVENT_TRAIL:
        ws.pop()
    return " ".join(ws)


def find_anniversaries(text: str) -> list[Anniversary]:
    """Counts of years or occurrences tied to an event, as structured facts rules can check.

    "the 15th anniversary of the 1996 partnership" (ordinal 15, base year 1996), "60 years of
    diplomatic relations", "ten years since the treaty", "the third meeting since the election",
    "his fifth visit to the region since 2009".
    """
    t = normalise(text)
    found: list[Anniversary] = []
    for mm in _ANNIV.finditer(t):
        ordinal = word_ordinal(mm["ord"])
        if ordinal is None:
            continue
        ev = _clean_event(mm["event"])
        e = mm.start("event") + len(mm["event"].rstrip()) if ev else mm.end()
        e = mm.start("event") + mm["event"].find(ev.split()[-1]) + len(ev.split()[-1]) if ev else e
        found.append(
            Anniversary(
                text=text[mm.start() : e],
                start=mm.start(),
                end=e,
                kind="anniversary",
                ordinal=ordinal,
                base_year=int(mm["year"]) if mm["year"] else None,
                event=ev,
            )
        )
    for mm in _YEARS_OF.finditer(t):
        n = word_number(mm["n"])
        if n is None or n < 1:
            continue
        ev = _clean_event(mm["event"])
        if not ev:
            continue
        e = mm.start("event") + mm["event"].find(ev.split()[-1]) + len(ev.split()[-1])
        found.append(
            Anniversary(text=text[mm.start() : e], start=mm.start(), end=e, kind="years_of", years=n, event=ev)
        )
    for mm in _YEARS_SINCE.finditer(t):
        n = word_number(mm["n"])
        if n is None:
            continue
        since = _clean_event(mm["since"])
        if not since:
            continue
        e = mm.start("since") + mm["since"].find(since.split()[-1]) + len(since.split()[-1])
        found.append(
            Anniversary(
                text=text[mm.start() : e],
                start=mm.start(),
                end=e,
                kind="years_since",
                years=n,
                base_year=int(mm["year"]) if mm["year"] else None,
                event=since if not mm["year"] else "",
                since=since,
            )
        )
    for mm in _ORD_EVENT.finditer(t):
        ordinal = word_ordinal(mm["ord"])
        if ordinal is None:
            continue
        since = mm["since"]
        base = int(since) if since and re.fullmatch(r"1\d{3}|20\d{2}", since) else None
        found.append(
            Anniversary(
                text=text[mm.start() : mm.end()],
                start=mm.start(),
                end=mm.end(),
                kind="ordinal_event",
                ordinal=ordinal,
                event=mm["event"].lower(),
                since=since,
                base_year=base,
            )
        )
    found.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[Anniversary] = []
    for a in found:
        if out and a.start < out[-1].end:
            continue
        out.append(a)
    return out
