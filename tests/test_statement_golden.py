"""Golden readings of the statement reader over our own sentences (tests/cases).

One line per sentence: a short digest of its statement and clause statements (everything the
reader decides, the date and figure objects in slots left to their own goldens), its group and
its first words. A change of reading shows as the changed lines of ``tests/golden/statements.txt``;
``python -m benchmarks.statement_dump --own-only --out F`` before and after shows what changed.
Regenerate with ``CLAIMCHECK_UPDATE_GOLDENS=1 python -m pytest tests/test_statement_golden.py``.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from benchmarks.statement_dump import own_groups, readings

GOLDEN = Path(__file__).parent / "golden" / "statements.txt"


def _reading_key(line: str) -> str:
    row = json.loads(line)
    for st in [row["statement"], *row["clauses"]]:
        for slot in st["slots"] if st else ():
            slot.pop("date", None)
            slot.pop("quantity", None)
    return hashlib.sha256(json.dumps(row, sort_keys=True).encode("utf-8")).hexdigest()[:12]


def _lines() -> list[str]:
    out = []
    for group, text, line in readings(own_groups()):
        head = " ".join(text.split())[:72]
        out.append(f"{_reading_key(line)}  {group}  {head}")
    return out


def test_statement_readings_of_our_sentences_are_unchanged():
    lines = _lines()
    assert len(lines) > 500  # the dev corpora and the rule cases are all read
    text = "\n".join(lines) + "\n"
    if os.environ.get("CLAIMCHECK_UPDATE_GOLDENS") == "1":
        GOLDEN.write_text(text, encoding="utf-8", newline="\n")
    assert GOLDEN.exists(), f"missing golden {GOLDEN}; run with CLAIMCHECK_UPDATE_GOLDENS=1"
    stored = GOLDEN.read_text(encoding="utf-8").splitlines()
    changed = [line for line in lines if line not in set(stored)]
    assert not changed and len(stored) == len(lines), "statement readings changed:\n" + "\n".join(changed[:20])
