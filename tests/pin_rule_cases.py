"""Fill in what a rule case pins of each expected hit (message, spans and their text) from a
run of the rule, for a reviewer to read in the diff before committing.

    python tests/pin_rule_cases.py [CODE ...]

Only expected hits written as one-line ``{claim_value: ..., evidence_value: ...}`` and lacking
the pinned keys are rewritten (as block mappings); a pinned hit is never touched. The run must
give the values the case expects, else the file is left alone and the case named.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ruamel.yaml import YAML

sys.path.insert(0, str(Path(__file__).parent))

from test_rules import CASES, PINNED, run  # noqa: E402


def _scalar(value) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else json.dumps(value)


def pin_file(path: Path) -> int:
    """Rewrite ``path`` in place; returns how many expected hits were filled in."""
    lines = path.read_text(encoding="utf-8").split("\n")
    data = YAML().load("\n".join(lines))  # round-trip: keeps line numbers
    code = data["rule"]
    edits: dict[int, list[str]] = {}
    for case in data["cases"]:
        want = case["expect"]
        todo = [j for j, e in enumerate(want) if any(k not in e for k in PINNED)]
        if not todo:
            continue
        got = run(code, case)
        if [(g["claim_value"], g["evidence_value"]) for g in got] != [
            (e["claim_value"], e["evidence_value"]) for e in want
        ]:
            raise SystemExit(f"{path}: case {case.get('name')} gives other values; fix the case first")
        for j in todo:
            line, _ = want.lc.item(j)
            text = lines[line]
            if not (text.lstrip().startswith("- {") and text.rstrip().endswith("}")):
                raise SystemExit(f"{path}:{line + 1}: only one-line expected hits are filled in")
            indent = text[: len(text) - len(text.lstrip())]
            entry = dict(want[j])
            entry.update({k: got[j][k] for k in (*PINNED, "evidence_in") if k in got[j]})
            out = []
            for k, v in entry.items():
                value = f"[{v[0]}, {v[1]}]" if k.endswith("_span") else _scalar(v)
                out.append(f"{indent}{'- ' if not out else '  '}{k}: {value}")
            edits[line] = out
    for line in sorted(edits, reverse=True):
        lines[line : line + 1] = edits[line]
    if edits:
        path.write_text("\n".join(lines), encoding="utf-8", newline="\n")
    return len(edits)


def main(codes: list[str]) -> None:
    paths = [CASES / f"{c}.yaml" for c in codes] if codes else sorted(CASES.glob("*.yaml"))
    for path in paths:
        n = pin_file(path)
        if n:
            print(f"{path}: {n} expected hit(s) pinned")


if __name__ == "__main__":
    main(sys.argv[1:])
