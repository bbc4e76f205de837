"""The accuracy harness: gold categories, metrics, the baseline, loaders and one real check."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.accuracy import baseline as base
from benchmarks.accuracy.datasets import LOADERS, Item, changed_categories, sample
from benchmarks.accuracy.run import Outcome, confusion, run_checker, score_set, summary_table, wilson

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DATASETS = SHARED / "datasets"
needs_shared = pytest.mark.skipif(not DATASETS.is_dir(), reason="../shared/datasets is absent")


# --------------------------------------------------------------------------- gold categories


def test_changed_figure_in_a_minimal_pair_is_a_number_and_a_figure():
    cats = changed_categories("Sales grew 12% to $4.1 billion.", "Sales grew 9% to $4.1 billion.")
    assert cats == {"figure", "number"}


def test_changed_year_and_month_are_dates_not_numbers():
    assert changed_categories("The plant opened in March 2019.", "The plant opened in March 2018.") == {"figure", "date"}
    assert changed_categories("The plant opened in June.", "The plant opened in March.") == {"date"}
    assert changed_categories("Profit rose in the third quarter.", "Profit rose in the fourth quarter.") == {"date"}


def test_changed_city_is_a_place_and_changed_surname_a_name():
    assert changed_categories("The talks took place in Madrid.", "The talks took place in Lisbon.") == {"place"}
    assert changed_categories("The report was written by Ana Varga.", "The report was written by Ana Kovacs.") == {"name"}


def test_identical_texts_have_no_change_and_commas_in_figures_do_not_count():
    assert changed_categories("About 1,200 people came.", "About 1200 people came.") == frozenset()


def test_one_way_diff_only_counts_what_the_claim_adds():
    # the evidence states more than the claim; nothing the claim says is absent from it
    cats = changed_categories("The film came out in 2011.", "The 2011 film was shot in Lyon over 40 days.", symmetric=False)
    assert cats == frozenset()
    assert changed_categories("The film came out in 2012.", "The 2011 film was shot in Lyon.", symmetric=False) == {"figure", "date"}


# --------------------------------------------------------------------------- metrics


def test_confusion_counts_precision_recall_and_balanced_accuracy():
    m = confusion([True, True, False, False, True], [True, False, True, False, True])
    assert (m["tp"], m["fp"], m["fn"], m["tn"]) == (2, 1, 1, 1)
    assert m["precision"] == pytest.approx(2 / 3)
    assert m["recall"] == pytest.approx(2 / 3)
    assert m["balanced_accuracy"] == pytest.approx((2 / 3 + 1 / 2) / 2)


def test_precision_is_undefined_when_nothing_is_flagged():
    m = confusion([False, False], [True, False])
    assert m["precision"] is None and m["recall"] == 0 and m["balanced_accuracy"] == 0.5


def test_wilson_interval_contains_the_proportion_and_is_wide_for_few_flags():
    lo, hi = wilson(3, 3)
    assert lo < 1 <= hi + 1e-12 and lo < 0.5
    lo2, hi2 = wilson(300, 300)
    assert lo2 > 0.98


def test_baseline_auc_and_threshold_on_a_separable_toy_set():
    scored = [(40.0, True), (55.0, True), (90.0, False), (95.0, False)]
    assert base.auc(scored) == 1.0
    assert base.auc([(s, not y) for s, y in scored]) == 0.0
    t = base.tune_threshold(scored)
    assert 55.0 < t <= 90.0
    assert base.auc([(50.0, True), (50.0, False)]) == 0.5


def test_baseline_similarity_drops_when_a_figure_changes():
    source = "The council approved a budget of 40 million euros. The vote was held on Tuesday."
    same = base.similarity("The council approved a budget of 40 million euros.", source)
    changed = base.similarity("The council approved a budget of 70 million euros.", source)
    assert same == 100 and changed < same


def test_score_set_per_category_recall_uses_all_not_refuted_items_as_negatives():
    items = [Item("t", "1", "c", "s", True, "r", categories=frozenset({"date"})),
             Item("t", "2", "c", "s", True, "r", categories=frozenset({"number"})),
             Item("t", "3", "c", "s", False, "ok"),
             Item("t", "4", "c", "s", False, "nei", binary=False)]
    outcomes = [Outcome("contradicted", [{"category": "date"}]), Outcome("unverified"),
                Outcome("supported"), Outcome("unverified")]
    res = score_set(items, outcomes, [10.0, 95.0, 99.0, 20.0], threshold=50)
    assert res["overall"]["checker"]["precision"] == 1.0
    assert res["overall"]["checker"]["recall"] == 0.5
    assert res["gold_categories"]["date"]["checker"]["recall"] == 1.0
    assert res["gold_categories"]["date"]["checker"]["n"] == 2  # the NEI item is not a negative
    assert res["finding_categories"]["date"] == {"flagged": 1, "tp": 1, "precision": 1.0,
                                                 "precision_ci95": wilson(1, 1)}
    assert res["overall"]["baseline"]["fp"] == 1  # the NEI item scored 20 < 50
    assert res["overall"]["abstention_rate"] == 0.5


def test_summary_pools_the_figure_edits_of_both_summedits_sets():
    def one(flag_first: bool):
        items = [Item("t", "1", "c", "s", True, "r", categories=frozenset({"figure", "number"})),
                 Item("t", "2", "c", "s", True, "r", categories=frozenset({"figure", "number"})),
                 Item("t", "3", "c", "s", False, "ok")]
        outcomes = [Outcome("contradicted" if flag_first else "unverified"), Outcome("unverified"),
                    Outcome("unverified")]
        return score_set(items, outcomes, [10.0, 10.0, 99.0], threshold=50)
    table = summary_table({"summedits_ectsum": one(True), "summedits_news": one(False)})
    # 1 of 4 figure edits caught, both consistent items left alone: BA (25 + 100) / 2
    assert "all SummEdits sets pooled: BA 62.5" in table and "tp 1, fn 3, fp 0, tn 2" in table


def test_sample_is_fixed_by_seed_and_keeps_order():
    items = [Item("t", str(i), "c", "s", i % 2 == 0, "x") for i in range(50)]
    a, b = sample(items, 10, seed=3), sample(items, 10, seed=3)
    assert [i.id for i in a] == [i.id for i in b]
    assert [int(i.id) for i in a] == sorted(int(i.id) for i in a)
    assert len(sample(items, None)) == 50


# --------------------------------------------------------------------------- through the real checker


def test_run_checker_flags_a_wrong_visit_date_against_its_source(tmp_path):
    source = ("President Boris Yeltsin visited Beijing on November 9-11, 1997.\n\n"
              "He held talks with Jiang Zemin on the border question.")
    wrong = Item("t", "w", "President Boris Yeltsin visited Beijing on April 2-4, 1997.", source, True, "r")
    right = Item("t", "r", "President Boris Yeltsin visited Beijing on November 10, 1997.", source, False, "s")
    out_wrong = run_checker(wrong, tmp_path / "w")
    out_right = run_checker(right, tmp_path / "r")
    assert out_wrong.verdict == "contradicted"
    assert {f["category"] for f in out_wrong.findings} == {"date"}
    assert out_wrong.findings[0]["evidence"] == "November 9-11, 1997"
    assert out_wrong.findings[0]["evidence_passage"].startswith("President Boris Yeltsin visited")
    assert out_right.verdict != "contradicted"


def test_run_checker_compares_a_figure_of_the_same_measure_without_an_event(tmp_path):
    item = Item("t", "x", "The lake is 12 km long.", "The lake is 15 km long and 3 km wide.", True, "r")
    out = run_checker(item, tmp_path / "x")
    assert not out.has_event and out.has_typed
    assert out.verdict == "contradicted"
    assert [(f["rule"], f["evidence"]) for f in out.findings] == [("CC-NUM-002", "15 km")]


def test_a_claim_with_no_typed_fact_is_still_read_against_its_cited_source(tmp_path):
    # "in Q1" is no date fact (no year), but the claim cites its source, whose every passage
    # the claim rules read
    item = Item("t", "x", "Net income on a GAAP basis fell in Q1 against last year.",
                "Net income on a GAAP basis in the second quarter fell to a low level.", True, "r")
    out = run_checker(item, tmp_path / "x")
    assert out.verdict == "contradicted"
    assert [(f["rule"], f["claim_value"], f["evidence_value"]) for f in out.findings] == [("CC-DATE-002", "Q1", "Q2")]


def test_run_checker_abstains_when_the_source_gives_no_figure_of_that_measure(tmp_path):
    item = Item("t", "x", "The lake is 12 km long.", "The new ferry pier is 15 km from the town hall.", False, "s")
    out = run_checker(item, tmp_path / "x")
    assert out.verdict == "unverified" and out.has_typed


# --------------------------------------------------------------------------- loaders on the real files


@needs_shared
@pytest.mark.parametrize("name,n,refuted", [
    ("vitaminc", 100, 34), ("summedits_ectsum", 668, 426), ("summedits_news", 819, 498),
    ("frank", 1575, 1008), ("fever_symmetric", 712, 356), ("check_covid_numeric", 31, 13),
    ("check_covid_temporal", 42, 20),
])
def test_loaders_read_the_documented_counts(name, n, refuted):
    items = LOADERS[name](DATASETS)
    assert len(items) == n
    assert sum(it.refuted for it in items) == refuted
    assert all(it.claim.strip() and it.source.strip() for it in items)


@needs_shared
def test_summedits_ectsum_figure_edits_match_the_dataset_readme():
    items = LOADERS["summedits_ectsum"](DATASETS)
    assert sum("figure" in it.categories for it in items if it.refuted) == 206
    assert not any(it.categories for it in items if not it.refuted)


@needs_shared
def test_frank_time_location_errors_match_the_dataset_readme():
    items = LOADERS["frank"](DATASETS)
    assert sum("circ" in it.categories for it in items) == 285
    assert sum("ent" in it.categories for it in items) == 447


def test_probe_compares_figures_only_on_the_best_aligned_sentence():
    from benchmarks.accuracy.probe import probe

    source = "The firm sold 1,200 tractors in 2020. Its staff grew to 300 workers."
    hits = probe("The firm sold 1,500 tractors in 2020.", source, summary=False)
    assert [(h.category, h.evidence_sentence) for h in hits] == [("number", "The firm sold 1,200 tractors in 2020.")]
    assert probe("The firm sold 1,200 tractors in 2020.", source, summary=False) == []
    assert [h.category for h in probe("The firm sold 1,200 tractors in 2017.", source, summary=False)] == ["date"]
