"""People and places in a sentence, resolved to one canonical name per entity.

No statistical NER model installs offline (spaCy's pipelines and the gliner, flair and stanza
weights are downloaded from outside the package registries at run time), so people are found
from capitalised name sequences with evidence of personhood (a title before them, a
possessive, or an action verb), and resolved across the whole corpus: "Xi", "President Xi"
and "Chinese leader Xi Jinping" all become "Xi Jinping" once the full name has been seen.
A short name that fits two people ("Li" for Li Peng and Li Qiang) stays unresolved.
Likely misspellings ("Jinag") are matched with rapidfuzz and flagged.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from typing import Any

from rapidfuzz import fuzz, process

from ..models import EntityMention
from .gazetteer import DEMONYMS, Place, capitals, gazetteer
from .ratio_pairs import NearWords
from .vocabulary import MONTH_NAMES, WEEKDAYS

TITLES = (
    r"President|Premier|Chairman|Prime Minister|Foreign Minister|Defen[cs]e Minister|"
    r"Minister|Secretary|General Secretary|Chancellor|King|Queen|Prince|Marshal|General|"
    r"Leader|leader|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sir|Lord|Vice President|Vice Premier|Ambassador|"
    r"Assistant Foreign Minister|Spokesperson|spokesperson|Senator|Governor|Mayor|Chief|Pope|"
    r"NPC Chairman|Comrade|Supreme Leader|Emperor|Tsar|Czar"
)
_TITLE_RE = re.compile(rf"\b(?:{TITLES})\s+$")
# Words that start capitalised name sequences but are never part of a person's name.
_STOP = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "To",
    "Of",
    "And",
    "But",
    "Or",
    "As",
    "With",
    "After",
    "Before",
    "During",
    "Since",
    "Until",
    "While",
    "When",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "He",
    "She",
    "They",
    "It",
    "We",
    "I",
    "Visits",
    "Visit",
    "Visited",
    "Meets",
    "Meet",
    "Met",
    "Meeting",
    "Signs",
    "Sign",
    "Signed",
    "Signing",
    "Attends",
    "Attend",
    "Hold",
    "Holds",
    "Held",
    "Phone",
    "Call",
    "Calls",
    "Video",
    "Summit",
    "Talks",
    "Finalize",
    "Finalise",
    "Treaty",
    "Victory",
    "Day",
    "None",
    *(month.capitalize() for month in MONTH_NAMES),
    *(day.capitalize() for day in WEEKDAYS),
    "State",
    "Virtually",
    "Conference",
    "Security",
    "Olympics",
    "Winter",
    "Summer",
    "Forum",
    "Belt",
    "Road",
    "Council",
    "Party",
    "Republic",
    "Union",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Strategic",
    "Partnership",
    "Comprehensive",
    "Asia",
    "Pacific",
    "Europe",
    "Abstract",
    "Introduction",
    "Conclusion",
    "References",
    "Keywords",
    "Article",
    "Received",
    "Journal",
    "Detailed",
    "Analysis",
    "Personal",
    "Diplomacy",
    "World",
    "Cold",
    "War",
    "Sino",
    "Cooperation",
    "Friendship",
    "Alliance",
    "Mutual",
    "Assistance",
    "Organization",
    "Organisation",
    "News",
    "Agency",
    "Ministry",
    "Square",
    "Games",
    "Also",
    "However",
    "Moreover",
    "Despite",
    "Amid",
    "Both",
    "Each",
    "Such",
    "Yet",
    "Thus",
    "Here",
    "There",
    "Where",
    "What",
    "Who",
    "Why",
    "How",
    "If",
    "Not",
    "No",
    "Yes",
    "New",
    "Old",
    "Hong",
    "Kong",
    "Air",
    "Force",
    "Navy",
    "Army",
    "Beyond",
    "Protocol",
    "Chairman",
    "President",
    "Premier",
    "Minister",
    "Foreign",
    "Defence",
    "Defense",
    "Prime",
    "Leader",
    "Secretary",
    "General",
    "Vice",
    "Assistant",
    "NPC",
    "UN",
    "SCO",
    "BRICS",
    "APEC",
    "NATO",
    "G20",
    "ABM",
    "EU",
    "US",
    "U",
    "S",
    "CNN",
    "Xinhua",
    "TASS",
    "PRC",
    "USSR",
    "Post",
    "Times",
    "Global",
    "University",
    "Department",
    "Studies",
    "Campus",
    "Review",
    "Reviews",
    "Research",
    "Advanced",
    "Publication",
    "History",
    "Corresponding",
    "Author",
    "DOI",
    "Kremlin",
}
_ORG_WORDS = {
    "Council",
    "Day",
    "Square",
    "Forum",
    "Summit",
    "Treaty",
    "Party",
    "Organization",
    "Organisation",
    "University",
    "Olympics",
    "Republic",
    "Union",
    "Road",
    "Partnership",
    "Agency",
    "News",
    "Ministry",
    "Conference",
    "Games",
    "Committee",
    "Bank",
    "Company",
    "Group",
    "Institute",
    "Times",
    "Post",
    "Journal",
    "Association",
    "Federation",
    "Army",
    "Navy",
    "Force",
    "Station",
    "Airport",
    "Street",
    "Avenue",
    "Palace",
    "Hall",
    "House",
    "Declaration",
    "Accord",
    "Agreement",
    "Initiative",
    "Cooperation",
    "Review",
    "Reviews",
    "Department",
    "Studies",
    "Campus",
    "Research",
    "Foundation",
    "Center",
    "Centre",
}
_NAME_TOKEN = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ]+)*"
_NAME_SEQ = re.compile(rf"\b{_NAME_TOKEN}(?:\s+(?:(?:van|von|de|bin|al|la|le|da|di)\s+)?{_NAME_TOKEN}){{0,6}}")
_PERSON_VERBS = re.compile(
    r"^(?:'s|’s|\s+(?:said|says|visited|visits|met|meets|signed|signs|arrived|attended|attends|"
    r"hosted|hosts|told|called|noted|stated|added|announced|praised|hailed|declared|urged|"
    r"welcomed|held|holds|travel(?:l)?ed|landed|described|emphasi[sz]ed|stressed|remarked))\b"
)
_PRECEDING_PERSON = re.compile(r"\b(?:meeting|meets?|met|with|by|and|between)\s+$", re.I)
_CAPITAL_OF = re.compile(
    r"\b[Tt]he\s+(" + "|".join(sorted(map(re.escape, DEMONYMS), key=len, reverse=True)) + r")\s+capital\b"
)


# A whitespace-delimited token is a link when it holds one of these marks. Tokens are found
# first and tested after: a pattern "\S*mark\S*" rescans a long run without whitespace (a
# base64 image, a minified line) from every position, quadratic in the run's length.
_NONSPACE_RUN = re.compile(r"\S+")
_URL_MARK = re.compile(r"://|www\.|\.com|\.org|\.html?")


def _without_links(text: str) -> str:
    """``text`` with every token that looks like a link replaced by a space."""
    if not _URL_MARK.search(text):
        return text
    return _NONSPACE_RUN.sub(lambda m: " " if _URL_MARK.search(m.group()) else m.group(), text)


_LOWER_WORD = re.compile(r"(?<![\w/-])[a-z][a-z'’]+(?![\w/-])")


def _plain(name: str) -> str:
    return re.sub(r"(?:'s|’s)$", "", name).strip()


class EntityRegistry:
    """Canonical people of a corpus, learnt from every text before any is resolved.

    Call :meth:`learn` on all texts (claims and sources), then :meth:`find` per sentence.
    """

    def __init__(self, aliases: dict[str, str] | None = None):
        self.people: set[str] = set()  # canonical full names (or lone surnames never expanded)
        self.aliases: dict[str, str] = dict(aliases or {})  # user-declared alias -> canonical
        self._token_index: dict[str, set[str]] | None = None
        self._lookup: _PeopleLookup | None = None  # built with the token index, see _tokens
        self.vocab: set[str] = set()
        self._texts: list[str] = []
        self._resolved: dict[str, tuple[str | None, str | None]] = {}
        self._people_key: str | None = None  # see people_key, made with the token index

    # ------------------------------------------------------------------ learning
    def learn(self, text: str) -> None:
        """Remember ``text``'s vocabulary and the people it names (call for every text first)."""
        self.vocab.update(_LOWER_WORD.findall(_without_links(text)))
        self._texts.append(text)
        self._token_index = None

    def _finalize(self) -> None:
        # Names are read only once the whole vocabulary is known, so that a capitalised common
        # word ("Marking Putin's visit") is recognised as one and not taken for a first name.
        if self._texts:
            counts: dict[str, int] = {}
            for text in self._texts:
                for name, _, _ in self._person_candidates(text, strict=True):
                    self.people.add(name)
                    counts[name] = counts.get(name, 0) + 1
            self._texts = []
            self._token_index = None
            self._merge_variants(counts)

    def _merge_variants(self, counts: dict[str, int]) -> None:
        """Transliteration variants of one person ("Sergey Lavrov" / "Sergei Lavrov") become
        aliases of the more frequent spelling."""
        full = sorted((p for p in self.people if len(p.split()) > 1), key=lambda p: (-counts.get(p, 0), p))
        # only names with the same surname and as many words can be variants: compared within
        # those groups (in the same order), not every name with every other
        groups: dict[tuple[str, int], list[str]] = {}
        for name in full:
            words = name.split()
            groups.setdefault((words[-1], len(words)), []).append(name)
        for group in groups.values():
            if len(group) < 2:
                continue
            # the later names of the group whose first word is within a ratio of 80 of a's,
            # looked up rather than compared with every one
            variants = NearWords([name.split()[0] for name in group], 80)
            for i, a in enumerate(group):
                if a in self.aliases:
                    continue
                for k in variants.later(i):
                    b = group[k]
                    if b not in self.aliases:
                        self.aliases[b] = a
                        self.people.discard(b)

    def declare(self, names: Iterable[str]) -> None:
        for name in names:
            if name:
                self.people.add(_plain(name))
        self._token_index = None

    def _person_candidates(
        self, text: str, strict: bool, reads: NameReads | None = None
    ) -> Iterator[tuple[str, int, int]]:
        """(name, start, end) for capitalised sequences that show evidence of being a person.
        ``reads``: where the vocabulary words asked are written down, with their answers."""
        places = gazetteer()
        vocab = self.vocab if reads is None else _Recorded(self.vocab, reads.words)
        for m in _NAME_SEQ.finditer(text):
            # (token, start) pairs; a possessive ends a name ("Jiang Zemin's Moscow visit").
            toks = [(t.group(0), m.start() + t.start()) for t in re.finditer(r"\S+", m.group(0))]
            for i, (tok, _) in enumerate(toks):
                if tok.endswith(("'s", "’s")) and i + 1 < len(toks):
                    toks = toks[: i + 1]
                    break
            # leading stop words, titles, demonyms, places and common words are not the name
            while toks and (
                _plain(toks[0][0]) in _STOP
                or _plain(toks[0][0]) in DEMONYMS
                or _is_leading_place(toks[0][0], places)
                or _plain(toks[0][0]).lower() in vocab
            ):
                toks = toks[1:]
            cut = next((i for i, (t, _) in enumerate(toks) if _plain(t) in _STOP), len(toks))
            toks = toks[:cut][:4]
            if not toks or any(_plain(t) in _ORG_WORDS for t, _ in toks):
                continue
            start = toks[0][1]
            end = toks[-1][1] + len(_plain(toks[-1][0]))
            name = text[start:end]
            if name in places or len(name) < 2 or not name[0].isupper():
                continue
            before = text[max(0, start - 40) : start]
            after = text[end : end + 30]
            evidence = bool(_TITLE_RE.search(before)) or bool(_PERSON_VERBS.match(after))
            if not strict:
                evidence = True  # resolution against the learnt people decides
            elif len(toks) > 1:
                evidence = evidence or bool(_PRECEDING_PERSON.search(before))
            if strict and (
                any(_plain(t) in places and places[_plain(t)].kind == "country" for t, _ in toks)
                or sum(_plain(t) in places for t, _ in toks) > 1
            ):
                continue  # "Beijing Underscores China" is a headline, not a person
            if evidence:
                yield name, start, end

    # ------------------------------------------------------------------ resolving
    def _tokens(self) -> dict[str, set[str]]:
        self._finalize()
        if self._token_index is None:
            index: dict[str, set[str]] = {}
            for person in self.people:
                for tok in person.split():
                    index.setdefault(tok, set()).add(person)
            self._token_index = index
            self._lookup = _PeopleLookup.build(index)
            self._resolved = {}
            self._people_key = None
        return self._token_index

    def people_key(self) -> str:
        """A digest of everything :meth:`resolve` answers from (the people and the aliases):
        two registries with the same key resolve every name alike."""
        self._tokens()
        if self._people_key is None:
            digest = hashlib.sha256()
            for name in sorted(self.people):
                digest.update(name.encode() + b"\0")
            digest.update(b"\1")
            for alias, canonical in sorted(self.aliases.items()):
                digest.update(alias.encode() + b"\0" + canonical.encode() + b"\0")
            self._people_key = digest.hexdigest()[:32]
        return self._people_key

    def reads_hold(self, reads: NameReads) -> bool:
        """Whether finding names in a text that gave ``reads`` (an extraction made with another
        registry, perhaps in another run) would read the same from this registry: the same
        vocabulary answers and the same resolutions. Then it finds the same mentions."""
        if not (self.vocab.issuperset(reads.known) and self.vocab.isdisjoint(reads.unknown)):
            return False
        if reads.people == self.people_key():
            return True
        return all(self.resolve(name) == answer for name, answer in reads.names.items())

    def resolve(self, name: str) -> tuple[str | None, str | None]:
        """(canonical, typo_of) for a person name, or (None, None) when unknown or ambiguous."""
        index = self._tokens()  # first, so a finalisation clears the memo before it is read
        key = _plain(name)
        hit = self._resolved.get(key)
        if hit is None:
            hit = self._resolved[key] = self._resolve(key, index)
        return hit

    def _resolve(self, name: str, index: dict[str, set[str]]) -> tuple[str | None, str | None]:
        if name in self.aliases:
            return self.aliases[name], None
        if name in self.people and len(name.split()) > 1:
            return name, None
        tokens = name.split()
        if len(tokens) == 1:
            owners = {p for p in index.get(name, set()) if len(p.split()) > 1}
            if len(owners) == 1:
                return owners.pop(), None
            if len(owners) > 1:
                return None, None
            typo = self._typo(name, index)
            if typo:
                return typo, typo
            if name in self.people:
                return name, None
        else:
            # a longer form of a known name ("Vladimir Vladimirovich Putin") or a shorter one
            owners = self._longer_or_shorter(set(tokens), index)
            if len(owners) == 1:
                return owners.pop(), None
        return None, None

    def _longer_or_shorter(self, mine: set[str], index: dict[str, set[str]]) -> set[str]:
        """The full names whose words include all of ``mine`` or lie within them.

        Looked up, not scanned: a longer name is among the owners of ``mine``'s rarest word, and
        a shorter one is filed under a subset of ``mine`` (a name read from text has at most four
        words, so at most 15 subsets); the names sharing a common surname are never all read.
        """
        assert self._lookup is not None
        if len(mine) > _MAX_SUBSET_WORDS:
            near = set().union(*(index.get(t, set()) for t in mine))
            return {p for p in near if len(p.split()) > 1 and (set(p.split()) <= mine or mine <= set(p.split()))}
        rarest = min((index.get(t, set()) for t in mine), key=len)
        owners = {p for p in rarest if len(p.split()) > 1 and mine <= set(p.split())}
        words = sorted(mine)
        for size in range(1, len(words) + 1):
            for subset in combinations(words, size):
                owners |= self._lookup.by_words.get(frozenset(subset), set())
        return owners

    def _typo(self, name: str, index: dict[str, set[str]]) -> str | None:
        """The person whose name token ``name`` misspells ("Jinag" -> Jiang Zemin), if any.

        Only transpositions and one-letter slips of a token owned by exactly one full name
        count, so that real, different names ("Wang" / "Wei") are never merged.
        """
        if len(name) < 4:
            return None
        assert self._lookup is not None
        # The answer is the best match over every word, if it is such a slip; when no word of
        # the name's letter and length is a slip, neither is the best match, and the scan of
        # every word is skipped (in a corpus of many similar names, most lookups end here).
        if not any(self._slip_of(name, word, index) for word in self._lookup.slip_candidates(name)):
            return None
        choices = self._lookup.full_name_words
        if any(len(o.split()) > 1 for o in index.get(name, ())):
            choices = [t for t in choices if t != name]
        hit = process.extractOne(name, choices, scorer=fuzz.ratio, score_cutoff=74)
        return self._slip_of(name, hit[0], index) if hit else None

    @staticmethod
    def _slip_of(name: str, token: str, index: dict[str, set[str]]) -> str | None:
        """The one full name owning ``token``, when ``name`` is a transposition or one-letter
        slip of it."""
        if token[0] != name[0] or abs(len(token) - len(name)) > 1:
            return None
        if sorted(token) != sorted(name) and fuzz.ratio(token, name) < 85:
            return None
        owners = {o for o in index[token] if len(o.split()) > 1}
        return owners.pop() if len(owners) == 1 else None

    # ------------------------------------------------------------------ finding
    def find(self, text: str, offset: int = 0, reads: NameReads | None = None) -> list[EntityMention]:
        """People and places in ``text``; offsets are shifted by ``offset``. ``reads``, when
        given, is filled with what the answer depended on in this registry (see reads_hold)."""
        self._finalize()
        if reads is not None:
            reads.people = self.people_key()
        mentions: list[EntityMention] = []
        for name, start, end in self._person_candidates(text, strict=False, reads=reads):
            canonical, typo = self.resolve(name)
            if reads is not None:
                reads.names[name] = (canonical, typo)
            if canonical is None:
                continue
            mentions.append(
                EntityMention(
                    text=text[start:end],
                    start=start,
                    end=end,
                    canonical=canonical,
                    kind="person",
                    typo_of=typo,
                )
            )
        # a person's name wins over a town of the same name ("Vladimir Putin")
        taken = [(m.start, m.end) for m in mentions]
        mentions += [p for p in find_places(text) if not any(s < p.end and p.start < e for s, e in taken)]
        mentions.sort(key=lambda m: m.start)
        if offset:
            for m in mentions:
                m.start += offset
                m.end += offset
        return mentions


@dataclass
class NameReads:
    """What finding the names of one text read from the registry: each vocabulary word asked
    (with its answer), each name resolved (with its answer), and the people key it resolved
    among. A text whose reads still hold gives the same mentions (``reads_hold``)."""

    words: dict[str, bool] = field(default_factory=dict)
    names: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    people: str = ""

    @property
    def known(self) -> list[str]:
        """The words asked that the vocabulary held."""
        return [w for w, hit in self.words.items() if hit]

    @property
    def unknown(self) -> list[str]:
        return [w for w, hit in self.words.items() if not hit]

    def to_json(self) -> dict[str, Any]:
        return {"words": self.words, "names": {k: list(v) for k, v in self.names.items()}, "people": self.people}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NameReads:
        words, names, people = data["words"], data["names"], data["people"]
        if not (isinstance(words, dict) and isinstance(names, dict) and isinstance(people, str)):
            raise ValueError("not a record of name reads")
        return cls(
            {str(k): bool(v) for k, v in words.items()}, {str(k): (v[0], v[1]) for k, v in names.items()}, people
        )


class _Recorded:
    """A set's membership test that writes down every word asked and its answer."""

    def __init__(self, words: set[str], log: dict[str, bool]):
        self.words, self.log = words, log

    def __contains__(self, word: object) -> bool:
        hit = word in self.words
        self.log[str(word)] = hit
        return hit


_MAX_SUBSET_WORDS = 6  # names of more words (declared ones) are matched by scanning their owners
# The longest word whose slips are all found by lookup: ``_slip_of`` accepts a transposition
# or a ratio of at least 85 at a length within one, and for two lengths summing to 19 or less
# a ratio of 85 is an InDel distance of at most 2 (one letter replaced, added or dropped), so
# the two words share a one-letter deletion or one is the other. Longer words are scanned.
_SLIP_LOOKUP_MAX = 9


@dataclass(frozen=True)
class _PeopleLookup:
    """What resolving a name looks up, built once per token index instead of once per name."""

    by_words: dict[frozenset[str], set[str]]  # a full name's set of words -> the full names
    full_name_words: list[str]  # every word of a full name, in token-index order
    by_letter_and_length: dict[tuple[str, int], list[str]]  # those words by first letter, length
    by_deletion: dict[str, list[str]]  # a word itself and each one-letter deletion of it -> the words
    by_letters: dict[tuple[str, str], list[str]]  # (first letter, sorted letters) -> the words

    @classmethod
    def build(cls, index: dict[str, set[str]]) -> _PeopleLookup:
        by_words: dict[frozenset[str], set[str]] = {}
        for owners in index.values():
            for person in owners:
                words = person.split()
                if len(words) > 1:
                    by_words.setdefault(frozenset(words), set()).add(person)
        full_name_words = [t for t, owners in index.items() if any(len(o.split()) > 1 for o in owners)]
        buckets: dict[tuple[str, int], list[str]] = {}
        by_deletion: dict[str, list[str]] = {}
        by_letters: dict[tuple[str, str], list[str]] = {}
        for word in full_name_words:
            buckets.setdefault((word[0], len(word)), []).append(word)
            if len(word) <= _SLIP_LOOKUP_MAX + 1:
                for key in _deletions(word):
                    by_deletion.setdefault(key, []).append(word)
                by_letters.setdefault((word[0], "".join(sorted(word))), []).append(word)
        return cls(by_words, full_name_words, buckets, by_deletion, by_letters)

    def slip_candidates(self, name: str) -> list[str]:
        """The words of :meth:`near_words` that can be a slip of ``name`` (a transposition, or a
        ratio of at least 85), found by lookup for names up to ``_SLIP_LOOKUP_MAX`` letters:
        scanning a bucket for each name costs the square of the names in a large corpus."""
        if len(name) > _SLIP_LOOKUP_MAX:
            return self.near_words(name)
        found = dict.fromkeys(self.by_letters.get((name[0], "".join(sorted(name))), []))
        for key in _deletions(name):
            found.update(dict.fromkeys(self.by_deletion.get(key, [])))
        return [w for w in found if w[0] == name[0] and abs(len(w) - len(name)) <= 1 and fuzz.ratio(name, w) >= 74]

    def near_words(self, name: str) -> list[str]:
        """The words of full names with ``name``'s first letter, a length within one of it, and
        a ratio to it of at least 74: the only ones ``EntityRegistry._typo`` may accept."""
        out: list[str] = []
        for n in range(len(name) - 1, len(name) + 2):
            words = self.by_letter_and_length.get((name[0], n), [])
            out += [hit[0] for hit in process.extract(name, words, scorer=fuzz.ratio, score_cutoff=74, limit=None)]
        return out


def _is_leading_place(token: str, places: Mapping[str, Place]) -> bool:
    """A place opening a name sequence is not part of the name ("Russia's Lavrov"), unless it
    is a town that doubles as a first name ("Vladimir Putin")."""
    bare = _plain(token)
    if bare not in places:
        return False
    return token != bare or places[bare].kind == "country"


_WORD_AT = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _place_index() -> tuple[dict[str, list[str]], re.Pattern[str], re.Pattern[str] | None]:
    """Gazetteer names by their first word, longest first; the pattern of the words that can
    open one (a word run starting with a letter some name starts with: most words of a
    sentence are never looked up); names not opening on a word character keep a (small)
    alternation. A dict lookup per such word replaces one regex alternation of every name,
    which cost about 1 ms a passage (issue 13: extraction speed)."""
    idx: dict[str, list[str]] = {}
    odd = []
    for name in gazetteer():
        m = _WORD_AT.match(name)
        if m is None:
            odd.append(name)
        else:
            idx.setdefault(m.group(), []).append(name)
    for names in idx.values():
        names.sort(key=len, reverse=True)
    # a capital opens many names: any word run from it is looked up; the few first words not
    # capitalised ("the Kremlin", "eMbalenhle") are matched whole
    capitals = "".join(sorted({word[0] for word in idx if word[0].isupper()}))
    others = sorted((word for word in idx if not word[0].isupper()), key=len, reverse=True)
    alternatives = ([f"[{re.escape(capitals)}]\\w*"] if capitals else []) + [re.escape(w) + r"(?!\w)" for w in others]
    openers = re.compile(r"(?<!\w)(?:" + "|".join(alternatives or ["(?!)"]) + ")")
    pattern = (
        re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(odd, key=len, reverse=True))) + r")(?![\w])")
        if odd
        else None
    )
    return idx, openers, pattern


def _place_matches(text: str) -> list[tuple[int, int, str]]:
    r"""(start, end, name) of gazetteer names in ``text``, leftmost-longest, as the alternation
    ``(?<![\w-])(name|...)(?![\w])`` would find them."""
    idx, openers, odd = _place_index()
    out = []
    pos = 0
    for m in openers.finditer(text):  # the word runs a name may start with, in order
        s = m.start()
        if s < pos or (s > 0 and (text[s - 1].isalnum() or text[s - 1] in "_-")):
            continue
        for name in idx.get(m.group(), ()):
            e = s + len(name)
            if text.startswith(name, s) and (e == len(text) or not (text[e].isalnum() or text[e] == "_")):
                out.append((s, e, name))
                pos = e
                break
    if odd is not None:
        out += [
            (m.start(), m.end(), m.group(1))
            for m in odd.finditer(text)
            if not any(a < m.end() and m.start() < b for a, b, _ in out)
        ]
        out.sort()
    return out


def find_places(text: str) -> list[EntityMention]:
    """Places named in ``text``, including "the Chinese capital" -> Beijing."""
    g = gazetteer()
    out: list[EntityMention] = []
    for m in _CAPITAL_OF.finditer(text):
        code = DEMONYMS[m.group(1)]
        city = capitals().get(code)
        if city and city in g:
            out.append(
                EntityMention(
                    text=m.group(0), start=m.start(), end=m.end(), canonical=g[city].name, kind="place", country=code
                )
            )
    taken = [(e.start, e.end) for e in out]
    for start, end, name in _place_matches(text):
        if any(s < end and start < e for s, e in taken):
            continue
        # "Moscow Security Conference": a place used as an adjective is still that place.
        place = g[name]
        out.append(
            EntityMention(
                text=text[start:end], start=start, end=end, canonical=place.name, kind="place", country=place.country
            )
        )
    out.sort(key=lambda e: e.start)
    return out


def _deletions(word: str) -> set[str]:
    """``word`` and every string one letter shorter than it that it contains in order."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}
