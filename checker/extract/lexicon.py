"""Words the statement core knows: lemmas (lemminflect's table) and the predicate table (data file).

The table (``checker/data/predicates.toml``) is the one home of predicate classes, their
recurrence, antonyms, verbs of saying, modality and negation cues and relational (role)
nouns. Code never names a domain verb; it asks this module.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .lemma_table import all_lemmas


@dataclass(frozen=True)
class PredicateClass:
    name: str
    recurs: str  # never | yearly | often
    phase: str | None  # start | end
    direction: str | None  # up | down
    sports: bool
    destination: bool = False
    tally: bool = False
    # its phrasal lemmas ("fall to") hold only before a name: "fell to Chelsea" is a defeat,
    # "fell to 2.3 percent" or "fell to second place" is the verb alone with its complement
    before_name: bool = False


@dataclass(frozen=True)
class Lexicon:
    classes: dict[str, PredicateClass]
    by_lemma: dict[str, tuple[str, ...]]  # lemma (or "take place") -> class names
    phrases: dict[str, dict[str, tuple[str, ...]]]  # first lemma -> {second word: classes}
    antonyms: frozenset[frozenset[str]]
    speech: frozenset[str]
    modality: tuple[tuple[str, tuple[str, ...]], ...]  # (modality, cue word sequences)
    negation: tuple[tuple[str, ...], ...]
    roles: frozenset[str]
    one_holder: frozenset[str]  # offices one person holds at a time in a body (their group's first noun)
    role_first: frozenset[str]
    copulas: tuple[tuple[str, ...], ...]
    role_groups: dict[str, str]  # role noun -> the first noun of its synonym group
    cues_by_first: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> (words, modality|"not")
    roles_by_first: dict[str, tuple[tuple[str, ...], ...]]  # first word -> role nouns, longest first
    compatible: frozenset[frozenset[str]]
    score_nouns: frozenset[str]
    head_groups: dict[str, str]  # head noun -> the first noun of its synonym group
    change_verbs: dict[str, str]  # lemma -> the class it states before a percentage ("lose" -> "decrease")

    def role(self, noun: str) -> str:
        return self.role_groups.get(noun, noun)

    def head(self, noun: str) -> str:
        return self.head_groups.get(noun, noun)

    def classes_of(self, lemma: str) -> tuple[str, ...]:
        return self.by_lemma.get(lemma, ())

    def opposite(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.antonyms


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = tomllib.loads(resources.files("checker").joinpath("data/predicates.toml").read_text(encoding="utf-8"))
    classes: dict[str, PredicateClass] = {}
    by_lemma: dict[str, list[str]] = {}
    phrases: dict[str, dict[str, list[str]]] = {}
    for name, spec in data["classes"].items():
        classes[name] = PredicateClass(
            name,
            spec.get("recurs", "often"),
            spec.get("phase"),
            spec.get("direction"),
            bool(spec.get("sports", False)),
            bool(spec.get("destination", False)),
            bool(spec.get("tally", False)),
            bool(spec.get("phrases_before_name", False)),
        )
        for lemma in spec["lemmas"]:
            words = lemma.split()
            if len(words) == 1:
                by_lemma.setdefault(lemma, []).append(name)
            else:
                phrases.setdefault(words[0], {}).setdefault(" ".join(words[1:]), []).append(name)
    antonyms = frozenset(frozenset(p) for p in data["antonyms"]["pairs"])
    modality = tuple((mod, tuple(cues)) for mod, cues in data["modality"].items())
    roles = frozenset(data["roles"]["nouns"])
    cues: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for mod, words in modality:
        for cue in words:
            w = tuple(cue.split())
            cues.setdefault(w[0], []).append((w, mod))
    for neg in data["negation"]["words"]:
        w = tuple(neg.split())
        cues.setdefault(w[0], []).append((w, "not"))
    role_groups = {noun: group[0] for group in data["role_synonyms"]["groups"] for noun in group}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for r in roles:
        by_first.setdefault(r.split()[0], []).append(tuple(r.split()))
    return Lexicon(
        classes=classes,
        by_lemma={k: tuple(v) for k, v in by_lemma.items()},
        phrases={k: {w: tuple(c) for w, c in v.items()} for k, v in phrases.items()},
        antonyms=antonyms,
        speech=frozenset(data["speech"]["lemmas"]),
        modality=modality,
        negation=tuple(tuple(w.split()) for w in data["negation"]["words"]),
        roles=roles,
        one_holder=frozenset(role_groups.get(r, r) for r in data["roles"]["one_holder"]),
        role_first=frozenset(r.split()[0] for r in roles),
        copulas=tuple(tuple(c.split()) for c in data["roles"]["copulas"]),
        role_groups=role_groups,
        compatible=frozenset(frozenset(p) for p in data["compatible"]["pairs"]),
        score_nouns=frozenset(data["scores"]["nouns"]),
        head_groups={noun: group[0] for group in data["head_synonyms"]["groups"] for noun in group},
        change_verbs=dict(data.get("change_verbs", {})),
        cues_by_first={k: tuple(v) for k, v in cues.items()},
        roles_by_first={k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()},
    )


@lru_cache(maxsize=65536)
def verb_lemmas(word: str) -> tuple[str, ...]:
    """The verb lemmas a word form may have: "rose" -> ("rise",), "museum" -> ()."""
    found = all_lemmas(word)
    out = list(found.get("VERB", ())) + [x for x in found.get("AUX", ()) if x not in found.get("VERB", ())]
    return tuple(out)


# cached: the readers ask it of the words after each verb form
@lru_cache(maxsize=65536)
def past_form(word: str) -> bool:
    """A lower-case inflected verb form that is no noun ("returned", "opened", "fell", "came")."""
    if not word[:1].islower() or word.endswith(("s", "ing")) or "NOUN" in word_classes(word):
        return False
    return any(x != word for x in verb_lemmas(word))


@lru_cache(maxsize=65536)
def noun_lemma(word: str) -> str:
    """The singular of a noun ("museums" -> "museum"); the word itself when unknown."""
    w = word.lower()
    found = all_lemmas(w)
    if found.get("NOUN"):
        return found["NOUN"][0]
    return w


@lru_cache(maxsize=65536)
def word_classes(word: str) -> frozenset[str]:
    """The parts of speech lemminflect knows for a word form (VERB, NOUN, ADJ, ...)."""
    return frozenset(all_lemmas(word))
