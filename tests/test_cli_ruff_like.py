"""The command line people know from ruff: stdin, --quiet, --statistics, rule prefixes,
exclude / per-file-ignores / severity in the config, --color, and progress on a terminal."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

ANSI = re.compile(r"\x1b\[[0-9;]*m")
TOKYO = "On November 10, 1997, Boris Yeltsin visited Tokyo for talks with the Japanese prime minister.\n"


@pytest.fixture
def demo(tmp_path, repo) -> Path:
    shutil.copytree(repo / "claims", tmp_path / "claims")
    shutil.copytree(repo / "sources", tmp_path / "sources")
    return tmp_path


def cc(args, cwd, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real command in a subprocess: stdin and stdout are pipes, as in an editor or CI."""
    full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", *args],
        cwd=cwd,
        input=stdin,
        text=True,
        capture_output=True,
        timeout=300,
        env=full_env,
    )


def report_of(args, cwd) -> tuple[int, dict]:
    result = run_cli([*args, "-f", "json", "--no-cache"], cwd)
    return result.exit_code, json.loads(result.output)


# --------------------------------------------------------------------------- stdin


def test_stdin_is_checked_under_its_stdin_filename(demo):
    out = cc(
        ["check", "-", "--stdin-filename", "drafts/note.md", "--sources", "sources", "--no-cache", "-f", "json"],
        demo,
        stdin=TOKYO,
    )
    assert out.returncode == 1, out.stderr
    report = json.loads(out.stdout)
    assert report["summary"]["files"] == ["drafts/note.md"]
    (place,) = [f for f in report["findings"] if f["rule"] == "CC-PLACE-001"]
    assert place["claim"]["path"] == "drafts/note.md" and (place["claim"]["line"], place["claim"]["column"]) == (1, 45)
    assert place["evidence"]["path"] == "sources/yeltsin-beijing-1997.md"
    assert not (demo / "drafts").exists()  # nothing written where the name points


def test_stdin_claim_file_errors_name_the_stdin_filename(demo):
    out = cc(["check", "-", "--stdin-filename", "claims/new.yaml", "--no-cache"], demo, stdin="claims:\n  - id: x\n")
    assert out.returncode == 2
    assert out.stderr.startswith("claimcheck: claims/new.yaml:2:5: ") and "text" in out.stderr


def test_stdin_without_a_name_is_markdown_and_stdin_filename_needs_dash(demo):
    out = cc(["check", "-", "--sources", "sources", "--no-cache", "-q"], demo, stdin=TOKYO)
    assert out.returncode == 1 and out.stdout.startswith("-:1:45: CC-PLACE-001 error ")
    bad = cc(["check", "claims", "--stdin-filename", "x.md", "--no-cache"], demo)
    assert bad.returncode == 2 and "--stdin-filename needs '-'" in bad.stderr


# --------------------------------------------------------------------------- quiet, statistics


def test_quiet_prints_one_line_per_finding_and_keeps_the_exit_code(demo):
    full = run_cli(["check", "--no-cache", "-f", "json"], demo)
    quiet = run_cli(["check", "--no-cache", "--quiet"], demo)
    assert quiet.exit_code == full.exit_code == 1
    lines = quiet.output.splitlines()
    assert len(lines) == len(json.loads(full.output)["findings"]) == 4
    for line in lines:
        assert re.match(
            r"claims/demo\.yaml:\d+:\d+: CC-[A-Z]+-\d{3} (error|warning|info) .+ \(see sources/\S+:\d+:\d+\)$", line
        )
    assert "claims/demo.yaml:13:55: CC-PLACE-001 error" in quiet.output
    assert "SUPPORTED" not in quiet.output and "8 claims" not in quiet.output
    clean = run_cli(["check", "--no-cache", "-q", "--select", "CC-ANNIV"], demo)
    assert clean.exit_code == 0 and clean.output == ""


def test_statistics_counts_findings_per_rule(demo):
    _, report = report_of(["check"], demo)
    text = run_cli(["check", "--no-cache", "--statistics"], demo)
    assert text.exit_code == 1
    rows = [line.split() for line in text.output.splitlines()]
    assert rows[-1] == ["4", "total"]
    assert {r[1]: int(r[0]) for r in rows[:-1]} == {
        "CC-DATE-001": 1,
        "CC-PLACE-001": 1,
        "CC-NUM-001": 1,
        "CC-QUOTE-001": 1,
    }
    as_json = json.loads(run_cli(["check", "--no-cache", "--statistics", "-f", "json"], demo).output)
    assert sum(r["count"] for r in as_json) == len(report["findings"])
    assert {r["code"]: r["name"] for r in as_json}["CC-PLACE-001"] == "place.conflict"
    wrong = run_cli(["check", "--no-cache", "--statistics", "-f", "sarif"], demo)
    assert wrong.exit_code == 2


# --------------------------------------------------------------------------- rule prefixes


def test_select_and_ignore_take_prefixes(demo):
    code, only_dates = report_of(["check", "--select", "CC-DATE"], demo)
    assert code == 1 and {f["rule"] for f in only_dates["findings"]} == {"CC-DATE-001"}
    verdicts = {c["id"]: c["verdict"] for c in only_dates["claims"]}
    # a hidden conflict leaves its claim unverified, never supported
    assert verdicts["yeltsin-visit-wrong-place"] == "unverified"
    code, no_errors = report_of(["check", "--ignore", "CC-DATE,CC-PLACE,cc-num"], demo)
    assert code == 0 and {f["rule"] for f in no_errors["findings"]} == {"CC-QUOTE-001"}
    bad = run_cli(["check", "--no-cache", "--select", "CC-DATES"], demo)
    assert bad.exit_code == 2 and "CC-DATES" in bad.output


def test_config_select_takes_prefixes_and_names_a_bad_one(demo):
    (demo / "claimcheck.toml").write_text('select = ["CC-PLACE", "CC-NUM-00"]\n')
    _, report = report_of(["check"], demo)
    assert {f["rule"] for f in report["findings"]} == {"CC-PLACE-001", "CC-NUM-001"}
    (demo / "claimcheck.toml").write_text('# rules\nignore = [\n  "CC-REF",\n  "CC-NOPE",\n]\n')
    bad = run_cli(["check", "--no-cache"], demo)
    assert bad.exit_code == 2 and "claimcheck.toml:4:1: 'ignore': unknown rule code 'CC-NOPE'" in bad.output


# --------------------------------------------------------------------------- exclude, per-file-ignores, severity


def test_exclude_skips_files_found_in_folders_not_files_named(demo):
    (demo / "claims" / "old").mkdir()
    (demo / "claims" / "old" / "tokyo.yaml").write_text("claims:\n  - id: tokyo-again\n    text: " + TOKYO)
    (demo / "sources" / "drafts").mkdir()
    shutil.copy(demo / "sources" / "yeltsin-beijing-1997.md", demo / "sources" / "drafts" / "copy.md")
    (demo / "claimcheck.toml").write_text('exclude = ["old", "sources/drafts/*.md"]\n')
    _, report = report_of(["check"], demo)
    assert report["summary"]["files"] == ["claims/demo.yaml"]
    assert "sources/drafts/copy.md" not in report["summary"]["sources"] and len(report["summary"]["sources"]) == 4
    _, named = report_of(["check", "claims/old/tokyo.yaml", "--sources", "sources"], demo)
    assert named["summary"]["files"] == ["claims/old/tokyo.yaml"]
    assert [f["rule"] for f in named["findings"]] == ["CC-PLACE-001"]


def test_per_file_ignores_hide_rules_in_matching_files_only(demo):
    (demo / "claims" / "other.yaml").write_text("claims:\n  - id: tokyo-again\n    text: " + TOKYO)
    (demo / "claimcheck.toml").write_text('[per-file-ignores]\n"claims/demo.yaml" = ["CC-PLACE", "CC-QUOTE-001"]\n')
    _, report = report_of(["check"], demo)
    places = [f["claim"]["path"] for f in report["findings"] if f["rule"] == "CC-PLACE-001"]
    assert places == ["claims/other.yaml"]
    assert not [f for f in report["findings"] if f["rule"] == "CC-QUOTE-001"]
    verdicts = {c["id"]: c["verdict"] for c in report["claims"]}
    assert verdicts["yeltsin-visit-wrong-place"] == "unverified" and verdicts["tokyo-again"] == "contradicted"
    (demo / "claimcheck.toml").write_text('[per-file-ignores]\n"claims/*" = [\n  "CC-BOGUS",\n]\n')
    bad = run_cli(["check", "--no-cache"], demo)
    assert bad.exit_code == 2 and "claimcheck.toml:3:1:" in bad.output and "CC-BOGUS" in bad.output


def test_severity_overrides_change_loudness_and_exit_code_not_verdicts(demo):
    (demo / "claimcheck.toml").write_text('[severity]\n"CC" = "warning"\n"CC-NUM-001" = "info"\n')
    code, report = report_of(["check"], demo)
    assert code == 0  # --fail-on error: nothing is an error any more
    sev = {f["rule"]: f["severity"] for f in report["findings"]}
    assert sev == {"CC-DATE-001": "warning", "CC-PLACE-001": "warning", "CC-NUM-001": "info", "CC-QUOTE-001": "warning"}
    assert (report["summary"]["errors"], report["summary"]["warnings"], report["summary"]["infos"]) == (0, 3, 1)
    assert report["summary"]["contradicted"] == 3
    assert run_cli(["check", "--no-cache", "--fail-on", "warning"], demo).exit_code == 1
    (demo / "claimcheck.toml").write_text('[severity]\n"CC-NUM-001" = "fatal"\n')
    assert run_cli(["check", "--no-cache"], demo).exit_code == 2


# --------------------------------------------------------------------------- colour


def test_color_always_survives_a_pipe_never_and_auto_do_not_colour_it(demo):
    always = cc(["check", "--no-cache", "--color", "always"], demo)
    assert always.returncode == 1 and ANSI.search(always.stdout)

    def plain(text):
        return [line.rstrip() for line in ANSI.sub("", text).splitlines()]

    assert plain(always.stdout) == plain(cc(["check", "--no-cache", "--color", "never"], demo).stdout)
    assert not ANSI.search(cc(["check", "--no-cache"], demo).stdout)  # auto: a pipe is not a terminal
    assert not ANSI.search(cc(["check", "--no-cache", "--no-color"], demo).stdout)
    assert run_cli(["check", "--no-cache", "--color", "sometimes"], demo).exit_code == 2


# --------------------------------------------------------------------------- progress


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_on_a_terminal_from_the_first_files_and_only_there(demo):
    import pty

    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "checker.cli", "check", "--no-cache", "-f", "json"],
            cwd=demo,
            stdout=subprocess.PIPE,
            stderr=follower,
            env=env,
            timeout=300,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(leader)
    err = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 1
    json.loads(proc.stdout)  # stdout stays the clean JSON report
    assert "reading inputs" in err and "reading sources" in err and "checking claims" in err
    piped = cc(["check", "--no-cache", "-f", "json"], demo, env={"CI": ""})
    assert "reading" not in piped.stderr  # no bar into a pipe or a log


def test_the_config_example_in_docs_ci_is_valid(tmp_path, repo):
    from checker.config import load_config
    from checker.rules import all_rules

    ci = (repo / "docs" / "ci.md").read_text()
    (block,) = re.findall(r"```toml\n(.*?)```", ci, re.S)
    (tmp_path / "claimcheck.toml").write_text(block)
    st = load_config(tmp_path / "claimcheck.toml", known_codes={r.code for r in all_rules()}).settings
    assert st.exclude and st.per_file_ignores and st.severity and "CC-REF" in st.ignore
