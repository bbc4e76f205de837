"""Every data shape of claimcheck in one place.

Offsets first: a span is (path, start, end) in characters of the document's text; line and
column are filled in once, at the edge, by :mod:`checker.locate`. The JSON report models
at the bottom are a published contract (``claimcheck schema report``, ``schema_version``): rename
nothing there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- locations


class Loc(_Model):
    """A located span: path, character offsets and 1-based line/column (end exclusive)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    text: str
    page: str | None = None  # printed page label, when the input has pages (PDF)
    section: str | None = None  # e.g. "2.7. April 23, 1997: Jiang Zemin Visits Moscow"


# --------------------------------------------------------------------------- typed facts


Granularity = Literal["day", "month", "season", "quarter", "year", "decade", "century"]


class DateMention(_Model):
    """A date or date range as a closed interval of days with the precision it was stated at.

    ``start``/``end`` are character offsets into the text that was scanned; ``earliest`` and
    ``latest`` are the first and last day the mention allows. "1997" -> 1997-01-01..1997-12-31
    at granularity "year"; "November 9-11, 1997" -> 1997-11-09..1997-11-11 at "day",
    ``is_range`` true. Open intervals ("since 2013") set ``open_start``/``open_end``.
    """

    text: str
    start: int
    end: int
    earliest: dt.date
    latest: dt.date
    granularity: Granularity
    is_range: bool = False
    open_start: bool = False
    open_end: bool = False
    relative: bool = False  # resolved against the document date ("on Wednesday")
    approximate: bool = False  # "mid-2019", "early 1990s", "around 2010"

    def value_str(self) -> str:
        if self.open_start:
            return f"..{self.latest.isoformat()}"
        if self.open_end:
            return f"{self.earliest.isoformat()}.."
        if self.earliest == self.latest:
            return self.earliest.isoformat()
        return f"{self.earliest.isoformat()}..{self.latest.isoformat()}"


QuantityKind = Literal["money", "percent", "count", "measure", "ordinal"]
QuantityBound = Literal["exact", "approx", "min", "max", "range"]


class Quantity(_Model):
    """A number as stated, with bounds: "over 45" -> low 45 (exclusive), high None."""

    text: str
    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    unit: str = ""  # "USD", "percent", "percentage point", "km", "" for counts
    kind: QuantityKind = "count"
    bound: QuantityBound = "exact"
    noun: str = ""  # what is counted: "summits", "troops", "loans"


class EntityMention(_Model):
    """A person, place or organisation, resolved to one canonical name."""

    text: str
    start: int
    end: int
    canonical: str
    kind: Literal["person", "place", "org"]
    country: str | None = None  # for places: the ISO country code
    score: float = 100.0  # rapidfuzz score of the alias match
    typo_of: str | None = None  # set when the mention looks like a misspelling


class Quote(_Model):
    text: str  # the quoted words, without the quote marks
    start: int  # span of the quoted words
    end: int


class EventFrame(_Model):
    """Who did what, where and when, as read from one sentence."""

    action: str  # visit, meet, sign, call, attend, announce, summit, ...
    actors: list[str] = Field(default_factory=list)  # canonical names
    agent: str | None = None  # the one who travelled / acted, when the sentence says so
    place: str | None = None  # canonical place (destination for a visit)
    start: int = 0
    end: int = 0


class Anchor(_Model):
    """What a statement is about: a name ("Acme Corp", "Jane Ortiz") or a noun phrase
    ("the city museum": head "museum", modifiers {"city"}), with the places inside it."""

    text: str
    start: int
    end: int
    head: str = ""  # lemma of the head noun of a common noun phrase ("museum")
    modifiers: list[str] = Field(default_factory=list)  # other content lemmas ("city", "trade")
    names: list[str] = Field(default_factory=list)  # name keys: lower-cased, suffixes dropped
    places: list[str] = Field(default_factory=list)  # canonical places named inside it
    pronoun: bool = False  # "it", "they": refers back to an earlier sentence's subject
    possessor: bool = False  # "her survey", "its factory": whose it is refers back
    resolved_from: str | None = None  # text of the earlier anchor it was resolved to
    topic: bool = False  # unresolved "it" / "the film" with nothing named before it: the source's topic
    # a bare "the wheat harvest" that names nothing and resolves to no earlier subject: the name
    # keys of the headings and sentences just before it, which say whose harvest it may be
    context_names: list[str] = Field(default_factory=list)


class Predicate(_Model):
    """The main verb (or relational noun) of a statement, with how it is asserted."""

    lemma: str
    classes: list[str] = Field(default_factory=list)  # predicate classes of the table
    negated: bool = False
    modality: str | None = None  # future | expected | planned | possible | said
    direction: str | None = None  # up | down (a change)
    relation: str | None = None  # the preposition heading its complement: "against" in "was against"
    start: int = 0
    end: int = 0


SlotKind = Literal["when", "where", "quantity", "ordinal", "score", "role", "agent"]


class Slot(_Model):
    """A typed value a statement gives, with its role: when (point, start, end, span, period),
    where (at, to), quantity (value, change, level, base), ordinal, score, role (title), agent
    (by: who did it, names in ``holder``)."""

    kind: SlotKind
    role: str
    text: str
    start: int
    end: int
    date: DateMention | None = None
    quantity: Quantity | None = None
    place: str | None = None  # canonical place
    measure: str = ""  # lemma of what a figure or ordinal counts ("revenue", "title")
    score: list[int] | None = None  # [home, away] as written
    title: str | None = None  # role noun: "mayor"
    of: list[str] = Field(default_factory=list)  # name keys or places of whom the role is held
    holder: list[str] = Field(default_factory=list)  # name keys of who holds the role


class Statement(_Model):
    """One sentence read as anchors + predicate + role-tagged slots (see extract.statements)."""

    subject: Anchor | None = None
    objects: list[Anchor] = Field(default_factory=list)
    predicate: Predicate | None = None
    slots: list[Slot] = Field(default_factory=list)
    rest: list[str] = Field(default_factory=list)  # content lemmas after the predicate (slots excluded)
    rest_names: list[str] = Field(default_factory=list)  # name keys after the predicate ("University of Bergen")
    by: Anchor | None = None  # the doer of a passive ("upheld by a lower court"): the active voice's subject


class Facts(_Model):
    dates: list[DateMention] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    entities: list[EntityMention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[EventFrame] = Field(default_factory=list)
    statement: Statement | None = None  # the sentence's main clause
    clauses: list[Statement] = Field(default_factory=list)  # its other clauses (", where ...", "; ...")

    def people(self) -> list[str]:
        return _unique(e.canonical for e in self.entities if e.kind == "person")

    def places(self) -> list[str]:
        return _unique(e.canonical for e in self.entities if e.kind == "place")


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# --------------------------------------------------------------------------- inputs


class Passage(_Model):
    """A sentence (or heading) of a document with exact offsets into ``Document.text``."""

    id: str  # "<path>#<index>"
    path: str
    index: int
    start: int
    end: int
    text: str
    section: list[str] = Field(default_factory=list)  # heading path, outermost first
    section_number: str | None = None  # "2.7" for a numbered section
    is_heading: bool = False
    page: str | None = None
    paragraph: int | None = None


class Section(_Model):
    title: str
    number: str | None = None
    level: int = 1
    start: int  # offset of the heading
    end: int  # offset where the section ends (next heading of same or higher level)
    heading_passage: int | None = None  # index of the heading passage


class Reference(_Model):
    """An entry of a references list."""

    key: str  # "9" for "[9]", or "Smith2020"
    text: str
    start: int
    end: int
    year: int | None = None
    url: str | None = None


DocumentKind = Literal["text", "markdown", "html", "docx", "pdf"]


class Document(_Model):
    path: str
    text: str
    kind: DocumentKind = "text"
    passages: list[Passage] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    date: dt.date | None = None  # document date, for relative expressions
    title: str | None = None
    author: str | None = None
    url: str | None = None
    page_starts: list[tuple[int, str]] = Field(default_factory=list)  # (offset, page label)
    # (text offset, line, column) anchors into the file the user opened, when ``text`` is an
    # extraction of it (HTML: lines of the HTML source; DOCX: "line" is the paragraph number);
    # an offset maps to the last anchor at or before it, column advanced by the distance.
    source_lines: list[tuple[int, int, int]] = Field(default_factory=list)
    content_hash: str = ""


class Suppression(_Model):
    rule: str = Field(description="Rule code, e.g. CC-DATE-001")
    reason: str = Field(min_length=1, description="Why this finding is accepted")


class Claim(_Model):
    """A checkable statement. Only ``id`` and ``text`` are required; the structured fields,
    where given, override what is extracted from the text."""

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    date: str | dt.date | None = Field(
        default=None, description="Date or range, e.g. 1997-11-09..1997-11-11 or 'November 1997'"
    )
    place: str | None = None
    actors: list[str] | None = None
    action: str | None = None
    quantity: str | float | int | None = None
    quote: str | None = None
    source: str | None = Field(default=None, description="Path of the source document this claim cites")
    tags: list[str] = Field(default_factory=list)
    ignore: list[Suppression] = Field(default_factory=list)
    document_date: dt.date | None = Field(default=None, description="Date relative expressions resolve against")


class ClaimFile(_Model):
    claims: list[Claim]
    document_date: dt.date | None = None


# --------------------------------------------------------------------------- the JSON report (contract)


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


Category = Literal[
    "date",
    "number",
    "count",
    "place",
    "actor",
    "quote",
    "anniversary",
    "citation",
    "reference",
    "entity",
    "event",
    "schema",
]
Verdict = Literal["supported", "contradicted", "unverified"]


class Evidence(_Model):
    path: str
    line: int
    end_line: int
    text: str
    score: float
    column: int = 1
    end_column: int = 1
    start: int = 0
    end: int = 0
    page: str | None = None
    section: str | None = None
    match_start: int | None = None  # aligned span inside the passage (absolute offsets)
    match_end: int | None = None


class Finding(_Model):
    id: str
    rule: str  # code, e.g. CC-DATE-001
    name: str = ""  # dotted name, e.g. date.interval_conflict
    category: Category
    severity: Severity
    message: str
    claim: Loc
    evidence: Loc
    claim_value: str
    evidence_value: str
    confidence: float
    claim_id: str = ""
    fingerprint: str = ""
    # a conflict repeated between sentences that say the same things is one finding: how many
    # sentence pairs it stands for, and the ids of the other claims that carry it
    count: int = 1
    occurrences: list[str] = Field(default_factory=list)


class AcceptedBy(_Model):
    """Who accepted a finding and why: a suppression comment in a draft, an ``ignore:`` entry
    of a claim file, or the baseline (SARIF's ``suppressions``: the first two are in source)."""

    kind: Literal["comment", "claim", "baseline"]
    reason: str
    location: Loc | None = None  # where the suppression is written (a comment, a claim entry)


class AcceptedFinding(Finding):
    """A finding someone accepted: not shown as a diagnostic, not counted for the exit code,
    still reported (its claim stays contradicted, marked accepted)."""

    accepted_by: AcceptedBy


class ClaimResult(_Model):
    id: str
    text: str
    location: Loc
    verdict: Verdict
    confidence: float
    evidence: list[Evidence] = Field(default_factory=list)
    findings: list[str] = Field(default_factory=list)
    accepted: list[str] = Field(default_factory=list, description="ids of this claim's accepted findings")


class ToolInfo(_Model):
    name: str = "claimcheck"
    version: str


class Summary(_Model):
    claims: int = 0
    supported: int = 0
    contradicted: int = 0
    unverified: int = 0
    findings: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    accepted: int = Field(default=0, description="accepted findings (suppressed or baselined), not in 'findings'")
    accepted_claims: int = Field(default=0, description="contradicted claims whose every error was accepted")
    files: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    duplicate_sources: dict[str, list[str]] = Field(
        default_factory=dict, description="a source (or document) read once -> its identical copies, left out"
    )


class Report(_Model):
    schema_version: str = SCHEMA_VERSION
    tool: ToolInfo
    summary: Summary
    claims: list[ClaimResult] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    accepted: list[AcceptedFinding] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  # e.g. unused suppressions, skipped inputs

    def finding_by_id(self) -> dict[str, Finding]:
        return {f.id: f for f in self.findings}

    def accepted_by_id(self) -> dict[str, AcceptedFinding]:
        return {f.id: f for f in self.accepted}


def json_schema(name: str) -> dict[str, Any]:
    """The published JSON Schema of the claim file or the report."""
    models: dict[str, type[BaseModel]] = {"claims": ClaimFile, "report": Report}
    return models[name].model_json_schema()


# --------------------------------------------------------------------------- durations and anniversaries


DurationUnit = Literal["minute", "hour", "day", "week", "month", "year", "decade", "century"]


class Duration(_Model):
    """A stated length of time: "two-day state visit" -> 2 day; "several months" -> value None."""

    text: str
    start: int
    end: int
    value: float | None  # None when the count is vague ("several days", "years")
    unit: DurationUnit
    approximate: bool = False  # "about two years", "several days"
    kind: Literal["duration", "age"] = "duration"  # "a 45-year-old" is an age

    def iso(self) -> str:
        """TIMEX3/ISO 8601 value: P2D, P30Y, PT1H, PXM for a vague count, P10Y for a decade."""
        n = "X" if self.value is None else f"{self.value:g}"
        if self.unit in ("minute", "hour"):
            return f"PT{n}{'H' if self.unit == 'hour' else 'M'}"
        if self.unit == "decade":
            return "PXY" if self.value is None else f"P{self.value * 10:g}Y"
        if self.unit == "century":
            return "PXY" if self.value is None else f"P{self.value * 100:g}Y"
        return f"P{n}{self.unit[0].upper()}"


class Anniversary(_Model):
    """A count of years or occurrences tied to an event, checkable against the event's date.

    "the 15th anniversary of the 1996 partnership" -> kind anniversary, ordinal 15, base_year 1996;
    "60 years of diplomatic relations" -> years_of, years 60; "ten years since the treaty" ->
    years_since, years 10; "his fifth visit to the region since 2009" -> ordinal_event, ordinal 5,
    since "2009".
    """

    text: str
    start: int
    end: int
    kind: Literal["anniversary", "years_of", "years_since", "ordinal_event"]
    ordinal: int | None = None
    years: int | None = None
    base_year: int | None = None
    event: str = ""  # the event noun phrase: "partnership", "diplomatic relations", "visit"
    since: str | None = None  # what the count runs from: "2009", "the election"


# --------------------------------------------------------------------------- citations


class Citation(_Model):
    """An in-text citation marker ("[9]", "(Smith, 2020)") for one reference key.

    "[9, 12]" gives two citations, "[9–11]" three; ``start``/``end`` span the number or range
    that names the key (the author-year form spans the whole citation).
    """

    key: str  # "9", or "Smith2020" as in :attr:`Reference.key`
    start: int
    end: int
    passage: int | None = None  # index of the passage that holds the marker
