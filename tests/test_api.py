"""The documented Python API: ``from checker import check`` with str or Path, returning the report."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

from checker import check
from checker.errors import InputErrors
from checker.models import Report


@pytest.fixture
def demo(tmp_path, repo, monkeypatch) -> Path:
    shutil.copytree(repo / "claims", tmp_path / "claims")
    shutil.copytree(repo / "sources", tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _verdicts(report: Report) -> dict[str, str]:
    return {c.id: c.verdict for c in report.claims}


def test_str_and_path_give_the_report_the_cli_gives(demo):
    from_str = check("claims", "sources")
    from_path = check([Path("claims/demo.yaml")], [Path("sources")])
    assert isinstance(from_str, Report)
    assert from_str.model_dump() == from_path.model_dump()
    cli = json.loads(run_cli(["check", "-f", "json", "--no-cache"], demo).output)
    assert from_str.model_dump(mode="json") == cli
    s = from_str.summary
    assert (s.supported, s.contradicted, s.unverified) == (3, 3, 2)


def test_absolute_str_paths_and_prefix_selection(demo):
    report = check(
        str(demo / "claims"), [str(demo / "sources")], select=["CC-PLACE", "CC-DATE"], ignore=["CC-DATE-001"]
    )
    assert [f.rule for f in report.findings] == ["CC-PLACE-001"]
    assert _verdicts(report)["yeltsin-visit-wrong-date"] == "unverified"  # hidden, never supported
    with pytest.raises(ValueError, match="CC-NOPE"):
        check("claims", "sources", select=["CC-NOPE"])


def test_exclude_per_file_ignores_and_severity(demo):
    (demo / "claims" / "old").mkdir()
    shutil.copy(demo / "claims" / "demo.yaml", demo / "claims" / "old" / "copy.yaml")
    assert check("claims", "sources", exclude=["old"]).summary.files == ["claims/demo.yaml"]
    report = check(
        "claims/demo.yaml", "sources", per_file_ignores={"claims/*.yaml": ["CC-PLACE"]}, severity={"CC-DATE": "info"}
    )
    assert "CC-PLACE-001" not in {f.rule for f in report.findings}
    date = next(f for f in report.findings if f.rule == "CC-DATE-001")
    assert date.severity.value == "info" and report.summary.infos == 1
    assert _verdicts(report)["yeltsin-visit-wrong-date"] == "contradicted"
    with pytest.raises(ValueError):
        check("claims", "sources", severity={"CC-DATE": "loud"})


def test_bad_input_raises_input_errors_with_positions(demo):
    (demo / "claims" / "bad.yaml").write_text("claims:\n  - id: x\n")
    with pytest.raises(InputErrors) as exc:
        check("claims/bad.yaml")
    assert exc.value.errors[0].render().startswith("claims/bad.yaml:2:5:")


def test_import_checker_stays_light():
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, checker; print('checker.engine' in sys.modules, "
            "'rapidfuzz' in sys.modules); from checker import check; print(check.__module__)",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.stdout.split() == ["False", "False", "checker.api"], out.stderr


def test_progress_reports_every_stage_from_the_first_file_read(demo):
    events = []
    check("claims", "sources", progress=lambda stage, done, total: events.append((stage, done, total)))
    stages = list(dict.fromkeys(stage for stage, _, _ in events))
    assert stages == ["reading inputs", "reading sources", "learning names", "indexing sources", "checking claims"]
    assert events[0] == ("reading inputs", 0, 1)
    sources = [e for e in events if e[0] == "reading sources"]
    assert [d for _, d, _ in sources] == [0, 1, 2, 3] and {t for *_, t in sources} == {4}
    checked = [d for s, d, _ in events if s == "checking claims"]
    assert checked == list(range(1, 9))  # one update per claim: no stall on a slow claim
