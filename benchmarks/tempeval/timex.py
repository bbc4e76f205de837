"""The TimeML-style temporal tagger: every TIMEX3 a TimeML annotator would mark, with its value.

:func:`find_timexes` is the wide view of time in a text: the precise dates of
:func:`~checker.extract.dates.find_dates` (the only ones the contradiction rules compare), plus
what TimeML also tags and a checker must not compare as dates:

* durations ("two-day", "several months", "the past two quarters") as DURATION ``P2D``, ``PXM``;
* clock times and parts of days ("10 p.m. Wednesday", "this morning") as TIME
  ``1998-02-11T22:00``, ``1998-02-06TMO``;
* vague references ("now", "currently", "recently", "the future") as ``PRESENT_REF`` /
  ``PAST_REF`` / ``FUTURE_REF``;
* recurrences ("daily", "every month", "each Thursday") as SET ``P1D``, ``P1M``, ``XXXX-WXX-4``;
* back-references resolved against the last date stated before them ("that day", "the following
  year", "a year earlier", "the year-ago quarter", "the quarter");
* years in words ("nineteen ninety-six", "the year two thousand").

Why our own grammar: HeidelTime (the TempEval-3 reference) needs Java, Perl and TreeTagger, and no
pure Python package tags TIMEX3 with offsets (``benchmarks/tempeval3.py`` scores the one that
comes closest, dateparser's ``search_dates``). Tense decides which Tuesday or
which March a yearless mention means: the nearest cue word in its sentence ("will", "planned to",
"as soon as" -> the next one; "said", "was", a past participle -> the last one); without a cue a
weekday is the last one (news reports the past) and a month the nearest.

Values follow TimeML: a range is tagged as its two ends ("from 1991 to 1997" -> "1991", "1997"),
a leading weekday as a TIMEX3 of its own ("Monday, Oct. 26"), early/mid/late go to ``mod``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from checker.extract.dates import calendar_safe, find_dates
from checker.extract.durations import find_durations
from checker.extract.normalise import normalise
from checker.extract.vocabulary import CARDINALS, MONTH_NAMES, TENS, WEEKDAYS
from checker.models import DateMention

__all__ = ["Timex", "find_timexes", "timex_value"]


class Timex(BaseModel):
    """A temporal expression as TimeML's TIMEX3 tags it.

    ``value`` is the TIMEX3 value: "1998-02-13", "1989-Q3", "1998-02-11T22:00", "P2D", "P1W" for
    a SET ("weekly"), "PRESENT_REF" for "now". ``date`` is the day interval behind a DATE when
    there is one (what the date rules compare); vague references and durations have none.
    """

    model_config = ConfigDict(extra="forbid")

    text: str
    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    mod: str | None = None  # TimeML mod: APPROX, START, MID, END, MORE_THAN, LESS_THAN, ...
    date: DateMention | None = None


_SEASON = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


# --------------------------------------------------------------------------- DateMention -> TIMEX3


def timex_value(m: DateMention) -> str:
    """A DateMention as a TIMEX3 value.

    day -> YYYY-MM-DD; a Monday..Sunday week -> YYYY-Www (ISO week); a weekend -> YYYY-Www-WE;
    month -> YYYY-MM; season -> YYYY-SP/SU/FA/WI; quarter -> YYYY-Qn; year -> YYYY;
    decade -> YYY (199); century -> YY (19). Ranges by their START; open intervals by their
    stated side ("since 2013" -> 2013, "until 1991" -> 1991). early/mid/late keep the unit's
    value (TimeML puts those in ``mod``).
    """
    if m.open_start and not m.open_end:
        anchor = m.latest
        lo = hi = anchor
    else:
        lo, hi = m.earliest, (m.latest if not m.open_end else m.earliest)
    g = m.granularity
    if g == "day":
        if lo == hi or m.is_range:
            return lo.isoformat()
        span = (hi - lo).days
        y, w, _ = lo.isocalendar()
        if span == 6 and lo.weekday() == 0:
            return f"{y}-W{w:02d}"
        if span == 1 and lo.weekday() == 5:
            return f"{y}-W{w:02d}-WE"
        return lo.isoformat()
    if g == "month":
        return f"{lo.year:04d}-{lo.month:02d}"
    if g == "season":
        if m.open_start and not m.open_end:
            lo = m.latest.replace(day=1) - dt.timedelta(days=75)
        key = 3 * ((lo.month % 12) // 3) or 12
        year = lo.year + (1 if lo.month == 12 else 0)
        return f"{year:04d}-{_SEASON.get(key, 'SU')}"
    if g == "quarter":
        return f"{lo.year:04d}-Q{(lo.month - 1) // 3 + 1}"
    if g == "year":
        return f"{lo.year:04d}"
    if g == "decade":
        return f"{lo.year // 10:03d}"
    return f"{lo.year // 100:02d}"


_WD_PREFIX = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+")
_RANGE_CONN = re.compile(r"\s*(?:-|\u2013|\u2014|\bto\b|\bthrough\b|\buntil\b|\band\b)\s*")
_RANGE_PRE = re.compile(r"(?:[Ff]rom|[Bb]etween)\s+")
_HAS_END = re.compile(r"\d{4}|[A-Z][a-z]{2}")
_MOD_WORD = re.compile(r"\b(?P<w>[Ee]arly|[Mm]id|[Ll]ate|beginning|start|middle|end|[Aa]round|[Cc]irca)\b")
_MODS = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "mid": "MID",
    "middle": "MID",
    "late": "END",
    "end": "END",
    "around": "APPROX",
    "circa": "APPROX",
}


def _date_parts(m: DateMention) -> list[tuple[int, int, str, DateMention]]:
    """(start, end, value, mention) the TimeML way: each end of a range, a leading weekday apart.

    "from 1991 to 1997" -> "1991" + "1997"; "Aug. 26 to Oct. 20" -> two days; "Monday, Oct. 26"
    -> "Monday" + "Oct. 26", both the same day. A same-month range ("May 15-19, 1989") stays
    whole: its second part is not a date on its own.
    """
    text, start = m.text, m.start
    if m.is_range and not (m.open_start or m.open_end):
        pre = _RANGE_PRE.match(text)
        off = pre.end() if pre else 0
        for c in _RANGE_CONN.finditer(text, off):
            left, right = text[off : c.start()], text[c.end() :]
            if (
                left
                and right
                and _HAS_END.search(left)
                and _HAS_END.search(right)
                and (right[:1].isupper() or right[:4].isdigit())
            ):
                lo = m.model_copy(update={"latest": m.earliest, "is_range": False})
                hi = m.model_copy(update={"earliest": m.latest, "is_range": False})
                if m.granularity == "year":
                    lo = lo.model_copy(update={"latest": m.earliest.replace(month=12, day=31)})
                    hi = hi.model_copy(update={"earliest": m.latest.replace(month=1, day=1)})
                elif m.granularity == "month":
                    hi = hi.model_copy(update={"earliest": m.latest.replace(day=1)})
                    lo = lo.model_copy(update={"latest": m.earliest.replace(day=28)})
                return [
                    (start + off, start + c.start(), timex_value(lo), lo),
                    (start + c.end(), m.end, timex_value(hi), hi),
                ]
    wd = _WD_PREFIX.match(text)
    if wd and m.granularity == "day" and len(text) > wd.end():
        v = timex_value(m)
        return [(start, start + len(wd.group(0).rstrip(", ")), v, m), (start + wd.end(), m.end, v, m)]
    return [(m.start, m.end, timex_value(m), m)]


def _mod_of(m: DateMention) -> str | None:
    if m.open_start and not m.open_end:
        return "BEFORE" if m.text[:6].lower().startswith("before") else "ON_OR_BEFORE"
    if m.open_end and not m.open_start:
        return "AFTER" if m.text.lower().startswith(("after", "post")) else "ON_OR_AFTER"
    if m.approximate and (w := _MOD_WORD.search(m.text)):
        return _MODS.get(w["w"].lower())
    return None


# --------------------------------------------------------------------------- tense


_SENT = re.compile(r"[.!?]\s+(?=[A-Z\"'`(])|\n\s*\n|;\s")
_CUE = re.compile(
    r"\b(?P<fut>will|wo|shall|would|going\s+to|expects?|expected|scheduled|plans?|planned|planning|"
    r"set\s+to|(?:is|are)\s+to|due|as\s+(?:soon|early)\s+as|upcoming|next(?!\s+to\b)|intends?|could\s+come)\b|'ll\b"
    r"|\b(?P<past>was|were|had|did|said|says|told|met|began|took|came|went|saw|made|left|led|won|lost|"
    r"got|gave|rose|fell|held|bought|sold|paid|spent|sent|brought|found|became|ran|shot|struck|"
    r"(?!(?:need|indeed|hundred|proceed|exceed|succeed|seed|speed|feed|bed)\b)[a-z]{3,}ed)\b"
)


def _tense(t: str, s: int, e: int) -> str | None:
    """ "future" / "past" from the cue word nearest to t[s:e] in its sentence; None without one."""
    a = max(0, s - 160)
    left = t[a:s]
    cuts = list(_SENT.finditer(left))
    if cuts:
        a += cuts[-1].end()
    right = t[e : e + 100]
    if (cut := _SENT.search(right)) is not None:
        right = right[: cut.start()]
    best: tuple[int, str] | None = None
    for mm in _CUE.finditer(t, a, s):
        best = (s - mm.end(), "past" if mm["past"] else "future")
    for mm in _CUE.finditer(right):
        d = mm.start()
        if best is None or d < best[0]:
            best = (d, "past" if mm["past"] else "future")
        break
    return best[1] if best else None


_BARE_WD = re.compile(
    r"(?:[Oo]n\s+|[Ll]ate\s+|[Ee]arly\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?"
)
_YEARLESS = re.compile(r"(?:[Ii]n\s+|[Oo]n\s+)?(?:[A-Z][a-z]+\.?)(?:\s+\d{1,2})?")


_YEARLESS_REACH = 240  # days


def _weekday_on(doc: dt.date, wd: int, direction: str) -> dt.date:
    if direction == "future":
        return doc + dt.timedelta(days=(wd - doc.weekday()) % 7)
    return doc - dt.timedelta(days=(doc.weekday() - wd) % 7)


def _retense(m: DateMention, t: str, doc: dt.date | None) -> DateMention:
    """Re-resolve a bare weekday or a yearless date by the tense of its sentence."""
    if doc is None or not m.relative or m.is_range or m.open_start or m.open_end:
        return m
    if m.granularity == "day" and m.earliest == m.latest and _BARE_WD.fullmatch(m.text):
        direction = _tense(t, m.start, m.end) or "past"
        d = _weekday_on(doc, m.earliest.weekday(), direction)
        return m if d == m.earliest else m.model_copy(update={"earliest": d, "latest": d})
    if m.granularity in ("day", "month") and _YEARLESS.fullmatch(m.text):
        direction = _tense(t, m.start, m.end)
        if direction is None:
            return m
        best = None
        for y in (doc.year - 1, doc.year, doc.year + 1):
            try:
                lo, hi = m.earliest.replace(year=y), m.latest.replace(year=y)
            except ValueError:  # Feb 29
                continue
            if m.granularity == "month":
                hi = (lo.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            if (doc - hi).days > _YEARLESS_REACH or (lo - doc).days > _YEARLESS_REACH:
                continue  # tense picks between two near readings; it never moves a date ~a year away
            if direction == "past" and lo <= doc and (best is None or lo > best[0]):
                best = (lo, hi)
            if direction == "future" and hi >= doc and (best is None or lo < best[0]):
                best = (lo, hi)
        if best and best[0] != m.earliest:
            return m.model_copy(update={"earliest": best[0], "latest": best[1]})
    return m


# --------------------------------------------------------------------------- candidates


@dataclass
class _Candidate:
    start: int
    end: int
    type: str
    value: str | None  # None: resolved later against the anchor (see ``anchor``)
    prio: int = 5  # lower wins among equal lengths
    mod: str | None = None
    date: DateMention | None = None
    shifted: bool = False  # resolved by moving another date: not an anchor for the next one
    fallback: _Candidate | None = None  # what the span is when its anchor cannot be found
    anchor: Callable[[list[Timex]], str | None] | None = None


# the counts "in two weeks", "every ten days" are said in
_N = {
    "a": 1,
    "an": 1,
    **{w: n for w, n in CARDINALS.items() if 1 <= n <= 12 or n == 15},
    **{w: n for w, n in TENS.items() if n <= 50},
}
_NUM = r"(?:\d{1,3}|" + "|".join(sorted(_N, key=len, reverse=True)) + ")"
_UNIT_CODE = {
    "day": "D",
    "week": "W",
    "month": "M",
    "year": "Y",
    "decade": "E",
    "quarter": "Q",
    "hour": "H",
    "minute": "M",
    "century": "C",
    "weekend": "WE",
}


def _num(w: str) -> int | None:
    w = w.lower()
    return int(w) if w.isdigit() else _N.get(w)


def _dur(n: int | str, unit: str) -> str:
    unit = unit.lower().rstrip("s")
    if unit in ("hour", "minute"):
        return f"PT{n}{_UNIT_CODE[unit]}"
    if unit == "decade" and n != "X":
        return f"P{int(n) * 10}Y"
    if unit in ("century", "centurie") and n != "X":
        return f"P{int(n) * 100}Y"
    return f"P{n}{_UNIT_CODE.get(unit, 'Y')}"


def _fast(first: str, pattern: str, flags: int = 0) -> re.Pattern:
    """``pattern`` (whose every match starts at a word boundary with one of ``first``) behind one
    \\b and a lookahead on those characters: the scan skips other positions in one or two checks."""
    return re.compile(rf"\b(?=[{first}])(?:{pattern})", flags)


# vague references --------------------------------------------------------------------------

_REFS = [
    (
        _fast(
            "RrNnCcAaTt",
            r"\b(?:[Rr]ight\s+)?[Nn]ow\b(?!-)|\b(?:[Cc]urrently|[Nn]owadays)\b|"
            r"\b(?:[Aa]t\s+present|[Tt]hese\s+days|[Tt]he\s+present(?:\s+time)?)\b(?!\s+(?:of|value|tense|perfect))",
        ),
        "PRESENT_REF",
    ),
    (
        _fast(
            "MmRrLlTt",
            r"\b(?:[Mm]ore\s+)?[Rr]ecently\b|\b[Ll]ately\b|"
            r"\b[Rr]ecent\s+(?:years|months|weeks|days|decades|times)\b|"
            r"\b[Tt]he\s+(?:recent|distant)\s+past\b|"
            r"\b[Tt]he\s+past\b(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|"
            r"twelve|twenty|year|month|week|day|decade|quarter|century|hours?|minutes?|weekend|"
            r"night|summer|winter|spring|fall|autumn|season|\w+\s+(?:years|months|weeks|days)))",
        ),
        "PAST_REF",
    ),
    (
        _fast(
            "TtNnDdFfIiCcAa",
            r"\b(?:[Tt]he\s+)?(?:(?:near|distant|foreseeable|immediate)\s+)?[Ff]uture\b(?=\s*[.,;:)!?'\"]|\s+(?:of|as|and|for|in|is|was|will)\b)|"
            r"\b[Ff]uture\s+(?:years|months|quarters|periods|dates?)\b|"
            r"\b[Cc]oming\s+(?:years|months|weeks|days|quarters|decades)\b|"
            r"\b[Tt]he\s+(?:near|short|long)\s+term\b|\b[Aa]\s+later\s+date\b|"
            r"\b[Aa]s\s+soon\s+as\s+possible\b",
        ),
        "FUTURE_REF",
    ),
]
_CURRENT = _fast(
    "Cc",
    r"\b[Cc]urrent\b(?=\s+[a-z])(?!\s+(?:account|accounts|events|affairs|flows?|assets|liabilities|"
    r"ratio|prices?|dollars?|yield|of|generation|form|version|level|levels|law|laws|system|"
    r"rules?|members?|policy|policies|president|chairman|director|officer|owners?|management|"
    r"contract|crisis|situation|issue|model|models|rate|rates|status|state|year|quarter|"
    r"month|week|fiscal|period|season|term))",
)


def _ref_cands(t: str, out: list[_Candidate]) -> None:
    for rx, value in _REFS:
        for mm in rx.finditer(t):
            s, e = mm.start(), mm.end()
            if value == "PRESENT_REF" and t[s:e].lower() == "now" and re.match(r"[-\w]", t[e : e + 1] or " "):
                continue
            out.append(_Candidate(s, e, "DATE", value, prio=6))
    for mm in _CURRENT.finditer(t):
        out.append(_Candidate(mm.start(), mm.end(), "DATE", "PRESENT_REF", prio=6))


# sets --------------------------------------------------------------------------------------

_SET_ADV = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
    "biweekly": "P2W",
    "quarterly": "P3M",
}
_SET_RX = _fast(
    "dwmyhnbeDWMYHNBE",
    r"\b(?P<adv>daily|weekly|monthly|yearly|hourly|nightly|biweekly)\b"
    r"|\b(?P<q>every|each)\s+(?:(?P<n>other|\d{1,2}|two|three|four|five|six|ten|few)\s+)?"
    r"(?P<u>day|week|month|year|quarter|hour|minute|morning|afternoon|evening|night|weekend|summer|"
    r"winter|spring|autumn|fall|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)s?\b",
    re.I,
)
_MONTH_NUM = {m: i for i, m in enumerate(MONTH_NAMES, 1)}
_WD_NUM = {w: i for i, w in enumerate(WEEKDAYS, 1)}
_POD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI"}
_SEAS = {"summer": "SU", "winter": "WI", "spring": "SP", "autumn": "FA", "fall": "FA"}


def _set_cands(t: str, out: list[_Candidate]) -> None:
    for mm in _SET_RX.finditer(t):
        if mm["adv"]:
            w = mm["adv"].lower()
            if w in ("daily", "weekly", "monthly") and (
                re.match(r"\s+(?:[A-Z]|volume|newspaper|paper|average|turnover|limit)", t[mm.end() : mm.end() + 12])
                or re.search(r"\b(?:average|Party|the)\s+$", t[max(0, mm.start() - 9) : mm.start()])
            ):
                continue  # "the Communist Party daily Granma", "average daily volume": not a recurrence
            out.append(_Candidate(mm.start(), mm.end(), "SET", _SET_ADV[w], prio=6))
            continue
        u = mm["u"].lower()
        n = mm["n"].lower() if mm["n"] else None
        k = 2 if n == "other" else (_num(n) if n else 1)
        if n == "few":
            k = "X"
        if k is None:
            continue
        if u in _MONTH_NUM:
            v = f"XXXX-{_MONTH_NUM[u]:02d}"
        elif u in _WD_NUM:
            v = f"XXXX-WXX-{_WD_NUM[u]}"
        elif u in _POD:
            v = f"P{k}D" if k != 1 else "P1D"
        elif u in _SEAS:
            v = f"XXXX-{_SEAS[u]}"
        elif u == "weekend":
            v = "P1WE"
        else:
            v = _dur(k, u)
        out.append(_Candidate(mm.start(), mm.end(), "SET", v, prio=6))


# times -------------------------------------------------------------------------------------

_CLOCK = _fast(
    "AaNnMm0-9",
    r"(?:\b(?P<ap>[Aa]round|[Aa]bout|[Aa]pproximately|[Aa]t\s+about)\s+)?"
    r"(?:\b(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|[ap]m\b|A\.M\.|P\.M\.)"
    r"|\b(?P<nm>noon|midnight|midday))"
    r"(?:\s+(?P<tz>EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|local\s+time)\b)?",
)
_POD_RX = _fast(
    "TtYyLlEeMWFSOo",
    r"\b(?P<d>[Tt]his|[Yy]esterday|[Tt]omorrow|[Ll]ast|[Ee]arly\s+[Tt]his|[Ll]ater\s+[Tt]his|[Tt]he\s+next|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?P<p>morning|afternoon|evening|night)\b"
    r"|\b(?P<tn>[Tt]onight|[Oo]vernight)\b",
)


def _clock_value(mm: re.Match) -> str | None:
    if mm["nm"]:
        return {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}[mm["nm"].lower()]
    h, mi = int(mm["h"]), int(mm["mi"] or 0)
    if not 1 <= h <= 12:
        return None
    pm = mm["ampm"].lower().startswith("p")
    h = (h % 12) + (12 if pm else 0)
    return f"T{h:02d}:{mi:02d}"


def _time_cands(t: str, doc: dt.date | None, out: list[_Candidate]) -> None:
    for mm in _CLOCK.finditer(t):
        v = _clock_value(mm)
        if v is None or (mm["nm"] and not _DAYISH.match(t, mm.end())):
            continue  # "noon" alone is a time only next to a day
        out.append(
            _Candidate(
                mm.start(),
                mm.end(),
                "TIME",
                f"{doc.isoformat()}{v}" if doc else f"XXXX-XX-XX{v}",
                prio=3,
                mod="APPROX" if mm["ap"] else None,
            )
        )
    if doc is None:
        return
    for mm in _POD_RX.finditer(t):
        if mm["tn"]:
            w = mm["tn"].lower()
            out.append(_Candidate(mm.start(), mm.end(), "TIME", f"{doc.isoformat()}T{_POD[w]}", prio=0))
            continue
        d, p = mm["d"].lower(), mm["p"].lower()
        if d == "the next":
            continue  # "the next morning" is anchored to the story's day, not the document's
        if d.endswith("this"):
            day = doc
        elif d == "yesterday" or (d == "last" and p in ("night", "evening")):
            day = doc - dt.timedelta(days=1)
        elif d == "tomorrow":
            day = doc + dt.timedelta(days=1)
        elif d == "last":
            continue
        else:
            day = _weekday_on(doc, _WD_NUM[d] - 1, _tense(t, mm.start(), mm.end()) or "past")
        out.append(_Candidate(mm.start(), mm.end(), "TIME", f"{day.isoformat()}T{_POD[p]}", prio=2))


_DAYISH = re.compile(
    r",?\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow|"
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)


# back-references ---------------------------------------------------------------------------

_VAL = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<q>Q[1-4]|H[12])|(?P<s>SP|SU|FA|WI)|W(?P<w>\d{2})|(?P<m>\d{2})(?:-(?P<d>\d{2}))?))?"
)


def _gran(v: str) -> str | None:
    mm = _VAL.match(v)
    if not mm:
        return None
    for g in ("d", "m", "w", "s", "q"):
        if mm[g]:
            return {"d": "day", "m": "month", "w": "week", "s": "season", "q": "quarter"}[g]
    return "year"


def _shift(v: str, n: int, unit: str, gran: str | None = None) -> str | None:
    """The anchor value ``v`` moved by ``n`` units, kept at its own granularity (or ``gran``)."""
    mm = _VAL.match(v)
    if not mm:
        return None
    y = int(mm["y"])
    g = _gran(v)
    if gran is not None:
        order = ["day", "week", "month", "season", "quarter", "year"]
        if order.index(gran) < order.index(g):
            return None  # "that day" after "1989" is no day we know
        g = gran
    if unit == "year":
        y += n
        if g == "year":
            return f"{y:04d}"
        if g in ("quarter", "season"):
            return f"{y:04d}-{v[5:7]}" if g != "quarter" or mm["q"] else None
        if g == "week":
            return f"{y:04d}-W{mm['w']}"
        if g == "month":
            return f"{y:04d}-{mm['m']}"
        try:
            return dt.date(y, int(mm["m"]), int(mm["d"])).isoformat()
        except ValueError:
            return None
    if unit == "quarter" and g == "quarter" and mm["q"] and mm["q"][0] == "Q":
        i = y * 4 + int(mm["q"][1]) - 1 + n
        return f"{i // 4:04d}-Q{i % 4 + 1}"
    if unit == "month" and g in ("month", "day") and mm["m"]:
        i = y * 12 + int(mm["m"]) - 1 + n
        return f"{i // 12:04d}-{i % 12 + 1:02d}"
    if unit in ("day", "week") and g == "day" and mm["d"]:
        d = dt.date(y, int(mm["m"]), int(mm["d"])) + dt.timedelta(days=n * (7 if unit == "week" else 1))
        return d.isoformat()
    return None


def _as_gran(v: str, g: str) -> str | None:
    """The anchor value at a coarser granularity: "1989-09-30" as a quarter is "1989-Q3"."""
    mm = _VAL.match(v)
    if not mm:
        return None
    have = _gran(v)
    if g == "year":
        return mm["y"]
    if g == "quarter":
        if have == "quarter" and mm["q"][0] == "Q":
            return v[:7]
        if mm["m"]:
            return f"{mm['y']}-Q{(int(mm['m']) - 1) // 3 + 1}"
        return None
    if g == "month":
        return v[:7] if mm["m"] else None
    if g == "day":
        return v[:10] if mm["d"] else None
    return None


def _last_anchor(prev: list[Timex], want: str | None = None) -> str | None:
    """The value of the last stated DATE/TIME before, at or finer than granularity ``want``.

    Back-references resolved by shifting ("a year earlier") are no anchors: "the quarter" after
    "up from $5 million a year earlier" still means the quarter the story is about."""
    order = ["day", "week", "month", "season", "quarter", "year"]
    for x in reversed(prev):
        if x.type not in ("DATE", "TIME"):
            continue
        g = _gran(x.value)
        if g is None:
            continue
        if want is None or order.index(g) <= order.index(want):
            return x.value
    return None


_BACK_THAT = re.compile(
    r"\b(?P<pre>(?:[Ll]ater|[Ee]arlier)\s+(?:(?:in|on)\s+)?)?(?P<det>[Tt]hat(?:\s+same)?|[Tt]he\s+same|[Tt]he\s+following|"
    r"[Tt]he\s+next|[Tt]he\s+previous|[Tt]he\s+preceding|[Tt]he\s+prior)\s+(?P<u>day|month|year|quarter|week)\b"
)
_BACK_REL = re.compile(
    rf"\b(?P<n>{_NUM}|a\s+few|several)\s+(?P<u>day|week|month|year|quarter)s?\s+(?P<dir>earlier|later|before|after)\b"
    r"(?P<clause>\s+(?:the|a|an|his|her|their|its|this|that|he|she|they|it|we|I|[A-Z]\w*|\w+ing)\b)?",
    re.I,
)
_YEAR_AGO = re.compile(
    r"\b(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+)?(?:(?:comparable|same|corresponding)\s+)?(?:year-(?:earlier|ago)|[Yy]ear-(?:earlier|ago))"
    r"(?:\s+(?:(?:first|second|third|fourth|fiscal|third-quarter|second-quarter|fourth-quarter|first-quarter)\s+)?(?P<u>quarter|period|year|month))?\b"
)
_THE_QUARTER = re.compile(
    r"\b(?P<det>[Tt]he(?:\s+(?:latest|most\s+recent|recent|current|same))?|[Tt]his|[Tt]hat)\s+(?P<u>quarter|period|fiscal\s+year|year)\b"
    r"(?!-)(?!\s+(?:ended|ending|ends|to\s+date|of|before|earlier|ago|-))"
)


_WEEKEND = re.compile(r"\b[Tt]he\s+weekend\b")


_UNIT_GATE = re.compile(r"(?i:day|week|month|year|quarter|period)")


def _backref_cands(t: str, doc: dt.date | None, out: list[_Candidate]) -> None:
    if not _UNIT_GATE.search(t):
        return  # every back-reference names its unit
    if doc is not None:
        for mm in _WEEKEND.finditer(t):
            # the weekend just past (or the one we are in), or the next one when the tense is future
            if (
                _tense(t, mm.start(), mm.end()) == "future"
                or t[max(0, mm.start() - 9) : mm.start()].lower() == "ahead of "
            ):
                sat = doc + dt.timedelta(days=(5 - doc.weekday()) % 7)
            else:
                sat = doc - dt.timedelta(days=(doc.weekday() - 5) % 7)
            y, w, _ = sat.isocalendar()
            out.append(_Candidate(mm.start(), mm.end(), "DATE", f"{y}-W{w:02d}-WE", prio=4))
    for mm in _BACK_THAT.finditer(t):
        det, u = mm["det"].lower(), mm["u"]
        n = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1, "the prior": -1}.get(det, 0)
        if u == "week":
            continue

        def res(prev: list[Timex], n=n, u=u):
            a = _last_anchor(prev, u)
            if a is None:
                return None
            base = _as_gran(a, u)
            if base is None:
                return None
            return base if n == 0 else _shift(base, n, u)

        out.append(_Candidate(mm.start(), mm.end(), "DATE", None, prio=4, anchor=res, shifted=n != 0))
    for mm in _BACK_REL.finditer(t):
        k = _num(mm["n"])
        u = mm["u"].lower()
        e = mm.start("dir")
        dur = _Candidate(mm.start(), e, "DURATION", _dur(k if k is not None else "X", u), prio=5)
        if mm["clause"] or k is None:
            # "one year after he was killed", "a few days later": a length of time from an event
            out.append(dur)
            continue
        sign = -1 if mm["dir"].lower() in ("earlier", "before") else 1

        def res(prev: list[Timex], k=k, sign=sign, u=u):
            a = _last_anchor(prev)
            if a is None:
                return None
            return _shift(a, sign * k, u)

        out.append(_Candidate(mm.start(), mm.end(), "DATE", None, prio=2, anchor=res, shifted=True, fallback=dur))
    for mm in _YEAR_AGO.finditer(t):
        u = (mm["u"] or "").lower()

        def res(prev: list[Timex], u=u):
            a = _last_anchor(prev)
            if a is None:
                return None
            if u in ("quarter", "period") and _gran(a) in ("day", "month"):
                a = _as_gran(a, "quarter") or a
            return _shift(a, -1, "year")

        out.append(_Candidate(mm.start(), mm.end(), "DATE", None, prio=2, anchor=res, shifted=True))
    for mm in _THE_QUARTER.finditer(t):
        det, u = mm["det"].lower().split()[-1], mm["u"].lower()
        if u in ("year", "fiscal year"):
            if det in ("current", "this") and doc is not None:
                out.append(_Candidate(mm.start(), mm.end(), "DATE", f"{doc.year:04d}", prio=4))
            continue
        if u == "quarter" or (u == "period" and det in ("latest", "recent", "same")):

            def res(prev: list[Timex], det=det):
                if det in ("current", "this") and doc is not None:
                    return f"{doc.year:04d}-Q{(doc.month - 1) // 3 + 1}"
                if det in ("latest", "recent") and doc is not None:
                    i = doc.year * 4 + (doc.month - 1) // 3 - 1  # the last quarter that has ended
                    return f"{i // 4:04d}-Q{i % 4 + 1}"
                a = _last_anchor(prev, "quarter")
                if a is not None and (g := _as_gran(a, "quarter")):
                    return g
                return None

            out.append(_Candidate(mm.start(), mm.end(), "DATE", None, prio=4, anchor=res))


# years in words ----------------------------------------------------------------------------

_ONES = [w for w, n in CARDINALS.items() if 1 <= n <= 9]
_TEENS = [w for w, n in CARDINALS.items() if 10 <= n <= 19]
_TENS_W = list(TENS)
_TWO = rf"(?:(?:{'|'.join(_TENS_W)})(?:[- ](?:{'|'.join(_ONES)}))?|{'|'.join(_TEENS)}|oh[- ](?:{'|'.join(_ONES)}))"
_YEAR_WORDS = _fast(
    "JFMASONDNTjfmasondnt",
    rf"\b(?:(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)\s+)?"
    rf"(?:(?:the\s+year\s+)?(?P<nt>nineteen)(?:\s+hundred(?:\s+and)?)?\s+(?P<tail>{_TWO})"
    rf"|(?P<the>the\s+year\s+)(?P<tt>two\s+thousand)(?:\s+(?:and\s+)?(?P<tail2>{'|'.join(_ONES + _TEENS)}))?)\b"
    r"|\b[Tt]he\s+(?P<dec>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    re.I,
)


def _two_words(w: str) -> int:
    w = w.lower().replace("-", " ").replace("oh ", "")
    parts = w.split()
    n = 0
    for p in parts:
        if p in _TENS_W:
            n += 20 + 10 * _TENS_W.index(p)
        elif p in _TEENS:
            n += 10 + _TEENS.index(p)
        elif p in _ONES:
            n += 1 + _ONES.index(p)
    return n


def _word_year_cands(t: str, out: list[_Candidate]) -> None:
    for mm in _YEAR_WORDS.finditer(t):
        if mm["dec"]:
            d = (_TENS_W.index(mm["dec"].lower()[:-3] + "y") + 2) * 10
            out.append(_Candidate(mm.start(), mm.end(), "DATE", f"19{d // 10}", prio=3))
            continue
        if mm["nt"]:
            y = 1900 + _two_words(mm["tail"])
        else:
            y = 2000 + (_two_words(mm["tail2"]) if mm["tail2"] else 0)
        if mm["mon"] and not mm["mon"][0].isupper():
            continue
        v = f"{y:04d}-{_MONTH_NUM[mm['mon'].lower()]:02d}" if mm["mon"] else f"{y:04d}"
        out.append(_Candidate(mm.start(), mm.end(), "DATE", v, prio=3))


# holidays ----------------------------------------------------------------------------------

_HOLIDAY = _fast(
    "CNTEIVHLM",
    r"\b(?P<h>Christmas\s+Eve|Christmas(?:\s+Day)?|New\s+Year's\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|"
    r"Election\s+Day|Independence\s+Day|Veterans\s+Day|Valentine's\s+Day|Halloween|Labor\s+Day|Memorial\s+Day)"
    r"(?:,?\s+(?P<y>1\d{3}|20\d{2})\b)?",
)


def _nth_weekday(y: int, m: int, wd: int, n: int) -> dt.date:
    """The n-th weekday ``wd`` (0 = Monday) of a month; n = -1 for the last one."""
    if n < 0:
        d = dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
        return d - dt.timedelta(days=(d.weekday() - wd) % 7)
    d = dt.date(y, m, 1)
    return d + dt.timedelta(days=(wd - d.weekday()) % 7 + 7 * (n - 1))


def _holiday(name: str, y: int) -> dt.date:
    """US and Western holidays by their rule (fixed day, or the n-th weekday of a month)."""
    n = " ".join(name.split()).lower()
    fixed = {
        "christmas eve": (12, 24),
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "independence day": (7, 4),
        "veterans day": (11, 11),
        "valentine's day": (2, 14),
        "halloween": (10, 31),
    }
    if n in fixed:
        return dt.date(y, *fixed[n])
    if n.startswith("thanksgiving"):
        return _nth_weekday(y, 11, 3, 4)
    if n == "labor day":
        return _nth_weekday(y, 9, 0, 1)
    if n == "memorial day":
        return _nth_weekday(y, 5, 0, -1)
    return _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1)  # Election Day: the Tuesday after the first Monday


def _holiday_cands(t: str, doc: dt.date | None, out: list[_Candidate]) -> None:
    for mm in _HOLIDAY.finditer(t):
        if mm["y"]:
            d = _holiday(mm["h"], int(mm["y"]))
        elif doc is not None:
            direction = _tense(t, mm.start(), mm.end())
            opts = [_holiday(mm["h"], y) for y in (doc.year - 1, doc.year, doc.year + 1)]
            if direction == "past":
                d = max(o for o in opts if o <= doc)
            elif direction == "future":
                d = min(o for o in opts if o >= doc)
            else:
                d = min(opts, key=lambda o: abs((o - doc).days))
        else:
            continue
        out.append(_Candidate(mm.start(), mm.end(), "DATE", d.isoformat(), prio=2))


# durations the duration finder leaves out -----------------------------------------------------

_DUR_EXTRA = re.compile(
    rf"\b(?P<pre>(?:the\s+)?(?:past|last|next|first|previous|coming|following)\s+)?(?P<n>{_NUM}|several|a\s+few|few|many)\s+"
    r"(?P<u>quarters?)\b"
    r"|\b(?:for|over|in|within|after|took|take|takes|lasted|spent)\s+(?P<bare>years|months|weeks|decades|centuries|hours)\b",
    re.I,
)


_DUR_EXTRA_GATE = re.compile(r"(?i:quarter|years|months|weeks|decades|centuries|hours)")


def _dur_cands(text: str, t: str, out: list[_Candidate]) -> None:
    for d in find_durations(text):
        if d.kind == "age":
            continue
        mod = "APPROX" if d.approximate and d.value is not None else None
        out.append(_Candidate(d.start, d.end, "DURATION", d.iso(), prio=5, mod=mod))
    if not _DUR_EXTRA_GATE.search(t):
        return
    for mm in _DUR_EXTRA.finditer(t):
        if mm["bare"]:
            u = mm["bare"].lower()
            out.append(_Candidate(mm.start("bare"), mm.end("bare"), "DURATION", _dur("X", u), prio=7))
            continue
        n = mm["n"].lower()
        k = "X" if n in ("several", "a few", "few", "many") else _num(n)
        if k is None:
            continue
        out.append(_Candidate(mm.start(), mm.end(), "DURATION", f"P{k}Q", prio=5))


# --------------------------------------------------------------------------- the tagger


_AGO_YEAR = re.compile(r"(?P<n>\S+)\s+years?\s+ago$", re.I)
_GAP_TIME_DATE = re.compile(r",?\s+(?:on\s+)?$")
_REL_YEAR = re.compile(r"\s+(?P<r>this|last|next)\s+year\b")


def find_timexes(text: str, doc_date: dt.date | None = None) -> list[Timex]:
    """Every TIMEX3 a TimeML annotator would tag in ``text``, resolved against ``doc_date``.

    Sorted by start, non-overlapping (the longest reading wins), ``text[x.start:x.end] == x.text``.
    Without ``doc_date`` only what needs no document date is returned (stated dates, durations,
    sets, years in words, back-references to a stated date).
    """
    if not text:
        return []
    if isinstance(doc_date, dt.datetime):
        doc_date = doc_date.date()
    t = normalise(text)
    cands: list[_Candidate] = []
    dates = [calendar_safe(_retense, m, t, doc_date) or m for m in find_dates(text, doc_date)]
    for m in dates:
        mod = _mod_of(m)
        for s, e, v, mm in _date_parts(m):
            cands.append(_Candidate(s, e, "DATE", v, prio=1, mod=mod, date=mm))
    # a family whose reading leaves the calendar (a text dated 0001-01-01 or 9999-12-31) adds
    # nothing rather than crash
    calendar_safe(_dur_cands, text, t, cands)
    calendar_safe(_ref_cands, t, cands)
    calendar_safe(_set_cands, t, cands)
    calendar_safe(_time_cands, t, doc_date, cands)
    calendar_safe(_backref_cands, t, doc_date, cands)
    calendar_safe(_word_year_cands, t, cands)
    calendar_safe(_holiday_cands, t, doc_date, cands)
    chosen = _select(cands)
    chosen = _merge_time_date(t, chosen)
    out: list[Timex] = []
    anchors: list[Timex] = []  # stated dates, for back-references
    for c in chosen:
        value = c.value
        shifted = c.shifted
        if c.anchor is not None:
            value = calendar_safe(c.anchor, anchors)
            if value is None:
                if c.fallback is None:
                    continue
                c = c.fallback
                value, shifted = c.value, True
        elif c.date is not None and doc_date is not None and (am := _AGO_YEAR.search(c.date.text)):
            # "a year ago" next to a quarter ("up from $5 million a year ago") is that quarter
            shifted = True
            a = _last_anchor(anchors[-3:])
            if a and _gran(a) == "quarter" and (k := _num(am["n"])) and (s := calendar_safe(_shift, a, -k, "year")):
                value = s
        while c.end > c.start and text[c.end - 1] in " ,.;:" and not text[c.start : c.end].endswith((".m.", ".M.")):
            c.end -= 1
        x = Timex(
            text=text[c.start : c.end], start=c.start, end=c.end, type=c.type, value=value, mod=c.mod, date=c.date
        )
        out.append(x)
        if not shifted:
            anchors.append(x)
    return out


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping, longest first, then by priority; in text order."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.prio, c.start))
    starts: list[int] = []
    ends: list[int] = []
    taken: list[_Candidate] = []
    for c in cands:
        if c.end <= c.start:
            continue
        i = bisect.bisect_right(starts, c.start)
        if (i > 0 and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        taken.insert(i, c)
    return taken


def _merge_time_date(t: str, xs: list[_Candidate]) -> list[_Candidate]:
    """ "10 p.m. Wednesday", "5 p.m. EST, Nov. 9": a clock time then a day is one TIME on that day;
    "June last year": a yearless month then the year it falls in is one DATE."""
    out: list[_Candidate] = []
    i = 0
    while i < len(xs):
        c = xs[i]
        if (
            c.type == "TIME"
            and "T" in (c.value or "")
            and i + 1 < len(xs)
            and xs[i + 1].date is not None
            and xs[i + 1].date.granularity == "day"
            and xs[i + 1].date.earliest == xs[i + 1].date.latest
            and _GAP_TIME_DATE.match(t[c.end : xs[i + 1].start])
        ):
            d = xs[i + 1]
            tpart = c.value[c.value.index("T") :]
            out.append(
                _Candidate(c.start, d.end, "TIME", d.date.earliest.isoformat() + tpart, prio=1, mod=c.mod, date=d.date)
            )
            i += 2
            continue
        if (
            c.date is not None
            and c.date.relative
            and c.date.granularity in ("day", "month")
            and c.value
            and c.value[:4].isdigit()
            and _YEARLESS.fullmatch(c.date.text)
            and i + 1 < len(xs)
            and (ry := _REL_YEAR.match(t, c.end)) is not None
            and xs[i + 1].start == ry.start("r")
        ):
            # "June last year", "in February this year": the month (or day) of that year
            y = int(xs[i + 1].value[:4]) if xs[i + 1].value[:4].isdigit() else None
            if y is not None:
                out.append(
                    _Candidate(c.start, ry.end(), "DATE", f"{y:04d}" + c.value[4:], prio=1, mod=c.mod, date=None)
                )
                i += 2
                continue
        out.append(c)
        i += 1
    return out
