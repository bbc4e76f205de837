"""Project settings from ``claimcheck.toml`` or ``[tool.claimcheck]`` in ``pyproject.toml``.

Found in the current directory or the nearest parent that has one (a ``pyproject.toml``
without a ``[tool.claimcheck]`` table does not count, as with ruff); in one folder
``claimcheck.toml`` wins. Paths in the file are relative to the file's folder, so the same
config works from any subdirectory. Command-line options override the file.

Unknown keys and unknown rule codes are errors (exit 2) naming the file, the line and the key:
a misspelt ``ignore`` that silently did nothing would be worse than no config at all.
Validation is a pydantic model with ``extra="forbid"``; rule codes are checked here because
they depend on the rule registry, not on the schema.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import InputError, InputErrors
from .report import Format
from .selection import codes_of

CONFIG_NAMES = ("claimcheck.toml", "pyproject.toml")
FORMATS = tuple(f.value for f in Format)


class ClaimReviewSettings(BaseModel):
    """``[claimreview]``: who publishes the schema.org ClaimReview output, where and when."""

    model_config = ConfigDict(extra="forbid")

    author: str | None = Field(default=None, min_length=1, description="The person who reviewed the claims")
    publisher: str | None = Field(default=None, min_length=1, description="The organisation that publishes the reviews")
    publisher_url: str | None = Field(default=None, alias="publisher-url", pattern=r"^https?://\S+$")
    url: str | None = Field(
        default=None, pattern=r"^https?://\S+$", description="The page the reviews are published on"
    )
    date: dt.date | None = Field(default=None, description="datePublished (default: the day of the run)")


class Settings(BaseModel):
    """The keys a config file may set (hyphenated in the file, like the CLI options)."""

    model_config = ConfigDict(extra="forbid")  # by alias only: "fail_on" is an unknown key

    paths: list[str] | None = Field(default=None, description="Default inputs of 'claimcheck check'")
    sources: list[str] | None = None
    format: str | None = None
    fail_on: Literal["error", "warning", "never"] | None = Field(default=None, alias="fail-on")
    select: list[str] | None = None
    ignore: list[str] | None = None
    cache_dir: str | None = Field(default=None, alias="cache-dir")
    weekday_policy: Literal["auto", "past", "future", "nearest"] | None = Field(default=None, alias="weekday-policy")
    aliases: dict[str, str] | None = Field(default=None, description="alias -> canonical person name")
    output: str | None = None
    baseline: str | None = Field(default=None, description="Baseline file of accepted findings")
    name_similarity: float | None = Field(
        default=None,
        alias="name-similarity",
        ge=50,
        le=100,
        description="rapidfuzz ratio at which two names are one (statement alignment)",
    )
    occurrence_days: int | None = Field(
        default=None,
        alias="occurrence-days",
        ge=0,
        le=366,
        description="something done often: dates further apart are two occurrences",
    )
    context_chars: int | None = Field(
        default=None,
        alias="context-chars",
        ge=0,
        le=1000,
        description="a misstated value's context: its clause up to this far after it",
    )
    substitution_words: int | None = Field(
        default=None,
        alias="substitution-words",
        ge=0,
        le=50,
        description="a misstated value's clause may swap a qualifier of this many words (another measure, not a slip)",
    )
    misquote_minor_words: int | None = Field(
        default=None,
        alias="misquote-minor-words",
        ge=0,
        le=50,
        description="a quotation changed in at most this many words, touching no negation or figure, is a warning",
    )
    place_distance_km: float | None = Field(
        default=None,
        alias="place-distance-km",
        ge=0,
        le=20000,
        description="two towns of one country further apart than this are two places for what happens once",
    )
    group_limit: int | None = Field(
        default=None,
        alias="group-limit",
        ge=1,
        le=1000,
        description="distinct accounts of one event compared with a sentence (repeats count once)",
    )
    exclude: list[str] | None = Field(default=None, description="Globs of files not to check when walking folders")
    jobs: int | None = Field(
        default=None, ge=0, description="processes the claims are checked in (0: one per core; the report is the same)"
    )
    scheduler: str | None = Field(
        default=None,
        pattern=r"^(local|[a-z]+://\S+)$",
        description="Dask scheduler the claims are checked on: an address (tcp://host:8786) or 'local'",
    )
    per_file_ignores: dict[str, list[str]] | None = Field(
        default=None, alias="per-file-ignores", description="path glob -> rule codes or prefixes hidden in those files"
    )
    severity: dict[str, Literal["error", "warning", "info"]] | None = Field(
        default=None, description="rule code or prefix -> severity it is reported at"
    )
    claimreview: ClaimReviewSettings | None = Field(
        default=None, description="ClaimReview author, publisher, URL, date"
    )


_TABLES: dict[str, type[BaseModel]] = {"claimreview": ClaimReviewSettings}


@dataclass
class LoadedConfig:
    path: Path | None  # None: no config file found
    settings: Settings

    @property
    def folder(self) -> Path:
        return self.path.parent if self.path else Path(".")

    def resolve(self, value: str) -> Path:
        """A path from the file, relative to the file's folder, shown relative to the cwd if it can be."""
        p = Path(value)
        if not p.is_absolute():
            p = self.folder / p
        try:
            return p.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return p


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``claimcheck.toml``, or ``pyproject.toml`` with ``[tool.claimcheck]``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "claimcheck.toml"
        if own.is_file():
            return own
        py = folder / "pyproject.toml"
        if py.is_file() and _has_tool_table(py):
            return py
    return None


def _has_tool_table(path: Path) -> bool:
    """Whether ``path`` configures us; one we cannot read might, so that is an error (exit 2),
    not a config silently skipped (``--isolated`` or ``--config`` get past it)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(
            str(path),
            f"cannot read it to look for [tool.claimcheck]: {exc.strerror or exc} (use --config FILE or --isolated)",
        ) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        # a broken pyproject.toml that mentions us is our business; otherwise it is not
        return b"[tool.claimcheck" in raw
    return isinstance(data.get("tool"), dict) and "claimcheck" in data["tool"]


def load_config(path: Path | None = None, *, known_codes: set[str] | None = None, search: bool = True) -> LoadedConfig:
    """Read and validate a config file (``path``, else the nearest one when ``search``)."""
    if path is None:
        path = find_config() if search else None
        if path is None:
            return LoadedConfig(None, Settings())
    shown = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(shown, f"cannot read config file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(shown, "config file is not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise InputError(shown, f"invalid TOML: {msg}", *(map(int, m.groups()) if m else ())) from None
    is_pyproject = Path(path).name == "pyproject.toml"
    if is_pyproject:
        tool = data.get("tool", {})
        table = tool.get("claimcheck") if isinstance(tool, dict) else None
        if table is None:
            raise InputError(shown, "no [tool.claimcheck] table")
        if not isinstance(table, dict):
            raise InputError(
                shown,
                "'tool.claimcheck' should be a table ([tool.claimcheck])",
                *_at(_key_line(text, "claimcheck", "") or _key_line(text, "tool", "")),
            )
        prefix = "tool.claimcheck."
    else:
        table, prefix = data, ""
    errors: list[InputError] = []
    try:
        settings = Settings.model_validate(table)
    except ValidationError as exc:
        for err in exc.errors():
            key = str(err["loc"][0]) if err["loc"] else ""
            line = _key_line(text, key, prefix)
            model: type[BaseModel] = Settings
            if len(err["loc"]) > 1 and key in _TABLES:  # a key of a sub-table, [claimreview]
                model, key = _TABLES[key], ".".join(str(x) for x in err["loc"])
                line = _key_line(text, str(err["loc"][-1]), prefix) or line
            if err["type"] == "extra_forbidden":
                known = ", ".join(sorted(f.alias or n for n, f in model.model_fields.items()))
                message = f"unknown key '{prefix}{key}' (known keys: {known})"
            else:
                where = ".".join(str(x) for x in err["loc"])
                message = f"'{prefix}{where}': {err['msg']}"
            errors.append(InputError(shown, message, line, 1 if line else None))
        raise InputErrors(errors) from None
    if settings.format is not None and settings.format not in FORMATS:
        errors.append(
            InputError(
                shown,
                f"'{prefix}format': unknown format '{settings.format}' (one of {', '.join(FORMATS)})",
                *_at(_key_line(text, "format", prefix)),
            )
        )
    if known_codes is not None:

        def unknown(key: str, code: str, line: int | None) -> None:
            errors.append(
                InputError(shown, f"'{prefix}{key}': unknown rule code '{code}' (see 'claimcheck rules')", *_at(line))
            )

        for key in ("select", "ignore"):
            for code in getattr(settings, key) or []:
                if not codes_of(code, known_codes):
                    unknown(key, code, _value_line(text, key, prefix, code))
        for pattern, codes in (settings.per_file_ignores or {}).items():
            for code in codes:
                if not codes_of(code, known_codes):
                    unknown(f"per-file-ignores.{pattern}", code, _quoted_line(text, "per-file-ignores", prefix, code))
        for code in settings.severity or {}:
            if not codes_of(code, known_codes):
                unknown("severity", code, _quoted_line(text, "severity", prefix, code))
        settings.select = [c.upper() for c in settings.select] if settings.select is not None else None
        settings.ignore = [c.upper() for c in settings.ignore] if settings.ignore is not None else None
    if errors:
        raise InputErrors(errors)
    return LoadedConfig(Path(path), settings)


def _at(line: int | None) -> tuple[int, int] | tuple[()]:
    return (line, 1) if line else ()


def _table_bounds(text: str, prefix: str) -> tuple[int, int]:
    """Line range (0-based, end exclusive) of our settings: the whole claimcheck.toml, or the
    ``[tool.claimcheck]`` table and its sub-tables in pyproject.toml."""
    lines = text.splitlines()
    if not prefix:
        return 0, len(lines)
    ours = re.compile(r"\s*\[\s*tool\s*\.\s*claimcheck\s*[.\]]")
    start = next((i for i, line in enumerate(lines) if ours.match(line)), 0)
    end = next(
        (i for i in range(start + 1, len(lines)) if re.match(r"\s*\[", lines[i]) and not ours.match(lines[i])),
        len(lines),
    )
    return start, end


def _key_line(text: str, key: str, prefix: str) -> int | None:
    """1-based line where ``key`` is set (``key =`` or a ``[...key]`` table), found by text search.

    tomllib gives no positions; a search inside our table is cheap and right for any config a
    person writes (a key quoted oddly just loses its line number, not its error).
    """
    if not key:
        return None
    lines = text.splitlines()
    lo, hi = _table_bounds(text, prefix)
    k = re.escape(key)
    assign = re.compile(rf"\s*(?:{k}|\"{k}\"|'{k}')\s*=")
    header = re.compile(rf"\s*\[\s*(?:tool\s*\.\s*claimcheck\s*\.\s*)?(?:{k}|\"{k}\")\s*\]")
    for i in range(lo, hi):
        if assign.match(lines[i]) or header.match(lines[i]):
            return i + 1
    return None


def _value_line(text: str, key: str, prefix: str, value: str) -> int | None:
    """Line of ``value`` inside the array set at ``key`` (arrays may span lines)."""
    return _line_of(text, key, prefix, re.compile(rf"[\"']{re.escape(value)}[\"']"), ends_at="]")


def _quoted_line(text: str, table: str, prefix: str, value: str) -> int | None:
    """Line of ``"value"`` inside the ``[table]`` sub-table (or after ``table =``), else the table's line."""
    return _line_of(
        text, table, prefix, re.compile(rf"[\"']{re.escape(value)}[\"']|^\s*{re.escape(value)}\s*="), ends_at="["
    )


def _line_of(text: str, key: str, prefix: str, pattern: re.Pattern, ends_at: str) -> int | None:
    """The first line matching ``pattern`` from ``key``'s line on, up to the end of its array
    (``ends_at="]"``) or of its table (``"["``: the next table header); else ``key``'s line."""
    start = _key_line(text, key, prefix)
    if start is None:
        return None
    lines = text.splitlines()
    for i in range(start - 1, len(lines)):
        if ends_at == "[" and i >= start and re.match(r"\s*\[", lines[i]) and not lines[i].lstrip().startswith("[["):
            break
        code = lines[i].split("#", 1)[0]
        if pattern.search(code):
            return i + 1
        if ends_at == "]" and "]" in code:
            break
    return start
