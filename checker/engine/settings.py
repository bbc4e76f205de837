"""What a check run is told: the settings the CLI, the API and config files fill in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..match.statements import DEFAULT_OPTIONS as ALIGN_DEFAULTS
from ..match.statements import AlignOptions

#: progress(stage, done, total): a stage's name and how far it is (total 0: no count known)
Progress = Callable[[str, int, int], None]


@dataclass
class CheckConfig:
    sources: list[Path] = field(default_factory=list)
    cache_dir: Path | None = Path(".claimcheck_cache")
    cache_required: bool = False  # the user named cache_dir: unusable is an error, not a fallback
    select: set[str] | None = None  # rule codes to run (None: all)
    ignore: set[str] = field(default_factory=set)
    weekday_policy: str = "auto"  # by tense: past looks back, future and expectation forward
    aliases: dict[str, str] = field(default_factory=dict)
    candidates: int = 20  # passages fetched from the index per claim
    evidence_per_claim: int = 3
    root: Path = Path(".")
    baseline: frozenset[str] | None = None  # fingerprints of accepted findings (checker.baseline)
    align: AlignOptions = ALIGN_DEFAULTS  # thresholds of statement alignment
    per_file_ignores: dict[str, set[str]] = field(default_factory=dict)  # path glob -> rule codes hidden there
    display_names: dict[Path, str] = field(default_factory=dict)  # input file -> name shown (stdin's --stdin-filename)
    jobs: int = 1  # processes the inputs are checked in (0: one per core); the report is the same for any
    scheduler: str | None = None  # a Dask scheduler address, or "local" (a LocalCluster of `jobs` workers)
