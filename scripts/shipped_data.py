"""The command line of the scripts that cut a data file the package ships from a package that
is not a runtime dependency (``build_gazetteer.py``, ``build_lemma_table.py``): write the file,
or with ``--check`` say whether the shipped file is what the script would write now."""

from __future__ import annotations

import argparse
import gzip
import os
import sys
from collections.abc import Callable
from pathlib import Path

from checker.atomic import default_mode, temp_beside


def main(argv: list[str] | None, script: str, doc: str, target: Path, build: Callable[[], str]) -> int:
    """Run the script ``script`` (its ``__file__``, ``doc`` its docstring): ``build()`` gives the
    file's text; a ``.gz`` target is stored gzipped."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing it")
    args = ap.parse_args(argv)
    text = build()
    zipped = target.suffix == ".gz"
    if args.check:
        current = b""
        if target.exists():
            current = gzip.decompress(target.read_bytes()) if zipped else target.read_bytes()
        if current.decode("utf-8") != text:
            print(f"{target} is out of date; run python scripts/{Path(script).name}", file=sys.stderr)
            return 1
        print(f"{target}: up to date")
        return 0
    data = text.encode("utf-8")
    if zipped:
        data = gzip.compress(data, compresslevel=9, mtime=0)  # mtime 0: the same bytes for the same text
    with temp_beside(target) as tmp:
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, default_mode()), "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    print(f"wrote {target} ({len(text.splitlines())} lines, {len(data):,} bytes)")
    return 0
