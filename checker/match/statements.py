"""Statement alignment: do a claim and a passage say something about the same thing, and
do their typed slots agree?

Two statements are one when their anchors align (the same names, or the same head noun with
compatible modifiers and places) and their predicates share a class of the predicate table
(or are its antonyms: then polarity is what differs). Slots are compared only then, each by
its type: dates as intervals by role (start, end, span, point, period), places by
containment, figures by bounds for the same measure, ordinals and scores by value, roles by
the body the role is held of. Fuzzy scores never make two statements one; the reason kept on
the alignment says what did ("same subject 'museum in Oslo', same predicate 'open'").

Identity is decided before comparison: another period of a figure, another year of a yearly
occurrence or dates far apart for something done often make *another* statement, which is
neither agreed nor contradicted.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz

from ..extract.gazetteer import distance_km, same_country, within
from ..extract.lexicon import lexicon, noun_lemma, word_classes
from ..extract.measures import _SYNONYMS as MEASURE_SYNONYMS
from ..extract.numbers_compare import compatible as numbers_compatible
from ..extract.numbers_compare import describe as describe_quantity
from ..extract.numbers_compare import same_figure, same_kind
from ..extract.statements import name_key
from ..extract.temporal import conflicts as dates_conflict
from ..models import Anchor, DateMention, Facts, Predicate, Slot, Statement

# agree: the passage states it; compatible: the passage allows it but says less ("2001" for
# "May 3, 2001", "under 45" for "39"); conflict and warning: both cannot hold
Outcome = Literal["agree", "compatible", "conflict", "warning"]
_GRAIN = {"day": 0, "month": 1, "season": 2, "quarter": 2, "year": 3, "decade": 4, "century": 5}


@dataclass(frozen=True)
class AlignOptions:
    """The thresholds of alignment; each decides verdicts, so each is named and settable."""

    name_similarity: float = 90.0  # rapidfuzz ratio at which two names are one (a typo)
    occurrence_days: int = 3  # something done often: dates further apart are two occurrences
    context_chars: int = 40  # a misstated value's context: its clause up to this far after it
    group_limit: int = 8  # distinct accounts of one event (or statement) compared with a sentence
    substitution_words: int = 3  # a misstated value's clause may swap a qualifier this long ("science")
    misquote_minor_words: int = 2  # a quotation changed in at most this many words (no negation, no figure): a warning
    place_distance_km: float = 50.0  # two towns of one country this far apart are two places for what happens once


DEFAULT_OPTIONS = AlignOptions()


@dataclass
class SlotComparison:
    kind: str  # when | where | quantity | ordinal | score | role | polarity | direction
    outcome: Outcome
    claim: Slot | None
    evidence: Slot | None
    claim_span: tuple[int, int]
    evidence_span: tuple[int, int]
    claim_value: str
    evidence_value: str


@dataclass
class StatementAlignment:
    reason: str
    comparisons: list[SlotComparison] = field(default_factory=list)

    def of_kind(self, kind: str, outcome: Outcome | None = None) -> list[SlotComparison]:
        return [c for c in self.comparisons if c.kind == kind and (outcome is None or c.outcome == outcome)]


# --------------------------------------------------------------------------- anchors


_DIGITS = re.compile(r"\d+")


def names_match(a: str, b: str, options: AlignOptions = DEFAULT_OPTIONS) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    if _DIGITS.findall(a) != _DIGITS.findall(b):
        return False  # "kestrel-1" is not "kestrel-2", "apollo 11" not "apollo 13"
    wa, wb = set(a.split()), set(b.split())
    if wa <= wb or wb <= wa:
        return True
    return min(len(a), len(b)) >= 6 and fuzz.ratio(a, b) >= options.name_similarity


def _places_compatible(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return True
    return any(within(x, y) or within(y, x) for x in a for y in b)


_POSSESSIVE = re.compile(r"\w['’]s\s")


def _possessed(a: Anchor) -> bool:
    """Whether the anchor is a thing its name owns ("Ostbury's budget"), not the name itself."""
    return bool(a.head) and _POSSESSIVE.search(a.text) is not None


def _part_of(x: Anchor, y: Anchor, options: AlignOptions) -> bool:
    """Whether ``x`` is a thing its possessor ``y`` has, not ``y`` itself: "the trust's York
    office" against "the trust", "Acme's York plant" against "Acme"."""
    m = _POSSESSIVE.search(x.text)
    if m is None or not x.head or x.head == y.head:
        return False
    owner = x.text[: m.start() + 1].split()  # the words before the "'s"
    if not owner:
        return False
    if y.head and not y.names:
        return lexicon().head(owner[-1].lower()) == lexicon().head(y.head) or noun_lemma(owner[-1].lower()) == y.head
    key = name_key(owner)
    return bool(y.names) and not y.head and any(names_match(key, n, options) for n in y.names)


def name_kind(a: Anchor) -> str:
    """The common noun a name says its bearer is ("Ellerby Canal" is a canal, "Port of Valdora"
    a port, "Marlow Vale Health Board" a board): the last word before an "of", else the last
    word, when it is a noun; "" for a name that says no kind ("Kaldera", "Elena Sandoval")."""
    if not a.names or a.head:
        return ""
    words = re.findall(r"[^\W\d_][\w'’-]*", a.text)
    if "of" in words:
        words = words[: words.index("of")]
    if not words or not words[-1][:1].isupper():
        return ""
    word = words[-1].lower()
    if "NOUN" not in word_classes(word):
        return ""
    return noun_lemma(word)


_FIGURE = re.compile(r"\d[\d,.]*")


def _counted(a: Anchor) -> tuple[str, ...]:
    """The figures written in a noun phrase ("record 64,500 people"): a counted group is the
    group of that count."""
    return tuple(m.group().rstrip(",.") for m in _FIGURE.finditer(a.text))


def _place_said(a: Anchor, b: Anchor) -> bool:
    """Whether the places of ``a``'s phrase are ``b``'s too: named in it, or named just before a
    bare ``b`` (``Anchor.context_names``)."""
    if not a.places or b.places:
        return True
    context = [set(c.split()) for c in b.context_names]
    return all(any(set(p.lower().split()) <= c for c in context) for p in a.places)


def anchors_align(
    a: Anchor | None, b: Anchor | None, options: AlignOptions = DEFAULT_OPTIONS, bare_ok: bool = False
) -> str | None:
    """Why two anchors name one thing, or None."""
    if a is None or b is None or a.pronoun or b.pronoun:
        return None
    if not _places_compatible(a.places, b.places):
        return None
    if a.names or b.names:
        if not a.names or not b.names:
            # "the museum" against "the Astrup Museum": a common noun never stands for a name
            return None
        if bool(a.head) != bool(b.head) and (_possessed(a) or _possessed(b)):
            named = b if a.head else a
            if lexicon().head(a.head or b.head) != lexicon().head(name_kind(named)):
                return None  # "Ostbury's budget" is a thing of Ostbury, not "Ostbury City Council"
            # "Valdora's port" is the "Port of Valdora": the thing owned is what the name says it is
        if not all(any(names_match(x, y, options) for y in b.names) for x in a.names) and not all(
            any(names_match(x, y, options) for y in a.names) for x in b.names
        ):
            return None
        if a.head and b.head:
            if a.head != b.head:
                return None
            ma, mb = set(a.modifiers), set(b.modifiers)
            if not (ma <= mb or mb <= ma):
                return None  # "her 1975 survey" is not "her 1985 survey"
        return f"same subject '{a.text}'"
    if not a.head or a.head != b.head:
        return None
    if _counted(a) and _counted(b) and _counted(a) != _counted(b):
        return None  # "64,500 people" (this year's crowd) are not "58,100 people" (last year's)
    ma, mb = set(a.modifiers), set(b.modifiers)
    if not (ma <= mb or mb <= ma):
        return None  # "the maritime museum" is not "the city museum"
    if not (_place_said(a, b) and _place_said(b, a)):
        return None  # "passenger numbers at Santander airport" against a bare "passenger numbers"
    if (
        not bare_ok
        and not a.places
        and not b.places
        and not ma
        and not mb
        and a.resolved_from is None
        and b.resolved_from is None
    ):
        return None  # a bare "the council" says too little to be one thing, unless the claim cites the passage's source
    return f"same subject '{a.text}'"


def other_measure(
    claim: Statement | None, evidence: Statement | None, claim_span: tuple[int, int], evidence_span: tuple[int, int]
) -> bool:
    """True when the figures at two spans are slots that count different things ("tonnes of
    stone" against "tonnes of coal"), so that no rule may set one against the other."""
    if claim is None or evidence is None:
        return False
    a = next((s for s in claim.slots if s.kind == "quantity" and s.start <= claim_span[0] < s.end + 1), None)
    b = next((s for s in evidence.slots if s.kind == "quantity" and s.start <= evidence_span[0] < s.end + 1), None)
    if a is None or b is None or not a.measure or not b.measure:
        return False

    # counted nouns ("tonnes of stone") or, for sums, the nouns they qualify ("a $40 million
    # dividend" against "a buyback of 300 million dollars"; a sum's measure that is only its
    # subject's head, which the reader falls back on, names nothing)
    def named(slot: Slot, st: Statement) -> bool:
        head = st.subject.head if st.subject is not None else ""
        return slot.quantity.noun != "" or slot.quantity.kind == "money" and slot.measure != head

    return _measure(a.measure) != _measure(b.measure) and named(a, claim) and named(b, evidence)


def statement_at(statement: Statement | None, clauses: list[Statement], pos: int) -> Statement | None:
    """The statement (main clause or another clause) whose verb comes last before ``pos``."""
    best = statement
    for st in clauses:
        if (
            st.predicate is not None
            and st.predicate.start <= pos
            and (best is None or best.predicate is None or best.predicate.start <= st.predicate.start)
        ):
            best = st
    return best


def other_differences(category: str, claim: Statement | None, evidence: Statement | None) -> bool:
    """True when, besides the fact a claim-wide rule found misstated (``category`` date or
    number), the two statements differ in another typed way: then the claim is about another
    period or measure, not a slip of one value. ("Revenue of $3.1 billion in 2021" against
    "$4.2 billion in 2023" is another year's figure; "$4.2 billion in 2021" a wrong year.)"""
    if claim is None or evidence is None:
        return False
    pa, pb = claim.predicate, evidence.predicate
    if pa is not None and pb is not None and pa.direction and pb.direction and pa.direction != pb.direction:
        return True
    if category == "number":
        # another period and another figure: a figure of another time, not a misstated one
        cw = [s for s in claim.slots if s.kind == "when" and s.role in ("period", "point")]
        ew = [s for s in evidence.slots if s.kind == "when" and s.role in ("period", "point")]
        figures_differ = not any(
            c.quantity.kind == e.quantity.kind and numbers_compatible(c.quantity, e.quantity)
            for c in claim.slots
            if c.kind == "quantity"
            for e in evidence.slots
            if e.kind == "quantity"
        )
        if cw and ew and figures_differ and all(dates_conflict(c.date, e.date) for c in cw for e in ew):
            return True
    if category == "date":
        for c in (s for s in claim.slots if s.kind == "quantity" and s.role != "base" and s.measure):
            peers = [
                e
                for e in evidence.slots
                if e.kind == "quantity"
                and e.role != "base"
                and _amount(e.role) == _amount(c.role)
                and same_kind(c.quantity, e.quantity)
                and _same_measure(c, e)
            ]
            if peers and not any(numbers_compatible(c.quantity, e.quantity) for e in peers):
                return True
    return False


def other_subject(
    a: Statement | None,
    b: Statement | None,
    options: AlignOptions = DEFAULT_OPTIONS,
    a_words: AbstractSet[str] | None = None,
    b_words: AbstractSet[str] | None = None,
) -> bool:
    """True when two statements are plainly about different things: named subjects with no
    name in common, places that exclude each other, or common-noun subjects whose heads (or
    modifiers) differ and are not even mentioned by the other sentence ("the Woodhouse car
    park" is not "the Kirkgate car park"; "adults" are not "teenagers"). ``a_words`` and
    ``b_words`` are each sentence's word forms (statements.word_forms)."""
    if a is None or b is None or a.subject is None or b.subject is None:
        return False
    x, y = a.subject, b.subject
    if x.pronoun or y.pronoun:
        return False
    if not _places_compatible(x.places, y.places):
        return True
    if _part_of(x, y, options) or _part_of(y, x, options):
        return True
    if x.names and y.names:
        return not any(names_match(p, q, options) for p in x.names for q in y.names)
    if not x.head or not y.head or (x.names or y.names) and not (_named_after(x) or _named_after(y)):
        return False
    # a name after one side's head ("day tickets for the Lakemoor Festival") leaves its head
    # and modifiers to compare with the other's ("weekend tickets")
    aw, bw = a_words or set(), b_words or set()
    if x.head != y.head:
        return x.head not in bw and y.head not in aw
    mx, my = set(x.modifiers) - set(y.modifiers) - bw, set(y.modifiers) - set(x.modifiers) - aw
    return bool(mx and my)


def _named_after(a: Anchor) -> bool:
    """Whether the anchor is a common noun phrase whose names come after its head, in a
    complement ("tickets for the Lakemoor Festival", "libraries in Fenwick")."""
    if not a.names or not a.head.isalpha():
        return False
    words = a.text.lower().split()
    at = next((i for i, w in enumerate(words) if noun_lemma(w.strip(",.'’")) == a.head), None)
    first = a.names[0].split()[0]
    named = next((i for i, w in enumerate(words) if first in w), None)
    return at is not None and named is not None and at < named


def _objects_align(a: Statement, b: Statement, options: AlignOptions, strict: bool) -> bool:
    """Objects that are names must be one; ``strict`` wants both sides' objects to agree."""
    na = [n for o in a.objects for n in o.names]
    nb = [n for o in b.objects for n in o.names]
    if na and nb and not any(names_match(x, y, options) for x in na for y in nb):
        return False
    if not strict:
        return True
    ha = {o.head for o in a.objects if o.head}
    hb = {o.head for o in b.objects if o.head}
    if bool(na) != bool(nb) and not (ha and hb):
        return False
    if ha and hb:
        if not ha & hb:
            return False
        ma = {m for o in a.objects for m in o.modifiers}
        mb = {m for o in b.objects for m in o.modifiers}
        return not (ma and mb and not (ma <= mb or mb <= ma))  # "its oldest factory" is not "its largest"
    return bool(ha) == bool(hb) or bool(na and nb)


# --------------------------------------------------------------------------- predicates


def passive_and_active(a: Statement, b: Statement) -> tuple[Statement, Statement] | None:
    """(the passive, the active) when one of the two says who did it after "by" and the other
    has a named subject of its own; None otherwise."""
    for passive, active in ((a, b), (b, a)):
        if passive.by is not None and active.by is None and active.subject is not None and not active.subject.pronoun:
            return passive, active
    return None


def _voices_align(a: Statement, b: Statement, options: AlignOptions, bare_ok: bool) -> str | None:
    """Why a passive and an active sentence make one statement: "the fine had been upheld by a
    lower court" is "a lower court had upheld the fine" when the passive's subject is the
    active's object and its doer the active's subject."""
    voices = passive_and_active(a, b)
    if voices is None or voices[0].subject is None or not voices[1].objects:
        return None
    passive, active = voices
    assert passive.by is not None and active.subject is not None
    doer = anchors_align(passive.by, active.subject, options, bare_ok=bare_ok)
    done = anchors_align(passive.subject, active.objects[0], options, bare_ok=bare_ok)
    if doer and done:
        return f"same subject '{passive.subject.text}' (passive), done by '{passive.by.text}'"
    return None


def _complements_align(pa: Predicate, pb: Predicate, cls: str) -> bool:
    """Whether the prepositions heading the two complements let the predicates be one. After a
    copula the preposition is the predicate itself: "was against a single parliament" is not
    "was an advocate of" one, "is near the harbour" not "is beyond" it. After another verb the
    first preposition is often only one of several phrases in any order ("studied under X at
    Y" / "studied at Y"), so it decides nothing; phrasal verbs ("vote down") are predicates of
    the table."""
    return cls != "be" or pa.relation == pb.relation


def _relation(a: Statement, b: Statement) -> tuple[str, str] | None:
    """("same"|"opposite", the class) of two predicates, or None when they say different things."""
    pa, pb = a.predicate, b.predicate
    if pa is None or pb is None:
        return None
    lex = lexicon()
    shared = [c for c in pa.classes if c in pb.classes]
    if shared:
        return "same", shared[0]
    for x in pa.classes:
        for y in pb.classes:
            if lex.opposite(x, y):
                return "opposite", x
    for x in pa.classes:
        for y in pb.classes:
            if frozenset((x, y)) in lex.compatible:
                return "same", x
    return None


def predicates_relate(a: Statement | None, b: Statement | None) -> bool:
    """Whether two statements' predicates say the same thing or its opposite."""
    return a is not None and b is not None and _relation(a, b) is not None


def _recurrence(a: Statement, b: Statement) -> str:
    lex = lexicon()
    kinds = [lex.classes[c].recurs for c in (a.predicate.classes + b.predicate.classes) if c in lex.classes]
    for k in ("often", "yearly", "never"):
        if k in kinds:
            return k
    return "often"


# --------------------------------------------------------------------------- slots


def _start(d: DateMention) -> DateMention:
    return d.model_copy(
        update={"latest": d.earliest if d.granularity == "day" else _end_of_unit(d, d.earliest), "is_range": False}
    )


def _end(d: DateMention) -> DateMention:
    return d.model_copy(
        update={"earliest": d.latest if d.granularity == "day" else _start_of_unit(d, d.latest), "is_range": False}
    )


def _end_of_unit(d: DateMention, day: dt.date) -> dt.date:
    if d.granularity == "month":
        return dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    if d.granularity in ("year", "decade", "century"):
        return dt.date(day.year, 12, 31)
    return day


def _start_of_unit(d: DateMention, day: dt.date) -> dt.date:
    if d.granularity == "month":
        return dt.date(day.year, day.month, 1)
    if d.granularity in ("year", "decade", "century"):
        return dt.date(day.year, 1, 1)
    return day


def _aspect(slot: Slot, want: str) -> DateMention | None:
    """The date a when-slot gives for ``want`` (start, end or the whole), or None."""
    d = slot.date
    if d is None or d.open_start and d.open_end:
        return None
    role = slot.role
    if want == "whole":
        return d if role in ("point", "span", "start", "end") else None
    if want == "start":
        if role == "span" and not d.open_start:
            return _start(d)
        return d if role == "start" and not d.open_end else None
    if want == "end":
        if role == "span" and not d.open_end:
            return _end(d)
        return d if role == "end" and not d.open_start else None
    return None


def _compare_when(c: Slot, e: Slot) -> Outcome | None:
    if c.role == "base" or e.role == "base":
        # a date a change is measured from ("up 5% from 2019") agrees with the same base; a
        # differing one decides nothing (which figure each base belongs to is not read)
        same = c.role == e.role and not dates_conflict(c.date, e.date)
        return "agree" if same and _GRAIN[e.date.granularity] <= _GRAIN[c.date.granularity] else None
    if c.role == "period" or e.role == "period":
        if c.role == e.role == "period":
            return "conflict" if dates_conflict(c.date, e.date) else "agree"
        return None
    cd, ed = c.date, e.date
    if c.role == e.role and (cd.open_start, cd.open_end) == (ed.open_start, ed.open_end) != (False, False):
        # "by 1820" against "by 1820": the same open interval; "by 1830" does not deny it
        same = cd.earliest == ed.earliest and cd.latest == ed.latest
        return "agree" if same else None
    pairs = []
    if c.role in ("start", "end"):
        pairs.append((c.date, _aspect(e, c.role)))
        if e.role == "point" and not e.date.is_range:
            pairs.append((c.date, e.date))  # "began on June 3" vs "was held on June 3"
    elif c.role == "span":
        if e.role == "span":
            pairs.append((c.date, e.date))
        elif e.role in ("start", "end"):
            pairs.append((_aspect(c, e.role), e.date))
        else:
            pairs.append((c.date, e.date))
    else:  # point
        if e.role in ("point", "span"):
            pairs.append((c.date, e.date))
        elif e.role in ("start", "end") and not (e.date.open_start or e.date.open_end):
            pairs.append((c.date, e.date))
    pairs = [(x, y) for x, y in pairs if x is not None and y is not None]
    if not pairs:
        return None
    fine = [(x, y) for x, y in pairs if not dates_conflict(x, y)]
    if any(_GRAIN[y.granularity] <= _GRAIN[x.granularity] and not (y.open_start or y.open_end) for x, y in fine):
        return "agree"
    if fine:
        return "compatible"
    return "conflict"


def _compare_where(c: Slot, e: Slot, once: bool, options: AlignOptions) -> Outcome:
    """Places of one statement: one within the other agrees; other countries conflict; two
    towns of one country are a doubt (a tour takes in both, a district is listed as a city),
    unless what happens once happens in one place and they lie further apart than
    ``place_distance_km`` ("died in Oslo" against "died in Bergen")."""
    if c.place is None or e.place is None:
        return "warning"
    if within(c.place, e.place) or within(e.place, c.place):
        return "agree"
    if not same_country(c.place, e.place):
        return "conflict"
    apart = distance_km(c.place, e.place)
    return "conflict" if once and apart is not None and apart > options.place_distance_km else "warning"


def _measure(word: str) -> str:
    syn = MEASURE_SYNONYMS.get(word)
    return syn[0] if syn else word


def _same_measure(c: Slot, e: Slot) -> bool:
    if c.measure and e.measure:
        return _measure(c.measure) == _measure(e.measure)
    return False


def _amount(role: str) -> str:
    return "amount" if role in ("value", "level") else role


def _title_relation(a: str, b: str) -> str:
    """same | kin (one head noun, other modifiers: "director" / "deputy director") | other."""
    lex = lexicon()
    if lex.role(a) == lex.role(b):
        return "same"
    wa, wb = a.split(), b.split()
    heads_a = [lex.role(" ".join(wa[k:])) for k in range(len(wa))]
    heads_b = [lex.role(" ".join(wb[k:])) for k in range(len(wb))]
    shared = [h for h in heads_a if h in heads_b and h in lex.roles]
    if not shared:
        return "other"
    head = shared[0]
    ma = set(wa[: len(wa) - len(head.split())]) if lex.role(" ".join(wa[-len(head.split()) :])) == head else set(wa)
    mb = set(wb[: len(wb) - len(head.split())]) if lex.role(" ".join(wb[-len(head.split()) :])) == head else set(wb)
    return "same" if ma <= mb or mb <= ma else "kin"


def _same_body(c: Slot, e: Slot, options: AlignOptions) -> bool:
    return any(names_match(x.lower(), y.lower(), options) for x in c.of for y in e.of)


def _compare_office(c: Slot, e: Slot, options: AlignOptions) -> Outcome | None:
    """One office of one body: "Velora's chief executive, Anna Berg" against "Velora's chief
    executive, Miriam Achterberg" is another person where there can be one (``one_holder``
    in the predicate table); a former or acting holder is no conflict."""
    if len(c.holder) != 1 or len(e.holder) != 1 or c.role != e.role or not c.of or not e.of:
        return None
    if _title_relation(c.title, e.title) != "same" or lexicon().role(c.title) not in lexicon().one_holder:
        return None
    if _TENURE.search(c.text) or _TENURE.search(e.text) or not _same_body(c, e, options):
        return None
    return "conflict"


_TENURE = re.compile(r"\b(?:former|ex|then|outgoing|incoming|acting|interim|new|future|late|previous)\b", re.I)


def _compare_roles(c: Slot, e: Slot, options: AlignOptions) -> Outcome | None:
    """One holder: the same title of the same body agrees; another title of one body, or the
    same title of another body, conflicts; a title of an unnamed body agrees only in title.
    Two holders: see ``_compare_office``."""
    if not any(names_match(x, y, options) for x in c.holder for y in e.holder):
        return _compare_office(c, e, options)
    if c.role != e.role:
        return None  # "was" against "is": both may hold
    title = _title_relation(c.title, e.title)
    if c.of and e.of:
        body = (
            "same"
            if any(names_match(x.lower(), y.lower(), options) for x in c.of for y in e.of)
            or _places_compatible([x for x in c.of if x[:1].isupper()], [y for y in e.of if y[:1].isupper()])
            and any(x[:1].isupper() for x in c.of)
            and any(y[:1].isupper() for y in e.of)
            else "other"
        )
    else:
        body = "unknown"
    if title == "same":
        return "conflict" if body == "other" else "agree"
    if body == "same" or (title == "kin" and body == "unknown"):
        return "conflict"
    return None


# --------------------------------------------------------------------------- alignment


_TOPIC_PRONOUNS = frozenset(("it", "he", "she", "they"))


def topic_alignment(claim: Anchor | None, evidence: Anchor | None) -> str | None:
    """Why a passage of the source a claim cites speaks of the claim's named subject though it
    does not name it: its subject is "it" or a bare "the film" that nothing earlier in the
    source resolved, so it means the source's topic, and the claim names one of that kind
    ("Arjun Reddy" / "the movie Arjun Reddy" against "The film was made on a budget of ...").
    The engine marks such a subject (``Anchor.topic``) only where nothing is named before it."""
    if claim is None or evidence is None or not claim.names or claim.pronoun or not evidence.topic:
        return None
    if evidence.names or evidence.places or evidence.resolved_from is not None or evidence.possessor:
        return None
    if evidence.pronoun:
        if evidence.text.lower() not in _TOPIC_PRONOUNS:
            return None
    else:
        lex = lexicon()
        if not evidence.head or evidence.modifiers or (claim.head and lex.head(claim.head) != lex.head(evidence.head)):
            return None
    return f"the cited source's '{evidence.text}' is its topic '{claim.text}'"


def context_alignment(claim: Anchor | None, evidence: Anchor | None) -> str | None:
    """Why a passage of the source a claim cites speaks of the claim's named subject though it
    names none itself: its subject is a bare "the wheat harvest" that no earlier subject
    resolved, with the claim's head and modifiers, and every name of the claim's subject is
    named in the headings or sentences just before it ("The Delvin County wheat harvest ran
    ..." against "The wheat harvest ran ..." under a heading on Delvin County)."""
    if claim is None or evidence is None or not claim.names or claim.pronoun or evidence.pronoun:
        return None
    if evidence.names or evidence.resolved_from is not None or not evidence.context_names:
        return None
    lex = lexicon()
    kind = claim.head or name_kind(claim)  # "the Ellerby Canal" against "the canal"
    if not kind or not evidence.head or lex.head(kind) != lex.head(evidence.head):
        return None
    ma, mb = set(claim.modifiers), set(evidence.modifiers)
    if not (ma <= mb or mb <= ma) or not _places_compatible(claim.places, evidence.places):
        return None
    context = [set(c.split()) for c in evidence.context_names]
    if not all(any(set(name.split()) <= c for c in context) for name in claim.names):
        return None
    return f"the cited source's '{evidence.text}' is of '{', '.join(claim.names)}', named just before it"


def _role_alignment(claim: Statement, evidence: Statement, options: AlignOptions) -> StatementAlignment | None:
    comps = []
    for c in (s for s in claim.slots if s.kind == "role"):
        for e in (s for s in evidence.slots if s.kind == "role"):
            outcome = _compare_roles(c, e, options)
            if outcome:
                comps.append(
                    SlotComparison(
                        "role",
                        outcome,
                        c,
                        e,
                        (c.start, c.end),
                        (e.start, e.end),
                        f"{c.title} of {c.text.split(' of ', 1)[-1]}",
                        f"{e.title} of {e.text.split(' of ', 1)[-1]}",
                    )
                )
    if not comps:
        return None
    holder = comps[0].claim.holder[0]
    return StatementAlignment(f"same person '{holder}', same role '{comps[0].claim.title}'", comps)


def align_statements(
    claim: Statement | None,
    evidence: Statement | None,
    options: AlignOptions = DEFAULT_OPTIONS,
    cited: bool = False,
    contained: bool = False,
) -> StatementAlignment | None:
    """The alignment of two statements with their slot comparisons, or None when they are not one.

    ``contained``: the passage says every word the claim says beside its typed values (the
    engine checks); then subjects the reader parsed differently still make one statement,
    unless they are plainly different things.
    """
    if claim is None or evidence is None:
        return None
    if claim.predicate is not None and claim.predicate.classes == ["role"]:
        return _role_alignment(claim, evidence, options)
    relation = _relation(claim, evidence)
    if relation is None:
        return None
    why = anchors_align(claim.subject, evidence.subject, options, bare_ok=cited)
    swapped = False
    if why is None:
        why = _voices_align(claim, evidence, options, cited)
        swapped = why is not None
    if why is None and cited:
        why = topic_alignment(claim.subject, evidence.subject) or context_alignment(claim.subject, evidence.subject)
    if why is None and contained and claim.subject is not None and not other_subject(claim, evidence, options):
        why = f"the passage says all the claim says of '{claim.subject.text}'"
    if why is None:
        return None
    pa, pb = claim.predicate, evidence.predicate
    mods = {pa.modality, pb.modality} - {None, "said"}
    if mods and pa.modality != pb.modality:
        return None  # "will open" and "opened" are not one assertion
    kind, cls = relation
    if not _complements_align(pa, pb, cls):
        return None
    strict = kind == "opposite" or pa.negated != pb.negated
    if not swapped and not _objects_align(claim, evidence, options, strict):
        return None
    reason = (
        f"{why}, same predicate '{cls}'" if kind == "same" else f"{why}, opposite predicates '{pa.lemma}'/'{pb.lemma}'"
    )
    comps: list[SlotComparison] = []
    recurs = _recurrence(claim, evidence)
    cw = [s for s in claim.slots if s.kind == "when"]
    ew = [s for s in evidence.slots if s.kind == "when"]
    # identity first: another period or another occurrence is another statement
    for c in (c for c in cw if c.role == "period"):
        periods = [e for e in ew if e.role == "period"]
        if periods and all(dates_conflict(c.date, e.date) for e in periods):
            return None  # no period of the passage is the claim's ("November 6" beside a quarter is no other one)
    if recurs != "never" and cw and ew:
        # an open interval ("for the first time since 2009") dates no occurrence
        def dated(slot: Slot) -> bool:
            return slot.role != "period" and not (slot.date.open_start or slot.date.open_end)

        gaps = [_gap_days(c.date, e.date) for c in cw for e in ew if dated(c) and dated(e)]
        limit = options.occurrence_days if recurs == "often" else None
        if gaps:
            if limit is not None and min(gaps) > limit:
                return None
            if limit is None and not any(_same_year(c.date, e.date) for c in cw for e in ew):
                return None
    negation_differs = pa.negated != pb.negated
    if (kind == "opposite" or negation_differs) and any(
        dates_conflict(c.date, e.date) for c in cw for e in ew if c.role != "base" and e.role != "base"
    ):
        return None  # "opened in 1797" and "closed in 1936": two events, not a denial
    if kind == "same" and not negation_differs and pa.direction and pb.direction and pa.direction != pb.direction:
        # "closed 3.1 percent higher" against "closed 3.1 percent lower": one move, two ways
        comps.append(
            SlotComparison(
                "direction", "conflict", None, None, (pa.start, pa.end), (pb.start, pb.end), pa.direction, pb.direction
            )
        )
        return StatementAlignment(reason, comps)
    denial = kind == "opposite" and not negation_differs or kind == "same" and negation_differs
    if denial:
        if not set(claim.rest) <= set(evidence.rest) | _subject_words(evidence):
            # a denial must be of everything the passage says ("a seat on the board" is not
            # "a seat in parliament")
            return None
        if kind == "same" or not (pa.negated or pb.negated):
            direction = pa.direction and pb.direction and pa.direction != pb.direction
            label = "direction" if direction else "polarity"
            cv = ("not " if pa.negated else "") + pa.lemma
            ev = ("not " if pb.negated else "") + pb.lemma
            comps.append(SlotComparison(label, "conflict", None, None, (pa.start, pa.end), (pb.start, pb.end), cv, ev))
        return StatementAlignment(reason, comps)
    if kind == "opposite":
        return None  # "did not reject" against "approved": agreement by double negation is too subtle
    for c in cw:
        outcomes = [(o, e) for e in ew if (o := _compare_when(c, e)) is not None]
        if not any(o == "agree" for o, _ in outcomes) and any(
            o == "conflict" and _GRAIN[e.date.granularity] <= _GRAIN[c.date.granularity] for o, e in outcomes
        ):
            # "from 16 to 18 July 2027" against "next year ... from 9 to 11 July 2027": the date
            # the passage gives as finely as the claim decides, not the coarser one it also gives
            outcomes = [(o, e) for o, e in outcomes if o == "conflict"]
        _add(comps, "when", c, outcomes, lambda s: f"{s.date.value_str()} ({s.date.granularity})")
    for c in (s for s in claim.slots if s.kind == "where"):
        outcomes = [(_compare_where(c, e, recurs == "never", options), e) for e in evidence.slots if e.kind == "where"]
        _add(comps, "where", c, outcomes, lambda s: s.place or s.text)
    eq = [s for s in evidence.slots if s.kind == "quantity" and s.role != "base"]
    for c in (s for s in claim.slots if s.kind == "quantity" and s.role != "base"):
        peers = [
            e
            for e in eq
            if _amount(e.role) == _amount(c.role) and same_kind(c.quantity, e.quantity) and _same_measure(c, e)
        ]
        only = False
        if not peers:
            # the one figure of its kind and role on each side of one statement is the same
            # measure's, whatever words each side puts beside it ("a $500 million buyback",
            # "a buyback of 500 million dollars"): set against the other when it agrees, and, for
            # a sum one side gives no measure ("opened with $46.1 million"), when it does not
            kin = [e for e in eq if _amount(e.role) == _amount(c.role) and same_kind(c.quantity, e.quantity)]
            mine = [
                x
                for x in claim.slots
                if x.kind == "quantity" and x.role != "base" and same_kind(c.quantity, x.quantity)
            ]
            if len(kin) == 1 and len(mine) == 1:
                peers = kin
                only = not (c.quantity.kind == "money" and not (c.measure and kin[0].measure))
        outcomes = [(_quantity_outcome(c, e), e) for e in peers]
        if only:
            outcomes = [(o, e) for o, e in outcomes if o == "agree"]
        if not any(o == "agree" for o, _ in outcomes) and any(
            c.quantity.kind == e.quantity.kind
            and c.quantity.unit == e.quantity.unit
            and numbers_compatible(c.quantity, e.quantity)
            for e in evidence.slots
            if e.kind == "quantity"
        ):
            continue  # the passage states the claim's figure, for something we did not pair: no verdict
        _add(comps, "quantity", c, outcomes, lambda s: describe_quantity(s.quantity))
    for c in (s for s in claim.slots if s.kind == "ordinal"):
        peers = [e for e in evidence.slots if e.kind == "ordinal" and c.measure and c.measure == e.measure]
        outcomes = [("agree" if c.quantity.value == e.quantity.value else "conflict", e) for e in peers]
        _add(comps, "ordinal", c, outcomes, lambda s: f"{s.text} {s.measure}".strip())
    for c in (s for s in claim.slots if s.kind == "score"):
        peers = [e for e in evidence.slots if e.kind == "score"]
        outcomes = [("agree" if sorted(c.score) == sorted(e.score) else "conflict", e) for e in peers]
        _add(comps, "score", c, outcomes, lambda s: "-".join(map(str, s.score)))
    for c in (s for s in claim.slots if s.kind == "agent"):
        outcomes = [(_compare_agents(c, e, options), e) for e in evidence.slots if e.kind == "agent"]
        _add(comps, "agent", c, outcomes, lambda s: f"by {s.text}")
    role = _role_alignment(claim, evidence, options)
    if role is not None:
        comps += role.comparisons
    return StatementAlignment(reason, comps)


def _compare_agents(c: Slot, e: Slot, options: AlignOptions) -> Outcome:
    """ "directed by Bert Royal" against "directed by Will Gluck": one of the claim's names
    among the passage's agrees; none of them is a conflict."""
    if any(names_match(x, y, options) for x in c.holder for y in e.holder):
        return "agree"
    return "conflict"


def align_any(
    claim: Statement | None,
    facts: Facts,
    options: AlignOptions = DEFAULT_OPTIONS,
    cited: bool = False,
    contained: bool = False,
) -> StatementAlignment | None:
    """The claim against a passage's main clause, then its other clauses: the first alignment
    that compares a slot and finds no conflict, else the first that compares one, else the
    first alignment at all. ("directed by A, directed by B": a claim naming B agrees with the
    second, as it would with one of two names after one verb.)"""
    first = compared = None
    for st in [facts.statement, *facts.clauses]:
        al = align_statements(claim, st, options, cited=cited, contained=contained)
        if al is None:
            continue
        if al.comparisons:
            if not any(c.outcome in ("conflict", "warning") for c in al.comparisons):
                return al
            compared = compared or al
        first = first or al
    return compared or first


def _quantity_outcome(c: Slot, e: Slot) -> Outcome:
    if not numbers_compatible(c.quantity, e.quantity):
        return "conflict"
    looser = e.quantity.bound in ("min", "max", "range") and c.quantity.bound in ("exact", "approx")
    if looser or not same_figure(c.quantity, e.quantity):
        return "compatible"  # "7.5 points" is within what "7 points" may round, but is not stated by it
    return "agree"


def _add(
    comps: list[SlotComparison],
    kind: str,
    c: Slot,
    outcomes: Sequence[tuple[Outcome, Slot]],
    show: Callable[[Slot], str],
) -> None:
    """One comparison per claim slot: agreed when any peer agrees (or allows it), else its
    first conflict."""
    if not outcomes:
        return
    agreeing = [e for o, e in outcomes if o == "agree"] or [e for o, e in outcomes if o == "compatible"]
    outcome: Outcome
    if agreeing:
        e = agreeing[0]
        outcome = "agree" if any(o == "agree" for o, _ in outcomes) else "compatible"
    else:
        outcome, e = next(((o, e) for o, e in outcomes if o == "conflict"), outcomes[0])
    comps.append(SlotComparison(kind, outcome, c, e, (c.start, c.end), (e.start, e.end), show(c), show(e)))


def _subject_words(s: Statement) -> set[str]:
    a = s.subject
    if a is None:
        return set()
    return {a.head, *a.modifiers, *(w for n in a.names for w in n.split())}


def _gap_days(a: DateMention, b: DateMention) -> int:
    return max((b.earliest - a.latest).days, (a.earliest - b.latest).days, 0)


def _same_year(a: DateMention, b: DateMention) -> bool:
    return a.earliest.year <= b.latest.year and b.earliest.year <= a.latest.year


def anchor_keys(statement: Statement) -> set[str]:
    """Words any statement aligned with this one must share with it (a cheap pre-filter)."""
    s = statement.subject
    return set(s.names) | ({s.head} if s.head and (s.modifiers or s.places or s.resolved_from) else set())


def claim_slots(statement: Statement | None) -> list[Slot]:
    """The slots of a claim a verdict must see agreed before it is supported."""
    if statement is None:
        return []
    return [s for s in statement.slots if not (s.kind == "quantity" and s.role == "base")]
