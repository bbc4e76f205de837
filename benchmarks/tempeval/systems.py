"""The systems scored: claimcheck's find_timexes (TimeML-style tagger), its find_dates + find_durations,
and dateparser's search_dates (baseline)."""

from __future__ import annotations

import datetime as dt
import re

from checker.extract.dates import find_dates
from checker.extract.durations import find_durations

from .score import Span
from .timex import _date_parts, find_timexes, timex_value  # noqa: F401  (timex_value re-exported)


def timexes(text: str, dct: dt.date) -> list[Span]:
    """The TimeML-style tagger, as it is: every Timex of find_timexes with its type and value."""
    return [Span(x.start, x.end, x.type, x.value) for x in find_timexes(text, dct)]


def ours(text: str, dct: dt.date, policy: str = "past") -> list[Span]:
    """Our DateMentions as DATE (split the TimeML way) and our durations as DURATION.

    Ages ("a 6-year-old") are left out: TimeML does not tag them."""
    dates = find_dates(text, dct, weekday_policy=policy)
    out = [Span(s, e, "DATE", v) for m in dates for s, e, v, _ in _date_parts(m)]
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
    try:
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates
    except ImportError:
        raise SystemExit("the dateparser baseline needs the bench extra: pip install -e '.[bench]'") from None

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
