"""Spelling variants of a name merge as comparing every pair of names would merge them.

``EntityRegistry._merge_variants`` makes "Sergei Lavrov" an alias of the more frequent "Sergey
Lavrov" when the first names are within a ratio of 80; it looks the near first names up
(``ratio_pairs.NearWords``) instead of comparing each name with every other of its surname
(issue 15). These tests state the answer by the pairwise definition, on random word lists made
to take both the lookup and the scan, on the project's corpora and the seed papers, and on
crowds of people sharing a surname, so a lookup that missed or invented a pair would fail.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO, SHARED
from rapidfuzz import fuzz
from ruamel.yaml import YAML

from benchmarks import adversarial as adv
from checker.extract.entities import EntityRegistry
from checker.extract.ratio_pairs import NearWords


def _later_by_definition(words: list[str], i: int, cutoff: float) -> list[int]:
    return [k for k in range(i + 1, len(words)) if fuzz.ratio(words[i], words[k]) >= cutoff]


def _random_words(rng: random.Random) -> list[str]:
    letters = "aeioubcdklmnrst"[: rng.randint(2, 15)]
    lengths = rng.choice([[8], [3, 4, 5, 6], [7, 8, 9, 10, 11], [12, 14, 16, 18], [1, 2, 9, 17]])
    return ["".join(rng.choice(letters) for _ in range(rng.choice(lengths))) for _ in range(rng.choice([2, 40, 400]))]


def test_near_words_are_those_comparing_every_pair_finds(monkeypatch):
    ways = Counter()
    real_scan = NearWords._scans

    def scans(self, a, b, shared):
        answer = real_scan(self, a, b, shared)
        ways["scan" if answer else "lookup"] += 1
        return answer

    monkeypatch.setattr(NearWords, "_scans", scans)
    rng = random.Random(15)
    for trial in range(60):
        words = _random_words(rng)
        cutoff = rng.choice([80, 80, 85, 90])
        near = NearWords(words, cutoff)
        for i in range(len(words)):
            assert near.later(i) == _later_by_definition(words, i, cutoff), (trial, words[i])
    # both ways of finding candidates were taken, many times each
    assert ways["scan"] > 100 and ways["lookup"] > 100, ways


def test_a_one_letter_slip_is_found_among_thousands_of_words_by_lookup():
    rng = random.Random(7)
    words = ["".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(4)) for _ in range(3000)]
    words.append(words[10][:3] + ("x" if words[10][3] != "x" else "y") + words[10][4:])  # one letter replaced
    near = NearWords(words, 80)
    assert len(words) - 1 in near.later(10)
    assert near._filed, "thousands of eight-letter words are looked up, not scanned"


def _merged_by_definition(people: set[str], counts: dict[str, int]) -> tuple[set[str], dict[str, str]]:
    """People and aliases after merging variants, by comparing each full name with every later
    one of its surname and length, the more frequent spelling first."""
    people = set(people)
    aliases: dict[str, str] = {}
    full = sorted((p for p in people if len(p.split()) > 1), key=lambda p: (-counts.get(p, 0), p))
    for i, a in enumerate(full):
        if a in aliases:
            continue
        for b in full[i + 1 :]:
            same_group = b.split()[-1] == a.split()[-1] and len(b.split()) == len(a.split())
            if same_group and b not in aliases and fuzz.ratio(a.split()[0], b.split()[0]) >= 80:
                aliases[b] = a
                people.discard(b)
    return people, aliases


def _assert_merged_by_definition(texts: list[str]) -> EntityRegistry:
    registry = EntityRegistry()
    for text in texts:
        registry.learn(text)
    counts = Counter(name for text in texts for name, _, _ in registry._person_candidates(text, strict=True))
    registry._tokens()
    people, aliases = _merged_by_definition(set(counts), counts)
    assert registry.aliases == aliases
    assert registry.people == people
    return registry


def _corpus_texts(path: Path) -> list[str]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return [data["source"], *(claim["text"] for claim in data["claims"])]


CORPUS_FILES = sorted((REPO / "tests" / "cases" / "corpus").glob("*/*.yaml"))


def test_every_corpus_document_merges_as_by_definition():
    assert len(CORPUS_FILES) > 30
    every = []
    for path in CORPUS_FILES:
        texts = _corpus_texts(path)
        _assert_merged_by_definition(texts)
        every += texts
    _assert_merged_by_definition(every)  # the whole corpus as one registry: larger groups


def test_the_seed_papers_merge_as_by_definition():
    seeds = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
    if not seeds:
        pytest.skip("../shared/seeds is not available")
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    for text in texts:
        _assert_merged_by_definition([text])
    _assert_merged_by_definition(texts)


def test_crowds_sharing_a_surname_merge_as_by_definition():
    rng = random.Random(16)
    firsts = ["Sergey", "Sergei", "Serguei", "Dmitry", "Dmitri", "Anna", "Anne", "Ana", "Aleksandr", "Oleksandr"]
    texts = [
        f"Minister {rng.choice(firsts)} {rng.choice(['Lavrov', 'Petrov'])} said the talks went well."
        for _ in range(300)
    ]
    registry = _assert_merged_by_definition(texts)
    assert registry.aliases, "spelling variants were merged"
    for make in (adv.one_surname, adv.shared_surnames, adv.many_names):
        _assert_merged_by_definition([make(24 * 1024)])
