"""The two systems scored: claimcheck's extractor and dateparser's search_dates (baseline)."""

from __future__ import annotations

import datetime as dt
import re

from checker.extract.dates import find_dates, find_durations
from checker.models import DateMention

from .score import Span

_SEASON = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


def timex_value(m: DateMention) -> str:
    """A DateMention as a TIMEX3 value.

    day -> YYYY-MM-DD; a Monday..Sunday week -> YYYY-Www (ISO week); a weekend -> YYYY-Www-WE;
    month -> YYYY-MM; season -> YYYY-SP/SU/FA/WI; quarter -> YYYY-Qn; year -> YYYY;
    decade -> YYYX (199X); century -> YY (19). Ranges are scored by their START (TimeML tags the
    two ends of "1960-1988" as two TIMEX3s; the first is the one the range's span overlaps
    first). Open intervals by their stated side ("since 2013" -> 2013, "until 1991" -> 1991).
    early/mid/late keep the unit's value (TimeML puts those in ``mod``, which is not scored).
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
        return f"{lo.year // 10:03d}X"
    return f"{lo.year // 100:02d}"


_WD_PREFIX = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+")
_RANGE_CONN = re.compile(r"\s*(?:-|\u2013|\u2014|\bto\b|\bthrough\b|\buntil\b|\band\b)\s*")
_RANGE_PRE = re.compile(r"(?:[Ff]rom|[Bb]etween)\s+")
_HAS_END = re.compile(r"\d{4}|[A-Z][a-z]{2}")


def _to_timeml_spans(m: DateMention) -> list[Span]:
    """TimeML tags each end of a range and a leading weekday as TIMEX3s of their own; so do we.

    "from 1991 to 1997" -> "1991" (1991) + "1997" (1997); "Aug. 26 to Oct. 20" -> two days;
    "Monday, Oct. 26" -> "Monday" + "Oct. 26", both the same day. A same-month range ("May
    15-19, 1989") stays whole: its second part is not a date on its own.
    """
    text, start = m.text, m.start
    if m.is_range and not (m.open_start or m.open_end):
        pre = _RANGE_PRE.match(text)
        off = pre.end() if pre else 0
        for c in _RANGE_CONN.finditer(text, off):
            left, right = text[off:c.start()], text[c.end():]
            if left and right and _HAS_END.search(left) and _HAS_END.search(right) and (
                    right[:1].isupper() or right[:4].isdigit()):
                lo = m.model_copy(update={"latest": m.earliest, "is_range": False})
                hi = m.model_copy(update={"earliest": m.latest, "is_range": False})
                if m.granularity == "year":
                    lo = lo.model_copy(update={"latest": m.earliest.replace(month=12, day=31)})
                    hi = hi.model_copy(update={"earliest": m.latest.replace(month=1, day=1)})
                elif m.granularity == "month":
                    hi = hi.model_copy(update={"earliest": m.latest.replace(day=1)})
                    lo = lo.model_copy(update={"latest": m.earliest.replace(day=28)})
                return [Span(start + off, start + c.start(), "DATE", timex_value(lo)),
                        Span(start + c.end(), m.end, "DATE", timex_value(hi))]
    wd = _WD_PREFIX.match(text)
    if wd and m.granularity == "day" and len(text) > wd.end():
        v = timex_value(m)
        return [Span(start, start + len(wd.group(0).rstrip(", ")), "DATE", v), Span(start + wd.end(), m.end, "DATE", v)]
    return [Span(m.start, m.end, "DATE", timex_value(m))]


def ours(text: str, dct: dt.date, policy: str = "past") -> list[Span]:
    """Our DateMentions as DATE (split the TimeML way) and our durations as DURATION.

    Ages ("a 6-year-old") are left out: TimeML does not tag them."""
    dates = find_dates(text, dct, weekday_policy=policy)
    out = [s for m in dates for s in _to_timeml_spans(m)]
    taken = [(m.start, m.end) for m in dates]
    for d in find_durations(text):
        if d.kind == "age" or any(d.start < e and s < d.end for s, e in taken):
            continue
        out.append(Span(d.start, d.end, "DURATION", d.iso()))
    return sorted(out, key=lambda s: s.start)


_PARA = re.compile(r"\n\s*\n")


def dateparser_baseline(text: str, dct: dt.date) -> list[Span]:
    """dateparser.search.search_dates per paragraph; offsets by locating each returned string;
    the value's precision from DateDataParser's ``period`` on that string."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    base = dt.datetime(dct.year, dct.month, dct.day, 12, 0)
    settings = {"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False}
    ddp = DateDataParser(languages=["en"], settings=settings)
    out: list[Span] = []
    pos = 0
    for para in _PARA.split(text):
        p0 = text.find(para, pos)
        pos = p0 + len(para)
        if not para.strip():
            continue
        try:
            found = search_dates(para, languages=["en"], settings=settings) or []
        except Exception:  # dateparser raises on some inputs; the baseline just finds nothing there
            found = []
        cur = 0
        for sub, value in found:
            i = para.find(sub, cur)
            if i < 0:
                continue
            cur = i + len(sub)
            period = "day"
            try:
                data = ddp.get_date_data(sub)
                period = data.period or "day"
            except Exception:
                pass
            if period == "year":
                v = f"{value.year:04d}"
            elif period == "month":
                v = f"{value.year:04d}-{value.month:02d}"
            elif period == "week":
                y, w, _ = value.isocalendar()
                v = f"{y}-W{w:02d}"
            else:
                v = value.date().isoformat()
            out.append(Span(p0 + i, p0 + i + len(sub), "DATE", v))
    return out
