"""Which findings a project wants to see, and how loud: rule prefixes, path globs, severities.

Shared by the config file, the command line and the Python API, so ``--select CC-DATE``,
``select = ["CC-DATE"]`` and ``check(..., select=["CC-DATE"])`` mean the same rules. Prefixes
work as in ruff: ``CC-DATE`` is every CC-DATE-nnn rule, ``CC-REF-00`` the first nine, ``ALL``
every rule; a prefix that names no rule is an error, not a silent no-op.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fnmatch import fnmatchcase
from pathlib import PurePosixPath

from .models import Report, Severity


class UnknownCodes(ValueError):
    """Rule codes or prefixes that name no rule (``codes`` keeps them, as given)."""

    def __init__(self, codes: list[str]):
        self.codes = codes
        super().__init__(f"unknown rule code(s): {', '.join(codes)} (see 'claimcheck rules')")


def codes_of(prefix: str, known: Iterable[str]) -> set[str]:
    """The known codes ``prefix`` names (empty when it names none)."""
    p = prefix.strip().upper()
    if p == "ALL":
        return set(known)
    return {c for c in known if c.startswith(p)} if p else set()


def expand_codes(values: Iterable[str], known: Iterable[str]) -> set[str]:
    """Every known code named by ``values`` (codes or prefixes); raises :class:`UnknownCodes`."""
    known = set(known)
    out: set[str] = set()
    unknown: list[str] = []
    for v in values:
        found = codes_of(v, known)
        if not found:
            unknown.append(v.strip())
        out |= found
    if unknown:
        raise UnknownCodes(unknown)
    return out


def path_matches(path: str, pattern: str) -> bool:
    """True when a project-relative ``path`` matches a glob: the whole path, its file name, or
    one of its folders (``drafts`` and ``drafts/`` exclude everything under drafts/)."""
    parts = PurePosixPath(path.replace("\\", "/")).parts
    pattern = pattern.replace("\\", "/").rstrip("/")
    if pattern.startswith("./"):
        pattern = pattern[2:]
    if "/" not in pattern and any(fnmatchcase(part, pattern) for part in parts):
        return True
    return any(fnmatchcase("/".join(parts[:i]), pattern) for i in range(1, len(parts) + 1))


def excluded(path: str, patterns: Iterable[str]) -> bool:
    return any(path_matches(path, p) for p in patterns)


def ignored_here(path: str, code: str, per_file: Mapping[str, set[str]]) -> bool:
    """True when a per-file-ignores glob that matches ``path`` names ``code``."""
    return any(code in codes and path_matches(path, pattern) for pattern, codes in per_file.items())


def severity_for(code: str, overrides: Mapping[str, Severity]) -> Severity | None:
    """The override for ``code``: the longest matching prefix wins (``CC-REF-002`` over ``CC-REF``)."""
    best = None
    for prefix, sev in overrides.items():
        p = prefix.upper()
        if (p == "ALL" or code.startswith(p)) and (best is None or len(p) > len(best[0])):
            best = (p if p != "ALL" else "", sev)
    return best[1] if best else None


def override_severities(report: Report, overrides: Mapping[str, Severity]) -> Report:
    """The report with each finding's severity overridden as configured, and the summary recounted.

    Verdicts are left as the checker decided them: a severity says how loud a finding is and
    whether it fails the build, not whether the claim holds.
    """
    if not overrides:
        return report
    for f in report.findings:
        sev = severity_for(f.rule, overrides)
        if sev is not None:
            f.severity = sev
    severities = [f.severity for f in report.findings]
    report.summary.errors = severities.count(Severity.error)
    report.summary.warnings = severities.count(Severity.warning)
    report.summary.infos = severities.count(Severity.info)
    return report
