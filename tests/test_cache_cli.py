"""The passage-index cache through the command line: disposable, tagged, pruned, cleanable."""

from __future__ import annotations

import os
import sqlite3

import pytest
from conftest import run_cli

CLAIMS = "claims:\n  - id: a\n    text: Boris Yeltsin visited Beijing on April 25, 1997.\n"
SOURCE = "Boris Yeltsin visited Beijing on April 23, 1997.\n"
CHECK = ["check", "c.yaml", "--sources", "src", "--cache-dir", "cache", "-f", "json"]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "c.yaml").write_text(CLAIMS, encoding="utf-8")
    return tmp_path


def _indexes(project):
    return sorted((project / "cache").glob("passages-*.sqlite"))


def _wrong_schema(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE passages(a)")
    conn.commit()
    conn.close()


CORRUPTIONS = {
    "truncated": lambda p: p.write_bytes(p.read_bytes()[:100]),
    "garbage": lambda p: p.write_bytes(os.urandom(4096)),
    "empty": lambda p: p.write_bytes(b""),
    "wrong schema": lambda p: (p.unlink(), _wrong_schema(p)),
    "a directory": lambda p: (p.unlink(), p.mkdir(), (p / "x").write_text("x")),
}


@pytest.mark.parametrize("kind", list(CORRUPTIONS))
def test_an_unreadable_index_is_rebuilt_with_a_warning(project, kind):
    first = run_cli(CHECK, project)
    assert first.exit_code == 1  # the demo claim is contradicted
    [index] = _indexes(project)
    CORRUPTIONS[kind](index)
    second = run_cli(CHECK, project)
    assert second.exit_code == 1, second.output
    assert "warning: cached passage index" in second.stderr and "rebuilding it" in second.stderr
    assert second.stdout == first.stdout  # same report as before the damage
    third = run_cli(CHECK, project)  # rebuilt for good: no warning any more
    assert third.exit_code == 1 and "warning" not in third.stderr
    assert index.is_file()


def test_the_cache_folder_tags_itself(project):
    assert run_cli(CHECK, project).exit_code == 1
    tag = (project / "cache" / "CACHEDIR.TAG").read_text(encoding="utf-8")
    assert tag.startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (project / "cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_editing_a_source_replaces_its_index_instead_of_adding_one(project):
    assert run_cli(CHECK, project).exit_code == 1
    [before] = _indexes(project)
    with open(project / "src" / "a.txt", "a", encoding="utf-8") as fh:
        fh.write("Jiang Zemin met him at the airport.\n")
    assert run_cli(CHECK, project).exit_code == 1
    [after] = _indexes(project)
    assert after != before
    (project / "src2").mkdir()
    (project / "src2" / "b.txt").write_text(SOURCE, encoding="utf-8")
    other = ["check", "c.yaml", "--sources", "src2", "--cache-dir", "cache"]
    assert run_cli(other, project).exit_code == 1
    assert len(_indexes(project)) == 2  # another source set keeps its own index


def test_clean_removes_the_cache(project):
    assert run_cli(CHECK, project).exit_code == 1
    result = run_cli(["clean", "--cache-dir", "cache"], project)
    assert result.exit_code == 0 and "removed 4 file(s) from cache"  # tags, index, corpus store in result.stderr
    assert not (project / "cache").exists()
    again = run_cli(["clean", "--cache-dir", "cache"], project)
    assert again.exit_code == 0 and "no cache at cache" in again.stderr


def test_clean_keeps_files_that_are_not_ours(project):
    assert run_cli(CHECK, project).exit_code == 1
    (project / "cache" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli(["clean", "--cache-dir", "cache"], project)
    assert result.exit_code == 0 and "not claimcheck's: notes.txt" in result.stderr
    assert sorted(p.name for p in (project / "cache").iterdir()) == ["notes.txt"]


def test_clean_uses_the_config_cache_dir(project):
    (project / "claimcheck.toml").write_text('cache-dir = "elsewhere"\n', encoding="utf-8")
    assert run_cli(["check", "c.yaml", "--sources", "src"], project).exit_code == 1
    assert (project / "elsewhere" / "CACHEDIR.TAG").is_file()
    assert run_cli(["clean"], project).exit_code == 0
    assert not (project / "elsewhere").exists()


def test_clean_refuses_a_file(project):
    (project / "cache").write_text("x", encoding="utf-8")
    result = run_cli(["clean", "--cache-dir", "cache"], project)
    assert result.exit_code == 2 and "cache: is not a folder; not removing it" in result.stderr
    assert (project / "cache").read_text(encoding="utf-8") == "x"


def test_index_files_honour_the_umask(project):
    old = os.umask(0o022)
    try:
        assert run_cli(CHECK, project).exit_code == 1
    finally:
        os.umask(old)
    [index] = _indexes(project)
    assert index.stat().st_mode & 0o777 == 0o644
