"""The same inputs give the same report, whatever order the files, sources or claims come in.

Claims used to be paired only with the claims listed before them, so listing two claim files
the other way round moved a contradiction from one claim to the other; reversing --sources
changed the report's bytes.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, run_cli

from checker.engine import CheckConfig, check

DEMO = REPO / "claims" / "demo.yaml"
SOURCES = sorted((REPO / "sources").glob("*.md"))

# two claims that cannot both hold: the claim-vs-claim comparison must find them whichever
# comes first, and say so on both
_RIVALS = {
    "x-yeltsin-tokyo-10.yaml": "  - id: b-yeltsin-tokyo\n    text: Boris Yeltsin visited Tokyo on November 10, 1997.\n",
    "y-yeltsin-tokyo-14.yaml": "  - id: c-yeltsin-tokyo\n    text: Boris Yeltsin visited Tokyo on November 14, 1997.\n",
}


def _claim_blocks(text: str) -> list[str]:
    body = text.split("claims:\n", 1)[1]
    return [b.rstrip("\n") + "\n" for b in re.split(r"\n(?=  - id:)", body) if b.strip()]


@pytest.fixture
def split_demo(tmp_path: Path) -> tuple[Path, list[Path], list[Path]]:
    """The bundled demo with one claim per file, the two rival claims, and a copy of the sources."""
    claims = tmp_path / "claims"
    claims.mkdir()
    files = []
    for k, block in enumerate(_claim_blocks(DEMO.read_text(encoding="utf-8"))):
        path = claims / f"{chr(97 + k)}-demo.yaml"
        path.write_text("claims:\n" + block, encoding="utf-8")
        files.append(path)
    for name, block in _RIVALS.items():
        path = claims / name
        path.write_text("claims:\n" + block, encoding="utf-8")
        files.append(path)
    sources = []
    for src in SOURCES:
        sources.append(Path(shutil.copy(src, tmp_path / src.name)))
    return tmp_path, files, sources


def _report(root: Path, files: list[Path], sources: list[Path]) -> str:
    return check(files, CheckConfig(sources=sources, cache_dir=None, root=root)).model_dump_json(indent=2)


def _orders(items: list, n: int = 2) -> list[list]:
    rng = random.Random(15)
    out = [list(reversed(items))]
    for _ in range(n):
        shuffled = list(items)
        rng.shuffle(shuffled)
        out.append(shuffled)
    return out


def test_permuted_claim_files_and_sources_give_one_report(split_demo):
    root, files, sources = split_demo
    expected = _report(root, files, sources)
    for files_order, sources_order in zip(_orders(files), _orders(sources)):
        assert _report(root, files_order, sources_order) == expected


def test_split_demo_keeps_the_demo_verdicts_and_rivals_contradict_each_other(split_demo):
    root, files, sources = split_demo
    report = check(files, CheckConfig(sources=sources, cache_dir=None, root=root))
    verdicts = {c.id: c.verdict for c in report.claims}
    demo_ids = [re.search(r"id: (\S+)", b).group(1) for b in _claim_blocks(DEMO.read_text(encoding="utf-8"))]
    demo = [verdicts[i] for i in demo_ids]
    assert (demo.count("supported"), demo.count("contradicted"), demo.count("unverified")) == (3, 3, 2)
    assert verdicts["putin-arrival"] == "supported"
    # each rival is contradicted by the other, whichever file is read first
    assert verdicts["b-yeltsin-tokyo"] == verdicts["c-yeltsin-tokyo"] == "contradicted"
    by_claim = {f.claim_id: f for f in report.findings if f.rule == "CC-DATE-001" and f.claim_id.endswith("tokyo")}
    assert set(by_claim) == {"b-yeltsin-tokyo", "c-yeltsin-tokyo"}


def _per_claim(report) -> dict[str, tuple]:
    findings = {f.id: f for f in report.findings}
    return {
        c.id: (
            c.verdict,
            sorted(
                (
                    findings[x].rule,
                    findings[x].claim_value,
                    findings[x].evidence_value,
                    findings[x].evidence.path,
                    findings[x].evidence.text,
                )
                for x in c.findings
            ),
        )
        for c in report.claims
    }


def test_claims_reordered_inside_a_file_keep_their_verdicts_and_findings(tmp_path):
    blocks = _claim_blocks(DEMO.read_text(encoding="utf-8")) + list(_RIVALS.values())
    sources = [Path(shutil.copy(s, tmp_path / s.name)) for s in SOURCES]
    results = []
    for order in [blocks] + _orders(blocks):
        path = tmp_path / "claims.yaml"
        path.write_text("claims:\n" + "".join(order), encoding="utf-8")
        results.append(_per_claim(check([path], CheckConfig(sources=sources, cache_dir=None, root=tmp_path))))
    assert all(r == results[0] for r in results[1:])
    assert results[0]["b-yeltsin-tokyo"][0] == results[0]["c-yeltsin-tokyo"][0] == "contradicted"


def test_documents_listed_in_any_order_give_one_report(tmp_path):
    docs = []
    texts = [
        "# Notes\n\nBoris Yeltsin visited Beijing on November 10, 1997.\n",
        "# More notes\n\nBoris Yeltsin visited Beijing on November 12, 1997.\n\nThe museum opened in 1902.\n",
        "# Third\n\nThe museum opened in 1920.\n",
    ]
    for k, text in enumerate(texts):
        path = tmp_path / f"doc{k}.md"
        path.write_text(text, encoding="utf-8")
        docs.append(path)
    expected = check(docs, CheckConfig(cache_dir=None, root=tmp_path)).model_dump_json()
    for order in _orders(docs):
        assert check(order, CheckConfig(cache_dir=None, root=tmp_path)).model_dump_json() == expected


def test_cli_report_bytes_do_not_depend_on_the_order_of_sources(tmp_path):
    shutil.copytree(REPO / "claims", tmp_path / "claims")
    folders = []
    for k, src in enumerate(SOURCES):
        folder = tmp_path / f"src{k}"
        folder.mkdir()
        shutil.copy(src, folder / src.name)
        folders.append(folder.name)
    outputs = []
    for order in (folders, list(reversed(folders))):
        args = ["check", "claims", "--no-cache", "-f", "json"]
        for name in order:
            args += ["-s", name]
        result = run_cli(args, tmp_path)
        assert result.exit_code == 1, result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[1]
