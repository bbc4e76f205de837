"""What a figure measures: the words and the period that say which figures may be compared."""

from __future__ import annotations

from checker.extract import Extractor
from checker.extract.measures import context_words, in_comparison_base, measure_similarity, measures


def figures(text: str) -> dict:
    facts = Extractor().extract(text)
    return {m.quantity.text: m for m in measures(text, facts.quantities)}


def test_each_figure_gets_the_words_of_its_own_stretch():
    f = figures("Net income was $98.9 million, or $1.49 per diluted share.")
    assert {"net", "income"} <= set(f["$98.9 million"].words)
    assert "share" in f["$1.49"].words
    # the per-share figure is named by its own words first, the income's at a lower weight
    assert f["$1.49"].words["share"] > f["$1.49"].words.get("income", 0)


def test_a_change_inherits_the_measure_of_the_figure_before_it():
    f = figures("Adjusted earnings per share was $0.34, up 17% from a year ago.")
    assert {"earnings", "share"} <= set(f["17%"].words)


def test_periods_are_read_from_quarter_words_and_years():
    f = figures("Revenue for the first quarter was $1.1 billion. For the full year 2021 we expect $4.2 billion.")
    assert f["$1.1 billion"].period == {"q1"}
    assert {"full-year", "2021"} <= f["$4.2 billion"].period


def test_similar_measures_score_high_and_other_periods_score_zero():
    a = figures("First-quarter earnings per share of $6.52.")["$6.52"]
    b = figures("Our first quarter earnings per share was $5.52.")["$5.52"]
    c = figures("Capital spending should reach $90 million.")["$90 million"]
    d = figures("Fourth-quarter earnings per share was $2.10.")["$2.10"]
    assert measure_similarity(a, b) > 0.6
    assert measure_similarity(a, c) == 0.0
    assert measure_similarity(a, d) == 0.0  # Q1 against Q4


def test_synonyms_name_one_measure():
    a = figures("EPS came in at $3.50.")["$3.50"]
    b = figures("Earnings per share were $3.40.")["$3.40"]
    assert measure_similarity(a, b) > 0.5


def test_a_comparison_base_year_is_not_the_figure_period():
    f = figures("Diluted EPS of $3.50 in 2021 rose 34.6% from 2020.")
    assert "2020" not in f["34.6%"].period


def test_quarter_codes_are_periods():
    from checker.extract.measures import periods_differ

    a = figures("Q1 revenue was $2.1 billion.")["$2.1 billion"]
    b = figures("Revenue in the second quarter was $2.4 billion.")["$2.4 billion"]
    c = figures("Revenue for the third quarter of 2019 was $2.0 billion.")["$2.0 billion"]
    d = figures("Revenue for the third quarter of 2020 was $2.2 billion.")["$2.2 billion"]
    assert a.period == {"q1"} and periods_differ(a, b)
    assert periods_differ(c, d)  # the same quarter of another year


def test_respectively_pairs_each_figure_with_its_own_item():
    f = figures("Quarterly revenues and earnings increased by 19% and 38% respectively.")
    assert "revenue" in f["19%"].words and "earnings" not in f["19%"].words
    assert "earnings" in f["38%"].words and "revenue" not in f["38%"].words


def test_respectively_with_an_ambiguous_list_is_left_alone():
    # three figures but four items ("retail and recreation places" is one): no pairing is safe
    text = "Visits to retail and recreation places, transit stations and parks fell by 94%, 88% and 89% respectively."
    paired, plain = figures(text), figures(text.replace(" respectively", ""))
    assert all(paired[k].words == plain[k].words for k in ("94%", "88%", "89%"))


def test_a_possessive_names_the_same_thing_and_company_names_nothing():
    f = figures("The company's Q2 revenue rose to $5 billion.")
    assert "company" not in f["$5 billion"].words and "company'" not in f["$5 billion"].words
    assert "revenue" in f["$5 billion"].words


def test_a_span_after_a_comparison_word_is_a_comparison_base():
    text = "Revenue rose 17% in the third quarter of 2020 from $0.29 in the third quarter of 2019."
    assert not in_comparison_base(text, text.index("the third quarter of 2020"))
    assert in_comparison_base(text, text.index("the third quarter of 2019"))
    text = "That compares with $0.29 in Q3 2019, while comparable sales in Q3 2020 rose."
    assert in_comparison_base(text, text.index("Q3 2019"))
    assert not in_comparison_base(text, text.index("Q3 2020"))


def test_context_words_of_a_date_are_what_happened_then():
    text = "Third quarter 2020 earnings were $0.34 per diluted share."
    words = context_words(text, 0, len("Third quarter 2020"), [(text.index("$0.34"), text.index("$0.34") + 5)])
    assert "earnings" in words and "share" not in words


def test_a_change_after_an_aside_measures_the_figure_before_the_aside():
    f = figures(
        "We expect operating EBITDA of about 4.03 billion, at the midpoint of the range, "
        "a year-over-year increase of 17%."
    )
    assert {"operating", "ebitda"} <= set(f["17%"].words)
    # a figure with words of its own after the comma does not take the figure before it
    g = figures("Revenue was $5 billion, while capital spending rose 17%.")
    assert "capital" in g["17%"].words and "revenue" not in g["17%"].words


def test_a_comparison_word_of_another_clause_makes_no_base():
    from checker.extract.measures import in_comparison_base

    base = "Earnings were up 17% from $0.29 in the third quarter of 2019."
    assert in_comparison_base(base, base.index("2019"))
    other = "The show of objects from the wreck had sold 86,000 tickets since it opened on 14 July."
    assert not in_comparison_base(other, other.index("14 July"))  # "from" is the objects', not the date's
