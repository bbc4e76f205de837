"""Candidate passages for a claim: SQLite FTS5 (BM25) kept on disk, keyed by content hash.

FTS5 ships with Python's sqlite3, builds 1M sentences in seconds and stays on disk between runs
(``benchmarks/scale.py`` measures it; figures in ``benchmarks/README.md``); a snapshot is
read-only and can be opened by many workers.

The cache is disposable: an index file that cannot be read (truncated, garbage, another
schema, a folder) is rebuilt with a warning; a cache folder that cannot be written (a
read-only checkout) moves to the user's cache folder, or the index is built in memory, with
a warning. One index is kept per source set (the same paths): editing a source replaces that
set's file instead of adding one. The folder tags itself (CACHEDIR.TAG, and a .gitignore of
``*``) so backups and git leave it out; ``claimcheck clean`` removes it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..atomic import temp_beside
from ..errors import InputError
from ..models import Document

log = logging.getLogger("claimcheck")

INDEX_VERSION = "1"
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by claimcheck.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)
_INDEX_FILE = re.compile(r"\Apassages-[0-9a-f]{16}-[0-9a-f]{32}\.sqlite\Z")
_OLD_INDEX_FILE = re.compile(r"\Apassages-[0-9a-f]{32}\.sqlite\Z")  # before source sets had a key
# FTS5's bm25 scores every passage an OR query matches (no top-k pruning), so common words cost
# the most and add the least: querying the 5 rarest terms measured 4.5x faster at 1M passages
# with no recall loss (benchmarks/scale.py measures it; figures in benchmarks/README.md).
RARE_TERMS = 5
DF_CAP = 2000
_WORD = re.compile(r"[^\W_]{2,}", re.UNICODE)
STOPWORDS = frozenset(
    "a an and are as at be been by for from had has have he her his in into is it its of on or "
    "our she that the their them they this to was were which who will with would not but also "
    "after before during than then there these those over under about more most such while "
    "what when where why how all any both each few other some can could may might must shall "
    "should said says say".split()
)


def query_terms(text: str, limit: int = 16) -> list[str]:
    """Content words of ``text`` for an OR query; the longest (rarest-looking) first."""
    words = []
    for w in _WORD.findall(text.lower()):
        if w not in STOPWORDS and w not in words:
            words.append(w)
    words.sort(key=len, reverse=True)
    return words[:limit]


def source_set_key(documents: Sequence[Document]) -> str:
    """Which sources (by path, not content): one cached index is kept per source set."""
    digest = hashlib.sha256(INDEX_VERSION.encode())
    for path in sorted(d.path for d in documents):
        digest.update(path.encode() + b"\0")
    return digest.hexdigest()[:16]


def corpus_key(documents: Sequence[Document]) -> str:
    digest = hashlib.sha256(INDEX_VERSION.encode())
    for doc in sorted(documents, key=lambda d: d.path):
        digest.update(doc.path.encode())
        digest.update(doc.content_hash.encode())
    return digest.hexdigest()[:32]


class PassageIndex:
    """A read-only FTS5 index of passages: ``search`` returns (path, passage index, bm25)."""

    def __init__(self, db_path: str, *, rare_terms: int | None = RARE_TERMS):
        """``rare_terms``: query with only the k rarest content words (None: OR of them all)."""
        self.db_path = db_path
        if db_path == ":memory:":
            self.conn = sqlite3.connect(db_path)
        else:  # a URI from the path: '#', '?' and '%' in a folder name are characters, not syntax
            uri = Path(db_path).resolve().as_uri() + "?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self.rare_terms = rare_terms
        self._df: dict[str, int] = {}

    @classmethod
    def build(cls, documents: Sequence[Document], cache_dir: Path | None, *, required: bool = False) -> PassageIndex:
        """Open the cached index for these documents, or build it (atomically) if missing.

        ``required``: the user named ``cache_dir``, so a folder that cannot be made is an
        error; otherwise (the default folder) the cache moves or is skipped with a warning.
        """
        _require_fts5()
        folder = usable_cache_dir(cache_dir, required=required) if cache_dir is not None else None
        if folder is None:
            return cls._in_memory(documents)
        target = folder / f"passages-{source_set_key(documents)}-{corpus_key(documents)}.sqlite"
        expected = sum(len(d.passages) for d in documents)
        if target.exists() or target.is_symlink():
            index = cls._open_valid(target, expected)
            if index is not None:
                return index
        try:
            _discard(target)
            with temp_beside(target) as tmp:
                conn = sqlite3.connect(tmp)
                try:
                    _fill(conn, _rows(documents))
                finally:
                    conn.close()
                os.replace(tmp, target)
        except (OSError, sqlite3.Error) as exc:
            log.warning(
                "cannot write the passage index in %s (%s); building it in memory for this run",
                folder,
                getattr(exc, "strerror", None) or exc,
            )
            return cls._in_memory(documents)
        _prune(folder, target)
        index = cls._open_valid(target, expected)
        return index if index is not None else cls._in_memory(documents)

    @classmethod
    def _in_memory(cls, documents: Sequence[Document]) -> PassageIndex:
        index = cls(":memory:")
        _fill(index.conn, _rows(documents))
        return index

    @classmethod
    def _open_valid(cls, target: Path, expected: int) -> PassageIndex | None:
        """The index at ``target`` if it reads back whole; else None, after a warning."""
        index = None
        try:
            index = cls(str(target))
            rows = index.conn.execute("SELECT count(*) FROM passages").fetchone()[0]
            index.conn.execute(
                "SELECT path, idx, bm25(passages) FROM passages WHERE passages MATCH 'probe' LIMIT 1"
            ).fetchall()
            if rows != expected:
                raise sqlite3.DatabaseError(f"{rows} passages where {expected} were expected")
            return index
        except (sqlite3.Error, OSError) as exc:
            if index is not None:
                index.close()
            log.warning("cached passage index %s is unreadable (%s); rebuilding it", target, exc)
            return None

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, int, str]], db_path: str) -> PassageIndex:
        """Build from (path, passage index, text) rows; used by the benchmarks for big corpora."""
        _require_fts5()
        conn = sqlite3.connect(db_path)
        _fill(conn, rows)
        conn.close()
        return cls(db_path)

    def search(self, text: str, limit: int = 20) -> list[tuple[str, int, float]]:
        terms = query_terms(text)
        if not terms:
            return []
        if self.rare_terms and len(terms) > self.rare_terms:
            # stable sort: among equally common terms the longer (query_terms order) wins
            # words no passage contains cannot match; the k rarest of the rest do the work
            present = [t for t in terms if self._doc_freq(t) > 0]
            if not present:
                return []
            terms = sorted(present, key=self._doc_freq)[: self.rare_terms]
        query = " OR ".join(f'"{t}"' for t in terms)
        rows = self.conn.execute(
            "SELECT path, idx, bm25(passages) FROM passages WHERE passages MATCH ? ORDER BY bm25(passages) LIMIT ?",
            (query, limit),
        ).fetchall()
        return [(path, int(idx), float(score)) for path, idx, score in rows]

    def _doc_freq(self, term: str) -> int:
        """Passages containing ``term`` (after FTS5's own stemming), counted up to DF_CAP.

        Counting through MATCH uses the index's tokenizer, so no Python stemmer has to agree
        with porter; the cap bounds the cost of common words, which all rank alike anyway.
        """
        df = self._df.get(term)
        if df is None:
            if len(self._df) >= 100_000:
                self._df.clear()
            df = self.conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM passages WHERE passages MATCH ? LIMIT ?)", (f'"{term}"', DF_CAP)
            ).fetchone()[0]
            self._df[term] = df
        return df

    def close(self) -> None:
        self.conn.close()


def usable_cache_dir(cache_dir: Path, *, required: bool = False) -> Path | None:
    """``cache_dir`` made and tagged; if it cannot be (a read-only checkout) and the user did
    not name it, a folder under the user's cache home, else None (build in memory)."""
    try:
        return _make_cache_dir(cache_dir)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if required:
            raise InputError(
                str(cache_dir),
                f"cannot use it as the cache folder: {reason} (choose another --cache-dir, or --no-cache)",
            ) from None
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimcheck"
    project = hashlib.sha256(str(Path.cwd().resolve() / cache_dir).encode()).hexdigest()[:16]
    fallback = home / project
    try:
        folder = _make_cache_dir(fallback)
    except OSError:
        log.warning("cannot create the cache folder %s (%s); the passage index is built in memory", cache_dir, reason)
        return None
    log.warning("cannot create the cache folder %s (%s); using %s", cache_dir, reason, folder)
    return folder


def _make_cache_dir(folder: Path) -> Path:
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(20, "it exists and is not a folder", str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PermissionError(13, "Permission denied", str(folder))
    for name, text in (("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", "# created by claimcheck\n*\n")):
        tag = folder / name
        if not tag.exists():
            tag.write_text(text, encoding="utf-8")
    return folder


def _discard(target: Path) -> None:
    """Remove an unreadable index file (or a folder in its place) before rebuilding it."""
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    elif target.exists() or target.is_symlink():
        target.unlink()


def _prune(folder: Path, keep: Path) -> None:
    """Drop the other indexes of ``keep``'s source set (older contents of the same files)."""
    prefix = keep.name[: len("passages-") + 16]
    for entry in folder.iterdir():
        if entry != keep and entry.name.startswith(prefix) and _INDEX_FILE.match(entry.name):
            with contextlib.suppress(OSError):
                entry.unlink()


def clean_cache(folder: Path) -> tuple[int, list[str]]:
    """Remove claimcheck's files from ``folder`` (then the folder, if empty).

    Returns (files removed, names of files left because they are not ours): a cache folder
    named by mistake loses nothing but claimcheck's own files.
    """
    from ..atomic import remove_leftovers

    if not folder.is_dir():
        return 0, []
    removed = remove_leftovers(folder)
    left: list[str] = []
    for entry in sorted(folder.iterdir()):
        ours = (
            entry.name in ("CACHEDIR.TAG", ".gitignore", "corpus-store.sqlite", "corpus-store.sqlite-journal")
            or bool(_INDEX_FILE.match(entry.name))
            or bool(_OLD_INDEX_FILE.match(entry.name))
        )
        if ours and entry.name == ".gitignore" and "claimcheck" not in entry.read_text(errors="replace"):
            ours = False
        if not ours:
            left.append(entry.name)
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
        removed += 1
    if not left:
        folder.rmdir()
    return removed, left


def _rows(documents: Sequence[Document]) -> Iterator[tuple[str, int, str]]:
    for doc in documents:
        for p in doc.passages:
            yield doc.path, p.index, p.text


def _fill(conn: sqlite3.Connection, rows: Iterable[tuple[str, int, str]]) -> None:
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute(
        "CREATE VIRTUAL TABLE passages USING fts5(path UNINDEXED, idx UNINDEXED, body, tokenize='porter unicode61')"
    )
    conn.executemany("INSERT INTO passages(path, idx, body) VALUES (?, ?, ?)", rows)
    conn.commit()


def _require_fts5() -> None:
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    except sqlite3.OperationalError as exc:  # pragma: no cover - depends on the Python build
        raise RuntimeError("this Python's sqlite3 has no FTS5; claimcheck needs it for its passage index") from exc
