"""Project config: where it is found, what it may say, how errors point at it, what the CLI makes of it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import run_cli

from checker.config import find_config, load_config
from checker.errors import InputError, InputErrors
from checker.rules import all_rules

CODES = {r.code for r in all_rules()}
WRONG_PLACE = "On November 10, 1997, Boris Yeltsin visited Tokyo for talks with the Japanese prime minister."


run = run_cli


def errors_of(exc: Exception) -> list[InputError]:
    return exc.errors if isinstance(exc, InputErrors) else [exc]


# --------------------------------------------------------------------------- discovery


def test_nearest_config_wins_and_claimcheck_toml_beats_pyproject(tmp_path):
    (tmp_path / "claimcheck.toml").write_text('format = "json"\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config(sub) == tmp_path / "claimcheck.toml"
    (tmp_path / "a" / "pyproject.toml").write_text('[tool.claimcheck]\nformat = "sarif"\n')
    assert find_config(sub) == tmp_path / "a" / "pyproject.toml"
    (tmp_path / "a" / "claimcheck.toml").write_text('format = "markdown"\n')
    assert find_config(sub) == tmp_path / "a" / "claimcheck.toml"


def test_pyproject_without_our_table_does_not_count(tmp_path):
    (tmp_path / "claimcheck.toml").write_text('format = "json"\n')
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.ruff]\nline-length = 99\n')
    assert find_config(tmp_path / "inner") == tmp_path / "claimcheck.toml"


def test_all_keys_are_read_with_hyphens(tmp_path):
    cfg = tmp_path / "claimcheck.toml"
    cfg.write_text(
        'paths = ["drafts"]\nsources = ["archive"]\nformat = "sarif"\nfail-on = "warning"\n'
        'select = ["cc-date-001", "CC-PLACE-001"]\nignore = ["CC-NUM-001"]\ncache-dir = ".cache"\n'
        'weekday-policy = "nearest"\noutput = "out.sarif"\nbaseline = "base.json"\n'
        '[aliases]\n"President Xi" = "Xi Jinping"\n'
    )
    s = load_config(cfg, known_codes=CODES).settings
    assert s.paths == ["drafts"] and s.sources == ["archive"] and s.format == "sarif"
    assert s.fail_on == "warning" and s.weekday_policy == "nearest" and s.cache_dir == ".cache"
    assert s.select == ["CC-DATE-001", "CC-PLACE-001"] and s.ignore == ["CC-NUM-001"]
    assert s.aliases == {"President Xi": "Xi Jinping"} and s.output == "out.sarif" and s.baseline == "base.json"


# --------------------------------------------------------------------------- errors with positions


def test_unknown_key_names_file_line_and_key(tmp_path):
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text('[project]\nname = "x"\n\n[tool.claimcheck]\nformat = "json"\nfail_on = "error"\n')
    with pytest.raises((InputError, InputErrors)) as info:
        load_config(cfg, known_codes=CODES)
    (err,) = errors_of(info.value)
    assert err.line == 6
    assert "unknown key 'tool.claimcheck.fail_on'" in err.message and "fail-on" in err.message
    assert err.render().startswith(f"{cfg}:6:1: ")


def test_unknown_rule_code_points_at_its_line_in_a_multiline_array(tmp_path):
    cfg = tmp_path / "claimcheck.toml"
    cfg.write_text('format = "json"\nignore = [\n  "CC-NUM-001",\n  "CC-DATE-042",\n]\n')
    with pytest.raises((InputError, InputErrors)) as info:
        load_config(cfg, known_codes=CODES)
    (err,) = errors_of(info.value)
    assert (err.line, err.message) == (4, "'ignore': unknown rule code 'CC-DATE-042' (see 'claimcheck rules')")


def test_bad_values_and_bad_toml(tmp_path):
    cfg = tmp_path / "claimcheck.toml"
    cfg.write_text('format = "pdf"\nweekday-policy = "sometimes"\n')
    with pytest.raises((InputError, InputErrors)) as info:
        load_config(cfg, known_codes=CODES)
    assert [e.line for e in errors_of(info.value)] == [2]  # schema errors first; format checked after
    cfg.write_text('format = "pdf"\n')
    with pytest.raises((InputError, InputErrors)) as info:
        load_config(cfg, known_codes=CODES)
    (err,) = errors_of(info.value)
    assert err.line == 1 and "unknown format 'pdf'" in err.message
    cfg.write_text('format = "json\n')
    with pytest.raises((InputError, InputErrors)) as info:
        load_config(cfg, known_codes=CODES)
    (err,) = errors_of(info.value)
    assert err.line == 1 and err.message.startswith("invalid TOML")


def test_cli_exits_2_on_a_bad_config(tmp_path):
    (tmp_path / "claimcheck.toml").write_text('selec = ["CC-DATE-001"]\n')
    (tmp_path / "d.md").write_text("Nothing here.\n")
    result = run(["check", "d.md", "--no-cache"], tmp_path)
    assert result.exit_code == 2
    assert "claimcheck.toml:1:1: unknown key 'selec'" in result.stderr


# --------------------------------------------------------------------------- the CLI uses it


@pytest.fixture
def project(tmp_path, repo) -> Path:
    shutil.copytree(repo / "sources", tmp_path / "archive")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "draft.md").write_text(f"# Draft\n\n{WRONG_PLACE}\n")
    return tmp_path


def test_config_supplies_paths_sources_and_format_from_a_subfolder(project):
    (project / "claimcheck.toml").write_text(
        'paths = ["drafts"]\nsources = ["archive"]\nformat = "json"\ncache-dir = ".cc"\n'
    )
    (project / "sub").mkdir()
    result = run(["check"], project / "sub")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert [f["rule"] for f in report["findings"]] == ["CC-PLACE-001"]
    assert report["findings"][0]["claim"]["path"] == "drafts/draft.md"  # relative to the project
    assert (project / ".cc").is_dir()  # cache-dir is relative to the config file


def test_config_ignore_and_fail_on_apply_and_cli_overrides_them(project):
    (project / "claimcheck.toml").write_text(
        'paths = ["drafts"]\nsources = ["archive"]\nformat = "json"\nignore = ["CC-PLACE-001"]\n'
    )
    quiet = run(["check", "--no-cache"], project)
    assert quiet.exit_code == 0 and json.loads(quiet.stdout)["findings"] == []
    loud = run(["check", "--no-cache", "--ignore", "CC-NUM-001"], project)
    assert loud.exit_code == 1 and [f["rule"] for f in json.loads(loud.stdout)["findings"]] == ["CC-PLACE-001"]
    (project / "claimcheck.toml").write_text(
        'paths = ["drafts"]\nsources = ["archive"]\nformat = "json"\nfail-on = "never"\n'
    )
    assert run(["check", "--no-cache"], project).exit_code == 0
    assert run(["check", "--no-cache", "--fail-on", "error"], project).exit_code == 1
    assert run(["check", "--no-cache", "-f", "markdown"], project).stdout.lstrip().startswith("#")


def test_explicit_config_and_isolated(project):
    (project / "claimcheck.toml").write_text("bogus = 1\n")
    (project / "other.toml").write_text('paths = ["drafts"]\nsources = ["archive"]\nformat = "json"\n')
    assert run(["check", "--no-cache"], project).exit_code == 2
    result = run(["check", "--no-cache", "--config", "other.toml"], project)
    assert result.exit_code == 1 and json.loads(result.stdout)["summary"]["files"] == ["drafts/draft.md"]
    isolated = run(["check", "drafts/draft.md", "-s", "archive", "--no-cache", "-f", "json", "--isolated"], project)
    assert isolated.exit_code == 1


def test_aliases_reach_the_checker(project):
    (project / "claimcheck.toml").write_text(
        'paths = ["drafts"]\nsources = ["archive"]\nformat = "json"\n[aliases]\n"Boris Nikolayevich" = "Boris Yeltsin"\n'
    )
    (project / "drafts" / "draft.md").write_text(
        "# Draft\n\nOn November 10, 1997, Boris Nikolayevich visited Tokyo for talks with the Japanese prime minister.\n"
    )
    with_alias = json.loads(run(["check", "--no-cache"], project).stdout)
    (project / "plain.toml").write_text('paths = ["drafts"]\nsources = ["archive"]\nformat = "json"\n')
    without = json.loads(run(["check", "--no-cache", "--config", "plain.toml"], project).stdout)
    assert [f["rule"] for f in with_alias["findings"]] == ["CC-PLACE-001"]
    assert without["findings"] == []
