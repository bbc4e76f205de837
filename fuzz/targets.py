"""What must hold for any input, whatever its bytes.

Extractors: every mention's span lies inside the text and slices back to the mention's text,
date intervals run forwards, a figure's bounds are ordered, figures are sorted and do not
overlap. Loaders: nothing but an input error escapes, and every passage of a document slices
back out of the document's text at its offsets. A violated property raises AssertionError;
any other exception is a crash.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from checker.errors import InputError, InputErrors

EXTRACTOR_NAMES = (
    "dates",
    "quantities",
    "quotes",
    "timexes",
    "durations",
    "anniversaries",
    "places",
    "actions",
    "extract",
)
LOADER_SUFFIXES = (".yaml", ".json", ".txt", ".md", ".html", ".docx", ".pdf")
_DOC_DATES = (None, dt.date(2024, 5, 15), dt.date(1, 1, 1), dt.date(9999, 12, 31))


def _spans(text: str, items, what: str, *, exact: bool = True) -> None:
    for m in items:
        assert 0 <= m.start <= m.end <= len(text), f"{what} span {m.start}..{m.end} outside 0..{len(text)}"
        if exact:
            assert text[m.start : m.end] == m.text, f"{what} {m.text!r} is not text[{m.start}:{m.end}]"


def _dates(text: str, dates, what: str = "date") -> None:
    _spans(text, dates, what)
    for d in dates:
        assert d.earliest <= d.latest, f"{what} {d.text!r}: {d.earliest} after {d.latest}"


def _quantities(text: str, quantities, what: str = "quantity") -> None:
    _spans(text, quantities, what)
    for q in quantities:
        if q.low is not None and q.high is not None:
            assert q.low <= q.high, f"{what} {q.text!r}: low {q.low} above high {q.high}"
    for a, b in zip(quantities, quantities[1:]):
        assert a.end <= b.start, f"{what}s {a.text!r} and {b.text!r} overlap or are out of order"


def check_extractor(name: str, text: str, doc_date: dt.date | None = None) -> None:
    """Run one extractor on ``text`` and check its properties."""
    if name == "dates":
        from checker.extract.dates import find_dates

        for policy in ("past", "auto"):
            _dates(text, find_dates(text, doc_date, weekday_policy=policy))
    elif name == "quantities":
        from checker.extract.quantities import find_quantities

        _quantities(text, find_quantities(text))
    elif name == "quotes":
        from checker.extract.quotes import find_quotes

        _spans(text, find_quotes(text), "quote")
    elif name == "timexes":
        from benchmarks.tempeval.timex import find_timexes

        _spans(text, find_timexes(text, doc_date), "timex")
    elif name == "durations":
        from checker.extract.durations import find_durations

        _spans(text, find_durations(text), "duration")
    elif name == "anniversaries":
        from checker.extract.anniversaries import find_anniversaries

        _spans(text, find_anniversaries(text), "anniversary")
    elif name == "places":
        from checker.extract.entities import find_places

        _spans(text, find_places(text), "place")
    elif name == "actions":
        from checker.extract.events import find_actions

        for action, s, e in find_actions(text):
            assert 0 <= s <= e <= len(text), f"action {action} span {s}..{e} outside the text"
    elif name == "extract":
        from checker.extract import Extractor
        from checker.extract.entities import EntityRegistry

        registry = EntityRegistry()
        registry.learn(text)
        facts = Extractor(registry).extract(text, doc_date=doc_date)
        _dates(text, facts.dates)
        _quantities(text, facts.quantities)
        _spans(text, facts.quotes, "quote")
        _spans(text, facts.entities, "entity")
        for ev in facts.events:
            assert 0 <= ev.start <= ev.end <= len(text), f"event span {ev.start}..{ev.end} outside the text"
    else:
        raise ValueError(f"unknown extractor {name!r}")


def check_extractors(text: str, doc_date: dt.date | None = None) -> None:
    for name in EXTRACTOR_NAMES:
        check_extractor(name, text, doc_date)


def check_loader(suffix: str, data: bytes, folder: Path) -> None:
    """Load ``data`` as a file of type ``suffix``: an input error is a fine answer; a document
    must keep its passages' offsets exact."""
    from checker.ingest import load_document
    from checker.ingest.claims_file import is_claim_file, load_claim_file

    path = folder / f"input{suffix}"
    path.write_bytes(data)
    try:
        if suffix in (".yaml", ".json"):
            is_claim_file(path)  # documented never to raise
            claim_file, locs = load_claim_file(path)
            for claim in claim_file.claims:
                loc = locs[claim.id]
                assert loc.line >= 1 and loc.column >= 1, f"claim {claim.id!r} located at {loc.line}:{loc.column}"
            return
        doc = load_document(path, path.name)
    except (InputError, InputErrors):
        return
    last = -1
    for p in doc.passages:
        assert 0 <= p.start <= p.end <= len(doc.text), f"passage {p.id} span {p.start}..{p.end} outside the text"
        assert doc.text[p.start : p.end] == p.text, f"passage {p.id} is not text[{p.start}:{p.end}]"
        assert p.start >= last, f"passage {p.id} starts before the one before it"
        last = p.start
