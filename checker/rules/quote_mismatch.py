"""CC-QUOTE-001 quote.mismatch"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from ..match.statements import DEFAULT_OPTIONS, AlignOptions
from ..models import Severity
from .base import ClaimRule, Hit, Side

_MIN_WORDS = 4
_MISQUOTE = 80  # partial_ratio above which a passage holds the same quotation, altered
_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


_APOSTROPHE = re.compile(r"\s*['’]\s*")
_NEGATION = {"not", "no", "never", "nor", "cannot", "n't", "nt", "without"}
# verbs that carry the negation themselves: "failed to get" says what "did not get" says
_NEGATIVE_VERBS = {"failed", "fails", "fail", "refused", "refuses", "declined", "declines", "lacked"}


def _polarity(words: list[str]) -> int:
    return sum(w in _NEGATION or w in _NEGATIVE_VERBS or w.endswith("nt") and len(w) > 3 for w in words) % 2


def _norm(text: str) -> str:
    """Lower-cased words, contractions joined ("I 'm", "I'm" -> "im") so tokenised text compares."""
    return " ".join(w.lower() for w in _WORD.findall(_APOSTROPHE.sub("", text)))


def _changed_words(said: str, source: str) -> tuple[list[str], list[str]]:
    a, b = _norm(said).split(), _norm(source).split()
    out_a, out_b = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b).get_opcodes():
        if op != "equal":
            out_a += a[i1:i2]
            out_b += b[j1:j2]
    return out_a, out_b


def word_diff(said: str, source: str) -> str:
    """What changed between two wordings: "'quickly' -> 'slowly'; 'very' missing"."""
    a, b = _WORD.findall(_APOSTROPHE.sub("", said)), _WORD.findall(_APOSTROPHE.sub("", source))
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=[w.lower() for w in a], b=[w.lower() for w in b]).get_opcodes():
        if op == "replace":
            out.append(f"'{' '.join(a[i1:i2])}' -> '{' '.join(b[j1:j2])}'")
        elif op == "delete":
            out.append(f"'{' '.join(a[i1:i2])}' not in source")
        elif op == "insert":
            out.append(f"'{' '.join(b[j1:j2])}' left out")
    return "; ".join(out)


class QuoteMismatch(ClaimRule):
    """What it checks:
    A quotation in a claim that the sources give in other words (a misquote, with the changed
    words shown), or that the source the claim cites does not contain at all.

    Why it matters:
    Quotations must be verbatim; an altered or invented quote is an error readers and the
    people quoted will not forgive.

    Example:
    Claim: he called the accord "a fair and final settlement"; source: "a fair and lasting
    settlement" -> 'final' -> 'lasting'. Not a finding: the same words with other punctuation
    or capitals.

    Options:
    misquote-minor-words. Quotations under four words are ignored. A change of at most
    misquote-minor-words words (2) that touches no negation and no figure is a warning ("did
    not get" -> "failed to get"); more, or a flipped negation or figure, is an error. "Not
    found" is reported only against a source the claim cites, as a warning.
    """

    code = "CC-QUOTE-001"
    name = "quote.mismatch"
    category = "quote"
    severity = Severity.error
    options = ("misquote-minor-words",)

    def check_claim(
        self, claim: Side, candidates: list[Side], cited: list[Side] | None, options: AlignOptions = DEFAULT_OPTIONS
    ) -> Iterable[tuple[Hit, Side]]:
        for q in claim.facts.quotes:
            if len(q.text.split()) < _MIN_WORDS:
                continue
            said = _norm(q.text)
            if any(said in _norm(c.text) for c in candidates):
                continue
            best, best_side = 0.0, None
            for c in candidates:
                al = fuzz.partial_ratio_alignment(said, _norm(c.text))
                if al is not None and al.score > best:
                    best, best_side = al.score, c
            if best_side is not None and best >= _MISQUOTE:
                span = _locate_words(best_side, q.text)
                source_words = best_side.text[span[0] - best_side.start : span[1] - best_side.start]
                diff = word_diff(q.text, source_words)
                if not diff:
                    continue
                gone, came = _changed_words(q.text, source_words)
                changed = set(gone) ^ set(came)
                serious = (
                    max(len(gone), len(came)) > options.misquote_minor_words
                    or _polarity(gone) != _polarity(came)
                    or any(w.isdigit() for w in changed)
                )
                yield (
                    Hit(
                        claim_span=(q.start, q.end),
                        evidence_span=span,
                        claim_value=q.text,
                        evidence_value=source_words,
                        message=f"misquote: {diff}"
                        if serious
                        else f"quotation differs slightly from the source: {diff}",
                        confidence=round(min(0.95, best / 100), 2) if serious else 0.5,
                        severity=None if serious else Severity.warning,
                    ),
                    best_side,
                )
            elif cited:
                first = cited[0]
                yield (
                    Hit(
                        claim_span=(q.start, q.end),
                        evidence_span=(first.start, first.end),
                        claim_value=q.text,
                        evidence_value="(not in the cited source)",
                        message="the cited source does not contain this quotation",
                        confidence=0.6,
                        severity=Severity.warning,
                    ),
                    first,
                )


def _locate_words(side: Side, quote: str) -> tuple[int, int]:
    """Absolute span in ``side`` of the words that best match ``quote``: the source's own
    quotation when the match falls inside one, else the aligned words."""
    text = side.text
    al = fuzz.partial_ratio_alignment(quote.lower(), text.lower())
    assert al is not None  # None only below a score_cutoff, and none is given
    s, e = al.dest_start, al.dest_end
    inside = next(
        (
            (q.start - side.start, q.end - side.start)
            for q in side.facts.quotes
            if q.start - side.start < e and s < q.end - side.start
        ),
        None,
    )
    if inside:
        s, e = inside
    while s > 0 and text[s - 1].isalnum():
        s -= 1
    while e < len(text) and text[e].isalnum():
        e += 1
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    return side.start + s, side.start + e


RULE = QuoteMismatch()
