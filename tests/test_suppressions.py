"""Suppression comments in drafts: what they cover, what is malformed, and what a check reports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import run_cli

from checker.ingest.text import build_document
from checker.suppressions import parse_suppressions

CODES = {"CC-DATE-001", "CC-NUM-001", "CC-PLACE-001", "CC-ACTOR-001"}


def covered(text: str) -> list[tuple[str, str]]:
    regions, errors = parse_suppressions(text, CODES)
    assert errors == []
    return [(r.rule, text[r.start : r.end]) for r in regions]


def test_comment_covers_the_next_paragraph_only():
    text = (
        "Intro line.\n\n<!-- claimcheck: ignore[CC-DATE-001] the archive dates it so -->\n"
        "First line of the paragraph.\nSecond line of it.\n\nA later paragraph.\n"
    )
    assert covered(text) == [("CC-DATE-001", "First line of the paragraph.\nSecond line of it.")]


def test_comment_before_a_heading_covers_the_heading_line_only():
    text = "<!-- claimcheck: ignore[CC-PLACE-001] headline shorthand -->\n\n## Talks in Oslo\nBody text here.\n"
    assert covered(text) == [("CC-PLACE-001", "## Talks in Oslo")]


def test_trailing_comment_covers_its_own_line():
    text = "Line one has 40 ships. <!-- claimcheck: ignore[CC-NUM-001] rounded -->\nLine two has 50.\n"
    ((rule, span),) = covered(text)
    assert rule == "CC-NUM-001" and span.startswith("Line one has 40 ships.") and "Line two" not in span


def test_several_codes_and_stacked_comments_share_the_target():
    text = (
        "<!-- claimcheck: ignore[CC-NUM-001, cc-date-001] both reviewed -->\n"
        "<!-- claimcheck: ignore[CC-PLACE-001] also reviewed -->\n\nThe paragraph.\n"
    )
    assert covered(text) == [
        ("CC-NUM-001", "The paragraph."),
        ("CC-DATE-001", "The paragraph."),
        ("CC-PLACE-001", "The paragraph."),
    ]


@pytest.mark.parametrize(
    "comment, message",
    [
        ("<!-- claimcheck: ignore[CC-DATE-001] -->", "needs a reason"),
        ("<!-- claimcheck: ignore[CC-DATE-999] typo in the code -->", "unknown rule code(s) CC-DATE-999"),
        ("<!-- claimcheck: ignore[] no code at all -->", "no rule code"),
        (
            "<!-- claimcheck ignore CC-DATE-001 forgot the brackets -->",
            "expected '<!-- claimcheck: ignore[RULE-CODE] reason -->'",
        ),
        ("<!-- claimcheck: skip[CC-DATE-001] wrong verb -->", "expected"),
    ],
)
def test_malformed_comments_are_errors_at_their_offset(comment, message):
    text = f"Some text.\n\n{comment}\nThe target sentence.\n"
    regions, errors = parse_suppressions(text, CODES)
    assert regions == []
    (err,) = errors
    assert message in err.message and err.message.startswith("malformed suppression")
    assert text[err.start :].startswith("<!--")


def test_comment_with_nothing_after_it_is_malformed():
    _, errors = parse_suppressions("Text.\n\n<!-- claimcheck: ignore[CC-DATE-001] why not -->\n\n", CODES)
    assert [e.message for e in errors] == ["malformed suppression: nothing follows the comment to suppress"]


def test_other_html_comments_are_not_suppressions():
    assert parse_suppressions("<!-- TODO: check 1997 -->\nText.\n", CODES) == ([], [])


def test_comment_blocks_are_not_passages_and_offsets_stay_exact():
    text = "# Title\n\n<!-- claimcheck: ignore[CC-DATE-001] reviewed -->\nIt happened in 1997.\n\n<!-- note -->\n"
    doc = build_document("d.md", text, kind="markdown")
    assert [p.text for p in doc.passages] == ["# Title", "It happened in 1997."]
    assert all(text[p.start : p.end] == p.text for p in doc.passages)


# --------------------------------------------------------------------------- through the checker

WRONG_PLACE = "On November 10, 1997, Boris Yeltsin visited Tokyo for talks with the Japanese prime minister."


@pytest.fixture
def project(tmp_path, repo) -> Path:
    shutil.copytree(repo / "sources", tmp_path / "sources")
    return tmp_path


run = run_cli


def check_json(project: Path, draft: str):
    (project / "draft.md").write_text(draft, encoding="utf-8")
    result = run(["check", "draft.md", "-s", "sources", "--no-cache", "-f", "json", "--isolated"], project)
    return result, json.loads(result.stdout)


def test_unsuppressed_draft_has_the_place_finding(project):
    result, report = check_json(project, f"# Draft\n\n{WRONG_PLACE}\n")
    assert result.exit_code == 1
    assert [f["rule"] for f in report["findings"]] == ["CC-PLACE-001"]


def test_comment_suppresses_the_finding_and_is_not_reported_unused(project):
    result, report = check_json(
        project, f"# Draft\n\n<!-- claimcheck: ignore[CC-PLACE-001] stopover on the way home -->\n{WRONG_PLACE}\n"
    )
    assert result.exit_code == 0
    assert report["findings"] == []
    assert not any("unused" in n for n in report["notes"])


def test_comment_for_another_rule_does_not_suppress_and_is_unused(project):
    result, report = check_json(
        project, f"# Draft\n\n<!-- claimcheck: ignore[CC-DATE-001] dates reviewed -->\n{WRONG_PLACE}\n"
    )
    assert [f["rule"] for f in report["findings"]] == ["CC-PLACE-001"]
    assert "draft.md:3:1: suppression of CC-DATE-001 matched no finding (unused)" in report["notes"]


def test_comment_on_another_paragraph_does_not_suppress(project):
    draft = f"# Draft\n\n<!-- claimcheck: ignore[CC-PLACE-001] other paragraph -->\nNothing to see.\n\n{WRONG_PLACE}\n"
    _, report = check_json(project, draft)
    assert [f["rule"] for f in report["findings"]] == ["CC-PLACE-001"]


def test_malformed_comment_is_a_note_and_a_warning_not_an_exit_2(project):
    result, report = check_json(project, f"# Draft\n\n<!-- claimcheck: ignore[CC-PLACE-001] -->\n{WRONG_PLACE}\n")
    assert result.exit_code == 1  # the finding stands; the bad comment does not break the run
    assert [f["rule"] for f in report["findings"]] == ["CC-PLACE-001"]
    assert any(n.startswith("draft.md:3:1: malformed suppression") for n in report["notes"])
    assert "warning: draft.md:3:1: malformed suppression" in result.stderr
