"""Plain text and Markdown -> :class:`Document` with sections and sentence passages.

Every other input format (PDF, HTML, DOCX) ends up as text handed to :func:`build_document`,
so section detection, sentence splitting and the document date live here once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from syntok import segmenter

from ..errors import InputError
from ..models import Document, DocumentKind, Passage, Section

_DATE_LINE = re.compile(r"\A\s*date:?\s+(\d{4})-(\d{2})-(\d{2})\b", re.I)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_FM_DATE = re.compile(r"^date:\s*['\"]?(\d{4})-(\d{2})-(\d{2})", re.M)
_FM_TITLE = re.compile(r"^title:\s*['\"]?(.+?)['\"]?\s*$", re.M)
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
# "2.7. April 23, 1997: Jiang Zemin Visits Moscow; Meets Yeltsin", "1. Introduction", "3 Results"
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,3}){0,3})\.?[ \t]+([A-Z0-9\"'“‘(].{0,200})$")
_NAMED_HEADINGS = {
    "abstract",
    "introduction",
    "references",
    "bibliography",
    "conclusion",
    "conclusions",
    "acknowledgements",
    "acknowledgments",
    "discussion",
    "methods",
    "results",
    "notes",
    "works cited",
    "sources",
    "summary",
    "background",
    "appendix",
}
_FENCE = re.compile(r"^(```|~~~)")
# "1. Lee, C. (2015). A history of ..." wrapped mid-title is a reference entry, not a heading.
_REFERENCE_LIKE = re.compile(
    r"^[A-Z][\w'’-]+,\s(?:[A-Z]\.\s?)+|\((?:1[5-9]|20)\d{2}[a-z]?(?:,[^)]*)?\)\.|\(n\.\s?d\.\)|\bet al\."
)
# a block made only of HTML comments (e.g. claimcheck suppressions) is markup, not a passage
_COMMENT_BLOCK = re.compile(r"\s*(?:<!--.*?-->\s*)+", re.S)


def read_text(path: Path) -> str:
    """Read UTF-8 text, or raise an :class:`InputError` that says where decoding failed."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file: {exc.strerror or exc}") from None
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "binary file (contains NUL bytes), not a text document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            str(path), f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})", line, col
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_text_document(path: Path, display_path: str | None = None) -> Document:
    text = read_text(path)
    kind: DocumentKind = "markdown" if path.suffix.lower() in {".md", ".markdown"} else "text"
    return build_document(display_path or str(path), text, kind=kind)


def document_date(text: str) -> dt.date | None:
    """The date a document declares for itself: front matter ``date:`` or a leading date line."""
    fm = _FRONT_MATTER.match(text)
    m = _FM_DATE.search(fm.group(1)) if fm else _DATE_LINE.match(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _heading(line: str, kind: str) -> tuple[str | None, str, int] | None:
    """(number, title, level) when ``line`` is a heading, else None."""
    stripped = line.strip()
    if not stripped or len(stripped) > 220:
        return None
    m = _MD_HEADING.match(stripped)
    if m and kind == "markdown":
        title = m.group(2).strip()
        n = _NUMBERED_HEADING.match(title)
        if n:
            return n.group(1), n.group(2).strip(), len(m.group(1))
        return None, title, len(m.group(1))
    plain = stripped.strip("*_# ")
    n = _NUMBERED_HEADING.match(plain)
    if (
        n
        and not plain.endswith((".", ",", ";"))
        and len(plain.split()) <= 30
        and not _REFERENCE_LIKE.search(n.group(2))
    ):
        number = n.group(1)
        # "1997 was a year ..." or "30 days" are sentences, not headings: numbered headings
        # have small section numbers.
        if all(int(part) < 100 for part in number.split(".")):
            return number, n.group(2).strip(), number.count(".") + 1
    if plain.lower().rstrip(":") in _NAMED_HEADINGS:
        return None, plain.rstrip(":"), 1
    return None


def _blocks(text: str, kind: str):
    """Yield (start, end, is_code) for blank-line separated blocks, fenced code kept whole."""
    pos = 0
    n = len(text)
    in_fence = False
    block_start = None
    for line in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        bare = line.strip()
        if kind == "markdown" and _FENCE.match(bare):
            if block_start is not None and not in_fence:
                yield block_start, line_start, False
                block_start = None
            if in_fence:
                yield block_start, pos, True
                block_start = None
                in_fence = False
            else:
                block_start, in_fence = line_start, True
            continue
        if in_fence:
            continue
        if not bare:
            if block_start is not None:
                yield block_start, line_start, False
                block_start = None
        elif block_start is None:
            block_start = line_start
    if block_start is not None:
        yield block_start, n, in_fence


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) of ``text[start:end]`` using syntok's token offsets."""
    chunk = text[start:end]
    spans: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(chunk):
        for sentence in paragraph:
            if not sentence:
                continue
            s = sentence[0].offset
            e = sentence[-1].offset + len(sentence[-1].value)
            while e > s and chunk[e - 1].isspace():
                e -= 1
            spans.extend((start + a, start + b) for a, b in _split_at_line_ends(chunk, s, e))
    return spans


# syntok keeps "... was $2.55.\nFourth-quarter GAAP ..." together (a number before the full
# stop and a hyphenated next word); a line that ends a sentence and a capital that opens the
# next line is a boundary in any transcript or note.
_LINE_END = re.compile(r"[.!?][\"'”’)]?[ \t]*\n\s*(?=[A-Z\"“(])")


def _split_at_line_ends(chunk: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    for m in _LINE_END.finditer(chunk, s, e):
        cut = m.start() + len(m.group(0).rstrip())
        out.append((s, cut))
        s = m.end()
    out.append((s, e))
    return out


_LEAD_COMMENT = re.compile(r"\s*<!--.*?-->\s*", re.S)


def _without_comments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with the HTML comments (claimcheck suppressions) that lead or trail them cut
    off, so a comment's text is never shown as part of a claim; spans of only comments go."""
    out = []
    for s, e in spans:
        while (m := _LEAD_COMMENT.match(text, s, e)) is not None:
            s = m.end()
        while True:
            chunk = text[s:e].rstrip()
            k = chunk.rfind("<!--")
            if not chunk.endswith("-->") or k == -1 or "-->" in chunk[k + 4 : -3]:
                break
            e = s + len(chunk[:k].rstrip())
        e = s + len(text[s:e].rstrip())
        if s < e:
            out.append((s, e))
    return out


def _skip_front(text: str) -> int:
    """Offset after front matter or a leading ``date YYYY-MM-DD``, so neither becomes a passage."""
    fm = _FRONT_MATTER.match(text) or _DATE_LINE.match(text)
    return fm.end() if fm else 0


def build_document(
    path: str,
    text: str,
    *,
    kind: DocumentKind = "text",
    date: dt.date | None = None,
    page_starts: list[tuple[int, str]] | None = None,
    **metadata,
) -> Document:
    """Split ``text`` into sections and sentence passages with exact offsets."""
    passages: list[Passage] = []
    sections: list[Section] = []
    stack: list[Section] = []  # open sections, outermost first
    date = date or document_date(text)
    title = metadata.pop("title", None)
    fm = _FRONT_MATTER.match(text)
    if fm and title is None:
        t = _FM_TITLE.search(fm.group(1))
        title = t.group(1) if t else None
    body_start = _skip_front(text)
    paragraph = 0

    def add(start: int, end: int, is_heading: bool, number: str | None = None) -> Passage:
        p = Passage(
            id=f"{path}#{len(passages)}",
            path=path,
            index=len(passages),
            start=start,
            end=end,
            text=text[start:end],
            section=[s.title if not s.number else f"{s.number}. {s.title}" for s in stack],
            section_number=next((s.number for s in reversed(stack) if s.number), None),
            is_heading=is_heading,
            paragraph=paragraph,
        )
        passages.append(p)
        return p

    for b_start, b_end, is_code in _blocks(text, kind):
        if b_end <= body_start or is_code:
            continue
        b_start = max(b_start, body_start)
        while b_start < b_end and text[b_start].isspace():
            b_start += 1
        block = text[b_start:b_end]
        if kind == "markdown" and block.startswith("<!--"):
            lead = _COMMENT_BLOCK.match(block)
            if lead is None or lead.end() == len(block):  # a comment never closed runs to the end
                continue
            b_start += lead.end()
            block = text[b_start:b_end]
        first_line = block.split("\n", 1)[0]
        head = _heading(first_line, kind)
        if head is not None:
            number, title_text, level = head
            while stack and stack[-1].level >= level:
                closed = stack.pop()
                closed.end = b_start
            line_start = b_start + (len(first_line) - len(first_line.lstrip()))
            line_end = b_start + len(first_line.rstrip())
            section = Section(title=title_text, number=number, level=level, start=line_start, end=len(text))
            sections.append(section)
            stack.append(section)
            section.heading_passage = add(line_start, line_end, True, number).index
            rest_start = b_start + len(first_line) + 1
            if rest_start < b_end:
                for s, e in _without_comments(text, split_sentences(text, rest_start, b_end)):
                    add(s, e, False)
        else:
            for s, e in _without_comments(text, split_sentences(text, b_start, b_end)):
                add(s, e, False)
        paragraph += 1
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        path=path,
        text=text,
        kind=kind,
        passages=passages,
        sections=sections,
        date=date,
        title=title,
        page_starts=page_starts or [],
        content_hash=digest,
        **metadata,
    )
