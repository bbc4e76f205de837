"""Quoted words in a sentence: straight, curly and guillemet quotes, Markdown emphasis kept out."""

from __future__ import annotations

import re

from ..models import Quote

# Opening quote -> the closing quotes that may end it. Single quotes are left out: they are
# far more often apostrophes ("Russia's") than quotation marks. A quotation holds at least three
# characters and no line break; it ends at the first closing mark after its opening one.
_CLOSERS = {'"': '"', "“": "”", "«": "»", "„": "“”"}
_OPENING = re.compile('["“«„]')
_MIN_CHARS = 3


# A quotation opened at a word start and never closed in the sentence: sentence splitters cut
# long quotations at their inner full stops, so its first sentence ends the passage.
_RUNS_ON = re.compile(r'(?:^|(?<=[\s(*_]))["“«]\**(?=[A-Za-z])')
_RUNS_ON_MIN_WORDS = 6


def find_quotes(text: str) -> list[Quote]:
    """Quotations with the span of the quoted words (without marks or surrounding ``*``)."""
    out = []
    last = 0
    for start, end in _quoted_spans(text):
        last = end + 1
        start, end = _trim(text, start, end)
        if len(text[start:end].split()) >= 2 or end - start >= 8:
            out.append(Quote(text=text[start:end], start=start, end=end))
    dangling = _RUNS_ON.search(text, last)
    if dangling and not any(c in text[dangling.end() :] for c in '"”»'):
        start, end = _trim(text, dangling.end(), len(text.rstrip()))
        if len(text[start:end].split()) >= _RUNS_ON_MIN_WORDS:
            out.append(Quote(text=text[start:end], start=start, end=end))  # runs on past the sentence
    return out


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of the words inside each closed quotation, left to right, not overlapping.

    One pass: the next closing mark and the next line break are looked up once per position
    and reused while the scan stays before them, so an opening mark never closed costs no
    rescan of the rest of the line (a regex does, from every opening mark: quadratic).
    """
    out = []
    nxt = _NextMark(text)
    pos = 0
    for m in _OPENING.finditer(text):
        i = m.start()
        if i < pos:
            continue
        close = nxt.find(_CLOSERS[text[i]], i + 1)
        if close < 0:
            continue
        newline = nxt.find("\n", i + 1)
        if close - (i + 1) >= _MIN_CHARS and (newline < 0 or close < newline):
            out.append((i + 1, close))
            pos = close + 1
    return out


class _NextMark:
    """The first position at or after ``i`` of any of some characters, for rising ``i``: each
    character's last answer is kept and reused until the scan passes it (linear in all)."""

    def __init__(self, text: str):
        self.text = text
        self.last: dict[str, tuple[int, int]] = {}  # char -> (asked from, found at or -1)

    def find(self, chars: str, i: int) -> int:
        return min((p for p in (self._one(c, i) for c in chars) if p >= 0), default=-1)

    def _one(self, char: str, i: int) -> int:
        hit = self.last.get(char)
        if hit is not None and hit[0] <= i and (hit[1] < 0 or hit[1] >= i):
            return hit[1]
        found = self.text.find(char, i)
        self.last[char] = (i, found)
        return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in "*_ ":
        start += 1
    while end > start and text[end - 1] in "*_ ":
        end -= 1
    return start, end
