"""The checking pipeline: inputs -> sides -> pairs -> rules -> findings -> verdicts -> Report.

Pure and deterministic: the same inputs and settings give a byte-identical report, whatever
order files were listed in. The CLI only wires arguments to :func:`check`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import InputError
from .extract import Extractor, checkable
from .extract.dates import find_dates
from .extract.entities import EntityRegistry
from .extract.gazetteer import gazetteer
from .extract.learnt_people import teach
from .extract.quantities import find_quantities
from .extract.statements import resolve_subject
from .fingerprint import Fingerprints, fingerprint
from .ingest import DOCUMENT_SUFFIXES, load_document
from .ingest.claims_file import CLAIM_FILE_SUFFIXES, load_claim_file
from .ingest.markup import extraction_text, without_comments
from .locate import locate
from .match.align import align
from .match.index import PassageIndex, corpus_key, usable_cache_dir
from .match.misstatement import another_statement
from .match.statements import DEFAULT_OPTIONS as ALIGN_DEFAULTS
from .match.statements import AlignOptions, align_any, align_statements, anchor_keys
from .models import (
    AcceptedBy,
    AcceptedFinding,
    Claim,
    ClaimResult,
    Document,
    EntityMention,
    Evidence,
    Facts,
    Finding,
    Loc,
    Report,
    Severity,
    Summary,
    ToolInfo,
)
from .pairing import PairIndex, event_keys, event_query_keys, normalised
from .rules import all_rules
from .rules.base import ClaimRule, DocContext, DocHit, DocumentRule, Hit, Pair, Rule, Side
from .rules.identity import same_event, unique_cited_event
from .selection import ignored_here
from .store import CorpusStore
from .suppressions import Acceptance
from .verdict import decide, says_all, whole_claim_content

Progress = Callable[[str, int, int], None]
log = logging.getLogger("claimcheck")


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


@dataclass
class _ClaimInput:
    """A thing to check: a claim from a file, or a sentence of a document."""

    side: Side
    claim: Claim | None  # None for a document sentence
    doc: Document | None  # the document a sentence belongs to
    passage_index: int | None = None


# --------------------------------------------------------------------------- inputs


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


def _content_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None


def _by_display(paths: Iterable[Path], root: Path) -> list[tuple[str, Path]]:
    """(displayed path, path) sorted by the displayed path, each shown path once."""
    shown = {}
    for path in paths:
        shown.setdefault(_display(path, root), path)
    return sorted(shown.items())


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------- sides


def _passage_side(doc: Document, i: int, facts: Facts) -> Side:
    p = doc.passages[i]
    section = p.section[-1] if p.section else None
    return Side(
        label=p.id,
        text=p.text,
        start=p.start,
        end=p.end,
        facts=facts,
        locate=lambda s, e, doc=doc, section=section: locate(doc, s, e, section),
        is_heading=p.is_heading,
        section=section,
        path=doc.path,
    )


def _claim_side(claim: Claim, loc: Loc, file_text: str, facts: Facts, path: str) -> Side:
    exact = file_text[loc.start : loc.end] == claim.text
    base = loc.start if exact else 0
    pseudo = Document(path=path, text=file_text)

    def where(s: int, e: int) -> Loc:
        if exact:
            return locate(pseudo, base + s, base + e)
        return loc

    return Side(label=claim.id, text=claim.text, start=0, end=len(claim.text), facts=facts, locate=where, path=path)


def _apply_structured(claim: Claim, facts: Facts, extractor: Extractor, doc_date: dt.date | None) -> Facts:
    """Structured fields of a claim override what was extracted from its text."""
    whole = (0, len(claim.text))
    if claim.date is not None:
        raw = claim.date.isoformat() if isinstance(claim.date, dt.date) else str(claim.date)
        if ".." in raw:
            lo, hi = (find_dates(x) for x in raw.split("..", 1))
            if lo and hi:
                d = lo[0].model_copy(update={"latest": hi[-1].latest, "is_range": True})
                facts.dates = [d.model_copy(update={"start": whole[0], "end": whole[1], "text": claim.text})]
        else:
            found = find_dates(raw, doc_date)
            if found:
                facts.dates = [found[0].model_copy(update=_span_in(claim.text, found[0].text, whole))]
    if claim.quantity is not None:
        found = find_quantities(str(claim.quantity))
        if found:
            facts.quantities = [found[0].model_copy(update=_span_in(claim.text, found[0].text, whole))]
    people = [e for e in facts.entities if e.kind == "person"]
    places = [e for e in facts.entities if e.kind == "place"]
    if claim.actors:
        people = []
        for name in claim.actors:
            canonical, _ = extractor.registry.resolve(name)
            canonical = canonical or name
            people.append(
                EntityMention(text=name, canonical=canonical, kind="person", **_span_in(claim.text, name, whole))
            )
    if claim.place:
        place = gazetteer().get(claim.place)
        places = [
            EntityMention(
                text=claim.place,
                canonical=place.name if place else claim.place,
                kind="place",
                country=place.country if place else None,
                **_span_in(claim.text, claim.place, whole),
            )
        ]
    facts.entities = sorted(people + places, key=lambda e: e.start)
    if claim.actors or claim.place or claim.action:
        from .extract.events import build_frame

        frame = build_frame(claim.text, facts.entities)
        if frame is not None:
            if claim.action:
                frame.action = claim.action
            if claim.place:
                frame.place = places[0].canonical
            facts.events = [frame]
    return facts


def _span_in(text: str, needle: str, whole: tuple[int, int]) -> dict:
    i = text.find(needle)
    if i >= 0:
        return {"start": i, "end": i + len(needle)}
    return {"start": whole[0], "end": whole[1]}


# --------------------------------------------------------------------------- the check


def _has_subject(facts: Facts) -> bool:
    st = facts.statement
    return st is not None and st.subject is not None


class LazyFacts:
    """Facts per (path, passage index), extracted on first use and kept.

    A claim file against an archive touches only the passages the index returns, so a million
    source passages are not all extracted up front (the dominant cost at scale).
    """

    def __init__(self, extractor: Extractor, documents: Sequence[Document]):
        self.extractor = extractor
        self.docs = {d.path: d for d in documents}
        self.masked: dict[str, str] = {}
        self.cache: dict[tuple[str, int], Facts] = {}
        self.first_named: dict[str, int] = {}  # path -> index of its first passage with a subject

    def __getitem__(self, key: tuple[str, int]) -> Facts:
        hit = self.cache.get(key)
        if hit is None:
            doc = self.docs[key[0]]
            if doc.path not in self.masked:
                # link targets, inline code and comments blanked out, offsets unchanged
                self.masked[doc.path] = extraction_text(doc.text, doc.kind)
            hit = self._extract(doc, key[1])
            st = hit.statement
            if st is not None and st.subject is not None and not st.subject.names:
                resolve_subject(st, self._earlier_statements(doc, key[1]))
                subj = st.subject
                if (
                    not subj.names
                    and subj.resolved_from is None
                    and self._nothing_named_before(doc, key[1], subj.start)
                ):
                    st.subject = subj.model_copy(update={"topic": True})
        return hit

    def _nothing_named_before(self, doc: Document, index: int, at: int) -> bool:
        """Whether passage ``index`` is the first of its source with a subject, and no person
        or organisation comes before offset ``at`` in it: then an unresolved "it" or "the film"
        can only mean the source's topic (a later one may be another article's, or anything)."""
        if doc.path not in self.first_named:
            self.first_named[doc.path] = next(
                (
                    j
                    for j in range(len(doc.passages))
                    if _has_subject(self.cache.get((doc.path, j)) or self._extract(doc, j))
                ),
                len(doc.passages),
            )
        if self.first_named[doc.path] != index:
            return False
        facts = self.cache[(doc.path, index)]
        return not any(m.kind in ("person", "org") and m.start < at for m in facts.entities)

    def _extract(self, doc: Document, index: int) -> Facts:
        """Extract and keep the facts of one passage (headings get no statement: their title
        case hides their verbs; event frames read headings)."""
        p = doc.passages[index]
        facts = self.cache[(doc.path, index)] = self.extractor.extract(
            self.masked[doc.path][p.start : p.end], offset=p.start, doc_date=doc.date
        )
        if p.is_heading:
            facts.statement, facts.clauses = None, []
        return facts

    def _earlier_statements(self, doc: Document, index: int, back: int = 6):
        """Statements of the few passages before ``index`` in its section, oldest first, each
        resolved against the ones before it (iteratively: a long source never recurses)."""
        me = doc.passages[index]
        window = []
        for j in range(index - 1, max(-1, index - 1 - back), -1):
            other = doc.passages[j]
            if other.is_heading or other.section != me.section:
                break
            window.append(j)
        out = []
        for j in reversed(window):
            other = doc.passages[j]
            f = self.cache.get((doc.path, j)) or self._extract(doc, j)
            if f.statement is not None:
                if f.statement.subject is not None and not f.statement.subject.names:
                    resolve_subject(f.statement, out)
                out.append(f.statement)
        return out

    def __len__(self) -> int:
        return len(self.cache)


class Checker:
    def __init__(self, config: CheckConfig, progress: Progress | None = None):
        self.config = config
        self.progress = progress or (lambda stage, done, total: None)
        # every rule runs; --select/--ignore hide findings afterwards, so that a claim whose
        # conflict is hidden is reported unverified, never supported
        chosen = list(all_rules())
        self.shown = {
            r.code for r in chosen if (config.select is None or r.code in config.select) and r.code not in config.ignore
        }
        self.rules: list[Rule] = [r for r in chosen if not isinstance(r, (DocumentRule, ClaimRule))]
        self.claim_rules: list[ClaimRule] = [r for r in chosen if isinstance(r, ClaimRule)]
        self.document_rules: list[DocumentRule] = [r for r in chosen if isinstance(r, DocumentRule)]
        self.extractor = Extractor(EntityRegistry(config.aliases), weekday_policy=config.weekday_policy)
        self.notes: list[str] = []
        self._contexts: dict[str, DocContext] = {}  # document path -> its context (citations parsed once)
        self._doc_indexes: dict[str, tuple[PairIndex, PairIndex]] = {}  # path -> (events, statements)
        self._claim_index = PairIndex()
        self._sides: dict[tuple[str, int], Side] = {}
        # inline <!-- claimcheck: ignore[...] --> comments and the baseline
        self.accepted = Acceptance({r.code for r in all_rules()}, config.baseline)
        self.fingerprints = Fingerprints()
        self._fingerprinted: set[int] = set()
        self.duplicates: dict[str, list[str]] = {}  # source path -> paths of its identical copies
        self.store: CorpusStore | None = None  # parsed sources kept between runs (checker.store)
        self.cache_folder: Path | None = None  # the cache folder in use (None: in memory only)
        self._store_tried = False
        self.parsed = self.reused = 0  # source files parsed / decoded from the store in this run

    # ---------------------------------------------------------------- loading
    def _load_inputs(self, paths: Sequence[Path]):
        claim_files, documents = [], []
        root = self.config.root
        # one canonical order, by displayed path, whatever order the files were listed in
        found = _by_display(discover(paths, CLAIM_FILE_SUFFIXES + DOCUMENT_SUFFIXES, self.notes), root)
        for n, (shown, path) in enumerate(found):
            self.progress("reading inputs", n, len(found))
            shown = self.config.display_names.get(path) or shown
            if path.suffix.lower() in CLAIM_FILE_SUFFIXES:
                cf, locs = load_claim_file(path, known_codes=self.accepted.known_codes)
                text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
                claim_files.append((shown, cf, locs, text))
            elif path.suffix.lower() in DOCUMENT_SUFFIXES:
                documents.append(load_document(path, shown))
            else:
                raise InputError(
                    shown,
                    f"unsupported file type '{path.suffix}' (expected a claim file "
                    f"{', '.join(CLAIM_FILE_SUFFIXES)} or a document {', '.join(DOCUMENT_SUFFIXES)})",
                )
        return claim_files, documents

    def _load_sources(self, exclude: set[str], inputs: Sequence[Path] = ()) -> list[Document]:
        """The source documents, each content read once: a copy of a source (or of a document
        under check) is left out, so one contradiction is not reported once per copy."""
        docs = []
        first: dict[str, str] = {}  # content hash -> the path that holds it
        for path in inputs:
            if path.suffix.lower() in DOCUMENT_SUFFIXES:
                first.setdefault(_content_hash(path), _display(path, self.config.root))
        # one canonical order, by displayed path, whatever order the folders were listed in
        found = _by_display(discover(self.config.sources, DOCUMENT_SUFFIXES, self.notes), self.config.root)
        store = self._open_store() if found else None
        for n, (shown, path) in enumerate(found):
            self.progress("reading sources", n, len(found))
            if shown in exclude:
                continue
            digest = _content_hash(path)
            if digest in first:
                self.duplicates.setdefault(first[digest], []).append(shown)
                continue
            first[digest] = shown
            if store is None:
                docs.append(load_document(path, shown))
            else:
                docs.append(store.document(digest, shown, lambda path=path, shown=shown: load_document(path, shown)))
        if store is not None:
            root, here = self.config.root, {shown for shown, _ in found}
            store.save(
                gone=lambda shown: shown not in here and not (root / shown).is_file() and not Path(shown).is_file()
            )
        self.parsed, self.reused = (store.parsed, store.reused) if store is not None else (len(docs), 0)
        for kept, copies in sorted(self.duplicates.items()):
            self.notes.append(
                f"{kept}: read once for {len(copies)} source(s) with the same content ({', '.join(sorted(copies))})"
            )
        return docs

    def _open_store(self) -> CorpusStore | None:
        """The corpus store in the cache folder (None with --no-cache, or where none can be kept)."""
        if not self._store_tried and self.config.cache_dir is not None:
            self._store_tried = True
            self.cache_folder = usable_cache_dir(self.config.cache_dir, required=self.config.cache_required)
            self.store = CorpusStore.open(self.cache_folder) if self.cache_folder is not None else None
        return self.store

    def _learn_people(self, documents: list[Document], sources: list[Document], claim_files) -> None:
        """Teach the registry every text; the sources' share comes from the store when it has it."""
        registry = self.extractor.registry
        self.progress("learning names", 0, len(documents) + len(sources))
        for doc in documents:
            for p in doc.passages:
                registry.learn(p.text)
        for _, cf, _, _ in claim_files:
            for c in cf.claims:
                registry.learn(c.text)
                if c.actors:
                    registry.declare(c.actors)
        corpus = [p.text for doc in sources for p in doc.passages]
        if self.store is not None and corpus:
            teach(registry, self.store.learnt_people(corpus_key(sources), corpus), corpus)
        else:
            for text in corpus:
                registry.learn(text)
        self._close_store()

    def _close_store(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def ingest(self) -> tuple[list[Document], PassageIndex | None]:
        """Read the sources into the corpus store and build their passage index (``claimcheck index``)."""
        sources = self._load_sources(set())
        corpus = [p.text for doc in sources for p in doc.passages]
        if self.store is not None and corpus:
            self.store.learnt_people(corpus_key(sources), corpus)
        self._close_store()
        return sources, self._passage_index(sources)

    def _passage_index(self, sources: list[Document]) -> PassageIndex | None:
        """The sources' passage index, kept in the cache folder the store uses."""
        if not sources:
            return None
        if self.config.cache_dir is None:
            return PassageIndex.build(sources, None)
        self._open_store()  # resolves the cache folder once (and its warnings)
        self._close_store()
        return PassageIndex.build(sources, self.cache_folder, required=self.config.cache_required)

    # ---------------------------------------------------------------- main
    def check(self, paths: Sequence[Path]) -> Report:
        claim_files, documents = self._load_inputs(paths)
        sources = self._load_sources({d.path for d in documents}, discover(paths, DOCUMENT_SUFFIXES))
        self._learn_people(documents, sources, claim_files)

        all_docs = documents + sources
        facts = LazyFacts(self.extractor, all_docs)
        # the documents under check are read whole; sources only where the index points
        total = sum(len(d.passages) for d in documents)
        done = 0
        for doc in documents:
            for p in doc.passages:
                facts[(doc.path, p.index)]  # extracted now, so progress can be shown
                done += 1
                if done % 20 == 0:
                    self.progress("reading facts", done, total)
        self.docs = {d.path: d for d in all_docs}
        for doc in all_docs:
            self.accepted.register(doc)
        self.facts = facts
        if sources:
            self.progress("indexing sources", 0, 0)  # no count: shown as a running pulse
        index = self._passage_index(sources)

        doc_findings = self._document_findings(documents)
        inputs: list[_ClaimInput] = []
        for path, cf, locs, text in claim_files:
            for claim in cf.claims:
                doc_date = claim.document_date or cf.document_date
                f = self.extractor.extract(claim.text, doc_date=doc_date)
                f = _apply_structured(claim, f, self.extractor, doc_date)
                inputs.append(_ClaimInput(_claim_side(claim, locs[claim.id], text, f, path), claim, None))
        for doc in documents:
            for p in doc.passages:
                f = facts[(doc.path, p.index)]
                if checkable(f) or (doc.path, p.index) in doc_findings:
                    inputs.append(_ClaimInput(self._side(doc, p.index), None, doc, p.index))

        results: list[tuple[_ClaimInput, list[Finding], list[AcceptedFinding], list[Evidence], list[Pair], bool]] = []
        n_findings = 0
        self._claim_index = self._index_claims(inputs)
        # a conflict repeated between sentences saying the same things is one finding
        repeated: dict[tuple, Finding] = {}
        for k, item in enumerate(inputs):
            pairs = list(self._pairs(item, k, inputs, index))
            findings = list(doc_findings.get((item.doc.path, item.passage_index), [])) if item.doc else []
            carried: set[int] = set()  # repeated findings this claim already carries
            for pair in pairs:
                for rule in self.rules:
                    if not rule.applies(pair):
                        continue
                    for hit in rule.check(pair):
                        key = _repeat_key(rule, hit, pair)
                        again = repeated.get(key) if key is not None else None
                        if again is not None:
                            if id(again) not in carried:
                                carried.add(id(again))
                                again.occurrences.append(_claim_id(item))
                                findings.append(again)
                            again.count += pair.repeats
                            continue
                        n_findings += 1
                        finding = self._finding(rule, hit, pair, f"F{n_findings}")
                        finding.count = pair.repeats
                        if key is not None:
                            repeated[key] = finding
                            carried.add(id(finding))
                        findings.append(finding)
            if item.claim is not None and self.claim_rules:
                candidates = [p.evidence for p in pairs if p.relation == "claim-source"]
                cited = self._cited(item.claim.source) if item.claim.source else None
                cited_sides = [c for c in candidates if cited is not None and c.path == cited.path] or None
                # a figure a same-event rule already set against the same source words is not
                # reported again by a claim-wide rule
                seen = {(f.category, f.claim.start, f.evidence.path, f.evidence.start) for f in findings}
                for rule in self.claim_rules:
                    for hit, ev_side in rule.check_claim(item.side, candidates, cited_sides):
                        doc = self.docs.get(ev_side.path)
                        if doc is not None and another_statement(
                            item.side, ev_side, hit, rule.category, doc, self.config.align
                        ):
                            continue  # the matching sentence is about something else: no comparison
                        finding = self._finding(
                            rule, hit, Pair(item.side, ev_side, "claim-source"), f"F{n_findings + 1}"
                        )
                        key = (finding.category, finding.claim.start, finding.evidence.path, finding.evidence.start)
                        if key in seen:
                            continue
                        seen.add(key)
                        n_findings += 1
                        findings.append(finding)
            kept, accepted = self._suppress(item, findings)
            hidden = sum(f.severity == Severity.error for f in findings) > sum(
                f.severity == Severity.error for f in kept + accepted
            )
            evidence = self._evidence(item, pairs, index)
            results.append((item, kept, accepted, evidence, pairs, hidden))
            self.progress("checking claims", k + 1, len(inputs))
        self.notes += self.accepted.notes()
        return self._report(results, claim_files, documents, sources)

    def _document_findings(self, documents: list[Document]) -> dict[tuple[str, int], list[Finding]]:
        """Run the whole-document rules; findings keyed by the passage holding the claim side."""
        out: dict[tuple[str, int], list[Finding]] = {}
        for doc in documents:
            ctx = DocContext(doc, [self.facts[(doc.path, p.index)] for p in doc.passages], self.extractor.registry)
            self._contexts[doc.path] = ctx
            for rule in self.document_rules:
                for hit in rule.check_document(ctx):
                    index = ctx.passage_at(hit.claim_span[0])
                    if index is None:
                        continue
                    finding = self._doc_finding(rule, hit, doc, ctx, index)
                    out.setdefault((doc.path, index), []).append(finding)
        return out

    def _doc_finding(self, rule: DocumentRule, hit: DocHit, doc: Document, ctx: DocContext, index: int) -> Finding:
        ev_index = ctx.passage_at(hit.evidence_span[0])

        def section(i):
            if i is None:
                return None
            sec = doc.passages[i].section
            return sec[-1] if sec else None

        claim_loc = locate(doc, *hit.claim_span, section(index))
        ev_loc = locate(doc, *hit.evidence_span, section(ev_index))
        ev_context = doc.passages[ev_index].text if ev_index is not None else ev_loc.text
        fp = fingerprint(rule.code, doc.passages[index].text, ev_context, hit.claim_value, hit.evidence_value)
        return Finding(
            id=f"D{fp}",
            rule=rule.code,
            name=rule.name,
            category=rule.category,
            severity=hit.severity or rule.severity,
            message=hit.message,
            claim=claim_loc,
            evidence=ev_loc,
            claim_value=hit.claim_value,
            evidence_value=hit.evidence_value,
            confidence=round(hit.confidence, 2),
            claim_id=doc.passages[index].id,
            fingerprint=fp,
        )

    # ---------------------------------------------------------------- pairing
    def _index_claims(self, inputs: list[_ClaimInput]) -> PairIndex:
        """The claims of the claim files, by the events they tell (see ``checker.pairing``)."""
        out = PairIndex()
        for k, item in enumerate(inputs):
            if item.claim is not None:
                out.add(k, event_keys(item.side.event, item.side.event_date()), _claim_signature(item))
        return out

    def _pairs(
        self, item: _ClaimInput, position: int, inputs: list[_ClaimInput], index: PassageIndex | None
    ) -> Iterable[Pair]:
        side = item.side
        if item.doc is not None:
            yield from self._document_pairs(item)
        if item.claim is not None:
            # each claim against every other claim of the same event, whatever their order
            keys = event_query_keys(side.event, side.event_date())
            for pos, count in self._claim_index.others(position, _claim_signature(item), keys):
                other = inputs[pos]
                reason = same_event(side, other.side, "claim-claim")
                if reason:
                    yield Pair(side, other.side, "claim-claim", reason, repeats=count)
        cited = item.claim.source if item.claim is not None else None
        cited_doc = self._cited(cited) if cited else None
        # a claim with no typed fact is still read against the source it cites (a quarter
        # named without a year, "in Q1", is no date fact, yet a claim rule can check it)
        statement = side.facts.statement
        if index is None or not (
            side.event
            or side.facts.dates
            or side.facts.quantities
            or side.facts.quotes
            or cited_doc is not None
            or (statement is not None and statement.slots)
        ):
            return
        if item.doc is not None:
            cited_doc = self._cited_by_passage(item.doc, item.passage_index)
        candidates = []
        seen = set()
        for path, i, _ in index.search(side.text, self.config.candidates):
            if item.doc is not None and path == item.doc.path:
                continue
            seen.add((path, i))
            candidates.append(self._side(self.docs[path], i))
        if cited_doc is not None:
            # the cited source comes first, all of it, whatever the index ranked
            cited_sides = [self._side(cited_doc, p.index) for p in cited_doc.passages]
            candidates = cited_sides + [c for c in candidates if c.path != cited_doc.path]
            unique = unique_cited_event(side, [c for c in candidates if c.path == cited_doc.path])
        else:
            unique = None
        # a passage that says every word of the claim makes one statement with it even where
        # the reader parsed the two subjects differently
        claim_words = whole_claim_content(side)
        for cand in candidates:
            reason = "cited" if unique is cand else same_event(side, cand, "claim-source")
            alignment = align_any(
                statement,
                cand.facts,
                self.config.align,
                cited=cited_doc is not None and cand.path == cited_doc.path,
                contained=claim_words is not None and says_all(claim_words, cand.text),
            )
            yield Pair(side, cand, "claim-source", reason, alignment)

    def _cited_by_passage(self, doc: Document, index: int) -> Document | None:
        """The supplied source a document passage cites ("[9]" in its paragraph), if known.

        A reference is matched to a source by URL, by the source's file name ("9.md",
        "ref-9.txt") or by title; the citation may close the passage's paragraph.
        """
        if not doc.references or not self.config.sources:
            return None
        paragraph = doc.passages[index].paragraph
        keys = [
            c.key
            for c in self._contexts[doc.path].citations
            if c.passage is not None and doc.passages[c.passage].paragraph == paragraph
        ]
        refs = {r.key: r for r in doc.references}
        for key in keys:
            ref = refs.get(key)
            if ref is None:
                continue
            for path, source in self.docs.items():
                if path == doc.path:
                    continue
                stem = Path(path).stem.lower()
                if (
                    (ref.url and source.url and ref.url.rstrip("/") == source.url.rstrip("/"))
                    or stem in (key, f"ref{key}", f"ref-{key}", f"ref_{key}", f"reference-{key}")
                    or (source.title and len(source.title) > 15 and source.title.lower() in ref.text.lower())
                ):
                    return source
        return None

    def _cited(self, source: str) -> Document | None:
        for path, doc in self.docs.items():
            if path == source or Path(path).name == Path(source).name or path.endswith("/" + source):
                return doc
        self.notes.append(f"cited source '{source}' was not among the sources")
        return None

    def _document_pairs(self, item: _ClaimInput) -> Iterable[Pair]:
        doc, i = item.doc, item.passage_index
        side = item.side
        me = doc.passages[i]
        # heading against the lead of its own body
        if me.is_heading and side.event is not None:
            for body in self._section_body_events(doc, i):
                yield Pair(side, body, "heading-body", "structure")
        yield from self._statement_pairs(item)
        # every earlier passage of the same document about the same event
        if side.event is None:
            return
        events, _ = self._document_index(doc)
        for j, count in events.earlier(i, event_query_keys(side.event, side.event_date())):
            other = doc.passages[j]
            f = self.facts[(doc.path, j)]
            if not f.events or not (set(f.events[0].actors) & set(side.event.actors)):
                continue
            if other.is_heading and other.section == me.section and not me.is_heading:
                continue  # the heading-body pair covers a section's own heading
            other_side = self._side(doc, j)
            reason = same_event(side, other_side, "self")
            if reason:
                yield Pair(side, other_side, "self", reason, repeats=count)

    def _side(self, doc: Document, i: int) -> Side:
        """The side of a passage, made once (a side keeps what it has worked out, its event date)."""
        key = (doc.path, i)
        side = self._sides.get(key)
        if side is None:
            side = self._sides[key] = _passage_side(doc, i, self.facts[key])
        return side

    def _document_index(self, doc: Document) -> tuple[PairIndex, PairIndex]:
        """A document's passages by the events they tell and by the statements they make."""
        hit = self._doc_indexes.get(doc.path)
        if hit is None:
            events, statements = PairIndex(), PairIndex()
            for p in doc.passages:
                f = self.facts[(doc.path, p.index)]
                side = self._side(doc, p.index)
                sig = (normalised(p.text), p.is_heading, side.section)
                if f.events:
                    events.add(p.index, event_keys(side.event, side.event_date()), sig)
                st = f.statement
                if st is not None and not f.events and st.slots and st.subject is not None:
                    keys = anchor_keys(st)
                    statements.add(p.index, keys, sig + (tuple(sorted(map(repr, keys))),))
            hit = self._doc_indexes[doc.path] = (events, statements)
        return hit

    def _statement_pairs(self, item: _ClaimInput) -> Iterable[Pair]:
        """Earlier passages of the document making the same statement (no event frame on either
        side: frames pair themselves), so "opened in 1902" here and "in 1920" there are seen."""
        doc, i = item.doc, item.passage_index
        me = item.side.facts.statement
        if me is None or not me.slots or item.side.event is not None or me.subject is None:
            return
        keys = anchor_keys(me)
        if not keys:
            return
        _, statements = self._document_index(doc)
        for j, count in statements.earlier(i, keys):
            f = self.facts[(doc.path, j)]
            other = f.statement
            if other is None or f.events or not other.slots or other.subject is None or not (keys & anchor_keys(other)):
                continue
            alignment = align_statements(me, other, self.config.align)
            if alignment is not None and any(c.outcome in ("conflict", "warning") for c in alignment.comparisons):
                yield Pair(item.side, self._side(doc, j), "self", None, alignment, repeats=count)

    def _section_body_events(self, doc: Document, heading_index: int) -> list[Side]:
        """Body sentences of the heading's section that tell the heading's event.

        The first sentence sharing an actor with the heading is its lead; later sentences count
        only when they name a traveller and a destination, on no other date than the heading's.
        """
        hf = self.facts[(doc.path, heading_index)]
        head_actors = set(hf.events[0].actors)
        head_date = next((d for d in hf.dates if not (d.open_start or d.open_end)), None)
        out: list[Side] = []
        for p in doc.passages[heading_index + 1 :]:
            if p.is_heading:
                break
            f = self.facts[(doc.path, p.index)]
            if not f.events or not set(f.events[0].actors) & head_actors:
                continue
            side = self._side(doc, p.index)
            if not out:
                out.append(side)
                continue
            ev = f.events[0]
            own = side.event_date()
            if (
                ev.action == "visit"
                and ev.agent
                and ev.place
                and (
                    own is None
                    or head_date is None
                    or not (own.latest < head_date.earliest or head_date.latest < own.earliest)
                )
            ):
                out.append(side)
        return out

    # ---------------------------------------------------------------- results
    def _finding(self, rule: Rule, hit: Hit, pair: Pair, fid: str) -> Finding:
        claim_loc = pair.claim.locate(*hit.claim_span)
        ev_loc = pair.evidence.locate(*hit.evidence_span)
        fp = fingerprint(rule.code, pair.claim.text, pair.evidence.text, hit.claim_value, hit.evidence_value)
        return Finding(
            id=fid,
            rule=rule.code,
            name=rule.name,
            category=rule.category,
            severity=hit.severity or rule.severity,
            message=hit.message,
            claim=claim_loc,
            evidence=ev_loc,
            claim_value=hit.claim_value,
            evidence_value=hit.evidence_value,
            confidence=round(hit.confidence, 2),
            claim_id=pair.claim.label,
            fingerprint=fp,
        )

    def _suppress(self, item: _ClaimInput, findings: list[Finding]) -> tuple[list[Finding], list[AcceptedFinding]]:
        """The findings shown and the accepted ones (claim ``ignore:``, comments, baseline);
        findings of rules not selected (--select/--ignore) are neither."""
        for f in findings:  # two identical-looking findings are two entries of a baseline
            if id(f) not in self._fingerprinted:  # a repeated finding is shared by its claims: once
                self._fingerprinted.add(id(f))
                f.fingerprint = self.fingerprints.unique(f.fingerprint)
        accepted: list[AcceptedFinding] = []
        if item.claim is not None and item.claim.ignore:
            reasons = {s.rule.upper(): s.reason for s in item.claim.ignore}
            where = item.side.locate(item.side.start, item.side.end)
            accepted = [
                AcceptedFinding(**dict(f), accepted_by=AcceptedBy(kind="claim", reason=reasons[f.rule], location=where))
                for f in findings
                if f.rule in reasons and f.rule in self.shown
            ]
            for code in sorted(set(reasons) - {f.rule for f in findings}):
                self.notes.append(
                    f"{item.side.path}: claim '{item.claim.id}': suppression of {code} matched no finding (unused)"
                )
            findings = [f for f in findings if f.rule not in reasons]
        findings = [
            f
            for f in findings
            if f.rule in self.shown  # --select / --ignore, per-file-ignores
            and not ignored_here(f.claim.path, f.rule, self.config.per_file_ignores)
        ]
        kept, by_file = self.accepted.filter(findings)  # document comments first, then the baseline
        return kept, accepted + by_file

    def _evidence(self, item: _ClaimInput, pairs: list[Pair], index) -> list[Evidence]:
        scored = []
        seen = set()
        for pair in pairs:
            ev = pair.evidence
            key = (ev.path, ev.start)
            if key in seen:
                continue
            seen.add(key)
            al = align(item.side.text, ev.text)
            aligned = pair.same_event or pair.alignment is not None
            if not aligned and (al.score < 60 or not (ev.facts.events or ev.facts.dates)):
                continue  # weak or fact-free passages are noise, not evidence
            bonus = 100 if aligned else 0
            scored.append((bonus + al.score, al, pair))
        scored.sort(key=lambda t: (-t[0], t[2].evidence.path, t[2].evidence.start))
        out = []
        for _, al, pair in scored[: self.config.evidence_per_claim]:
            ev = pair.evidence
            loc = ev.locate(ev.start, ev.end)
            out.append(
                Evidence(
                    path=loc.path,
                    line=loc.line,
                    end_line=loc.end_line,
                    column=loc.column,
                    end_column=loc.end_column,
                    text=ev.text,
                    score=al.score,
                    start=ev.start,
                    end=ev.end,
                    page=loc.page,
                    section=ev.section,
                    match_start=ev.start + al.start,
                    match_end=ev.start + al.end,
                )
            )
        return out

    def _report(self, results, claim_files, documents, sources) -> Report:
        claims: list[ClaimResult] = []
        findings: list[Finding] = []
        accepted: list[AcceptedFinding] = []
        per_claim: list[tuple[list[Finding], list[AcceptedFinding]]] = []
        listed: set[int] = set()  # a repeated conflict is one finding shared by its claims
        for item, item_findings, item_accepted, evidence, pairs, hidden in results:
            verdict, confidence = decide(item.side, item_findings, pairs, hidden, item_accepted)
            if item.doc is not None and verdict == "unverified" and not (item_findings or item_accepted or evidence):
                continue  # a document sentence with nothing to compare is not a claim worth listing
            loc = item.side.locate(item.side.start, item.side.end)
            cid = _claim_id(item, loc)
            text = item.side.text
            if item.doc is not None:  # a comment inside a document's sentence is not shown as claim text
                text = without_comments(text)
                loc = loc.model_copy(update={"text": without_comments(loc.text)})
            findings += [f for f in item_findings if id(f) not in listed]
            accepted += [f for f in item_accepted if id(f) not in listed]
            listed.update(id(f) for f in [*item_findings, *item_accepted])
            per_claim.append((item_findings, item_accepted))
            claims.append(
                ClaimResult(
                    id=cid,
                    text=text,
                    location=loc,
                    verdict=verdict,
                    confidence=confidence,
                    evidence=evidence,
                )
            )
        # stable ids in output order, unique across shown and accepted findings
        renumber = {id(f): f"F{i + 1}" for i, f in enumerate(findings + accepted)}
        for c, (shown, item_accepted) in zip(claims, per_claim):
            c.findings = [renumber[id(f)] for f in shown]
            c.accepted = [renumber[id(f)] for f in item_accepted]
        for f in findings + accepted:
            f.id = renumber[id(f)]
        sev = [f.severity for f in findings]
        summary = Summary(
            claims=len(claims),
            supported=sum(c.verdict == "supported" for c in claims),
            contradicted=sum(c.verdict == "contradicted" for c in claims),
            unverified=sum(c.verdict == "unverified" for c in claims),
            findings=len(findings),
            errors=sev.count(Severity.error),
            warnings=sev.count(Severity.warning),
            infos=sev.count(Severity.info),
            accepted=len(accepted),
            accepted_claims=sum(
                c.verdict == "contradicted" and not any(f.severity == Severity.error for f in shown)
                for c, (shown, _) in zip(claims, per_claim)
            ),
            files=[p for p, *_ in claim_files] + [d.path for d in documents],
            sources=[d.path for d in sources],
            duplicate_sources={k: sorted(v) for k, v in sorted(self.duplicates.items())},
        )
        return Report(
            tool=ToolInfo(version=__version__),
            summary=summary,
            claims=claims,
            findings=findings,
            accepted=accepted,
            notes=list(dict.fromkeys(self.notes)),
        )


def _claim_id(item: _ClaimInput, loc: Loc | None = None) -> str:
    """The id a claim has in the report: its own, or a document sentence's file:line:col."""
    if item.claim is not None:
        return item.claim.id
    loc = loc or item.side.locate(item.side.start, item.side.end)
    return f"{Path(loc.path).name}:{loc.line}:{loc.column}"


def _claim_signature(item: _ClaimInput) -> str:
    """What decides a claim's facts: everything but its id (two claims alike are one account)."""
    return item.claim.model_dump_json(exclude={"id"})


def _repeat_key(rule: Rule, hit: Hit, pair: Pair) -> tuple | None:
    """What makes a conflict between two sentences of the checked inputs the same conflict
    again: the rule, both sentences' words and the values set against each other. Conflicts
    with a source are not merged (their number is bounded by the candidates fetched)."""
    if pair.relation not in ("self", "claim-claim"):
        return None
    return (
        rule.code,
        hit.message,
        hit.claim_value,
        hit.evidence_value,
        pair.claim.path,
        pair.evidence.path,
        normalised(pair.claim.text),
        normalised(pair.evidence.text),
        pair.claim.is_heading,
        pair.claim.section,
    )


def check(paths: Sequence[Path], config: CheckConfig | None = None, progress: Progress | None = None) -> Report:
    return Checker(config or CheckConfig(), progress).check(paths)
