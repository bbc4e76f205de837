"""The ``claimcheck`` command: wiring only; the work is in :mod:`checker.engine`."""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .atomic import write_atomic
from .engine import CheckConfig, check
from .errors import InputError, InputErrors
from .models import Report, Severity, json_schema
from .report import Format, RenderOptions, render
from .rules import all_rules, rule_by_code

if TYPE_CHECKING:  # rich is imported only when a progress bar is shown
    from rich.progress import Progress, TaskID

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
_FAIL_LEVELS = {"error": {Severity.error}, "warning": {Severity.error, Severity.warning}, "never": set()}


DEBUG_ENV = "CLAIMCHECK_DEBUG"


def _writable_target(path: Path) -> None:
    """Refuse an output path that cannot be written before any work is done (exit 2)."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise InputError(str(path), "cannot write the output: it is a directory")
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise InputError(str(path), f"cannot write the output: folder '{folder}' {what}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(str(path), f"cannot write the output: folder '{folder}' is not writable")


def _write_output(path: Path, text: str) -> None:
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise InputError(str(path), f"cannot write the output: {exc.strerror or exc}") from None


def _default_format() -> str:
    return Format.github.value if os.environ.get("GITHUB_ACTIONS") == "true" else Format.text.value


def _input_error(exc: InputError | InputErrors) -> None:
    errors = exc.errors if isinstance(exc, InputErrors) else [exc]
    for err in errors:
        click.echo(f"claimcheck: {err.render()}", err=True)
    sys.exit(EXIT_INPUT)


class _Progress:
    """Progress on stderr, only when stderr is a terminal: stdout stays clean for machine formats.

    The bar is up from the first file read (loading and sentence splitting are most of a large
    run); a spinner and the elapsed time keep moving between updates, and a stage without a
    count (building the index) is a pulse, so a long step never looks like a hang. Updates are
    throttled, so the engine may report every item.
    """

    def __init__(self, enabled: bool = True):
        self.bar: Progress | None = None
        self.tasks: dict[str, TaskID] = {}
        self.last = 0.0
        if enabled and sys.stderr.isatty() and not os.environ.get("CI"):
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            self.bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.bar.start()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.bar is None:
            return
        import time

        new = stage not in self.tasks
        now = time.monotonic()
        if not new and now - self.last < 0.1 and done < total:
            return
        self.last = now
        if new:
            for task in self.tasks.values():  # one line per stage; earlier stages are finished
                self.bar.update(task, visible=False)
            self.tasks[stage] = self.bar.add_task(stage, total=total or None)
        self.bar.update(self.tasks[stage], completed=done, total=total or None)
        if new:
            self.bar.refresh()  # every stage is shown, however short

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


class _WarningHandler(logging.Handler):
    """The core's warnings (a cache rebuilt or moved, a source skipped) on stderr, one line each."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"claimcheck: warning: {record.getMessage()}", err=True)


def _show_warnings() -> None:
    logger = logging.getLogger("claimcheck")
    if not any(isinstance(h, _WarningHandler) for h in logger.handlers):
        logger.addHandler(_WarningHandler(logging.WARNING))
        logger.propagate = False


class _Guarded(click.Group):
    """Every failure leaves through here: exit 2 with a one-line ``path[:line:col]: message``.

    Exit 1 means findings, so a crash must never look like one. Input errors print where
    they are; an OS error names its file; anything else is our bug: "internal error" and how
    to report it, with the traceback only when CLAIMCHECK_DEBUG is set.
    """

    def invoke(self, ctx: click.Context):
        _show_warnings()
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except (KeyboardInterrupt, click.Abort):  # click would exit 1, which means findings
            click.echo("claimcheck: interrupted", err=True)
            sys.exit(EXIT_INPUT)
        except (InputError, InputErrors) as exc:
            _input_error(exc)
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename is not None else ""
            click.echo(f"claimcheck: {where}{exc.strerror or exc}", err=True)
            sys.exit(EXIT_INPUT)
        except Exception as exc:  # noqa: BLE001 - the promise: no traceback, exit 2
            if os.environ.get(DEBUG_ENV):
                import traceback

                traceback.print_exc()
            summary = " ".join(str(exc).split())[:200]
            click.echo(
                f"claimcheck: internal error ({type(exc).__name__}: {summary}); this is a bug in claimcheck "
                f"{__version__}: please report it to the project's issue tracker with the command and the "
                f"input it failed on ({DEBUG_ENV}=1 prints the traceback)",
                err=True,
            )
            sys.exit(EXIT_INPUT)


@click.group(cls=_Guarded, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def main() -> None:
    """claimcheck: check claims and documents for contradicted dates, figures, places and people."""


def _run_options(f):
    """Options shared by 'check' and 'baseline' (everything that decides which findings exist)."""
    options = [
        click.argument("paths", nargs=-1, type=click.Path(path_type=Path)),
        click.option(
            "--sources",
            "-s",
            "sources",
            multiple=True,
            type=click.Path(path_type=Path),
            help="Folder or file of source documents (repeatable). Default: ./sources when checking ./claims.",
        ),
        click.option(
            "--select", help="Comma-separated rule codes or prefixes to report (CC-DATE, CC-REF-00, ALL; default: all)."
        ),
        click.option("--ignore", "ignore_rules", help="Comma-separated rule codes or prefixes not to report."),
        click.option(
            "--stdin-filename",
            help="With PATH '-': the name stdin's text is checked and reported under "
            "(its suffix picks the reader: .md, .txt, .html, .yaml, ...).",
        ),
        click.option(
            "--weekday-policy",
            type=click.Choice(["auto", "past", "future", "nearest"]),
            default="auto",
            show_default=True,
            help=(
                "How 'on Wednesday' resolves against the document date"
                " (auto: by tense, past looks back, future and expectation forward)."
            ),
        ),
        click.option(
            "--cache-dir",
            type=click.Path(path_type=Path),
            default=Path(".claimcheck_cache"),
            show_default=True,
            help="Where the passage index is kept between runs.",
        ),
        click.option("--no-cache", is_flag=True, help="Build the passage index in memory only."),
        click.option(
            "--jobs",
            "-j",
            type=click.IntRange(min=0),
            default=1,
            show_default=True,
            help="Processes the claims are checked in (0: one per core); the report is the same for any number.",
        ),
        click.option(
            "--scheduler",
            callback=_scheduler_address,
            help="Check the claims on a Dask cluster: its scheduler address (tcp://host:8786), or 'local' for a "
            "local cluster of --jobs workers (needs the dask extra).",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return _config_options(f)


def _scheduler_address(ctx, param, value):
    if value is not None and value != "local" and "://" not in value:
        raise click.BadParameter(f"'{value}' is neither a scheduler address (tcp://host:8786) nor 'local'")
    return value


def _config_options(f):
    """``--config`` and ``--isolated``: which config file, if any, a command reads."""
    f = click.option("--isolated", is_flag=True, help="Ignore all config files.")(f)
    return click.option(
        "--config",
        "config_path",
        type=click.Path(path_type=Path, dir_okay=False),
        help="Config file (default: nearest claimcheck.toml or pyproject.toml with [tool.claimcheck]).",
    )(f)


def _given(ctx: click.Context, name: str) -> bool:
    """True when the user set option ``name`` on the command line (it then beats the config)."""
    from click.core import ParameterSource

    return ctx.get_parameter_source(name) not in (ParameterSource.DEFAULT, ParameterSource.DEFAULT_MAP, None)


def _settings(ctx: click.Context, p: dict):
    """Merge the config file under the command line: (paths, CheckConfig, loaded config)."""
    from .config import load_config

    codes = {r.code for r in all_rules()}
    try:
        cfg = load_config(p["config_path"], known_codes=codes, search=not p["isolated"])
    except (InputError, InputErrors) as exc:
        _input_error(exc)
    st = cfg.settings
    paths = list(p["paths"]) or [cfg.resolve(x) for x in st.paths or []]
    sources = list(p["sources"]) or [cfg.resolve(x) for x in st.sources or []]
    display_names = _stdin_input(ctx, paths, p["stdin_filename"], cfg.folder)
    if not paths:
        if not Path("claims").is_dir():
            raise click.UsageError("no PATH given, no 'paths' in a config file and no ./claims folder here")
        paths = [Path("claims")]
        if not sources and Path("sources").is_dir():
            sources = [Path("sources")]
    from .selection import expand_codes

    select_set = (
        _codes(p["select"], codes, "--select")
        if _given(ctx, "select")
        else (expand_codes(st.select, codes) if st.select is not None else None)
    )
    ignore_set = (
        _codes(p["ignore_rules"], codes, "--ignore")
        if _given(ctx, "ignore_rules")
        else expand_codes(st.ignore or (), codes)
    ) or set()
    weekday = p["weekday_policy"] if _given(ctx, "weekday_policy") or not st.weekday_policy else st.weekday_policy
    jobs = p["jobs"] if _given(ctx, "jobs") or st.jobs is None else st.jobs
    scheduler = p["scheduler"] if _given(ctx, "scheduler") else st.scheduler
    cache_dir = _cache_dir(ctx, cfg)
    from dataclasses import replace

    from .match.statements import DEFAULT_OPTIONS

    # the alignment options the settings set (a similarity, a number of days, of characters)
    given: dict[str, Any] = {
        k: v
        for k, v in (
            ("name_similarity", st.name_similarity),
            ("occurrence_days", st.occurrence_days),
            ("context_chars", st.context_chars),
            ("group_limit", st.group_limit),
            ("substitution_words", st.substitution_words),
            ("misquote_minor_words", st.misquote_minor_words),
            ("place_distance_km", st.place_distance_km),
        )
        if v is not None
    }
    align = replace(DEFAULT_OPTIONS, **given)
    from .api import without_excluded

    per_file = {pattern: expand_codes(c, codes) for pattern, c in (st.per_file_ignores or {}).items()}
    if st.exclude:  # files found while walking folders; a file named on the command line is checked
        paths = without_excluded(paths, st.exclude, cfg.folder)
        sources = without_excluded(sources, st.exclude, cfg.folder)
    config = CheckConfig(
        sources=sources,
        cache_dir=None if p["no_cache"] else cache_dir,
        select=select_set,
        ignore=ignore_set,
        cache_required=_given(ctx, "cache_dir") or bool(st.cache_dir),
        weekday_policy=weekday,
        aliases=dict(st.aliases or {}),
        align=align,
        root=cfg.folder,  # paths in reports are relative to the project, whatever the cwd
        per_file_ignores=per_file,
        display_names=display_names,
        jobs=jobs,
        scheduler=scheduler,
    )
    return paths, config, cfg


def _cache_dir(ctx: click.Context, cfg) -> Path:
    """--cache-dir, else the config file's cache-dir, else the default."""
    st = cfg.settings
    return ctx.params["cache_dir"] if _given(ctx, "cache_dir") or not st.cache_dir else cfg.resolve(st.cache_dir)


def _stdin_input(ctx: click.Context, paths: list[Path], name: str | None, root: Path) -> dict[Path, str]:
    """Replace PATH '-' by a temporary copy of stdin named like ``--stdin-filename`` (its suffix
    picks the reader), reported under that name; the copy is removed when the command ends."""
    if Path("-") not in paths:
        if name:
            raise click.UsageError("--stdin-filename needs '-' among the paths")
        return {}
    if paths.count(Path("-")) > 1:
        raise click.UsageError("'-' (stdin) given more than once")
    shown = name or "-"
    folder = Path(ctx.with_resource(tempfile.TemporaryDirectory(prefix="claimcheck-stdin-")))
    copy = folder / (Path(name).name if name else "stdin.md")
    copy.write_bytes(sys.stdin.buffer.read())
    paths[paths.index(Path("-"))] = copy
    if name:
        from .engine import display_name

        shown = display_name(Path(name), root)
    return {copy: shown}


def _run_check(paths, config: CheckConfig, quiet: bool = False) -> Report:
    progress = _Progress(enabled=not quiet)
    try:
        report = check(paths, config, progress)
    except (InputError, InputErrors) as exc:
        progress.close()
        _input_error(_shown_as(exc, config.display_names))
    progress.close()
    from .suppressions import MALFORMED

    for note in report.notes:
        if MALFORMED in note and not quiet:
            click.echo(f"claimcheck: warning: {note}", err=True)
    return report


_URL = r"^https?://\S+$"


def _review_options(f):
    """``--review-*``: the ClaimReview author, publisher, URL and date. Kept in ``ctx.meta``
    (they only shape one output format), over ``[claimreview]`` of the config."""
    import re

    def keep(key, check=None):
        def callback(ctx, param, value):
            if value is None:
                return
            if check == "url" and not re.match(_URL, value):
                raise click.BadParameter(f"'{value}' is not an http(s) URL", param=param)
            ctx.meta.setdefault("claimreview", {})[key] = value.date() if check == "date" else value

        return callback

    options = [
        ("--review-author", "author", str, None, "ClaimReview: the person who reviewed the claims."),
        (
            "--review-publisher",
            "publisher",
            str,
            None,
            "ClaimReview: the organisation that publishes (default: claimcheck).",
        ),
        (
            "--review-url",
            "url",
            str,
            "url",
            "ClaimReview: the page the reviews are published on (each gets #claim-id).",
        ),
        (
            "--review-date",
            "date",
            click.DateTime(formats=["%Y-%m-%d"]),
            "date",
            "ClaimReview: datePublished, YYYY-MM-DD (default: today).",
        ),
    ]
    for name, key, kind, validate, help_text in reversed(options):
        f = click.option(name, type=kind, expose_value=False, callback=keep(key, validate), help=help_text)(f)
    return f


def _review_settings(ctx: click.Context, cfg) -> dict:
    """ClaimReview settings: the config's [claimreview] table under the --review-* options."""
    table = cfg.settings.claimreview
    out = table.model_dump(exclude_none=True) if table is not None else {}
    out.update(ctx.meta.get("claimreview", {}))
    return out


def _shown_as(exc: InputError | InputErrors, names: dict[Path, str]) -> InputError | InputErrors:
    """Errors in stdin's temporary copy name the --stdin-filename instead."""
    by_path = {str(k): v for k, v in names.items()}
    for err in exc.errors if isinstance(exc, InputErrors) else [exc]:
        if err.path in by_path:
            err.path = by_path[err.path]
    return exc


@main.command("check")
@_run_options
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice([f.value for f in Format]),
    default=None,
    help="Report format (default: text; github when GITHUB_ACTIONS=true).",
)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write the report to FILE (atomically).")
@click.option(
    "--fail-on",
    type=click.Choice(list(_FAIL_LEVELS)),
    default="error",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity.",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Report only findings not in this baseline (written by 'claimcheck baseline').",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour of the text report: auto is on a terminal unless NO_COLOR is set; always also when piped.",
)
@click.option("--no-color", "no_color", is_flag=True, hidden=True, help="Same as --color never.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only (one line each), no progress or summary.")
@click.option(
    "--step-summary",
    "step_summary",
    metavar="FILE",
    help="Append a Markdown summary to FILE (default with -f github: $GITHUB_STEP_SUMMARY; '' for none).",
)
@click.option(
    "--statistics", is_flag=True, help="Print the number of findings per rule instead of the report (text, or -f json)."
)
@_review_options
@click.pass_context
def check_command(
    ctx,
    paths,
    sources,
    select,
    ignore_rules,
    stdin_filename,
    weekday_policy,
    cache_dir,
    no_cache,
    jobs,
    scheduler,
    config_path,
    isolated,
    fmt,
    output,
    fail_on,
    baseline_path,
    color,
    no_color,
    quiet,
    step_summary,
    statistics,
):
    """Check claim files and documents (default: ./claims against ./sources).

    A claim file (.yaml/.yml/.json) is checked against the sources and its claims against each
    other; a document (.txt/.md/.pdf/.html/.docx) is checked against itself and the sources.
    Settings come from claimcheck.toml or [tool.claimcheck] in pyproject.toml; options given
    here override them. Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
    """
    paths, config, cfg = _settings(ctx, ctx.params)
    st = cfg.settings
    fmt = fmt or st.format
    output = output or (cfg.resolve(st.output) if st.output else None)
    if output is not None:
        _writable_target(output)
    fail_on = fail_on if _given(ctx, "fail_on") or not st.fail_on else st.fail_on
    baseline_file = baseline_path or (cfg.resolve(st.baseline) if st.baseline else None)
    if baseline_file is not None:
        from .baseline import load_baseline

        try:
            config.baseline = load_baseline(baseline_file)
        except InputError as exc:
            _input_error(exc)
    report = _run_check(paths, config, quiet)
    if st.severity:
        from .models import Severity
        from .selection import override_severities

        report = override_severities(report, {code: Severity(level) for code, level in st.severity.items()})
    chosen_fmt, fmt = fmt, fmt or _default_format()
    color = "never" if no_color else color
    use_color = color == "always" or (
        color == "auto" and output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    if statistics:
        from .concise import statistics_json, statistics_text

        if chosen_fmt not in (None, "text", "json"):
            raise click.UsageError("--statistics prints text or JSON (-f json)")
        text = statistics_json(report) if chosen_fmt == "json" else statistics_text(report)
    elif quiet and fmt == Format.text.value:
        from .concise import finding_lines

        text = finding_lines(report)
    else:
        text = render(
            report,
            fmt,
            RenderOptions(
                color=bool(use_color) and fmt == "text", root=str(config.root), extra=_review_settings(ctx, cfg)
            ),
        )
    if output:
        _write_output(output, text)
    else:
        click.echo(text, nl=False, color=bool(use_color))  # click strips ANSI from a pipe unless told
    if step_summary is None and fmt == Format.github.value:
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        from .report.github_format import step_summary as summary_markdown

        with open(step_summary, "a", encoding="utf-8") as fh:
            fh.write(summary_markdown(report))
    sys.exit(_exit_code(report, fail_on))


@main.command("baseline")
@_run_options
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("claimcheck-baseline.json"),
    show_default=True,
    help="Baseline file to write.",
)
@click.pass_context
def baseline_command(
    ctx,
    paths,
    sources,
    select,
    ignore_rules,
    stdin_filename,
    weekday_policy,
    cache_dir,
    no_cache,
    jobs,
    scheduler,
    config_path,
    isolated,
    output,
):
    """Record today's findings so 'check --baseline FILE' reports only new ones.

    Findings are identified by fingerprint (rule, claim and evidence text, values), not by line,
    so moving text does not revive them. Rewrites FILE; review it like code.
    """
    from .baseline import baseline_json

    paths, config, _ = _settings(ctx, ctx.params)
    _writable_target(output)
    report = _run_check(paths, config)
    _write_output(output, baseline_json(report))
    n = len({f.fingerprint for f in report.findings})
    click.echo(f"claimcheck: wrote {n} finding(s) to {output}", err=True)


@main.command("extract")
@click.argument("draft", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Claim file to write (default: print to stdout).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option(
    "--weekday-policy",
    type=click.Choice(["auto", "past", "future", "nearest"]),
    default="auto",
    show_default=True,
    help=(
        "How 'on Wednesday' resolves against the document date"
        " (auto: by tense, past looks back, future and expectation forward)."
    ),
)
def extract_command(draft, output, force, weekday_policy):
    """Turn the checkable sentences of DRAFT into a claim file to edit and commit.

    A sentence is checkable when it names an event, a date or a quantity. Claim ids are a slug
    of the first words plus a hash of the sentence, so they survive re-running after edits
    elsewhere in the draft.
    """
    from .extract_claims import claims_yaml, extract_claims
    from .ingest import DOCUMENT_SUFFIXES, load_document

    if output is not None and output.exists() and not force:
        click.echo(f"claimcheck: {output} exists; not overwriting it (use --force)", err=True)
        sys.exit(EXIT_INPUT)
    if output is not None:
        _writable_target(output)
    if not draft.exists():
        _input_error(InputError(str(draft), "no such file"))
    if draft.suffix.lower() not in DOCUMENT_SUFFIXES:
        _input_error(
            InputError(
                str(draft),
                f"unsupported document type '{draft.suffix}' (expected one of {', '.join(DOCUMENT_SUFFIXES)})",
            )
        )
    try:
        doc = load_document(draft, str(draft))
    except (InputError, InputErrors) as exc:
        _input_error(exc)
    from click.core import ParameterSource

    from .config import load_config

    try:
        st = load_config(known_codes={r.code for r in all_rules()}).settings
    except (InputError, InputErrors) as exc:
        _input_error(exc)
    if (
        st.weekday_policy
        and click.get_current_context().get_parameter_source("weekday_policy") == ParameterSource.DEFAULT
    ):
        weekday_policy = st.weekday_policy
    claims = extract_claims(doc, weekday_policy=weekday_policy, aliases=dict(st.aliases or {}))
    text = claims_yaml(doc, claims)
    if output is None:
        click.echo(text, nl=False)
    else:
        _write_output(output, text)
        click.echo(f"claimcheck: wrote {len(claims)} claim(s) to {output}", err=True)


def _codes(value: str | None, known: set[str], option: str) -> set[str] | None:
    """The rule codes a comma-separated list of codes and prefixes names (CC-DATE: every CC-DATE rule)."""
    from .selection import UnknownCodes, expand_codes

    if not value:
        return None
    try:
        return expand_codes([c for c in value.split(",") if c.strip()], known)
    except UnknownCodes as exc:
        raise click.BadParameter(str(exc), param_hint=option) from None


def _exit_code(report: Report, fail_on: str) -> int:
    levels = _FAIL_LEVELS[fail_on]
    return EXIT_FINDINGS if any(f.severity in levels for f in report.findings) else EXIT_CLEAN


@main.command("clean")
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path),
    default=Path(".claimcheck_cache"),
    show_default=True,
    help="The cache folder to remove (default: the config file's cache-dir, else this).",
)
@_config_options
@click.pass_context
def clean_command(ctx, cache_dir, config_path, isolated):
    """Remove the cache: passage indexes and the corpus store (only claimcheck's own files in it)."""
    from .config import load_config
    from .match.index import clean_cache

    cfg = load_config(config_path, known_codes={r.code for r in all_rules()}, search=not isolated)
    folder = _cache_dir(ctx, cfg)
    if not folder.exists():
        click.echo(f"claimcheck: no cache at {folder}", err=True)
        return
    if not folder.is_dir():
        raise InputError(str(folder), "is not a folder; not removing it")
    removed, left = clean_cache(folder)
    click.echo(f"claimcheck: removed {removed} file(s) from {folder}", err=True)
    if left:
        click.echo(
            f"claimcheck: kept {folder} and {len(left)} file(s) in it that are not claimcheck's: "
            f"{', '.join(left[:5])}{' ...' if len(left) > 5 else ''}",
            err=True,
        )


@main.command("index")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path),
    default=Path(".claimcheck_cache"),
    show_default=True,
    help="Where the corpus store and passage index are kept.",
)
@_config_options
@click.pass_context
def index_command(ctx, sources, cache_dir, config_path, isolated):
    """Parse the source documents into the corpus store and index their passages, so that
    later checks start warm (a check does the same on its first run)."""
    from .config import load_config
    from .engine import Checker

    try:
        cfg = load_config(config_path, known_codes={r.code for r in all_rules()}, search=not isolated)
        st = cfg.settings
        chosen = (
            list(sources)
            or [cfg.resolve(x) for x in st.sources or []]
            or ([Path("sources")] if Path("sources").is_dir() else [])
        )
        if not chosen:
            raise click.UsageError("no SOURCES given, no 'sources' in a config file and no ./sources folder here")
        config = CheckConfig(
            sources=chosen,
            cache_dir=_cache_dir(ctx, cfg),
            root=cfg.folder,
            cache_required=_given(ctx, "cache_dir") or bool(st.cache_dir),
        )
        checker = Checker(config)
        docs, index = checker.ingest()
    except (InputError, InputErrors) as exc:
        _input_error(exc)
    if index is not None:
        index.close()
    where = checker.cache_folder or "memory (no usable cache folder)"
    click.echo(
        f"claimcheck: {len(docs)} source file(s), {sum(len(d.passages) for d in docs)} passages "
        f"({checker.parsed} parsed, {checker.reused} from the store) in {where}",
        err=True,
    )


@main.command("schema")
@click.argument("which", type=click.Choice(["claims", "report"]))
def schema_command(which):
    """Print the JSON Schema of a claim file or of the JSON report."""
    click.echo(json.dumps(json_schema(which), indent=2))


@main.command("rules")
def rules_command():
    """List every rule: code, name, severity, category."""
    for rule in all_rules():
        summary = (rule.__doc__ or "").split("What it checks:")[-1].strip().split("\n")[0].strip()
        click.echo(f"{rule.code:<13} {rule.name:<28} {rule.severity.value:<8} {rule.category:<12} {summary}")


@main.command("explain")
@click.argument("code")
def explain_command(code):
    """Print a rule's documentation."""
    rule = rule_by_code(code)
    if rule is None:
        click.echo(f"claimcheck: unknown rule code '{code}' (see 'claimcheck rules')", err=True)
        sys.exit(EXIT_INPUT)
    from .rules import explain

    click.echo(explain(rule))


if __name__ == "__main__":  # pragma: no cover
    main()
