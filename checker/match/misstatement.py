"""When may a claim-wide rule call a value misstated? Only when the matching sentence makes
the claim's statement, so that the value is a slip in it and not a fact of another statement.

CC-NUM-002 and CC-DATE-002 find, for a figure or a period of a claim, the source sentence that
speaks of the same measure or period, by word overlap. Word overlap cannot tell "the Kirkgate
car park has 450 spaces" from a claim about the Woodhouse car park, nor the first round of an
election from its runoff. This module is the one place that says no, each time for a reason
that holds for any subject:

- the claim's subject is a pronoun it does not resolve ("He was waived ..."): who is unknown;
- the two subjects are plainly different things (names, places, or head nouns the other
  sentence never mentions), or a passive's doer is not the active sentence's subject;
- the claim's subject, or the thing it counts, is never named by the source at all;
- the two figures are slots counting different things ("tonnes of stone" / "of coal");
- besides the value found misstated, the statements differ in another typed way (another
  period and another figure, or another direction of change);
- the value's own clause names a place or thing, or gives a rank, that the matching sentence
  lacks ("in the first round", "the follow-up study in Auckland"), or the other way round;
- the claim names a place the sentence never mentions while the sentence names another;
- inside the same frame of words one noun is replaced by another ("in GCSE science this
  summer" / "in GCSE English and maths this summer");
- the claim's clause gives a time and the sentence, or the passage around it, states only
  other times ("growth of 1.9 percent for next year" / "1.6 percent this year");
- the claim's sentence gives a length of time ("after 24 weeks") the sentence gives otherwise,
  or, beside a period, a figure it gives otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

from ..extract.lexicon import noun_lemma, word_classes
from ..extract.measures import _SYNONYMS as MEASURE_SYNONYMS
from ..extract.measures import in_comparison_base
from ..extract.numbers_compare import compatible as numbers_compatible
from ..extract.numbers_compare import is_duration, same_kind
from ..extract.statements import FUNCTION_WORDS, clause_of, lead_end, names_in, word_forms
from ..models import Document, Quantity, Statement
from .context import another_time, clause_dates, own_dates, times_around
from .statements import (
    DEFAULT_OPTIONS,
    AlignOptions,
    anchors_align,
    other_differences,
    other_measure,
    other_subject,
    passive_and_active,
    predicates_relate,
    statement_at,
)

if TYPE_CHECKING:  # match sits below rules: it reads a rule's sides and hit, it never builds them
    from ..rules.base import Hit, Side

_CALENDAR = ("quarter", "half", "year", "month", "week", "day", "season")
# "the third quarter" is of the calendar; "its first week" counts from the subject
_CALENDAR_PERIODS = ("quarter", "half", "season")


def another_statement(
    claim: Side, evidence: Side, hit: Hit, category: str, source: Document, options: AlignOptions = DEFAULT_OPTIONS
) -> str | None:
    """Why the matching sentence is about something else than the claim, or None."""
    # the statements of the clauses that hold the two values
    a = statement_at(claim.facts.statement, claim.facts.clauses, hit.claim_span[0])
    b = statement_at(evidence.facts.statement, evidence.facts.clauses, hit.evidence_span[0])
    if (
        a is not None
        and a.subject is not None
        and a.subject.pronoun
        and a.subject.resolved_from is None
        and a.subject.text.lower().split()[0] not in ("we", "i", "there")  # "there" is no one: "there have been"
    ):
        return "a subject the claim does not name"  # "He was waived three days later": who?
    if other_subject(a, b, options, word_forms(claim.text), word_forms(evidence.text)):
        return "another subject"
    if foreign_subject(claim, a, source):
        return "a subject the source never names"
    if named_elsewhere(a, b, evidence, source):
        return "a subject the passage's context does not name"
    if other_doer(a, b, options):
        return "another doer"
    if other_measure(a, b, hit.claim_span, hit.evidence_span):
        return "another measure"
    if other_differences(category, a, b):
        return "a second difference"
    if category == "date" and _edition_year(claim, hit.claim_span) and not predicates_relate(a, b):
        return "another edition of a named event"
    if unmatched_context(claim, evidence, hit.claim_span, options.context_chars):
        return "a name or rank the sentence lacks"
    if substituted_qualifier(claim, evidence, hit.claim_span, hit.evidence_span, options.substitution_words):
        return "another qualifier in the same frame"
    if other_place(claim, evidence):
        return "another place"
    if part_of_places(claim, evidence, hit):
        return "a part of the places the passage counts"
    if other_base(claim, evidence, hit.claim_span, hit.evidence_span):
        return "a change from another base"
    if other_time(claim, evidence, hit, category, source):
        return "another time"
    if other_values_apart(claim, evidence, hit, category):
        return "another length of time" if category == "number" else "another figure beside the period"
    if split_digit_group(claim, hit.claim_span) or split_digit_group(evidence, hit.evidence_span):
        return "a figure whose digits may be split ('3, 835')"
    return None


_EDITION = re.compile(r"\s+(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*")


def _edition_year(side: Side, span: tuple[int, int]) -> bool:
    """Whether the date at ``span`` is a year naming an edition of a named event ("the 1963
    Alpine Rally", "the 2027 Lakemoor Festival"): another year is another edition, the same
    claim about it only when the statement is the same."""
    at, end = span[0] - side.start, span[1] - side.start
    return (
        bool(re.fullmatch(r"(?:1[5-9]|20)\d\d", side.text[at:end]))
        and _EDITION.match(side.text, end) is not None
        and re.search(r"\b(?:the|its|his|her|their)\s+$", side.text[:at], re.I) is not None
    )


def other_values_apart(claim: Side, evidence: Side, hit: Hit, category: str) -> bool:
    """True when the claim's sentence gives, beside the value, a length of time the matching
    sentence gives otherwise ("after 24 weeks ... 5.6 fewer days" against "after twelve weeks
    ... 4.8 fewer days"): a figure measured at another time, not a slip of one. Beside a
    period or a length of time (the value found misstated), any figure the sentence gives
    otherwise counts: "1.9 percent for 2026" against "1.6 percent for 2025" is another year's
    forecast, not a wrong year."""
    lo, hi = claim.start, claim.end  # the sentence: "After 24 weeks, patients had 5.6 fewer days"
    a, b = hit.claim_span

    def other(start: int, end: int) -> bool:
        return lo <= start < hi and (end <= a or start >= b) and not in_comparison_base(claim.text, start - claim.start)

    # a length of time ("after 24 weeks"): when the figure was measured; the sentence must give
    # one for each, and another (a figure the sentence does not give may come from elsewhere,
    # and figures of other measures share units too often to tell)
    # a period, or a length of time ("after 24 weeks"), is when a figure was measured
    period = category == "date" or any(is_duration(q) and q.start <= a < q.end for q in claim.facts.quantities)
    counted = (lambda q: q.kind != "ordinal") if period else is_duration
    lengths = [q for q in claim.facts.quantities if counted(q) and other(q.start, q.end)]
    if not lengths:
        return False
    theirs = [q for q in evidence.facts.quantities if counted(q)]
    for q in lengths:
        peers = [e for e in theirs if e.kind == q.kind and e.unit == q.unit]
        if not peers or any(numbers_compatible(q, e) if same_kind(q, e) else q.value == e.value for e in peers):
            return False
    return True


def other_time(claim: Side, evidence: Side, hit: Hit, category: str, source: Document) -> bool:
    """True when the value's clause in the claim gives a time ("for next year", "on Monday")
    and the matching sentence, or where it has none the headings and sentences before it,
    states only other times (see :mod:`checker.match.context`)."""
    date_hit = category == "date"
    skip_mine = hit.claim_span if date_hit else None
    mine = clause_dates(claim.text, claim.start, claim.facts, hit.claim_span[0], skip_mine)
    if not mine:
        # a time the sentence opens with ("In February, 68.9 percent ...") is all its clauses'
        lead = lead_end(claim.text)
        if lead:
            mine = own_dates(claim.text, claim.start, claim.facts, claim.start, claim.start + lead, skip_mine)
    if not mine:
        return False
    skip = hit.evidence_span if date_hit else None
    return another_time(mine, *times_around(evidence.text, evidence.start, evidence.end, evidence.facts, source, skip))


def other_doer(a: Statement | None, b: Statement | None, options: AlignOptions = DEFAULT_OPTIONS) -> bool:
    """True when one sentence is passive and the other active and the passive's doer is not the
    active's subject ("upheld by the high court" against "a regional tribunal had upheld")."""
    voices = passive_and_active(a, b) if a is not None and b is not None else None
    if voices is None:
        return False
    doer, subject = voices[0].by, voices[1].subject
    assert doer is not None and subject is not None
    if (doer.head or doer.names) and (subject.head or subject.names):
        return anchors_align(doer, subject, options, bare_ok=True) is None
    return False


_SPLIT_GROUP = re.compile(r"\d{1,3},\s+$")


def split_digit_group(side: Side, span: tuple[int, int]) -> bool:
    """True when the value at ``span`` is three digits right after "N, ": "3, 835" is 3,835
    written with a space (as tokenised text has it) as often as two numbers."""
    rel_s, rel_e = span[0] - side.start, span[1] - side.start
    value = side.text[rel_s:rel_e]
    return bool(re.match(r"\D{0,2}\d{3}(?!\d)", value)) and bool(
        _SPLIT_GROUP.search(side.text[max(0, rel_s - 6) : rel_s])
    )


@lru_cache(maxsize=256)
def _document_words(text: str) -> frozenset[str]:
    """A source's lower-case words and their noun lemmas, once per source text."""
    raw = set(re.findall(r"[a-z0-9]+", text.lower()))
    return frozenset(raw | {noun_lemma(w) for w in raw})


def foreign_subject(side: Side, st: Statement | None, source: Document) -> bool:
    """True when the claim's subject (of statement ``st``) names a thing or place the source
    never mentions ("the Woodhouse car park" against notes that only know the Kirkgate one)."""
    if st is None or st.subject is None:
        return False
    words = _document_words(source.text)
    subject = st.subject
    for name in subject.names:
        if not set(re.findall(r"[a-z0-9]+", name)) <= words:
            return True
    # a thing the claim qualifies ("adults who used phones", "the maritime museum") that the
    # source never names; a bare "the company" is no evidence (a summary's "the company" is
    # "we" in the call it summarises)
    qualified = subject.modifiers or re.search(r"\b(?:who|which|that|whose)\b", subject.text, re.I)
    if subject.head and not subject.names and qualified and subject.head not in words:
        return True
    # a kind the claim gives its subject that the source never names ("the Calloway Prize for
    # poetry" against a source on its fiction prize)
    if subject.names and unnamed_kind(subject.modifiers, words):
        return True
    # a thing the claim counts that the source never names ("tonnes of stone")
    if any(
        s.kind == "quantity" and s.quantity is not None and s.quantity.noun and s.measure and s.measure not in words
        for s in st.slots
    ):
        return True
    mentions = [e for e in side.facts.entities if e.kind == "place" and subject.start <= e.start < subject.end]
    return any(not set(re.findall(r"[a-z0-9]+", m.text.lower())) <= words for m in mentions)


def named_elsewhere(a: Statement | None, b: Statement | None, evidence: Side, source: Document) -> bool:
    """True when the claim's subject is named ("the median age in Oska") and the passage's is a
    bare "the median age" whose sentence does not name it and whose headings, the sentences
    before it and the source's lede (what the whole report is about) name other things only: a
    bare subject is of what its context names (as in ``match.statements.context_alignment``)."""
    if a is None or b is None or a.subject is None or b.subject is None:
        return False
    x, y = a.subject, b.subject
    if not x.names or y.names or y.pronoun or not y.head or y.resolved_from is not None or not y.context_names:
        return False
    forms = word_forms(evidence.text)
    lede = next((p.text for p in source.passages if not p.is_heading), "")
    context = [set(c.split()) for c in (*y.context_names, *names_in(lede))]
    return any(not set(name.split()) <= forms and not any(set(name.split()) <= c for c in context) for name in x.names)


def unnamed_kind(modifiers: list[str], words: AbstractSet[str]) -> bool:
    """Whether a noun modifier of the claim's named subject ("poetry") is a word the source
    never has (each part of a hyphenated one: "fourth-quarter")."""
    parts = [w for m in modifiers for w in m.split("-")]
    return any(_noun(w) and not word_classes(w) & {"ADJ", "VERB"} and w not in words for w in parts)


def other_place(claim: Side, evidence: Side) -> bool:
    """True when the claim names a place the matching sentence never mentions and the sentence
    names another one ("... deaths in Spain" against a sentence on Mexico)."""
    theirs = [e for e in evidence.facts.entities if e.kind == "place"]
    if not theirs:
        return False
    forms = word_forms(evidence.text)
    mine = [e for e in claim.facts.entities if e.kind == "place"]
    return any(not all(w in forms for w in re.findall(r"[a-z0-9]+", e.text.lower())) for e in mine) and any(
        e.canonical not in {m.canonical for m in mine} for e in theirs
    )


def _clause_places(side: Side, at: int) -> set[str]:
    lo, hi = clause_of(side.text, at - side.start)
    return {e.canonical for e in side.facts.entities if e.kind == "place" and lo <= e.start - side.start < hi}


def part_of_places(claim: Side, evidence: Side, hit: Hit) -> bool:
    """True when the places of the claim's clause are some of the places of the passage's
    ("30,000 sold in Ireland" against "212,000 sold in the UK and Ireland"): a part of what
    the passage counts, not a slip of its figure."""
    mine = _clause_places(claim, hit.claim_span[0])
    theirs = _clause_places(evidence, hit.evidence_span[0])
    return bool(mine) and mine < theirs


# what a change is measured from, right after its figure: "rose 8 percent from the previous
# weekend", "3 percent higher than in 2019" (not "on", which names a platform or a day as often)
_BASE = re.compile(r"\W*(?:\w+\W+)?(?:from|than|compared\s+(?:with|to)|versus|against)\s+([^,;:.()]{1,60})", re.I)


def _base_words(side: Side, span: tuple[int, int]) -> set[str]:
    lo, hi = clause_of(side.text, span[0] - side.start)
    m = _BASE.match(side.text[:hi], span[1] - side.start)
    if m is None:
        return set()
    words = {w.lower() for w in _WORDS.findall(m.group(1)) if not w[0].isdigit()}
    return words - FUNCTION_WORDS


def other_base(claim: Side, evidence: Side, claim_span: tuple[int, int], evidence_span: tuple[int, int]) -> bool:
    """True when both figures are measured from a base named in words and neither base says
    all the other says ("from the previous weekend" against "from the same weekend last
    year"): two changes, not one misstated."""
    mine, theirs = _base_words(claim, claim_span), _base_words(evidence, evidence_span)
    return bool(mine) and bool(theirs) and not (mine <= theirs or theirs <= mine)


def unmatched_context(
    claim: Side, evidence: Side, span: tuple[int, int], after: int = DEFAULT_OPTIONS.context_chars
) -> bool:
    """True when the claim names a place or thing, or gives a rank, that the matching sentence
    lacks (besides the value found misstated): "in the first round" against a sentence on the
    runoff, "the follow-up study in Auckland" against the original study. A misstatement is a
    slip of one value in an otherwise shared statement, not another statement."""
    forms = word_forms(evidence.text)
    lo, hi = clause_of(claim.text, span[0] - claim.start)
    lo, hi = lo + claim.start, hi + claim.start
    # the value's own clause, up to a few words after it ("... to $7.50 due to demand in North
    # America": a trailing reason is no part of what the value measures)
    hi = min(hi, span[1] + after)

    def inside(a: int) -> bool:
        return lo <= a < hi and not (span[0] <= a < span[1])

    # names, but not acronyms or letters ("GAAP", "EBITDA", the "Q" of "4Q" name a measure or a period)
    names = [n for n, raw, at in rest_names_as_written(claim) if inside(at) and not raw.isupper() and len(n) > 2]
    names += [e.text.lower() for e in claim.facts.entities if e.kind == "place" and inside(e.start)]
    for name in names:
        if not all(w in forms for w in re.findall(r"[a-z0-9]+", name)):
            return True
    # ranks, but not those of calendar periods ("the fourth quarter", which the date rules read);
    # "in its first week" counts from the subject's start, a period no date gives unless the
    # reader dated it, so it must be the sentence's too
    dated = [(d.start, d.end) for d in claim.facts.dates]

    def period(q: Quantity) -> bool:
        m = re.match(r"\W*(" + "|".join(_CALENDAR) + ")", claim.text[q.end - claim.start :], re.I)
        unit = m.group(1).lower() if m else q.noun.lower() if q.noun.lower() in _CALENDAR else ""
        return unit in _CALENDAR_PERIODS or bool(unit) and any(a <= q.start < b for a, b in dated)

    ordinals = [q for q in claim.facts.quantities if q.kind == "ordinal" and inside(q.start) and not period(q)]
    theirs = {q.value for q in evidence.facts.quantities if q.kind == "ordinal"}
    return any(q.value not in theirs for q in ordinals)


_WORDS = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def _clause_words(side: Side, span: tuple[int, int]) -> list[str]:
    """The lower-case words of the clause that holds the value at ``span``, the value's own
    characters left out."""
    lo, hi = clause_of(side.text, span[0] - side.start)
    rel_s, rel_e = span[0] - side.start, span[1] - side.start
    return [
        m.group().lower()
        for m in _WORDS.finditer(side.text, lo, hi)
        if not (rel_s <= m.start() < rel_e) and not any(c.isdigit() for c in m.group())
    ]


def substituted_qualifier(
    claim: Side,
    evidence: Side,
    claim_span: tuple[int, int],
    evidence_span: tuple[int, int],
    most: int = DEFAULT_OPTIONS.substitution_words,
) -> bool:
    """True when the two clauses say the same words around a noun that each replaces with
    another: "grade 4 or above in GCSE science this summer" against "... in GCSE English and
    maths this summer" measures another subject, not a misstated figure. Only an inner
    substitution counts (words agree on both sides of it), and only of nouns that neither
    sentence has anywhere nor names as synonyms, so a paraphrase ("sales" for "revenue") and a
    reordering are not one. A substituted qualifier is a phrase of at most ``most`` words
    ("science" / "English and maths"), not a rewritten clause."""
    mine, theirs = _clause_words(claim, claim_span), _clause_words(evidence, evidence_span)
    forms_claim, forms_evidence = word_forms(claim.text), word_forms(evidence.text)
    ops = SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes()
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op != "replace" or k == 0 or k == len(ops) - 1:
            continue
        if ops[k - 1][0] != "equal" or ops[k + 1][0] != "equal" or max(i2 - i1, j2 - j1) > most:
            continue
        if not (_content(mine[ops[k - 1][1] : ops[k - 1][2]]) and _content(mine[ops[k + 1][1] : ops[k + 1][2]])):
            continue  # flanked by content words on both sides, not by "the" or "of" alone
        ours = [w for w in mine[i1:i2] if _noun(w) and w not in forms_evidence and not _synonym(w, theirs[j1:j2])]
        other = [w for w in theirs[j1:j2] if _noun(w) and w not in forms_claim and not _synonym(w, mine[i1:i2])]
        if ours and other:
            return True
    return False


def _content(words: list[str]) -> bool:
    return any(w not in FUNCTION_WORDS for w in words)


def _noun(word: str) -> bool:
    return word not in FUNCTION_WORDS and not word_classes(word).isdisjoint(("NOUN", "PROPN"))


def _synonym(word: str, others: list[str]) -> bool:
    mine = {noun_lemma(word), *MEASURE_SYNONYMS.get(word, ())}
    return any(mine & {noun_lemma(o), *MEASURE_SYNONYMS.get(o, ())} for o in others)


def rest_names_as_written(side: Side) -> list[tuple[str, str, int]]:
    """(name key, name as written, offset) of the names after the claim's predicate."""
    st = side.facts.statement
    if st is None or st.predicate is None:
        return []
    out = []
    for key in st.rest_names:
        words = key.split()
        m = re.search(r"\b" + r"\W+(?:\w+\W+){0,2}".join(map(re.escape, words)), side.text, re.I) if words else None
        out.append((key, m.group() if m else key, side.start + (m.start() if m else 0)))
    return out
