"""Word drafts (.docx) -> :class:`Document`, via python-docx.

A DOCX has no pages (pagination happens when Word renders it), so findings are located by
paragraph and heading: the body is rendered as Markdown text -- one line per paragraph, blank
lines between, ``#`` prefixes for paragraphs in Title/Heading styles -- and handed to
:func:`build_document`, which gives sections and passages. Each passage's ``paragraph`` is
then set to the index of its Word paragraph (0-based, counting empty paragraphs, as
``docx.Document(path).paragraphs`` does), so a reader can find it in Word; a finding's "line"
is that index + 1 (the paragraph number) and its column counts characters in the paragraph's
text, whitespace runs counted once.

Left out on purpose: tables (cells are not sentences; precision first) and footnotes
(python-docx does not expose them; docx2python would, at the cost of a second parser).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from bisect import bisect_right
from pathlib import Path

from ..errors import InputError
from ..models import Document
from .text import build_document, document_date

_HEADING_STYLE = re.compile(r"heading\s*([1-9])", re.I)
# python-docx's own template carries this creation time; a file made from it without setting
# the property would otherwise get a 2013 document date.
_TEMPLATE_CREATED = dt.datetime(2013, 12, 23, 23, 15)


def load_docx(path: Path, display_path: str | None = None) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    shown = display_path or str(path)
    try:
        word = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, zlib.error, NotImplementedError, KeyError, ValueError) as exc:
        # a member compressed by a method or zip version zipfile lacks, or corrupt deflate data
        raise InputError(shown, f"not a readable .docx file ({exc.__class__.__name__})") from None
    except XMLSyntaxError as exc:
        raise InputError(shown, f"not a readable .docx file (malformed XML: {exc.msg})") from None
    except OSError as exc:
        raise InputError(shown, f"cannot read file: {exc.strerror or exc}") from None
    lines: list[str] = []
    starts: list[int] = []  # offset of each emitted paragraph in the text
    index_of: list[int] = []  # its Word paragraph index
    anchors: list[tuple[int, int, int]] = []  # (offset of its text, paragraph number, column 1)
    offset = 0
    for i, para in enumerate(word.paragraphs):
        text = " ".join(para.text.split())
        if not text:
            continue
        level = _heading_level(para)
        line = f"{'#' * level} {text}" if level else _escape(text)
        starts.append(offset)
        index_of.append(i)
        anchors.append((offset + len(line) - len(text), i + 1, 1))
        lines.append(line)
        offset += len(line) + 2
    body = "\n\n".join(lines) + ("\n" if lines else "")
    props = word.core_properties
    created = props.created
    if created is not None and created.replace(tzinfo=None) == _TEMPLATE_CREATED:
        created = None
    doc = build_document(
        shown,
        body,
        kind="markdown",
        date=document_date(body) or (created.date() if created else None),
        title=(props.title or "").strip() or None,
        author=(props.author or "").strip() or None,
    )
    for p in doc.passages:
        k = bisect_right(starts, p.start) - 1
        p.paragraph = index_of[k] if k >= 0 else None
    return doc.model_copy(update={"kind": "docx", "source_lines": anchors})


def _heading_level(para) -> int:
    """Markdown heading level of a paragraph: Title -> 1, Heading N -> N, else 0.

    Styles derived from a heading style (a house "Chapter" style based on Heading 1) count too,
    as does an explicit outline level in the paragraph's own properties.
    """
    style = para.style
    seen = 0
    while style is not None and seen < 10:
        name = style.name or ""
        if name.lower() == "title":
            return 1
        m = _HEADING_STYLE.fullmatch(name.strip())
        if m:
            return int(m.group(1))
        style = style.base_style
        seen += 1
    ppr = para._p.pPr
    if ppr is not None:
        lvl = ppr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}outlineLvl")
        if lvl is not None:
            val = lvl.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")
            if val is not None and val.isdigit() and int(val) < 9:
                return int(val) + 1
    return 0


def _escape(text: str) -> str:
    """A body paragraph that starts like a Markdown heading or comment must not become one."""
    if text.startswith("#") or text.startswith("<!--"):
        return "\\" + text
    return text
