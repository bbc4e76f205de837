"""Read a TimeML .tml file into plain text, its DCT and its gold TIMEX3 spans (offsets in that text)."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

_TOKEN = re.compile(r"<[^>]+>|[^<]+")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class Doc:
    name: str
    text: str
    dct: dt.date
    gold: list[Timex] = field(default_factory=list)


def read_tml(path: Path) -> Doc:
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    if not dct_m:
        raise ValueError(f"{path}: no DCT")
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    parts: list[str] = []
    pos = 0
    gold: list[Timex] = []
    open_timex: tuple[int, dict] | None = None
    for m in _TOKEN.finditer(body):
        tok = m.group(0)
        if tok.startswith("<"):
            if tok.startswith("<TIMEX3"):
                open_timex = (pos, dict(_ATTR.findall(tok)))
            elif tok.startswith("</TIMEX3") and open_timex is not None:
                s, attrs = open_timex
                gold.append(Timex(s, pos, attrs.get("type", ""), attrs.get("value", ""), ""))
                open_timex = None
            continue
        chunk = html.unescape(tok)
        parts.append(chunk)
        pos += len(chunk)
    text = "".join(parts)
    for g in gold:
        g.text = text[g.start : g.end]
    return Doc(path.stem, text, dt.date.fromisoformat(dct_m.group(1)), gold)


def read_dir(path: Path) -> list[Doc]:
    return [read_tml(p) for p in sorted(path.rglob("*.tml"))]
