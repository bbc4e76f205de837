"""Fuzz the loaders and extractors for a fixed budget: ``python -m fuzz.run --inputs 1000000``.

Each input is one byte choosing a target (an extractor, or a loader for one file type) and the
bytes it is given. Inputs grow from the seed corpus (``fuzz/corpus/<type>/``) and the dictionary
(``fuzz/fuzz.dict``). Engines: atheris (coverage-guided libFuzzer; ``pip install atheris``) when
it is installed, else a plain mutation loop over the same corpus and dictionary (``--engine``
picks). A failure is bucketed by its exception and the innermost frame of our code; the first
input of each bucket is written to ``--crashes`` (default ``fuzz/crashes/``) to be kept as a
regression case (``fuzz/regressions/cases.toml``). The run prints the number of inputs and the
buckets, and exits 1 when there is any.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import logging
import os
import random
import sys
import tempfile
import time
import tomllib
import traceback
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
DICTIONARY = HERE / "fuzz.dict"
REGRESSIONS = HERE / "regressions"

_DOC_DATES = (None, dt.date(2024, 5, 15), dt.date(1, 1, 1), dt.date(9999, 12, 31))


def _targets() -> list[tuple[str, str]]:
    from .targets import EXTRACTOR_NAMES, LOADER_SUFFIXES

    return [("extractor", n) for n in EXTRACTOR_NAMES] + [("loader", s) for s in LOADER_SUFFIXES]


# --------------------------------------------------------------------------- dictionary, corpus


def load_dictionary(path: Path = DICTIONARY) -> list[bytes]:
    """The tokens of a libFuzzer dictionary file ("..." per line, \\xNN \\n \\t \\\\ \\" escapes)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        body = line[line.index('"') + 1 : line.rindex('"')]
        raw, i = bytearray(), 0
        while i < len(body):
            c = body[i]
            if c == "\\" and i + 1 < len(body):
                nxt = body[i + 1]
                if nxt == "x":
                    raw.append(int(body[i + 2 : i + 4], 16))
                    i += 4
                    continue
                raw += {"n": b"\n", "t": b"\t", "r": b"\r"}.get(nxt, nxt.encode())
                i += 2
                continue
            raw += c.encode()
            i += 1
        out.append(bytes(raw))
    return out


def seeds() -> list[bytes]:
    """Every seed as a fuzz input: its target's selector byte, then its bytes."""
    out = []
    for k, (kind, name) in enumerate(_targets()):
        folder = CORPUS / ("text" if kind == "extractor" else name.lstrip("."))
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            out.append(bytes([k, 0]) + path.read_bytes())
    return out


# --------------------------------------------------------------------------- one input


class Harness:
    """Runs inputs and buckets their failures."""

    def __init__(self, crashes: Path):
        from .targets import check_extractor, check_loader

        self.check_extractor, self.check_loader = check_extractor, check_loader
        # the readers' notes (a PDF's text pypdf could not read) are noise here: crashes are counted
        logging.getLogger("claimcheck").setLevel(logging.ERROR)
        self.targets = _targets()
        self.crashes = crashes
        self.folder = Path(tempfile.mkdtemp(prefix="claimcheck-fuzz-"))
        self.inputs = 0
        self.buckets: dict[str, tuple[str, int]] = {}  # bucket -> (first message, count)

    def one(self, data: bytes) -> None:
        self.inputs += 1
        if len(data) < 2:
            return
        kind, name = self.targets[data[0] % len(self.targets)]
        try:
            if kind == "extractor":
                self.check_extractor(name, data[2:].decode("utf-8", "replace"), _DOC_DATES[data[1] % len(_DOC_DATES)])
            else:
                self.check_loader(name, data[2:], self.folder)
        except Exception as e:  # noqa: BLE001 - every failure is what we are looking for
            self._bucket(kind, name, e, data)

    def _bucket(self, kind: str, name: str, e: Exception, data: bytes) -> None:
        frames = [
            f for f in traceback.extract_tb(e.__traceback__) if "/checker/" in f.filename
        ] or traceback.extract_tb(e.__traceback__)[-1:]
        where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
        bucket = f"{kind}-{name.lstrip('.')}-{type(e).__name__}-{where}"
        first, count = self.buckets.get(bucket, (f"{type(e).__name__}: {e}"[:200], 0))
        if count == 0:
            self.crashes.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha1(data).hexdigest()[:10]
            (self.crashes / f"{bucket.replace(':', '_')}-{digest}.bin").write_bytes(data)
        self.buckets[bucket] = (first, count + 1)

    def summary(self, seconds: float) -> str:
        lines = [f"{self.inputs:,} inputs in {seconds:.0f} s, {len(self.buckets)} crash bucket(s)"]
        for bucket, (first, count) in sorted(self.buckets.items()):
            lines.append(f"  {bucket}: {count} input(s); first: {first}")
        return "\n".join(lines)


# --------------------------------------------------------------------------- engines


def mutate_loop(harness: Harness, inputs: int, seconds: float, seed: int) -> None:
    """A plain mutation fuzzer: seeds changed by random edits and dictionary tokens."""
    rng = random.Random(seed)
    pool = seeds()
    tokens = load_dictionary()
    for s in pool:
        harness.one(s)
    end = time.monotonic() + seconds if seconds else None
    while harness.inputs < inputs and (end is None or time.monotonic() < end):
        data = bytearray(rng.choice(pool))
        for _ in range(rng.randint(1, 8)):
            op = rng.random()
            at = rng.randint(2, max(2, len(data)))
            if op < 0.35:
                data[at:at] = rng.choice(tokens)
            elif op < 0.55:
                del data[at : at + rng.randint(1, 16)]
            elif op < 0.75 and len(data) > 2:
                data[rng.randint(2, len(data) - 1)] = rng.randrange(256)
            elif op < 0.9:
                chunk = data[at : at + rng.randint(1, 32)]
                data[at:at] = chunk * rng.randint(1, 4)
            else:  # splice in part of another seed
                other = rng.choice(pool)[2:]
                j = rng.randint(0, max(0, len(other) - 1))
                data[at:at] = other[j : j + rng.randint(1, 64)]
        if rng.random() < 0.2:
            data[0] = rng.randrange(256)  # another target for the same bytes
        if rng.random() < 0.2:
            data[1] = rng.randrange(256)  # another document date
        harness.one(bytes(data))


def atheris_loop(harness: Harness, inputs: int, seconds: float) -> None:
    """Coverage-guided: libFuzzer through atheris, on the same corpus and dictionary."""
    import atheris

    with atheris.instrument_imports(include=["checker"]):
        import checker.extract  # noqa: F401
        import checker.ingest  # noqa: F401
        import checker.ingest.claims_file  # noqa: F401
    corpus = Path(tempfile.mkdtemp(prefix="claimcheck-corpus-"))
    for k, s in enumerate(seeds()):
        (corpus / f"seed-{k}").write_bytes(s)
    started = time.monotonic()

    def one(data: bytes) -> None:
        harness.one(data)
        if harness.inputs >= inputs or (seconds and time.monotonic() - started > seconds):
            print(harness.summary(time.monotonic() - started), flush=True)
            os._exit(1 if harness.buckets else 0)

    args = [sys.argv[0], f"-dict={DICTIONARY}", "-max_len=4096", "-rss_limit_mb=4096", str(corpus)]
    atheris.Setup(args, one)
    atheris.Fuzz()


# --------------------------------------------------------------------------- regressions


@dataclass
class RegressionCase:
    id: str
    target: str  # "extractor:NAME" or "loader:.SUFFIX"
    data: bytes
    doc_date: dt.date | None = None
    xfail: str | None = None  # why it still fails (another part of the code owns the fix)

    def replay(self, folder: Path) -> None:
        from .targets import check_extractor, check_loader

        kind, name = self.target.split(":", 1)
        if kind == "extractor":
            check_extractor(name, self.data.decode("utf-8", "replace"), self.doc_date)
        else:
            check_loader(name, self.data, folder)


def regression_cases() -> list[RegressionCase]:
    """The crash inputs kept from fuzzing and from issue 15 (``fuzz/regressions/cases.toml``)."""
    manifest = REGRESSIONS / "cases.toml"
    if not manifest.exists():
        return []
    out = []
    for c in tomllib.loads(manifest.read_text(encoding="utf-8")).get("case", []):
        data = (REGRESSIONS / c["file"]).read_bytes() if "file" in c else c["text"].encode("utf-8")
        date = c.get("doc_date")
        out.append(
            RegressionCase(c["id"], c["target"], data, dt.date.fromisoformat(date) if date else None, c.get("xfail"))
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=100_000, help="how many inputs to run (default 100,000)")
    ap.add_argument("--seconds", type=float, default=0, help="stop after this long (0: no limit)")
    ap.add_argument("--engine", choices=("auto", "atheris", "mutate"), default="auto")
    ap.add_argument("--seed", type=int, default=15, help="random seed of the mutation engine")
    ap.add_argument("--crashes", type=Path, default=HERE / "crashes", help="where crash inputs are written")
    args = ap.parse_args(argv)
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "mutate"
    harness = Harness(args.crashes)
    print(
        f"engine: {engine}; budget: {args.inputs:,} inputs" + (f" or {args.seconds:.0f} s" if args.seconds else ""),
        flush=True,
    )
    started = time.monotonic()
    if engine == "atheris":
        atheris_loop(harness, args.inputs, args.seconds)  # exits the process itself
    mutate_loop(harness, args.inputs, args.seconds, args.seed)
    print(harness.summary(time.monotonic() - started))
    return 1 if harness.buckets else 0


if __name__ == "__main__":
    sys.exit(main())
