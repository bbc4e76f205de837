"""Which files a run reads, in one canonical order, and the inputs under check read from them.

Claim files and documents under check are read here; the sources are the corpus's
(:mod:`checker.engine.corpus`). The order is by displayed path, whatever order the files were
named in, so the report does not depend on it.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from ..errors import InputError
from ..ingest import DOCUMENT_SUFFIXES, load_document
from ..ingest.claims_file import CLAIM_FILE_SUFFIXES, load_claim_file
from ..models import ClaimFile, Document, Loc
from .settings import CheckConfig, Progress

log = logging.getLogger("claimcheck")


class ClaimFileInput(NamedTuple):
    """A claim file as read: its shown path, its claims, each claim's location, its text."""

    path: str
    claims: ClaimFile
    locs: dict[str, Loc]
    text: str


def load_inputs(
    paths: Sequence[Path], config: CheckConfig, known_codes: set[str], notes: list[str], progress: Progress
) -> tuple[list[ClaimFileInput], list[Document]]:
    """The claim files and the documents under check among ``paths`` (folders walked)."""
    claim_files, documents = [], []
    found = by_display(discover(paths, CLAIM_FILE_SUFFIXES + DOCUMENT_SUFFIXES, notes), config.root)
    for n, (shown, path) in enumerate(found):
        progress("reading inputs", n, len(found))
        shown = config.display_names.get(path) or shown
        if path.suffix.lower() in CLAIM_FILE_SUFFIXES:
            cf, locs = load_claim_file(path, known_codes=known_codes)
            text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
            claim_files.append(ClaimFileInput(shown, cf, locs, text))
        elif path.suffix.lower() in DOCUMENT_SUFFIXES:
            documents.append(load_document(path, shown))
        else:
            raise InputError(
                shown,
                f"unsupported file type '{path.suffix}' (expected a claim file "
                f"{', '.join(CLAIM_FILE_SUFFIXES)} or a document {', '.join(DOCUMENT_SUFFIXES)})",
            )
    return claim_files, documents


def discover(paths: Iterable[Path], suffixes: tuple[str, ...], notes: list[str] | None = None) -> list[Path]:
    """The files to read: each file named as given; each folder walked (hidden names skipped).

    Inside a folder nothing is read from outside it: a symlink (file or folder) whose target
    lies outside is skipped, and so are files and folders that cannot be read, each with a
    note in ``notes`` (and a warning), never silently. A symlinked folder whose target is
    inside is not walked again (its files are read through their own path).
    """
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += _walk(path, suffixes, notes if notes is not None else [])
        elif path.exists():
            out.append(path)
        else:
            raise InputError(str(path), "no such file or directory")
    # one document per file: a link inside the folder and its target are one (shown by the target)
    return list({p.resolve(): p for p in reversed(out)}.values())[::-1]


def _walk(root: Path, suffixes: tuple[str, ...], notes: list[str]) -> list[Path]:
    real_root = root.resolve()
    found: list[Path] = []

    def skip(path: Path | str, why: str) -> None:
        note = f"{path}: skipped: {why}"
        notes.append(note)
        log.warning("%s", note)

    def unreadable(exc: OSError) -> None:
        skip(exc.filename, f"cannot read this folder ({exc.strerror or exc})")

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for d in list(dirs):
            if (here / d).is_symlink():
                dirs.remove(d)  # os.walk would not enter it; say so when it leads outside
                if not _inside((here / d).resolve(), real_root):
                    skip(here / d, f"a symlink to a folder outside {root}")
        for name in sorted(files):
            p = here / name
            if name.startswith(".") or p.suffix.lower() not in suffixes:
                continue
            if p.is_symlink():
                target = p.resolve()
                if not _inside(target, real_root):
                    skip(p, f"a symlink to a file outside {root}")
                    continue
                if not target.is_file():
                    skip(p, "a symlink to nothing readable")
                    continue
            if not os.access(p, os.R_OK):
                skip(p, "cannot read this file (permission denied)")
                continue
            found.append(p)
    return sorted(found)


def _inside(target: Path, root: Path) -> bool:
    return target == root or target.is_relative_to(root)


def content_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None


def by_display(paths: Iterable[Path], root: Path) -> list[tuple[str, Path]]:
    """(displayed path, path) sorted by the displayed path, each shown path once."""
    shown: dict[str, Path] = {}
    for path in paths:
        shown.setdefault(display_name(path, root), path)
    return sorted(shown.items())


def display_name(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
