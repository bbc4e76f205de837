"""Quoted words in a sentence: straight, curly and guillemet quotes, Markdown emphasis kept out."""

from __future__ import annotations

import re

from ..models import Quote

# Opening quote -> the closing quotes that may end it. Single quotes are left out: they are
# far more often apostrophes ("Russia's") than quotation marks.
_QUOTE = re.compile(r'"([^"\n]{3,}?)"|“([^”\n]{3,}?)”|«([^»\n]{3,}?)»|„([^“”\n]{3,}?)[“”]')


def find_quotes(text: str) -> list[Quote]:
    """Quotations with the span of the quoted words (without marks or surrounding ``*``)."""
    out = []
    for m in _QUOTE.finditer(text):
        group = next(i for i in range(1, 5) if m.group(i) is not None)
        start, end = m.start(group), m.end(group)
        while start < end and text[start] in "*_ ":
            start += 1
        while end > start and text[end - 1] in "*_ ":
            end -= 1
        if len(text[start:end].split()) >= 2 or end - start >= 8:
            out.append(Quote(text=text[start:end], start=start, end=end))
    return out
