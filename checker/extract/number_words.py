"""Counts and ranks written in words, as the date, duration and anniversary readers take them:
"a month ago", "seventy-six years of", "the fifteenth anniversary".

The words themselves are in :mod:`checker.extract.vocabulary`; this module holds what those
readers add to them ("a"/"an" as one, "hundred", hyphenated compounds) and the patterns that
find them.
"""

from __future__ import annotations

import re

from .vocabulary import CARDINALS, ORDINAL_TENS, ORDINALS, TENS

__all__ = ["COUNT_WORDS", "COUNT_WORD_ALT", "COMPOUND_COUNT", "ORDINAL_WORD", "word_number", "word_ordinal"]

_ONES = {w: n for w, n in CARDINALS.items() if 1 <= n <= 9}
# the counts a time span is given in: "a month", "two weeks", "ninety years", "a hundred days"
COUNT_WORDS = {"a": 1, "an": 1, **{w: n for w, n in CARDINALS.items() if n}, **TENS, "hundred": 100}
COUNT_WORD_ALT = "|".join(sorted(COUNT_WORDS, key=len, reverse=True))
_TENS_ALT = "|".join(TENS)
# "seventy-six"
COMPOUND_COUNT = rf"(?:{_TENS_ALT})-(?:{'|'.join(_ONES)})"

_ORDINAL_ONES = {w: n for w, n in ORDINALS.items() if n <= 9}
# "15th", "seventy-sixth", "fifteenth"
ORDINAL_WORD = (
    rf"(?:\d{{1,4}}(?:st|nd|rd|th)|(?:{_TENS_ALT})-(?:{'|'.join(_ORDINAL_ONES)})|"
    rf"{'|'.join(sorted([*ORDINALS, *ORDINAL_TENS], key=len, reverse=True))})"
)


def word_number(w: str) -> int | None:
    """ "sixty" -> 60, "seventy-six" -> 76, "12" -> 12, "a" -> 1; None when not a number."""
    w = w.lower().replace("\u2010", "-")
    if w.isdigit():
        return int(w)
    if w in COUNT_WORDS:
        return COUNT_WORDS[w]
    head, _, tail = w.partition("-")
    if head in TENS and tail in _ONES:
        return TENS[head] + _ONES[tail]
    return None


def word_ordinal(w: str) -> int | None:
    """ "15th" -> 15, "fifteenth" -> 15, "seventy-sixth" -> 76."""
    w = w.lower()
    m = re.fullmatch(r"(\d{1,4})(?:st|nd|rd|th)", w)
    if m:
        return int(m.group(1))
    for table in (ORDINALS, ORDINAL_TENS):
        if w in table:
            return table[w]
    head, _, tail = w.partition("-")
    if head in TENS and tail in _ORDINAL_ONES:
        return TENS[head] + _ORDINAL_ONES[tail]
    return None
