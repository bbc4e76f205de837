"""When two stated figures can both be true: the tolerance policy for quantities.

Each :class:`~checker.models.Quantity` becomes an interval of values it allows, in a base unit
of its dimension; two quantities are *compatible* when their intervals overlap (half-open, so
touching intervals do not overlap), and *conflict* when they are of the same kind and are not
compatible.

Policy (precision matters more than recall: when in doubt, the interval is wider):

* **Stated precision.** A figure covers everything that rounds to it. "1.2 million" is
  [1.15M, 1.25M), so 1,234,567 fits; "3.8 billion" [3.75B, 3.85B) and "3.9 billion"
  [3.85B, 3.95B) do not overlap, so they conflict. An integer mantissa is exact to its unit
  ("$400 billion" -> [399.5B, 400.5B), "$2 billion" -> [1.5B, 2.5B)), except a written-out
  integer of four or more digits ending in two or more zeros, read as rounded to its last
  non-zero digit ("32,000 employees" -> [31,500, 32,500)): such figures are rounded without
  a hedge word. (Measured on SummEdits: reading every trailing zero as rounding let
  "$100 million" vs "$125 million" pass.)
* **Hedges.** "about/around/roughly/nearly/almost/some/~" widen by 10% of the value on both
  sides (or the stated precision, whichever is wider). "over/more than/at least" give
  [low, +inf); "under/up to/fewer than" give (-inf, high]. Bounds are read inclusively,
  padded by the stated precision: "over 45" vs "45" is not flagged (a tolerant reading).
  A lower bound against an upper bound is read literally: "over 100" and "fewer than 100"
  conflict (strict words), "at least 100" and "up to 100" do not.
  Ranges ("80-90%") cover [low, high] padded by their precision when compared with a single
  figure ("85%" fits); two *ranges* must agree at both ends, since a stated range (guidance,
  an estimate) is itself the fact: "3-5%" vs "1-3%" conflict although they overlap. Vague
  words ("hundreds of") keep the bounds the extractor gave them.
* **Units.** Money compares only within one currency (never converted: no exchange rates
  offline; the ambiguous "¥" compares only with "¥"). "percent" and "percentage point" are
  different units (a rate vs a change of a rate); "percentage point" and "basis point"
  convert (1 pp = 100 bp). Measures convert within a dimension (km/mile, tonne/kg,
  m3/bcm/barrel, time units); a rate ("tonne/year") only compares with the same rate.
* **Counts** compare only when they count the same thing: both nouns present and equal after
  a light lemmatisation ("summits" ~ "summit", "countries" ~ "country") or a rapidfuzz
  ratio >= 90 between lemmas (spelling variants). Bare numbers without a noun never compare.
* **Ordinals** compare only with ordinals of the same noun, exactly.

:func:`inconsistent_bounds` is the low-severity complement: two bounded statements of the same
count that do not conflict but state different numbers ("over 30 summits" vs "over 35
summits").
"""

from __future__ import annotations

import math
import re

from rapidfuzz import fuzz

from checker.models import Quantity

__all__ = ["same_kind", "compatible", "conflicts", "inconsistent_bounds", "describe", "interval", "is_duration"]

_APPROX_WIDEN = 0.10

# Measure units -> (dimension, factor to the dimension's base unit).
_DIM: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0),
    "m": ("length", 1.0),
    "cm": ("length", 0.01),
    "mm": ("length", 0.001),
    "mile": ("length", 1609.344),
    "nmi": ("length", 1852.0),
    "ft": ("length", 0.3048),
    "inch": ("length", 0.0254),
    "km2": ("area", 1e6),
    "m2": ("area", 1.0),
    "sq mi": ("area", 2.589988e6),
    "hectare": ("area", 1e4),
    "acre": ("area", 4046.8564),
    "kg": ("mass", 1.0),
    "tonne": ("mass", 1000.0),
    "g": ("mass", 0.001),
    "oz": ("mass", 0.0283495),
    "carat": ("mass", 0.0002),
    "pound": ("pound", 1.0),  # weight or sterling: compares only with itself
    "m3": ("volume", 1.0),
    "bcm": ("volume", 1e9),
    "barrel": ("volume", 0.158987),
    "litre": ("volume", 0.001),
    "gallon": ("volume", 0.00378541),
    "cu ft": ("volume", 0.0283168),
    "tcf": ("volume", 0.0283168 * 1e12),
    "MW": ("power", 1e6),
    "GW": ("power", 1e9),
    "kW": ("power", 1e3),
    "kWh": ("energy", 1.0),
    "MWh": ("energy", 1e3),
    "GWh": ("energy", 1e6),
    "TWh": ("energy", 1e9),
    "km/h": ("speed", 1.0),
    "mph": ("speed", 1.609344),
    "knot": ("speed", 1.852),
    "°C": ("celsius", 1.0),
    "°F": ("fahrenheit", 1.0),
    "second": ("time", 1 / 86400),
    "minute": ("time", 1 / 1440),
    "hour": ("time", 1 / 24),
    "day": ("time", 1.0),
    "week": ("time", 7.0),
    "month": ("time", 30.4375),
    "year": ("time", 365.25),
    "decade": ("time", 3652.5),
    "century": ("time", 36525.0),
}
_PERCENT_DIM = {"percent": ("percent", 1.0), "percentage point": ("pp", 1.0), "basis point": ("pp", 0.01)}

_IRREGULAR = {
    "people": "person",
    "persons": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "troops": "troop",
    "police": "police",
    "staff": "staff",
    "personnel": "personnel",
    "media": "medium",
    "data": "datum",
    "criteria": "criterion",
    "crises": "crisis",
    "analyses": "analysis",
}


def _lemma(noun: str) -> str:
    """Light English singular: enough to match "summits"/"summit", "countries"/"country"."""
    w = noun.lower().strip()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _same_noun(a: str, b: str) -> bool:
    if not a or not b:
        return False
    la, lb = _lemma(a), _lemma(b)
    return la == lb or (min(len(la), len(lb)) >= 5 and fuzz.ratio(la, lb) >= 90)


def is_duration(q: Quantity) -> bool:
    """A length of time ("19 days", "25 minutes"), not a rate per time."""
    return q.kind == "measure" and "/" not in q.unit and _DIM.get(q.unit, ("",))[0] == "time"


def _dimension(q: Quantity) -> tuple[str, float] | None:
    """(dimension key, factor to base) or None when the quantity has no comparable unit."""
    if q.kind == "money":
        return ("money:" + q.unit, 1.0) if q.unit else None
    if q.kind == "percent":
        return _PERCENT_DIM.get(q.unit)
    if q.kind == "measure":
        unit, _, rate = q.unit.partition("/")
        if unit in _DIM:
            dim, factor = _DIM[unit]
            return (f"{dim}/{rate}" if rate else dim), factor
        return ("unit:" + q.unit, 1.0)
    if q.kind in ("count", "ordinal"):
        return (q.kind, 1.0)
    return None


def _sterling(a: Quantity, b: Quantity) -> bool:
    """ "40,000 pounds" against "£40,000": a bare "pounds" may be sterling or weight, and beside
    a sum in sterling it is the sum (a weight and a price of one thing are not compared anyway:
    their measures differ)."""
    money, other = (a, b) if a.kind == "money" else (b, a)
    # "£1,874 a year" against "1,874 pounds a year": the sum carries no rate, the weight reading does
    return (
        money.kind == "money"
        and money.unit == "GBP"
        and other.kind == "measure"
        and other.unit.partition("/")[0] == "pound"
    )


def same_kind(a: Quantity, b: Quantity) -> bool:
    """Comparable at all: same kind and unit dimension; counts/ordinals of the same noun."""
    if _sterling(a, b):
        return True
    if a.kind != b.kind:
        return False
    da, db = _dimension(a), _dimension(b)
    if da is None or db is None or da[0] != db[0]:
        return False
    if a.kind in ("count", "ordinal"):
        return _same_noun(a.noun, b.noun)
    return True


_FIRST_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _half_step(q: Quantity, anchor: float) -> float:
    """Half of the stated precision, in the quantity's own unit (see the module docstring).

    The literal in ``q.text`` ("1.2" of "1.2 million") gives the digits; ``anchor / literal``
    gives the scale ("million", "cents") that the value carries.
    """
    m = _FIRST_NUM.search(q.text)
    if not m:  # word numbers ("twenty-five", "a dozen") are exact integers
        return 0.5
    lit = m.group(0).replace(",", "")
    try:
        mantissa = float(lit)
    except ValueError:
        return 0.5
    if "." in lit:
        step = 10.0 ** -len(lit.split(".")[1])
    else:
        digits = lit.lstrip("0") or "0"
        zeros = len(digits) - len(digits.rstrip("0"))
        step = 10.0**zeros if len(digits) >= 4 and zeros >= 2 else 1.0
    scale = abs(anchor / mantissa) if mantissa else 1.0
    return step * scale / 2.0


def interval(q: Quantity) -> tuple[float, float]:
    """The values ``q`` allows under the tolerance policy, in its own unit (lo, hi)."""
    if q.bound == "range" and q.low is not None and q.high is not None:
        half = _half_step(q, q.low)
        return q.low - half, q.high + half
    if q.bound == "min":
        low = q.low if q.low is not None else q.value
        return low - _half_step(q, low), math.inf
    if q.bound == "max":
        high = q.high if q.high is not None else q.value
        return -math.inf, high + _half_step(q, high)
    half = _half_step(q, q.value)
    if q.bound == "approx":
        if q.low is not None and q.high is not None and q.low < q.high:  # "hundreds of"
            return q.low, q.high
        w = max(half, abs(q.value) * _APPROX_WIDEN)
        return q.value - w, q.value + w
    if q.kind == "ordinal":
        return q.value, q.value
    return q.value - half, q.value + half


def _base_interval(q: Quantity) -> tuple[float, float]:
    dim = _dimension(q)
    factor = dim[1] if dim else 1.0
    lo, hi = interval(q)
    return lo * factor, hi * factor


def compatible(a: Quantity, b: Quantity) -> bool:
    """Both statements can be true. Quantities of different kinds never contradict."""
    if not same_kind(a, b):
        return True
    if a.kind == "ordinal":
        return a.value == b.value
    if a.bound == "range" and b.bound == "range":
        return _endpoints_agree(a, b)
    if {a.bound, b.bound} == {"min", "max"}:
        return _bounds_meet(a, b) if a.bound == "min" else _bounds_meet(b, a)
    alo, ahi = _base_interval(a)
    blo, bhi = _base_interval(b)
    scale = (
        max(abs(v) for v in (alo, ahi, blo, bhi) if math.isfinite(v))
        if any(math.isfinite(v) for v in (alo, ahi, blo, bhi))
        else 1.0
    )
    eps = 1e-9 * max(scale, 1e-12)
    if alo == ahi or blo == bhi:  # a point: inside the other's closed interval
        if alo == ahi and blo == bhi:
            return abs(alo - blo) <= eps
        point, (lo, hi) = (alo, (blo, bhi)) if alo == ahi else (blo, (alo, ahi))
        return lo - eps <= point <= hi + eps
    return alo < bhi - eps and blo < ahi - eps


_STRICT = re.compile(
    r"(?i)^(?:more|over|above|exceeding|in excess|greater|north|just over|well|"
    r"less|fewer|under|below|just under|lower)\b"
)


def _factor(q: Quantity) -> float:
    """The factor to the base unit of a quantity the caller has found comparable."""
    dim = _dimension(q)
    if dim is None:
        raise ValueError(f"{q.text!r} has no comparable unit")
    return dim[1]


def _bounds_meet(lo_q: Quantity, hi_q: Quantity) -> bool:
    """ "over X" vs "under Y": the literal bounds, no rounding pad. They meet when X < Y, or
    X == Y and both bounds are inclusive ("at least 100" / "up to 100")."""
    fa, fb = _factor(lo_q), _factor(hi_q)
    lo = (lo_q.low if lo_q.low is not None else lo_q.value) * fa
    hi = (hi_q.high if hi_q.high is not None else hi_q.value) * fb
    eps = 1e-9 * max(abs(lo), abs(hi), 1e-12)
    if abs(lo - hi) <= eps:
        return not (_STRICT.match(lo_q.text) or _STRICT.match(hi_q.text))
    return lo < hi


def _endpoints_agree(a: Quantity, b: Quantity) -> bool:
    """Two stated ranges are the same statement only if both ends agree within precision:
    "3-5%" and "1-3%" overlap, but as guidance they say different things."""
    fa, fb = _factor(a), _factor(b)
    for ea, eb in ((a.low, b.low), (a.high, b.high)):
        if ea is None or eb is None:
            return False
        ha, hb = _half_step(a, ea) * fa, _half_step(b, eb) * fb
        va, vb = ea * fa, eb * fb
        eps = 1e-9 * max(abs(va), abs(vb), 1e-12)
        if not (va - ha < vb + hb - eps and vb - hb < va + ha - eps):
            return False
    return True


def _stated(q: Quantity) -> list[float]:
    """The numbers a quantity states: its value, or the ends of its range or bound."""
    if q.bound == "range" and q.low is not None and q.high is not None:
        return [q.low, q.high]
    if q.bound == "min" and q.low is not None:
        return [q.low]
    if q.bound == "max" and q.high is not None:
        return [q.high]
    return [q.value]


# How far a figure cut to fewer digits may fall below the one it shortens (relative).
_MAX_CUT = 0.05


def same_figure(a: Quantity, b: Quantity) -> bool:
    """``b`` states the number ``a`` states, in the same dimension, whatever noun counts it.

    Stricter than :func:`compatible`: "at least $6" is compatible with "$10.52" but does not
    state it; "870 people" does state "about 870 infections". A point inside a stated range
    counts as stated ("$1.36" within "$1.30 to $1.40"); a range needs both of its ends. A
    figure cut to fewer digits states the longer one ("40 percent" for 40.9%).
    """
    sterling = _sterling(a, b)
    if a.kind != b.kind and not sterling or a.kind == "ordinal":
        return False
    da, db = _dimension(a), _dimension(b)
    if da is None or db is None or da[0] != db[0] and not sterling:
        return False
    fa, fb = da[1], db[1]

    def near(x: float, y: float) -> bool:
        # at the claim's own precision: "$6" does not state "$5.53", "$1.65 billion" states "$1.6 billion"
        tol = max(_half_step(a, x) * fa, 1e-9 * max(abs(x * fa), abs(y * fb)))
        return abs(x * fa - y * fb) <= tol

    ends = _stated(b)
    if a.bound in ("exact", "approx") and b.bound in ("exact", "approx") and a.value > 0:
        # cut rather than rounded: "40 percent" for 40.9%, "$6.8 billion" for $6.86 billion;
        # but "1%" for 1.9% or "13 percent" for 13.8% moves the figure too far to be a shortening
        step = 2 * _half_step(a, a.value) * fa
        if a.value * fa <= b.value * fb < a.value * fa + step and b.value * fb <= a.value * fa * (1 + _MAX_CUT):
            return True
    if a.bound == "range":
        return all(any(near(x, y) for y in ends) for x in _stated(a))
    if any(near(x, y) for x in _stated(a) for y in ends):
        return True
    if b.bound == "range" and a.bound in ("exact", "approx"):
        lo, hi = _base_interval(b)
        return lo <= a.value * fa <= hi
    return False


def conflicts(a: Quantity, b: Quantity) -> bool:
    """Same kind and cannot both be true: the figure contradicts."""
    return same_kind(a, b) and not compatible(a, b)


def inconsistent_bounds(a: Quantity, b: Quantity) -> bool:
    """Two hedged statements of the same count that agree as intervals but state different
    numbers ("over 30 summits" vs "over 35 summits"): worth a low-severity note."""
    if not same_kind(a, b) or conflicts(a, b):
        return False
    if a.bound == "exact" or b.bound == "exact":
        return False
    na = (a.low, a.high) if a.bound != "approx" else (a.value, a.value)
    nb = (b.low, b.high) if b.bound != "approx" else (b.value, b.value)
    if a.bound == b.bound:
        return na != nb
    # different hedges on the same number ("over 45" / "about 45") are the same statement
    stated_a = {v for v in (a.low, a.high, a.value) if v is not None}
    stated_b = {v for v in (b.low, b.high, b.value) if v is not None}
    return not (stated_a & stated_b)


def _fmt(v: float) -> str:
    if v == int(v) and abs(v) < 1e18:
        return str(int(v))
    return f"{v:.6f}".rstrip("0").rstrip(".")


def describe(q: Quantity) -> str:
    """Normalised value for messages: "USD 400000000000", ">45 summits", "3.5 percent"."""
    prefix = {"min": ">", "max": "<", "approx": "~"}.get(q.bound, "")
    if q.bound == "min" and q.low is not None:
        num = _fmt(q.low)
    elif q.bound == "max" and q.high is not None:
        num = _fmt(q.high)
    elif q.bound in ("range", "approx") and q.low is not None and q.high is not None and q.low < q.high:
        num = f"{_fmt(q.low)}..{_fmt(q.high)}"
    else:
        num = _fmt(q.value)
    if q.kind == "money":
        return f"{q.unit} {prefix}{num}".strip()
    if q.kind == "ordinal":
        suffix = "th" if 10 <= int(q.value) % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(int(q.value) % 10, "th")
        return f"{num}{suffix} {q.noun}".strip()
    parts = [f"{prefix}{num}"]
    if q.unit:
        parts.append(q.unit)
    if q.noun and q.kind in ("count", "measure"):
        parts.append(q.noun)
    return " ".join(parts)
