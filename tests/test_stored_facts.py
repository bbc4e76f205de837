"""Source passages' facts in the corpus store: a warm run decodes them instead of extracting,
and reads exactly what a fresh extraction would, whatever the claims of the run that stored them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from test_corpus_store import CORPUS_TEXTS, _check, _multi_source

from checker.engine import CheckConfig, Checker, check
from checker.extract import Extractor
from checker.extract.entities import EntityRegistry, NameReads
from checker.models import Facts
from checker.store import STORE_FILE, _hashed_files

REPO = Path(__file__).resolve().parent.parent


def _source_extractions(monkeypatch) -> list[str]:
    """Record the source passages the engine extracts (documents under check have no offset
    only when they are claims; a source passage always comes with its offset)."""
    texts: list[str] = []
    original = Extractor.extract

    def extract(self, text, **kw):
        if "offset" in kw:
            texts.append(text)
        return original(self, text, **kw)

    monkeypatch.setattr(Extractor, "extract", extract)
    return texts


def test_a_warm_check_decodes_every_source_passage_it_reads(tmp_path, monkeypatch):
    project = _multi_source(tmp_path)
    plain = _check(project, "--no-cache").stdout
    extracted = _source_extractions(monkeypatch)
    cold = _check(project, "--cache-dir", "cache").stdout
    draft = len(extracted) - len(_stored_rows(project))  # the draft's sentences: never stored
    assert len(_stored_rows(project)) > 100
    extracted.clear()
    warm = _check(project, "--cache-dir", "cache").stdout
    assert len(extracted) == draft == 3  # only the draft under check is read afresh
    assert plain == cold == warm


def test_with_two_jobs_the_workers_extractions_are_stored_too(tmp_path):
    project = _multi_source(tmp_path)
    one = _check(project, "--no-cache").stdout
    two = _check(project, "--cache-dir", "cache", "--jobs", "2").stdout
    stored = len(_stored_rows(project))
    again = _check(project, "--cache-dir", "cache", "--jobs", "2").stdout
    assert stored > 100 and len(_stored_rows(project)) == stored
    assert one == two == again


def _stored_rows(project: Path) -> list[tuple[str, int]]:
    conn = sqlite3.connect(project / "cache" / STORE_FILE)
    try:
        return conn.execute("SELECT path, idx FROM facts").fetchall()
    finally:
        conn.close()


# --------------------------------------------------------------------------- other claims
SOURCE = "# Visit\n\nPutin visited Harbin on 3 May 2019, officials said.\n\nThe talks lasted two days.\n"
WITHOUT_NAME = [{"id": "a", "text": "The delegation visited Harbin on 3 May 2019."}]
WITH_NAME = [{"id": "b", "text": "Vladimir Putin visited Harbin on 3 May 2019."}]


def _visit_project(root: Path) -> Path:
    (root / "src").mkdir()
    (root / "src" / "visit.md").write_text(SOURCE, encoding="utf-8")
    for name, claims in (("a.json", WITHOUT_NAME), ("b.json", WITH_NAME)):
        (root / name).write_text(json.dumps({"claims": claims}), encoding="utf-8")
    return root


def _visit_facts(root: Path, claims: str, cache: bool) -> Facts:
    config = CheckConfig(sources=[root / "src"], cache_dir=root / "cache" if cache else None, root=root)
    run = Checker(config).prepare([root / claims])
    doc = run.sources[0]
    index = next(p.index for p in doc.passages if p.text.startswith("Putin"))
    return run.rules.pairer.facts[(doc.path, index)]


def _person(facts: Facts) -> str:
    return next(e.canonical for e in facts.entities if e.kind == "person")


def test_a_name_the_claims_spell_out_is_not_read_from_an_older_extraction(tmp_path):
    root = _visit_project(tmp_path)
    config = CheckConfig(sources=[root / "src"], cache_dir=root / "cache", root=root)
    check([root / "a.json"], config)  # stores the passage as read without the full name
    assert _stored_rows(root)
    assert _person(_visit_facts(root, "a.json", cache=True)) == "Putin"
    # the claim file names Vladimir Putin: the stored reading no longer holds
    warm = _visit_facts(root, "b.json", cache=True)
    assert _person(warm) == "Vladimir Putin"
    assert warm == _visit_facts(root, "b.json", cache=False)
    check([root / "b.json"], config)  # writes its own reading back
    assert _visit_facts(root, "a.json", cache=True) == _visit_facts(root, "a.json", cache=False)


def test_facts_under_another_weekday_policy_are_not_read(tmp_path):
    root = _visit_project(tmp_path)
    for policy in ("auto", "past"):
        config = CheckConfig(sources=[root / "src"], cache_dir=root / "cache", root=root, weekday_policy=policy)
        check([root / "a.json"], config)
    conn = sqlite3.connect(root / "cache" / STORE_FILE)
    policies = {p for (p,) in conn.execute("SELECT DISTINCT policy FROM facts")}
    conn.close()
    assert policies == {"auto", "past"}


def test_damaged_stored_facts_are_extracted_again_with_a_warning(tmp_path):
    project = _multi_source(tmp_path)
    first = _check(project, "--cache-dir", "cache").stdout
    conn = sqlite3.connect(project / "cache" / STORE_FILE)
    conn.execute("UPDATE facts SET body = X'789c0000' WHERE idx % 2 = 0")
    conn.execute("UPDATE facts SET reads = X'00' WHERE idx % 2 = 1")
    conn.commit()
    conn.close()
    second = _check(project, "--cache-dir", "cache")
    assert "warning: corpus store" in second.stderr and "unreadable" in second.stderr
    assert second.stdout == first
    third = _check(project, "--cache-dir", "cache")
    assert "warning" not in third.stderr and third.stdout == first


def test_the_version_key_covers_the_extractors_and_their_data():
    package = REPO / "checker"
    hashed = {p.relative_to(package).as_posix() for p in _hashed_files()}
    for module in (package / "extract").glob("*.py"):
        assert f"extract/{module.name}" in hashed
    for data in (package / "data").iterdir():
        assert f"data/{data.name}" in hashed
    assert {"engine/facts.py", "ingest/markup.py", "models.py"} <= hashed


# --------------------------------------------------------------------------- registry reads
EXTRAS = [
    [],
    ["President Vladimir Putin spoke."],  # a full name for a lone "Putin"
    ["They were marking the date."],  # a capitalised word of the corpus is a common word here
    ["Minister Sergej Lavrov said so."],  # a third spelling of a known name
    ["The weather was mild in Oslo."],  # new words that no name reads
    ["Wang Yi met Wang Yong.", "Mr Wang said so."],  # a surname now shared
]
TEXTS = [*CORPUS_TEXTS, "Putin said so.", "Lavrov met Wang.", "Marking the day, Putin spoke.", "Jinping met Putni."]


def _registry(extra: list[str]) -> EntityRegistry:
    registry = EntityRegistry()
    for text in CORPUS_TEXTS + extra:
        registry.learn(text)
    return registry


@pytest.mark.parametrize("stored_with", range(len(EXTRAS)))
def test_reads_that_hold_give_the_same_mentions_and_changed_ones_do_not_hold(stored_with):
    before = _registry(EXTRAS[stored_with])
    recorded = []
    for text in TEXTS:
        reads = NameReads()
        recorded.append((text, before.find(text, reads=reads), reads))
    differ = 0
    for extra in EXTRAS:
        now = _registry(extra)
        for text, found, reads in recorded:
            holds = now.reads_hold(NameReads.from_json(json.loads(json.dumps(reads.to_json()))))
            if now.find(text) != found:
                differ += 1
                assert not holds, (text, extra)
            elif extra == EXTRAS[stored_with]:
                assert holds  # the same registry always agrees with itself
    assert differ > 0  # the extras do change some readings: the test can tell
