"""The official GitHub Action (action.yml): valid metadata, documented in docs/ci.md, and its
shell steps do what they say when run as the runner runs them.

The metadata is validated against SchemaStore's github-action.json, vendored in tests/schemas/
(source and Apache-2.0 licence in tests/schemas/github-action.SOURCE.md). The steps' scripts are
run with bash with the runner's environment files (GITHUB_OUTPUT, GITHUB_PATH,
GITHUB_STEP_SUMMARY) and the ``${{ ... }}`` expressions they use filled in, as the runner would.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "tests" / "schemas" / "github-action.json"


@pytest.fixture(scope="module")
def action() -> dict:
    return YAML(typ="safe").load((REPO / "action.yml").read_text())


def test_action_metadata_is_valid_against_schemastore(action):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema not installed (pip install -e '.[test]')")
    schema = json.loads(SCHEMA.read_text())
    assert schema["$id"] == "https://json.schemastore.org/github-action.json"
    jsonschema.Draft7Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(action), key=str)
    assert not errors, [e.message for e in errors]
    # and the validator does reject a broken one, so the check above can fail
    broken = {
        **action,
        "runs": {**action["runs"], "using": "composite", "steps": [{"run": "echo"}]},
        "inputs": {"x": 1},
    }
    assert list(jsonschema.Draft7Validator(schema).iter_errors(broken))


def test_action_is_composite_and_installs_from_its_own_checkout(action):
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert install["env"]["ACTION_PATH"] == "${{ github.action_path }}" and '"$ACTION_PATH[html]"' in install["run"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif@") for s in steps)
    assert "--step-summary" in next(s for s in steps if s.get("id") == "check")["run"]
    used = set(re.findall(r"inputs\.([a-z-]+)", (REPO / "action.yml").read_text()))
    assert used == set(action["inputs"])  # every input is used, none is used undeclared


def test_docs_use_the_action_with_inputs_it_has(action):
    ci = (REPO / "docs" / "ci.md").read_text()
    workflows = [YAML(typ="safe").load(block) for block in re.findall(r"```yaml\n(.*?)```", ci, re.S)]
    uses = [
        step
        for wf in workflows
        if isinstance(wf, dict) and "jobs" in wf
        for job in wf["jobs"].values()
        for step in job["steps"]
        if re.fullmatch(r"[\w.-]+/claimcheck@v\d+\.\d+\.\d+", step.get("uses", ""))
    ]
    assert uses, "docs/ci.md has no workflow that uses the action"
    for step in uses:
        assert set(step.get("with", {})) <= set(action["inputs"])
    assert "pip install claimcheck\n" not in ci and "pip install claimcheck " not in ci


def _expand(text: str, inputs: dict, outputs: dict) -> str:
    def value(m):
        expr = m.group(1).strip()
        if expr.startswith("inputs."):
            return inputs[expr[len("inputs.") :]]
        if expr == "github.action_path":
            return str(REPO)
        if expr.startswith("steps.check.outputs."):
            return outputs.get(expr[len("steps.check.outputs.") :], "")
        raise AssertionError(f"expression the test does not know: {expr}")

    return re.sub(r"\$\{\{(.*?)\}\}", value, text)


def _run_step(step: dict, cwd: Path, inputs: dict, outputs: dict, files: dict, path_dirs: list[str]):
    env = {
        **os.environ,
        "GITHUB_OUTPUT": str(files["output"]),
        "GITHUB_PATH": str(files["path"]),
        "GITHUB_STEP_SUMMARY": str(files["summary"]),
        "RUNNER_TEMP": str(files["temp"]),
    }
    env["PATH"] = os.pathsep.join([*path_dirs, env["PATH"]])
    env.pop("NO_COLOR", None)
    for k, v in (step.get("env") or {}).items():
        env[k] = _expand(str(v), inputs, outputs)
    assert step["shell"] == "bash"
    script = files["temp"] / "step.sh"
    script.write_text(step["run"])
    # how the runner runs a `shell: bash` step
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def _outputs(path: Path) -> dict:
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)


@pytest.fixture
def runner(tmp_path, repo):
    work = tmp_path / "workspace"
    shutil.copytree(repo / "claims", work / "claims")
    shutil.copytree(repo / "sources", work / "sources")
    files = {
        "output": tmp_path / "output",
        "path": tmp_path / "path",
        "summary": tmp_path / "summary",
        "temp": tmp_path / "runner-temp",
    }
    for key in ("output", "path", "summary"):
        files[key].write_text("")
    files["temp"].mkdir()
    return work, files


def test_check_step_writes_sarif_outputs_and_summary_and_the_last_step_fails(action, runner):
    work, files = runner
    inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    steps = {s.get("name"): s for s in action["runs"]["steps"]}
    here = [str(Path(sys.executable).parent)]  # this test's claimcheck (the install step is tested below)
    if shutil.which("claimcheck", path=here[0]) is None:
        pytest.skip("the claimcheck command is not installed beside this Python")
    done = _run_step(steps["Check claims"], work, inputs, {}, files, here)
    assert done.returncode == 0, done.stderr  # findings do not stop the upload step
    out = _outputs(files["output"])
    assert out["exit-code"] == "1" and out["sarif-file"] == "claimcheck.sarif"
    sarif = json.loads((work / "claimcheck.sarif").read_text())
    assert sarif["version"] == "2.1.0" and len(sarif["runs"][0]["results"]) == 4
    summary = files["summary"].read_text()
    assert "contradicted" in summary.lower() and "claims/demo.yaml" in summary
    fail = _run_step(steps["Fail on findings"], work, inputs, out, files, here)
    assert fail.returncode == 1 and "claimcheck exited 1" in fail.stderr
    # a clean run passes: only an info-level rule selected
    files["output"].write_text("")
    clean = _run_step(steps["Check claims"], work, {**inputs, "args": "--select CC-ANNIV"}, {}, files, here)
    out = _outputs(files["output"])
    assert clean.returncode == 0 and out["exit-code"] == "0"
    assert _run_step(steps["Fail on findings"], work, inputs, out, files, here).returncode == 0
    # a broken claim file: exit 2, no SARIF to upload, the job fails
    files["output"].write_text("")
    (work / "claimcheck.sarif").unlink()
    (work / "claims" / "bad.yaml").write_text("claims:\n  - id: x\n")
    broken = _run_step(steps["Check claims"], work, inputs, {}, files, here)
    out = _outputs(files["output"])
    assert broken.returncode == 0 and out["exit-code"] == "2" and "sarif-file" not in out
    assert "claims/bad.yaml:2:5:" in broken.stderr


@pytest.mark.skipif(os.environ.get("CLAIMCHECK_SKIP_INSTALL_TESTS") == "1", reason="CLAIMCHECK_SKIP_INSTALL_TESTS=1")
def test_install_step_installs_this_checkout_into_its_own_venv(action, runner):
    work, files = runner
    inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    install = next(
        s for s in action["runs"]["steps"] if s.get("name") == "Install claimcheck from the action's checkout"
    )
    done = _run_step(install, work, inputs, {}, files, [])
    if done.returncode != 0 and ("Could not find a version" in done.stderr or "Network" in done.stderr):
        pytest.skip(f"the package registry is not reachable: {done.stderr[-300:]}")
    assert done.returncode == 0, done.stderr[-3000:]
    (bin_dir,) = files["path"].read_text().split()
    assert bin_dir == str(files["temp"] / "claimcheck-venv" / "bin")
    version = subprocess.run([str(Path(bin_dir) / "claimcheck"), "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and "claimcheck" in version.stdout
    shown = subprocess.run(
        [str(Path(bin_dir) / "python"), "-m", "pip", "show", "claimcheck-offline"], capture_output=True, text=True
    )
    assert "Name: claimcheck-offline" in shown.stdout
    html = subprocess.run([str(Path(bin_dir) / "python"), "-c", "import trafilatura"], capture_output=True, text=True)
    assert html.returncode == 0, "the action installs the html extra"
