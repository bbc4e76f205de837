"""Quoted words in a sentence: straight, curly and guillemet quotes, Markdown emphasis kept out."""

from __future__ import annotations

import re

from ..models import Quote

# Opening quote -> the closing quotes that may end it. Single quotes are left out: they are
# far more often apostrophes ("Russia's") than quotation marks.
_QUOTE = re.compile(r'"([^"\n]{3,}?)"|“([^”\n]{3,}?)”|«([^»\n]{3,}?)»|„([^“”\n]{3,}?)[“”]')


# A quotation opened at a word start and never closed in the sentence: sentence splitters cut
# long quotations at their inner full stops, so its first sentence ends the passage.
_RUNS_ON = re.compile(r'(?:^|(?<=[\s(*_]))["“«]\**(?=[A-Za-z])')
_RUNS_ON_MIN_WORDS = 6


def find_quotes(text: str) -> list[Quote]:
    """Quotations with the span of the quoted words (without marks or surrounding ``*``)."""
    out = []
    last = 0
    for m in _QUOTE.finditer(text):
        group = next(i for i in range(1, 5) if m.group(i) is not None)
        last = m.end()
        start, end = _trim(text, m.start(group), m.end(group))
        if len(text[start:end].split()) >= 2 or end - start >= 8:
            out.append(Quote(text=text[start:end], start=start, end=end))
    dangling = _RUNS_ON.search(text, last)
    if dangling and not any(c in text[dangling.end():] for c in '"”»'):
        start, end = _trim(text, dangling.end(), len(text.rstrip()))
        if len(text[start:end].split()) >= _RUNS_ON_MIN_WORDS:
            out.append(Quote(text=text[start:end], start=start, end=end))  # runs on past the sentence
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in "*_ ":
        start += 1
    while end > start and text[end - 1] in "*_ ":
        end -= 1
    return start, end
