"""The gazetteer lookup by first word finds exactly what one alternation of every name finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.extract.entities import _place_matches
from checker.extract.gazetteer import gazetteer

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

TEXTS = [
    "The museum in Oslo opened on May 3, 2001, and a branch in Rio de Janeiro followed.",
    "Talks moved from Port-au-Prince to Santo Domingo; New York-based Acme said Saint Petersburg's port was shut.",
    "Xi-an is not Xi'an, and Parisian is not Paris, but Paris, Texas and Paris.",
    "flights to Lima_ and ZLima are no places; (Moscow) and 'Beijing' are",
    # names whose first word is not capitalised: matched whole, never inside another word
    "Talks at the Kremlin, then the White House; theKremlin and bathe Kremlin staff are not.",
    "A bus from eMbalenhle to 6th of October City, not 16th of October City nor 6thof October City.",
    "Ürümqi and Ålesund, then Çorum; ÜrümqiX is no place, and neither is the Élyséee.",
]
CORPUS = Path(__file__).resolve().parent / "cases" / "corpus"
DEV_SPLITS = ("dev", "dev2", "dev3")  # the tuning splits only


def _alternation() -> re.Pattern:
    names = sorted(gazetteer(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w])")


@pytest.mark.parametrize("text", TEXTS)
def test_lookup_matches_the_alternation(text):
    want = [(m.start(), m.end(), m.group(1)) for m in _alternation().finditer(text)]
    assert _place_matches(text) == want


def test_lookup_matches_the_alternation_on_the_dev_corpora():
    from ruamel.yaml import YAML

    rx = _alternation()
    checked = 0
    for split in DEV_SPLITS:
        for case in sorted((CORPUS / split).glob("*.yaml")):
            data = YAML(typ="safe").load(case.read_text(encoding="utf-8"))
            for text in [data["source"], *(c["text"] for c in data["claims"])]:
                assert _place_matches(text) == [(m.start(), m.end(), m.group(1)) for m in rx.finditer(text)], case.name
                checked += 1
    assert checked > 100


def test_lookup_matches_the_alternation_on_the_seed_documents():
    if not SEEDS.is_dir():
        pytest.skip("needs ../shared/seeds beside the repository (absent here)")
    rx = _alternation()
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert _place_matches(text) == [(m.start(), m.end(), m.group(1)) for m in rx.finditer(text)], path.name
