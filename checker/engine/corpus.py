"""The corpus: the source documents (each content read once, from the store when it has them),
the people learnt from them, and their passage index.

One object per run: it opens the cache folder once (and says once why it cannot), and closes
the store as soon as the sources, their stored facts and the learnt people are read, before the
claims are checked; the facts the run extracted are written back after it (``save_facts``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from ..extract.entities import EntityRegistry
from ..extract.learnt_people import teach
from ..ingest import DOCUMENT_SUFFIXES, load_document
from ..match.index import PassageIndex, corpus_key, usable_cache_dir
from ..models import Document
from ..store import CorpusStore
from .inputs import by_display, content_hash, discover, display_name
from .settings import CheckConfig, Progress
from .stored_facts import StoredFacts


class Corpus:
    def __init__(self, config: CheckConfig, notes: list[str], progress: Progress):
        self.config = config
        self.notes = notes  # the run's notes: skipped files, copies read once
        self.progress = progress
        self.sources: list[Document] = []
        self.duplicates: dict[str, list[str]] = {}  # source path -> paths of its identical copies
        self.store: CorpusStore | None = None  # parsed sources kept between runs (checker.store)
        self.cache_folder: Path | None = None  # the cache folder in use (None: in memory only)
        self._store_tried = False
        self.parsed = self.reused = 0  # source files parsed / decoded from the store in this run
        self.hashes: dict[str, str] = {}  # source path -> content hash, of the sources in the store
        self._fact_rows: dict[tuple[str, int], tuple[bytes, bytes]] = {}  # stored facts, undecoded

    def load(self, exclude: set[str], inputs: Sequence[Path] = ()) -> list[Document]:
        """The source documents, each content read once: a copy of a source (or of a document
        under check, among ``inputs``) is left out, so one contradiction is not reported once
        per copy. ``exclude``: displayed paths of the documents under check."""
        docs = []
        first: dict[str, str] = {}  # content hash -> the path that holds it
        for path in inputs:
            if path.suffix.lower() in DOCUMENT_SUFFIXES:
                first.setdefault(content_hash(path), display_name(path, self.config.root))
        found = by_display(discover(self.config.sources, DOCUMENT_SUFFIXES, self.notes), self.config.root)
        store = self._open_store() if found else None
        for n, (shown, path) in enumerate(found):
            self.progress("reading sources", n, len(found))
            if shown in exclude:
                continue
            digest = content_hash(path)
            if digest in first:
                self.duplicates.setdefault(first[digest], []).append(shown)
                continue
            first[digest] = shown
            if store is None:
                docs.append(load_document(path, shown))
            else:
                docs.append(store.document(digest, shown, partial(load_document, path, shown)))
                self.hashes[shown] = digest
        if store is not None:
            root, here = self.config.root, {shown for shown, _ in found}
            store.save(
                gone=lambda shown: shown not in here and not (root / shown).is_file() and not Path(shown).is_file()
            )
            self._fact_rows = store.facts(self.hashes, self.config.weekday_policy)
        self.parsed, self.reused = (store.parsed, store.reused) if store is not None else (len(docs), 0)
        for kept, copies in sorted(self.duplicates.items()):
            self.notes.append(
                f"{kept}: read once for {len(copies)} source(s) with the same content ({', '.join(sorted(copies))})"
            )
        self.sources = docs
        return docs

    def teach_people(self, registry: EntityRegistry) -> None:
        """Teach the registry the sources' people, from the store when it has them."""
        corpus = self._texts()
        if self.store is not None and corpus:
            teach(registry, self.store.learnt_people(corpus_key(self.sources), corpus), corpus)
        else:
            for text in corpus:
                registry.learn(text)
        self.close_store()

    def stored_facts(self, registry: EntityRegistry) -> StoredFacts | None:
        """The sources' stored facts, for the run whose (taught) registry is ``registry``."""
        if not self.hashes:
            return None
        rows, self._fact_rows = self._fact_rows, {}
        return StoredFacts(rows, self.hashes, self.config.weekday_policy, registry)

    def save_facts(self, stored: StoredFacts | None) -> None:
        """Write back the source facts this run extracted (a store that cannot be opened now
        keeps what it had: they are extracted again next time)."""
        if stored is None or not stored.fresh or self.cache_folder is None:
            return
        store = CorpusStore.open(self.cache_folder)
        if store is not None:
            try:
                store.save_facts(stored.pending())
            finally:
                store.close()

    def ingest(self) -> tuple[list[Document], PassageIndex | None]:
        """Read the sources into the corpus store and build their passage index (``claimcheck index``)."""
        sources = self.load(set())
        corpus = self._texts()
        if self.store is not None and corpus:
            self.store.learnt_people(corpus_key(sources), corpus)
        self.close_store()
        return sources, self.passage_index()

    def passage_index(self) -> PassageIndex | None:
        """The sources' passage index, kept in the cache folder the store uses."""
        if not self.sources:
            return None
        if self.config.cache_dir is None:
            return PassageIndex.build(self.sources, None)
        self._open_store()  # resolves the cache folder once (and its warnings)
        self.close_store()
        return PassageIndex.build(self.sources, self.cache_folder, required=self.config.cache_required)

    def _texts(self) -> list[str]:
        return [p.text for doc in self.sources for p in doc.passages]

    def _open_store(self) -> CorpusStore | None:
        """The corpus store in the cache folder (None with --no-cache, or where none can be kept)."""
        if not self._store_tried and self.config.cache_dir is not None:
            self._store_tried = True
            self.cache_folder = usable_cache_dir(self.config.cache_dir, required=self.config.cache_required)
            self.store = CorpusStore.open(self.cache_folder) if self.cache_folder is not None else None
        return self.store

    def close_store(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
