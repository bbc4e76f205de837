"""What a figure measures: the words around a number that say what it counts.

Two sentences about one event give their figures for many things at once ("net income of
$98.9 million, or $1.49 per diluted share"). Before two figures may be compared they must
measure the same thing, or a true "$1.49" would be set against "$98.9 million". This module
gives each figure its *measure*: the content words of its own stretch of the sentence (from
the previous figure or clause mark up to it, and the few words after it up to the next),
lemmatised, with the nearest words weighted most. ``measure_similarity`` says how much of
one figure's measure the other shares.

Our own code: no maintained library attaches numbers to the noun phrases they quantify
offline (quantulum3 guesses units, not measured entities, and is slow on long inputs; see
``benchmarks/numbers_summedits.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..models import Quantity
from .lexicon import verb_lemmas, word_classes
from .numbers_compare import _lemma
from .vocabulary import QUARTER_CODES, QUARTER_ORDINALS

_TOKEN = re.compile(r"[1-4][Qq]\b|[A-Za-z][A-Za-z0-9'’-]*|\d+(?:[.,]\d+)*|[;:()—–.!?]|,")
_STOPS = frozenset(";:()—–.!?")
_LEFT_MAX, _RIGHT_MAX = 8, 4
# Tokens looked at on each side of a figure at most: a clause mark or enough content words end
# the walk long before in any sentence, and a long run of neither (digits, stop words) must not
# make every figure walk the whole text.
_WALK_MAX = 64
# Words that tell how a figure changed or is hedged, not what it measures.
_STOP = frozenset(
    """a an the of to in on at for by from with and or but as is are was were be been being
    this that these those it its their our we they he she his her which who whom whose there here
    than then also about around approximately roughly nearly almost over under above below up down
    more less fewer least most some any each per cent percent percentage point points
    compared compare versus vs year-over-year year-on-year sequentially respectively
    increase increased increases increasing decrease decreased decreases decreasing rise rose risen
    rising fall fell fallen falling grow grew grown growing growth decline declined declining drop
    dropped reach reached reaching total totaled totalled totaling came come
    approx just has have had will would could should may might can expect expected expects
    reported report reports said says say stood stand stands amounted amount to into while
    million billion trillion thousand hundred mln bn m k usd us dollar dollars cents cent
    i ii iii new yoy company""".split()
)
_BASE_WORDS = frozenset({"from", "versus", "vs", "compared", "against", "than", "since"})
_COMPARING = re.compile(r"compar(?:e|es|ed|ing|ison|isons)")  # not "comparable": a measure
# Word forms that name one measure (finance summaries write both).
_SYNONYMS = {
    "eps": ("earnings", "share"),
    "revenues": ("revenue",),
    "sales": ("revenue",),
    "sale": ("revenue",),
    "turnover": ("revenue",),
    "profit": ("income",),
    "earnings": ("earnings",),
    "diluted": (),
    "gaap": (),
}


@dataclass(frozen=True)
class Measure:
    """A figure with the weighted words that say what it measures."""

    quantity: Quantity
    words: dict[str, float]
    period: frozenset[str] = frozenset()  # "q1", "full-year", "2020": when the figure holds


# "third" (before "quarter") and "q3" / "3q" to the period "q3"
_QUARTER_ORD = {w: f"q{n}" for w, n in {**QUARTER_ORDINALS, **QUARTER_CODES}.items()}
_QUARTER_CODES = frozenset(QUARTER_CODES)  # "q1", "1q": a quarter on their own
_YEAR = re.compile(r"(?:19|20)\d\d$")
_Token = tuple[int, int, str]  # start, end, word


def _periods(words: list[str]) -> frozenset[str]:
    """The reporting period named among a figure's words: a quarter, the full year, a year."""
    out = set()
    low = [w.lower() for w in words]
    for i, w in enumerate(low):
        for part in w.split("-"):
            if part in _QUARTER_CODES:
                out.add(_QUARTER_ORD[part])
            elif part in _QUARTER_ORD and any(x.startswith("quarter") for x in low[i : i + 3] + w.split("-")[1:]):
                out.add(_QUARTER_ORD[part])
            elif part == "full" and any(x.startswith("year") for x in low[i : i + 2] + w.split("-")[1:]):
                out.add("full-year")
        if _YEAR.match(w):
            out.add(w)
    return frozenset(out)


_POSSESSIVE = re.compile(r"['’]s$")


def _norm_words(word: str) -> tuple[str, ...]:
    w = _POSSESSIVE.sub("", word.lower()).strip("'’-")
    if w in _SYNONYMS:
        return _SYNONYMS[w]
    if w in _QUARTER_CODES:
        return (_QUARTER_ORD[w],)
    if not w or w in _STOP or not w[0].isalpha() or len(w) < 2:
        return ()
    return (_lemma(w),)


def measures(text: str, quantities: list[Quantity], offset: int = 0) -> list[Measure]:
    """The measure of each quantity in ``text`` (quantities carry absolute offsets)."""
    tokens = _token_index(text, offset)
    # ordinals ("third quarter") are words of a measure, not figures that bound one
    spans = _Spans((q.start, q.end) for q in quantities if q.kind != "ordinal")
    out: list[Measure] = []
    for q in quantities:
        if q.kind == "ordinal":
            continue
        words, raw, aside = _words_around(tokens, q.start, q.end, spans)
        if aside:
            before = [m for m in out if m.quantity.end <= q.start]
            if before:
                for k, v in max(before, key=lambda m: m.quantity.end).words.items():
                    words.setdefault(k, 0.5 * v)
        out.append(Measure(q, words, _periods(raw)))
    return _respectively(tokens.items, out)


_COORDINATORS = frozenset({"and", ",", "&", "or"})


def _respectively(tokens: list[_Token], out: list[Measure]) -> list[Measure]:
    """Pair the figures of "revenue and earnings rose 19% and 38% respectively" with their nouns.

    The first figure's left words name every item of the list; each figure keeps the shared
    words and its own item, and loses the others' (so 38% measures earnings, not revenue).
    """
    marks = [s for s, e, w in tokens if w.lower() == "respectively"]
    if not marks:
        return out
    ordered = sorted(out, key=lambda m: m.quantity.start)
    replaced: dict[int, Measure] = {}
    for mark in marks:
        before = [m for m in ordered if m.quantity.end <= mark]
        if not before:
            continue
        group = [before[-1]]
        # at most a few words ("19% and 38% respectively", "... year over year, respectively")
        if sum(1 for s, e, w in tokens if group[0].quantity.end <= s < mark) > 4:
            continue
        for m in reversed(before[:-1]):
            between = [w.lower() for s, e, w in tokens if m.quantity.end <= s < group[0].quantity.start]
            if not between or any(w not in _COORDINATORS for w in between):
                break
            group.insert(0, m)
        if len(group) < 2:
            continue
        items = _list_items(tokens, group[0].quantity.start, len(group))
        if items is None:
            continue
        for i, m in enumerate(group):
            others = set().union(*(items[j] for j in range(len(group)) if j != i)) - items[i]
            words = {k: v for k, v in group[0].words.items() if k not in others}
            words.update({k: 1.0 for k in items[i]})
            words.update({k: v for k, v in m.words.items() if k not in others and k not in words})
            replaced[id(m)] = Measure(m.quantity, words, m.period)
    return [replaced.get(id(m), m) for m in out]


def _list_items(tokens: list[_Token], start: int, n: int) -> list[set[str]] | None:
    """The ``n`` coordinated items ("revenues and earnings") in the clause before ``start``."""
    left: list[str] = []
    for _s, _e, w in reversed([t for t in tokens if t[1] <= start]):
        if w in _STOPS:
            break
        left.insert(0, w)
    segments: list[list[str]] = [[]]
    for w in left:
        if w.lower() in _COORDINATORS:
            segments.append([])
        else:
            segments[-1].append(w)
    # "retail and recreation places, transit stations and parks": more coordinators than
    # figures leave the items unknown
    if len(segments) != n:
        return None
    lemmas = [[x for w in seg for x in _norm_words(w)] for seg in segments]
    if any(not ls for ls in lemmas):
        return None
    # the first item is the last word before the first "and"; what precedes it is shared
    lemmas[0] = lemmas[0][-1:]
    return [set(ls) for ls in lemmas]


def context_words(text: str, start: int, end: int, spans: list[tuple[int, int]], offset: int = 0) -> dict[str, float]:
    """The weighted words that say what the span ``start..end`` of ``text`` (absolute offsets)
    is about, as for a figure's measure; ``spans`` are the other figures and dates."""
    return _words_around(_token_index(text, offset), start, end, _Spans(spans))[0]


def _tokens(text: str, offset: int) -> list[tuple[int, int, str]]:
    return [(m.start() + offset, m.end() + offset, m.group(0)) for m in _TOKEN.finditer(text)]


class _Tokens:
    """A text's tokens (start, end, word) in order, with their starts and ends to bisect:
    the tokens next to a figure are found without filtering all of them."""

    __slots__ = ("items", "starts", "ends")

    def __init__(self, items: list[_Token]) -> None:
        self.items = items
        self.starts = [t[0] for t in items]
        self.ends = [t[1] for t in items]

    def left_of(self, pos: int) -> Iterator[_Token]:
        """The tokens ending at or before ``pos``, nearest first, at most ``_WALK_MAX``."""
        k = bisect_right(self.ends, pos)
        return (self.items[i] for i in range(k - 1, max(-1, k - 1 - _WALK_MAX), -1))

    def right_of(self, pos: int, limit: int) -> Iterator[_Token]:
        """The tokens starting at or after ``pos`` and ending by ``limit``, at most ``_WALK_MAX``."""
        k = bisect_left(self.starts, pos)
        for i in range(k, min(len(self.items), k + _WALK_MAX)):
            if self.items[i][1] > limit:
                return
            yield self.items[i]


@lru_cache(maxsize=8)
def _token_index(text: str, offset: int) -> _Tokens:
    # a sentence's rules ask for its tokens once per figure or date: tokenised once
    return _Tokens(_tokens(text, offset))


class _Spans:
    """The figures' and dates' spans, to find the one ending before and starting after a point."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        spans = list(spans)
        self.ends = sorted(e for s, e in spans)
        self.starts = sorted(s for s, e in spans)

    def end_before(self, pos: int) -> int:
        """The last end at or before ``pos``, or -1."""
        k = bisect_right(self.ends, pos)
        return self.ends[k - 1] if k else -1

    def start_after(self, pos: int) -> int:
        """The first start at or after ``pos``, or a position past any text."""
        k = bisect_left(self.starts, pos)
        return self.starts[k] if k < len(self.starts) else 10**12


def _words_around(tokens: _Tokens, start: int, end: int, spans: _Spans) -> tuple[dict[str, float], list[str], bool]:
    """The weighted words of a span, its raw words, and whether an aside parts it from the
    figure before it (whose measure a bare change then shares)."""
    prev_end = spans.end_before(start)
    next_start = spans.start_after(end)
    words: dict[str, float] = {}
    raw: list[str] = []
    # Leftwards to the clause mark; words before an earlier figure belong to that figure
    # first ("EPS was $0.34, up 17%": the 17% is EPS growth), so they count at half weight.
    d, owned = 0, 1.0
    crossed = False  # passed a comma with no word of its own yet ("..., an increase of 17%")
    aside = False
    for s, _e, w in tokens.left_of(start):
        if w in _STOPS:
            break
        if s < prev_end:
            if owned == 1.0 and d > 0:
                break
            owned = 0.5
            prev_end = spans.end_before(s)
            continue
        if w == "," and d > 0:
            # "about 4.03 billion, at the midpoint of the range, an increase of 17%": the change
            # still measures the figure before the aside
            aside = crossed and owned == 1.0
            break
        if w == "," and d == 0:
            crossed = True
        raw.insert(0, w)
        for lem in _norm_words(w):
            d += 1
            words.setdefault(lem, owned / (1 + 0.25 * (d - 1)))
        if d >= _LEFT_MAX:
            break
    d = 0
    for _s, _e, w in tokens.right_of(end, next_start):
        # "up 34.6% from 2020": what follows a comparison word is the base, not the figure's own
        if w == "," or w in _STOPS or w.lower() in _BASE_WORDS:
            break
        raw.append(w)
        for lem in _norm_words(w):
            d += 1
            words.setdefault(lem, 0.9 / (1 + 0.25 * (d - 1)))
        if d >= _RIGHT_MAX:
            break
    return words, raw, aside


def in_comparison_base(text: str, start: int, offset: int = 0) -> bool:
    """Whether the span starting at ``start`` follows a comparison word in its clause
    ("up 17% from $0.29 in the third quarter of 2019"): it names the base, not the figure's own."""
    for _s, _e, w in _token_index(text, offset).left_of(start):
        if w in _STOPS or w == ",":
            return False
        if w.lower() in _BASE_WORDS or _COMPARING.fullmatch(w.lower()):
            return True
        if _finite_verb(w.lower()):
            return False  # "objects from the wreck had sold 86,000 tickets since it opened on 14 July"
    return False


_AUXILIARIES = frozenset("is are was were has have had does did".split())


@lru_cache(maxsize=4096)
def _finite_verb(word: str) -> bool:
    """An auxiliary or an inflected verb form that is no noun ("had", "sold", "opened"): a
    comparison word before it belongs to another clause."""
    if word in _AUXILIARIES:
        return True
    lemmas = verb_lemmas(word)
    return bool(lemmas) and word not in lemmas and not word.endswith("ing") and "NOUN" not in word_classes(word)


def _period_parts(period: frozenset[str]) -> tuple[set[str], frozenset[str]]:
    years = {p for p in period if p.isdigit()}
    return years, period - years


def periods_differ(a: Measure, b: Measure) -> bool:
    """Both figures name a year, or both a part of the year, and they differ (Q1 against the
    full year; the third quarter of 2019 against that of 2020)."""
    (ya, qa), (yb, qb) = _period_parts(a.period), _period_parts(b.period)
    return bool(ya and yb and not ya & yb) or bool(qa and qb and not qa & qb)


def describe_period(m: Measure) -> str:
    order = {"q1": 1, "q2": 2, "q3": 3, "q4": 4, "full-year": 5}
    return " ".join(sorted(m.period, key=lambda p: (p.isdigit(), order.get(p, 0), p))) or "no period"


def _coverage(a: dict[str, float], b: dict[str, float]) -> float:
    total = sum(a.values())
    if not total:
        return 0.0
    return sum(min(w, b[k]) / max(w, b[k]) * w for k, w in a.items() if k in b) / total


def measure_similarity(a: Measure, b: Measure, *, ignore_period: bool = False) -> float:
    """How far the two figures' words name one measure (0..1); 0 across different periods
    unless ``ignore_period``.

    The better of the two directions, so "revenue" matches "revenue for the first quarter".
    """
    if not ignore_period and periods_differ(a, b):
        return 0.0
    return word_similarity(a.words, b.words)


def word_similarity(a: dict[str, float], b: dict[str, float]) -> float:
    """How far two sets of weighted context words name one thing (0..1): the better of the
    two coverages, so a short context inside a longer one scores high."""
    return max(_coverage(a, b), _coverage(b, a))
