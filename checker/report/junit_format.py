"""JUnit XML for CI test dashboards, written with the stdlib ElementTree.

Mapping (one ``<testsuite>`` per claim file or draft, one ``<testcase>`` per claim):

- contradicted -> one ``<failure message=… type=RULE>`` per finding (a contradicted claim
  without findings gets one failure of type ``contradicted``);
- contradicted (accepted: its every error suppressed or baselined) -> ``<skipped
  message="contradicted (accepted): …">`` with who accepted it and why; not a failure;
- unverified -> ``<skipped message=…>``: nothing in the sources addressed the claim, which is
  not a pass and not a failure, and dashboards show skips separately;
- supported -> a passing case; any informational findings go to ``<system-out>``;
- findings tied to no claim -> a case of their own, failing unless they are info.

A run with no claims and no findings gets one passing "no findings" case, as ruff does,
because some CI tools treat an empty report as an error.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..models import ClaimResult, Finding, Report, Severity
from . import RenderOptions
from ._common import acceptance_text, claim_accepted, group_by_file, is_accepted, loc_str, loc_where, verdict_label


def _details(f: Finding) -> str:
    where = loc_where(f.evidence)
    lines = [
        f"{f.rule} {f.name} ({f.severity.value}, confidence {f.confidence:.2f})".replace("  ", " "),
        f.message,
        "",
        f"claim   {loc_str(f.claim)}: {f.claim_value}",
        f"        {f.claim.text}",
        f"source  {loc_str(f.evidence)}{' (' + where + ')' if where else ''}: {f.evidence_value}",
        f"        {f.evidence.text}",
    ]
    return "\n".join(lines)


def _one_line(s: str) -> str:
    return " ".join(s.split())


# XML 1.0 forbids most control characters even as references; ElementTree writes them anyway.
_XML_ILLEGAL = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF], "\ufffd")


def _xml_safe(root: ET.Element) -> None:
    for el in root.iter():
        if el.text:
            el.text = el.text.translate(_XML_ILLEGAL)
        for k, v in el.attrib.items():
            el.attrib[k] = v.translate(_XML_ILLEGAL)


def _case(parent: ET.Element, name: str, classname: str, path: str, line: int) -> ET.Element:
    return ET.SubElement(
        parent,
        "testcase",
        {
            "name": name,
            "classname": classname,
            "file": path,
            "line": str(line),
            "time": "0",
        },
    )


def _failure(case: ET.Element, f: Finding) -> None:
    el = ET.SubElement(case, "failure", {"message": _one_line(f.message), "type": f.rule})
    el.text = _details(f)


def _claim_case(suite: ET.Element, path: str, report: Report, claim: ClaimResult, findings: list[Finding]) -> dict:
    case = _case(suite, claim.id, path, path, claim.location.line)
    counts = {"failures": 0, "skipped": 0}
    accepted = claim_accepted(report, claim)
    if is_accepted(report, claim):
        why = "; ".join(f"{f.rule} {acceptance_text(f)}" for f in accepted)
        ET.SubElement(case, "skipped", {"message": _one_line(f"contradicted (accepted): {why}")})
        counts["skipped"] = 1
    elif claim.verdict == "contradicted":
        for f in findings:
            _failure(case, f)
        if not findings:
            ET.SubElement(case, "failure", {"message": "claim contradicted by a source", "type": "contradicted"})
        counts["failures"] = 1
    elif claim.verdict == "unverified":
        ET.SubElement(case, "skipped", {"message": f"unverified: no source passage addresses claim {claim.id}"})
        counts["skipped"] = 1
    out = [f"{verdict_label(report, claim).lower()}: {loc_str(claim.location)}: {_one_line(claim.text)}"]
    if claim.verdict != "contradicted" or is_accepted(report, claim):
        out += [_details(f) for f in findings]
    out += [f"accepted, {acceptance_text(f)}\n{_details(f)}" for f in accepted]
    if claim.evidence:
        best = max(claim.evidence, key=lambda e: e.score)
        out.append(f"best evidence {loc_str(best)} (score {best.score:.1f}): {_one_line(best.text)}")
    ET.SubElement(case, "system-out").text = "\n\n".join(out)
    return counts


def build(report: Report) -> ET.Element:
    root = ET.Element("testsuites", {"name": report.tool.name})
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    groups = group_by_file(report)
    if not groups:
        suite = ET.SubElement(root, "testsuite", {"name": report.tool.name})
        _case(suite, "no findings", report.tool.name, "", 0)
        suite.attrib.update(tests="1", failures="0", errors="0", skipped="0", time="0")
        totals["tests"] = 1
    for group in groups:
        suite = ET.SubElement(root, "testsuite", {"name": group.path})
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        for claim, findings in group.claims:
            c = _claim_case(suite, group.path, report, claim, findings)
            counts["tests"] += 1
            counts["failures"] += c["failures"]
            counts["skipped"] += c["skipped"]
        for f in group.loose:
            case = _case(suite, f.claim_id or f.id, group.path, group.path, f.claim.line)
            counts["tests"] += 1
            if f.severity == Severity.info:
                ET.SubElement(case, "system-out").text = _details(f)
            else:
                _failure(case, f)
                counts["failures"] += 1
        suite.attrib.update(
            tests=str(counts["tests"]),
            failures=str(counts["failures"]),
            errors="0",
            skipped=str(counts["skipped"]),
            time="0",
        )
        for k in totals:
            totals[k] += counts[k]
    root.attrib.update(
        tests=str(totals["tests"]),
        failures=str(totals["failures"]),
        errors="0",
        skipped=str(totals["skipped"]),
        time="0",
    )
    return root


def render(report: Report, options: RenderOptions | None = None) -> str:
    root = build(report)
    _xml_safe(root)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
