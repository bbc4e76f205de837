"""Saved HTML pages -> :class:`Document`: the main text, without navigation, ads and footers.

trafilatura does the boilerplate removal and the metadata (title, author, URL, publication
date through htmldate), offline, on the file's bytes: nothing is ever fetched. Its text has
no offsets back into the HTML, so the extracted text *is* the document text: we render
trafilatura's XML body as Markdown (headings as ``#`` lines, one paragraph per block) and hand
it to :func:`build_document`, which gives sections and sentence passages. Each rendered block
is then found again, in order, in the visible text of the HTML source (tags skipped, entities
decoded, whitespace ignored), so findings point at the line and column of the HTML file the user
opened (:func:`source_anchors`), with the section they are in.

``<!-- claimcheck: ignore[...] reason -->`` comments of the page are carried over in front of
the paragraph they precede, so suppressions work in HTML drafts as in Markdown ones.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from pathlib import Path

from ..errors import InputError
from ..locate import LineIndex
from ..models import Document
from .text import build_document

_BLOCKS = {"p", "head", "item", "quote", "cell"}
_SUPPRESSION = re.compile(r"^\s*claimcheck\b", re.I)


def load_html(path: Path, display_path: str | None = None) -> Document:
    shown = display_path or str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(shown, f"cannot read file: {exc.strerror or exc}") from None
    html = _decode(raw)
    return html_document(shown, html)


def html_document(path: str, html: str) -> Document:
    """The Document for an HTML string (separate from file reading, for tests and callers)."""
    from .offline import import_offline

    try:
        trafilatura = import_offline("trafilatura")  # its urllib3 would bind a socket at import
    except ImportError:
        raise InputError(
            path,
            "reading HTML needs the html extra: pip install 'claimcheck-offline[html]' "
            "(in a checkout: pip install '.[html]')",
        ) from None

    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        output_format="python",
        # the page's own date, not one guessed from today's: relative dates resolve against it
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None or result.body is None:
        raise InputError(path, "no main text found in this HTML page")
    comments = _suppression_comments(html)
    pieces = _markdown(result.body, comments)
    text = "\n\n".join(p for p, _ in pieces) + "\n"
    if not text.strip():
        raise InputError(path, "no main text found in this HTML page")
    doc = build_document(
        path,
        text,
        kind="markdown",
        date=_date(result.date),
        title=result.title or None,
        author=result.author or None,
        url=result.url or None,
    )
    return doc.model_copy(update={"kind": "html", "source_lines": source_anchors(html, pieces)})


def _decode(raw: bytes) -> str:
    """UTF-8 first (almost every saved page); else the charset the page declares; else latin-1."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    m = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", raw[:4096], re.I)
    if m:
        try:
            return raw.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return raw.decode("latin-1")


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clean(text: str) -> str:
    return " ".join(text.split())


def _markdown(body, comments: list[tuple[str, str]]) -> list[tuple[str, int]]:
    """trafilatura's XML body -> Markdown-ish blocks: ``#`` headings, comments, paragraphs.

    A comment goes in front of the block it precedes; one whose block is not in the body, last.

    Each block comes with the length of the prefix the rendering added (``## ``), the rest
    being text of the page; the blocks are joined by blank lines.
    """
    out: list[tuple[str, int]] = []
    pending = list(comments)

    def emit(block: str, prefix: int = 0) -> None:
        key = _clean(block[prefix:])[:60].casefold()
        for comment, target in list(pending):
            if target and key.startswith(target[:60].casefold()):
                out.append((comment, 0))
                pending.remove((comment, target))
        out.append((block, prefix))

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("code", "graphic", "ref", "table"):
            return  # code is not prose; tables are left out until cells can be read as facts
        if tag in _BLOCKS and not any(isinstance(c.tag, str) and c.tag in _BLOCKS | {"list"} for c in el):
            text = _clean("".join(el.itertext()))
            if not text:
                return
            if tag == "head":
                level = _heading_level(el.get("rend"))
                emit("#" * level + " " + text, level + 1)
            else:
                emit(text)
            return
        for child in el:
            walk(child)

    walk(body)
    # a comment whose text is not in the main text (a menu, a dropped block) goes last, where
    # the suppression parser reports it as covering nothing instead of it vanishing unseen
    return out + [(comment, 0) for comment, _ in pending]


# what a browser does not show as text: comments, scripts, styles, the head, tags
_HIDDEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|template|noscript|title)\b.*?(?:</\1\s*>|\Z)|<[!/?A-Za-z][^>]*>?", re.S | re.I
)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def _visible(html: str) -> tuple[str, list[int]]:
    """The page's visible non-space characters after ``<body`` and the source offset of each."""
    body = re.search(r"<body\b", html, re.I)
    pos = body.start() if body else 0
    chars: list[str] = []
    where: list[int] = []
    n = len(html)
    while pos < n:
        c = html[pos]
        if c == "<":
            m = _HIDDEN.match(html, pos)
            if m and m.end() > pos:
                pos = m.end()
                continue
        if c == "&":
            m = _ENTITY.match(html, pos)
            if m:
                for d in html_lib.unescape(m.group()):
                    if not d.isspace():
                        chars.append(d)
                        where.append(pos)
                pos = m.end()
                continue
        if not c.isspace():
            chars.append(c)
            where.append(pos)
        pos += 1
    return "".join(chars), where


def source_anchors(html: str, pieces: list[tuple[str, int]]) -> list[tuple[int, int, int]]:
    """(text offset, line, column) anchors from the rendered blocks back into the HTML source.

    Blocks are found in order; a block not found whole is placed by its longest found start
    (trafilatura may drop a trailing fragment), one not found at all is left to the previous
    anchor. Comments carried over are found as written.
    """
    visible, where = _visible(html)
    index = LineIndex(html)
    anchors: list[tuple[int, int, int]] = []
    last: tuple[int, int] | None = None  # (text offset - source offset, line) of the previous anchor
    offset, cursor, comment_cursor = 0, 0, 0

    def mark(text_at: int, src_at: int) -> None:
        nonlocal last
        line, col = index.line_col(src_at)
        key = (text_at - src_at, line)
        if key != last:
            anchors.append((text_at, line, col))
            last = key

    for block, prefix in pieces:
        if block.startswith("<!--"):
            at = html.find(block, comment_cursor)
            if at == -1:  # one carried to the end out of its order (see _markdown)
                at = html.find(block)
            if at != -1:
                comment_cursor = at + len(block)
                for k in range(len(block)):
                    mark(offset + k, at + k)
        else:
            body = block[prefix:]
            positions = [k for k, c in enumerate(body) if not c.isspace()]
            key = "".join(body[k] for k in positions)
            found, size = -1, len(key)
            while size:
                found = visible.find(key[:size], cursor)
                if found != -1:
                    break
                size = size // 2 if size > 8 else 0
            if found != -1:
                if prefix:  # the "## " of a heading stands where the heading's text starts
                    mark(offset, where[found])
                for k in range(size):
                    mark(offset + prefix + positions[k], where[found + k])
                cursor = found + size
        offset += len(block) + 2
    return anchors


def _heading_level(rend: str | None) -> int:
    m = re.fullmatch(r"h([1-6])", rend or "")
    return int(m.group(1)) if m else 2


def _suppression_comments(html: str) -> list[tuple[str, str]]:
    """(comment as written, start of the text it precedes) for each claimcheck comment."""
    if "claimcheck" not in html:
        return []
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    found = []
    for c in tree.iter(etree.Comment):
        if not _SUPPRESSION.match(c.text or ""):
            continue
        target = ""
        block = _block_around(c)
        if block is not None:
            target = "".join(block.itertext())  # inside a sentence: it covers that paragraph
        elif c.tail and c.tail.strip():
            target = c.tail
        else:
            nxt = c.getnext()
            while nxt is not None and not isinstance(nxt.tag, str):
                nxt = nxt.getnext()
            if nxt is not None:
                target = "".join(nxt.itertext())
        found.append((f"<!--{c.text}-->", _clean(target)))
    return found


_TEXT_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "dd", "dt", "figcaption"}


def _block_around(comment):
    """The paragraph (or other text block) a comment sits inside with text before it, if any:
    a comment in the middle of a sentence, whose tail alone starts no block."""
    block = comment.getparent()
    while block is not None and block.tag not in _TEXT_BLOCKS:
        block = block.getparent()
    if block is None:
        return None
    node = comment
    while node is not block:  # the text before it: earlier siblings, then each parent's own text
        for sibling in node.itersiblings(preceding=True):
            if "".join(sibling.itertext()).strip() or (sibling.tail or "").strip():
                return block
        node = node.getparent()
        if (node.text or "").strip():
            return block
    return None
