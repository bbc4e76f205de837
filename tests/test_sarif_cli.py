"""SARIF from the command line: URIs relative to the repository root (%SRCROOT%, with no path
of the machine that ran the check), and rules that carry their documentation."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO, run_cli

from checker.rules import rules_markdown

SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
WRONG_PLACE = "On November 10, 1997, Boris Yeltsin visited Tokyo for talks with the Japanese prime minister."


@pytest.fixture
def checkout(tmp_path) -> Path:
    """A repository with a draft in a subfolder and the sources at its root."""
    root = tmp_path / "work" / "newsroom"
    (root / ".git").mkdir(parents=True)
    shutil.copytree(REPO / "sources", root / "sources")
    (root / "drafts").mkdir()
    (root / "drafts" / "yeltsin.md").write_text(f"# Draft\n\n{WRONG_PLACE}\n", encoding="utf-8")
    return root


def _sarif(cwd: Path, *args: str) -> tuple[str, dict]:
    result = run_cli(["check", *args, "--no-cache", "--isolated", "-f", "sarif"], cwd)
    assert result.exit_code == 1, result.output
    return result.stdout, json.loads(result.stdout)


def _uris(log: dict) -> list[str]:
    out = []
    for r in log["runs"][0]["results"]:
        for loc in r["locations"] + r.get("relatedLocations", []):
            art = loc["physicalLocation"]["artifactLocation"]
            assert art["uriBaseId"] == "%SRCROOT%"
            out.append(art["uri"])
    return out


def test_uris_are_relative_to_the_git_root_from_any_folder(checkout):
    for cwd, args in (
        (checkout, ("drafts/yeltsin.md", "-s", "sources")),
        (checkout / "drafts", ("yeltsin.md", "-s", "../sources")),
    ):
        text, log = _sarif(cwd, *args)
        assert _uris(log) == ["drafts/yeltsin.md", "sources/yeltsin-beijing-1997.md"], cwd
        assert str(checkout.parent) not in text and "file:" not in text
        assert "uri" not in log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]
        jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_without_git_the_folder_it_ran_in_is_the_root(checkout):
    shutil.rmtree(checkout / ".git")
    if any((p / ".git").exists() for p in checkout.parents):
        pytest.skip("the temporary folder lies inside a git work tree")
    _, log = _sarif(checkout / "drafts", "yeltsin.md", "-s", "../sources")
    assert _uris(log) == ["yeltsin.md", "../sources/yeltsin-beijing-1997.md"]


def test_rules_carry_the_explain_text(checkout):
    _, log = _sarif(checkout, "drafts/yeltsin.md", "-s", "sources")
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    explained = run_cli(["explain", rule["id"]], checkout).stdout
    assert rule["help"]["text"] == explained.rstrip("\n")
    assert rule["fullDescription"]["text"].startswith("Two statements of the same event put it in different places")


def test_docs_rules_md_is_current():
    """docs/rules.md (where helpUri points) is generated from the rules."""
    path = REPO / "docs" / "rules.md"
    text = rules_markdown()
    if os.environ.get("CLAIMCHECK_UPDATE_GOLDENS") == "1":
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.read_text(encoding="utf-8") == text, "regenerate with CLAIMCHECK_UPDATE_GOLDENS=1"
    assert '<a id="cc-date-001"></a>' in text


def test_help_uri_points_at_the_rule_in_the_project_repository(checkout, monkeypatch):
    """helpUri comes from the installed package's project URL (pyproject [project.urls])."""
    from importlib import metadata

    real = metadata.metadata

    def with_url(name):
        meta = real(name)
        if name == "claimcheck-offline":
            meta = email_message(meta, "Project-URL", "Repository, https://example.org/desk/claimcheck")
        return meta

    monkeypatch.setattr(metadata, "metadata", with_url)
    _, log = _sarif(checkout, "drafts/yeltsin.md", "-s", "sources")
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.org/desk/claimcheck"
    (rule,) = driver["rules"]
    assert rule["helpUri"] == "https://example.org/desk/claimcheck/blob/main/docs/rules.md#cc-place-001"
    assert f'<a id="{rule["id"].lower()}"></a>' in (REPO / "docs" / "rules.md").read_text(encoding="utf-8")


def email_message(meta, key: str, value: str):
    """A copy of package metadata with one more header."""
    import email

    copy = email.message_from_string(meta.as_string())
    for k in [k for k in copy.keys() if k == key]:
        del copy[k]
    copy[key] = value
    return copy
