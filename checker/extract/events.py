"""Event frames: who did what, where, read from one sentence and its entity mentions.

Direction matters for visits: in "X's visit to Y", "X visits Y", "X arrived in Y" the agent is X
and the place is the destination Y; in "X hosts Z in Y" the visitor is Z. Everything else
(meet, sign, call, attend, summit) keeps the place where it happened, if one is named.
"""

from __future__ import annotations

import re

from ..models import EntityMention, EventFrame

# action -> trigger pattern; the order is the priority when a sentence has several.
_ACTIONS: list[tuple[str, re.Pattern[str]]] = [
    (
        "visit",
        re.compile(
            r"\b(?:(?:state|official|working|first|second|third|fourth|fifth|sixth|seventh|last|"
            r"historic|two-day|three-day|four-day|\w+-day)\s+)*(?:visit(?:s|ed|ing)?|trip(?:s)?\s+to|"
            r"travel(?:l)?(?:ed|s)?\s+to|arriv(?:ed|es|al|ing)\s+in|landed\s+in|tour(?:ed|s)?)\b",
            re.I,
        ),
    ),
    ("sign", re.compile(r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed)?)\b", re.I)),
    ("attend", re.compile(r"\battend(?:s|ed|ing|ance)?\b", re.I)),
    (
        "call",
        re.compile(
            r"\b(?:(?:phone|video|telephone)\s+(?:call|conversation|conference|talks?)|"
            r"call(?:s|ed)?\s+with|spoke\s+by\s+phone|video\s+summit)\b",
            re.I,
        ),
    ),
    ("meet", re.compile(r"\b(?:meet(?:s|ing|ings)?|met|talks|summit(?:s)?|held\s+talks)\b", re.I)),
    ("host", re.compile(r"\bhost(?:s|ed|ing)?\b", re.I)),
]
_DESTINATION = re.compile(r"^\W{0,3}(?:\s*(?:to|in|at|of)\s+(?:the\s+)?)?$", re.I)


def find_actions(text: str) -> list[tuple[str, int, int]]:
    out = []
    for action, pattern in _ACTIONS:
        for m in pattern.finditer(text):
            out.append((action, m.start(), m.end()))
    out.sort(key=lambda a: a[1])
    return out


def _agent_before(text: str, people: list[EntityMention], at: int) -> EntityMention | None:
    """The person right before a trigger: "X's visit", "X visits", "X Visits", "X and Y Meet"."""
    best = None
    for p in people:
        if p.end <= at:
            gap = text[p.end : at]
            if re.fullmatch(
                r"(?:'s|’s)?(?:\s+(?:first|second|third|fourth|fifth|last|\w+-day|state|official|historic|working|"
                r"[A-Z][a-z]+))*\s*",
                gap,
            ) or re.fullmatch(
                r"\s+(?:(?:has|had|then|also|later|subsequently|finally|made|paid|began|"
                r"started|undertook|ended|concluded|was\s+on|went\s+on)\s+)+(?:(?:a|an|his|her|their|the)\s+)?",
                gap,
                re.I,
            ):
                best = p
    return best


def build_frame(text: str, entities: list[EntityMention]) -> EventFrame | None:
    """The main event of a sentence, or None when it names no action with a person in it."""
    people = [e for e in entities if e.kind == "person"]
    places = [e for e in entities if e.kind == "place"]
    actions = find_actions(text)
    if not actions or not people:
        return None
    priority = [a for a, _ in _ACTIONS]
    action, a_start, a_end = min(actions, key=lambda a: (priority.index(a[0]), a[1]))
    actors = list(dict.fromkeys(p.canonical for p in people))
    agent = None
    place = None
    if action == "visit":
        mention = _agent_before(text, people, a_start)
        if mention is None:
            by = re.search(r"\bvisit\s+(?:to\s+\S+\s+)?by\s+$", text[: a_end + 40], re.I)
            mention = next((p for p in people if p.start >= a_end and by), None)
        agent = mention.canonical if mention else None
        after = [pl for pl in places if pl.start >= a_start and pl.start - a_end <= 40]
        # "Putin's first Beijing visit": the destination stands right before the trigger
        before = [
            pl
            for pl in places
            if pl.end <= a_start
            and re.fullmatch(r"\s*", text[pl.end : a_start])
            and (mention is None or pl.start > mention.end)
        ]
        if before:
            place = before[-1].canonical
        elif after:
            place = after[0].canonical
    elif action == "host":
        # "X hosts Z in Y": Z is the visitor, Y the place.
        guests = [p for p in people if p.start > a_end]
        if guests:
            agent = guests[0].canonical
            action = "visit"
        inside = [
            pl
            for pl in places
            if pl.start > a_end and re.search(r"\bin\s+(?:the\s+)?$", text[max(0, pl.start - 8) : pl.start])
        ]
        place = inside[0].canonical if inside else None
    else:
        inside = [
            pl for pl in places if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(0, pl.start - 8) : pl.start])
        ]
        place = inside[0].canonical if inside else None
    return EventFrame(action=action, actors=actors, agent=agent, place=place, start=a_start, end=a_end)
