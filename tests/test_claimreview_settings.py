"""ClaimReview author, publisher, URL and date from the command line and from the config."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import run_cli

WRONG_PLACE = "On November 10, 1997, Boris Yeltsin visited Tokyo for talks with the Japanese prime minister."


@pytest.fixture
def project(tmp_path, repo) -> Path:
    shutil.copytree(repo / "sources", tmp_path / "sources")
    (tmp_path / "draft.md").write_text(f"# Draft\n\n{WRONG_PLACE}\n", encoding="utf-8")
    return tmp_path


def _reviews(project: Path, *args: str, isolated: bool = False) -> list[dict]:
    cmd = ["check", "draft.md", "-s", "sources", "--no-cache", "-f", "claimreview", *args]
    result = run_cli(cmd + (["--isolated"] if isolated else []), project)
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def test_settings_from_the_command_line(project):
    (review,) = _reviews(
        project,
        "--review-author",
        "Jane Ortiz",
        "--review-publisher",
        "Nordic Desk",
        "--review-url",
        "https://example.org/checks/0203",
        "--review-date",
        "2026-02-03",
        isolated=True,
    )
    assert review["author"] == {"@type": "Person", "name": "Jane Ortiz"}
    assert review["publisher"] == {"@type": "Organization", "name": "Nordic Desk"}
    assert review["url"].startswith("https://example.org/checks/0203#")
    assert review["datePublished"] == "2026-02-03"
    assert review["reviewRating"]["alternateName"] == "False" and "Beijing" in review["reviewBody"]


def test_settings_from_the_config_and_the_command_line_wins(project):
    (project / "claimcheck.toml").write_text(
        '[claimreview]\nauthor = "Jane Ortiz"\npublisher = "Nordic Desk"\npublisher-url = "https://nordic.example"\n'
        'url = "https://nordic.example/checks"\ndate = 2026-02-03\n',
        encoding="utf-8",
    )
    (review,) = _reviews(project)
    assert review["author"]["name"] == "Jane Ortiz"
    assert review["publisher"] == {"@type": "Organization", "name": "Nordic Desk", "url": "https://nordic.example"}
    assert review["url"].startswith("https://nordic.example/checks#") and review["datePublished"] == "2026-02-03"
    (review,) = _reviews(project, "--review-date", "2026-03-01", "--review-author", "Sam Lee")
    assert review["datePublished"] == "2026-03-01" and review["author"]["name"] == "Sam Lee"
    assert review["publisher"]["name"] == "Nordic Desk"


def test_without_settings_the_publisher_is_the_author(project):
    (review,) = _reviews(project, "--review-date", "2026-02-03", isolated=True)
    assert review["author"] == review["publisher"] == {"@type": "Organization", "name": "claimcheck"}
    assert "url" not in review


@pytest.mark.parametrize(
    "args, message",
    [
        (["--review-date", "3 February"], "Invalid value for '--review-date'"),
        (["--review-url", "javascript:alert(1)"], "is not an http(s) URL"),
    ],
)
def test_bad_values_on_the_command_line_are_usage_errors(project, args, message):
    result = run_cli(
        ["check", "draft.md", "-s", "sources", "--no-cache", "--isolated", "-f", "claimreview", *args], project
    )
    assert result.exit_code == 2 and message in result.output


@pytest.mark.parametrize(
    "body, message, line",
    [
        ('[claimreview]\ndate = "soon"\n', "'claimreview.date'", 2),
        (
            '[claimreview]\nauthor = "A"\nreviewer = "B"\n',
            "unknown key 'claimreview.reviewer' (known keys: author, date,",
            3,
        ),
        ('[claimreview]\nurl = "ftp://example.org"\n', "'claimreview.url'", 2),
    ],
)
def test_bad_config_is_an_input_error_naming_the_line(project, body, message, line):
    (project / "claimcheck.toml").write_text(body, encoding="utf-8")
    result = run_cli(["check", "draft.md", "-s", "sources", "--no-cache", "-f", "claimreview"], project)
    assert result.exit_code == 2
    assert f"claimcheck.toml:{line}:1" in result.stderr and message in result.stderr
