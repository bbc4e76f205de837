"""A claim-wide rule may call a value misstated only in a sentence making the claim's statement."""

from __future__ import annotations

import pytest

from checker.extract import Extractor
from checker.ingest.text import build_document
from checker.match.misstatement import another_statement
from checker.rules.base import Hit
from tests.rule_harness import side

SOURCE = (
    "The Kirkgate car park in Leeds has 450 spaces. In the runoff, Ana Lima won 8,400 votes. "
    "By 1820 the canal carried 190,000 tonnes of coal a year. "
    "As of 12 March there had been 82 confirmed cases of measles in Mexico. "
    "The Ashby school said 64% of its pupils passed in history and geography this year. "
    "After ten weeks, patients on the new drug had 2.2 fewer headache days a month. "
    "The Harlow Prize for fiction was first awarded in 1994. The prize is worth 40,000 pounds. "
    "The trust employs 320 staff, of whom 40 work at its York office."
)


def _check(claim: str, evidence: str, value: str, ev_value: str, category: str = "number", options=None):
    x = Extractor()
    for t in (SOURCE, claim):
        x.registry.learn(t)
    a, b = side(x, claim, "claim"), side(x, evidence, "evidence")
    i, j = claim.index(value), evidence.index(ev_value)
    hit = Hit((i, i + len(value)), (j, j + len(ev_value)), value, ev_value, "", 0.8)
    document = build_document("notes.md", SOURCE, kind="markdown")
    if options is None:
        return another_statement(a, b, hit, category, document)
    return another_statement(a, b, hit, category, document, options)


@pytest.mark.parametrize(
    "claim,evidence,value,ev_value,why",
    [
        (
            "The Woodhouse car park in Leeds has 900 spaces.",
            "The Kirkgate car park in Leeds has 450 spaces.",
            "900",
            "450",
            "another subject",
        ),
        (
            "In the first round, Ana Lima won 6,100 votes.",
            "In the runoff, Ana Lima won 8,400 votes.",
            "6,100",
            "8,400",
            "a name or rank the sentence lacks",
        ),
        (
            "By 1820 the canal carried 450,000 tonnes of stone a year.",
            "By 1820 the canal carried 190,000 tonnes of coal a year.",
            "450,000",
            "190,000",
            "a subject the source never names",
        ),
        (
            "There have been more than 5,200 confirmed cases of measles so far this spring in Spain.",
            "As of 12 March there had been 82 confirmed cases of measles in Mexico.",
            "5,200",
            "82",
            "another place",
        ),
        (
            "The Ashby school said 52% of its pupils passed in music this year.",
            "The Ashby school said 64% of its pupils passed in history and geography this year.",
            "52%",
            "64%",
            "another qualifier in the same frame",
        ),
        (
            "After 20 weeks, patients on the new drug had 3.1 fewer headache days a month.",
            "After ten weeks, patients on the new drug had 2.2 fewer headache days a month.",
            "3.1",
            "2.2",
            "another length of time",
        ),
        (
            "After 20 weeks, patients on the new drug had 3.1 fewer headache days a month.",
            "After ten weeks, patients on the new drug had 2.2 fewer headache days a month.",
            "20 weeks",
            "ten weeks",
            "another length of time",
        ),
        (
            "The Harlow Prize for poetry is worth 10,000 pounds.",
            "The prize is worth 40,000 pounds.",
            "10,000",
            "40,000",
            "a subject the source never names",
        ),
        (
            "The trust's York office employs 55 staff.",
            "The trust employs 320 staff, of whom 40 work at its York office.",
            "55",
            "320",
            "another subject",
        ),
        (
            "He won 6,100 votes in the runoff.",
            "In the runoff, Ana Lima won 8,400 votes.",
            "6,100",
            "8,400",
            "a subject the claim does not name",
        ),
    ],
)
def test_another_statement_is_no_misstatement(claim, evidence, value, ev_value, why):
    assert _check(claim, evidence, value, ev_value) == why


def test_a_slip_of_one_value_in_the_same_statement_is_compared():
    assert (
        _check(
            "The Kirkgate car park in Leeds has 900 spaces.",
            "The Kirkgate car park in Leeds has 450 spaces.",
            "900",
            "450",
        )
        is None
    )


def test_the_same_frame_with_the_same_qualifier_is_compared():
    assert (
        _check(
            "The Ashby school said 52% of its pupils passed in history and geography this year.",
            "The Ashby school said 64% of its pupils passed in history and geography this year.",
            "52%",
            "64%",
        )
        is None
    )


def test_substitution_words_bounds_how_long_a_swapped_qualifier_may_be():
    """substitution-words: "music" for "history and geography" (3 words) is another qualifier
    by default; with a bound of 2 the clauses differ by more than a qualifier and the figure is
    compared as a slip."""
    from dataclasses import replace

    from checker.match.statements import DEFAULT_OPTIONS

    args = (
        "The Ashby school said 52% of its pupils passed in music this year.",
        "The Ashby school said 64% of its pupils passed in history and geography this year.",
        "52%",
        "64%",
    )
    assert _check(*args) == "another qualifier in the same frame"
    assert _check(*args, options=replace(DEFAULT_OPTIONS, substitution_words=2)) is None


def test_one_value_apart_in_a_clause_of_agreeing_values_is_compared():
    assert (
        _check(
            "After ten weeks, patients on the new drug had 3.1 fewer headache days a month.",
            "After ten weeks, patients on the new drug had 2.2 fewer headache days a month.",
            "3.1",
            "2.2",
        )
        is None
    )


def test_the_same_kind_of_a_named_subject_is_compared():
    assert (
        _check(
            "The Harlow Prize for fiction is worth 10,000 pounds.",
            "The prize is worth 40,000 pounds.",
            "10,000",
            "40,000",
        )
        is None
    )
