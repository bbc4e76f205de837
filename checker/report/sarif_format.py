"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Our own small pydantic models rather than sarif-om: that package is attrs classes with
snake_case fields and needs two more dependencies to serialise. What code scanning relies on is
kept stable here: ``ruleId`` is the rule code, paths are relative to ``%SRCROOT%`` (the
repository root, left without a machine path for the consumer to resolve), rules carry their
``claimcheck explain`` text, ``partialFingerprints`` do not depend on line numbers, and accepted
findings are results with ``suppressions``. Columns are Python string offsets, i.e. Unicode
code points, and ``columnKind`` says so.
"""

from __future__ import annotations

import json
import os
from importlib import metadata
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

from .. import DISTRIBUTION
from ..models import AcceptedFinding, Evidence, Finding, Loc, Report, Severity
from ..rules import description, explain, rule_by_code
from . import RenderOptions
from ._common import ordered_accepted, ordered_findings, stable_fingerprint

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "claimcheck/v1"
LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


class _Sarif(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


class Message(_Sarif):
    text: str


class ArtifactContent(_Sarif):
    text: str


class Region(_Sarif):
    start_line: int
    start_column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    char_offset: int | None = None
    char_length: int | None = None
    snippet: ArtifactContent | None = None


class ArtifactLocation(_Sarif):
    uri: str
    uri_base_id: str | None = None


class PhysicalLocation(_Sarif):
    artifact_location: ArtifactLocation
    region: Region | None = None


class Location(_Sarif):
    id: int | None = None
    physical_location: PhysicalLocation
    message: Message | None = None


class MultiformatMessage(_Sarif):
    text: str
    markdown: str | None = None


class ReportingDescriptor(_Sarif):
    id: str
    name: str | None = None
    short_description: Message | None = None
    full_description: Message | None = None
    help: MultiformatMessage | None = None
    help_uri: str | None = None
    properties: dict | None = None


class ArtifactLocationBase(_Sarif):
    """An entry of ``originalUriBaseIds``: no ``uri`` (it would be a path of the machine that
    ran the check), only what the base is; consumers resolve it to their checkout."""

    description: Message


class ToolComponent(_Sarif):
    name: str
    version: str | None = None
    semantic_version: str | None = None
    information_uri: str | None = None
    rules: list[ReportingDescriptor] = Field(default_factory=list)


class Tool(_Sarif):
    driver: ToolComponent


class Suppression(_Sarif):
    kind: str  # inSource (a comment, a claim file's ignore:) or external (the baseline)
    status: str = "accepted"
    justification: str | None = None
    location: Location | None = None


class Result(_Sarif):
    rule_id: str
    rule_index: int
    level: str
    message: Message
    locations: list[Location]
    related_locations: list[Location] | None = None
    partial_fingerprints: dict[str, str]
    suppressions: list[Suppression] | None = None
    properties: dict | None = None


class Run(_Sarif):
    tool: Tool
    original_uri_base_ids: dict[str, ArtifactLocationBase] | None = None
    column_kind: str = "unicodeCodePoints"
    results: list[Result]


class SarifLog(_Sarif):
    schema_: str = Field(default=SCHEMA_URI, alias="$schema")
    version: str = "2.1.0"
    runs: list[Run]


def repository_root(start: Path) -> Path:
    """``%SRCROOT%``: the git work tree holding ``start`` (a folder with ``.git``), else ``start``."""
    here = Path(os.path.abspath(start))
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def _uri(path: str, root: str, srcroot: Path) -> str:
    """A report path (relative to ``root``) as a URI reference relative to ``%SRCROOT%``, with
    forward slashes; a file outside it keeps a relative ``../`` reference, never a machine path."""
    p = Path(path) if Path(path).is_absolute() else Path(root) / path
    try:
        rel = Path(os.path.relpath(os.path.abspath(p), srcroot))
    except ValueError:  # another drive on Windows: no relative form exists
        return Path(os.path.abspath(p)).as_uri()
    return quote(PurePosixPath(*rel.parts).as_posix()) if rel.parts else "."


def _region(loc: Loc | Evidence, snippet: str) -> Region:
    return Region(
        start_line=loc.line,
        start_column=loc.column,
        end_line=loc.end_line,
        end_column=loc.end_column,
        char_offset=loc.start,
        char_length=max(loc.end - loc.start, 0),
        snippet=ArtifactContent(text=snippet),
    )


def _location(loc: Loc, base: tuple[str, Path], *, id: int | None = None, message: str | None = None) -> Location:
    return Location(
        id=id,
        physical_location=PhysicalLocation(
            artifact_location=ArtifactLocation(uri=_uri(loc.path, *base), uri_base_id=SRCROOT),
            region=_region(loc, loc.text),
        ),
        message=Message(text=message) if message else None,
    )


def _short_description(f: Finding) -> str:
    """No rule catalogue travels with the report, so the dotted name is spelled out."""
    if f.name:
        words = f.name.replace(".", " ").replace("_", " ").strip()
        return words[:1].upper() + words[1:]
    return f"{f.category.capitalize()} check {f.rule}"


def _information_uri(options: RenderOptions) -> str | None:
    """The project's home page from the installed package's metadata, unless given
    (``extra["information_uri"]``; ``None`` there leaves it out, e.g. for golden files)."""
    if "information_uri" in options.extra:
        value = options.extra["information_uri"]
        return str(value) if value else None
    try:
        meta = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"homepage", "home", "documentation", "repository", "source"}:
            return url.strip()
    home_pages = meta.get_all("Home-page") or []
    return (home_pages[0] or None) if home_pages else None


def _suppressions(f: Finding, base: tuple[str, Path]) -> list[Suppression] | None:
    """SARIF ``suppressions`` of an accepted finding: code scanning shows it as dismissed."""
    if not isinstance(f, AcceptedFinding):
        return None
    by = f.accepted_by
    return [
        Suppression(
            kind="external" if by.kind == "baseline" else "inSource",
            justification=by.reason,
            location=_location(by.location, base) if by.location is not None else None,
        )
    ]


def _rule_help(code: str, first: Finding, home: str | None) -> dict:
    """``fullDescription``, ``help`` (the ``claimcheck explain`` text) and ``helpUri`` (the
    rule's section of docs/rules.md in the project's repository, when its URL is known)."""
    rule = rule_by_code(code)
    if rule is None:  # a report from another version, with a rule this one does not have
        return {}
    text = explain(rule)
    out: dict[str, Message | MultiformatMessage | str] = {
        "full_description": Message(text=description(rule) or _short_description(first)),
        "help": MultiformatMessage(text=text, markdown=f"```text\n{text}\n```"),
    }
    if home:
        out["help_uri"] = f"{home.rstrip('/')}/blob/main/docs/rules.md#{code.lower()}"
    return out


def build(report: Report, options: RenderOptions) -> SarifLog:
    findings = ordered_findings(report) + ordered_accepted(report)
    rule_ids = sorted({f.rule for f in findings})
    index = {r: i for i, r in enumerate(rule_ids)}
    first: dict[str, Finding] = {}
    for f in findings:
        first.setdefault(f.rule, f)
    home = _information_uri(options)
    rules = [
        ReportingDescriptor(
            id=r,
            name=first[r].name or None,
            short_description=Message(text=_short_description(first[r])),
            **_rule_help(r, first[r], home),
            properties={"tags": [first[r].category]},
        )
        for r in rule_ids
    ]
    base = (
        options.root,
        Path(options.extra["srcroot"]) if options.extra.get("srcroot") else repository_root(Path(options.root)),
    )
    results = []
    for f in findings:
        ev = f.evidence
        where = ", ".join(x for x in (f"page {ev.page}" if ev.page else "", ev.section or "") if x)
        related = f"Source passage{' (' + where + ')' if where else ''}: says {f.evidence_value!s}"
        results.append(
            Result(
                rule_id=f.rule,
                rule_index=index[f.rule],
                level=LEVEL[f.severity],
                message=Message(text=f.message),
                locations=[_location(f.claim, base)],
                related_locations=[_location(ev, base, id=1, message=related)],
                partial_fingerprints={FINGERPRINT_KEY: stable_fingerprint(f)},
                suppressions=_suppressions(f, base),
                properties={
                    "category": f.category,
                    "claimId": f.claim_id,
                    "claimValue": f.claim_value,
                    "evidenceValue": f.evidence_value,
                    "confidence": f.confidence,
                },
            )
        )
    run = Run(
        tool=Tool(
            driver=ToolComponent(
                name=report.tool.name,
                version=report.tool.version,
                semantic_version=report.tool.version,
                information_uri=home,
                rules=rules,
            )
        ),
        original_uri_base_ids={
            SRCROOT: ArtifactLocationBase(
                description=Message(
                    text="The root of the repository checked (its git work tree, else the folder claimcheck ran in)"
                )
            )
        },
        results=results,
    )
    return SarifLog(runs=[run])


def render(report: Report, options: RenderOptions) -> str:
    log = build(report, options)
    data = log.model_dump(by_alias=True, exclude_none=True)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
