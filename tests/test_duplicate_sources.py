"""Identical source files are read once: a folder of twenty copies of one article does not
turn one contradiction into twenty."""

from __future__ import annotations

import json
import shutil

from conftest import run_cli

WRONG_PLACE = "On November 10, 1997, Boris Yeltsin visited Tokyo for talks with the Japanese prime minister."


def _check(project, *args):
    result = run_cli(["check", "draft.md", "-s", "sources", "--no-cache", "--isolated", "-f", "json", *args], project)
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def test_copies_of_a_source_give_one_finding_and_are_listed(tmp_path, repo):
    (tmp_path / "sources").mkdir()
    article = repo / "sources" / "yeltsin-beijing-1997.md"
    for i in range(20):
        shutil.copy(article, tmp_path / "sources" / f"copy-{i:02}.md")
    (tmp_path / "sources" / "archive").mkdir()
    shutil.copy(article, tmp_path / "sources" / "archive" / "yeltsin.md")
    (tmp_path / "draft.md").write_text(f"# Draft\n\n{WRONG_PLACE}\n", encoding="utf-8")
    report = _check(tmp_path)
    assert [f["rule"] for f in report["findings"]] == ["CC-PLACE-001"]
    assert report["findings"][0]["evidence"]["path"] == "sources/archive/yeltsin.md"  # the first in path order
    assert report["summary"]["sources"] == ["sources/archive/yeltsin.md"]
    copies = report["summary"]["duplicate_sources"]["sources/archive/yeltsin.md"]
    assert copies == [f"sources/copy-{i:02}.md" for i in range(20)]
    assert any("read once for 20 source(s) with the same content" in n for n in report["notes"])


def test_a_source_that_differs_by_one_character_is_its_own_source(tmp_path, repo):
    (tmp_path / "sources").mkdir()
    article = (repo / "sources" / "yeltsin-beijing-1997.md").read_text(encoding="utf-8")
    (tmp_path / "sources" / "a.md").write_text(article, encoding="utf-8")
    (tmp_path / "sources" / "b.md").write_text(article + "\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text(f"# Draft\n\n{WRONG_PLACE}\n", encoding="utf-8")
    report = _check(tmp_path)
    assert report["summary"]["sources"] == ["sources/a.md", "sources/b.md"]
    assert report["summary"]["duplicate_sources"] == {}


def test_a_source_identical_to_the_draft_is_not_checked_against_it(tmp_path, repo):
    (tmp_path / "sources").mkdir()
    shutil.copytree(repo / "sources", tmp_path / "sources", dirs_exist_ok=True)
    (tmp_path / "draft.md").write_text(f"# Draft\n\n{WRONG_PLACE}\n", encoding="utf-8")
    shutil.copy(tmp_path / "draft.md", tmp_path / "sources" / "draft-copy.md")
    report = _check(tmp_path)
    assert "sources/draft-copy.md" not in report["summary"]["sources"]
    assert report["summary"]["duplicate_sources"] == {"draft.md": ["sources/draft-copy.md"]}
