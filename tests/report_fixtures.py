"""A realistic sample :class:`Report` for the renderer tests, built from the models.

Locations are computed from small in-memory documents (offsets first, then line/column via
``checker.locate``), so every Loc is consistent with its text. The report has a supported
claim, a contradicted claim with two findings, an unverified claim, a contradicted claim in a
draft whose evidence passage carries script payloads, unicode, and messages with colons,
commas and newlines.
"""

from __future__ import annotations

from checker.locate import LineIndex
from checker.models import (
    ClaimResult,
    Evidence,
    Finding,
    Loc,
    Report,
    Severity,
    Summary,
    ToolInfo,
)

CLAIMS_PATH = "claims/summit.yaml"
CLAIMS_TEXT = """claims:
  - id: summit-date
    text: The two presidents met in Moskva on April 23, 1997.
  - id: troops-withdrawn
    text: "Over 45,000 troops withdrew by May 2019: the ministry said so, citing three reports."
  - id: quote-unverified
    text: The minister said “we will not retreat, not one step”.
"""

DRAFT_PATH = "drafts/rally.md"
DRAFT_TEXT = """# Rally in Zürich

The rally on 12 March filled the main square in Genève, organisers said.
"""

NOTES_PATH = "sources/visit-notes.md"
NOTES_TEXT = """# 2.7. April 23, 1997: A Visit to Moscow

The two presidents met in Moscow on April 23, 1997, and signed a joint declaration.
"""

BRIEF_PATH = "sources/ministry-brief.pdf"
BRIEF_TEXT = """3. Withdrawal
By June 2019, about 40,500 troops had withdrawn: the ministry's own figure, cited in three reports.
"""

RALLY_PATH = "sources/rally-notes.txt"
RALLY_TEXT = """Field notes <script>alert(1)</script><script>document.title='XSS-RAN'</script> say the crowd filled the main square in Zürich on 12 March.
"""

SCRIPT_PAYLOAD = "<script>alert(1)</script>"


def loc(path: str, text: str, needle: str, *, page: str | None = None, section: str | None = None) -> Loc:
    """The Loc of the first occurrence of ``needle`` in ``text`` (a document of ``path``)."""
    start = text.index(needle)
    end = start + len(needle)
    index = LineIndex(text)
    line, column = index.line_col(start)
    end_line, end_column = index.line_col(end)
    return Loc(
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        start=start,
        end=end,
        text=needle,
        page=page,
        section=section,
    )


def evidence(src: Loc, match: str, score: float) -> Evidence:
    """Evidence for the passage ``src`` with ``match`` as the aligned span (absolute offsets)."""
    m = src.start + src.text.index(match)
    return Evidence(
        path=src.path,
        line=src.line,
        end_line=src.end_line,
        text=src.text,
        score=score,
        column=src.column,
        end_column=src.end_column,
        start=src.start,
        end=src.end,
        page=src.page,
        section=src.section,
        match_start=m,
        match_end=m + len(match),
    )


def sample_report() -> Report:
    summit = loc(CLAIMS_PATH, CLAIMS_TEXT, "The two presidents met in Moskva on April 23, 1997.")
    troops = loc(
        CLAIMS_PATH, CLAIMS_TEXT, "Over 45,000 troops withdrew by May 2019: the ministry said so, citing three reports."
    )
    quote = loc(CLAIMS_PATH, CLAIMS_TEXT, "The minister said “we will not retreat, not one step”.")
    rally = loc(DRAFT_PATH, DRAFT_TEXT, "The rally on 12 March filled the main square in Genève, organisers said.")

    notes = loc(
        NOTES_PATH,
        NOTES_TEXT,
        "The two presidents met in Moscow on April 23, 1997, and signed a joint declaration.",
        section="2.7. April 23, 1997: A Visit to Moscow",
    )
    brief = loc(
        BRIEF_PATH,
        BRIEF_TEXT,
        "By June 2019, about 40,500 troops had withdrawn: the ministry's own figure, cited in three reports.",
        page="12",
        section="3. Withdrawal",
    )
    field_notes = loc(RALLY_PATH, RALLY_TEXT, RALLY_TEXT.strip())

    findings = [
        Finding(
            id="F1",
            rule="CC-ENT-003",
            name="entity.alias",
            category="entity",
            severity=Severity.info,
            message="“Moskva” is another name for “Moscow”; the source uses the latter.",
            claim=summit,
            evidence=notes,
            claim_value="Moskva",
            evidence_value="Moscow",
            confidence=0.9,
            claim_id="summit-date",
        ),
        Finding(
            id="F2",
            rule="CC-NUM-001",
            name="number.mismatch",
            category="number",
            severity=Severity.error,
            message="Troop count differs: the claim says over 45,000, the source says about 40,500,\na gap of 10%.",
            claim=troops,
            evidence=brief,
            claim_value="45,000",
            evidence_value="40,500",
            confidence=0.92,
            claim_id="troops-withdrawn",
        ),
        Finding(
            id="F3",
            rule="CC-DATE-001",
            name="date.interval_conflict",
            category="date",
            severity=Severity.error,
            message="Date conflict: May 2019 (2019-05-01..2019-05-31) does not overlap June 2019.",
            claim=troops,
            evidence=brief,
            claim_value="May 2019",
            evidence_value="June 2019",
            confidence=0.88,
            claim_id="troops-withdrawn",
        ),
        Finding(
            id="F4",
            rule="CC-PLACE-001",
            name="place.mismatch",
            category="place",
            severity=Severity.warning,
            message="Place differs: the draft says Genève, the field notes say Zürich | check the city.",
            claim=rally,
            evidence=field_notes,
            claim_value="Genève",
            evidence_value="Zürich",
            confidence=0.75,
            claim_id="rally-place",
            fingerprint="rally-place-geneve-zurich",
        ),
    ]
    claims = [
        ClaimResult(
            id="summit-date",
            text=summit.text,
            location=summit,
            verdict="supported",
            confidence=0.9,
            evidence=[evidence(notes, "met in Moscow on April 23, 1997", 91.5)],
            findings=["F1"],
        ),
        ClaimResult(
            id="troops-withdrawn",
            text=troops.text,
            location=troops,
            verdict="contradicted",
            confidence=0.9,
            evidence=[evidence(brief, "By June 2019, about 40,500 troops had withdrawn", 78.0)],
            findings=["F2", "F3"],
        ),
        ClaimResult(
            id="quote-unverified",
            text=quote.text,
            location=quote,
            verdict="unverified",
            confidence=0.5,
            evidence=[],
            findings=[],
        ),
        ClaimResult(
            id="rally-place",
            text=rally.text,
            location=rally,
            verdict="contradicted",
            confidence=0.75,
            evidence=[evidence(field_notes, "filled the main square in Zürich on 12 March", 70.25)],
            findings=["F4"],
        ),
    ]
    return Report(
        tool=ToolInfo(name="claimcheck", version="0.1.0"),
        summary=summarise(
            claims, findings, files=[CLAIMS_PATH, DRAFT_PATH], sources=[BRIEF_PATH, RALLY_PATH, NOTES_PATH]
        ),
        claims=claims,
        findings=findings,
        notes=["Unused suppression: CC-DATE-002 on claim summit-date (reason: the source rounds dates)."],
    )


def summarise(claims, findings, files=(), sources=()) -> Summary:
    verdicts = [c.verdict for c in claims]
    sev = [f.severity for f in findings]
    return Summary(
        claims=len(claims),
        supported=verdicts.count("supported"),
        contradicted=verdicts.count("contradicted"),
        unverified=verdicts.count("unverified"),
        findings=len(findings),
        errors=sev.count(Severity.error),
        warnings=sev.count(Severity.warning),
        infos=sev.count(Severity.info),
        files=list(files),
        sources=list(sources),
    )


def empty_report() -> Report:
    return Report(tool=ToolInfo(version="0.1.0"), summary=Summary())


def many_findings_report(n_errors: int, n_warnings: int, n_infos: int = 0) -> Report:
    """A report with many findings on one claim file, for annotation caps."""
    text = "".join(f"Claim number {i} says 2019: a, b\n" for i in range(n_errors + n_warnings + n_infos))
    findings, claims = [], []
    sevs = [Severity.error] * n_errors + [Severity.warning] * n_warnings + [Severity.info] * n_infos
    for i, sev in enumerate(sevs):
        c = loc("claims/many.yaml", text, f"Claim number {i} says 2019: a, b")
        e = loc("sources/s.txt", "In 2018 it happened.", "In 2018 it happened.")
        fid = f"M{i}"
        findings.append(
            Finding(
                id=fid,
                rule="CC-DATE-001",
                name="date.interval_conflict",
                category="date",
                severity=sev,
                message=f"Year differs: 2019 vs 2018 (claim {i})",
                claim=c,
                evidence=e,
                claim_value="2019",
                evidence_value="2018",
                confidence=0.9,
                claim_id=f"c{i}",
            )
        )
        claims.append(
            ClaimResult(id=f"c{i}", text=c.text, location=c, verdict="contradicted", confidence=0.9, findings=[fid])
        )
    return Report(tool=ToolInfo(version="0.1.0"), summary=summarise(claims, findings), claims=claims, findings=findings)
