"""Suppression comments in drafts, and the filter that applies them (and the baseline) to findings.

An editor who has checked a flagged sentence and accepts it writes, in a Markdown (or
plain-text) draft::

    <!-- claimcheck: ignore[CC-DATE-001] the source itself gives both dates -->
    Boris Yeltsin came to Beijing in November 1997.

The comment covers the next non-blank block (a paragraph, or a single heading line); a comment
that trails text on the same line covers that line only, and one inside a sentence is cut from
the claim's text as reports show it (its spans keep pointing at the file). Several codes may be listed,
``ignore[CC-DATE-001, CC-NUM-001]``. A reason is required, as for ``ignore:`` in claim files:
a suppression without one, with an unknown code, or that does not parse is *malformed*.

Malformed and unused suppressions are reported in ``Report.notes`` (the CLI also prints the
malformed ones to stderr). They do not change the exit code: a typo in a comment should not
break a build the way a contradiction does, but it must not pass silently either.

Offsets here are character offsets into the document text, like every span in the project.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .locate import line_col
from .models import AcceptedBy, AcceptedFinding, Document, Finding, Loc

# Any HTML comment that mentions claimcheck: parsed strictly below, so near-misses are reported.
_COMMENT = re.compile(r"<!--\s*claimcheck\b(?P<body>.*?)-->", re.S | re.I)
_DIRECTIVE = re.compile(r"\A\s*:\s*ignore\s*\[(?P<codes>[^\]]*)\](?P<reason>.*)\Z", re.S | re.I)
_ANY_COMMENT = re.compile(r"<!--.*?-->", re.S)
_CODE = re.compile(r"\A[A-Z]+(?:-[A-Z]+)*-\d{3}\Z")
_MD_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_BLANK_LINE = re.compile(r"\n[ \t]*(?:\n|\Z)")

MALFORMED = "malformed suppression"


@dataclass
class Region:
    """Findings of ``rule`` whose span starts inside ``[start, end)`` are suppressed."""

    rule: str
    reason: str
    start: int
    end: int
    comment_start: int  # where the comment itself is, for messages
    comment_end: int = 0
    used: bool = False


@dataclass
class SuppressionError:
    message: str
    start: int


def parse_suppressions(
    text: str, known_codes: Iterable[str] | None = None
) -> tuple[list[Region], list[SuppressionError]]:
    """Suppression regions and malformed comments of ``text`` (pure; offsets into ``text``)."""
    known = {c.upper() for c in known_codes} if known_codes is not None else None
    regions: list[Region] = []
    errors: list[SuppressionError] = []
    for m in _COMMENT.finditer(text):
        d = _DIRECTIVE.match(m.group("body"))
        if d is None:
            errors.append(
                SuppressionError(f"{MALFORMED}: expected '<!-- claimcheck: ignore[RULE-CODE] reason -->'", m.start())
            )
            continue
        codes = [c.strip().upper() for c in d.group("codes").split(",") if c.strip()]
        reason = " ".join(d.group("reason").split())
        bad = [c for c in codes if not _CODE.match(c) or (known is not None and c not in known)]
        if not codes:
            errors.append(SuppressionError(f"{MALFORMED}: no rule code in ignore[]", m.start()))
            continue
        if bad:
            errors.append(
                SuppressionError(
                    f"{MALFORMED}: unknown rule code(s) {', '.join(bad)} (see 'claimcheck rules')", m.start()
                )
            )
            continue
        if not reason:
            errors.append(
                SuppressionError(f"{MALFORMED}: ignore[{', '.join(codes)}] needs a reason after the code", m.start())
            )
            continue
        start, end = _target(text, m.start(), m.end())
        if start >= end:
            errors.append(SuppressionError(f"{MALFORMED}: nothing follows the comment to suppress", m.start()))
            continue
        regions += [Region(code, reason, start, end, m.start(), m.end()) for code in codes]
    return regions, errors


def _target(text: str, c_start: int, c_end: int) -> tuple[int, int]:
    """The span a comment covers: its own line when it trails text, else the next block."""
    line_start = text.rfind("\n", 0, c_start) + 1
    eol = text.find("\n", c_end)
    eol = len(text) if eol == -1 else eol
    if _ANY_COMMENT.sub("", text[line_start:c_start]).strip():
        return line_start, eol
    if _ANY_COMMENT.sub("", text[c_end:eol]).strip():
        start, line = c_end, text[c_end:eol]  # "<!-- ... --> The sentence." leads its block
    else:
        # the next line that is neither blank nor only comments (stacked suppressions share it)
        pos = eol
        while True:
            if pos >= len(text):
                return len(text), len(text)
            start = pos + 1
            nl = text.find("\n", start)
            nl = len(text) if nl == -1 else nl
            line = text[start:nl]
            if _ANY_COMMENT.sub("", line).strip():
                break
            pos = nl
    if _MD_HEADING.match(line):
        return start, start + len(line)
    blank = _BLANK_LINE.search(text, start)
    return start, blank.start() if blank else len(text)


# --------------------------------------------------------------------------- applying them


@dataclass
class _DocState:
    regions: list[Region]
    errors: list[SuppressionError]
    doc: Document  # for line:column in the file the user opened (HTML source lines)
    text: str


@dataclass
class Acceptance:
    """Sets accepted findings apart: inline suppressions of a document, then the baseline.

    One instance per check run; ``notes()`` at the end says what was malformed, unused or
    baselined, so nothing is hidden without a trace.
    """

    known_codes: set[str]
    baseline: frozenset[str] | None = None
    _docs: dict[str, _DocState] = field(default_factory=dict)
    _baselined: int = 0
    _baseline_used: set[str] = field(default_factory=set)

    def register(self, doc: Document) -> None:
        """Parse a document's suppression comments (idempotent)."""
        if doc.path not in self._docs and doc.kind in ("markdown", "text", "html"):
            regions, errors = parse_suppressions(doc.text, self.known_codes)
            self._docs[doc.path] = _DocState(regions, errors, doc, doc.text)

    def filter(self, findings: list[Finding]) -> tuple[list[Finding], list[AcceptedFinding]]:
        """The findings still shown, and the accepted ones with who accepted them and why."""
        kept, accepted = [], []
        for f in findings:
            by = self._inline(f)
            if by is None and self.baseline is not None and f.fingerprint in self.baseline:
                self._baselined += 1
                self._baseline_used.add(f.fingerprint)
                by = AcceptedBy(kind="baseline", reason="known finding recorded in the baseline")
            if by is None:
                kept.append(f)
            else:
                accepted.append(AcceptedFinding(**dict(f), accepted_by=by))
        return kept, accepted

    def _inline(self, f: Finding) -> AcceptedBy | None:
        """The first comment that covers ``f`` (every one that does is marked used)."""
        by = None
        for loc in (f.claim, f.evidence):
            state = self._docs.get(loc.path)
            if state is None:
                continue
            for r in state.regions:
                if r.rule == f.rule and r.start <= loc.start < r.end:
                    r.used = True
                    if by is None:
                        by = AcceptedBy(kind="comment", reason=r.reason, location=self._comment_loc(loc.path, state, r))
        return by

    @staticmethod
    def _comment_loc(path: str, state: _DocState, r: Region) -> Loc:
        line, col = line_col(state.doc, r.comment_start)
        end_line, end_col = line_col(state.doc, r.comment_end)
        return Loc(
            path=path,
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            start=r.comment_start,
            end=r.comment_end,
            text=state.text[r.comment_start : r.comment_end],
        )

    def notes(self) -> list[str]:
        out = []
        for path, state in sorted(self._docs.items()):
            for e in state.errors:
                line, col = line_col(state.doc, e.start)
                out.append(f"{path}:{line}:{col}: {e.message}")
            for r in state.regions:
                if not r.used:
                    line, col = line_col(state.doc, r.comment_start)
                    out.append(f"{path}:{line}:{col}: suppression of {r.rule} matched no finding (unused)")
        if self.baseline is not None:
            out.append(f"baseline: {self._baselined} known finding(s) not shown")
            stale = len(self.baseline - self._baseline_used)
            if stale:
                out.append(
                    f"baseline: {stale} entr{'y' if stale == 1 else 'ies'} matched no finding "
                    "(fixed? regenerate with 'claimcheck baseline')"
                )
        return out
