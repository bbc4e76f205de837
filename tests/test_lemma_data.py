"""Lemmas and word classes ship as a small table: the checker reads them without lemminflect or
numpy (73 MB of the install), and the table is exactly lemminflect's lookup, as
scripts/build_lemma_table.py writes it out."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NEEDS_LEMMINFLECT = pytest.mark.skipif(
    importlib.util.find_spec("lemminflect") is None,
    reason="lemminflect not installed (pip install -e '.[test]' brings it)",
)


def test_statements_are_read_without_lemminflect_or_numpy():
    # both made unimportable: the shipped table alone must give lemmas, classes and a statement
    code = (
        "import sys; sys.modules['lemminflect'] = None; sys.modules['numpy'] = None\n"
        "from checker.extract.lexicon import verb_lemmas, noun_lemma, word_classes\n"
        "from checker.extract import Extractor\n"
        "print(verb_lemmas('Rose'), noun_lemma('Museums'), sorted(word_classes('left')), word_classes('Qzxv'))\n"
        "text = 'The harbour museums reopened on 4 May 2019.'\n"
        "print(Extractor().extract(text).statement.predicate.lemma)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == [
        "('rise',) museum ['ADJ', 'ADV', 'NOUN', 'VERB'] frozenset()",
        "reopen",
    ]


def test_a_check_run_never_loads_numpy(tmp_path):
    for folder in ("claims", "sources"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    code = (
        "import sys; from click.testing import CliRunner; from checker.cli import main\n"
        "r = CliRunner().invoke(main, ['check', '--isolated', 'claims', '--sources', 'sources'])\n"
        "print(r.exit_code, 'numpy' in sys.modules, 'lemminflect' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[0] == "1 False False"  # the demo has contradictions: exit 1


def test_lemminflect_and_numpy_are_not_runtime_dependencies():
    deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {re.split(r"[<>=!~ \[]", d, maxsplit=1)[0].lower() for d in deps}
    assert not names & {"lemminflect", "numpy"}
    assert (REPO / "checker" / "data" / "lemmas.tsv.gz").stat().st_size < 400_000


@NEEDS_LEMMINFLECT
def test_shipped_table_is_what_the_build_script_writes():
    out = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_lemma_table.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr


@NEEDS_LEMMINFLECT
def test_every_word_of_our_own_texts_gets_lemminflects_answer():
    # word forms as they occur in our own cases and documents, capitals and unknown words included
    import lemminflect

    from checker.extract.lemma_table import all_lemmas

    words: set[str] = set()
    for path in [*(REPO / "tests" / "cases").rglob("*.yaml"), *(REPO / "tests" / "data").rglob("*.md")]:
        words.update(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", path.read_text(encoding="utf-8")))
    assert len(words) > 2000
    differ = [w for w in sorted(words) if all_lemmas(w) != lemminflect.getAllLemmas(w.lower())]
    assert differ == []
