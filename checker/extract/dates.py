"""Dates, date ranges, open intervals and relative dates as typed day intervals.

Why our own grammar (dateparser, datefinder, ctparse and timefhuman were tried): no library gives
ranges ("May 15-19, 1989",
"1960–88"), decades, "since 2013" and relative weekdays *with character offsets*; dateparser reads
"the 1990s" as 1990 seconds, fills missing parts from today's date and splits "April 8–9 2024"
into two wrong dates. Every pattern here knows its value exactly (month names, day numbers,
years), so dateparser is not called at all: it would only add cost and its own errors. It is
still the baseline in ``benchmarks/tempeval3.py``.

Precision over recall: a bare 4-digit number is a year only in a context that makes it one
("in 1997", "the 1997 treaty", "(2019)", "1997:" as a heading, "Putin's 2024 visit"), never in
"US$400 billion", "1,500 troops", "page 1078" or the page range "1078-1093" of a citation.

Policies, explicit and tested:

* ``doc_date`` resolves relative expressions ("on Wednesday", "last week", "next month",
  "yesterday", "May 15" without a year). Without a ``doc_date`` they are skipped, never guessed.
* ``weekday_policy`` says which day a bare weekday names:
  ``"past"`` (default) the nearest such day on or before the document date, so "Wednesday" in a
  story dated Wednesday is that same day and "Thursday" in it is the Thursday six days before;
  ``"future"`` the nearest on or after; ``"nearest"`` the closest either way (ties go to the
  past); ``"auto"`` reads tense cues before the weekday in the same sentence ("will", "is
  expected to", "next", ...) and uses ``"future"`` when it finds one, ``"past"`` otherwise.
  "last"/"next"/"this" before the weekday override the policy. The same policy (with "auto"
  and "nearest" as described) picks the year of a date stated without one ("in May").
* Open intervals keep the stated side and use ``date.min``/``date.max`` on the open side, so
  interval arithmetic stays right whatever the document date: "since 2013" is
  2013-01-01..9999-12-31 with ``open_end``; "before 2022" is 0001-01-01..2021-12-31 with
  ``open_start``; "by 2020"/"until 1991" include the stated year.
* "early/mid/late" narrow the interval and set ``approximate``: early 1990s = 1990–1994,
  mid = 1993–1997, late = 1995–1999; early 2019 = Jan–May, mid = Apr–Sep, late = Aug–Dec;
  early May = 1–10, mid = 10–20, late = 20–31. "around/circa 2010" keeps the year, approximate.
* A week ("last week", "this week") is the Monday..Sunday interval at granularity "day",
  ``relative`` and not ``is_range`` (it is a calendar unit, not a stated extent).
* Seasons are northern-hemisphere meteorological: spring Mar–May, summer Jun–Aug, autumn Sep–Nov,
  winter Y = Dec 1 (Y-1) .. end of Feb (Y+1), marked approximate because "winter 2020" is read
  both ways.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple, ParamSpec, TypeVar

from checker.models import DateMention, Granularity

from .normalise import normalise
from .number_words import COUNT_WORD_ALT, COUNT_WORDS
from .vocabulary import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTHS,
    ORDINALS,
    QUARTER_END_MONTHS,
    QUARTER_NUMERALS,
    QUARTER_ORDINALS,
    SEASONS,
    WEEKDAYS,
)

__all__ = ["find_dates", "WEEKDAY_POLICIES", "outside_calendar", "calendar_safe"]
_P = ParamSpec("_P")
_R = TypeVar("_R")

WEEKDAY_POLICIES = ("past", "future", "nearest", "auto")

_MIN, _MAX = dt.date.min, dt.date.max

# --------------------------------------------------------------------------- vocabulary

_WEEKDAYS = {name: i for i, name in enumerate(WEEKDAYS)}
# "twentieth" and "twenty-first" name centuries too
_CENTURY_ORDINALS = {**ORDINALS, "twentieth": 20, "twenty-first": 21, "twenty-second": 22}
_SEASONS = SEASONS
_SEASON_ALT = "|".join(SEASONS)  # spring|summer|autumn|fall|winter


def _cased(words: list[str]) -> str:
    """Title Case or UPPER CASE only: lower-case "may" and "march" are verbs."""
    alts = set()
    for w in words:
        alts.add(w.capitalize())
        alts.add(w.upper())
    return "|".join(sorted(alts, key=len, reverse=True))


_MON_ALT = _cased(list(MONTH_NAMES))
_MON_ABBR = _cased(list(MONTH_ABBREVIATIONS))
_WD_ALT = _cased(list(_WEEKDAYS))


def _mon(name: str) -> str:
    return rf"(?P<{name}>(?:{_MON_ALT})\b|(?:{_MON_ABBR})(?:\.|\b))"


def _day(name: str) -> str:
    return rf"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:]|,\d{{3}})"


def _year(name: str) -> str:
    return rf"(?P<{name}>1\d{{3}}|20\d{{2}})(?![\d%]|[.,]\d|-\d)"


# no digit, currency, URL or DOI part before a year; a hyphen only after a word ("mid-2019")
_Y_BEFORE = r"(?<![\w$€£¥#./@:])(?<![\d\s(]-)(?<!^-)(?<!\d[,.])"
_WD_OPT = rf"(?:(?:{_WD_ALT}),?\s+)?"
_CONN = r"\s*(?P<conn>-|to|through|thru|until|till|and)\s*"
_PRE = r"(?:(?P<pre>[Ff]rom|[Bb]etween|FROM|BETWEEN)\s+)?"
_MOD = r"(?P<mod>[Ee]arly|[Mm]id|[Ll]ate|the\s+(?:beginning|start|middle|end)\s+of)"


class _Cand(NamedTuple):
    start: int
    end: int
    prio: int  # lower wins among equal lengths
    mention: DateMention


# --------------------------------------------------------------------------- date arithmetic


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _month_iv(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, _last_day(y, m))


def _valid_day(y: int, m: int, d: int) -> dt.date | None:
    if 1 <= y <= 9999 and 1 <= m <= 12 and 1 <= d <= _last_day(y, m):
        return dt.date(y, m, d)
    return None


def _approx_year(y: int, mod: str) -> tuple[dt.date, dt.date]:
    mod = _mod_key(mod)
    if mod == "early":
        return dt.date(y, 1, 1), dt.date(y, 5, 31)
    if mod == "mid":
        return dt.date(y, 4, 1), dt.date(y, 9, 30)
    return dt.date(y, 8, 1), dt.date(y, 12, 31)


def _approx_month(y: int, m: int, mod: str) -> tuple[dt.date, dt.date]:
    mod = _mod_key(mod)
    last = _last_day(y, m)
    if mod == "early":
        return dt.date(y, m, 1), dt.date(y, m, 10)
    if mod == "mid":
        return dt.date(y, m, 10), dt.date(y, m, 20)
    return dt.date(y, m, 20), dt.date(y, m, last)


def _mod_key(mod: str) -> str:
    mod = mod.lower()
    if "early" in mod or "beginning" in mod or "start" in mod:
        return "early"
    if "mid" in mod or "middle" in mod:
        return "mid"
    return "late"


def _season_iv(y: int, name: str) -> tuple[dt.date, dt.date]:
    m = _SEASONS[name.lower()]
    if m == 12:
        return dt.date(y - 1, 12, 1), dt.date(y + 1, 2, _last_day(y + 1, 2))
    return dt.date(y, m, 1), dt.date(y, m + 2, _last_day(y, m + 2))


def _month_num(tok: str) -> int:
    return MONTHS[tok.rstrip(".").lower()]


_FUTURE_CUE = re.compile(
    r"\b(?:will|'ll|shall|expected|scheduled|due|plans?|planned|planning|upcoming|set\s+to|"
    r"going\s+to|to\s+be\s+held|to\s+visit|to\s+meet|would|intends?|next|coming)\b",
    re.I,
)
_SENT_BREAK = re.compile(r"[.!?;]\s|\n")


def _direction(t: str, pos: int, policy: str) -> str:
    """ "past" / "future" / "nearest" for an underspecified date at ``pos``."""
    if policy != "auto":
        return policy
    window = t[max(0, pos - 80) : pos]
    breaks = list(_SENT_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    after = t[pos : pos + 40]
    after = after[: m.start()] if (m := _SENT_BREAK.search(after)) else after
    return "future" if _FUTURE_CUE.search(window) or _FUTURE_CUE.search(after) else "past"


def _pick(cands: list[tuple[dt.date, dt.date]], doc: dt.date, direction: str) -> tuple[dt.date, dt.date] | None:
    """Choose among yearly recurrences the one the direction asks for (by interval start)."""
    if direction == "future":
        ok = [c for c in cands if c[1] >= doc]
        return min(ok, key=lambda c: c[0]) if ok else None
    past = [c for c in cands if c[0] <= doc]
    best_past = max(past, key=lambda c: c[0]) if past else None
    if direction == "past":
        return best_past
    fut = [c for c in cands if c[0] > doc]
    best_fut = min(fut, key=lambda c: c[0]) if fut else None
    if best_past is None or best_fut is None:
        return best_past or best_fut
    dp = (doc - best_past[1]).days if best_past[1] < doc else 0
    df = (best_fut[0] - doc).days
    return best_fut if df < dp else best_past


def _weekday_date(doc: dt.date, wd: int, direction: str) -> dt.date:
    back = (doc.weekday() - wd) % 7
    fwd = (wd - doc.weekday()) % 7
    if direction == "future":
        return doc + dt.timedelta(days=fwd)
    if direction == "nearest" and fwd < back:
        return doc + dt.timedelta(days=fwd)
    return doc - dt.timedelta(days=back)


def _shift_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


# --------------------------------------------------------------------------- the grammar


_REL_WORDS = (
    r"(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|YESTERDAY|TODAY|TOMORROW|[Ww]eek|[Mm]onth|[Yy]ear|"
    r"[Ww]eekend|[Dd]ay|[Dd]ecade)s?\b"
)
# Every word-start family behind one \b and a lookahead on their first letters: inside a word the
# scan costs three failed checks instead of eight (measured 2.4x faster on the seed paper). The
# families keep their order (mon, num, wd, rel, season, quarter, cent), so the matches are the same.
# The outer lookahead on every family's first characters skips most letters with one check.
_ANCHOR_FIRST = "".join(
    sorted({w[0] for w in f"{_MON_ALT}|{_MON_ABBR}|{_WD_ALT}".split("|")} | set("YyTtWwMmDdSsAaFfQq"))
)
_ANCHOR = re.compile(
    rf"(?=[\d{_ANCHOR_FIRST}Cc])(?:(?P<num>\d+)|\b(?=[{_ANCHOR_FIRST}])(?:(?P<mon>(?:{_MON_ALT}|{_MON_ABBR})\b)|(?P<wd>(?:{_WD_ALT})\b)"
    rf"|(?P<rel>{_REL_WORDS})|(?P<season>(?i:{_SEASON_ALT})\b)"
    r"|(?P<quarter>(?i:quarter)|Q[1-4]))|(?P<cent>(?i:century)))"
)
_BACK, _AHEAD = 48, 72  # the longest reach of a rule before / after its anchor


def _windows(t: str) -> tuple[dict[str, list[tuple[int, int]]], list[int], list[int], list[int]]:
    """Merged [start, end) windows around each family's anchors, widened to whitespace; and the
    starts of all digit runs, of those that can hold a year and of decades (see ``_NEED``)."""
    out: dict[str, list[tuple[int, int]]] = {}
    digits: list[int] = []
    years: list[int] = []
    decades: list[int] = []
    n = len(t)
    # the widening searches are kept between anchors (their starts only rise), so a long run
    # without whitespace is searched once, not once per anchor in it
    back_from, back_at = 0, -1  # the last whitespace before ``back_from``, or -1
    ahead_at = -2  # the first space at or after the last ``b`` searched from; -1: none, -2: not yet
    for m in _ANCHOR.finditer(t):
        fam = m.lastgroup
        if fam is None:  # not reached: every alternative of _ANCHOR is a named group
            continue
        if fam == "num":
            s0, e0 = m.span()
            digits.append(s0)
            apos = s0 > 0 and t[s0 - 1] == "'"
            if (e0 - s0 >= 4 and (t[s0] == "1" or t.startswith("20", s0))) or apos:
                years.append(s0)
                if t[e0 - 1] == "0" and (e0 - s0 == 4 or (apos and e0 - s0 == 2)) and t.startswith(("s", "'s"), e0):
                    decades.append(s0)
        a = max(0, m.start() - _BACK)
        b = min(n, m.end() + _AHEAD)
        if a:
            if a > back_from:
                found = max(t.rfind(" ", back_from, a), t.rfind("\n", back_from, a))
                back_from, back_at = a, max(found, back_at)
            elif a < back_from:  # not reached: a = start - _BACK rises with the anchors
                back_at = max(t.rfind(" ", 0, a), t.rfind("\n", 0, a))
                back_from = a
            a = back_at + 1
        if b < n:
            if ahead_at == -2 or (0 <= ahead_at < b):
                ahead_at = t.find(" ", b)
            b = n if ahead_at < 0 else ahead_at
        lst = out.setdefault(fam, [])
        if lst and a <= lst[-1][1]:
            lst[-1] = (lst[-1][0], max(b, lst[-1][1]))
        else:
            lst.append((a, b))
    return out, digits, years, decades


class _Ctx:
    __slots__ = ("text", "t", "doc", "policy", "cands", "windows", "digits", "years", "decades")

    def __init__(self, text: str, doc: dt.date | None, policy: str):
        self.text = text
        self.t = normalise(text)
        self.doc = doc
        self.policy = policy
        self.cands: list[_Cand] = []
        self.windows, self.digits, self.years, self.decades = _windows(self.t)

    def add(self, s: int, e: int, prio: int, lo: dt.date, hi: dt.date, gran: Granularity, **flags: bool) -> None:
        # trim trailing spaces/commas the patterns may have eaten
        while e > s and self.t[e - 1] in " ,\t\n":
            e -= 1
        if lo > hi:
            return
        m = DateMention(text=self.text[s:e], start=s, end=e, earliest=lo, latest=hi, granularity=gran, **flags)
        self.cands.append(_Cand(s, e, prio, m))


_Handler = Callable[[_Ctx, re.Match[str]], None]
_RULES: list[tuple[re.Pattern[str], _Handler, str, str | None]] = []
# Which anchor family (see _ANCHOR) each rule needs near its match; rules only run in windows
# around their anchors, which is what keeps find_dates fast on long texts.
_FAMILY = {
    "_r_apa": "num",
    "_r_month_day_to_month_day": "mon",
    "_r_dmdm": "mon",
    "_r_mdd": "mon",
    "_r_ddm": "mon",
    "_r_md": "mon",
    "_r_dm": "mon",
    "_r_my": "mon",
    "_r_mym": "mon",
    "_r_month_cue": "mon",
    "_r_month_modifier": "mon",
    "_r_month_rel": "mon",
    "_r_iso": "num",
    "_r_numeric": "num",
    "_r_year_range": "num",
    "_r_decade": "num",
    "_r_bare_year": "num",
    "_r_approx_year": "num",
    "_r_century": "cent",
    "_r_season": "season",
    "_r_quarter": "quarter",
    "_r_rel_day": "rel",
    "_r_rel_unit": "rel",
    "_r_ago": "rel",
    "_r_weekday": "wd",
}


_AGO_FIRST = "0-9" + "".join(sorted({w[0] for w in COUNT_WORDS}))
# The characters a rule's match can start with. A leading lookahead on them lets the regex
# engine skip other positions in C (measured 8x faster than trying every alternative there).
_FIRST = {
    "_r_apa": "12",
    "_r_month_day_to_month_day": "FfBbMTWSJAOND",
    "_r_dmdm": "FfBb0-9",
    "_r_mdd": "FfBbJMASOND",
    "_r_ddm": "FfBb0-9",
    "_r_md": "MTWFSJAOND",
    "_r_dm": "MTWFSt0-9",
    "_r_iso": "12",
    "_r_numeric": "0-9",
    "_r_my": "EeMmLltJFASOND",
    "_r_mym": "FfBbJMASOND",
    "_r_month_modifier": "TtAaIiHhFf",
    "_r_month_rel": "LlNnTt",
    "_r_year_range": "FfBb12",
    "_r_decade": "TtEeMmLl12'",
    "_r_approx_year": "EeMmLltAaCc",
    "_r_bare_year": "12",
    "_r_rel_day": "YyTt",
    "_r_rel_unit": "tTLlNnPpCcEe",
    "_r_weekday": "LlNnTtMWFS",
    "_r_month_cue": "IiSsUuTtBbDdFfAaEeMmLl",
    "_r_ago": _AGO_FIRST,
}


# What a rule's match must contain besides its anchor: "year", a digit run that starts with 1 or 20
# and has four digits or more, or follows an apostrophe ('90s); "decade", a run "1990"/"2010" or
# "'90" right before "s" or "'s"; "digit", any digit run; "at_year": the match starts at a year's
# run (bare years, ISO and APA dates), so it is tried only there, with the window's end as its end. Every match
# lies inside its window, so a window without one cannot match and is skipped: this changes no
# result, and it spares most windows around page numbers and citation marks.
_NEED = {
    "_r_apa": "at_year",
    "_r_iso": "at_year",
    "_r_bare_year": "at_year",
    "_r_numeric": "year",
    "_r_year_range": "year",
    "_r_decade": "decade",
    "_r_approx_year": "year",
    "_r_my": "year",
    "_r_mym": "year",
    "_r_month_day_to_month_day": "digit",
    "_r_dmdm": "digit",
    "_r_mdd": "digit",
    "_r_ddm": "digit",
    "_r_md": "digit",
    "_r_dm": "digit",
}


def _rule(pattern: str, flags: int = 0) -> Callable[[_Handler], _Handler]:
    def deco(fn: _Handler) -> _Handler:
        first = _FIRST.get(fn.__name__)
        rx = re.compile(f"(?=[{first}])(?:{pattern})" if first else pattern, flags)
        _RULES.append((rx, fn, _FAMILY[fn.__name__], _NEED.get(fn.__name__)))
        return fn

    return deco


def _resolve_year(c: _Ctx, y: str | None, m: int, d: int | None, pos: int) -> tuple[int, bool] | None:
    """(year, relative) for a date whose year may be missing; None when it cannot be resolved."""
    if y:
        return int(y), False
    if c.doc is None:
        return None
    # A date without its year is near the document date whichever side it falls on ("by Jan. 14"
    # in a story of Jan. 6 is eight days ahead, not a year back): "nearest", or "future" when the
    # policy says so (or "auto" finds a future cue).
    direction = _direction(c.t, pos, c.policy)
    direction = "future" if direction == "future" else "nearest"
    cands = []
    for yy in (c.doc.year - 1, c.doc.year, c.doc.year + 1):
        if d is None:
            cands.append((_month_iv(yy, m), yy))
        elif (day := _valid_day(yy, m, d)) is not None:
            cands.append(((day, day), yy))
    chosen = _pick([iv for iv, _ in cands], c.doc, direction)
    if chosen is None:
        return None
    return next(yy for iv, yy in cands if iv == chosen), True


def _check_conn(mm: re.Match[str]) -> bool:
    """ "and" joins a range only after "between"; "between" needs "and"."""
    conn = mm.group("conn").lower()
    pre = (mm.groupdict().get("pre") or "").lower()
    if conn == "and":
        return pre == "between"
    return pre != "between"


# Cross-month day range: "May 30 - June 2, 2021", "December 30, 2020 - January 2, 2021".
@_rule(
    _PRE
    + _WD_OPT
    + _mon("m1")
    + r"\s+"
    + _day("d1")
    + rf"(?:,?\s+{_year('y1')})?"
    + _CONN
    + _WD_OPT
    + _mon("m2")
    + r"\s+"
    + _day("d2")
    + rf"(?:,?\s+{_year('y2')})?"
)
def _r_month_day_to_month_day(c: _Ctx, mm: re.Match[str]) -> None:
    _day_range(c, mm, _month_num(mm["m1"]), int(mm["d1"]), _month_num(mm["m2"]), int(mm["d2"]))


# "30 May - 2 June 2021", "30 May 2020 to 2 June 2021"
@_rule(
    _PRE
    + r"(?<!\d)"
    + _day("d1")
    + r"\s+(?:of\s+)?"
    + _mon("m1")
    + rf"(?:,?\s+{_year('y1')})?"
    + _CONN
    + _day("d2")
    + r"\s+(?:of\s+)?"
    + _mon("m2")
    + rf"(?:,?\s+{_year('y2')})?"
)
def _r_dmdm(c: _Ctx, mm: re.Match[str]) -> None:
    _day_range(c, mm, _month_num(mm["m1"]), int(mm["d1"]), _month_num(mm["m2"]), int(mm["d2"]))


# "May 15-19, 1989", "November 9–11, 1997", "April 8–9 2024", "between May 1 and 5, 2020"
@_rule(_PRE + _mon("m1") + r"\s+" + _day("d1") + _CONN + _day("d2") + rf"(?:,?\s+{_year('y2')})?")
def _r_mdd(c: _Ctx, mm: re.Match[str]) -> None:
    m = _month_num(mm["m1"])
    _day_range(c, mm, m, int(mm["d1"]), m, int(mm["d2"]))


# "15-19 May 1989"
@_rule(_PRE + r"(?<![\d.])" + _day("d1") + _CONN + _day("d2") + r"\s+" + _mon("m2") + rf"(?:,?\s+{_year('y2')})?")
def _r_ddm(c: _Ctx, mm: re.Match[str]) -> None:
    m = _month_num(mm["m2"])
    _day_range(c, mm, m, int(mm["d1"]), m, int(mm["d2"]))


def _day_range(c: _Ctx, mm: re.Match[str], m1: int, d1: int, m2: int, d2: int) -> None:
    if not _check_conn(mm):
        return
    gd = mm.groupdict()
    y2 = gd.get("y2")
    y1 = gd.get("y1") or y2
    if y2 is None and gd.get("y1"):
        return  # "May 30, 2020 - June 2": the second part has no year; too odd to trust
    res = _resolve_year(c, y1, m1, d1, mm.start())
    if res is None:
        return
    year1, rel = res
    year2 = int(y2) if y2 else year1
    if not gd.get("y1") and (m2, d2) < (m1, d1):
        year1 -= 1  # "December 30 - January 2, 2021"
    lo, hi = _valid_day(year1, m1, d1), _valid_day(year2, m2, d2)
    if lo is None or hi is None or hi <= lo or (hi - lo).days > 366:
        return
    c.add(mm.start(), mm.end(), 0, lo, hi, "day", is_range=True, relative=rel)


# "June 28, 2020", "Wednesday, May 15, 2024", "May 15" (needs doc_date), "Sept. 30"
@_rule(_WD_OPT + _mon("m") + r"\s+" + _day("d") + rf"(?:(?:,\s*|\s+){_year('y')})?")
def _r_md(c: _Ctx, mm: re.Match[str]) -> None:
    _single_day(c, mm)


# "28 June 2020", "the 28th of June, 2020"
@_rule(
    r"(?<![\d.,])" + _WD_OPT + r"(?:the\s+)?" + _day("d") + r"\s+(?:of\s+)?" + _mon("m") + rf"(?:,?\s+{_year('y')})?"
)
def _r_dm(c: _Ctx, mm: re.Match[str]) -> None:
    _single_day(c, mm)


def _single_day(c: _Ctx, mm: re.Match[str]) -> None:
    m, d = _month_num(mm["m"]), int(mm["d"])
    if not 1 <= d <= 31:
        return
    if mm["y"] is None:
        # a yearless "May 5" only with a clear day number (not "March 2nd Battalion"-like noise)
        nxt = c.t[mm.end() : mm.end() + 2]
        if nxt[:1].isalpha() or mm["m"].upper() == mm["m"] and len(mm["m"]) > 3:
            return
    res = _resolve_year(c, mm["y"], m, d, mm.start())
    if res is None:
        return
    y, rel = res
    day = _valid_day(y, m, d)
    if day is None:
        return
    c.add(mm.start(), mm.end(), 1, day, day, "day", relative=rel)


# Reference lists (APA): "(2024, January 8)"
@_rule(r"(?<=\()" + _year("y") + r",\s+" + _mon("m") + r"\s+" + _day("d") + r"(?=\))")
def _r_apa(c: _Ctx, mm: re.Match[str]) -> None:
    day = _valid_day(int(mm["y"]), _month_num(mm["m"]), int(mm["d"]))
    if day:
        c.add(mm.start(), mm.end(), 0, day, day, "day")


# ISO "2020-06-28", "2020/06/28"
@_rule(_Y_BEFORE + r"(?P<y>1\d{3}|20\d{2})(?P<sep>[-/])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?![\d/-])")
def _r_iso(c: _Ctx, mm: re.Match[str]) -> None:
    day = _valid_day(int(mm["y"]), int(mm["m"]), int(mm["d"]))
    if day:
        c.add(mm.start(), mm.end(), 1, day, day, "day")


# "06/28/2020" or "28.06.2020": only when unambiguous (one part above 12)
@_rule(r"(?<![\w./-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>1\d{3}|20\d{2})(?![\d/.]\d)")
def _r_numeric(c: _Ctx, mm: re.Match[str]) -> None:
    a, b, y = int(mm["a"]), int(mm["b"]), int(mm["y"])
    if a > 12 >= b:
        day = _valid_day(y, b, a)
    elif b > 12 >= a:
        day = _valid_day(y, a, b)
    elif a == b:
        day = _valid_day(y, a, b)
    else:
        return
    if day:
        c.add(mm.start(), mm.end(), 2, day, day, "day")


# "June 2020", "mid-June 2020", "early May of 2010"
@_rule(rf"(?:{_MOD}[\s-]+)?" + _mon("m") + r",?\s+(?:of\s+)?" + _Y_BEFORE + _year("y"))
def _r_my(c: _Ctx, mm: re.Match[str]) -> None:
    y, m = int(mm["y"]), _month_num(mm["m"])
    if mm["mod"]:
        lo, hi = _approx_month(y, m, mm["mod"])
        c.add(mm.start(), mm.end(), 2, lo, hi, "month", approximate=True)
    else:
        c.add(mm.start(), mm.end(), 2, *_month_iv(y, m), "month")


# "May to June 2020", "May 2019 - June 2020", "between May and July 1989"
@_rule(_PRE + _mon("m1") + rf"(?:,?\s+{_year('y1')})?" + _CONN + _mon("m2") + r",?\s+" + _year("y2"))
def _r_mym(c: _Ctx, mm: re.Match[str]) -> None:
    if not _check_conn(mm):
        return
    y2 = int(mm["y2"])
    m1, m2 = _month_num(mm["m1"]), _month_num(mm["m2"])
    y1 = int(mm["y1"]) if mm["y1"] else (y2 if m1 <= m2 else y2 - 1)
    lo, hi = _month_iv(y1, m1)[0], _month_iv(y2, m2)[1]
    if (y1, m1) >= (y2, m2):
        return
    c.add(mm.start(), mm.end(), 1, lo, hi, "month", is_range=True)


# Bare month with a cue: "in May", "early December", "since March", "late last July", "last May"
@_rule(
    r"\b(?:(?P<cue>[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Ff]rom|[Tt]hrough|[Bb]efore|"
    r"[Aa]fter|(?:the\s+)?(?:beginning|start|middle|end)\s+of)|" + rf"(?P<mod2>{_MOD}))[\s-]+"
    r"(?:(?P<rel>last|next|this)\s+)?"
    + _mon("m")
    # not a day or year after it ("in May 3", "in May, 2021"); a figure after its comma is
    # the sentence's ("In February, 68.9 percent ...", "At the end of December, 14,300 ...")
    + r"(?!\s*-?\s*\d)(?!,\s*(?:\d{4}\b|\d{1,2}\b(?![.,]\d)))(?!\s+of\s+\d)"
)
def _r_month_cue(c: _Ctx, mm: re.Match[str]) -> None:
    if c.doc is None:
        return
    m = _month_num(mm["m"])
    rel = mm["rel"]
    if rel == "last":
        y = c.doc.year if m < c.doc.month else c.doc.year - 1
    elif rel == "next":
        y = c.doc.year if m > c.doc.month else c.doc.year + 1
    elif rel == "this":
        y = c.doc.year
    else:
        res = _resolve_year(c, None, m, None, mm.start("m"))
        if res is None:
            return
        y = res[0]
    cue = (mm["cue"] or "").lower()
    mod = mm["mod2"] or (cue if cue.endswith(" of") or cue.startswith("the ") else "")
    s = mm.start("mod2") if mm["mod2"] else (mm.start("cue") if mod else (mm.start("rel") if rel else mm.start("m")))
    lo, hi = _approx_month(y, m, mod) if mod else _month_iv(y, m)
    flags = {"relative": True, "approximate": bool(mod)}
    if cue == "since":
        c.add(mm.start(), mm.end(), 1, lo, _MAX, "month", open_end=True, **flags)
    elif cue in ("until", "till", "by"):
        c.add(mm.start(), mm.end(), 1, _MIN, hi, "month", open_start=True, **flags)
    elif cue == "before":
        c.add(mm.start(), mm.end(), 1, _MIN, lo - dt.timedelta(days=1), "month", open_start=True, **flags)
    elif cue == "after":
        c.add(mm.start(), mm.end(), 1, hi + dt.timedelta(days=1), _MAX, "month", open_end=True, **flags)
    else:
        c.add(s, mm.end(), 3, lo, hi, "month", **flags)


# "the October slaying", "a June agreement", "December's figures" (a month modifying a noun)
@_rule(
    r"\b(?P<det>[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Ff]or|[Ii]nto)\s+"
    + _mon("m")
    + r"(?P<pos>'s)?(?=\s+[a-z])(?!\s*[-,]?\s*\d)"
)
def _r_month_modifier(c: _Ctx, mm: re.Match[str]) -> None:
    if c.doc is None or mm["m"].rstrip(".") in ("May", "MAY"):
        return  # "the May government" is a name too often
    det = mm["det"].lower()
    if det not in ("for", "into") and not mm["pos"] and not _modifier_ok(c.t, mm.end()):
        return
    m = _month_num(mm["m"])
    res = _resolve_year(c, None, m, None, mm.start("m"))
    if res is None:
        return
    c.add(mm.start("m"), mm.end("m"), 3, *_month_iv(res[0], m), "month", relative=True)


# "last/next/this May" without another cue
@_rule(r"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+" + _mon("m") + r"(?!\s*[-,]?\s*\d)")
def _r_month_rel(c: _Ctx, mm: re.Match[str]) -> None:
    if c.doc is None:
        return
    m, rel = _month_num(mm["m"]), mm["rel"].lower()
    if rel == "last":
        y = c.doc.year if m < c.doc.month else c.doc.year - 1
    elif rel == "next":
        y = c.doc.year if m > c.doc.month else c.doc.year + 1
    else:
        y = c.doc.year
    c.add(mm.start(), mm.end(), 3, *_month_iv(y, m), "month", relative=True)


# Year ranges: "1960-1988", "1960–88", "from 1960 to 1988", "between 1990 and 1995"
@_rule(_PRE + _Y_BEFORE + r"(?P<y1>1\d{3}|20\d{2})" + _CONN + r"(?P<y2>1\d{3}|20\d{2}|\d{2})(?![\d%]|[.,]\d|-\d)")
def _r_year_range(c: _Ctx, mm: re.Match[str]) -> None:
    if not _check_conn(mm):
        return
    y1, y2s = int(mm["y1"]), mm["y2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if len(y2s) == 2 and y2 <= y1 and y1 % 100 >= 90:
        y2 += 100  # "1999-01"? no: only "1998-99"-like; 2-digit ends below start are next century
    if not y1 < y2 <= y1 + 200:
        return
    conn = mm["conn"].lower()
    if len(y2s) == 2 and conn != "-":
        return  # "1960 to 88" is not how years are written
    if not mm["pre"]:
        if _citation_context(c.t, mm.start("y1")) or _bad_after_year(c.t, mm.end()):
            return
        if conn == "-" and not _year_range_ok(c.t, mm.start("y1"), mm.end()):
            return
        if conn != "-" and not _year_cue(c.t, mm.start("y1"), mm.end()):
            return
    if len(y2s) == 2 and y2 == y1 + 1 and not mm["pre"]:
        # a split year, "the 2025-26 budget", "the 1998-99 season": one year-long period across
        # the turn of the year, not two years; read from mid-year so that consecutive ones
        # never overlap (fiscal years and seasons begin anywhere from April to October)
        c.add(mm.start(), mm.end(), 1, dt.date(y1, 7, 1), dt.date(y2, 6, 30), "year")
        return
    c.add(mm.start(), mm.end(), 1, dt.date(y1, 1, 1), dt.date(y2, 12, 31), "year", is_range=True)


# Decades: "the 1990s", "early 1990s", "mid-1990s", "1990's", "the '90s"
@_rule(
    r"(?:\b(?P<the>[Tt]he)\s+)?(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?"
    r"(?:(?<![\w$€£.,])(?P<dec>1\d{2}0|20\d0)|(?P<the2>')(?P<short>[0-9]0))'?s\b"
)
def _r_decade(c: _Ctx, mm: re.Match[str]) -> None:
    if mm["dec"]:
        y = int(mm["dec"])
    else:
        if not (mm["the"] or mm["mod"]):
            return
        short = int(mm["short"])
        y = (1900 if short >= 20 else 2000) + short
    if mm["mod"]:
        off = {"early": (0, 4), "mid": (3, 7), "late": (5, 9)}[mm["mod"].lower()]
        lo, hi = dt.date(y + off[0], 1, 1), dt.date(y + off[1], 12, 31)
        c.add(mm.start(), mm.end(), 1, lo, hi, "decade", approximate=True)
    else:
        c.add(mm.start(), mm.end(), 1, dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade")


_ORD_ALT = "|".join(sorted(_CENTURY_ORDINALS, key=len, reverse=True))


# Centuries: "the 20th century", "the nineteenth century", "21st-century"
@_rule(
    r"(?:\b(?P<the>[Tt]he)\s+)?(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?"
    rf"(?:\b(?P<num>[12]?\d)(?:st|nd|rd|th)|\b(?P<word>{_ORD_ALT}))[\s-]+[Cc]entury\b",
    re.I,
)
def _r_century(c: _Ctx, mm: re.Match[str]) -> None:
    n = int(mm["num"]) if mm["num"] else _CENTURY_ORDINALS[mm["word"].lower()]
    if not 11 <= n <= 21:
        return
    y0 = (n - 1) * 100
    if mm["mod"]:
        off = {"early": (0, 40), "mid": (30, 70), "late": (60, 99)}[mm["mod"].lower()]
        c.add(
            mm.start(),
            mm.end(),
            1,
            dt.date(y0 + off[0], 1, 1),
            dt.date(y0 + off[1], 12, 31),
            "century",
            approximate=True,
        )
    else:
        c.add(mm.start(), mm.end(), 1, dt.date(y0, 1, 1), dt.date(y0 + 99, 12, 31), "century")


# Seasons: "summer 2020", "the spring of 1989", "last summer"
@_rule(
    r"\b(?:(?P<rel>last|next|this)\s+|(?:(?P<mod>early|mid|late)[\s-]+))?"
    rf"(?P<s>{_SEASON_ALT})(?:(?:\s+of)?,?\s+" + _Y_BEFORE + _year("y") + r")?",
    re.I,
)
def _r_season(c: _Ctx, mm: re.Match[str]) -> None:
    name = mm["s"]
    if mm["y"]:
        y = int(mm["y"])
        rel = False
    elif mm["rel"] and c.doc is not None:
        rel = True
        r = mm["rel"].lower()
        m0 = _SEASONS[name.lower()]
        y = c.doc.year
        cur = _season_iv(y, name)
        if r == "last":
            y = y if cur[1] < c.doc else y - 1
        elif r == "next":
            y = y if cur[0] > c.doc else y + 1
        del m0
    else:
        return
    lo, hi = _season_iv(y, name)
    approx = name.lower() == "winter" or bool(mm["mod"])
    c.add(mm.start(), mm.end(), 1, lo, hi, "season", relative=rel, approximate=approx)


_QNUM = {**QUARTER_ORDINALS, **QUARTER_NUMERALS, **QUARTER_END_MONTHS}  # "third" / "3rd" / "September" (quarter) -> 3
_QWORD = rf"(?P<q>{'|'.join(_QNUM)})"


# Quarters: "the third quarter of 1989", "Q3 2020", "2020 Q3", "third-quarter" (needs doc_date)
@_rule(
    r"\b(?:the\s+)?" + _QWORD + r"[\s-]+quarter\b(?:(?:\s+of)?(?:\s+fiscal)?,?\s+" + _year("y") + r")?"
    r"|\b[Qq](?P<qn>[1-4])[\s/-]*(?P<y2>(?:19|20)\d{2})\b|\b(?P<y3>(?:19|20)\d{2})[\s/-]*[Qq](?P<qn2>[1-4])\b",
    re.I,
)
def _r_quarter(c: _Ctx, mm: re.Match[str]) -> None:
    q = _QNUM[mm["q"].lower()] if mm["q"] else int(mm["qn"] or mm["qn2"])
    ys = mm["y"] or mm["y2"] or mm["y3"]
    rel = False
    if ys:
        y = int(ys)
    elif c.doc is not None:
        rel = True
        docq = (c.doc.month - 1) // 3 + 1
        y = c.doc.year if q <= docq else c.doc.year - 1
    else:
        return
    lo = dt.date(y, 3 * q - 2, 1)
    hi = dt.date(y, 3 * q, _last_day(y, 3 * q))
    c.add(mm.start(), mm.end(), 1, lo, hi, "quarter", relative=rel)


# "mid-2019", "early 2019", "the end of 2019", "around 2010", "circa 2010"
@_rule(
    rf"\b(?:{_MOD}|(?P<approx>[Aa]round|[Cc]irca|[Cc]a\.|[Cc]\.|[Aa]pproximately))[\s-]+(?:of\s+)?"
    + _Y_BEFORE
    + _year("y")
)
def _r_approx_year(c: _Ctx, mm: re.Match[str]) -> None:
    if _bad_after_year(c.t, mm.end()) or (mm["approx"] and not _follow_ok(c.t, mm.end())):
        return
    y = int(mm["y"])
    if mm["mod"]:
        lo, hi = _approx_year(y, mm["mod"])
    else:
        lo, hi = dt.date(y, 1, 1), dt.date(y, 12, 31)
    c.add(mm.start(), mm.end(), 1, lo, hi, "year", approximate=True)


# Open intervals over any date expression: "since 2013", "until 1991", "by 2020", "before 2022",
# "after 2001", "post-1989", "pre-2022". Found by looking left of each candidate (see _open_wrap).
_OPEN_LEFT = re.compile(
    r"(?:\b(?P<w>[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Bb]efore|[Aa]fter|[Uu]p\s+to|SINCE|UNTIL|BEFORE|AFTER)"
    r"(?:\s+(?P<the>the))?\s+|\b(?P<pp>[Pp]ost|[Pp]re)-)$"
)


# Bare years, accepted only in a date-like context (see _year_cue).
@_rule(_Y_BEFORE + r"(?P<y>1\d{3}|20\d{2})(?![\w%]|[.,]\d|-\d|'\d)")
def _r_bare_year(c: _Ctx, mm: re.Match[str]) -> None:
    y = int(mm["y"])
    c.add(mm.start(), mm.end(), 5, dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


# Relative days: "yesterday", "today", "tomorrow", "tonight"
@_rule(r"\b(?P<w>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|YESTERDAY|TODAY|TOMORROW)\b")
def _r_rel_day(c: _Ctx, mm: re.Match[str]) -> None:
    if c.doc is None:
        return
    if c.t[max(0, mm.start() - 4) : mm.start()].upper() == "USA ":
        return
    k = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[mm["w"].lower()]
    d = c.doc + dt.timedelta(days=k)
    c.add(mm.start(), mm.end(), 1, d, d, "day", relative=True)


# "this week", "last month", "next year", "the past week"? (no: that is a duration)
@_rule(
    r"\b(?:(?P<the>the)\s+)?(?P<rel>[Tt]his|[Ll]ast|[Nn]ext|[Pp]revious|[Cc]oming|[Ee]arlier\s+this|[Ll]ater\s+this)\s+"
    r"(?P<u>week|month|year|weekend)\b"
)
def _r_rel_unit(c: _Ctx, mm: re.Match[str]) -> None:
    if c.doc is None:
        return
    rel = mm["rel"].lower().split()[-1]
    if rel in ("previous", "coming") and not mm["the"]:
        return
    k = {"this": 0, "last": -1, "previous": -1, "next": 1, "coming": 1}[rel]
    if mm["the"] and rel == "last":
        # "the last year" is usually a duration ("over the last year"); TimeML still dates
        # "the last week" as the previous calendar week, so keep week and month only
        if mm["u"] == "year":
            return
    u, doc = mm["u"], c.doc
    approx = mm["rel"].lower().startswith(("earlier", "later"))
    if u == "week":
        mon = doc - dt.timedelta(days=doc.weekday()) + dt.timedelta(weeks=k)
        c.add(mm.start(), mm.end(), 2, mon, mon + dt.timedelta(days=6), "day", relative=True, approximate=approx)
    elif u == "weekend":
        sat = doc - dt.timedelta(days=doc.weekday()) + dt.timedelta(days=5, weeks=k)
        c.add(mm.start(), mm.end(), 2, sat, sat + dt.timedelta(days=1), "day", relative=True, approximate=approx)
    elif u == "month":
        y, m = _shift_months(doc.year, doc.month, k)
        c.add(mm.start(), mm.end(), 2, *_month_iv(y, m), "month", relative=True, approximate=approx)
    else:
        y = doc.year + k
        c.add(mm.start(), mm.end(), 2, dt.date(y, 1, 1), dt.date(y, 12, 31), "year", relative=True, approximate=approx)


# "four years ago", "two days ago", "a month ago"
@_rule(rf"\b(?P<n>\d{{1,3}}|{COUNT_WORD_ALT})\s+(?P<u>day|week|month|year|decade)s?\s+ago\b", re.I)
def _r_ago(c: _Ctx, mm: re.Match[str]) -> None:
    if c.doc is None:
        return
    n = int(mm["n"]) if mm["n"].isdigit() else COUNT_WORDS[mm["n"].lower()]
    u, doc = mm["u"].lower(), c.doc
    if u == "day":
        d = doc - dt.timedelta(days=n)
        c.add(mm.start(), mm.end(), 2, d, d, "day", relative=True)
    elif u == "week":
        mon = doc - dt.timedelta(days=doc.weekday(), weeks=n)
        c.add(mm.start(), mm.end(), 2, mon, mon + dt.timedelta(days=6), "day", relative=True, approximate=True)
    elif u == "month":
        y, m = _shift_months(doc.year, doc.month, -n)
        c.add(mm.start(), mm.end(), 2, *_month_iv(y, m), "month", relative=True)
    elif u == "year":
        y = doc.year - n
        c.add(mm.start(), mm.end(), 2, dt.date(y, 1, 1), dt.date(y, 12, 31), "year", relative=True)
    else:
        y = doc.year - 10 * n
        c.add(mm.start(), mm.end(), 2, dt.date(y, 1, 1), dt.date(y, 12, 31), "year", relative=True, approximate=True)


# Weekdays: "Wednesday", "on Thursday", "last Friday", "next Tuesday", "Friday's"
@_rule(
    r"(?<![Bb]lack\s)(?<![Gg]ood\s)(?<![Ss]uper\s)(?<![Aa]sh\s)(?<![Hh]oly\s)(?<![Cc]yber\s)"
    r"(?:\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?\b(?P<wd>" + _WD_ALT + r")\b"
)
def _r_weekday(c: _Ctx, mm: re.Match[str]) -> None:
    if c.doc is None:
        return
    wd = _WEEKDAYS[mm["wd"].lower()]
    rel = (mm["rel"] or "").lower()
    doc = c.doc
    if rel == "last":
        back = (doc.weekday() - wd) % 7 or 7
        d = doc - dt.timedelta(days=back)
    elif rel == "next":
        fwd = (wd - doc.weekday()) % 7 or 7
        d = doc + dt.timedelta(days=fwd)
    elif rel == "this":
        d = doc - dt.timedelta(days=doc.weekday()) + dt.timedelta(days=wd)
    else:
        d = _weekday_date(doc, wd, _direction(c.t, mm.start(), c.policy))
    c.add(mm.start(), mm.end(), 4, d, d, "day", relative=True)


# --------------------------------------------------------------------------- year contexts

_EVENT_NOUNS = frozenset(
    """treaty treaties agreement agreements accord accords pact pacts visit visits trip trips
    tour summit summits meeting meetings talks election elections vote referendum invasion war
    wars crisis revolution uprising coup olympics games cup championship championships census
    budget deal deals protest protests riots massacre law act constitution declaration charter
    partnership alliance season report survey study review campaign conference congress session
    plenum crash attack attacks bombing bombings earthquake tsunami flood floods disaster reform
    reforms plan strategy edition version model launch deadline level levels figure figures data
    rate rates estimate estimates forecast target targets goal standard pandemic outbreak drill
    drills exercise exercises clash clashes split rift border dispute communique memorandum
    contract merger acquisition statement speech address trial verdict ruling decision policy
    sanctions collapse recession boom famine strike strikes founding establishment normalization
    normalisation rapprochement handover annexation independence reunification unification
    dissolution breakup ceiling peak low high record film book novel album paper article issue
    fiscal financial calendar academic school storm hurricane fire fires shooting killings
    intervention mission operation offensive ceasefire truce armistice negotiations dialogue
    meeting deployment withdrawal results earnings sales profit profits loss losses revenue
    revenues quarter period rules regulations negotiations olympic""".split()
)
_FOLLOW_OK = frozenset(
    """and or but nor when while as after before to in on at with for by from of until till
    through during that which who whom where was were is are be been had has have will would
    could should may might did does do saw marked brought began ended he she it they we i you his
    her its their our my amid despite following there this these those also then than the a an
    so yet if since against under over between among about per via onward onwards onwards,
    alone only itself again too either onward across along within without into onto upon toward
    towards beyond because except unless whereas although though""".split()
)
_UNIT_AFTER = re.compile(
    r"\s*(?:%|percent|per\s*cent|pc\b|bn\b|mn\b|m\b|k\b|km|kg|mi\b|miles?\b|metres?|meters?|feet|ft\b|"
    r"tons?|tonnes?|barrels?|dollars?|euros?|pounds?|yuan|rubles?|roubles?|yen|"
    r"[x×]\b|hours?|hrs?\b|minutes?|mins?\b|seconds?|secs?\b|GMT|UTC|EST|EDT|BST|CET|local\s+time|"
    r"h\b|hrs\b|am\b|pm\b|a\.m\.|p\.m\.)",
)
_BAD_BEFORE = re.compile(
    r"(?:[$€£¥#]\s*|\b(?:US|HK|A|C|NZ)\$\s*|\b(?:[Nn]o|[Nn]os|[Pp]p?|[Vv]ol|[Ff]ig|[Ii]bid|[Tt]el|[Ee]xt|"
    r"[Nn]r|[Rr]ef)\.\s*|\b(?:[Pp]ages?|[Nn]umber|[Ff]igure|[Tt]able|[Ss]ection|[Aa]rticle|[Rr]oom|"
    r"[Ff]light|[Rr]oute|[Bb]us|[Hh]ighway|[Ii]nterstate|[Rr]esolution|[Pp]hone|[Cc]ode|[Cc]hapter|"
    r"[Ll]ine|[Ss]tep|ISBN|ISSN|DOI|doi|[Pp]ostcode|[Zz]ip|[Nn]umbered|[Pp]aragraph)\s+)$"
)
# "27(02), 1078-1093" and "vol. 12: 1078-1093": page ranges in citations
_CITATION_BEFORE = re.compile(r"(?:\)\s*[,:]\s*|\d\s*[:,]\s*|[Pp]p?\.\s*|[Pp]ages?\s+)$")


def _citation_context(t: str, s: int) -> bool:
    left = t[max(0, s - 12) : s]
    return bool(_CITATION_BEFORE.search(left) or _BAD_BEFORE.search(t[max(0, s - 24) : s]))


def _bad_after_year(t: str, e: int) -> bool:
    return bool(_UNIT_AFTER.match(t, e)) and not t.startswith(("s", "'s"), e)


def _line_start(t: str, s: int) -> bool:
    """True when only whitespace, bullets, heading marks or a section number ("## 2.7.") stand
    before ``s`` on its line."""
    lo = max(0, s - _LINE_HEAD_MAX)
    nl = t.rfind("\n", lo, s)
    if nl < 0 and lo > 0:
        return False  # a longer head is text, and looking further back would rescan a long line
    return bool(_LINE_HEAD.fullmatch(t, nl + 1, s))


_LINE_HEAD_MAX = 256
_LINE_HEAD = re.compile(r"\s*(?:[-*•#]+\s*)?(?:\d+(?:\.\d+)*\.?\s+|\(?[a-zA-Z0-9]\)\s+)?")
_AUTHOR_OPEN = re.compile(r"\([A-Z][^()]{0,60}[,\s]$")
_HEADING_AFTER = re.compile(r"\s*(?::|-\s|,\s*(?:1\d{3}|20\d{2}))")
_DIGIT_END = re.compile(r"\d\s*$")


_DETERMINERS = frozenset("the a an his her its their our your my that this whose".split())
_COUNT_NOUNS = frozenset(
    """people men women children persons police staff personnel troops soldiers cattle sheep fish
    feet crew votes voters residents units cases deaths dead injured workers jobs shares copies
    items pieces points runs goals seats km kilometres kilometers""".split()
)
_PREV_WORD = re.compile(r"(\S+)\s+$")
_NEXT_WORD = re.compile(r"\s*([A-Za-z][\w-]*)")
_STRONG_PREV = frozenset(
    """in since until till during from through before after by of circa c. ca. year years fiscal
    early mid late between around in: throughout for into both than""".split()
) | frozenset(SEASONS)


def _follow_ok(t: str, e: int) -> bool:
    """What follows a bare year must not make it a count ("1997 troops", "2000 people")."""
    if _bad_after_year(t, e):
        return False
    nm = _NEXT_WORD.match(t, e)
    if not nm or t[e : nm.start(1)].strip():  # punctuation or end follows: fine
        return True
    w = nm.group(1)
    if w[0].isupper():
        return True
    lw = w.lower()
    if lw in _COUNT_NOUNS:
        return False
    if _nounish_ok(lw) or lw in _FOLLOW_OK:
        return True
    # a lower-case plural right after the number reads as what is counted
    return not (lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s")))


def _nounish_ok(lw: str) -> bool:
    return (
        lw in _EVENT_NOUNS
        or lw.split("-")[0] in _EVENT_NOUNS
        or lw.endswith(("tion", "tions", "ment", "ments", "ship"))
    )


def _modifier_ok(t: str, e: int) -> bool:
    """After "the/a/his ..." a year must modify a noun: "the 1997 treaty", "a 1996 law"."""
    nm = _NEXT_WORD.match(t, e)
    if not nm or t[e : nm.start(1)].strip():
        return False
    w = nm.group(1)
    lw = w.lower()
    if w[0].isupper():
        return True
    if lw in _COUNT_NOUNS or lw in _FOLLOW_OK or _bad_after_year(t, e):
        return False
    return _nounish_ok(lw) or not lw.endswith("s")


_NON_SPACE = re.compile(r"\S")
_ONLY_FULL_STOP = re.compile(r"\s*(?:\.\s*)?\Z")


def _year_cue(t: str, s: int, e: int) -> bool:
    """Is the number at t[s:e] a year by its context?"""
    if _BAD_BEFORE.search(t[max(0, s - 24) : s]):
        return False
    if _NON_SPACE.search(t, 0, s) is None and _ONLY_FULL_STOP.match(t, e):
        return True  # the whole text is the year: a structured date field
    if t.startswith("'s", e):
        return True
    before = t[max(0, s - 30) : s]
    pm = _PREV_WORD.search(before)
    prev = pm.group(1) if pm else ""
    pl = prev.lower().strip('"“”(')
    # "(2019)", "(Smith, 2019)", "(2019, p. 4)"
    if t[s - 1 : s] == "(" and t[e : e + 1] in (")", ",", ";"):
        return True
    if t[e : e + 1] in (")", ";") and _AUTHOR_OPEN.search(before):
        return True
    if _line_start(t, s) and _HEADING_AFTER.match(t[e : e + 8]):
        return True
    if not _follow_ok(t, e):
        return False
    if pl in _STRONG_PREV or pl.endswith(("-in", "mid-")):
        return True
    if pl.endswith(("'s", "s'")) and len(pl) > 2:
        return True
    if pl in _DETERMINERS:
        return _modifier_ok(t, e)
    return False


def _year_range_ok(t: str, s: int, e: int) -> bool:
    """A bare "1960-1988" is a year range unless a citation or a count surrounds it."""
    before = t[max(0, s - 30) : s]
    if _DIGIT_END.search(before):
        return False
    return _follow_ok(t, e) or t[e : e + 1] in ":)"


_LIST_SEP = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or|&)\s+)")


def _accept_bare_years(c: _Ctx, years: list[_Cand]) -> list[_Cand]:
    """Keep bare years with a cue, then those listed next to an accepted one ("1954, 1958, and 1959")."""
    t = c.t
    ok = [_year_cue(t, y.start, y.end) for y in years]
    changed = True
    while changed:
        changed = False
        for i in range(len(years)):
            if ok[i]:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(years) and ok[j]:
                    a, b = (years[j], years[i]) if j < i else (years[i], years[j])
                    if _LIST_SEP.fullmatch(t[a.end : b.start]):
                        if _follow_ok(t, years[i].end) and not _BAD_BEFORE.search(
                            t[max(0, years[i].start - 24) : years[i].start]
                        ):
                            ok[i] = changed = True
                            break
    return [y for y, k in zip(years, ok) if k]


def _open_wrap(c: _Ctx, cand: _Cand) -> _Cand | None:
    """Turn "since X" / "until X" / "by X" / "before X" / "after X" / "post-X" into an open interval."""
    m = cand.mention
    if m.open_start or m.open_end:
        return None
    left = c.t[max(0, cand.start - 16) : cand.start]
    om = _OPEN_LEFT.search(left)
    if not om:
        return None
    s = cand.start - (len(left) - om.start())
    w = (om["w"] or om["pp"]).lower()
    if om["the"] and (m.granularity != "year" or w == "by"):
        return None  # "formalized by the 1950 Treaty" is an agent, not a deadline
    if w == "by" and not _ends_clause(c.t, cand.end):
        return None  # "followed by 2005 joint drills": the year modifies a noun
    if om["the"]:
        # "before the 2022 invasion": the year names the event, which lies inside it
        lo, hi = _MIN, m.latest
        if w in ("since", "after", "post"):
            lo, hi = m.earliest, _MAX
        e = cand.end
        nm = _NEXT_WORD.match(c.t, e)
        if not nm or _has_text_between(c.t, e, nm.start(1)):
            return None
        e = nm.end(1)
        flags = {"open_end": True} if hi == _MAX else {"open_start": True}
        new = m.model_copy(update={"text": c.text[s:e], "start": s, "end": e, "earliest": lo, "latest": hi, **flags})
        return _Cand(s, e, cand.prio, new)
    if w == "since":
        lo, hi, flag = m.earliest, _MAX, "open_end"
    elif w in ("after", "post"):
        lo, hi, flag = m.latest + dt.timedelta(days=1), _MAX, "open_end"
    elif w in ("before", "pre"):
        lo, hi, flag = _MIN, m.earliest - dt.timedelta(days=1), "open_start"
    else:  # until, till, by, up to
        lo, hi, flag = _MIN, m.latest, "open_start"
    if m.is_range:
        return None  # "since 1990-1995" is not an open interval
    new = m.model_copy(update={"text": c.text[s : cand.end], "start": s, "earliest": lo, "latest": hi, flag: True})
    return _Cand(s, cand.end, cand.prio, new)


def _ends_clause(t: str, e: int) -> bool:
    """Punctuation, the end, or a function word follows: "by 2020, output ...", "by 2020 and"."""
    nm = _NEXT_WORD.match(t, e)
    if not nm or t[e : nm.start(1)].strip():
        return True
    return nm.group(1).lower() in _FOLLOW_OK


def _has_text_between(t: str, a: int, b: int) -> bool:
    return bool(t[a:b].strip())


# A cheap gate: a text with no digit, month, weekday, season or relative word has no date.
_GATE_FIRST = "".join(
    sorted({w[0] for w in f"{_MON_ALT}|{_MON_ABBR}|{_WD_ALT}".split("|")} | set("YyTtwmysSaAfFWqCc'"))
)
_GATE = re.compile(
    rf"(?=[\d{_GATE_FIRST}])(?:\d|"
    + _MON_ALT
    + "|"
    + _MON_ABBR
    + "|"
    + _WD_ALT
    + r"|[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|week|month|year|"
    + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in SEASONS)  # "[Ss]pring": either case
    + r"|quarter|[Cc]entury|'\d0s)"
)


def outside_calendar(error: Exception) -> bool:
    """Whether ``error`` says a computed day fell outside years 1..9999 ("yesterday" in a text
    dated 0001-01-01, "next year" in 9999): such a reading is no date, not a crash."""
    return isinstance(error, OverflowError) or (isinstance(error, ValueError) and "out of range" in str(error))


def calendar_safe(fn: Callable[_P, _R], *args: _P.args, **kwargs: _P.kwargs) -> _R | None:
    """``fn(*args)``, or None when it computed a day outside the calendar (see :func:`outside_calendar`)."""
    try:
        return fn(*args, **kwargs)
    except (OverflowError, ValueError) as e:
        if not outside_calendar(e):
            raise
        return None


def _apply(fn: _Handler, c: _Ctx, mm: re.Match[str]) -> None:
    """Run one rule on its match; a reading that leaves the calendar adds nothing."""
    calendar_safe(fn, c, mm)


def find_dates(text: str, doc_date: dt.date | None = None, *, weekday_policy: str = "past") -> list[DateMention]:
    """Every date, range, open interval and (with ``doc_date``) relative date in ``text``.

    Sorted by start, non-overlapping (the longest reading wins), and
    ``text[m.start:m.end] == m.text`` for every mention. See the module docstring for the
    policies (weekdays, open ends, early/mid/late, seasons).
    """
    if weekday_policy not in WEEKDAY_POLICIES:
        raise ValueError(f"weekday_policy must be one of {WEEKDAY_POLICIES}, not {weekday_policy!r}")
    if not text or not _GATE.search(text):
        return []
    if isinstance(doc_date, dt.datetime):
        doc_date = doc_date.date()
    c = _Ctx(text, doc_date, weekday_policy)
    t, bl = c.t, bisect.bisect_left
    for rx, fn, family, need in _RULES:
        wins = c.windows.get(family)
        if not wins:
            continue
        pos = (
            None
            if need is None
            else c.years
            if need in ("year", "at_year")
            else c.digits
            if need == "digit"
            else c.decades
        )
        if pos is not None and not pos:
            continue
        if need == "at_year" and pos is not None:
            # the same matches finditer would give: they start at a year and cannot overlap
            for a, b in wins:
                i = bl(pos, a)
                while i < len(pos) and pos[i] < b:
                    if (mm := rx.match(t, pos[i], b)) is not None:
                        _apply(fn, c, mm)
                    i += 1
            continue
        for a, b in wins:
            if pos is not None:
                i = bl(pos, a)
                if i == len(pos) or pos[i] >= b:
                    continue
            for mm in rx.finditer(t, a, b):
                _apply(fn, c, mm)
    if not c.cands:
        return []
    bare = [x for x in c.cands if x.prio == 5]
    cands = [x for x in c.cands if x.prio != 5]
    bare_ok = _accept_bare_years(c, sorted(bare, key=lambda x: x.start)) if bare else []
    base = cands + bare_ok
    # bare years that failed their own cue may still be the object of "since"/"until"/...
    ok_ids = {id(b) for b in bare_ok}  # identity, not pydantic equality: each bare year is one candidate
    failed = [
        b for b in bare if c.t[max(0, b.start - 5) : b.start].lower() in ("post-", " pre-") and id(b) not in ok_ids
    ]
    wrapped = [w for x in base + failed if (w := calendar_safe(_open_wrap, c, x)) is not None]
    pool = base + wrapped
    pool.sort(key=lambda x: (-(x.end - x.start), x.prio, x.start))
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[DateMention] = []
    for x in pool:
        i = bisect.bisect_right(starts, x.start)
        if i > 0 and ends[i - 1] > x.start:
            continue
        if i < len(starts) and starts[i] < x.end:
            continue
        starts.insert(i, x.start)
        ends.insert(i, x.end)
        chosen.insert(i, x.mention)
    return chosen
