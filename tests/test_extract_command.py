"""'claimcheck extract': a draft's checkable sentences as a claim file that loads back, with stable ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from checker.extract import Extractor
from checker.extract_claims import claim_id, claims_yaml, extract_claims
from checker.ingest.claims_file import load_claim_file
from checker.ingest.text import build_document

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEED_NEWS = sorted((SHARED / "seeds").glob("000_*.txt")) if (SHARED / "seeds").is_dir() else []

DRAFT = """---
title: Notes on the visits
date: 2024-05-20
---

# Notes on the visits

Vladimir Putin arrived in Beijing on May 16, 2024 for a two-day state visit.

The weather in the capital was pleasant and the streets were quiet.

Trade between the two countries reached $240 billion last year.
"""


run = run_cli


def texts(path: Path) -> list[str]:
    cf, _ = load_claim_file(path)
    return [c.text for c in cf.claims]


def test_checkable_sentences_become_claims_that_load_back(tmp_path):
    (tmp_path / "draft.md").write_text(DRAFT)
    result = run(["extract", "draft.md", "-o", "claims.yaml"], tmp_path)
    assert result.exit_code == 0, result.output
    cf, locs = load_claim_file(tmp_path / "claims.yaml")
    assert [c.text for c in cf.claims] == [
        "Vladimir Putin arrived in Beijing on May 16, 2024 for a two-day state visit.",
        "Trade between the two countries reached $240 billion last year.",
    ]
    assert cf.document_date.isoformat() == "2024-05-20"  # "last year" resolves as in the draft
    assert cf.claims[0].id.startswith("vladimir-putin-arrived-in-beijing-on-")
    raw = (tmp_path / "claims.yaml").read_text()
    assert "# from draft.md:8:1 (section: Notes on the visits)" in raw
    assert "# from draft.md:12:1" in raw
    # the claim location points at the text inside the YAML file
    line = raw.splitlines()[locs[cf.claims[1].id].line - 1]
    assert cf.claims[1].text in line


def test_ids_survive_moving_and_editing_elsewhere(tmp_path):
    (tmp_path / "draft.md").write_text(DRAFT)
    run(["extract", "draft.md", "-o", "a.yaml"], tmp_path)
    edited = DRAFT.replace("# Notes on the visits\n", "# Notes on the visits\n\nA new opening paragraph.\n\n\n")
    edited = edited.replace("The weather", "The weather on Thursday")  # now checkable, a new claim
    (tmp_path / "draft.md").write_text(edited)
    run(["extract", "draft.md", "-o", "b.yaml"], tmp_path)
    a, _ = load_claim_file(tmp_path / "a.yaml")
    b, _ = load_claim_file(tmp_path / "b.yaml")
    ids_a = {c.text: c.id for c in a.claims}
    ids_b = {c.text: c.id for c in b.claims}
    assert all(ids_b[t] == i for t, i in ids_a.items())
    assert len(ids_b) == len(ids_a) + 1


def test_id_is_slug_plus_hash_of_normalised_text():
    assert claim_id("Putin  arrived in\nBeijing.") == claim_id("putin arrived in Beijing.")
    assert claim_id("Putin arrived in Beijing.") != claim_id("Putin arrived in Harbin.")
    assert claim_id("Über 40 Gäste kamen am 3. Mai.").startswith("uber-40-gaste-kamen-am-3-")
    assert claim_id("¿?").startswith("claim-")


def test_never_overwrites_without_force_and_writes_atomically(tmp_path):
    (tmp_path / "draft.md").write_text(DRAFT)
    (tmp_path / "claims.yaml").write_text("# mine, hand-edited\n")
    result = run(["extract", "draft.md", "-o", "claims.yaml"], tmp_path)
    assert result.exit_code == 2
    assert "claims.yaml exists; not overwriting it (use --force)" in result.stderr
    assert (tmp_path / "claims.yaml").read_text() == "# mine, hand-edited\n"
    assert run(["extract", "draft.md", "-o", "claims.yaml", "--force"], tmp_path).exit_code == 0
    assert len(texts(tmp_path / "claims.yaml")) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.yaml", "draft.md"]  # no temp files left


def test_stdout_and_input_errors(tmp_path):
    (tmp_path / "draft.md").write_text(DRAFT)
    result = run(["extract", "draft.md"], tmp_path)
    assert result.exit_code == 0 and "claims:" in result.stdout
    assert run(["extract", "missing.md"], tmp_path).exit_code == 2
    (tmp_path / "notes.csv").write_text("a,b\n")
    bad = run(["extract", "notes.csv"], tmp_path)
    assert bad.exit_code == 2 and "unsupported document type '.csv'" in bad.stderr


@pytest.mark.parametrize(
    "sentence",
    [
        'Officials said: "40 ships left on May 3, 2021" # not a comment',
        "* 12 members voted on 4 June 2020, a backslash \\ and a tab\tincluded.",
        "!important: 30 percent of 1,200 voters agreed in 2019 & 'quoted' text.",
        "- 15 delegates arrived on Monday, {braces} and [brackets] too.",
    ],
)
def test_awkward_sentences_round_trip_exactly(tmp_path, sentence):
    doc = build_document("d.md", sentence + "\n", kind="markdown")
    claims = extract_claims(doc)
    assert claims, "the sentence should count as checkable"
    out = tmp_path / "c.yaml"
    out.write_text(claims_yaml(doc, claims))
    assert texts(out) == [" ".join(sentence.split())]


def test_link_targets_and_inline_code_do_not_make_a_sentence_checkable():
    sentence = 'Read [the piece](https://example.org/r "Published in May 2019") or type `since 30 days` in the box.'
    raw_facts = Extractor().extract(sentence)
    assert raw_facts.dates or raw_facts.quantities  # the markup alone would have produced facts
    doc = build_document("d.md", f"# T\n\n{sentence}\n\nThe summit took place on 4 June 2020.\n", kind="markdown")
    assert [c.text for c in extract_claims(doc)] == ["The summit took place on 4 June 2020."]


def test_duplicate_sentences_become_one_claim_with_both_locations():
    text = "# T\n\nThe summit took place on 4 June 2020.\n\nLater on.\n\nThe summit took place on 4 June 2020.\n"
    doc = build_document("d.md", text, kind="markdown")
    (claim,) = extract_claims(doc)
    assert claim.where == ["d.md:3:1", "d.md:7:1"]


@pytest.mark.skipif(not SEED_NEWS, reason="../shared/seeds is not available")
def test_seed_article_extracts_to_a_loadable_claim_file(tmp_path):
    seed = SEED_NEWS[0]
    (tmp_path / "article.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    result = run(["extract", "article.txt", "-o", "claims.yaml"], tmp_path)
    assert result.exit_code == 0, result.output
    cf, _ = load_claim_file(tmp_path / "claims.yaml")
    source = " ".join(seed.read_text(encoding="utf-8").split())
    assert len(cf.claims) >= 5
    assert all(c.text in source for c in cf.claims)
    assert str(cf.document_date) == "2024-05-15"
    assert len({c.id for c in cf.claims}) == len(cf.claims)
    # re-running gives the same file, byte for byte
    run(["extract", "article.txt", "-o", "again.yaml"], tmp_path)
    assert (tmp_path / "again.yaml").read_text() == (tmp_path / "claims.yaml").read_text()
