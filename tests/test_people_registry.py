"""The people registry resolves names by lookups, not scans, and answers as the scans did.

``EntityRegistry`` finds a longer or shorter form of a name through an index of full names by
their set of words, and a misspelling by first checking the words of the name's first letter
and length; these tests state what the answers must be (the definition, by scanning every
known name) on corpora where many people share a surname, so a faster lookup that answered
differently would fail here.
"""

from __future__ import annotations

import random

from rapidfuzz import fuzz, process

from benchmarks import adversarial as adv
from checker.extract.entities import EntityRegistry


def _registry(texts: list[str]) -> EntityRegistry:
    registry = EntityRegistry()
    for text in texts:
        registry.learn(text)
    registry._tokens()
    return registry


def _full_names(registry: EntityRegistry) -> list[str]:
    return [p for p in registry.people if len(p.split()) > 1]


def _by_definition(registry: EntityRegistry, name: str) -> str | None:
    """What a name resolves to, by reading every known name."""
    if name in registry.aliases:
        return registry.aliases[name]
    words = name.split()
    if len(words) > 1:
        if name in registry.people:
            return name
        mine = set(words)
        owners = {p for p in _full_names(registry) if set(p.split()) <= mine or mine <= set(p.split())}
        return owners.pop() if len(owners) == 1 else None
    owners = {p for p in _full_names(registry) if name in p.split()}
    if owners:
        return owners.pop() if len(owners) == 1 else None
    if len(name) >= 4:
        index = registry._tokens()
        choices = [t for t, people in index.items() if any(len(p.split()) > 1 for p in people)]
        hit = process.extractOne(name, choices, scorer=fuzz.ratio, score_cutoff=74)
        if hit:
            token = hit[0]
            slip = token[0] == name[0] and abs(len(token) - len(name)) <= 1
            slip = slip and (sorted(token) == sorted(name) or fuzz.ratio(token, name) >= 85)
            typo_owners = {p for p in index[token] if len(p.split()) > 1}
            if slip and len(typo_owners) == 1:
                return typo_owners.pop()
    return name if name in registry.people else None


def _crowd(seed: int) -> list[str]:
    """Sentences about a crowd of people sharing six surnames, some misspelt, some in full."""
    rng = random.Random(seed)
    firsts = ["Sergey", "Sergei", "Vladimir", "Dmitry", "Dmitri", "Anna", "Anne", "Boris", "Mikhail", "Olga"]
    surnames = ["Lavrov", "Petrov", "Ivanov", "Orlov", "Sokolov", "Volkov"]
    out = []
    for _ in range(120):
        words = [rng.choice(firsts) for _ in range(rng.choice([0, 1, 1, 1, 2]))] + [rng.choice(surnames)]
        if rng.random() < 0.2:  # a transposition in one word
            w = list(rng.choice(words))
            i = rng.randrange(1, len(w) - 1)
            w[i], w[i + 1] = w[i + 1], w[i]
            words[rng.randrange(len(words))] = "".join(w)
        out.append(f"Minister {' '.join(words)} said the talks went well.")
    return out


def test_a_name_resolves_as_reading_every_known_name_would_say():
    for seed in range(6):
        texts = _crowd(seed)
        registry = _registry(texts)
        queries = {" ".join(t.split()[a:b]) for t in texts for a in range(1, 4) for b in range(a + 1, a + 4)}
        queries |= {w for t in texts for w in t.split()[1:4]}
        words = {w for p in _full_names(registry) for w in p.split()}
        queries |= {w[:i] + w[i + 1] + w[i] + w[i + 2 :] for w in words for i in range(1, len(w) - 1)}
        for name in sorted(queries):
            assert registry.resolve(name)[0] == _by_definition(registry, name), (seed, name)


def test_many_people_sharing_surnames_keep_apart_and_a_misspelling_finds_its_owner():
    text = adv.shared_surnames(24 * 1024)
    registry = _registry([text, "Minister Rahimi Bakotu met them, and later Rahmii said so."])
    people = _full_names(registry)
    assert len(people) > 100
    surnames = {p.split()[-1] for p in people} - {"Bakotu"}
    assert len(surnames) == 16
    for surname in sorted(surnames):
        assert registry.resolve(surname) == (None, None)  # hundreds own it: nobody in particular
    assert registry.resolve("Rahimi") == ("Rahimi Bakotu", None)
    assert registry.resolve("Rahmii") == ("Rahimi Bakotu", "Rahimi Bakotu")
    mentions = registry.find("Later Rahmii said so.")
    assert [(m.text, m.canonical, m.typo_of) for m in mentions] == [("Rahmii", "Rahimi Bakotu", "Rahimi Bakotu")]


def test_spelling_variants_of_one_person_merge_and_other_people_of_the_surname_do_not():
    texts = [
        "Minister Sergey Lavrov said the talks went well.",
        "Minister Sergey Lavrov said so again.",
        "Minister Sergei Lavrov said it once more.",
        "Minister Dmitry Lavrov said nothing.",
        "Minister Sergey Orlov said the opposite.",
    ]
    registry = _registry(texts)
    assert registry.aliases == {"Sergei Lavrov": "Sergey Lavrov"}
    assert registry.resolve("Sergei Lavrov") == ("Sergey Lavrov", None)
    assert registry.resolve("Dmitry Lavrov") == ("Dmitry Lavrov", None)
    assert registry.resolve("Lavrov") == (None, None)  # Sergey or Dmitry
