"""The facts of every passage, extracted on first use, and the side each passage is compared as."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from ..extract import Extractor
from ..extract.entities import NameReads
from ..extract.statements import names_in, resolve_subject
from ..ingest.markup import extraction_text
from ..locate import locate
from ..match.context import WINDOW, window
from ..models import Document, Facts, Statement
from ..rules.base import Side
from .stored_facts import StoredFacts


def passage_side(doc: Document, i: int, facts: Facts) -> Side:
    p = doc.passages[i]
    section = p.section[-1] if p.section else None
    return Side(
        label=p.id,
        text=p.text,
        start=p.start,
        end=p.end,
        facts=facts,
        locate=partial(locate, doc, section=section),
        is_heading=p.is_heading,
        section=section,
        path=doc.path,
    )


def _has_subject(facts: Facts) -> bool:
    st = facts.statement
    return st is not None and st.subject is not None


class LazyFacts:
    """Facts per (path, passage index), extracted on first use and kept.

    A claim file against an archive touches only the passages the index returns, so a million
    source passages are not all extracted up front (the dominant cost at scale). A passage's
    facts never depend on which passages were asked for before it, so any process, checking
    any share of the claims, reads the same facts: a document under check is read in order
    (each subject resolved against the sentences before it as they were resolved), a source
    passage against the few before it, resolved among themselves from their extracted facts.
    A source passage's extraction comes from ``stored`` (the corpus store) when it holds one
    this run's registry still agrees with, and a new one is handed to it to write back.
    """

    def __init__(
        self,
        extractor: Extractor,
        documents: Sequence[Document],
        sources: Sequence[Document] = (),
        stored: StoredFacts | None = None,
    ):
        self.extractor = extractor
        self.stored = stored
        self.docs = {d.path: d for d in [*documents, *sources]}
        self.whole = {d.path: 0 for d in documents}  # document read in order -> passages read so far
        self.masked: dict[str, str] = {}
        self.extracted: dict[tuple[str, int], Facts] = {}  # as extracted, never changed
        self.cache: dict[tuple[str, int], Facts] = {}  # with the subject resolved
        self.first_named: dict[str, int] = {}  # path -> index of its first passage with a subject

    def __getitem__(self, key: tuple[str, int]) -> Facts:
        hit = self.cache.get(key)
        if hit is None:
            path, index = key
            doc = self.docs[path]
            if path in self.whole:
                for j in range(self.whole[path], index):  # the sentences before it first, in order
                    self.cache[(path, j)] = self._resolved(doc, j)
                self.whole[path] = max(self.whole[path], index + 1)
            hit = self.cache[key] = self._resolved(doc, index)
        return hit

    def _resolved(self, doc: Document, index: int) -> Facts:
        """The passage's facts, a pronoun or bare "the museum" subject pointed at what it means."""
        facts = self._with_clause_context(doc, index, self._extract(doc, index))
        extracted = facts.statement
        if extracted is None or extracted.subject is None or extracted.subject.names:
            return facts
        st = extracted.model_copy()  # the extracted facts stay as they are: other passages read them
        resolve_subject(st, self._earlier_statements(doc, index))
        subj = st.subject
        if subj is None:
            return facts
        if not subj.names and subj.resolved_from is None and self._nothing_named_before(doc, index, subj.start):
            st.subject = subj = subj.model_copy(update={"topic": True})
        if not subj.names and subj.resolved_from is None and not subj.pronoun and subj.head:
            names = self._context_names(doc, index, subj.start)
            if names:
                st.subject = subj.model_copy(update={"context_names": names})
        if st.subject is extracted.subject:
            return facts
        return facts.model_copy(update={"statement": st})

    def _with_clause_context(self, doc: Document, index: int, facts: Facts) -> Facts:
        """The facts with each bare subject of a clause of their own ("..., while international
        routes grew 11 percent") given the names around it, as the main clause's is."""
        if not facts.clauses:
            return facts
        clauses = []
        for st in facts.clauses:
            subj = st.subject
            if subj is not None and not subj.names and subj.resolved_from is None and not subj.pronoun and subj.head:
                names = self._context_names(doc, index, subj.start)
                if names:
                    st = st.model_copy(update={"subject": subj.model_copy(update={"context_names": names})})
            clauses.append(st)
        if all(a is b for a, b in zip(clauses, facts.clauses)):
            return facts
        return facts.model_copy(update={"clauses": clauses})

    def _context_names(self, doc: Document, index: int, at: int) -> list[str]:
        """The names of the headings above passage ``index``, of the passages of its window and
        of its own words before offset ``at``: whose "the wheat harvest" it may be."""
        p = doc.passages[index]
        texts = [*p.section, *(doc.passages[j].text for j in window(doc, index, WINDOW))]
        texts.append(self.masked[doc.path][p.start : at] if doc.path in self.masked else p.text[: at - p.start])
        return list(dict.fromkeys(n for t in texts for n in names_in(t)))

    def _nothing_named_before(self, doc: Document, index: int, at: int) -> bool:
        """Whether passage ``index`` is the first of its source with a subject, and no person
        or organisation comes before offset ``at`` in it: then an unresolved "it" or "the film"
        can only mean the source's topic (a later one may be another article's, or anything)."""
        if doc.path not in self.first_named:
            self.first_named[doc.path] = next(
                (j for j in range(len(doc.passages)) if _has_subject(self._extract(doc, j))),
                len(doc.passages),
            )
        if self.first_named[doc.path] != index:
            return False
        facts = self._extract(doc, index)
        return not any(m.kind in ("person", "org") and m.start < at for m in facts.entities)

    def _extract(self, doc: Document, index: int) -> Facts:
        """The facts of one passage as extracted, kept (headings get no statement: their title
        case hides their verbs; event frames read headings)."""
        key = (doc.path, index)
        facts = self.extracted.get(key)
        if facts is None:
            stored = self.stored if doc.path not in self.whole else None  # sources only
            facts = stored.get(key) if stored is not None else None
            if facts is None:
                if doc.path not in self.masked:
                    # link targets, inline code and comments blanked out, offsets unchanged
                    self.masked[doc.path] = extraction_text(doc.text, doc.kind)
                p = doc.passages[index]
                reads = NameReads() if stored is not None else None
                facts = self.extractor.extract(
                    self.masked[doc.path][p.start : p.end], offset=p.start, doc_date=doc.date, reads=reads
                )
                if p.is_heading:
                    facts.statement, facts.clauses = None, []
                if stored is not None and reads is not None:
                    stored.add(key, facts, reads)
            self.extracted[key] = facts
        return facts

    def _earlier_statements(self, doc: Document, index: int, back: int = WINDOW) -> list[Statement]:
        """Statements of the few passages before ``index`` in its section, oldest first: as
        resolved, in a document read in order; in a source, each resolved against the ones
        before it in the window (iteratively: a long source never recurses)."""
        out: list[Statement] = []
        for j in window(doc, index, back):
            if doc.path in self.whole:
                st = self.cache[(doc.path, j)].statement
            else:
                st = self._extract(doc, j).statement
                if st is not None and st.subject is not None and not st.subject.names:
                    st = st.model_copy()
                    resolve_subject(st, out)
            if st is not None:
                out.append(st)
        return out

    def __len__(self) -> int:
        return len(self.cache)

    # ------------------------------------------------------------------ prefetch (--jobs)
    def extract(self, keys: Sequence[tuple[str, int]]) -> list[tuple[Facts, tuple[bytes, bytes] | None]]:
        """The extracted facts of these passages, each with its row for the store when it was
        extracted here (in a worker: what ``keep`` takes back)."""
        out = []
        for path, i in keys:
            facts = self._extract(self.docs[path], i)
            out.append((facts, self.stored.fresh.get((path, i)) if self.stored is not None else None))
        return out

    def to_extract(self, keys: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
        """Those of ``keys`` not read yet whose facts must be extracted: a passage the store
        holds (and this run's registry reads alike) is decoded where it is read, which costs
        less than extracting it once and sending its facts between processes."""
        stored = self.stored
        return [k for k in keys if k not in self.extracted and (stored is None or not stored.holds(k))]

    def keep(self, keys: Sequence[tuple[str, int]], found: Sequence[tuple[Facts, tuple[bytes, bytes] | None]]) -> None:
        """Take extracted facts made elsewhere (the same extraction: the same facts)."""
        for key, (facts, row) in zip(keys, found):
            if key not in self.extracted:
                self.extracted[key] = facts
                if row is not None and self.stored is not None:
                    self.stored.fresh.setdefault(key, row)

    def context(self, keys: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
        """The source passages not yet extracted that resolving these (extracted) passages reads:
        the window before each whose subject is unnamed."""
        out: dict[tuple[str, int], None] = {}
        for path, i in keys:
            st = self.extracted[(path, i)].statement
            if path in self.whole or st is None or st.subject is None or st.subject.names:
                continue
            for j in window(self.docs[path], i, WINDOW):
                if (path, j) not in self.extracted:
                    out.setdefault((path, j), None)
        return list(out)


class Sides:
    """The side of each passage, made once (a side keeps what it has worked out, its event date)."""

    def __init__(self, facts: LazyFacts):
        self.facts = facts
        self._made: dict[tuple[str, int], Side] = {}

    def __call__(self, doc: Document, i: int) -> Side:
        key = (doc.path, i)
        side = self._made.get(key)
        if side is None:
            side = self._made[key] = passage_side(doc, i, self.facts[key])
        return side
