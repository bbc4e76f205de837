"""Bad, odd and hostile input through the command line: never a traceback, never exit 1.

Exit 1 means "findings", so a crash that exits 1 reads as a result in CI. Each row is one
case from the reliability review (issue 15): the files it needs, the command, the exit code
and the one-line message expected. Bad input exits 2 with ``path[:line:col]: message``;
input that is odd but valid (a claim id that looks like an impossible date) is checked.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import run_cli

SOURCE = "Boris Yeltsin visited Beijing on April 23, 1997.\n"


def claims(*lines: str) -> str:
    """A one-claim file; extra ``lines`` are fields of that claim (4 spaces in)."""
    return "claims:\n  - id: a\n    text: Boris Yeltsin visited Beijing.\n" + "".join(f"    {x}\n" for x in lines)


def _bad_docx() -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr("word/document.xml", "<w:document><w:body><w:p>never closed")
    return buf.getvalue()


@dataclass
class Case:
    name: str
    files: dict[str, str | bytes]
    args: list[str]
    exit: int
    message: str  # a regex the output (stdout and stderr) must match
    not_in_output: list[str] = field(default_factory=list)


CHECK = ["check", "c.yaml", "--sources", "src", "--no-cache"]
CASES = [
    # --- claim-file values: the YAML loader reads them at the root, never a crash
    Case(
        "impossible date value",
        {"c.yaml": claims("date: 2024-02-30")},
        CHECK,
        2,
        r"c\.yaml:4:11: claims\[0\]\.date: '2024-02-30' is not a valid date \(day is out of range for month\)",
    ),
    Case(
        "impossible timestamp value",
        {"c.yaml": claims("date: 9999-12-31T25:00:00")},
        CHECK,
        2,
        r"c\.yaml:4:11: claims\[0\]\.date: '9999-12-31T25:00:00' is not a valid date \(hour must be in 0\.\.23\)",
    ),
    Case(
        "an id that looks like an impossible date is text",
        {"c.yaml": "claims:\n  - id: 2023-02-29\n    text: Boris Yeltsin visited Beijing on April 23, 1997.\n"},
        CHECK,
        0,
        r"2023-02-29",
    ),
    Case("text '-_' is text", {"c.yaml": "claims:\n  - id: a\n    text: -_\n"}, CHECK, 0, r"1 claim"),
    Case("text '0x_' is text", {"c.yaml": "claims:\n  - id: a\n    text: 0x_\n"}, CHECK, 0, r"1 claim"),
    Case("text '<<' is text", {"c.yaml": "claims:\n  - id: a\n    text: <<\n"}, CHECK, 0, r"1 claim"),
    Case(
        "an explicit tag that fails",
        {"c.yaml": "claims:\n  - id: a\n    text: !!int abc\n"},
        CHECK,
        2,
        r"c\.yaml:3:11: invalid int value 'abc'",
    ),
    Case(
        "an unknown YAML version",
        {"c.yaml": "%YAML 1.10\n---\n" + claims()},
        CHECK,
        2,
        r"c\.yaml:1:7: invalid YAML: unsupported version '%YAML 1\.10' \(1\.1 or 1\.2\)",
    ),
    Case(
        "a date that is no date",
        {"c.yaml": claims("date: tomorrow-ish")},
        CHECK,
        2,
        r"c\.yaml:4:11: claims\[0\]\.date: 'tomorrow-ish' is not a date claimcheck can read",
    ),
    Case(
        "a year out of range",
        {"c.yaml": claims("date: 99999")},
        CHECK,
        2,
        r"c\.yaml:4:11: claims\[0\]\.date: '99999' is not a date claimcheck can read",
    ),
    Case(
        "a range with an end that is no date",
        {"c.yaml": claims("date: 1997..tomorrow")},
        CHECK,
        2,
        r"c\.yaml:4:11: claims\[0\]\.date: 'tomorrow' in the range '1997\.\.tomorrow' is not a date",
    ),
    Case(
        "a relative date without a document date",
        {"c.yaml": claims("date: tomorrow")},
        CHECK,
        2,
        r"c\.yaml:4:11: .*'tomorrow' is not a date claimcheck can read .*a relative date needs a document_date",
    ),
    Case(
        "a relative date with a document date is read",
        {"c.yaml": claims("date: tomorrow", "document_date: 1997-04-22")},
        CHECK,
        0,
        r"supported",
    ),
    Case(
        "a quantity with no figure",
        {"c.yaml": claims("quantity: lots")},
        CHECK,
        2,
        r"c\.yaml:4:15: claims\[0\]\.quantity: no figure in 'lots'",
    ),
    Case(
        "an unknown rule code in ignore:",
        {"c.yaml": claims("ignore: [{rule: CC-NOPE-001, reason: known}]")},
        CHECK,
        2,
        r"c\.yaml:4:21: claims\[0\]\.ignore\[0\]\.rule: unknown rule code 'CC-NOPE-001'",
    ),
    # --- documents
    Case(
        "a .docx with malformed XML",
        {"bad.docx": _bad_docx()},
        ["check", "bad.docx", "--no-cache"],
        2,
        r"bad\.docx: not a readable \.docx file \(malformed XML: .*line 1, column \d+\)",
    ),
    Case(
        "a Markdown comment never closed",
        {"d.md": "Boris Yeltsin visited Beijing on April 23, 1997.\n\n<!-- never closed\nmore text\n"},
        ["check", "d.md", "--no-cache"],
        0,
        r"checked 1 file",
    ),
    Case(
        "an HTML comment never closed",
        {
            "d.html": "<html><body><article><p>Boris Yeltsin visited Beijing on April 23, 1997, for talks with "
            "Jiang Zemin.</p><!-- never closed <p>x</p></article></body></html>"
        },
        ["check", "d.html", "--no-cache"],
        0,
        r"checked 1 file",
    ),
    Case(
        "relative dates in a document dated year 1",
        {
            "d.md": "---\ndate: 0001-01-01\n---\nYeltsin visited Beijing last year. He returned yesterday. "
            "Last month he met Jiang; last Christmas too. Next week, next year, on Monday, last night.\n"
        },
        ["check", "d.md", "--no-cache"],
        0,
        r"checked 1 file",
    ),
    Case(
        "relative dates in a document dated 9999-12-31",
        {
            "d.md": "---\ndate: 9999-12-31\n---\nYeltsin visits Beijing tomorrow and in two days. Next month he "
            "meets Jiang; next Christmas too. Next week, next year, on Monday, tomorrow night.\n"
        },
        ["check", "d.md", "--no-cache"],
        0,
        r"checked 1 file",
    ),
    Case(
        "a claim whose document date is 9999-12-31",
        {
            "c.yaml": "claims:\n  - id: a\n    text: Yeltsin will visit Beijing tomorrow, next year and next month.\n"
            "    document_date: 9999-12-31\n"
        },
        CHECK,
        0,
        r"1 claim",
    ),
    # --- outputs
    Case(
        "check -o into a missing folder",
        {"c.yaml": claims()},
        CHECK + ["-o", "nodir/out.json"],
        2,
        r"nodir/out\.json: cannot write the output: folder 'nodir' does not exist",
    ),
    Case(
        "check -o onto a directory",
        {"c.yaml": claims()},
        CHECK + ["-o", "src"],
        2,
        r"src: cannot write the output: it is a directory",
    ),
    Case(
        "check -o under a file",
        {"c.yaml": claims()},
        CHECK + ["-o", "c.yaml/out.json"],
        2,
        r"c\.yaml/out\.json: cannot write the output: folder 'c\.yaml' is not a folder",
    ),
    Case(
        "extract -o into a missing folder",
        {"d.md": SOURCE},
        ["extract", "d.md", "-o", "nodir/c.yaml"],
        2,
        r"nodir/c\.yaml: cannot write the output: folder 'nodir' does not exist",
    ),
    Case("extract -o onto a directory", {"d.md": SOURCE}, ["extract", "d.md", "-o", "src"], 2, r"'src' is a directory"),
    Case(
        "baseline -o into a missing folder",
        {"c.yaml": claims()},
        ["baseline", "c.yaml", "--sources", "src", "--no-cache", "-o", "nodir/b.json"],
        2,
        r"nodir/b\.json: cannot write the output: folder 'nodir' does not exist",
    ),
    # --- the cache folder
    Case(
        "--cache-dir that is a file",
        {"c.yaml": claims(), "afile": "x"},
        ["check", "c.yaml", "--sources", "src", "--cache-dir", "afile"],
        2,
        r"afile: cannot use it as the cache folder: it exists and is not a folder",
    ),
    # --- config files
    Case(
        "tool = 'x' in a pyproject.toml found on the way up is not ours",
        {"c.yaml": claims(), "pyproject.toml": 'tool = "x"\n'},
        CHECK,
        0,
        r"1 claim",
    ),
    Case(
        "tool = 'x' in a pyproject.toml named with --config",
        {"c.yaml": claims(), "pyproject.toml": 'tool = "x"\n'},
        CHECK + ["--config", "pyproject.toml"],
        2,
        r"pyproject\.toml: no \[tool\.claimcheck\] table",
    ),
    Case(
        "tool.claimcheck that is not a table",
        {"c.yaml": claims(), "pyproject.toml": '[tool]\nclaimcheck = "x"\n'},
        CHECK,
        2,
        r"pyproject\.toml:2:1: 'tool\.claimcheck' should be a table",
    ),
]


def _materialise(root: Path, files: dict[str, str | bytes]) -> None:
    (root / "src").mkdir()
    (root / "src" / "a.txt").write_text(SOURCE, encoding="utf-8")
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


def _assert_clean_failure(result, case_exit: int) -> None:
    assert "Traceback" not in result.output
    if case_exit == 2:
        lines = [x for x in result.stderr.splitlines() if x.strip()]
        assert lines, "an error must be said"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, tmp_path):
    _materialise(tmp_path, case.files)
    result = run_cli(case.args, tmp_path)
    assert result.exit_code == case.exit, result.output
    assert re.search(case.message, result.output), result.output
    _assert_clean_failure(result, case.exit)
    assert not list(tmp_path.rglob("*.tmp")), "no temporary file survives"


def test_the_claim_cap_counts_claims_and_says_so(tmp_path, monkeypatch):
    from checker.ingest import claims_file

    monkeypatch.setattr(claims_file, "MAX_CLAIMS", 3)
    body = "claims:\n" + "".join(f"  - id: c{i}\n    text: Claim number {i}.\n" for i in range(4))
    _materialise(tmp_path, {"c.yaml": body})
    result = run_cli(CHECK, tmp_path)
    assert result.exit_code == 2
    assert re.search(
        r"c\.yaml:8:5: 4 claims in one file; the limit is 3 \(split it into several files\)", result.stderr
    ), result.stderr
    assert "alias" not in result.stderr


def test_the_alias_cap_counts_only_what_aliases_add(tmp_path, monkeypatch):
    """A large file without an alias is not an alias bomb (100,000 claims were refused as one);
    a small file whose aliases expand past the cap still is."""
    from checker.ingest import claims_file

    monkeypatch.setattr(claims_file, "_MAX_NODES", 1000)
    plain = "claims:\n" + "".join(f"  - id: c{i}\n    text: Claim number {i}.\n" for i in range(600))
    bomb = (
        "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 4))
        + plain
    )
    _materialise(tmp_path, {"plain.yaml": plain, "bomb.yaml": bomb})
    assert run_cli(["check", "plain.yaml", "--no-cache"], tmp_path).exit_code == 0
    result = run_cli(["check", "bomb.yaml", "--no-cache"], tmp_path)
    assert result.exit_code == 2 and "aliases expand too far for a claim file" in result.stderr


def test_is_claim_file_never_raises_on_an_unknown_yaml_version(tmp_path):
    from checker.ingest.claims_file import is_claim_file

    (tmp_path / "v.yaml").write_text("%YAML 1.10\n---\nclaims: []\n", encoding="utf-8")
    assert is_claim_file(tmp_path / "v.yaml") is False


def test_an_internal_error_says_so_in_one_line_and_exits_2(tmp_path, monkeypatch):
    import checker.cli

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(checker.cli, "check", broken)
    _materialise(tmp_path, {"c.yaml": claims()})
    result = run_cli(CHECK, tmp_path)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimcheck: internal error (ZeroDivisionError: a bug)")
    assert "report it" in lines[0] and "CLAIMCHECK_DEBUG=1" in lines[0] and "Traceback" not in result.output
    monkeypatch.setenv("CLAIMCHECK_DEBUG", "1")
    debug = run_cli(CHECK, tmp_path)
    assert debug.exit_code == 2 and "Traceback" in debug.stderr and "ZeroDivisionError" in debug.stderr


@pytest.mark.parametrize("name", ["ca#che", "ca?che", "ca%20che"])
def test_cache_dir_with_uri_characters(tmp_path, name):
    _materialise(tmp_path, {"c.yaml": claims()})
    for _ in range(2):  # built, then opened from the cache
        result = run_cli(["check", "c.yaml", "--sources", "src", "--cache-dir", name], tmp_path)
        assert result.exit_code == 0, result.output
    assert len(list((tmp_path / name).glob("passages-*.sqlite"))) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["c.yaml", "src", name])  # no stray 'ca'


def test_default_cache_that_cannot_be_made_moves_to_the_user_cache(tmp_path, monkeypatch):
    """As in a read-only checkout: the run works, the cache goes under XDG_CACHE_HOME."""
    _materialise(tmp_path, {"c.yaml": claims(), ".claimcheck_cache": "not a folder"})
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    result = run_cli(["check", "c.yaml", "--sources", "src"], tmp_path)
    assert result.exit_code == 0, result.output
    assert re.search(r"warning: cannot create the cache folder \.claimcheck_cache .*; using .*xdg", result.stderr)
    assert len(list((tmp_path / "xdg" / "claimcheck").glob("*/passages-*.sqlite"))) == 1


needs_non_root = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="permissions do not bind root, so read-only cases cannot be made"
)


@needs_non_root
def test_read_only_checkout_with_the_default_cache(tmp_path, monkeypatch):
    _materialise(tmp_path, {"c.yaml": claims()})
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path.parent / f"{tmp_path.name}-xdg"))
    tmp_path.chmod(0o555)
    try:
        result = run_cli(["check", "c.yaml", "--sources", "src"], tmp_path)
    finally:
        tmp_path.chmod(0o755)
    assert result.exit_code == 0, result.output
    assert "warning: cannot create the cache folder .claimcheck_cache" in result.stderr


@needs_non_root
@pytest.mark.parametrize("command", [CHECK, ["extract", "d.md"]])
def test_output_into_a_read_only_folder(tmp_path, command):
    _materialise(tmp_path, {"c.yaml": claims(), "d.md": SOURCE})
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro").chmod(0o555)
    try:
        result = run_cli(command + ["-o", "ro/out"], tmp_path)
    finally:
        (tmp_path / "ro").chmod(0o755)
    assert result.exit_code == 2
    assert "ro/out: cannot write the output: folder 'ro' is not writable" in result.stderr


@needs_non_root
def test_unreadable_pyproject_in_a_parent(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.claimcheck]\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").chmod(0)
    sub = tmp_path / "sub"
    sub.mkdir()
    _materialise(sub, {"c.yaml": claims()})
    try:
        result = run_cli(CHECK, sub)
        isolated = run_cli(CHECK + ["--isolated"], sub)
    finally:
        (tmp_path / "pyproject.toml").chmod(0o644)
    assert result.exit_code == 2
    assert re.search(
        r"pyproject\.toml: cannot read it to look for \[tool\.claimcheck\]: Permission denied "
        r"\(use --config FILE or --isolated\)",
        result.stderr,
    )
    assert isolated.exit_code == 0


def test_an_interrupted_run_exits_2_not_1(tmp_path, monkeypatch):
    """Click turns Ctrl-C into exit 1, which CI would read as findings."""
    import checker.cli

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(checker.cli, "check", interrupted)
    _materialise(tmp_path, {"c.yaml": claims()})
    result = run_cli(CHECK, tmp_path)
    assert result.exit_code == 2 and result.stderr == "claimcheck: interrupted\n"
