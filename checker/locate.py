"""Character offsets -> 1-based line and column, computed once per text."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from .models import Document, Loc


class LineIndex:
    """Maps offsets of one text to (line, column); both 1-based, columns in code points."""

    def __init__(self, text: str):
        self.starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


@lru_cache(maxsize=256)
def line_index(text: str) -> LineIndex:
    """The line index of ``text``, kept for the documents in use (str caches its own hash)."""
    return LineIndex(text)


def page_of(doc: Document, offset: int) -> str | None:
    if not doc.page_starts:
        return None
    starts = [s for s, _ in doc.page_starts]
    i = bisect_right(starts, offset) - 1
    return doc.page_starts[i][1] if i >= 0 else None


def line_col(doc: Document, offset: int) -> tuple[int, int]:
    """Line and column of ``doc.text[offset]`` in the file the user opened.

    For HTML and DOCX drafts ``doc.text`` is an extraction; its ``source_lines`` anchors lead
    back to the HTML source line (or the Word paragraph), so an editor can jump there.
    """
    anchors = doc.source_lines
    if anchors:
        i = bisect_right(anchors, offset, key=lambda a: a[0]) - 1
        if i >= 0:
            at, line, col = anchors[i]
            return line, col + offset - at
    return line_index(doc.text).line_col(offset)


def locate(doc: Document, start: int, end: int, section: str | None = None) -> Loc:
    """A :class:`Loc` for ``doc.text[start:end]``."""
    line, col = line_col(doc, start)
    end_line, end_col = line_col(doc, max(start, end))
    return Loc(
        path=doc.path,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col,
        start=start,
        end=end,
        text=doc.text[start:end],
        page=page_of(doc, start),
        section=section,
    )
