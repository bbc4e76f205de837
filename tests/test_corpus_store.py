"""The corpus store: sources parsed once and reused, with reports identical to a run without it."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import run_cli
from ruamel.yaml import YAML

import checker.engine.corpus as engine
from checker.extract.entities import EntityRegistry
from checker.extract.learnt_people import learn_corpus, teach
from checker.store import STORE_FILE

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "cases" / "corpus"
DRAFT = (
    "# Notes\n\nMarking the anniversary, Boris Yeltsin visited Beijing on April 25, 1997.\n"
    "The Ellerby Canal opened on 2 April 1799, a quarrelsome engineer said.\n"
)


def _multi_source(root: Path) -> Path:
    """Sources of our own corpus (dev, dev2) and the demo, one claim file of all their claims."""
    src = root / "src"
    src.mkdir()
    claims = []
    for split in ("dev", "dev2"):
        for case in sorted((CORPUS / split).glob("*.yaml")):
            data = YAML(typ="safe").load(case.read_text(encoding="utf-8"))
            (src / f"{split}-{case.stem}.md").write_text(data["source"], encoding="utf-8")
            claims += [{"id": c["id"], "text": c["text"]} for c in data["claims"]]
    for path in (REPO / "sources").glob("*.md"):
        shutil.copy(path, src / path.name)
    demo = YAML(typ="safe").load((REPO / "claims" / "demo.yaml").read_text(encoding="utf-8"))
    claims += demo["claims"]
    (root / "c.json").write_text(json.dumps({"claims": claims}, default=str, indent=1), encoding="utf-8")
    (root / "draft.md").write_text(DRAFT, encoding="utf-8")
    return root


def _check(root: Path, *extra: str):
    result = run_cli(["check", "c.json", "draft.md", "--sources", "src", "-f", "json", *extra], root)
    assert result.exit_code in (0, 1), result.output
    return result


@pytest.fixture
def project(tmp_path):
    return _multi_source(tmp_path)


def _parsed(monkeypatch) -> list[str]:
    """Record which source files the engine parses."""
    calls: list[str] = []
    original = engine.load_document

    def load(path, shown=None):
        calls.append(shown)
        return original(path, shown)

    monkeypatch.setattr(engine, "load_document", load)
    return calls


def test_reports_are_identical_without_the_store_cold_and_warm(project, monkeypatch):
    parsed = _parsed(monkeypatch)
    plain = _check(project, "--no-cache").stdout
    n_sources = len(list((project / "src").iterdir()))
    parsed.clear()
    cold = _check(project, "--cache-dir", "cache").stdout
    assert len([p for p in parsed if p.startswith("src")]) == n_sources
    parsed.clear()
    warm = _check(project, "--cache-dir", "cache").stdout
    assert [p for p in parsed if p.startswith("src")] == []  # nothing re-read and re-split
    assert plain == cold == warm
    assert '"contradicted"' in warm and '"supported"' in warm  # a report with verdicts, not an empty one


def test_the_demo_report_is_identical_cold_and_warm(tmp_path):
    for name in ("claims", "sources"):
        shutil.copytree(REPO / name, tmp_path / name)
    plain = run_cli(["check", "--no-cache", "-f", "json"], tmp_path)
    cold = run_cli(["check", "-f", "json"], tmp_path)
    warm = run_cli(["check", "-f", "json"], tmp_path)
    assert plain.exit_code == cold.exit_code == warm.exit_code == 1
    assert plain.stdout == cold.stdout == warm.stdout
    assert (tmp_path / ".claimcheck_cache" / STORE_FILE).is_file()
    assert '"supported": 3' in warm.stdout and '"contradicted": 3' in warm.stdout and '"unverified": 2' in warm.stdout


def test_a_changed_file_is_parsed_alone_and_a_removed_one_dropped(project, monkeypatch):
    parsed = _parsed(monkeypatch)
    _check(project, "--cache-dir", "cache")
    changed = project / "src" / "dev-history.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("1797", "1798"), encoding="utf-8")
    (project / "src" / "dev-sport.md").unlink()
    parsed.clear()
    warm = _check(project, "--cache-dir", "cache").stdout
    assert [p for p in parsed if p.startswith("src")] == ["src/dev-history.md"]
    conn = sqlite3.connect(project / "cache" / STORE_FILE)
    stored = {p for (p,) in conn.execute("SELECT path FROM documents")}
    conn.close()
    assert "src/dev-sport.md" not in stored and "src/dev-history.md" in stored
    assert warm == _check(project, "--no-cache").stdout


def test_a_store_of_another_version_is_rebuilt_not_read(project, monkeypatch):
    _check(project, "--cache-dir", "cache")
    store = project / "cache" / STORE_FILE
    conn = sqlite3.connect(store)
    conn.execute("UPDATE meta SET value = 'older' WHERE key = 'version'")
    conn.execute("UPDATE documents SET body = X'00'")  # would not decode if it were read
    conn.commit()
    conn.close()
    parsed = _parsed(monkeypatch)
    result = _check(project, "--cache-dir", "cache")
    assert "warning" not in result.stderr  # another version is expected, not damage
    assert len([p for p in parsed if p.startswith("src")]) == len(list((project / "src").iterdir()))
    assert result.stdout == _check(project, "--no-cache").stdout


@pytest.mark.parametrize("damage", ["garbage", "truncated", "a directory", "bad entry"])
def test_an_unreadable_store_is_rebuilt_with_a_warning(project, damage):
    first = _check(project, "--cache-dir", "cache").stdout
    store = project / "cache" / STORE_FILE
    if damage == "garbage":
        store.write_bytes(os.urandom(8192))
    elif damage == "truncated":
        store.write_bytes(store.read_bytes()[:200])
    elif damage == "a directory":
        store.unlink()
        store.mkdir()
    else:
        conn = sqlite3.connect(store)
        conn.execute("UPDATE documents SET body = X'789c0000' WHERE path = 'src/dev-history.md'")
        conn.execute("UPDATE learnt SET body = X'00'")
        conn.commit()
        conn.close()
    second = _check(project, "--cache-dir", "cache")
    assert "warning: corpus store" in second.stderr
    assert second.stdout == first
    third = _check(project, "--cache-dir", "cache")
    assert "warning" not in third.stderr and third.stdout == first


def test_claimcheck_index_builds_the_store_so_check_parses_nothing(project, monkeypatch):
    result = run_cli(["index", "src", "--cache-dir", "cache"], project)
    assert result.exit_code == 0, result.output
    assert "16 source file(s)" in result.stderr and "16 parsed" in result.stderr
    assert list((project / "cache").glob("passages-*.sqlite"))
    parsed = _parsed(monkeypatch)
    warm = _check(project, "--cache-dir", "cache").stdout
    assert [p for p in parsed if p.startswith("src")] == []
    assert warm == _check(project, "--no-cache").stdout
    again = run_cli(["index", "src", "--cache-dir", "cache"], project)
    assert again.exit_code == 0 and "0 parsed, 16 from the store" in again.stderr


def test_index_names_a_missing_source_and_exits_2(tmp_path):
    result = run_cli(["index", "nowhere", "--cache-dir", "cache"], tmp_path)
    assert result.exit_code == 2 and "nowhere" in result.stderr


def _state(registry: EntityRegistry):
    registry._tokens()
    return sorted(registry.people), dict(sorted(registry.aliases.items())), sorted(registry.vocab)


CORPUS_TEXTS = [
    "Marking Putin's visit, officials met in Beijing.",
    "President Vladimir Putin met Xi Jinping.",
    "Sergey Lavrov said it first.",
    "Minister Sergei Lavrov said it again.",
    "Sergey Lavrov said Marking was over.",
    "Wang Yi met Boris Yeltsin in Moscow.",
]
EXTRAS = {
    # a word ("marking") the corpus writes only capitalised, a new name, a declared actor
    "new words": [
        "They were marking the date when Boris Yeltsin arrived.",
        "Minister Anna Berg said the talks went well.",
    ],
    "no new word": ["Boris Yeltsin met Wang Yi in Moscow."],
    "nothing": [],
}


@pytest.mark.parametrize("kind", list(EXTRAS))
def test_teaching_a_stored_corpus_equals_learning_it_all(kind):
    corpus, extras = CORPUS_TEXTS, EXTRAS[kind]
    full = EntityRegistry({"B. Yeltsin": "Boris Yeltsin"})
    for text in corpus + extras:
        full.learn(text)
    full.declare(["Li Peng"])
    taught = EntityRegistry({"B. Yeltsin": "Boris Yeltsin"})
    for text in extras:
        taught.learn(text)
    taught.declare(["Li Peng"])
    teach(taught, learn_corpus(corpus), corpus)
    assert _state(taught) == _state(full)
    assert ("Marking Putin" in full.people) == (kind != "new words")  # a new word changes the reading
    assert taught.find(corpus[0]) == full.find(corpus[0])
    assert "Sergey Lavrov" in full.people and full.aliases.get("Sergei Lavrov") == "Sergey Lavrov"
