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
    assert changed_categories("The plant opened in March 2019.", "The plant opened in March 2018.") == {
        "figure",
        "date",
    }
    assert changed_categories("The plant opened in June.", "The plant opened in March.") == {"date"}
    assert changed_categories("Profit rose in the third quarter.", "Profit rose in the fourth quarter.") == {"date"}


def test_changed_city_is_a_place_and_changed_surname_a_name():
    assert changed_categories("The talks took place in Madrid.", "The talks took place in Lisbon.") == {"place"}
    assert changed_categories("The report was written by Ana Varga.", "The report was written by Ana Kovacs.") == {
        "name"
    }


def test_identical_texts_have_no_change_and_commas_in_figures_do_not_count():
    assert changed_categories("About 1,200 people came.", "About 1200 people came.") == frozenset()


def test_one_way_diff_only_counts_what_the_claim_adds():
    # the evidence states more than the claim; nothing the claim says is absent from it
    cats = changed_categories(
        "The film came out in 2011.", "The 2011 film was shot in Lyon over 40 days.", symmetric=False
    )
    assert cats == frozenset()
    assert changed_categories("The film came out in 2012.", "The 2011 film was shot in Lyon.", symmetric=False) == {
        "figure",
        "date",
    }


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
    items = [
        Item("t", "1", "c", "s", True, "r", categories=frozenset({"date"})),
        Item("t", "2", "c", "s", True, "r", categories=frozenset({"number"})),
        Item("t", "3", "c", "s", False, "ok"),
        Item("t", "4", "c", "s", False, "nei", binary=False),
    ]
    outcomes = [
        Outcome("contradicted", [{"category": "date"}]),
        Outcome("unverified"),
        Outcome("supported"),
        Outcome("unverified"),
    ]
    res = score_set(items, outcomes, [10.0, 95.0, 99.0, 20.0], threshold=50)
    assert res["overall"]["checker"]["precision"] == 1.0
    assert res["overall"]["checker"]["recall"] == 0.5
    assert res["gold_categories"]["date"]["checker"]["recall"] == 1.0
    assert res["gold_categories"]["date"]["checker"]["n"] == 2  # the NEI item is not a negative
    assert res["finding_categories"]["date"] == {
        "flagged": 1,
        "tp": 1,
        "precision": 1.0,
        "precision_ci95": wilson(1, 1),
    }
    assert res["overall"]["baseline"]["fp"] == 1  # the NEI item scored 20 < 50
    assert res["overall"]["abstention_rate"] == 0.5


def test_summary_pools_the_figure_edits_of_both_summedits_sets():
    def one(flag_first: bool):
        items = [
            Item("t", "1", "c", "s", True, "r", categories=frozenset({"figure", "number"})),
            Item("t", "2", "c", "s", True, "r", categories=frozenset({"figure", "number"})),
            Item("t", "3", "c", "s", False, "ok"),
        ]
        outcomes = [
            Outcome("contradicted" if flag_first else "unverified"),
            Outcome("unverified"),
            Outcome("unverified"),
        ]
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
    source = (
        "President Boris Yeltsin visited Beijing on November 9-11, 1997.\n\n"
        "He held talks with Jiang Zemin on the border question."
    )
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
    assert [(f["rule"], f["evidence"]) for f in out.findings] == [
        ("CC-NUM-001", "15 km")
    ]  # the statement core aligns "the lake"


def test_a_claim_with_no_typed_fact_is_still_read_against_its_cited_source(tmp_path):
    # "in Q1" is no date fact (no year), but the claim cites its source, whose every passage
    # the claim rules read
    item = Item(
        "t",
        "x",
        "Net income on a GAAP basis fell in Q1 against last year.",
        "Net income on a GAAP basis in the second quarter fell to a low level.",
        True,
        "r",
    )
    out = run_checker(item, tmp_path / "x")
    assert out.verdict == "contradicted"
    assert [(f["rule"], f["claim_value"], f["evidence_value"]) for f in out.findings] == [("CC-DATE-002", "Q1", "Q2")]


def test_run_checker_abstains_when_the_source_gives_no_figure_of_that_measure(tmp_path):
    item = Item("t", "x", "The lake is 12 km long.", "The new ferry pier is 15 km from the town hall.", False, "s")
    out = run_checker(item, tmp_path / "x")
    assert out.verdict == "unverified" and out.has_typed


# --------------------------------------------------------------------------- loaders on the real files


@needs_shared
@pytest.mark.parametrize(
    "name,n,refuted",
    [
        ("vitaminc", 100, 34),
        ("summedits_ectsum", 668, 426),
        ("summedits_news", 819, 498),
        ("frank", 1575, 1008),
        ("fever_symmetric", 712, 356),
        ("check_covid_numeric", 31, 13),
        ("check_covid_temporal", 42, 20),
    ],
)
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


# --------------------------------------------------------------------------- dev / test splits


def _it(i, keys=(), refuted=False, binary=True, set_="t"):
    return Item(set_, str(i), "c", "s", refuted, "x", binary=binary, keys=tuple(keys))


def test_split_keeps_items_that_share_a_document_on_one_side_and_is_fixed():
    from benchmarks.accuracy.datasets import split_of

    # 60 documents of 5 items each; a contrastive pair links doc 0 and doc 1 through a claim key
    items = [_it(f"{d}-{k}", [f"doc:{d}"]) for d in range(60) for k in range(5)]
    items.append(_it("pair", ["doc:0", "claim:x"]))
    items.append(_it("pair2", ["doc:1", "claim:x"]))
    sides = split_of(items, "fam")
    by_doc = {}
    for it, s in zip(items, sides):
        for key in it.keys:
            if key.startswith("doc:"):
                by_doc.setdefault(key, set()).add(s)
    assert all(len(v) == 1 for v in by_doc.values())
    assert by_doc["doc:0"] == by_doc["doc:1"]
    assert split_of(items, "fam") == sides  # no randomness left
    assert {"dev", "test"} == set(sides)


def test_split_of_a_group_does_not_depend_on_the_other_groups():
    from benchmarks.accuracy.datasets import split_of

    items = [_it(i, [f"doc:{i}"]) for i in range(40)]
    more = items + [_it(i, [f"doc:{i}"]) for i in range(40, 80)]
    assert split_of(more, "fam")[:40] == split_of(items, "fam")
    # a different family (or seed) is a different cut
    assert split_of(items, "other") != split_of(items, "fam")


def test_split_fraction_is_near_the_dev_fraction_on_many_groups():
    from benchmarks.accuracy.datasets import DEV_FRACTION, split_of

    sides = split_of([_it(i, [f"doc:{i}"]) for i in range(4000)], "fam")
    assert abs(sides.count("dev") / len(sides) - DEV_FRACTION) < 0.03


def test_upstream_dev_material_is_dev_unless_it_shares_a_group_with_test_items():
    from benchmarks.accuracy.datasets import split_of

    own = [_it(i, [f"doc:{i}"]) for i in range(50)]
    extra = [_it(f"e{i}", [f"doc:{i}"]) for i in range(50)] + [_it(f"solo{i}", [f"solo:{i}"]) for i in range(50)]
    sides = split_of(own + extra, "fam", dev_only=[False] * 50 + [True] * 100)
    # an extra item sharing doc:i follows the hash of doc:i; an extra item alone is always dev
    assert sides[50:100] == sides[:50]
    assert set(sides[100:]) == {"dev"}


@needs_shared
def test_load_splits_partitions_each_set_by_document_and_keeps_test_only_sets_out_of_dev():
    from benchmarks.accuracy.datasets import DEV_EXTRA, TEST_ONLY, _groups, load_splits

    splits = load_splits(DATASETS)
    assert set(splits) == set(LOADERS)
    for name, parts in splits.items():
        own = {it.id for it in LOADERS[name](DATASETS)}
        test_ids = [it.id for it in parts["test"]]
        assert set(test_ids) <= own and len(test_ids) == len(set(test_ids))
        dev_own = [it.id for it in parts["dev"] if it.set == name]
        assert not set(dev_own) & set(test_ids)
        assert len(dev_own) + len(test_ids) == len(own)  # every item of the set is in one part
        if name in TEST_ONLY:
            assert parts["dev"] == []
        else:
            assert parts["dev"] and parts["test"]
            # no document group straddles the split
            both = parts["dev"] + parts["test"]
            groups = _groups(both)
            side = {}
            for g, s in zip(groups, ["dev"] * len(parts["dev"]) + ["test"] * len(parts["test"])):
                assert side.setdefault(g, s) == s
        if name in DEV_EXTRA:
            assert any(it.set != name for it in parts["dev"])
    # Check-COVID's two subsets share abstracts: each abstract is on one side in both
    where = {}
    for name in ("check_covid_numeric", "check_covid_temporal"):
        for s in ("dev", "test"):
            for it in splits[name][s]:
                assert where.setdefault(it.id.split(":")[1], s) == s


@needs_shared
@pytest.mark.parametrize(
    "name,n,refuted,nei",
    [
        ("wice", 358, 32, 215),
        ("averitec", 500, 305, 73),
        ("climate_fever", 1535, 253, 628),
    ],
)
def test_new_loaders_read_the_documented_counts(name, n, refuted, nei):
    items = LOADERS[name](DATASETS)
    assert len(items) == n
    assert sum(it.gold == "refuted" for it in items) == refuted
    assert sum(it.gold == "nei" for it in items) == nei
    assert all(it.claim.strip() and it.source.strip() for it in items)


@needs_shared
def test_wice_source_is_the_union_of_the_oracle_chunks_in_article_order():
    items = {it.id: it for it in LOADERS["wice"](DATASETS)}
    it = items["test00561"]
    assert it.gold == "nei" and it.label == "partially_supported"
    paras = it.source.split("\n\n")
    assert paras[0].startswith("(meta data) TITLE: Irene Hervey") and "July 11, 1909" in paras
    assert len(paras) == len(set(paras))


# --------------------------------------------------------------------------- supported and typed facts


def test_score_set_scores_supported_against_gold_supported_for_checker_and_baseline():
    items = [
        Item("t", "1", "c", "s", False, "ok"),
        Item("t", "2", "c", "s", False, "ok"),
        Item("t", "3", "c", "s", True, "r"),
        Item("t", "4", "c", "s", False, "nei", binary=False),
    ]
    outcomes = [Outcome("supported"), Outcome("unverified"), Outcome("supported"), Outcome("supported")]
    res = score_set(items, outcomes, [90.0, 95.0, 10.0, 99.0], threshold=50)
    sup = res["overall"]["supported"]
    # gold supported: items 1 and 2; the refuted and the NEI item called supported are false
    assert (sup["checker"]["tp"], sup["checker"]["fp"], sup["checker"]["fn"]) == (1, 2, 1)
    assert sup["checker"]["precision_ci95"] == wilson(1, 3)
    # the baseline says supported at or above the threshold: items 1, 2 and 4
    assert (sup["baseline"]["tp"], sup["baseline"]["fp"]) == (2, 1)
    assert res["overall"]["gold"] == {"supported": 2, "refuted": 1, "nei": 1}


def test_typed_fact_pools_figure_date_and_circumstance_errors_of_the_listed_sets():
    from benchmarks.accuracy.datasets import typed_fact

    fig = Item("t", "1", "c", "s", True, "r", categories=frozenset({"figure", "number"}))
    name = Item("t", "2", "c", "s", True, "r", categories=frozenset({"name"}))
    circ = Item("t", "3", "c", "s", True, "r", categories=frozenset({"circ", "ent"}))
    assert typed_fact("summedits_news", fig) and not typed_fact("summedits_news", name)
    assert typed_fact("frank", circ) and not typed_fact("frank", fig)  # FRANK: CircE only
    assert not typed_fact("fever_symmetric", fig)  # not one of the typed-fact sets
    assert not typed_fact("vitaminc", Item("t", "4", "c", "s", False, "ok", categories=frozenset({"figure"})))


def test_typed_fact_scores_pool_recall_and_count_false_flags_on_supported_items():
    from benchmarks.accuracy.run import typed_fact_scores

    recs = [
        ("a", "typed", True, True),
        ("a", "typed", False, True),
        ("b", "typed", True, False),
        ("b", "not_refuted", True, True),
        ("b", "not_refuted", False, False),
        ("b", "other", True, True),
    ]
    t = typed_fact_scores(recs)
    assert t["pooled"]["checker"]["recall"] == pytest.approx(2 / 3)
    assert t["pooled"]["checker"]["recall_ci95"] == wilson(2, 3)
    assert t["pooled"]["checker"]["fp_on_not_refuted"] == 1 and t["pooled"]["checker"]["not_refuted"] == 2
    assert t["per_set"]["a"]["baseline"]["recall"] == 1.0
    assert t["per_set"]["b"]["checker"]["n"] == 1


def test_split_table_has_one_row_per_set_and_split_with_both_verdicts():
    from benchmarks.accuracy.run import split_table

    items = [Item("t", "1", "c", "s", True, "r"), Item("t", "2", "c", "s", False, "ok")]
    res = score_set(items, [Outcome("contradicted"), Outcome("supported")], [10.0, 99.0], threshold=50)
    table = split_table({"x": {"dev": res, "test": res}, "y": {"test": res}})
    rows = [line for line in table.splitlines() if line.startswith("| x") or line.startswith("| y")]
    assert [r.split(" | ")[1] for r in rows] == ["dev", "test", "test"]
    assert "100.0 (1/1) [21–100]" in rows[0]  # contradicted P with its Wilson interval


def test_fever_text_is_detokenized_to_prose():
    from benchmarks.accuracy.datasets import detokenize

    assert (
        detokenize("Shane Black -LRB- born December 16 , 1961 -RRB- is an American actor .")
        == "Shane Black (born December 16, 1961) is an American actor."
    )
