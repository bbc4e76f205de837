"""The statement reader's fast paths for ASCII text read exactly what the general ones read.

The token table of an ASCII sentence comes from a pattern of plain character sets, and the
tally test from ``str`` search instead of a case-folding regex; both are only faster, so on any
ASCII text they must agree with the Unicode forms they stand in for. The main clause's end is
searched for from its verb instead of scanned for from the sentence's start: the same cut.
"""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.statements import (
    _CLAUSE,
    _TALLY_WORD,
    _TOKEN,
    _TOKEN_ASCII,
    _has_tally_word,
    _next_clause,
    _tokens,
)

# words, designations, figures and the punctuation the patterns treat specially
_PIECES = ["Kestrel-2", "COVID-19", "A-1.5", "rock'n'roll", "U.S.", "4,100", "3-1", "1:2", "x_y", "Votes", "SEAT"]
ASCII_TEXT = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(alphabet=string.printable, max_size=8)), max_size=20
).map("".join)


@settings(max_examples=300, deadline=None)
@given(ASCII_TEXT)
def test_ascii_tokens_are_the_unicode_patterns_tokens(text):
    assert [m.span() for m in _TOKEN_ASCII.finditer(text)] == [m.span() for m in _TOKEN.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(ASCII_TEXT)
def test_ascii_tally_test_is_the_regex_test(text):
    assert _has_tally_word(text) == bool(_TALLY_WORD.search(text))


def test_token_table_keeps_designations_and_decomposed_letters_whole():
    assert [t[2] for t in _tokens("Kestrel-2 left orbit")] == ["Kestrel-2", "left", "orbit"]
    # "Noe" + a combining diaeresis is one word, composed, with the offsets of the text
    table = _tokens("Noe\u0308l Hart, 4,100 votes")
    assert table[0] == (0, 5, "Noël", "noël", True)
    assert [t[2] for t in table[1:]] == ["Hart", ",", "4,100", "votes"]


def test_tally_test_of_other_text_folds_case_as_the_regex_does():
    assert _has_tally_word("won by 31 \u017fEATS to 12")  # a long s, as re.I reads it
    assert not _has_tally_word("the Tromsø plan")


# clause words and marks next to verbs, some of which are clause words themselves
_CLAUSE_PIECES = [" while ", " when ", ", which ", ", and ", "; ", ": The", " - ", " \u2013 ", " whereas ", "  ", ","]
_CLAUSE_WORDS = ["rose", "opened", "while", "when", "where", "whereas", "as", "and", "WHILE", "whereaſ"]
CLAUSE_TEXT = st.lists(st.one_of(st.sampled_from(_CLAUSE_PIECES), st.sampled_from(_CLAUSE_WORDS)), max_size=16).map(
    "".join
)


@settings(max_examples=500, deadline=None)
@given(CLAUSE_TEXT)
def test_the_cut_after_a_verb_is_the_scans_first_cut_after_it(text):
    # (a predicate is a word: a mark such as ";" is never the verb a cut is looked for after)
    for token in (t for t in _tokens(text) if t[2][0].isalpha()):
        at, verb = token[1], token[3]
        scanned = next((m for m in _CLAUSE.finditer(text) if m.start() >= at), None)
        found = _next_clause(text, at, verb)
        assert (found and found.span()) == (scanned and scanned.span()), (text, verb)
