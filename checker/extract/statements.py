"""One statement per sentence: what it is about, what it says of it, and its typed slots.

"The city museum in Oslo opened on May 3, 2001." becomes subject *museum* (modifier *city*,
place Oslo), predicate *open* (class ``open``), slot when/start 2001-05-03. "Acme Corp
reported revenue of $4.2 billion in 2023, up 12%" becomes subject *Acme Corp*, predicate
*report*, quantity slots revenue = USD 4.2e9 (value) and +12% (change), when/period 2023.

Our own shallow reader, not a parser: no maintained English parser installs offline with its
model (spaCy and stanza download models), so the main verb is found with lemminflect's word
classes and the predicate table (``lexicon``), the subject is the noun phrase before it and
the slots are the facts already extracted (dates, figures, places), each given a role from
the words next to it. It is built to say "no statement" rather than guess: a rule compares
slots only between statements whose anchors and predicates align (``match.statements``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import operator
import re
import unicodedata
from functools import lru_cache
from typing import Protocol, TypeVar

from ..models import Anchor, Facts, Predicate, Slot, Statement
from .gazetteer import DEMONYMS
from .lexicon import lexicon, noun_lemma, past_form, verb_lemmas, word_classes
from .measures import in_comparison_base
from .numbers_compare import is_duration
from .vocabulary import CARDINALS

# letters of any script ("Tromsø", "São Paulo"), with the combining marks of decomposed text
# ("Noe" + U+0308 is "Noël"), words with inner hyphens, apostrophes and dots
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_LETTERS = rf"(?:[^\W\d_]|[{_MARKS}])"
# a name with a designation ("Kestrel-2", "Sentinel-1", "COVID-19") is one word: the number is
# what tells the second probe from the first
_DESIGNATED = r"[A-Z][^\W\d_]*(?:-\d+)+(?![\d.,:–-])"
# (a word is a run of letters, then runs of marks and letters: the tokens of letter (letter|mark)*
# without trying an alternation at every character)
_TOKEN = re.compile(
    rf"{_DESIGNATED}|[^\W\d_]+(?:[{_MARKS}]+[^\W\d_]*)*(?:['’.-]{_LETTERS}+)*|\d+(?:[.,:–-]\d+)*|[^\w\s{_MARKS}]"
)
# the same tokens of ASCII text, where a letter is [A-Za-z] and no mark, "’" or "–" occurs:
# plain character sets the regex engine scans faster than Unicode classes; a capitalised word
# is read once, then given its designation or its inner marks (not read again as a plain word
# when it has no designation), and no run is given back (possessive: none could end a longer
# token, a designation's lookahead sees a digit or "-" before any shorter one)
_TOKEN_ASCII = re.compile(
    r"[A-Z][A-Za-z]*+(?:(?:-\d++)++(?![\d.,:-])|(?:['.-][A-Za-z]++)*+)|[a-z][A-Za-z]*+(?:['.-][A-Za-z]++)*+"
    r"|\d++(?:[.,:-]\d++)*+|[^\w\s]"
)
DETERMINERS = frozenset("the a an this that these those its their his her our your my".split())
PRONOUNS = frozenset("it they he she this these we i you there".split())
_SPEAKERS = frozenset("we i you".split())  # they name the speaker, not an earlier subject
_PREPOSITIONS = frozenset(
    "in of at on for from to with by near outside inside across over under "
    "between during after before since until into onto through behind beyond around "
    "along against towards toward amid despite without within via".split()
)
_PREPOSITIONS_BUT_OF = _PREPOSITIONS - {"of"}  # "the mayor of Lyon" is one noun phrase
_FUNCTION = (
    DETERMINERS
    | _PREPOSITIONS
    | frozenset(
        "and or but as is are was were be been being has have had do does did also then still "
        "which who whom whose that where when while than new old first last".split()
    )
)
FUNCTION_WORDS = _FUNCTION  # for the readers of the match layer
# word classes compared against, built once (a set display in a comparison is built each time)
_ADJ, _NOUN, _VERB, _ADV = (frozenset({c}) for c in ("ADJ", "NOUN", "VERB", "ADV"))
_VERB_AUX = frozenset({"VERB", "AUX"})
_ADJ_NOUN = frozenset({"ADJ", "NOUN"})
_NOMINAL = frozenset({"NOUN", "ADJ", "PROPN"})

# name words that say what kind of body a name is, not which one ("Acme Corp" = "Acme")
_NAME_SUFFIXES = frozenset(
    "corp corporation inc ltd plc llc co company group holdings sa ag nv the of and "
    "dr mr mrs ms prof professor sir dame lord lady".split()
)
# a leading adverbial clause: "On May 3, 2001, ...", "In a statement on Friday, ..."
_LEAD = re.compile(
    r"^\s*(?:(?:on|in|at|by|during|after|before|since|last|earlier|later|this|next|once|when|while|"
    r"if|although|though|because|until|whereas|"
    r"according\s+to|for|with|under|following|despite|as)\b(?:[^,]|,(?=\d)){0,80},\s+)",
    re.I,
)
_SCORE = re.compile(r"(?<![\d/.,:–-])(\d{1,2})\s?[-–—:]\s?(\d{1,2})(?![\d/:–-]|[.,]\d)")
# a tally: "by 84,312 votes to 79,655", "31 votes to 12", "by nine votes to four", "voted 9 to 4"
_TALLY_NUMBER = r"\d{1,3}(?:,\d{3})*|\d+|" + "|".join(sorted(CARDINALS, key=len, reverse=True))
_TALLY_WORD = re.compile(r"vote|seat|point", re.I)  # every tally has one: a cheap test before _TALLY
_TALLY = re.compile(
    rf"(?<![\d,.\w])(?:(?P<a>{_TALLY_NUMBER})\s+(?:votes?|seats?|points?)|(?:(?<=voted\s)|(?<=vote\sof\s))(?P<v>{_TALLY_NUMBER}))"
    rf"\s+to\s+(?P<b>{_TALLY_NUMBER})(?![\w]|[,.]\d)",
    re.I,
)
# a body's split right after its verb of decision: "ruled 2 to 1" (the verb is checked in code)
_SPLIT = re.compile(rf"(?P<a>{_TALLY_NUMBER})\s+to\s+(?P<b>{_TALLY_NUMBER})(?![\w%]|[,.]\d|\s+per\b)", re.I)
# number words (the one table is quantities'), and vague counts, after an ordinal
_COUNT_WORDS = frozenset(CARDINALS) | {"dozen", "few", "several"}
_YEAR_MODIFIER = re.compile(
    r"\s+(?!and\b|or\b|to\b|in\b|on\b|at\b|for\b|from\b|by\b|when\b|after\b|before\b)[A-Za-z][A-Za-z-]+"
)
_YEAR = re.compile(r"1\d{3}|20\d{2}")
_DATE_PREP = re.compile(r"\b(from|between|until|till|through|by|since|to|before|after)\s+(?:the\s+)?$", re.I)
_PLACE_PREP = re.compile(r"\b(in|at|to|near|from|into|outside)\s+(?:the\s+)?(?:city\s+of\s+)?$", re.I)
_CHANGE_PREP = re.compile(r"\b(by|up|down|of)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$", re.I)
# comparatives after a figure, by the way they go: "3.1 percent lower", "88 pounds more"
_UPWARD = frozenset({"higher", "more", "greater", "dearer"})
_COMPARATIVES = "|".join(sorted(_UPWARD | {"lower", "less", "fewer", "smaller", "cheaper"}))
_COMPARATIVE_AFTER = re.compile(rf"\s*({_COMPARATIVES})\b", re.I)  # used with .match(text, pos)
# a figure the comparative after it makes a difference: "88 pounds more than now", "3 points
# higher", "150 million pounds over the original budget", "60 percent above the first estimate"
_DIFFERENCE_AFTER = re.compile(  # used with .match(text, pos)
    rf"\s*(?:(?:{_COMPARATIVES})\b"
    r"|(?:over|under|above|below)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:\w+\s+)?"
    r"(?:budget|estimate|forecast|target|plan|expectations?|average|limit|cap)\b)",
    re.I,
)
_UP_DOWN_FROM = re.compile(r"\b(up|down)\s+from\s+(?:about\s+|around\s+)?$", re.I)
_LEVEL_PREP = re.compile(
    r"\b(to|at|reached|hit|totalled|totaled|totalling|totaling)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$",
    re.I,
)
_BASE_PREP = re.compile(
    r"\b(from|versus|vs\.?|compared\s+with|compared\s+to|against|than)\s+(?:about\s+|around\s+)?$", re.I
)


# A token is (start, end, word, lower, capitalised): the sentence's one token table. Every
# reader below indexes it instead of lower-casing and testing the same word again.
Token = tuple[int, int, str, str, bool]
# A predicate found in the token table: (verb token, end token, lemma, classes, the token of a
# verb of saying before it or None).
_Found = tuple[int, int, str, tuple[str, ...], int | None]


class _Spanned(Protocol):
    """A fact with its character span (a date, figure, name or quote)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_Spanned)
_FIRST = operator.itemgetter(0)
_LOWER = operator.itemgetter(3)


def _has_tally_word(text: str) -> bool:
    """``_TALLY_WORD.search(text)``, by str search when the text is ASCII (re.I also folds
    "ſ" and "ı", which only other text can hold)."""
    if text.isascii():
        lowered = text.lower()
        return "vote" in lowered or "seat" in lowered or "point" in lowered
    return _TALLY_WORD.search(text) is not None


def _tokens(text: str) -> list[Token]:
    """The token table of ``text``: each word composed (NFC) so that decomposed text reads
    like any other, the offsets those of ``text``."""
    if text.isascii():
        found = list(_TOKEN_ASCII.finditer(text))
        words = list(map(re.Match.group, found))
    else:
        found = list(_TOKEN.finditer(text))
        words = [unicodedata.normalize("NFC", m.group()) for m in found]
    # (built column by column with map and zip: no Python loop per token)
    return list(
        zip(
            map(re.Match.start, found),
            map(re.Match.end, found),
            words,
            map(str.lower, words),
            map(str.isupper, map(_FIRST, words)),  # a token is never empty
        )
    )


def name_key(words: list[str]) -> str:
    """A name as compared: lower-cased, accents folded ("Noël" is "Noel"), corporate suffixes
    and articles dropped."""
    return " ".join([key for key in map(_name_word, words) if key not in _NAME_SUFFIXES])


# cached: a sentence keys each of its name words again for every anchor and run it is part of
@lru_cache(maxsize=65536)
def _name_word(word: str) -> str:
    """A word of a name as compared: "Noël's" is "noel"."""
    return _fold(word.removesuffix("'s").removesuffix("’s")).lower().strip(".'’")


def _fold(word: str) -> str:
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _proper_runs(tokens: list[Token], first: int, last: int, masked: set[int]) -> list[tuple[int, int]]:
    """Runs of capitalised words (with inner "of"/"the"/"de"/"&"), as token index ranges."""
    runs, i = [], first
    while i < last:
        t = tokens[i]
        if t[4] and i not in masked and (t[2].isalpha() or "-" in t[2]):
            j = i + 1
            while j < last and j not in masked:
                tj = tokens[j]
                if tj[4] and tj[2][0].isalpha():
                    j += 1
                elif (
                    tj[3] in {"of", "the", "de", "&", "and", "for"}
                    and j + 1 < last
                    and tokens[j + 1][4]
                    and j + 1 not in masked
                ):
                    j += 2
                else:
                    break
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _first_token_at(tokens: list[Token], at: int) -> int:
    """The index of the first token starting at or after character ``at``, 0 if none does."""
    k = bisect.bisect_left(tokens, (at,))
    return k if k < len(tokens) else 0


def _covered(spans: list[tuple[int, int]], tokens: list[Token]) -> set[int]:
    """Indices of the tokens lying inside any of the character spans."""
    out: set[int] = set()
    if not spans:
        return out
    for a, b in spans:
        k = bisect.bisect_left(tokens, (a,))  # the first token starting at or after a
        while k < len(tokens) and tokens[k][1] <= b:
            out.add(k)
            k += 1
    return out


def _match_words(tokens: list[Token], i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(tokens):
        return False
    return all(tokens[i + k][3].replace("’", "'") == w for k, w in enumerate(words))


# words after which "to" + verb is the clause's own verb ("is expected to cost", "voted to close")
_TO_VERBS = frozenset(
    """expected set due plans planned plan likely scheduled going able about has have had is are
    was were wants wanted aims aimed hopes hoped agreed decided voted failed refused began started continues
    continued tried seeks sought intends intended promised pledged vowed proposed proposes seems appears
    used needs needed""".split()
)


def _find_predicate(tokens: list[Token], start: int, masked: set[int], participle: bool = False) -> _Found | None:
    """(token index, end index, lemma, classes) of the main verb, or None.

    A verb of the predicate table wins; else the first inflected lower-case verb form. A verb
    of saying with a later predicate gives way to it (the statement is what was said).
    """
    lex = lexicon()
    fallback = None
    said_at = None
    aside = False  # inside ", who ...," or ", a marine biologist ...,": not the main clause
    depth = 0  # inside parentheses: "X (born March 16, 1986) is an actress"
    copula_seen = described = False
    for i in range(start, len(tokens)):
        _, _, w, lw, capitalised = tokens[i]
        if w in ("(", ")"):
            depth = max(0, depth + (1 if w == "(" else -1))
            continue
        if depth:
            continue
        if lw in _COPULA_FORMS and i > start:
            copula_seen = True
        if (
            copula_seen
            and i + 1 < len(tokens)
            and tokens[i + 1][3] == "by"
            and lw not in verb_lemmas(w)
            and ("NOUN" in word_classes(tokens[i - 1][2]) or tokens[i - 1][2] == "," and described)
        ):
            described = True
            continue  # "is a 1980 drama film directed by X, written by Y": it describes the film
        if (
            w == ","
            and fallback is None
            and said_at is None
            and i + 1 < len(tokens)
            and tokens[i + 1][3] in {"who", "which", "whose", "a", "an", "the", "now", "then", "once"}
        ):
            aside = not aside if not aside else aside
            if aside and i > start:
                aside = True
                continue
        if aside:
            if w == ",":
                aside = False
            continue
        if i in masked:
            continue
        if fallback is not None and (
            w in {",", ";", ":", "-", "–", "—"}
            or lw
            in {
                "which",
                "who",
                "whom",
                "whose",
                "and",
                "but",
                "when",
                "where",
                "while",
                "because",
                "although",
                "though",
                "if",
                "after",
                "before",
                "once",
                "until",
                "since",
            }
        ):
            break  # a relative or second clause: the verb already seen is the main one
        if not w[0].isalpha():
            continue
        lemmas = verb_lemmas(w)
        if not lemmas:
            continue  # (the tests below only ever skip a verb form: a word that is none goes first)
        b = i - 1
        while b > start and b in masked:
            b -= 1
        prev = tokens[b][3] if i > start else ""
        if (prev in DETERMINERS and prev not in ("that", "this")) or prev.endswith(("'s", "’s")):
            continue  # "the opening", "a visit": a noun
        counted = i - 1 in masked and (tokens[i - 1][2][0].isdigit() or tokens[i - 1][3] in CARDINALS)
        numbered = i - 1 not in masked and tokens[i - 1][2][0].isdigit() and "NOUN" in word_classes(w)
        if i - 1 >= start and (counted or numbered):
            continue  # "in three acts", "two votes", "its phase 3 study": a counted or numbered noun
        if b >= start and b not in masked and word_classes(tokens[b][2]) == _ADJ and "NOUN" in word_classes(w):
            continue  # "a large sleep study": a noun after an adjective
        if (
            lw.endswith("ing")
            and lw not in lemmas  # "bring", "sing": a base form, not a participle
            and prev not in {"is", "are", "was", "were", "be", "been", "am"}
            and not (participle and i == start)
        ):
            continue  # "the trains serving the line": a participle, not the clause's verb
        if (
            prev == "to"
            and b - 1 >= start
            and tokens[b - 1][3] not in _TO_VERBS
            and "NOUN" in word_classes(tokens[b - 1][2])
        ):
            continue  # "the first scheme to win approval": an infinitive after a noun
        if capitalised and (i > start or word_classes(w) - _VERB_AUX):
            continue  # a name ("Harbour United", "Rose") or the subject's first word ("Net profit"), not a verb
        # two-word predicates: "took place", "stepped down", "set up"
        nxt = tokens[i + 1][3] if i + 1 < len(tokens) else ""
        if _noun_before_verb(tokens, i, masked):
            continue  # "passenger numbers fell": a plural noun, its verb right after
        if fallback is not None and lw.endswith("ed") and word_classes(nxt) == _NOUN:
            continue  # "put insured damage at": a participle before a noun, after the verb
        if (nxt == "by" or tokens[i - 1][2] == ",") and i > start and _reduced_relative(tokens, i, masked):
            continue  # "a jet operated by Atlanterra Air returned": the participle describes the subject
        phrase = _phrase_at(tokens, i, lemmas)
        if phrase is not None:
            return i, phrase[0], phrase[1], phrase[2], said_at
        known = [(lemma, classes) for lemma in lemmas if (classes := lex.classes_of(lemma))]
        if said_at is None and nxt != "to" and (any(lemma in lex.speech for lemma in lemmas) or nxt == "that"):
            said_at = i
            continue
        if known:
            lemma, classes = known[0]
            if lemma in ("be", "do"):
                continue
            after = nxt
            if after in {"not", "never", "n't", "also", "already", "just", "since", "long", "recently"}:
                after = tokens[i + 2][3] if i + 2 < len(tokens) else ""
            if lemma == "have" and (
                lw.endswith(("n't", "n’t"))
                or after
                and verb_lemmas(after)
                and after not in verb_lemmas(after)
                and ("NOUN" not in word_classes(after) or after.endswith(("ed", "en", "wn", "ne")))
            ):
                continue  # "has opened", "had not lost": an auxiliary
            return i, i + 1, lemma, classes, said_at
        if (
            fallback is None
            and lw
            not in {
                "is",
                "are",
                "was",
                "were",
                "be",
                "been",
                "has",
                "have",
                "had",
                "do",
                "does",
                "did",
                "will",
                "would",
                "can",
                "could",
                "may",
                "might",
                "should",
                "must",
                "shall",
            }
            and (
                _verb_by_position(tokens, i, start, masked)
                or (lw != lemmas[0] or word_classes(w) == _VERB)
                and (lw.endswith("ed") or not word_classes(w) & _ADJ_NOUN or participle and i == start)
            )
        ):
            fallback = (i, i + 1, lemmas[0], (lemmas[0],), said_at)
    if fallback is not None:
        return fallback
    if said_at is not None:
        # nothing after the verb of saying reads as a predicate: the statement is the saying
        said = verb_lemmas(tokens[said_at][2])
        lemma = next((x for x in said if x in lex.speech), said[0])
        return said_at, said_at + 1, lemma, ("say",), None
    return None


@lru_cache(maxsize=1)
def _score_forms() -> frozenset[str]:
    """The score nouns of the table and their plurals ("votes")."""
    nouns = lexicon().score_nouns
    return frozenset(nouns) | {n + "s" for n in nouns} | {n + "es" for n in nouns}


def _tally_number(word: str) -> int:
    return int(word.replace(",", "")) if word[0].isdigit() else CARDINALS[word.lower()]


def _noun_before_verb(tokens: list[Token], i: int, masked: set[int]) -> bool:
    """Whether tokens[i] is a plural noun ending the subject: a form that is also a noun
    ("numbers", "prices") right before an inflected verb of the predicate table ("fell",
    "rose") that is not itself followed by a noun ("employs trained staff" keeps its verb)."""
    w = tokens[i][3]
    if "NOUN" not in word_classes(w) or i + 1 >= len(tokens) or i + 1 in masked:
        return False
    if not w.endswith("s") and not (w in verb_lemmas(w) and i > 0 and _singular_noun(tokens[i - 1][2])):
        # a base form after a singular noun cannot be its verb ("the shipwreck show opened"),
        # after a plural it can ("prices show increased demand")
        return False
    nxt = tokens[i + 1][2]
    if nxt.lower() in _PREPOSITIONS and i > 0 and "NOUN" in word_classes(tokens[i - 1][2]):
        # "visitor numbers at the museum fell": the verb comes after the noun's own phrase
        return any(_inflected_predicate(tokens[k][2]) for k in _phrase_after(tokens, i + 2, masked))
    return _inflected_predicate(nxt) and not (
        (after := tokens[i + 2][2] if i + 2 < len(tokens) else "")[:1].isalpha() and word_classes(after) == _NOUN
    )


_MODALS = frozenset("will would shall should can could may might must".split())
_PARTICLES = frozenset("out up down off back over".split())


def _verb_by_position(tokens: list[Token], i: int, start: int, masked: set[int]) -> bool:
    """Whether a form that may be a noun too ("cut", "play", "broke") is the verb by where it
    stands: after a modal ("will next play"), or right after a name and before a determiner,
    a particle or a figure ("the Bank of Valdoria cut its rate", "a wildfire broke out")."""
    if i <= start:
        return False
    prev = tokens[i - 1][2]
    if prev.lower() in _MODALS or i - 2 >= start and tokens[i - 2][2].lower() in _MODALS and prev.lower() in _ADVERBS:
        return True
    nxt = tokens[i + 1][2].lower() if i + 1 < len(tokens) else ""
    if not (nxt in DETERMINERS or nxt in _PARTICLES or i + 1 in masked and nxt[:1].isdigit()):
        return False
    if prev.lower() in _FUNCTION:
        return False  # "a wildfire that broke out ... was brought under control": a relative clause
    return (tokens[i - 1][4] and i - 1 > start) or (i - 1) in masked or _singular_noun(prev)


_ADVERBS = frozenset("next also then now still never not just already again soon".split())


def _reduced_relative(tokens: list[Token], i: int, masked: set[int]) -> bool:
    """Whether the participle at ``i`` ("operated" before "by") follows a noun and a verb of
    the predicate table comes after its "by" phrase: it describes the noun, the later verb is
    the clause's."""
    w = tokens[i][2].lower()
    if i < 2 or w in verb_lemmas(w):
        return False
    if tokens[i - 1][2] == "," and "NOUN" in word_classes(tokens[i - 2][2]):
        # ", founded by Ana Silva, opened", ", called CLEAR-M, enrolled": the verb right after
        # the closing comma
        after = _phrase_after(tokens, i + 1, masked)
        k = after.stop
        if not (k + 1 < len(tokens) and tokens[k][2] == ","):
            return False
        verb = tokens[k + 1][2]
        return past_form(verb) or verb.endswith("s") and word_classes(verb) == {"VERB"}
    if "NOUN" not in word_classes(tokens[i - 1][2]):
        return False
    return any(past_form(tokens[k][2]) for k in _phrase_after(tokens, i + 2, masked))


def _singular_noun(word: str) -> bool:
    return not word.lower().endswith("s") and "NOUN" in word_classes(word)


@lru_cache(maxsize=65536)
def _inflected_predicate(word: str) -> bool:
    """A lower-case inflected form ("fell", "rose") of a verb of the predicate table."""
    if not word[0].islower() or word.endswith(("s", "ing")):
        return False
    return any(x != word and lexicon().classes_of(x) for x in verb_lemmas(word))


def _phrase_after(tokens: list[Token], k: int, masked: set[int], most: int = 8) -> range:
    """The token indices of a prepositional phrase from ``k``: up to ``most`` tokens, ending
    before a comma or a clause word."""
    end = k
    while end < min(len(tokens), k + most):
        w = tokens[end][2]
        if end not in masked and (
            w in (",", ";", ":") or w.lower() in ("which", "who", "that", "and", "but", "when", "where")
        ):
            break
        end += 1
    return range(k, end)


_COPULA_FORMS = {
    "is": "be",
    "are": "be",
    "was": "be",
    "were": "be",
    "be": "be",
    "been": "be",
    "became": "become",
    "becomes": "become",
    "remains": "remain",
    "remained": "remain",
}


_BEFORE_COMPLEMENT = DETERMINERS | {"not", "never", "also", "still"}


def _copula(tokens: list[Token], start: int, masked: set[int]) -> _Found | None:
    """ "It is the company's second factory": a copula with a noun phrase after it, when the
    sentence has no other verb (a role after it, "is the mayor of", is a role statement)."""
    lex = lexicon()
    for k in range(start + 1, len(tokens)):
        w = tokens[k][3]
        if k in masked or w not in _COPULA_FORMS:
            continue
        j = k + 1
        while j < len(tokens) and tokens[j][3] in _BEFORE_COMPLEMENT:
            j += 1
        ahead = " ".join(t[3] for t in tokens[j : j + 4])
        if any(ahead == r or ahead.startswith(r + " ") for r in lex.roles):
            return None
        lemma = _COPULA_FORMS[w]
        return k, k + 1, lemma, lex.classes_of(lemma) or (lemma,), None
    return None


def _modality_and_negation(
    tokens: list[Token], start: int, pred: int, masked: frozenset[int] | set[int] = frozenset()
) -> tuple[str | None, bool]:
    """The modality ("will", "plans to", "may") and negation ("not", "never") cues before the
    verb; none inside a date or figure ("born 4 May 1981")."""
    lex = lexicon()
    modality, negated = None, False
    for i in range(max(start, pred - 5), pred):
        if i in masked:
            continue
        w = tokens[i][3].replace("’", "'")
        if w.endswith("n't"):
            negated = True
        for words, what in lex.cues_by_first.get(w, ()):
            if _match_words(tokens, i, words):
                if what == "not":
                    negated = True
                else:
                    modality = modality or what
    return modality, negated


def _phrase_at(tokens: list[Token], i: int, lemmas: tuple[str, ...]) -> tuple[int, str, tuple[str, ...]] | None:
    """The longest phrasal predicate of the table starting at verb token ``i`` ("set up",
    "get under way"): (end token, its lemma, its classes), or None."""
    best = None
    for lemma in lemmas:
        for words, rest, classes in _phrases_of(lemma):
            if best is not None and len(words) <= best[0] - i - 1:
                continue
            if tuple(map(_LOWER, tokens[i + 1 : i + 1 + len(words)])) != words:
                continue
            if any(lexicon().classes[c].before_name for c in classes) and not _name_follows(tokens, i + 1 + len(words)):
                continue  # "fell to second place": the verb alone
            best = (i + 1 + len(words), f"{lemma} {rest}", classes)
    return best


_NOBODY = frozenset({"no one", "no-one", "nobody", "none"})


def _denied_by_determiner(
    predicate: Predicate, subject: Anchor | None, objects: list[Anchor]
) -> tuple[Anchor | None, list[Anchor]]:
    """ "No one was taken to hospital", "No workers were hurt", "declared no interim dividend":
    a "no" before the subject or the object denies the predicate ("Two people were taken" is
    its opposite); the anchor is read without it, "no one" as people."""

    def bare(a: Anchor) -> Anchor:
        head = "people" if a.text.lower() in _NOBODY else a.head
        return a.model_copy(update={"head": head, "modifiers": [m for m in a.modifiers if m != "no"]})

    said = subject.text.lower() if subject is not None else ""
    if (
        subject is not None
        and not subject.names
        and (said in _NOBODY or said.startswith("no ") and "no" in subject.modifiers)
    ):
        predicate.negated = not predicate.negated
        subject = bare(subject)
    if objects and objects[0].text.lower().startswith("no ") and "no" in objects[0].modifiers:
        predicate.negated = not predicate.negated
        objects = [bare(objects[0]), *objects[1:]]
    return subject, objects


def _name_follows(tokens: list[Token], k: int) -> bool:
    """Whether a capitalised word (past a determiner) starts at token ``k``."""
    while k < len(tokens) and tokens[k][3] in DETERMINERS:
        k += 1
    return k < len(tokens) and tokens[k][4]


# cached: every verb form read is tried against the phrases of each of its lemmas
@lru_cache(maxsize=4096)
def _phrases_of(lemma: str) -> tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...]:
    """The phrasal predicates of the table that begin with ``lemma``: (their further words,
    those words as written in the table, their classes)."""
    return tuple((tuple(rest.split()), rest, classes) for rest, classes in lexicon().phrases.get(lemma, {}).items())


def _complement_preposition(
    tokens: list[Token], k: int, masked: set[int], slots: list[Slot], offset: int
) -> str | None:
    """The preposition that heads the complement at token ``k``, past manner adverbs: it is part
    of what the predicate says ("was against a single parliament" is not "was an advocate of
    one", "voted for" is not "voted against"). None when the complement starts otherwise or the
    preposition only introduces a typed slot that is compared anyway ("opened in 2001", "was
    in Paris")."""
    while k < len(tokens) and tokens[k][3].endswith("ly") and word_classes(tokens[k][2]) == _ADV:
        k += 1
    if k + 1 >= len(tokens) or tokens[k][3] not in _PREPOSITIONS:
        return None
    nxt = tokens[k + 1]
    if k + 1 in masked or any(s.start <= nxt[0] + offset < s.end for s in slots):
        return None
    return tokens[k][3]


def _anchor(
    text: str, tokens: list[Token], lo: int, hi: int, masked: set[int], facts: Facts, offset: int
) -> Anchor | None:
    """The noun phrase tokens[lo:hi] as an anchor: its names, head noun, modifiers, places."""
    possessor = lo < hi and tokens[lo][3] in {"his", "her", "its", "their"}
    while lo < hi and (tokens[lo][3] in DETERMINERS or not tokens[lo][2][0].isalnum()):
        lo += 1
    while hi > lo and not tokens[hi - 1][2][0].isalnum():
        hi -= 1
    if lo >= hi:
        return None
    s, e = tokens[lo][0], tokens[hi - 1][1]
    if hi - lo == 1 and tokens[lo][3] in PRONOUNS:
        return Anchor(text=text[s:e], start=s + offset, end=e + offset, pronoun=True)
    # the places and people named inside the phrase, in one pass over the entities
    places: list[str] = []
    place_words: set[str] = set()
    names: list[str] = []
    first, last = s + offset, e + offset
    for m in facts.entities:
        if first <= m.start and m.end <= last:
            if m.kind == "place":
                places.append(m.canonical)
                place_words.update(w.lower() for w in m.text.split())
            elif m.kind == "person":
                names.append(name_key(m.canonical.split()))
    for q in facts.quotes:
        # a title in quotation marks ("Pocket Giants" earned ...) names the thing, though its
        # words are masked from the reading of the sentence
        title = [w for w in (w.strip(",.;:!?") for w in q.text.split()) if w]
        if q.start < last and first < q.end and 0 < len(title) <= 8 and _title_cased(title):
            key = name_key(title)
            if key and key not in names:
                names.append(key)
    ordinal_tokens = _covered(
        [(q.start - offset, q.end - offset) for q in facts.quantities if q.kind == "ordinal"], tokens
    )
    proper: set[int] = set()
    for a, b in _proper_runs(tokens, lo, hi, masked):
        run = [t[2] for t in tokens[a:b]]
        proper.update(range(a, b))
        if {t[3] for t in tokens[a:b]} <= place_words:
            continue  # a place inside the phrase ("museum in Oslo") is a place, not a name
        if b - a == 1 and tokens[a][0] == 0 and (tokens[a][3] in _FUNCTION or word_classes(run[0])):
            proper.discard(a)
            continue  # a capital only because it starts the sentence ("Revenue rose")
        key = name_key(run)
        if key and all(key != n and key not in n.split() for n in names):
            names.append(key)
    # head: the last common noun before a preposition (the core of "the city museum in Oslo")
    core_end = hi
    for k in range(lo, hi):
        if tokens[k][3] in _PREPOSITIONS and k > lo:
            core_end = k
            break
    head, modifiers = "", []
    # an ordinal inside the phrase names which one ("the second section"): it is a modifier
    # ... and so does a year before the head ("her 1975 survey" is not "her 1985 survey")
    years = {k for k in range(lo, core_end - 1) if tokens[k][2][0] in "12" and _YEAR.fullmatch(tokens[k][2])}
    core = [
        k
        for k in range(lo, core_end)
        if k not in proper
        and (k not in masked or k in ordinal_tokens or k in years)
        and (tokens[k][2][0].isalpha() or k in years)
        and (tokens[k][3] not in _FUNCTION or k in ordinal_tokens)
    ]
    if core and core[-1] in years:
        modifiers = [_word_lemma(tokens[k][2]) for k in core]  # "the 2027 Lakemoor Festival": a year is no head
    elif core:
        head = _word_lemma(tokens[core[-1]][2])
        modifiers = [_word_lemma(tokens[k][2]) for k in core[:-1]]
    # content words after the core ("of the University of Leeds" is a name; "of the trial" a modifier)
    for k in range(core_end, hi):
        w = tokens[k][2]
        if (
            k in proper
            or (k in masked and k not in ordinal_tokens)
            or not w[0].isalpha()
            or (tokens[k][3] in _FUNCTION and k not in ordinal_tokens)
        ):
            continue
        modifiers.append(_word_lemma(w))
    # a place word is compared as a place ("Bilbao's airport link" / "the link between Bilbao and its airport")
    modifiers = [m for m in modifiers if m not in place_words]
    # possessive names before the head: "Oslo's museum" keeps Oslo as a place, "Acme's plant" a name
    return Anchor(
        text=text[s:e],
        start=s + offset,
        end=e + offset,
        head=head,
        modifiers=sorted(set(modifiers)),
        names=names,
        places=list(dict.fromkeys(places)),
        possessor=possessor and not names,
    )


def _title_cased(words: list[str]) -> bool:
    """Whether words read as a title: the first and every word but short function words
    capitalised ("The Glass Orchard", "Pocket Giants", "Lord of the Rings")."""
    return words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in _FUNCTION for w in words)


@lru_cache(maxsize=65536)
def _word_lemma(word: str) -> str:
    """A noun phrase word as compared: possessive dropped ("Bilbao's" is "bilbao"), lemmatised."""
    return noun_lemma(word.strip("'’").removesuffix("'s").removesuffix("’s"))


_ROLE_LEAD = frozenset("the a an its their his her new former current acting interim longtime then".split())
_ROLE_LEAD_NOT_POSSESSIVE = _ROLE_LEAD - {"its", "their", "his", "her"}
_BODY_PREPS = ("of", "at", "for", "on", "with")


def _name_run_at(tokens: list[Token], k: int, masked: set[int], forward: bool = True) -> tuple[int, int] | None:
    """The run of capitalised words starting (or, backwards, ending) at token ``k``."""
    n = len(tokens)
    if forward:
        runs = [r for r in _proper_runs(tokens, k, min(n, k + 8), masked) if r[0] == k]
    else:
        runs = [r for r in _proper_runs(tokens, max(0, k - 7), k + 1, masked) if r[1] == k + 1]
    return runs[-1] if runs else None


_NAMING = ("called", "named", "dubbed", "known as")


def _name_after_comma(tokens: list[Token], k: int, hi: int, masked: set[int]) -> str | None:
    """The name key of an apposition that names what comes before its comma at ``k``:
    ", called CLEAR-M,", ", known as the Hollin Moor hoard," (a bare name, ", CLEAR-M,", may be
    a person's, so it is not taken), closed by a comma before ``hi``."""
    j = k + 1
    for cue in _NAMING:
        words = cue.split()
        if [t[3] for t in tokens[j : j + len(words)]] == words:
            j += len(words)
            break
    else:
        return None
    while j < hi and tokens[j][3] in DETERMINERS:
        j += 1
    run = _name_run_at(tokens, j, masked)
    if run is None or run[1] >= len(tokens) or tokens[run[1]][2] != ",":
        return None
    return name_key([t[2] for t in tokens[run[0] : run[1]]]) or None


def _possessor_run(tokens: list[Token], k: int) -> tuple[int, int] | None:
    """The name ending in the possessive token ``k`` ("Velora's", "Harbour Trust's"), which
    the run of capitalised words leaves out for its apostrophe."""
    word = tokens[k][2].removesuffix("'s").removesuffix("’s")
    if not (word[:1].isupper() and word.replace("-", "").isalpha()):
        return None
    a = k
    while a - 1 > 0 and tokens[a - 1][4] and tokens[a - 1][2].isalpha():
        a -= 1
    return a, k + 1


def _role_slots(
    text: str, tokens: list[Token], words: set[str], masked: set[int], facts: Facts, offset: int
) -> list[Slot]:
    """Who holds which office of what, in the three ways prose says it:
    "X is the (deputy) mayor of Y" / "X, the mayor of Y,"; "Y's manager, X,"; "Chief executive X"."""
    lex = lexicon()
    out: list[Slot] = []
    if lex.role_first.isdisjoint(words):
        return out  # no role noun: most sentences
    low = [t[3] for t in tokens]
    n = len(tokens)
    for i in range(n):
        if low[i] not in lex.role_first or i in masked:
            continue
        best = next((words for words in lex.roles_by_first.get(low[i], ()) if _match_words(tokens, i, words)), None)
        if best is None:
            continue
        j = i + len(best)
        # modifiers of the title right before it: "deputy", "assistant", "opposition", "Council"
        t0 = i
        while (
            t0 > 0
            and t0 - 1 not in masked
            and tokens[t0 - 1][2][0].isalpha()
            and low[t0 - 1] not in _FUNCTION
            and low[t0 - 1] not in _ROLE_LEAD
            and not low[t0 - 1].endswith(("'s", "’s"))
            and i - t0 < 2
            and not (tokens[t0 - 1][4] and t0 - 1 > 0 and tokens[t0 - 2][4])
        ):
            t0 -= 1
        title_words = [w for w in low[t0:j]]
        title = " ".join(title_words)
        holder_run = None
        body: list[str] = []
        past = False
        # the body: "of/at/for/on (the) Y" after the title, or "Y's" before it
        k = j
        if k < n and low[k] in _BODY_PREPS:
            k += 1
            while k < n and low[k] in DETERMINERS:
                k += 1
            run = _name_run_at(tokens, k, masked)
            if run is not None:
                a, b = run
                places = [
                    m.canonical
                    for m in facts.entities
                    if m.kind == "place" and tokens[a][0] + offset <= m.start and m.end <= tokens[b - 1][1] + offset
                ]
                body = [name_key([t[2] for t in tokens[a:b]])] + places
                k = b
        h = t0 - 1
        while h >= 0 and low[h] in _ROLE_LEAD_NOT_POSSESSIVE:
            h -= 1
        if h >= 0 and low[h].endswith(("'s", "’s")):
            run = _name_run_at(tokens, h, masked, forward=False) or _possessor_run(tokens, h)
            if run is not None and not body:
                body = [name_key([t[2] for t in tokens[run[0] : run[1]]])]
            h = run[0] - 1 if run else h - 1
        # the holder: a name right after the title ("Chief executive Sofia Lindqvist", "manager, Elena Marsh,")
        after = j if not body or k == j else k
        if after < n and tokens[after][2] == ",":
            after += 1
        run = _name_run_at(tokens, after, masked) if after < n else None
        if run is not None and run[1] - run[0] >= 2 and (after == j or after == j + 1):
            holder_run = run
        else:
            # or before it, across a copula or an apposition's comma
            g = h
            copular = apposition = False
            while g >= 0 and (
                low[g] in (",",)
                or any(low[g] == c[-1] for c in lex.copulas)
                or low[g] in {"as", "named", "appointed", "has", "had", "been", "serves", "served"}
            ):
                copular = copular or low[g] != ","
                apposition = apposition or low[g] == ","
                past = past or low[g] in {"was", "were", "became", "had", "served"}
                g -= 1
            if copular or apposition:
                holder_run = _name_run_at(tokens, g, masked, forward=False) if g >= 0 else None
        if holder_run is None:
            continue
        holder = name_key([t[2] for t in tokens[holder_run[0] : holder_run[1]]])
        if not holder or (body and holder in body):
            continue
        past = past or "former" in low[max(0, t0 - 3) : t0]
        s_, e_ = tokens[t0][0], tokens[max(j, k) - 1][1]
        out.append(
            Slot(
                kind="role",
                role="past" if past else "title",
                text=text[s_:e_],
                start=s_ + offset,
                end=e_ + offset,
                title=title,
                of=list(dict.fromkeys(body)),
                holder=[holder],
            )
        )
    return out


def _agent_slots(text: str, tokens: list[Token], masked: set[int], at: int, facts: Facts, offset: int) -> list[Slot]:
    """Who did it, where the verb says so with "by" right after it: "directed by Will Gluck",
    "built by Talleres Ebro and Alstom", "assembled by the manufacturer Talleres Ebro". One
    slot holding every name of the "by" phrase; none when "by" is followed by no name ("by
    four votes", "by train", "by the council")."""
    if at >= len(tokens) or tokens[at][3] != "by":
        return []
    k = at + 1
    while (
        k < len(tokens)
        and k - at <= 4
        and k not in masked
        and tokens[k][2][0].isalpha()
        and (not tokens[k][4] or tokens[k][2] in DEMONYMS)
        and tokens[k][3] not in _PREPOSITIONS
        and tokens[k][3] not in {"and", "or", "but", "which", "who", "whose"}
    ):
        k += 1  # "the manufacturer", "American singer": words before the name
    names: list[str] = []
    first = last = None
    while k < len(tokens) and k not in masked:
        run = _agent_name_at(tokens, k, masked, facts, offset)
        if run is None:
            break
        key = name_key([t[2] for t in tokens[run[0] : run[1]]])
        if not key:
            break
        names.append(key)
        first = first if first is not None else run[0]
        last = k = run[1]
        # "by A and B", "by A, B and C": each is a name of the phrase
        if k + 1 < len(tokens) and tokens[k][2] in (",", "and", "&"):
            k += 2 if tokens[k][2] == "," and tokens[k + 1][2] == "and" else 1
            continue
        break
    if not names or first is None or last is None:
        return []
    s, e = tokens[first][0], tokens[last - 1][1]
    return [Slot(kind="agent", role="by", text=text[s:e], start=s + offset, end=e + offset, holder=names)]


def _agent_name_at(tokens: list[Token], k: int, masked: set[int], facts: Facts, offset: int) -> tuple[int, int] | None:
    """The name starting at token ``k``: a person or organisation the entity reader found
    ("Bert V. Royal"), else the run of capitalised words there."""
    at = tokens[k][0] + offset
    for m in facts.entities:
        if m.start == at and m.kind in ("person", "org"):
            end = next((x for x in range(k, len(tokens)) if tokens[x][1] + offset >= m.end), k)
            return k, end + 1
    return _name_run_at(tokens, k, masked)


def _measure_after(tokens: list[Token], k: int, masked: set[int]) -> str:
    """The noun a sum or a share qualifies when written before it: "a $300 million share
    buyback" measures the buyback, "a 5% stake" the stake (the last noun of the run)."""
    measure = ""
    j = k
    while j < len(tokens) and j not in masked and tokens[j][2][0].isalpha() and tokens[j][3] not in _FUNCTION:
        classes = word_classes(tokens[j][2])
        # an unknown word after a noun goes on the compound ("share buyback"); an inflected verb
        # form is not a noun of it ("90% based on 10 reviews")
        if tokens[j][4] or not ("NOUN" in classes or measure and not classes) or past_form(tokens[j][2]):
            break
        measure = noun_lemma(tokens[j][2])
        j += 1
    return measure


def _measure_before(tokens: list[Token], k: int, masked: set[int], stop: int) -> str:
    """The noun a figure measures when written before it: "revenue of $4.2 billion"."""
    for j in range(k - 1, max(stop + 1, k - 5) - 1, -1):
        w = tokens[j][2]
        lw = tokens[j][3]
        if j in masked or not w[0].isalpha():
            if w in {",", ";", "(", ")"}:
                break
            continue
        if lw in _FUNCTION or lw in {
            "about",
            "around",
            "nearly",
            "almost",
            "some",
            "roughly",
            "up",
            "down",
            "totalled",
            "totaled",
            "reached",
            "hit",
            "stood",
        }:
            continue
        if verb_lemmas(w) and "NOUN" not in word_classes(w):
            break
        return noun_lemma(w)
    return ""


def build_statement(text: str, facts: Facts, offset: int = 0, participle: bool = False) -> Statement | None:
    """The statement of one sentence ``text`` whose facts carry offsets shifted by ``offset``;
    ``participle``: the text is a participle clause whose first word is its verb ("carrying 104
    passengers")."""
    if not text or len(text) > 2000:
        return None
    tokens = _tokens(text)
    if len(tokens) < 3:
        return None

    def rel(a: int, b: int) -> tuple[int, int]:
        return a - offset, b - offset

    quote_spans = [rel(q.start - 1, q.end + 1) for q in facts.quotes]
    fact_spans = [rel(d.start, d.end) for d in facts.dates] + [rel(q.start, q.end) for q in facts.quantities]
    masked = _covered(fact_spans + quote_spans, tokens)  # (the quoted words among them)
    aside = participle_lead_end(text)  # "Founded in 1902, ...": not the main clause's subject or facts
    lead = lead_end(text) or aside
    start = 0
    if lead:
        start = _first_token_at(tokens, lead)
    relative = _RELATIVE.match(text)
    if relative and start == 0:
        start = _first_token_at(tokens, relative.end())
    found = _find_predicate(tokens, start, masked, participle)
    if found is None:
        found = _copula(tokens, start, masked)
    predicate = None
    subject = None
    objects: list[Anchor] = []
    pred_index = None
    if found is not None:
        i, j, lemma, classes, said_at = found
        pred_index, pred_end = i, j
        lex = lexicon()
        modality, negated = _modality_and_negation(tokens, start, i, masked)
        direction = None
        for c in classes:
            pc = lex.classes.get(c)
            if pc and pc.direction:
                direction = pc.direction
        predicate = Predicate(
            lemma=lemma,
            classes=list(classes),
            negated=negated,
            modality="said" if said_at is not None and modality is None else modality,
            direction=direction,
            start=tokens[i][0] + offset,
            end=tokens[j - 1][1] + offset,
        )
        subj_lo = start
        if said_at is not None:
            # "X said (that) Y rose": the subject is the clause's
            subj_lo = said_at + 1
            if subj_lo < len(tokens) and tokens[subj_lo][3] == "that":
                subj_lo += 1
        # the subject ends before auxiliaries, modality and negation words
        subj_hi = i
        while subj_hi > subj_lo and (
            tokens[subj_hi - 1][3]
            in {
                "has",
                "have",
                "had",
                "was",
                "were",
                "is",
                "are",
                "be",
                "been",
                "will",
                "would",
                "did",
                "does",
                "do",
                "not",
                "never",
                "also",
                "then",
                "to",
                "finally",
                "officially",
                "formally",
                "first",
                "only",
                "later",
                "eventually",
                "recently",
                "expected",
                "set",
                "due",
                "planned",
                "plans",
                "scheduled",
                "likely",
                "could",
                "may",
                "might",
                "can",
                "should",
                "must",
                "shall",
                "no",
                "longer",
                "n't",
                "successfully",
                "expect",
                "expects",
                "aim",
                "aims",
                "hope",
                "hopes",
                "want",
                "wants",
                "intend",
                "intends",
                "plan",
                "need",
                "needs",
                "seek",
                "seeks",
                "continue",
                "continues",
                "continued",
                "now",
                "still",
            }
            or tokens[subj_hi - 1][3].endswith(("n't", "n’t"))
        ):
            subj_hi -= 1
        while (
            subj_hi > subj_lo + 1
            and tokens[subj_hi - 1][2].endswith("ed")
            and not tokens[subj_hi - 1][4]
            and verb_lemmas(tokens[subj_hi - 1][2])
            and "NOUN" not in word_classes(tokens[subj_hi - 1][2])
        ):
            subj_hi -= 1  # "the council voted (not) to approve": the subject is the council
            while subj_hi > subj_lo + 1 and tokens[subj_hi - 1][3] in {
                "also",
                "then",
                "later",
                "finally",
                "first",
            }:
                subj_hi -= 1
        # the subject ends at a copula or auxiliary inside it ("Jason Sudeikis is a Canadian and was born")
        for k in range(subj_lo + 1, subj_hi):
            if k not in masked and tokens[k][3] in {
                "is",
                "are",
                "was",
                "were",
                "has",
                "have",
                "had",
                "will",
                "would",
                "can",
                "could",
                "may",
                "might",
                "shall",
                "should",
            }:
                subj_hi = k
                break
        # the subject ends at its first verb form ("the council voted on May 3 to approve") or adverb
        for k in range(subj_lo + 1, subj_hi):
            w = tokens[k][2]
            if k in masked or not w[0].isalpha() or tokens[k][4] or tokens[k][3] in _FUNCTION:
                continue
            kinds = word_classes(w)
            if (verb_lemmas(w) and tokens[k][3] not in verb_lemmas(w) and not kinds & _NOMINAL) or (kinds == _ADV):
                subj_hi = k
                break
        # a relative clause or apposition inside the subject ends it at the first comma; an
        # apposition that names it ("the trial, called CLEAR-M,") gives it that name
        called = None
        for k in range(subj_lo, subj_hi):
            if tokens[k][2] == "(" and k > subj_lo:
                subj_hi = k  # "Alexandra Daddario (born March 16, 1986)": the parenthesis is a statement of its own
                break
            if tokens[k][2] == ",":
                called = _name_after_comma(tokens, k, subj_hi, masked)
                subj_hi = k
                break
        if subj_lo < subj_hi and tokens[subj_lo][3] in _PREPOSITIONS:
            k = subj_lo + 1
            while k < subj_hi and (k in masked or tokens[k][3] in DETERMINERS):
                k += 1
            if k > subj_lo + 1 and k < subj_hi:
                subj_lo = k  # "In 1968 she became": the date phrase is no part of the subject
        subject = _anchor(text, tokens, subj_lo, subj_hi, masked, facts, offset)
        if called and subject is not None and subject.head and not subject.names and not subject.pronoun:
            subject = subject.model_copy(update={"names": [called]})
        # objects: the noun phrase right after the predicate, up to a preposition or a clause mark
        if j + 1 < len(tokens) and tokens[j][3] in ("to", "against", "over") and tokens[j + 1][4]:
            j += 1  # "lost to Millbrook Town", "won against Eastfield": the name is the object
        while j < len(tokens) and tokens[j][3].endswith("ly") and word_classes(tokens[j][2]) == _ADV:
            j += 1  # "rose sharply behind the storm": the manner is no object
        k = j
        while (
            k < len(tokens)
            and k not in masked
            and tokens[k][2] not in {",", ";", ".", ":"}
            and tokens[k][3] not in _PREPOSITIONS_BUT_OF
            and tokens[k][3] not in {"and", "but", "which", "who", "once", "when", "while", "because", "as"}
        ):
            k += 1
        obj = _anchor(text, tokens, j, k, masked, facts, offset)
        if obj is not None and (obj.head or obj.names):
            objects.append(obj)
    if predicate is not None:
        subject, objects = _denied_by_determiner(predicate, subject, objects)
    # the main clause's slots end where its next clause begins (", where ...", "; ..."), after its verb
    main_end = len(text)
    cut = None
    if predicate is not None:
        cut = _next_clause(text, predicate.end - offset, tokens[pred_end - 1][3])
        if cut is not None:
            main_end = cut.start()
    own = facts if main_end == len(text) else _within(facts, offset, offset + main_end)
    if aside:
        own = _within(
            own, offset + aside, offset + main_end
        )  # "Founded in 1902, the museum ...": 1902 is the founding's
    if predicate is not None and "(" in text:
        own = _same_level(text, own, offset, predicate.start - offset)
    words = set(map(_LOWER, tokens))  # the sentence's lower-case words, for the cheap tests of its readers
    slots = _slots(text, tokens, words, masked, own, offset, subject, objects, predicate, pred_index)
    if cut is not None and cut.group().strip(" ,").lower() == "when" and not any(s.kind == "when" for s in slots):
        slots += _when_clause_times(text, facts, offset, cut.end())
    slots += _role_slots(text, tokens, words, masked, facts, offset)
    if pred_index is not None:
        # after the verb, and after each repetition of it ("directed by A, directed by B")
        verb = tokens[pred_index][3]
        for k in [pred_end] + [
            x + 1 for x in range(pred_end, len(tokens) - 1) if tokens[x][3] == verb and tokens[x][0] < main_end
        ]:
            slots += _agent_slots(text, tokens, masked, k, facts, offset)
    if predicate is not None and pred_index is not None and predicate.lemma in lexicon().change_verbs:
        # "lost 3 percent of its people", "was raised 12 percent": a percentage right after the
        # verb makes it a change
        verb_end = predicate.end  # "lost 3 percent", "was raised 12 percent": the percentage right after it
        if any(
            slot.kind == "quantity"
            and slot.quantity is not None
            and slot.quantity.kind == "percent"
            and 0 <= slot.start - verb_end <= 9
            for slot in slots
        ):
            cls = lexicon().change_verbs[predicate.lemma]
            predicate.classes = [cls]
            predicate.direction = lexicon().classes[cls].direction
            for slot in slots:
                if slot.kind == "quantity" and slot.quantity is not None and slot.quantity.kind == "percent":
                    if slot.role == "value":
                        slot.role = "change"
                    break
    if predicate is not None and predicate.direction is None:
        # "closed 3.1 percent lower": the comparative after a change says which way it went;
        # "totals 412 million pounds, up from 398 million": so does "up" or "down" before its base
        for slot in slots:
            if slot.kind == "quantity" and slot.role == "change":
                m = _COMPARATIVE_AFTER.match(text, slot.end - offset)
                if m:
                    predicate.direction = "up" if m.group(1).lower() in _UPWARD else "down"
                    break
            if slot.kind == "quantity" and slot.role == "base":
                m = _UP_DOWN_FROM.search(text[max(0, slot.start - offset - 12) : slot.start - offset])
                if m:
                    predicate.direction = m.group(1).lower()
                    break
    by = None
    if predicate is not None and pred_index is not None:
        predicate.relation = _complement_preposition(tokens, pred_end, masked, slots, offset)
        if predicate.relation == "by" and _passive(tokens, pred_index, start):
            by = _by_phrase(text, tokens, pred_end, masked, facts, offset)
    if predicate is None and any(s.kind == "role" for s in slots):
        # "Jane Ortiz, the mayor of Lyon, ...": a role statement about the name before it
        first = min((s for s in slots if s.kind == "role"), key=lambda s: s.start)
        k = next(k for k, t in enumerate(tokens) if t[0] + offset >= first.start)
        while k > start and (
            tokens[k - 1][3] in DETERMINERS
            or tokens[k - 1][2] == ","
            or any(tokens[k - 1][3] == c[-1] for c in lexicon().copulas)
        ):
            k -= 1
        subject = _anchor(text, tokens, start, k, masked, facts, offset)
        predicate = Predicate(lemma="be", classes=["role"], start=first.start, end=first.start)
    if subject is None and predicate is None:
        return None
    rest: list[str] = []
    if pred_index is not None:
        # the main clause's own words after the verb (manner adverbs say nothing checkable)
        rest = sorted(
            {
                noun_lemma(t[2])
                for k, t in enumerate(tokens[pred_index + 1 : bisect.bisect_left(tokens, (main_end,))], pred_index + 1)
                if k not in masked
                and t[2][0].isalpha()
                and t[3] not in _FUNCTION
                and t[3] not in ("not", "never", "no")
                and not (t[3].endswith("ly") and word_classes(t[2]) == _ADV)
            }
        )
    rest_names: list[str] = []
    if pred_index is not None:
        for a, b in _proper_runs(tokens, pred_index + 1, len(tokens), masked):
            key = name_key([t[2] for t in tokens[a:b]])
            if key:
                rest_names.append(key)
    return Statement(
        subject=subject, objects=objects, predicate=predicate, slots=slots, rest=rest, rest_names=rest_names, by=by
    )


_BE_FORMS = frozenset("is are was were be been being".split())


def _passive(tokens: list[Token], i: int, start: int) -> bool:
    """A participle after a form of "be" ("had been upheld", "was built"): the passive voice."""
    w = tokens[i][3]
    if w in verb_lemmas(w) or w.endswith("ing"):
        return False  # a base form or a present participle is no passive
    return any(tokens[k][3] in _BE_FORMS for k in range(max(start, i - 3), i))


def _by_phrase(text: str, tokens: list[Token], k: int, masked: set[int], facts: Facts, offset: int) -> Anchor | None:
    """The noun phrase after "by" at token ``k`` ("by a lower court"), up to a clause mark,
    a preposition or a typed value."""
    while k < len(tokens) and tokens[k][3] != "by":
        k += 1
    lo = hi = k + 1
    while (
        hi < len(tokens)
        and hi not in masked
        and tokens[hi][2] not in {",", ";", ".", ":"}
        and tokens[hi][3] not in _PREPOSITIONS_BUT_OF
        and tokens[hi][3] not in {"and", "but", "which", "who", "when", "while", "after", "as"}
    ):
        hi += 1
    return _anchor(text, tokens, lo, hi, masked, facts, offset) if hi > lo else None


def _when_clause_times(text: str, facts: Facts, offset: int, lo: int) -> list[Slot]:
    """The times of a "when" clause after the main one ("beat Carrow 2-0 when the sides met in
    October"): the main clause's own time, when it gives none itself."""
    nxt = _CLAUSE.search(text, lo)
    hi = nxt.start() if nxt else len(text)
    out = []
    for d in facts.dates:
        if offset + lo <= d.start < offset + hi and not (d.open_start and d.open_end):
            role = "span" if d.is_range else "end" if d.open_start else "start" if d.open_end else "point"
            out.append(Slot(kind="when", role=role, text=d.text, start=d.start, end=d.end, date=d))
    return out


def _head_in_name(anchor: Anchor) -> bool:
    """Whether the anchor's head is a word of one of its names ("United" of "Harbour United")."""
    return any(anchor.head in name.split() for name in anchor.names)


def _score_slot(m: re.Match[str], offset: int, a: int, b: int) -> Slot:
    return Slot(
        kind="score", role="result", text=m.group(), start=m.start() + offset, end=m.end() + offset, score=[a, b]
    )


def _slots(
    text: str,
    tokens: list[Token],
    words: set[str],
    masked: set[int],
    facts: Facts,
    offset: int,
    subject: Anchor | None,
    objects: list[Anchor],
    predicate: Predicate | None,
    pred_index: int | None,
) -> list[Slot]:
    lex = lexicon()
    out: list[Slot] = []
    quoted = [(q.start - 1, q.end + 1) for q in facts.quotes]
    phase = None
    sports = tally = False
    if predicate is not None:
        for c in predicate.classes:
            pc = lex.classes.get(c)
            if pc and pc.phase:
                phase = phase or pc.phase
            sports = sports or bool(pc and pc.sports)
            tally = tally or bool(pc and pc.tally)
    figures = [q for q in facts.quantities if q.kind != "ordinal"]
    # a date is the period of an amount beside it, not of a length of time ("on 8 April, 19
    # days after the launch": the date is the event's)
    amounts = [q for q in figures if not is_duration(q)]
    for d in facts.dates:
        if any(a <= d.start and d.end <= b for a, b in quoted):
            continue
        if (
            d.granularity == "year"
            and _YEAR_MODIFIER.match(text, d.end - offset)
            and re.search(r"(?:\b(?:the|a|an|its|his|her|their|our)|'s|’s)\s*$", text[: d.start - offset], re.I)
        ):
            continue  # "the 1987 action film", "its 2016 mobility plan": a year naming a thing, not the time
        before = text[max(0, d.start - offset - 14) : d.start - offset]
        m = _DATE_PREP.search(before)
        word = m.group(1).lower() if m else ""
        if word == "from" and d.granularity == "day" and not d.is_range and not d.open_start:
            role = "start"  # "raise tariffs by 8.5% from 1 April": a day a change takes effect
        elif figures and in_comparison_base(text, d.start - offset):
            role = "base"  # "up 17% from $0.29 in the third quarter of last year": the base's time
        elif d.is_range or word in ("from", "between"):
            role = "span"
        elif d.open_start or word in {"until", "till", "through", "by", "before"}:
            role = "end"
        elif d.open_end or word in ("since", "after"):
            role = "start"
        elif any(abs(q.start - d.end) <= 40 or abs(d.start - q.end) <= 40 for q in amounts):
            role = "period"
        elif phase:
            role = phase
        else:
            role = "point"
        out.append(Slot(kind="when", role=role, text=d.text, start=d.start, end=d.end, date=d))
    subject_span = (subject.start, subject.end) if subject else (-1, -1)
    for place in facts.entities:
        if place.kind != "place" or subject_span[0] <= place.start < subject_span[1]:
            continue
        travels = predicate is not None and any(
            lex.classes[c].destination for c in predicate.classes if c in lex.classes
        )
        whose = text[place.end - offset : place.end - offset + 2] in ("'s", "’s")
        if any(o.start <= place.start < o.end for o in objects) and not travels and not whose:
            continue  # "opened a Leeds factory": the place names the object (not "Porto's airport")
        before = text[max(0, place.start - offset - 22) : place.start - offset]
        pm = _PLACE_PREP.search(before)
        if not pm:
            if not (predicate and pred_index is not None and place.start == tokens[pred_index][1] + offset + 1):
                continue  # "visited Lyon": the place right after the verb is its object
            role = "to"
        else:
            role = {"to": "to", "into": "to", "from": "from"}.get(pm.group(1).lower(), "at")
        if role == "from":
            continue
        out.append(
            Slot(kind="where", role=role, text=place.text, start=place.start, end=place.end, place=place.canonical)
        )
    stop = pred_index or 0
    for q in facts.quantities:
        if any(a <= q.start and q.end <= b for a, b in quoted):
            continue
        k = bisect.bisect_left(tokens, (q.start - offset,))  # the first token at or after the figure
        if q.kind == "ordinal":
            nxt = tokens[k + 1][3] if k + 1 < len(tokens) else ""
            if nxt[:1].isdigit() or nxt in _COUNT_WORDS:
                continue  # "the first two episodes": a count from the start, not a rank
            # what is ranked: the head of the noun phrase after it ("third league title" -> title)
            measure = ""
            j = k + 1
            # "the second-largest planet" ranks by size: the superlative is part of what is ranked
            glued = text[q.end - offset : q.end - offset + 1] == "-"
            superlative = ""
            own = tokens[k][3] if k < len(tokens) else ""
            if "-" in own and own.rsplit("-", 1)[1].endswith("est"):
                superlative = own.rsplit("-", 1)[1] + " "  # "second-largest" is one token
            while j < len(tokens) and tokens[j][2] in ("-", "most", "least"):
                j += 1
            if (
                j < len(tokens)
                and (glued or tokens[j - 1][2] in ("most", "least"))
                and tokens[j][2][0].isalpha()
                and (tokens[j][3].endswith("est") or tokens[j - 1][2] in ("most", "least"))
            ):
                superlative = tokens[j][3] + " "
                j += 1
            while (
                j < len(tokens)
                and tokens[j][2][0].isalpha()
                and tokens[j][3] not in _FUNCTION
                and "NOUN" in word_classes(tokens[j][2])
            ):
                measure = noun_lemma(tokens[j][2])
                j += 1
            measure = superlative + (measure or (noun_lemma(q.noun) if q.noun else ""))
            if (
                not measure
                and predicate is not None
                and "finish" in predicate.classes
                and pred_index is not None
                and 0 < k - pred_index <= 3
            ):
                measure = "place"  # "finished third", "came second in the final": a placing
            out.append(
                Slot(kind="ordinal", role="rank", text=q.text, start=q.start, end=q.end, quantity=q, measure=measure)
            )
            continue
        before = text[max(0, q.start - offset - 24) : q.start - offset]
        if _BASE_PREP.search(before):
            role = "base"
        elif _DIFFERENCE_AFTER.match(text, q.end - offset):
            role = "change"
        elif _LEVEL_PREP.search(before):
            role = "level"
        elif (
            _CHANGE_PREP.search(before)
            and not before.rstrip().lower().endswith("of")
            or (
                predicate is not None
                and predicate.direction
                and q.kind == "percent"
                and pred_index is not None
                and k - pred_index <= 2
            )
        ):
            role = "change"
        else:
            role = "value"
        noun = "" if _COMPARATIVE_AFTER.fullmatch(q.noun or "") else q.noun  # "3.1 percent lower" counts no "lower"
        measure = noun_lemma(noun) if noun else ""
        if not measure and q.kind in ("money", "percent"):
            after = next((j for j in range(k, len(tokens)) if tokens[j][0] >= q.end - offset), len(tokens))
            measure = _measure_after(tokens, after, masked)
        if not measure:
            measure = _measure_before(tokens, k, masked, stop)
        if not measure and subject is not None and subject.head and not _head_in_name(subject):
            measure = subject.head  # "Orsk Energy's revenue rose 4%": what rose is the revenue
        if not measure and objects:
            measure = objects[0].head
        out.append(Slot(kind="quantity", role=role, text=q.text, start=q.start, end=q.end, quantity=q, measure=measure))
    tallies = list(_TALLY.finditer(text)) if _has_tally_word(text) else []
    if tally and predicate is not None:
        # "ruled 2 to 1", "voted 9 to 3 to approve": a split right after a decision's verb
        at = predicate.end - offset
        while at < len(text) and text[at].isspace():
            at += 1
        split = _SPLIT.match(text, at)
        word_after = _TOKEN.search(text, split.end()) if split else None
        if (
            word_after is not None
            and word_after.group()[0].isalpha()
            and word_after.group().lower() not in _PREPOSITIONS | {"and", "but"}
        ):
            split = None  # "approved 2 to 3 new schools": a range of a count, not a split
        if split and not any(m.start("b") == split.start("b") for m in tallies):
            tallies.append(split)
    for m in tallies:  # "votes to" says it is a tally, whatever the verb
        out.append(_score_slot(m, offset, _tally_number(m.group("a") or m.group("v")), _tally_number(m.group("b"))))
    if sports or tally or not _score_forms().isdisjoint(words):
        date_spans = [(d.start - offset, d.end - offset) for d in facts.dates]
        for m in _SCORE.finditer(text):
            if any(a <= m.start() < b for a, b in date_spans) or any(
                a - offset <= m.start() < b - offset for a, b in quoted
            ):
                continue
            out.append(_score_slot(m, offset, int(m.group(1)), int(m.group(2))))
    # a quantity read inside a score ("3-1" as a range) is the score, not a figure
    scores = [(s.start, s.end) for s in out if s.kind == "score"]
    if scores:
        out = [s for s in out if s.kind != "quantity" or not any(a <= s.start < b for a, b in scores)]
    return out


# where a sentence's further clauses begin: ", where passenger numbers fell", "; the line ..."
# (the two cuts that begin with spaces share them: a run of spaces is tried once)
_CLAUSE = re.compile(
    r"(?:,\s+(?:where|which|who|when|while|whereas|although|though|but|and|after|as|"
    r"since|because)\b|\s+(?:(?:when|where|whereas|while)\s+|[—–-]\s+)|;\s+|:\s+(?=[A-Z]))",
    re.I,
)
# a clause a conjunction opens without a comma ("the approval comes as prices fell 3.8%"): its
# own statement among the sentence's clauses, though the main clause's slots run over it
# a participle clause set off by commas ("the aircraft, carrying 104 passengers, was bound
# for Lyon"): a statement about the main clause's subject
_PARTICIPLE = re.compile(r",\s+(?=[a-z]+ing\s)")
_CLOSING_COMMA = re.compile(r",(?!\d)")  # not the comma of "4,100"
# a participle with its doer after a copula's noun ("is a 1980 film directed by Stuart
# Rosenberg"): a statement about the main subject, "X was directed by Y"
_BY_PARTICIPLE = re.compile(r"(?<=[a-z,])\s(?=[a-z]+\s+by\s)")
# a parenthesis after the subject ("Alexandra Daddario (born March 16, 1986) is an actress"):
# a statement about the subject, read apart from the main clause
# "(Ջոն Դոլմայան, born July 15, 1973)", "([ˈsisə]; born 22 October 1968)": from "born"
_PARENTHESIS = re.compile(r"\s?\((?:[^(),;]*[,;]\s)?(?=[a-z])")
# a life span after a name: "Anne Sullivan (April 14, 1866 – October 20, 1936)", "(1921–2004)"
_LIFE_SPAN = re.compile(r"\s*\(([^()]{4,80})\)")
_SUBORDINATE = re.compile(r"\s+(?:as|after|because|although|though|before|until|once)\s+", re.I)
_RELATIVE = re.compile(  # used with .match(text, pos), which anchors it at pos ("^" would not)
    r"\s*(?:where|which|who|when|while|whereas|although|though|but|and|after|as|since|"
    r"because)\s+",
    re.I,
)


# the clause words a cut takes with the spaces after them (r"\s+while\s+"): a verb that is one
# of them may lie inside a cut begun before it
_CUT_SPANNING_WORDS = frozenset({"when", "where", "whereas", "while"})


def _next_clause(text: str, at: int, verb: str) -> re.Match[str] | None:
    """The first cut of ``_CLAUSE.finditer(text)`` starting at or after ``at``, the end of the
    verb (the lower-cased word ``verb``): a search from ``at`` finds the same one, and skips the Python
    loop over the cuts before the verb, unless a cut of the scan from the start runs across
    ``at``. Only a verb that is one of those words allows that (any other cut ends at its
    word's end or holds no letter); a non-ASCII verb takes the scan too (re.I folds "ſ" into
    "s")."""
    if verb in _CUT_SPANNING_WORDS or not verb.isascii():
        return next((m for m in _CLAUSE.finditer(text) if m.start() >= at), None)
    return _CLAUSE.search(text, at)


def _same_level(text: str, facts: Facts, offset: int, at: int) -> Facts:
    """The facts inside the same parentheses as character ``at`` (or outside all of them, if
    it is outside): "Shane Black (born December 16, 1961) wrote Lethal Weapon (1987)" gives
    "born" only the first date."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", text)]
    mine = next((s for s in spans if s[0] <= at < s[1]), None)

    def level(x: _Spanned) -> bool:
        a = x.start - offset
        theirs = next((s for s in spans if s[0] <= a < s[1]), None)
        return theirs == mine

    return Facts(
        dates=[d for d in facts.dates if level(d)],
        quantities=[q for q in facts.quantities if level(q)],
        entities=[e for e in facts.entities if level(e)],
        quotes=facts.quotes,
    )


def clause_of(text: str, at: int) -> tuple[int, int]:
    """The (start, end) of the clause of ``text`` that holds character ``at``."""
    lo, hi = 0, len(text)
    for m in _CLAUSE.finditer(text):
        if m.end() <= at:
            lo = m.end()
        elif m.start() > at:
            hi = m.start()
            break
    return lo, hi


def _within(facts: Facts, lo: int, hi: int) -> Facts:
    def keep(items: list[_S]) -> list[_S]:
        return [x for x in items if lo <= x.start and x.end <= hi]

    return Facts(
        dates=keep(facts.dates),
        quantities=keep(facts.quantities),
        entities=keep(facts.entities),
        quotes=keep(facts.quotes),
    )


def _before_relative(text: str, facts: Facts, offset: int, at: int, main: Statement | None) -> Anchor | None:
    """What a relative clause opening at the comma at ``at`` is about: the main subject or an
    object ending right before the comma, else a name ending there."""
    if main is not None:
        for anchor in (main.subject, *main.objects):
            if anchor is not None and not anchor.pronoun and text[anchor.end - offset : at].strip() == "":
                return anchor
    return _name_before(text, facts, offset, at)


def _name_before(text: str, facts: Facts, offset: int, at: int) -> Anchor | None:
    """The name (a run of capitalised words, not at the sentence's start) that ends right
    before offset ``at``, as an anchor, or None."""
    tokens = _tokens(text[:at])
    runs = _proper_runs(tokens, 1, len(tokens), set()) if len(tokens) > 1 else []
    if not runs or runs[-1][1] != len(tokens):
        return None
    a, b = runs[-1]
    return _anchor(text, tokens, a, b, set(), facts, offset)


def _past_participle_after_noun(text: str, m: re.Match[str]) -> bool:
    """Whether the word after the cut ``m`` is a past participle ("directed") and the word
    before it a noun ("film")."""
    word = text[m.end() :].split(None, 1)[0].lower()
    before = text[: m.start()].rsplit(None, 1)[-1].lower()
    lemmas = verb_lemmas(word)
    # after a noun, or after the comma of a list of them ("directed by X, written by Y")
    after_noun = "NOUN" in word_classes(before) or before.endswith(",")
    return bool(lemmas) and word not in lemmas and not word.endswith("ing") and after_noun


def _participle_verb(text: str, at: int) -> bool:
    """Whether the word at ``at`` is a verb's present participle ("carrying"), not a
    preposition ("during", "according") or a noun."""
    word = text[at:].split(None, 1)[0].lower()
    # "according (to)" is the one -ing word of a lead phrase that is a verb form too
    return word not in _PREPOSITIONS and word != "according" and bool(verb_lemmas(word))


def _is_fact(anchor: Anchor, facts: Facts) -> bool:
    """Whether the anchor starts at a date, a figure or a number ("10 pm", "2,400")."""
    spans = [(d.start, d.end) for d in facts.dates] + [(q.start, q.end) for q in facts.quantities]
    return anchor.text[:1].isdigit() or any(a <= anchor.start < b for a, b in spans)


def build_clauses(text: str, facts: Facts, offset: int, main: Statement | None) -> list[Statement]:
    """Statements of a sentence's other clauses, each read like a sentence of its own. A
    clause that opens on a relative word with a verb right after it ("which was built by ...")
    is about the main clause's subject."""
    if len(text) > 2000:
        return []
    by_participles = []
    if main is not None and main.predicate is not None and "be" in main.predicate.classes:
        by_participles = [m for m in _BY_PARTICIPLE.finditer(text) if _past_participle_after_noun(text, m)]
    cuts = sorted(
        [
            *_CLAUSE.finditer(text),
            *_SUBORDINATE.finditer(text),
            *_PARTICIPLE.finditer(text),
            *by_participles,
            *_PARENTHESIS.finditer(text),
        ],
        key=lambda m: m.start(),
    )
    # a cut inside the opening of an earlier one is part of it ("([ˈsisə]; born": the ";")
    kept: list[re.Match[str]] = []
    for m in cuts:
        if not kept or m.start() >= kept[-1].end():
            kept.append(m)
    cuts = kept
    out = []
    for k, m in enumerate(cuts):
        lo = m.end()
        hi = cuts[k + 1].start() if k + 1 < len(cuts) else len(text)
        participle = m.re is _PARTICIPLE and _participle_verb(text, lo) or m.re in (_BY_PARTICIPLE, _PARENTHESIS)
        if m.re is _PARENTHESIS:
            close = text.find(")", lo)
            hi = min(hi, close) if close >= 0 else hi  # the statement ends with its parenthesis
        if m.re is _PARTICIPLE:
            if not participle:
                continue
            comma = _CLOSING_COMMA.search(text, lo)
            hi = min(hi, comma.start()) if comma else hi  # the clause ends at its closing comma
        rel = _RELATIVE.match(text, m.start() + 1) if text[m.start()] == "," else None
        piece = text[lo:hi]
        if len(piece.split()) < 3:
            continue
        st = build_statement(piece, _within(facts, offset + lo, offset + hi), offset + lo, participle)
        if st is None or st.predicate is None:
            continue
        if m.re is _SUBORDINATE and (st.subject is None or _is_fact(st.subject, facts)):
            continue  # "after 10 pm slept": a preposition before a time or a figure, not a clause
        unread = rel is not None and st.subject is None
        before = _before_relative(text, facts, offset, m.start(), main) if unread else None
        if before is not None:
            # ", which ..." is about the phrase right before its comma: the subject ("The museum,
            # which opened in 1902"), an object, or a name ("its rival, the Port of Santa Irene,
            # which handled 5.1 million TEU")
            st.subject = before.model_copy(update={"resolved_from": before.text})
        elif rel is not None and st.subject is None:
            pass  # "which" of a phrase not read: its subject stays unknown
        elif (
            (st.subject is None and (rel is not None or participle) or st.subject is not None and st.subject.pronoun)
            and main is not None
            and main.subject is not None
        ):
            st.subject = main.subject.model_copy(update={"resolved_from": main.subject.text})
        out.append(st)
    return out + _life_span(text, facts, offset, main) + _participle_lead(text, facts, offset, main)


def _participle_lead(text: str, facts: Facts, offset: int, main: Statement | None) -> list[Statement]:
    """The participle phrase a sentence opens with ("Born in Naples, Renato Balestra ...",
    "Founded in 1902, the museum ..."): a statement about the main clause's subject."""
    end = participle_lead_end(text)
    if not end or main is None or main.subject is None or _DATELINE.match(text):
        return []
    piece = text[:end].rstrip(" ,")
    piece = piece[0].lower() + piece[1:]  # its capital is the sentence's, not a name's (same offsets)
    st = build_statement(piece, _within(facts, offset, offset + len(piece)), offset, participle=True)
    if st is None or st.predicate is None:
        return []
    st.subject = main.subject.model_copy(update={"resolved_from": main.subject.text})
    return [st]


def _life_span(text: str, facts: Facts, offset: int, main: Statement | None) -> list[Statement]:
    """The birth and death a parenthesis right after a named subject gives as two dates (or a
    range of years) joined by a dash: two statements about the subject."""
    if main is None or main.subject is None or not main.subject.names:
        return []
    m = _LIFE_SPAN.match(text, main.subject.end - offset)
    if m is None:
        return []
    lo, hi = m.start(1) + offset, m.end(1) + offset
    inside = [d for d in facts.dates if lo <= d.start and d.end <= hi]
    if len(inside) == 2 and not any(d.is_range for d in inside):
        between = text[inside[0].end - offset : inside[1].start - offset].strip()
        if between not in ("-", "–", "—", "--", "to"):
            return []
        born, died = inside
    elif len(inside) == 1 and inside[0].is_range and inside[0].granularity == "year" and not inside[0].relative:
        d = inside[0]
        born = d.model_copy(update={"latest": dt.date(d.earliest.year, 12, 31), "is_range": False})
        died = d.model_copy(update={"earliest": dt.date(d.latest.year, 1, 1), "is_range": False})
    else:
        return []
    out = []
    for lemma, cls, d in (("bear", "born", born), ("die", "die", died)):
        predicate = Predicate(lemma=lemma, classes=[cls], start=d.start, end=d.end)
        slot = Slot(kind="when", role="point", text=d.text, start=d.start, end=d.end, date=d)
        subject = main.subject.model_copy(update={"resolved_from": main.subject.text})
        out.append(Statement(subject=subject, predicate=predicate, slots=[slot]))
    return out


_WORD = re.compile(rf"[^\W\d_](?:[^\W\d_'’-]|[{_MARKS}])*(?:['’-]{_LETTERS}+)*")
NEGATIONS = frozenset({"not", "never", "no", "nor", "neither", "without"})


@lru_cache(maxsize=8192)
def word_forms(text: str) -> frozenset[str]:
    """Every lower-case word of ``text`` with its noun and verb lemmas ("pleaded" -> plead).

    Kept per text: a passage is a candidate of many claims, and each asks for its words."""
    out: set[str] = set()
    for w in _WORD.findall(text):
        lw = w.lower().removesuffix("'s").removesuffix("’s")
        out.add(lw)
        out.add(noun_lemma(lw))
        out.update(verb_lemmas(lw))
    return frozenset(out)


def content_words(text: str, skip: list[tuple[int, int]]) -> list[str]:
    """The content words of ``text`` outside the ``skip`` spans (its dates, figures, quotes)."""
    out = []
    words = list(_WORD.finditer(text))
    for k, m in enumerate(words):
        if any(a <= m.start() < b for a, b in skip):
            continue
        lw = m.group().lower().removesuffix("'s").removesuffix("’s")
        if lw in _FUNCTION or lw in NEGATIONS or lw in {"it", "they", "he", "she", "said", "says"}:
            continue
        if lw == "compared" and k + 1 < len(words) and words[k + 1].group().lower() in ("with", "to"):
            continue  # "£245, compared with £225": the base of a comparison, a slot, not a word to find
        if (
            lw.endswith("ly")
            and word_classes(lw) == _ADV
            and not (k + 1 < len(words) and word_classes(words[k + 1].group()) == _ADJ)
        ):
            continue  # "rose steeply" / "sharply": manner, not a checkable fact ("barely residential" is one)
        out.append(lw)
    return out


def negation_count(text: str) -> int:
    return sum(1 for w in _WORD.findall(text.lower()) if w in NEGATIONS or w.endswith(("n't", "n’t")))


def resolve_subject(statement: Statement, earlier: list[Statement]) -> None:
    """Point a pronoun or bare "the museum" subject at the last earlier subject it can mean.

    Inside one document "It", "the company", "the museum" refer back to the last anchor of
    that kind; the resolved subject keeps its own span and takes the earlier one's names.
    """
    subj = statement.subject
    if subj is None or subj.names or subj.text.lower() in _SPEAKERS:
        return
    if subj.possessor:
        # "Her 1975 survey": the survey keeps its head; whose it is comes from the last subject
        for prev in reversed(earlier):
            ps = prev.subject
            if ps is not None and not ps.pronoun and not ps.possessor and ps.names:
                statement.subject = subj.model_copy(
                    update={"names": ps.names, "possessor": False, "resolved_from": ps.text}
                )
                return
        return
    if not subj.pronoun and (subj.modifiers or not subj.head):
        return
    for prev in reversed(earlier):
        ps = prev.subject
        if ps is None or ps.pronoun:
            continue
        if subj.pronoun or (ps.head and ps.head == subj.head):
            statement.subject = subj.model_copy(
                update={
                    "head": ps.head or subj.head,
                    "modifiers": ps.modifiers,
                    "names": ps.names,
                    "places": ps.places or subj.places,
                    "pronoun": False,
                    "resolved_from": ps.text,
                }
            )
            return


@lru_cache(maxsize=16384)
def names_in(text: str) -> tuple[str, ...]:
    """Name keys of the capitalised runs of a text (a heading, an earlier sentence), in order:
    what a bare "the wheat harvest" after them may be of (``Anchor.context_names``). Kept per
    text: each passage is in the window of the six after it."""
    # "Lindmark's population": the possessor is a name too; "An older province": a capital
    # that only starts a heading names nothing
    tokens = _tokens(_POSSESSIVE_S.sub(r"\1", text))
    runs = _proper_runs(tokens, 0, len(tokens), set())
    keys = (name_key([t[2] for t in tokens[i:j]]) for i, j in runs if not (j - i == 1 and tokens[i][3] in _FUNCTION))
    return tuple(dict.fromkeys(k for k in keys if k))


_POSSESSIVE_S = re.compile(r"(\w)['’]s\b")


_ADVERB_LEAD = re.compile(r"\s*([^\W\d_]+),\s+")
# a past participle and its phrase before the subject: "Born in Naples, ", "Founded in 1902, "
_PARTICIPLE_LEAD = re.compile(
    r"\s*([A-Z][a-z]+)\s+(?:in|on|at|by|during|from|as|near|after|before)\b(?:[^,]|,(?=\d)){1,80},\s+"
)


# a wire dateline: "VALDORA, Feb 3 (Coastline Wire) - ", "PERTH, 21 October 2026 - "
_DATELINE = re.compile(r"\s*[A-Z][A-Z.'’ -]{1,40}[A-Z],\s+[^-–—\n]{1,60}?\s+[-–—]{1,2}\s+")


def participle_lead_end(text: str) -> int | None:
    """Where a participle phrase ("Born in Naples, ") or a wire dateline ("VALDORA, Feb 3 -")
    a sentence opens with ends, or None: neither is the main clause's subject or time."""
    d = _DATELINE.match(text)
    if d is not None:
        return d.end()
    m = _PARTICIPLE_LEAD.match(text)
    if m is None:
        return None
    word = m.group(1).lower()
    return m.end() if word == "born" or past_form(word) else None


def lead_end(text: str) -> int | None:
    """Where a leading adverbial phrase ("In February, ", "On May 3, 2001, ", "Overseas, ")
    ends, or None."""
    m = _LEAD.match(text)
    if m:
        return m.end()
    m = _ADVERB_LEAD.match(text)
    if m and "ADV" in (classes := word_classes(m.group(1))) and "NOUN" not in classes:
        return m.end()
    return None
