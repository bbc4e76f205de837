"""CC-AGENT-001 agent.conflict"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Severity
from .base import Hit, Pair, Rule, slot_hits


class AgentConflict(Rule):
    """What it checks:
    One act credited to someone else than its source credits: "Easy A is directed by Bert
    Royal" against "Easy A is a film directed by Will Gluck, written by Bert Royal". The
    agent is the name (or names) after "by" right behind the verb; the two sentences must
    first make one statement (same subject, same predicate).

    Why it matters:
    Credits are the facts people copy from the wrong line: the writer for the director, the
    subcontractor for the builder, the runner-up for the winner.

    Example:
    "The bridge was designed by Ove Larsen." against "The bridge was designed by Ines Moura."
    Not a conflict: "produced by Max Martin" against "produced by Rick Rubin, Max Martin and
    Shellback" (one of the names), or another verb ("written by" against "directed by").

    Options:
    name_similarity (default 90): rapidfuzz ratio at which two names are taken for one
    (match.statements.AlignOptions).
    """

    code = "CC-AGENT-001"
    name = "agent.conflict"
    category = "actor"
    severity = Severity.error
    options = ("name-similarity",)

    def check(self, pair: Pair) -> Iterable[Hit]:
        yield from slot_hits(pair, ("agent",), 0.8, "the agent")


RULE = AgentConflict()
