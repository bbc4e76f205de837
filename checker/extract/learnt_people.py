"""The people a corpus names, learnt once and stored: the registry's costly first pass, reusable.

``EntityRegistry`` reads every text's name candidates once the whole vocabulary is known
(seconds per 10k passages). What that pass learns from a source corpus alone — its lowercase
vocabulary and how often each candidate name occurs — is saved with the corpus store, and
:func:`teach` gives a registry exactly the state a full pass over corpus + extra texts would.
The extra texts (claims, drafts) can only add vocabulary; a word they add changes candidates
only in corpus texts that contain it, so only those are read again, before and after.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .entities import EntityRegistry


@dataclass(frozen=True)
class LearntPeople:
    """What a registry learns from a corpus alone: vocabulary and candidate-name counts."""

    vocab: frozenset[str]
    counts: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {"vocab": sorted(self.vocab), "counts": dict(sorted(self.counts.items()))}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LearntPeople:
        vocab, counts = data["vocab"], data["counts"]
        if not (
            isinstance(vocab, list) and isinstance(counts, dict) and all(isinstance(v, int) for v in counts.values())
        ):
            raise ValueError("not a learnt-people record")
        return cls(frozenset(vocab), counts)


def learn_corpus(texts: Sequence[str]) -> LearntPeople:
    """The vocabulary and candidate-name counts of ``texts`` read on their own."""
    registry = EntityRegistry()
    for text in texts:
        registry.learn(text)
    return LearntPeople(frozenset(registry.vocab), _candidate_counts(registry, texts))


def teach(registry: EntityRegistry, learnt: LearntPeople, corpus: Sequence[str]) -> None:
    """Finish ``registry`` (already taught the extra texts, and any declared names) as if it had
    also learnt every text of ``corpus``, whose stored record is ``learnt``.

    Afterwards the registry is finalised: same people, aliases and vocabulary as the full pass.
    """
    extra_texts = list(registry._texts)
    new_words = registry.vocab - learnt.vocab
    counts = dict(learnt.counts)
    if new_words:
        # only corpus texts holding a new word can read their names differently now
        # (a substring test: it may take a few texts too many, never one too few)
        pattern = re.compile("|".join(map(re.escape, sorted(new_words, key=len, reverse=True))), re.IGNORECASE)
        touched = [t for t in corpus if pattern.search(t)]
        if touched:
            before = EntityRegistry()
            before.vocab = set(learnt.vocab)
            for name, n in _candidate_counts(before, touched).items():
                counts[name] -= n
            registry.vocab |= learnt.vocab
            for name, n in _candidate_counts(registry, touched).items():
                counts[name] = counts.get(name, 0) + n
    registry.vocab |= learnt.vocab
    for name, n in _candidate_counts(registry, extra_texts).items():
        counts[name] = counts.get(name, 0) + n
    counts = {name: n for name, n in counts.items() if n > 0}
    registry.people.update(counts)
    registry._texts = []
    registry._token_index = None
    if corpus or extra_texts:  # as the registry's own first pass: variants merge when it read texts
        registry._merge_variants(counts)


def _candidate_counts(registry: EntityRegistry, texts: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for text in texts:
        for name, _, _ in registry._person_candidates(text, strict=True):
            counts[name] = counts.get(name, 0) + 1
    return counts
