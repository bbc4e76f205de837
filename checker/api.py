"""The Python API: ``from checker import check``.

The command line without the command line: paths as ``str`` or ``Path`` (one or many), the
same rule prefixes, and the same :class:`~checker.models.Report` the JSON output serialises.
No config file is read: a script says what it wants and gets the same answer wherever it
runs (``claimcheck.toml`` is the command line's).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from .models import Report, Severity

PathLike = str | os.PathLike


def _paths(value: PathLike | Iterable[PathLike] | None) -> list[Path]:
    if value is None:
        return []
    if isinstance(value, (str, os.PathLike)):
        return [Path(value)]
    return [Path(v) for v in value]


def without_excluded(paths: Iterable[Path], patterns: Iterable[str], root: Path) -> list[Path]:
    """``paths`` with each folder replaced by the files in it that no ``exclude`` glob matches
    (globs are relative to ``root``, the config's folder); a file given by name is kept."""
    from .engine import discover, display_name
    from .ingest import DOCUMENT_SUFFIXES
    from .ingest.claims_file import CLAIM_FILE_SUFFIXES
    from .selection import excluded

    patterns = list(patterns)
    out: list[Path] = []
    for path in paths:
        if patterns and path.is_dir():
            out += [
                f
                for f in discover([path], CLAIM_FILE_SUFFIXES + DOCUMENT_SUFFIXES)
                if not excluded(display_name(f, root), patterns)
            ]
        else:
            out.append(path)
    return out


def check(
    paths: PathLike | Iterable[PathLike],
    sources: PathLike | Iterable[PathLike] | None = None,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    exclude: Iterable[str] | None = None,
    per_file_ignores: Mapping[str, Iterable[str]] | None = None,
    severity: Mapping[str, str] | None = None,
    aliases: Mapping[str, str] | None = None,
    weekday_policy: str = "auto",
    cache_dir: PathLike | None = None,
    root: PathLike = ".",
    progress: Callable[[str, int, int], None] | None = None,
    jobs: int = 1,
) -> Report:
    """Check claim files and documents (each a ``str`` or ``Path``) against ``sources``.

    ``select``/``ignore`` take rule codes or prefixes (``"CC-DATE"``); a hidden finding leaves
    its claim unverified, never supported. ``exclude`` globs drop files found in folders;
    ``per_file_ignores`` maps a path glob to codes hidden there; ``severity`` maps a code or
    prefix to ``"error"``, ``"warning"`` or ``"info"``. Paths in the report, and the globs, are
    relative to ``root``. ``cache_dir=None`` keeps the passage index in memory. ``jobs``: processes
    the claims are checked in (0: one per core); the report is the same for any number.

    Bad input raises :class:`checker.errors.InputError` or ``InputErrors`` (``render()`` gives
    ``path:line:col: message``); an unknown rule code or severity raises ``ValueError``.
    """
    from .engine import CheckConfig
    from .engine import check as run
    from .rules import all_rules
    from .selection import expand_codes, override_severities

    known = {r.code for r in all_rules()}
    overrides = {code: Severity(level) for code, level in (severity or {}).items()}
    expand_codes(overrides, known)  # an unknown code fails before the run, not after it
    root = Path(root)
    inputs, sources = _paths(paths), _paths(sources)
    if exclude:
        inputs, sources = without_excluded(inputs, exclude, root), without_excluded(sources, exclude, root)
    config = CheckConfig(
        sources=sources,
        cache_dir=Path(cache_dir) if cache_dir is not None else None,
        select=expand_codes(select, known) if select is not None else None,
        ignore=expand_codes(ignore, known),
        per_file_ignores={pattern: expand_codes(codes, known) for pattern, codes in (per_file_ignores or {}).items()},
        weekday_policy=weekday_policy,
        aliases=dict(aliases or {}),
        root=root,
        jobs=jobs,
    )
    return override_severities(run(inputs, config, progress), overrides)
