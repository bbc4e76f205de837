"""Stated lengths of time and ages, read apart from dates because a length is no point in time:
"a two-day visit" says nothing of when it was."""

from __future__ import annotations

import re

from checker.models import Duration, DurationUnit

from .normalise import normalise
from .number_words import COMPOUND_COUNT, COUNT_WORD_ALT, word_number

__all__ = ["find_durations"]

# a count: digits, a number word ("ninety", "seventy-six") or a vague one ("a few")
_NUMW = rf"(?:\d+(?:\.\d+)?|{COMPOUND_COUNT}|{COUNT_WORD_ALT}|a\s+few|several|a\s+couple\s+of|few|many|some)"
_UNIT = r"(?P<u>minute|hour|day|week|month|year|decade|centur(?:y|ie))"
# the unit each spelling of ``_UNIT`` names ("centurie" is "centuries" without its "s")
_UNIT_OF: dict[str, DurationUnit] = {
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "centurie": "century",
}
_DUR_ADJ = re.compile(rf"(?<![\w.,-])(?P<n>{_NUMW})-{_UNIT}(?P<old>-old)?(?:-long)?\b", re.I)
_DUR_NOUN = re.compile(
    rf"(?<![\w.,-])(?P<pre>the\s+(?:past|last|next|first|previous|coming|following|final)\s+|"
    rf"(?:about|around|almost|nearly|some|more\s+than|less\s+than|over|under)\s+)?"
    rf"(?P<n>{_NUMW})\s+{_UNIT}s?(?P<old>\s+old)?\b(?P<ago>\s+(?:ago|earlier|later|before|after|from\s+now))?",
    re.I,
)
_DUR_GATE = re.compile(r"(?i:minute|hour|day|week|month|year|decade|centur)")
_A_UNIT_CUE = re.compile(
    r"\b(?:for|within|in|after|than|only|just|least|nearly|almost|about|around|over|"
    r"under|spent|took|lasted|last|half|another|barely)\s+$",
    re.I,
)
_VAGUE = {"a few", "several", "a couple of", "few", "many", "some"}


def find_durations(text: str) -> list[Duration]:
    """Stated lengths of time: "two-day state visit", "a 30-year contract", "two months", ages.

    Spans are exact (``text[start:end] == mention.text``), sorted, non-overlapping. "four years
    ago" is a date (see :func:`~checker.extract.dates.find_dates`), not a duration; "once a year" is a frequency.
    """
    t = normalise(text)
    if not _DUR_GATE.search(t):
        return []  # both patterns need a unit word
    found: list[tuple[int, int, Duration]] = []
    for rx in (_DUR_ADJ, _DUR_NOUN):
        for mm in rx.finditer(t):
            if mm.groupdict().get("ago"):
                continue
            raw = re.sub(r"\s+", " ", mm["n"].lower())
            if raw in _VAGUE:
                value = None
            elif re.fullmatch(r"\d+(?:\.\d+)?", raw):
                value = float(raw)
            else:
                n = word_number(raw)
                if n is None:
                    continue
                value = float(n)
            if (
                raw in ("a", "an")
                and mm.re is _DUR_NOUN
                and not mm["pre"]
                and not _A_UNIT_CUE.search(t[max(0, mm.start() - 12) : mm.start()])
            ):
                continue  # "$2 a year", "700 seats a week" are rates; "for a year" is a duration
            unit = _UNIT_OF[mm["u"].lower()]
            if value is not None and unit == "year" and value >= 1000 and mm.re is _DUR_NOUN:
                continue  # "in 1997 years" is noise; a count of years that large is not a duration
            approx = value is None or bool(
                mm.groupdict().get("pre")
                and re.match(r"(?:about|around|almost|nearly|some|more|less|over|under)", mm["pre"], re.I)
            )
            s, e = mm.start(), mm.end()
            if mm.groupdict().get("ago") is None and mm.groupdict().get("pre") and approx and value is not None:
                pass
            d = Duration(
                text=text[s:e],
                start=s,
                end=e,
                value=value,
                unit=unit,
                approximate=approx,
                kind="age" if mm["old"] else "duration",
            )
            found.append((s, e, d))
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for s, e, d in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        out.append(d)
    return sorted(out, key=lambda d: d.start)
