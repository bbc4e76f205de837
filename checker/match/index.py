"""Candidate passages for a claim: SQLite FTS5 (BM25) kept on disk, keyed by content hash.

FTS5 ships with Python's sqlite3, builds 1M sentences in seconds and stays on disk between runs
(see research/perf-anchors.md); a snapshot is read-only and can be opened by many workers.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..models import Document

INDEX_VERSION = "1"
# FTS5's bm25 scores every passage an OR query matches (no top-k pruning), so common words cost
# the most and add the least: querying the 5 rarest terms measured 4.5x faster at 1M passages
# with no recall loss (research/perf-anchors.md; benchmarks/scale.py measures it again).
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
        self.conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, check_same_thread=False) \
            if db_path != ":memory:" else sqlite3.connect(db_path)
        self.rare_terms = rare_terms
        self._df: dict[str, int] = {}

    @classmethod
    def build(cls, documents: Sequence[Document], cache_dir: Path | None) -> "PassageIndex":
        """Open the cached index for these documents, or build it (atomically) if missing."""
        _require_fts5()
        if cache_dir is None:
            index = cls(":memory:")
            _fill(index.conn, _rows(documents))
            return index
        cache_dir.mkdir(parents=True, exist_ok=True)
        target = cache_dir / f"passages-{corpus_key(documents)}.sqlite"
        if not target.exists():
            fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
            os.close(fd)
            try:
                conn = sqlite3.connect(tmp)
                _fill(conn, _rows(documents))
                conn.close()
                os.replace(tmp, target)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        return cls(str(target))

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, int, str]], db_path: str) -> "PassageIndex":
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


def _rows(documents: Sequence[Document]):
    for doc in documents:
        for p in doc.passages:
            yield doc.path, p.index, p.text


def _fill(conn: sqlite3.Connection, rows: Iterable[tuple[str, int, str]]) -> None:
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("CREATE VIRTUAL TABLE passages USING fts5(path UNINDEXED, idx UNINDEXED, body, tokenize='porter unicode61')")
    conn.executemany("INSERT INTO passages(path, idx, body) VALUES (?, ?, ?)", rows)
    conn.commit()


def _require_fts5() -> None:
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    except sqlite3.OperationalError as exc:  # pragma: no cover - depends on the Python build
        raise RuntimeError("this Python's sqlite3 has no FTS5; claimcheck needs it for its passage index") from exc
