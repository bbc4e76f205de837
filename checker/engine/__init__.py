"""The checking pipeline: inputs -> corpus -> facts -> pairs -> rules -> findings -> verdicts -> Report.

Pure and deterministic: the same inputs and settings give a byte-identical report, whatever
order files were listed in. The CLI only wires arguments to :func:`check`. Each stage is a
module of its own:

- :mod:`.inputs`: the files named (folders walked) in one order; claim files and documents read
- :mod:`.corpus`: the sources (through the corpus store), their learnt people, the passage index
- :mod:`.facts`: every passage's facts, extracted on first use, and its side
- :mod:`.claims`: the inputs to check (claims with their structured fields, document sentences)
- :mod:`.pairs`: which sentences are compared with which
- :mod:`.rule_stage`: the rules applied to one input (and the whole-document rules)
- :mod:`.parallel`: the inputs checked in a pool of processes (``--jobs``), outcomes in input order
- :mod:`.dask_jobs`: the same on a Dask ``distributed`` cluster (``--scheduler``; an extra)
- :mod:`.evidence`: the passages shown beside a claim
- :mod:`.report_builder`: findings made, merged, accepted, numbered; the report
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..extract import Extractor
from ..extract.entities import EntityRegistry
from ..ingest import DOCUMENT_SUFFIXES
from ..match.index import PassageIndex
from ..models import Document, Finding, Report
from ..rules import all_rules
from ..rules.base import DocContext
from ..suppressions import Acceptance
from .claims import ClaimInput, claim_inputs
from .collector import fewer_collections
from .corpus import Corpus
from .facts import LazyFacts, Sides
from .inputs import ClaimFileInput, discover, display_name, load_inputs
from .pairs import Pairer
from .parallel import outcomes
from .report_builder import Outcome, ReportBuilder
from .rule_stage import RuleStage
from .settings import CheckConfig, Progress

__all__ = ["CheckConfig", "Checker", "LazyFacts", "Progress", "check", "discover", "display_name"]


@dataclass
class Prepared:
    """A run ready for its claim phase."""

    claim_files: list[ClaimFileInput]
    documents: list[Document]
    sources: list[Document]
    acceptance: Acceptance
    rules: RuleStage
    doc_findings: dict[tuple[str, int], list[Finding]]

    @property
    def inputs(self) -> list[ClaimInput]:
        return self.rules.pairer.inputs


class Checker:
    def __init__(self, config: CheckConfig, progress: Progress | None = None):
        self.config = config
        self.progress = progress or (lambda stage, done, total: None)
        self.shown = {
            r.code
            for r in all_rules()
            if (config.select is None or r.code in config.select) and r.code not in config.ignore
        }
        self.extractor = Extractor(EntityRegistry(config.aliases), weekday_policy=config.weekday_policy)
        self.notes: list[str] = []
        self.corpus = Corpus(config, self.notes, self.progress)

    # what `claimcheck index` prints
    cache_folder = property(lambda self: self.corpus.cache_folder)
    parsed = property(lambda self: self.corpus.parsed)
    reused = property(lambda self: self.corpus.reused)

    def ingest(self) -> tuple[list[Document], PassageIndex | None]:
        """Read the sources into the corpus store and build their passage index (``claimcheck index``)."""
        with fewer_collections():
            return self.corpus.ingest()

    def check(self, paths: Sequence[Path]) -> Report:
        with fewer_collections():
            return self._check(paths)

    def _check(self, paths: Sequence[Path]) -> Report:
        run = self.prepare(paths)
        builder = ReportBuilder(self.config, self.shown, run.acceptance, self.notes)
        for k, (item, outcome) in enumerate(zip(run.inputs, self._outcomes(run, paths))):
            sentence = item.sentence()
            found_in_document = run.doc_findings.get((sentence[0].path, sentence[1]), []) if sentence else []
            builder.add(item, outcome, found_in_document)
            self.progress("checking claims", k + 1, len(run.inputs))
        self.corpus.save_facts(run.rules.pairer.facts.stored)
        return builder.report(
            [cf.path for cf in run.claim_files] + [d.path for d in run.documents],
            [d.path for d in run.sources],
            self.corpus.duplicates,
        )

    def _outcomes(self, run: Prepared, paths: Sequence[Path]) -> Iterator[Outcome]:
        """Each input's outcome in input order: here, in forked workers, or on a Dask cluster."""
        if self.config.scheduler:
            from .dask_jobs import outcomes as on_cluster  # the dask extra, imported only when asked

            return on_cluster(paths, self.config, len(run.inputs), run.rules.pairer.facts.stored)
        return outcomes(run.rules, self.config.jobs)

    def prepare(self, paths: Sequence[Path]) -> Prepared:
        """Everything before the claim phase: inputs read, the corpus, facts of the documents
        under check, the whole-document rules, the inputs to check and the pairing indexes."""
        acceptance = Acceptance({r.code for r in all_rules()}, self.config.baseline)
        claim_files, documents = load_inputs(paths, self.config, acceptance.known_codes, self.notes, self.progress)
        sources = self.corpus.load({d.path for d in documents}, discover(paths, DOCUMENT_SUFFIXES))
        self._learn_people(documents, sources, claim_files)
        all_docs = documents + sources
        facts = LazyFacts(self.extractor, documents, sources, self.corpus.stored_facts(self.extractor.registry))
        self._read_facts(documents, facts)
        docs = {d.path: d for d in all_docs}
        for doc in all_docs:
            acceptance.register(doc)
        if sources:
            self.progress("indexing sources", 0, 0)  # no count: shown as a running pulse
        index = self.corpus.passage_index()

        sides = Sides(facts)
        contexts: dict[str, DocContext] = {}  # filled by the whole-document rules, read by pairing
        pairer = Pairer(self.config, docs, facts, sides, contexts, index)
        rules = RuleStage(self.config, pairer, docs)
        doc_findings = rules.document_findings(documents, facts, contexts, self.extractor.registry)
        pairer.index_claims(claim_inputs(claim_files, documents, self.extractor, facts, sides, doc_findings))
        return Prepared(claim_files, documents, sources, acceptance, rules, doc_findings)

    def _learn_people(
        self, documents: list[Document], sources: list[Document], claim_files: list[ClaimFileInput]
    ) -> None:
        """Teach the registry every text; the sources' share comes from the store when it has it."""
        registry = self.extractor.registry
        self.progress("learning names", 0, len(documents) + len(sources))
        for doc in documents:
            for p in doc.passages:
                registry.learn(p.text)
        for cf in claim_files:
            for c in cf.claims.claims:
                registry.learn(c.text)
                if c.actors:
                    registry.declare(c.actors)
        self.corpus.teach_people(registry)

    def _read_facts(self, documents: list[Document], facts: LazyFacts) -> None:
        """The documents under check are read whole (sources only where the index points)."""
        total = sum(len(d.passages) for d in documents)
        done = 0
        for doc in documents:
            for p in doc.passages:
                facts[(doc.path, p.index)]  # extracted now, so progress can be shown
                done += 1
                if done % 20 == 0:
                    self.progress("reading facts", done, total)


def check(paths: Sequence[Path], config: CheckConfig | None = None, progress: Progress | None = None) -> Report:
    return Checker(config or CheckConfig(), progress).check(paths)
