"""Findings and evidence -> supported | contradicted | unverified, with a confidence.

A claim is contradicted only by an error-level finding. It is supported when passages that
make the same statement (aligned anchors and predicate, same polarity) agree on every typed
slot the claim gives (its dates, places, figures, ranks, scores, roles) and none conflicts;
or, for event frames, when a same-event passage agrees on a typed fact. Never by word overlap
alone. Everything else is unverified, which is an honest answer, not a failure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .extract.gazetteer import within
from .extract.lexicon import lexicon, noun_lemma, verb_lemmas
from .extract.numbers_compare import compatible as numbers_compatible
from .extract.numbers_compare import same_kind
from .extract.statements import content_words, negation_count, word_forms
from .extract.temporal import conflicts as dates_conflict
from .match.statements import claim_slots
from .models import Finding, Severity, Slot, Verdict
from .rules.base import Pair, Side


def agreements(pair: Pair) -> list[str]:
    """The typed facts on which both sides of a same-event pair agree."""
    if not pair.same_event:
        return []
    out = []
    a, b = pair.claim.event_date(), pair.evidence.event_date()
    if a is not None and b is not None and not dates_conflict(a, b):
        out.append("date")
    ea, eb = pair.claim.event, pair.evidence.event
    if ea and eb and ea.place and eb.place and (within(ea.place, eb.place) or within(eb.place, ea.place)):
        out.append("place")
    for qa in pair.claim.facts.quantities:
        if any(same_kind(qa, qb) and numbers_compatible(qa, qb) for qb in pair.evidence.facts.quantities):
            out.append("number")
            break
    return out


def quoted_verbatim(pair: Pair) -> int:
    """1 when a quotation of four or more words in the claim stands word for word in the passage."""
    from .rules.quote_mismatch import _norm

    if pair.relation != "claim-source":
        return 0
    st = pair.claim.facts.statement
    if st is not None and st.predicate is not None and st.predicate.negated:
        return 0  # "X never said '...'" is not supported by the sentence that quotes X
    # the words must be quoted speech in the passage too (not a headline or a title), and the
    # speaker the claim names must be named there
    quoted = [_norm(q.text) for q in pair.evidence.facts.quotes]
    speakers = set(pair.claim.facts.people())
    if not speakers or not speakers & set(pair.evidence.facts.people()):
        return 0
    if not any(
        len(q.text.split()) >= 4 and any(_quoted_within(_norm(q.text), e) for e in quoted)
        for q in pair.claim.facts.quotes
    ):
        return 0
    # and the passage says what the claim says around the quotation: "Chief executive X said"
    # is not supported by "Chief commercial officer X said" the same words
    side = pair.claim
    around = [(q.start - side.start - 1, q.end - side.start + 1) for q in side.facts.quotes]
    content = (content_words(side.text, around), negation_count(side.text))
    return int(says_all(content, pair.evidence.text))


# a word that denies what follows it, as quote_mismatch._norm writes it ("don't" -> "dont")
_NEGATING = re.compile(
    r"(?:not|never|no|nor|cannot|(?:do|does|did|is|was|are|were|wo|ca|could|would|should|has|have|had)nt)"
)


def _quoted_within(mine: str, theirs: str) -> bool:
    """Whether the claim's quotation stands word for word in the passage's, and not after a
    word that denies it ("on a pre-set path" inside "not on a pre-set path")."""
    padded = f" {theirs} "
    at = padded.find(f" {mine} ")
    while at >= 0:
        before = padded[:at].split()
        if not before or not _NEGATING.fullmatch(before[-1]):
            return True
        at = padded.find(f" {mine} ", at + 1)
    return False


# a claim that says "her followers" or "its plant" speaks of someone its words do not name
_REFERS_BACK = re.compile(r"\b(?:he|she|his|her|hers|him|they|their|theirs|them|its|it)\b", re.I)


def claim_content(side: Side, subject: bool = False) -> tuple[list[str], int]:
    """The claim's words beside its typed slots and predicate (and, unless ``subject``, its
    subject), and its count of negations."""
    st = side.facts.statement
    skip = [(s.start - side.start, s.end - side.start) for s in claim_slots(st)]
    if st is not None and st.subject is not None and not subject:
        skip.append((st.subject.start - side.start, st.subject.end - side.start))
    if st is not None and st.predicate is not None:
        skip.append((st.predicate.start - side.start, st.predicate.end - side.start))
    return content_words(side.text, skip), negation_count(side.text)


def whole_claim_content(side: Side) -> tuple[list[str], int] | None:
    """The words a passage must all say to make one statement with the claim even where the
    two subjects were read differently; None for a claim that refers back with a pronoun or
    has no typed slot or subject to compare."""
    st = side.facts.statement
    if st is None or not st.slots or st.subject is None or not (st.subject.head or st.subject.names):
        return None
    if _REFERS_BACK.search(side.text):
        return None
    return claim_content(side, subject=True)


def says_all(content: tuple[list[str], int], text: str) -> bool:
    """Whether ``text`` says every word of ``content`` (claim_content) with as many negations."""
    words, negations = content
    if negation_count(text) != negations:
        return False
    forms = word_forms(text)
    kinds: set[str] | None = None  # the passage's nouns by their kind ("movie" is a "film"), built on need
    for w in words:
        if w in forms or not _forms_of(w).isdisjoint(forms):
            continue
        if kinds is None:
            kinds = {lexicon().head(f) for f in forms}
        if lexicon().head(noun_lemma(w)) not in kinds:
            return False
    return True


def statement_support(side: Side, pairs: list[Pair]) -> int:
    """How many typed slots of the claim aligned passages agree on, when they agree on all of
    them and none conflicts; 0 otherwise."""
    statement = side.facts.statement
    slots = claim_slots(statement)
    if statement is None or not slots:
        return _untyped_support(side, pairs)
    agreed: set[int] = set()
    names = statement.rest_names
    # the alignment judged the subject and the predicate; every other word must be the passage's
    content = claim_content(side)
    unslotted = _figures_outside(side, slots)
    for pair in pairs:
        al = pair.alignment
        if al is None:
            continue
        if not _names_said(names, pair.evidence.text):
            continue  # the claim names something ("for the University of Bergen") the passage does not
        # "murder" is not "manslaughter", "a beach" not "a clifftop", and a "not" the passage
        # lacks is a denial
        if not says_all(content, pair.evidence.text):
            continue
        if not unslotted <= _figures(pair.evidence.text):
            continue  # a figure the claim writes outside its typed slots ("at 7:40 a.m.") the passage lacks
        for c in al.comparisons:
            if c.outcome in ("conflict", "warning"):
                return 0  # a conflict or a doubt anywhere withholds support
            if c.outcome == "agree" and c.claim is not None:
                agreed.add(id(c.claim))  # "compatible" (the passage says less) supports nothing
    if all(id(s) in agreed for s in slots):
        return len(slots)
    return 0


def _untyped_support(side: Side, pairs: list[Pair]) -> int:
    """1 when a claim with no typed slot ("Whiplash was directed by Damien Chazelle") makes
    one statement with a passage (same subject, same predicate, same polarity and modality)
    that says every other word of it; 0 otherwise. Nothing is compared, so nothing may differ."""
    st = side.facts.statement
    if st is None or st.subject is None or st.predicate is None or _REFERS_BACK.search(side.text):
        return 0
    content = claim_content(side)
    if not content[0]:
        return 0  # "Acme rose": nothing beside the subject and the verb to find
    for pair in pairs:
        al = pair.alignment
        if al is None or pair.relation != "claim-source" or al.comparisons:
            continue
        if not _names_said(st.rest_names, pair.evidence.text):
            continue
        if says_all(content, pair.evidence.text) and _figures(side.text) <= _figures(pair.evidence.text):
            return 1  # and every figure it writes ("FIFA 09" is not "FIFA 08")
    return 0


def _names_said(names: list[str], text: str) -> bool:
    """Whether ``text`` has every word of every name key in ``names``."""
    low = text.lower()
    return all(all(w in low for w in name.split()) for name in names)


def _figures(text: str) -> set[str]:
    return set(_DIGITS.findall(text))


def _figures_outside(side: Side, slots: list[Slot]) -> set[str]:
    """The digit runs of the claim outside its typed slots and its facts (which are compared
    by value, however written): a clock time, a model number."""
    spans = [(s.start, s.end) for s in slots]
    spans += [(d.start, d.end) for d in side.facts.dates] + [(q.start, q.end) for q in side.facts.quantities]
    return {
        m.group() for m in _DIGITS.finditer(side.text) if not any(a <= side.start + m.start() < b for a, b in spans)
    }


_DIGITS = re.compile(r"\d+")


def _forms_of(word: str) -> set[str]:
    return {noun_lemma(word), *verb_lemmas(word)}


def decide(
    side: Side, findings: list[Finding], pairs: list[Pair], hidden: bool = False, accepted: Sequence[Finding] = ()
) -> tuple[Verdict, float]:
    """The verdict from the findings shown and the accepted ones (an accepted contradiction is
    still one: the report marks it accepted); ``hidden`` says an error of a rule not selected
    was left out, which is doubt, never support."""
    errors = [f for f in findings if f.severity == Severity.error] or [
        f for f in accepted if f.severity == Severity.error
    ]
    if errors:
        return "contradicted", max(f.confidence for f in errors)
    if hidden:
        return "unverified", 0.5  # an accepted (hidden) error is doubt, never support
    best = statement_support(side, pairs)
    for pair in pairs:
        if pair.relation == "heading-body" and not pair.same_event:
            continue
        best = max(best, len(agreements(pair)) + quoted_verbatim(pair))
    if best:
        return "supported", round(min(0.95, 0.6 + 0.15 * best), 2)
    return "unverified", 0.5
