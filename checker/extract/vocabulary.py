"""The word tables the readers share, each written once: month names, weekdays, seasons,
quarters, cardinal and ordinal number words, scale words.

Lower case throughout; a reader that needs Title Case ("May" is a month, "may" a verb) builds it
from these. A new language of dates starts here.
"""

from __future__ import annotations

__all__ = [
    "MONTH_NAMES",
    "MONTH_ABBREVIATIONS",
    "MONTHS",
    "WEEKDAYS",
    "SEASONS",
    "QUARTER_ORDINALS",
    "QUARTER_NUMERALS",
    "QUARTER_CODES",
    "CARDINALS",
    "TENS",
    "ORDINALS",
    "ORDINAL_TENS",
    "SCALE_WORDS",
    "SCALE_ABBREVIATIONS",
]

# month number = position + 1
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sept": 9,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# every written form of a month, full or abbreviated, to its number
MONTHS = {**{name: i for i, name in enumerate(MONTH_NAMES, 1)}, **MONTH_ABBREVIATIONS}

# position = ``datetime.date.weekday()``
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

CARDINALS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
ORDINAL_TENS = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}

# the month each season begins (northern-hemisphere meteorological: spring Mar-May, summer
# Jun-Aug, autumn Sep-Nov, winter Dec-Feb); "fall" is autumn
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

# the quarters of the year, 1-4, by how copy names them: "the third quarter", "3rd quarter",
# and the codes of finance copy ("Q3", "3Q"; lower case here like every table)
QUARTER_ORDINALS = {w: n for w, n in ORDINALS.items() if n <= 4}
QUARTER_NUMERALS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# a quarter named by the month it ends in, as results copy writes it ("the September quarter")
QUARTER_END_MONTHS = {"march": 1, "june": 2, "september": 3, "december": 4}
QUARTER_CODES = {**{f"q{n}": n for n in range(1, 5)}, **{f"{n}q": n for n in range(1, 5)}}

SCALE_WORDS = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
# the short forms of news and finance copy ("$3bn", "5k", "2 mln")
SCALE_ABBREVIATIONS = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mio": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "tln": 1e12,
}
