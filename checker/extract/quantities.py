"""Figures in running text: money, percentages, counts with hedges, measures, ordinals.

Why our own grammar and not quantulum3: quantulum3 0.10 gives good spans and units, but it runs
at about 0.01-0.05 MB/s on this machine (20 kB of the seed paper took 1.7-4 s; it is
super-linear on long inputs) against a target of several MB/s, it returns years, page ranges,
volume/issue numbers and DOI fragments as "dimensionless" numbers, and it guesses units from
ambiguous words ("1949 set" -> unit "set"). So the hot path here is a digit-led regex scan
over the whole text (a lookahead on a digit: about 3x the rate of the naive pattern) plus a
small number-word scan, and the context around each hit (currency before, scale word, unit,
hedge word, counted noun after) is read with anchored regexes. See
``benchmarks/numbers_summedits.py`` for speed and accuracy figures.

Semantics of the returned :class:`~checker.models.Quantity`:

* ``value`` is normalised: "US$400 billion" -> 4e11 USD; "13 cents" -> 0.13 USD;
  "70 basis points" -> 70 with unit "basis point".
* ``low``/``high`` are the bounds the *words* state, before any rounding tolerance (that is
  the comparison policy, in :mod:`checker.extract.numbers_compare`): exact and approximate
  figures have low == high == value; "over 45" -> low 45, high None (bound "min");
  "up to 45" -> high 45 (bound "max"); "between 80% and 90%" -> 80..90, value the midpoint
  (bound "range"). Vague words ("hundreds of") are bound "approx" with low < high.
* ``text`` covers the hedge, currency, number, scale and unit ("more than $5 billion"), not
  the counted noun, which goes to ``noun``.
* Years, days of dates, section numbers, citation markers, page ranges, volume(issue), DOIs,
  URLs, times, identifiers glued to letters ("G20", "Su-35", "COVID-19") are not quantities.
  Ordinals ("15th", "eleventh") are kept with kind "ordinal": the anniversary rules need them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence

from checker.models import Quantity, QuantityBound, QuantityKind

from .vocabulary import (
    CARDINALS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    ORDINAL_TENS,
    ORDINALS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    TENS,
)

__all__ = ["find_quantities"]

# --------------------------------------------------------------------------- lexicon

_SCALE = {**SCALE_WORDS, **SCALE_ABBREVIATIONS}
# Vague plural scale words: "hundreds of" -> 200..999 (the words allow no less, no more).
_VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}

# Currency symbols before a number. "$" alone is read as USD (news and earnings-call usage).
_CUR_SYMBOL = {
    "$": "USD",
    "US$": "USD",
    "U.S.$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "HK$": "HKD",
    "S$": "SGD",
    "NZ$": "NZD",
    "R$": "BRL",
    "NT$": "TWD",
    "MX$": "MXN",
    "€": "EUR",
    "£": "GBP",
    "₽": "RUB",
    "₹": "INR",
    "₩": "KRW",
    "₺": "TRY",
    "¥": "JPY/CNY",  # the yen/yuan sign is shared: kept ambiguous so it never compares wrongly
}
_CUR_CODES = (
    "USD EUR GBP JPY CNY RMB RUB INR CHF CAD AUD HKD SGD NZD KRW BRL ZAR TRY SAR AED MXN SEK NOK DKK PLN TWD"
).split()
_CODE_ALIAS = {"RMB": "CNY"}
# Currency names after the number ("300 million rubles"), longest first.
_CUR_WORDS = [
    ("u.s. dollars", "USD"),
    ("us dollars", "USD"),
    ("american dollars", "USD"),
    ("canadian dollars", "CAD"),
    ("australian dollars", "AUD"),
    ("hong kong dollars", "HKD"),
    ("singapore dollars", "SGD"),
    ("new zealand dollars", "NZD"),
    ("swiss francs", "CHF"),
    ("pounds sterling", "GBP"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("yen", "JPY"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rouble", "RUB"),
    ("rupees", "INR"),
    ("rupee", "INR"),
    ("reais", "BRL"),
    ("rand", "ZAR"),
    ("lira", "TRY"),
    ("riyals", "SAR"),
    ("dirhams", "AED"),
    ("sterling", "GBP"),
]

# Measure units: surface -> canonical unit. Curated rather than quantulum3's 1,000-unit
# lexicon, whose one-letter and common-word surfaces ("m", "g", "t", "set", "in") cost
# precision. Conversions live in numbers_compare.
_UNITS = [
    # length
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("km", "km"),
    ("metres", "m"),
    ("meters", "m"),
    ("metre", "m"),
    ("meter", "m"),
    ("centimetres", "cm"),
    ("centimeters", "cm"),
    ("cm", "cm"),
    ("millimetres", "mm"),
    ("millimeters", "mm"),
    ("mm", "mm"),
    ("nautical miles", "nmi"),
    ("miles", "mile"),
    ("mile", "mile"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("ft", "ft"),
    ("inches", "inch"),
    # area
    ("square kilometres", "km2"),
    ("square kilometers", "km2"),
    ("sq km", "km2"),
    ("km2", "km2"),
    ("km²", "km2"),
    ("square metres", "m2"),
    ("square meters", "m2"),
    ("m2", "m2"),
    ("m²", "m2"),
    ("square miles", "sq mi"),
    ("hectares", "hectare"),
    ("hectare", "hectare"),
    ("ha", "hectare"),
    ("acres", "acre"),
    # mass
    ("kilograms", "kg"),
    ("kilogrammes", "kg"),
    ("kg", "kg"),
    ("metric tons", "tonne"),
    ("metric tonnes", "tonne"),
    ("tonnes", "tonne"),
    ("tonne", "tonne"),
    ("tons", "tonne"),
    ("ton", "tonne"),
    ("grams", "g"),
    ("pounds", "pound"),
    ("lbs", "pound"),
    ("lb", "pound"),
    ("ounces", "oz"),
    ("carats", "carat"),
    # volume
    ("billion cubic metres", "bcm"),
    ("billion cubic meters", "bcm"),
    ("bcm", "bcm"),
    ("cubic metres", "m3"),
    ("cubic meters", "m3"),
    ("cubic metre", "m3"),
    ("cubic meter", "m3"),
    ("m3", "m3"),
    ("m³", "m3"),
    ("cubic feet", "cu ft"),
    ("tcf", "tcf"),
    ("barrels", "barrel"),
    ("barrel", "barrel"),
    ("bbl", "barrel"),
    ("litres", "litre"),
    ("liters", "litre"),
    ("gallons", "gallon"),
    # energy, power
    ("megawatts", "MW"),
    ("gigawatts", "GW"),
    ("kilowatts", "kW"),
    ("MW", "MW"),
    ("GW", "GW"),
    ("kW", "kW"),
    ("TWh", "TWh"),
    ("GWh", "GWh"),
    ("MWh", "MWh"),
    ("kWh", "kWh"),
    # speed, temperature
    ("km/h", "km/h"),
    ("kph", "km/h"),
    ("mph", "mph"),
    ("knots", "knot"),
    ("degrees celsius", "°C"),
    ("°C", "°C"),
    ("degrees fahrenheit", "°F"),
    ("°F", "°F"),
    # time
    ("years", "year"),
    ("year", "year"),
    ("months", "month"),
    ("month", "month"),
    ("weeks", "week"),
    ("week", "week"),
    ("days", "day"),
    ("day", "day"),
    ("hours", "hour"),
    ("hour", "hour"),
    ("minutes", "minute"),
    ("minute", "minute"),
    ("seconds", "second"),
    ("decades", "decade"),
    ("decade", "decade"),
    ("centuries", "century"),
    ("century", "century"),
]
_PERCENT = [
    ("percentage points", "percentage point"),
    ("percentage point", "percentage point"),
    ("percent", "percent"),
    ("per cent", "percent"),
    ("pct", "percent"),
    ("%", "percent"),
    ("basis points", "basis point"),
    ("basis point", "basis point"),
    ("bps", "basis point"),
    ("bp", "basis point"),
    ("pp", "percentage point"),
]

_HEDGE_BEFORE: list[tuple[QuantityBound, str]] = [
    ("min", "more than"),
    ("min", "over"),
    ("min", "above"),
    ("min", "exceeding"),
    ("min", "in excess of"),
    ("min", "upwards of"),
    ("min", "at least"),
    ("min", "no fewer than"),
    ("min", "no less than"),
    ("min", "not less than"),
    ("min", "a minimum of"),
    ("min", "greater than"),
    ("min", "north of"),
    ("min", "just over"),
    ("min", "well over"),
    ("min", "well above"),
    ("min", "surpassing"),
    ("min", "topping"),
    ("max", "less than"),
    ("max", "fewer than"),
    ("max", "under"),
    ("max", "below"),
    ("max", "up to"),
    ("max", "at most"),
    ("max", "no more than"),
    ("max", "not more than"),
    ("max", "as many as"),
    ("max", "as much as"),
    ("max", "a maximum of"),
    ("max", "not exceeding"),
    ("max", "just under"),
    ("max", "lower than"),
    ("max", "younger than"),
    ("min", "older than"),
    ("max", "shorter than"),
    ("min", "longer than"),
    ("approx", "about"),
    ("approx", "around"),
    ("approx", "roughly"),
    ("approx", "approximately"),
    ("approx", "approx."),
    ("approx", "nearly"),
    ("approx", "almost"),
    ("approx", "some"),
    ("approx", "an estimated"),
    ("approx", "estimated"),
    ("approx", "close to"),
    ("approx", "circa"),
    ("approx", "an approximate"),
    ("approx", "~"),
    ("approx", "c."),
    ("approx", "some"),
]
_HEDGE_BOUND = {w: b for b, w in _HEDGE_BEFORE}

_MONTHS = "|".join(m.capitalize() for m in (*MONTH_NAMES, *MONTH_ABBREVIATIONS))
_LABELS = (
    "section|sec|sections|chapter|chapters|ch|table|tables|tab|figure|figures|fig|figs|"
    "article|articles|art|annex|appendix|page|pages|p|pp|vol|volume|volumes|no|nos|number|"
    "issue|para|paragraph|paragraphs|resolution|rule|part|item|line|lines|step|isbn|issn|"
    "version|ver|route|flight|room|grade|level|phase|round|stage|row|column|col|edition|ed|"
    "footnote|note|notes|ref|refs|reference|eq|equation|chart|exhibit|box|clause|act"
)

# Words that end a noun search or are never the counted noun.
_STOP = frozenset(
    """a an the of in on at to for from by with and or but nor as than that which who whom
    whose this these those it its their his her our your my we they he she i you them us is are was
    were be been being has have had do does did will would shall should can could may might
    must not no per each every all both some any such other more most less least fewer only
    just about over under up down into onto out off again further then there here when where
    why how what while during before after above below between through against among within
    without since until so very also too percent cent year years month months day days
    week weeks new old same own ago earlier later times time""".split()
)
_IRREGULAR_PLURAL = frozenset(
    "people children men women police staff personnel troops cattle feet teeth mice geese "
    "persons crew media data criteria".split()
)


def _alt(words: Iterable[str]) -> str:
    """Regex alternation, longest first, each word escaped and spaces made flexible."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# --------------------------------------------------------------------------- patterns

# One scan over the whole text, digits only (fast: the lookahead rejects most positions in C).
# "junk" alternatives consume dotted section numbers, times, fractions/dates with slashes,
# ISO dates and volume(issue) so that their digits are never read as figures.
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|\d+(?:\.\d+)?"
_SCAN = re.compile(
    r"(?=[\d])(?:"
    r"(?P<junk>\d+(?:\.\d+){2,}\.?|\d{1,2}:\d{2}(?::\d{2})?|"
    r"\d+/\d+(?:/\d+)?|\d{4}-\d{2}-\d{2}|\d+\(\d+\))"
    rf"|(?P<num>{_NUM}))"
)
_UNITS_WORDS = "|".join(k for k in CARDINALS if CARDINALS[k] < 10 and k != "zero")
_WORDNUM_SMALL = rf"(?:(?:{'|'.join(TENS)})(?:[-\s](?:{_UNITS_WORDS}))?|{'|'.join(CARDINALS)})"
_WORD_SCAN = re.compile(
    r"\b(?i:"
    rf"(?P<ord>(?:(?:{'|'.join(TENS)})-)?(?:{'|'.join(ORDINALS)})|{'|'.join(ORDINAL_TENS)})"
    rf"|(?P<vague>(?:tens\s+of\s+)?(?:{'|'.join(_VAGUE)}))\s+of\b"
    r"|(?P<dozen>a\s+dozen|half\s+a\s+dozen)"
    rf"|(?P<aw>a\s+(?:hundred|thousand|million|billion))\b"
    rf"|(?P<w>{_WORDNUM_SMALL}(?:\s+hundred(?:\s+(?:and\s+)?{_WORDNUM_SMALL})?)?)"
    r")\b"
)
_REF_BEFORE = re.compile(r"\[[\d,\s–-]*$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTHS})\b")
_REF_AFTER = re.compile(r"(?:\s*[,–-]\s*\d+)*\s*\]")
_SCALE_RE = re.compile(
    rf"(?:\s+|-)(?P<w>(?i:{'|'.join(SCALE_WORDS)}))\b"
    r"|\s?(?P<s>bn|mn|mln|bln|tn|trn|tln|Bn|BN|MN)\b"
    r"|(?P<g>[kmbKMB])\b"
)
_SCALE_WORD_AFTER = re.compile(rf"\s+(?i:{'|'.join(SCALE_WORDS)})")
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|to|and)\s*(?=[\d$€£¥₽₹₩\\A-Z])")
_PCT_RE = re.compile(rf"(?:\s?(?P<p>%)|\s+(?i:(?P<pw>{_alt(w for w, _ in _PERCENT if w != '%')}))\b)")
_CURW_RE = re.compile(rf"\s+(?i:(?P<c>{_alt(w for w, _ in _CUR_WORDS)}))\b")
_CUR_CODE_AFTER = re.compile(rf"\s(?P<c>{'|'.join(_CUR_CODES)})\b")
_CENTS_RE = re.compile(r"\s+(?i:cents?)\b")
_UNIT_RE = re.compile(rf"(?:\s+|-|(?=[a-zA-Z°²³/]))(?P<u>{_alt(w for w, _ in _UNITS)})(?![\w²³])")
_UNIT_MAP = {w.lower(): u for w, u in _UNITS}
_PCT_MAP = {w.lower(): u for w, u in _PERCENT}
_CURW_MAP = {w: c for w, c in _CUR_WORDS}
_RATE_RE = re.compile(
    r"\s*(?:\(\s*)?(?P<r>per\s+(?:day|year|annum|month)|a\s+(?:day|year|month)|annually|"
    r"/\s?(?:day|year|yr)|b/d|bpd)(?:\s*\))?(?!\s+(?:ago|earlier|later|before|after)\b)"
)
_RATE_MAP = {
    "day": "/day",
    "year": "/year",
    "annum": "/year",
    "month": "/month",
    "annually": "/year",
    "yr": "/year",
    "b/d": "/day",
    "bpd": "/day",
}
_HEDGE_AFTER = re.compile(r"(?P<plus>\+|-plus\b)|\s+or\s+(?P<w>more|above|so|less|fewer|under)\b")
_HEDGE_AFTER_BOUND: dict[str, QuantityBound] = {"more": "min", "above": "min", "so": "approx"}  # else "max"
_WORD_AFTER = re.compile(r"(?:[ \t]+|-)(?:of[ \t]+)?([A-Za-z][A-Za-z'’-]*)")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’-]*)")
_SYM_AHEAD = re.compile(r"(?:US|C|A|HK|S|NZ|R)?\\?\$|[€£¥₽₹₩]")
_NUM_RE = re.compile(_NUM)
_ORD_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
_RANGE_INTRO = re.compile(r"(?i)\b(between|from|range\s+of|range\s+between)\s+$")
_CHANGE_VERB = re.compile(
    r"(?i)\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|increas|decreas|grew|grow|drop|declin|"
    r"climb|jump|cut|rais|up|down|went|go(?:es|ne)?|mov|chang|reduc|expand|narrow|widen|slip|"
    r"surg|soar|plung|improv|shr[iu]nk|boost|lift|lower|upgrad|downgrad|revis|swung|turn)\w*\b"
)
_GLUED_AFTER = re.compile(r"[A-Za-z]")
_TIME_AFTER = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b)", re.I)
_URLISH = re.compile(r"(?=[hwd1])\b(?:https?://|www\.|doi:\s*|10\.\d{4,9}/)\S+")
_EMAIL_AT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_LINE_START = re.compile(r"(?:^|\n)[ \t#*>-]*$")


# --------------------------------------------------------------------------- helpers


def _num(s: str) -> float:
    return float(s.replace(",", "").replace("−", "-"))


def _word_value(words: str) -> float:
    """'twenty-five' -> 25, 'three hundred and six' -> 306 (the pattern already validated it)."""
    total = 0
    for tok in re.split(r"[\s-]+", words.lower()):
        if tok in CARDINALS:
            total += CARDINALS[tok]
        elif tok in TENS:
            total += TENS[tok]
        elif tok == "hundred":
            total = (total or 1) * 100
    return float(total)


def _ordinal_value(word: str) -> float:
    total = 0
    for tok in word.lower().split("-"):
        total += TENS.get(tok, 0) + ORDINALS.get(tok, 0) + ORDINAL_TENS.get(tok, 0)
    return float(total)


def _is_plural(w: str) -> bool:
    lw = w.lower()
    if lw in _IRREGULAR_PLURAL:
        return True
    return len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "ous"))


def _noun_after(text: str, pos: int) -> str:
    """The counted noun: the first plural among the next four words, else the first word.

    Stops at function words, so "45 of the meetings" gives nothing (precision first);
    "200 legal documents" gives "documents"; "15th anniversary" gives "anniversary".
    """
    words: list[str] = []
    p = pos
    for i in range(4):
        m = (_WORD_AFTER if i == 0 else _NEXT_WORD).match(text, p)
        if not m:
            break
        w = m.group(1).strip("-'’")
        if not w or w.lower() in _STOP:
            break
        words.append(w)
        p = m.end()
    for w in words:
        if _is_plural(w):
            return w
    for w in words:
        lw = w.lower()
        if not lw.endswith(("ed", "ly", "ing")):
            return w
    return ""


class _Hit:
    __slots__ = (
        "start",
        "end",
        "value",
        "low",
        "high",
        "unit",
        "kind",
        "bound",
        "noun",
        "has_scale",
        "is_year",
        "bare",
    )

    def __init__(self, start: int, end: int, value: float):
        self.start, self.end, self.value = start, end, value
        self.low: float | None = value
        self.high: float | None = value
        self.unit = ""
        self.kind: QuantityKind = "count"
        self.bound: QuantityBound = "exact"
        self.noun = ""
        self.has_scale = False
        self.is_year = False
        self.bare = True  # no currency, unit, percent, scale or hedge


def _scale(text: str, pos: int, has_cur: bool) -> tuple[float, int]:
    m = _SCALE_RE.match(text, pos)
    if not m:
        return 1.0, pos
    if m.group("w"):
        return _SCALE[m.group("w").lower()], m.end()
    if m.group("s"):
        return _SCALE[m.group("s").lower()], m.end()
    g = m.group("g")
    if has_cur and g is not None:  # "£5m", "$15k", "$2B": only glued and after a currency
        return _SCALE[g.lower()], m.end()
    return 1.0, pos


def _suffix(text: str, pos: int, hit: _Hit, cur: str | None) -> int:
    """Percent / currency word / unit after the number; sets kind and unit, returns end."""
    m = _PCT_RE.match(text, pos)
    if m:
        hit.kind, hit.unit = "percent", _PCT_MAP["%" if m.group("p") else re.sub(r"\s+", " ", m.group("pw").lower())]
        hit.bare = False
        return m.end()
    if cur is None:
        m = _CURW_RE.match(text, pos)
        if m:
            word = re.sub(r"\s+", " ", m.group("c").lower())
            hit.kind, hit.unit, hit.bare = "money", _CURW_MAP[word], False
            return m.end()
        m = _CUR_CODE_AFTER.match(text, pos)
        if m:
            code = m.group("c")
            hit.kind, hit.unit, hit.bare = "money", _CODE_ALIAS.get(code, code), False
            return m.end()
        m = _CENTS_RE.match(text, pos)
        if m:
            hit.kind, hit.unit, hit.bare = "money", "USD", False
            hit.value /= 100.0
            hit.low = hit.high = hit.value
            return m.end()
        m = _UNIT_RE.match(text, pos)
        if m:
            surface = m.group("u")
            key = re.sub(r"\s+", " ", surface.lower())
            unit = _UNIT_MAP.get(key) or _UNIT_MAP.get(surface)
            if unit:
                hit.kind, hit.unit, hit.bare = "measure", unit, False
                end = m.end()
                r = _RATE_RE.match(text, end)
                if r and unit not in ("year", "month", "week", "day", "hour", "minute", "second", "decade", "century"):
                    rate = r.group("r").lower().split()[-1].lstrip("/").strip()
                    hit.unit = unit + _RATE_MAP.get(rate, "")
                    end = r.end()
                return end
    return pos


# --------------------------------------------------------------------------- the finder


# fractions of a whole, read as shares: "a fifth of patients", "two-thirds of voters", "one in
# five", "three out of four" (the denominators are the ordinals' table; "half" stays out: "the
# second half of 2028" is a time)
_DENOMINATORS = {w: v for w, v in ORDINALS.items() if 3 <= v <= 10} | {"quarter": 4}
_DENOM_ALT = "|".join(sorted({f"{w}s" for w in _DENOMINATORS} | set(_DENOMINATORS), key=len, reverse=True))
_SMALL_ALT = "|".join(sorted((w for w, v in CARDINALS.items() if 1 <= v <= 10), key=len, reverse=True))
_FRACTION = re.compile(
    rf"(?<![\w-])(?i:(?P<k>a|an|{_SMALL_ALT})[\s-]+(?P<d>{_DENOM_ALT})(?=\s+of\b)"
    rf"|(?P<n>\d{{1,3}}|{_SMALL_ALT})\s+(?:in|out\s+of)\s+(?P<m>\d{{1,3}}|{_SMALL_ALT}|twenty|a\s+hundred)(?![\w-]))"
)


def _fraction_hits(text: str) -> list[_Hit]:
    out = []
    for m in _FRACTION.finditer(text):
        if m.group("d"):
            k = 1 if m.group("k").lower() in ("a", "an") else CARDINALS[m.group("k").lower()]
            d = _DENOMINATORS[m.group("d").lower().removesuffix("s")]
        else:
            k = int(m.group("n")) if m.group("n").isdigit() else CARDINALS[m.group("n").lower()]
            low_m = m.group("m").lower()
            d = (
                int(low_m)
                if low_m.isdigit()
                else 100
                if low_m.endswith("hundred")
                else 20
                if low_m == "twenty"
                else CARDINALS[low_m]
            )
        if not 0 < k < d:
            continue
        value = 100.0 * k / d
        h = _Hit(m.start(), m.end(), value)
        # a share in words is a hedged figure: "a fifth" allows what "about 20%" allows (the
        # hedge width of numbers_compare's tolerance policy)
        h.kind, h.unit, h.bare, h.bound = "percent", "percent", False, "approx"
        h.noun = _noun_after(text, m.end())
        out.append(h)
    return out


def find_quantities(text: str, *, exclude: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """All figures in ``text`` as :class:`Quantity`, sorted, non-overlapping.

    ``exclude`` are spans already claimed by another extractor (the date finder's spans);
    any figure overlapping one is dropped.
    """
    if not text:
        return []
    blocked = sorted((int(s), int(e)) for s, e in exclude if e > s)
    if "/" in text or "doi" in text or "www." in text:
        blocked += [m.span() for m in _URLISH.finditer(text)]
    at = text.find("@")
    while at >= 0:  # e-mail addresses: expand around each "@" (a scan for them is slow)
        lo = max(0, at - 64)
        for m in _EMAIL_AT.finditer(text, lo, at + 256):
            if m.start() <= at < m.end():
                blocked.append(m.span())
                break
        at = text.find("@", at + 1)
    blocked.sort()
    hits: list[_Hit] = []
    for m in _SCAN.finditer(text):
        if m.group("num") is None:
            continue
        h = _digit_hit(text, m.start("num"), m.end("num"))
        if h is not None:
            hits.append(h)
    last = -1
    for c in _WORD_PREFILTER.finditer(text):
        if c.start() < last:
            continue
        wm = _WORD_SCAN.match(text, c.start())
        if wm:
            last = wm.end()
            h = _word_hit(text, wm)
            if h is not None:
                hits.append(h)
    if " of " in text or " in " in text or " out " in text:
        hits += _fraction_hits(text)
    return _finish(text, hits, blocked)


def _prefilter(words: Iterable[str]) -> re.Pattern[str]:
    """A regex that finds where a number word may start, 5-6x faster than the full grammar:
    alternatives are grouped by first letter, so most word starts fail on one character."""
    by_first: dict[str, set[str]] = {}
    for w in words:
        by_first.setdefault(w[0].lower(), set()).add(w[1:])
    parts = [
        f"[{c}{c.upper()}](?:{'|'.join(re.escape(r) for r in sorted(rest, key=len, reverse=True))})"
        for c, rest in sorted(by_first.items())
    ]
    return re.compile(r"\b(?:" + "|".join(parts) + ")")


_WORD_PREFILTER = _prefilter(
    [w for w in CARDINALS]
    + list(TENS)
    + list(ORDINALS)
    + list(ORDINAL_TENS)
    + list(_VAGUE)
    + ["tens", "half", "a dozen", "a hundred", "a thousand", "a million", "a billion"]
)


def _finish(text: str, hits: list[_Hit], blocked: list[tuple[int, int]]) -> list[Quantity]:
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[Quantity] = []
    last_end = -1
    starts = [s for s, _ in blocked]
    reach = list(itertools.accumulate((e for _, e in blocked), max))  # furthest end so far
    for h in hits:
        if h.start < last_end:
            continue
        if blocked:
            i = bisect.bisect_left(starts, h.end) - 1
            # any blocked span starting before our end and ending after our start overlaps
            if i >= 0 and reach[i] > h.start:
                continue
        out.append(
            Quantity(
                text=text[h.start : h.end],
                start=h.start,
                end=h.end,
                value=h.value,
                low=h.low,
                high=h.high,
                unit=h.unit,
                kind=h.kind,
                bound=h.bound,
                noun=h.noun,
            )
        )
        last_end = h.end
    return out


_LABEL_SET = frozenset(_LABELS.split("|"))
_MONTH_SET = frozenset(_MONTHS.split("|"))
# lower-cased text ("the week of april 5") names months too; "may" stays out, it is a verb
_MONTH_SET_LOWER = frozenset(m.lower() for m in _MONTH_SET) - {"may"}
_CODE_SET = frozenset(_CUR_CODES)
_SYM_CHARS = frozenset("$€£¥₽₹₩₺")
_SYM_TAIL = re.compile(r"(?:US|U\.S\.|CA|C|AU|A|HK|S|NZ|R|NT|MX)?\\?[$€£¥₽₹₩₺]$")
_DAY_RANGE_HEAD = re.compile(r"(?:^|\s)(\w+)\.?\s+\d{1,2}\s*[-–]\s*$")


def _words_before(text: str, s: int) -> list[str]:
    """Up to three whitespace-separated tokens ending right before ``s`` (cheaper than
    searching a ``...$`` alternation at every position of a window)."""
    return text[max(0, s - 32) : s].split()[-3:]


def _hedge_before(text: str, start: int) -> tuple[QuantityBound, int] | None:
    """("min"|"max"|"approx", offset of the hedge) when a hedge phrase ends at ``start``."""
    if start > 0 and text[start - 1] == "~":
        return "approx", start - 1
    if start == 0 or not text[start - 1].isspace():
        return None
    toks = _words_before(text, start)
    for k in (3, 2, 1):
        if len(toks) >= k:
            phrase = " ".join(toks[-k:]).lower()
            bound = _HEDGE_BOUND.get(phrase)
            if bound:
                first = toks[-k]
                pos = text.rfind(first, max(0, start - 40), start)
                if pos >= 0 and (pos == 0 or not text[pos - 1].isalnum()):
                    return bound, pos
    return None


def _currency_before(text: str, s: int) -> tuple[str, int] | None:
    """(ISO code, offset) for "$", "US$", "\\$", "€", "USD " right before a number."""
    if s == 0:
        return None
    c = text[s - 1]
    if c in _SYM_CHARS or (c == " " and s >= 2 and text[s - 2] in _SYM_CHARS):
        end = s if c != " " else s - 1
        m = _SYM_TAIL.search(text, max(0, end - 6), end)
        if m:
            sym = m.group(0).replace("\\", "")
            cur = _CUR_SYMBOL.get(sym) or ("USD" if sym.endswith("$") else None)
            if cur:
                st = m.start()
                if st > 0 and text[st - 1].isalpha():  # "XYZ$5": not a currency prefix we know
                    st = end - 1 - (1 if text[end - 2 : end - 1] == "\\" else 0)
                    cur = _CUR_SYMBOL.get(text[end - 1], "USD")
                return cur, st
        return None
    if c == " " and s >= 4:
        code = text[s - 4 : s - 1]
        if code in _CODE_SET and (s == 4 or not text[s - 5].isalnum()):
            return _CODE_ALIAS.get(code, code), s - 4
    return None


def _context_skip(text: str, s: int, e: int) -> bool:
    """Citation markers, labels ("Table 2", "p. 12"), dates' day numbers, glued identifiers."""
    prev = text[s - 1] if s > 0 else ""
    if prev and (prev.isalpha() or prev in "#_/" or prev == "."):
        # "G20", "FY2021", "#1", "a/1", "v.2"; a '.' before a digit run is a dotted id
        if not (prev == "." and (s < 2 or not text[s - 2].isalnum())):
            return True
    if prev in "-–" and s >= 2 and (text[s - 2].isalpha() or text[s - 2].isdigit()):
        return True  # COVID-19, Su-35, S-400; and the tail of a rejected range ("won 3-1")
    toks = _words_before(text, s) if prev.isspace() else []
    if toks:
        last = toks[-1]
        word = last.rstrip(".").lower()
        if word in _LABEL_SET or last == "#":
            return True
        if last.rstrip(".") in _MONTH_SET or last.rstrip(".") in _MONTH_SET_LOWER:  # "July 5", "april 5"
            return True
    if prev in "-–" or (prev.isspace() and s >= 2 and text[s - 2] in "-–"):
        m = _DAY_RANGE_HEAD.search(text, max(0, s - 24), s)
        if m and m.group(1) in _MONTH_SET:  # the second day of "May 8–9"
            return True
    if "[" in text[max(0, s - 12) : s] and _REF_BEFORE.search(text, max(0, s - 12), s) and _REF_AFTER.match(text, e):
        return True  # citation markers "[9]", "[9, 10]", "[3-5]"
    if _MONTH_AFTER.match(text, e):
        return True
    if _TIME_AFTER.match(text, e):
        return True
    return False


def _digit_hit(text: str, s: int, e: int) -> _Hit | None:
    raw = text[s:e]
    if _context_skip(text, s, e):
        return None
    # section / list numbers at the start of a line: "1. Introduction", "2.7 April ..."
    before_line = text[max(0, s - 12) : s]
    if _LINE_START.search(before_line) or s == 0:
        nxt = text[e : e + 2]
        if nxt[:1] in (".", ")") and (len(nxt) < 2 or nxt[1] in " \t\n\r"):
            return None
        if "." in raw and re.match(r"\s+[A-Z]", text[e : e + 3]):
            return None
    # ordinal "15th", "21st"
    om = _ORD_SUFFIX.match(text, e)
    if om and "." not in raw and "," not in raw:
        h = _Hit(s, om.end(), float(raw))
        h.kind = "ordinal"
        h.noun = _noun_after(text, om.end())
        h.bare = False
        return h
    # currency before
    cur: str | None = None
    start = s
    cb = _currency_before(text, s)
    if cb:
        cur, start = cb
    negative = False
    if cur is None and s > 0 and text[s - 1] in "-−" and (s < 2 or text[s - 2] in " (\t\n"):
        negative, start = True, s - 1
    value = _num(raw) * (-1 if negative else 1)
    h = _Hit(start, e, value)
    pos = e
    factor, pos2 = _scale(text, pos, cur is not None)
    if pos2 != pos:
        h.has_scale, h.bare, pos = True, False, pos2
        h.value *= factor
    # a glued letter that is not a scale/unit/percent: "3D", "5G", "1990s", "10x"
    if pos < len(text) and _GLUED_AFTER.match(text, pos):
        if not _UNIT_RE.match(text, pos) and not text.startswith(("bps", "bp"), pos):
            return None
    # ranges: "80-90%", "$10–20 billion", "between 80% and 90%", "30 to 40 people"
    low_val = h.value
    first_suffix_end = _suffix(text, pos, h, cur)
    own_suffix = first_suffix_end != pos
    if first_suffix_end != pos:
        pos = first_suffix_end
    rng = _RANGE_SEP.match(text, pos)
    if rng:
        sep = text[rng.start() : rng.end()].strip()
        hb = _hedge_before(text, start)
        lo_pre = max(0, start - 48)
        intro = _RANGE_INTRO.search(text, lo_pre, start)
        word = intro.group(1).lower() if intro else ""
        if intro is not None and word == "from":
            # "from X to Y" after a verb of change is two values ("rose from 3% to 5%")
            changed = _CHANGE_VERB.search(text, max(0, intro.start() - 40), intro.start())
            ok = sep == "to" and changed is None
        elif word == "between" or word.startswith("range"):
            ok = sep in ("and", "to") or sep in "-–—"
        else:
            ok = sep == "to" or sep in "-–—"
            if sep == "to" and (
                (own_suffix and _CHANGE_VERB.search(text, max(0, start - 40), start))
                or (cur is None and _SYM_AHEAD.match(text, rng.end()))
            ):
                ok = False  # "rose 14% to $310 million": a change and the level it reached
        if ok and not (hb and sep == "and"):
            r2 = _range_tail(text, rng.end(), h, cur, low_val)
            if r2 is None and sep in "-–—" and h.bare and cur is None and h.kind == "count":
                return None  # "3-1", "555-0199": a score or a code, not a figure
            if r2 is not None:
                lead = intro.start(1) if intro is not None and word in ("between", "from") else None
                return _finish_hit(text, r2, start, cur, lead=lead)
    if cur:
        h.kind, h.unit, h.bare = "money", cur, False
    h.low = h.high = h.value
    h.end = pos
    return _finish_hit(text, h, start, cur)


def _range_tail(text: str, pos: int, h: _Hit, cur: str | None, low_val: float) -> _Hit | None:
    """The second half of a range; ``h`` is changed only when a range is returned."""
    # a currency may repeat: "$10 billion to $20 billion"
    cm = _SYM_AHEAD.match(text, pos)
    cur2 = None
    if cm:
        sym = cm.group(0).replace("\\", "")
        cur2 = _CUR_SYMBOL.get(sym, "USD" if sym.endswith("$") else None)
        if cur and cur2 and cur2 != cur:
            return None
        pos = cm.end()
    nm = _NUM_RE.match(text, pos)
    if not nm:
        return None
    if nm.end() < len(text) and text[nm.end()] in ".:" and text[nm.end() + 1 : nm.end() + 2].isdigit():
        return None
    hi = _num(nm.group(0))
    p = nm.end()
    has_scale = h.has_scale
    factor, p2 = _scale(text, p, (cur or cur2) is not None)
    if p2 != p:
        hi *= factor
        if not h.has_scale:  # "$10–20 billion": the scale belongs to both ends
            low_val *= factor
        has_scale = True
        p = p2
    if _GLUED_AFTER.match(text, p) and not _UNIT_RE.match(text, p):
        return None
    tmp = _Hit(h.start, p, hi)
    p = _suffix(text, p, tmp, cur or cur2)
    kind, unit = h.kind, h.unit
    if kind != "count" and tmp.kind != "count" and (kind, unit) != (tmp.kind, tmp.unit):
        return None
    if kind == "count" and tmp.kind != "count":
        kind, unit = tmp.kind, tmp.unit
        if tmp.kind == "money" and tmp.unit == "USD" and text[p - 5 : p].lower().endswith("cents"):
            low_val /= 100.0
        hi = tmp.value
    if low_val >= hi:
        return None
    cur = cur or cur2
    if cur:
        kind, unit = "money", cur
    h.kind, h.unit, h.has_scale = kind, unit, has_scale
    h.low, h.high = low_val, hi
    h.value = (low_val + hi) / 2.0
    h.bound = "range"
    h.end = p
    h.bare = h.bare and tmp.bare and not cur
    return h


def _finish_hit(text: str, h: _Hit, start: int, cur: str | None, lead: int | None = None) -> _Hit | None:
    """Hedges before and after, year/page-range filters, the counted noun."""
    is_int = "." not in text[start : h.end] and "," not in text[start : h.end]
    raw_digits = re.match(r"[^\d]*(\d+)", text[start : h.end])
    first = raw_digits.group(1) if raw_digits else ""
    looks_year = h.kind == "count" and not h.has_scale and is_int and len(first) == 4 and 1000 <= int(first) <= 2099
    # hedge before ("between"/"from" of a range is part of the span instead)
    if lead is not None:
        start = lead
    else:
        hb = _hedge_before(text, start) if h.bound == "exact" else None
        if hb and not (h.kind != "count" and text[hb[1] : hb[1] + 5].lower() == "some "):
            bound, start = hb
            h.bare = False
            _apply_bound(h, bound)
    # hedge after: "45 or more", "45+", "a dozen or so"
    am = _HEDGE_AFTER.match(text, h.end)
    if am and h.bound == "exact":
        if am.group("plus"):
            _apply_bound(h, "min")
        else:
            _apply_bound(h, _HEDGE_AFTER_BOUND.get(am.group("w"), "max"))
        h.end = am.end()
        h.bare = False
    h.start = start
    if h.kind in ("count", "measure", "percent", "ordinal", "money"):
        h.noun = _noun_after(text, h.end) if h.kind != "money" else ""
    if h.kind == "count" and h.bare and h.bound == "exact" and _after_proper_name(text, start):
        return None  # "Power of Siberia 2", "Boeing 747": part of a name, not a count
    if h.kind == "count" and h.bare and h.noun.isupper() and len(h.noun) >= 2:
        return None  # "737 MAX": a model number
    if looks_year:
        # a year, unless hedged and counting something: "over 1500 soldiers"
        if h.bare or not (h.noun and _is_plural(h.noun)) or h.bound == "range":
            return None
    if h.bound == "range" and h.kind == "count" and (not h.noun or not _is_plural(h.noun)):
        return None  # bare "1078-1093", "3-1": page ranges and scores, not counts
    if h.kind == "measure" and h.unit in ("year",) and h.bound == "exact" and looks_year:
        return None
    return h


def _after_proper_name(text: str, s: int) -> bool:
    if s < 2 or text[s - 1] != " ":
        return False
    toks = _words_before(text, s)
    if not toks:
        return False
    w = toks[-1]
    if w.isalpha() and w.isupper() and len(w) >= 2 and w.lower() not in _STOP:
        return True  # "MAX 9", "SCO 2": an acronym then a number is a model or edition
    if not (w[:1].isupper() and w.isalpha() and w[1:].islower()) or w.lower() in _STOP:
        return False
    # sentence-initial capitals ("Around 200 ...", "Only 3 ...") are not names
    if len(toks) >= 2 and toks[-2][-1:] in '.!?:;"”':
        return False
    return len(toks) >= 2 or s - len(w) - 1 > 0


def _apply_bound(h: _Hit, bound: QuantityBound) -> None:
    h.bound = bound
    if bound == "min":
        h.low, h.high = h.value, None
    elif bound == "max":
        h.low, h.high = None, h.value
    else:
        h.low = h.high = h.value


def _word_hit(text: str, m: re.Match[str]) -> _Hit | None:
    s, e = m.start(), m.end()
    if m.group("ord"):
        word = m.group("ord")
        toks = _words_before(text, s)
        if (toks and toks[-1].rstrip(".") in _MONTH_SET) or _MONTH_AFTER.match(text, e):
            return None
        if word.lower() == "second":
            from .lexicon import past_form  # the lexicon loads the lemma table: only on need

            # "second" is also a unit of time and a verb: only after a determiner, or after a
            # verb in the past ("finished second", "came second": a placing)
            if not re.search(r"\b(?i:the|a|its|their|his|her|our|this|every)\s+$", text[max(0, s - 8) : s]) and not (
                toks and past_form(toks[-1])
            ):
                return None
        h = _Hit(s, e, _ordinal_value(word))
        h.kind, h.bare = "ordinal", False
        h.noun = _noun_after(text, e)
        return h
    if m.group("vague"):
        word = m.group("vague").lower()
        base = _VAGUE[word.split()[-1]]
        low = base * (10 if word.startswith("tens") else 2) if base != 12 else 24
        high = low * 50 - 1 if word.startswith("tens") else base * 10 - 1 if base >= 100 else low * 10
        h = _Hit(s, e, low)
        h.low, h.high, h.bound, h.bare = float(low), float(high), "approx", False
        of = re.compile(r"\s+of\b").match(text, e)
        h.noun = _noun_after(text, of.end() if of else e)
        return h if h.noun else None
    if m.group("dozen"):
        value = 6.0 if m.group("dozen").lower().startswith("half") else 12.0
        h = _Hit(s, e, value)
    elif m.group("aw"):
        value = _SCALE[m.group("aw").split()[-1].lower()]
        h = _Hit(s, e, value)
    else:
        word = m.group("w")
        lw = word.lower()
        if lw in ("one", "zero"):
            # "one" is mostly a pronoun ("one of the", "no one"); only with a scale word
            if not _SCALE_RE.match(text, e) or not _SCALE_WORD_AFTER.match(text, e):
                return None
        if lw == "second":
            return None
        h = _Hit(s, e, _word_value(word))
    factor, p = _scale(text, h.end, False)
    if p != h.end:
        h.value *= factor
        h.has_scale = True
        h.end = p
    if text[h.end : h.end + 1].isalpha():
        return None
    cur = None
    cb = _currency_before(text, s)
    if cb:
        cur, s = cb
        h.start = s
    h.end = _suffix(text, h.end, h, cur)
    if cur:
        h.kind, h.unit = "money", cur
    h.low = h.high = h.value
    if h.kind != "count" or h.has_scale:
        h.bare = False
    # plain small word numbers only count when a noun follows: "three summits" (not "ten" alone)
    out = _finish_hit(text, h, h.start, cur)
    if out is not None and out.kind == "count" and not out.noun:
        return None
    return out
