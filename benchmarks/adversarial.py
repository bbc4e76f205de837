"""Adversarial inputs: each pattern must cost linear time, whatever its size.

Run ``python -m benchmarks.adversarial`` from the repository root. For each pattern it prints the
median time of the extractor the pattern targets and of the whole ``check`` at 128 KB, 256 KB,
512 KB and 1 MB, and the ratio of each doubling (linear is x2; the limit is x2.3). ``--sizes``
and ``--runs`` change the sizes (in KB) and the number of runs per size.

The generators are also used by ``tests/test_adversarial.py``, which asserts the same ratios at
small sizes.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def _fill(unit: str, size: int, head: str = "", tail: str = "") -> str:
    body = size - len(head) - len(tail)
    return head + (unit * (body // len(unit) + 1))[: max(0, body)] + tail


def base64_image(size: int) -> str:
    """A Markdown image inlined as base64: one run of ``size`` characters without whitespace."""
    return _fill(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg",
        size,
        "The museum opened on May 9, 1902.\n\n![logo](data:image/png;base64,",
        ")\n",
    )


def minified_line(size: int) -> str:
    """A minified script line pasted into a text: names, digits and punctuation, no spaces."""
    return _fill("function(a,b){return a.x+b[12]/3.5||window.location.href};var c=2019;", size, "Minified:\n", "\n")


def long_url(size: int) -> str:
    """One URL of ``size`` characters (a tracking link with many parameters)."""
    return _fill(
        "&utm_source=news2024&id=1997.5&ref=www.example.org/a.html",
        size,
        "See https://example.com/page?q=1",
        " for details.\n",
    )


def unclosed_quotes(size: int, mark: str = "“") -> str:
    """Opening quotation marks never closed, in one long sentence."""
    return _fill(f"he said {mark}well and ", size, "", ".\n")


def digit_run(size: int) -> str:
    """Letters and digits alternating without whitespace: every digit is a date anchor."""
    return _fill("a1b2May3x", size, "", "\n")


def many_figures(size: int) -> str:
    """One sentence with a figure every few words (a 1 MB claim)."""
    return _fill("revenue rose 4% to $5 million in 2019, ", size, "The report says ", "and more.\n")


def _made_up_name(k: int, syllables: int) -> str:
    """The ``k``-th capitalised made-up name of ``syllables`` consonant-vowel pairs."""
    letters = "bcdfghklmnprstvz"
    return "".join(letters[(k >> (4 * i)) % 16] + "aeiou"[(k >> i) % 5] for i in range(syllables)).capitalize()


def _sentences(size: int, sentence: Callable[[int], str]) -> str:
    """``sentence(0)``, ``sentence(1)``, ... until ``size`` characters are written."""
    out, total, k = [], 0, 0
    while total < size:
        out.append(sentence(k))
        total += len(out[-1])
        k += 1
    return "".join(out)


def many_names(size: int) -> str:
    """Thousands of different people, each named once (transliteration variants are looked for)."""
    return _sentences(size, lambda k: f"{_made_up_name(k, 3)} {_made_up_name(k * 7 + 3, 3)} said the plan was sound. ")


def shared_surnames(size: int) -> str:
    """Thousands of people sharing sixteen surnames, each beside a capitalised word that names
    nobody (so every such word is looked up as a possible misspelling of a known name)."""
    surnames = [_made_up_name(7919 * j + 11, 4) for j in range(16)]
    return _sentences(
        size,
        lambda k: (
            f"{_made_up_name(k, 4)} {surnames[k % 16]} said the plan was sound, "
            f"and {_made_up_name(k * 31 + 5, 4)}x agreed. "
        ),
    )


def one_surname(size: int) -> str:
    """Thousands of people of one surname: each first name is looked at as a possible spelling
    variant of every other ("Sergey Lavrov" / "Sergei Lavrov")."""
    surname = _made_up_name(7919, 4)
    return _sentences(size, lambda k: f"Minister {_made_up_name(k, 4)} {surname} said the plan was sound. ")


def repeated_event(size: int) -> str:
    """Many sentences about one visit on different days ('X visited Beijing on May N, 1997 [1].')."""
    lines = []
    n = 0
    total = 0
    while total < size:
        line = f"Alan Parker visited Beijing on May {n % 28 + 1}, 1997 [1].\n"
        lines.append(line)
        total += len(line)
        n += 1
    return "".join(lines) + "\n## References\n\n[1] Beijing news, 1997.\n"


def many_claims(size: int) -> str:
    """A claim file of many claims about a few events (claim-vs-claim pairing)."""
    out = ["claims:\n"]
    total = 0
    n = 0
    while total < size:
        item = (
            f"  - id: c{n}\n    text: Alan Parker visited Beijing on May {n % 28 + 1}, {1990 + n % 20}"
            f" and met Chen Wei{n % 50}.\n"
        )
        out.append(item)
        total += len(item)
        n += 1
    return "".join(out)


_MINISTER = re.compile(r"Minister (\S+ \S+) said")


@dataclass(frozen=True)
class Pattern:
    name: str
    make: Callable[[int], str]
    suffix: str  # the file type the whole check reads it as
    target: str  # what the extractor timing runs (see ``extractor_run``)


PATTERNS = [
    Pattern("base64-image", base64_image, ".md", "learn+extract"),
    Pattern("minified-line", minified_line, ".txt", "learn+extract"),
    Pattern("long-url", long_url, ".txt", "learn+extract"),
    Pattern("unclosed-“", lambda n: unclosed_quotes(n, "“"), ".txt", "quotes"),
    Pattern("unclosed-«", lambda n: unclosed_quotes(n, "«"), ".txt", "quotes"),
    Pattern("unclosed-„", lambda n: unclosed_quotes(n, "„"), ".txt", "quotes"),
    Pattern("digit-run", digit_run, ".txt", "dates"),
    Pattern("many-figures", many_figures, ".txt", "quantities"),
    Pattern("many-names", many_names, ".txt", "learn+extract"),
    Pattern("shared-surnames", shared_surnames, ".txt", "learn+extract"),
    Pattern("one-surname", one_surname, ".txt", "name variants"),
    Pattern("repeated-event", repeated_event, ".md", "check"),
    Pattern("many-claims", many_claims, ".yaml", "check"),
]


def extractor_run(pattern: Pattern, text: str) -> None:
    """Run the extractor ``pattern`` targets on ``text`` as one passage."""
    from checker.extract import Extractor
    from checker.extract.dates import find_dates
    from checker.extract.entities import EntityRegistry
    from checker.extract.quotes import find_quotes

    if pattern.target == "quotes":
        find_quotes(text)
    elif pattern.target == "dates":
        find_dates(text)
    elif pattern.target == "quantities":
        Extractor().extract(text)
    elif pattern.target == "learn+extract":
        reg = EntityRegistry()
        reg.learn(text)
        Extractor(reg).extract(text)
    elif pattern.target == "name variants":
        # the people the registry would learn from the text, merged: only the merge is timed
        # (with the reading of the names, linear and small beside it)
        counts = Counter(_MINISTER.findall(text))
        reg = EntityRegistry()
        reg.people = set(counts)
        reg._merge_variants(counts)


def check_run(pattern: Pattern, text: str, folder: Path) -> None:
    """The whole ``check`` of ``text`` written as a file of the pattern's type."""
    from checker.engine import CheckConfig, check

    path = folder / f"input{pattern.suffix}"
    path.write_text(text, encoding="utf-8")
    check([path], CheckConfig(cache_dir=None, root=folder))


def timed(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="128,256,512,1024", help="sizes in KB")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--patterns", default="", help="comma-separated names (default: all)")
    ap.add_argument("--no-check", action="store_true", help="time the extractors only")
    args = ap.parse_args(argv)
    sizes = [int(s) * 1024 for s in args.sizes.split(",")]
    chosen = [p for p in PATTERNS if not args.patterns or p.name in args.patterns.split(",")]
    print(f"{'pattern':16} {'what':14} " + " ".join(f"{s // 1024:>6}K" for s in sizes) + "   worst doubling")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for p in chosen:
            rows = []
            if p.target != "check":
                rows.append((p.target, lambda text, p=p: extractor_run(p, text)))
            if not args.no_check:
                rows.append(("check", lambda text, p=p: check_run(p, text, folder)))
            for what, fn in rows:
                fn(p.make(4096))  # warm: tables, lemmas and the gazetteer load once, not in the first size
                times = [
                    timed(lambda text=p.make(s), run=fn: run(text), args.runs)  # noqa: B008 - one text per size
                    for s in sizes
                ]
                ratios = [b / a for a, b in zip(times, times[1:]) if a > 0]
                worst = f"x{max(ratios):.2f}" if ratios else "-"
                print(f"{p.name:16} {what:14} " + " ".join(f"{t:7.2f}" for t in times) + f"   {worst}", flush=True)


if __name__ == "__main__":
    main()
