"""PDF -> :class:`Document` with pypdf (BSD-3; PyMuPDF is AGPL and must not be used).

A PDF has lines, not paragraphs. We read every text line with its position and font size
(pypdf's ``visitor_text`` callback), drop running headers, footers and page numbers, rebuild
paragraphs (vertical gaps, font changes, short last lines, list markers), repair words
hyphenated at a line end, and hand the result to :func:`build_document` with the offset where
every page begins, so a finding can cite the *printed* page label ("vii", "1081").

pypdf has no paragraph or header logic of its own and pdfplumber would only add word boxes, so
this layer is ours; the heuristics prefer keeping a line where it is over guessing.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from ..errors import InputError
from ..models import Document
from .text import _heading, build_document, document_date

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?(?:\d{1,5}|[ivxlcdm]{1,7})(?:\s*(?:of|/)\s*\d{1,5})?$|^[-–—]\s*\d{1,5}\s*[-–—]$", re.I
)
_TERMINAL = re.compile(r"""[.!?:;"”’)\]*]\s*$""")
_REF_MARKER = re.compile(r"^\s*(?:[-•*▪◦]\s*)?\[(\d{1,4})\]")
_BULLET = re.compile(r"^\s*[•▪◦●■]\s")
_URL_TAIL = re.compile(r"(?:https?://|www\.)\S*[/\-_.=?&%#]$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)

log = logging.getLogger("claimcheck")


@dataclass
class _Line:
    text: str
    page: int
    x: float | None = None
    y: float | None = None
    size: float = 0.0
    bold: bool = False


def load_pdf(path: Path, display_path: str | None = None) -> Document:
    """Read a PDF's text layer into a Document whose passages carry printed page labels."""
    shown = display_path or str(path)
    with _pypdf_log() as pypdf_said:
        reader = _open(path, shown)
        try:
            n_pages = len(reader.pages)
        except Exception as exc:  # noqa: BLE001 - any pypdf failure is a broken file to the user
            raise InputError(shown, f"broken PDF: cannot read its page tree ({exc})") from None
        pages: list[list[_Line]] = []
        garbled: dict[int, str] = {}  # page index -> what pypdf said while reading its text
        for i in range(n_pages):
            pypdf_said.clear()
            try:
                pages.append(_page_lines(reader.pages[i], i))
            except Exception as exc:  # noqa: BLE001
                raise InputError(shown, f"broken PDF: cannot extract text of page {i + 1} ({exc})") from None
            if pypdf_said:
                garbled[i] = pypdf_said[0]
        if not any(ch.isalnum() for page in pages for line in page for ch in line.text):
            raise InputError(shown, "no text layer (scanned PDF?): run OCR first, e.g. ocrmypdf")
        labels = _labels(reader, n_pages)
        title, author, created = _metadata(reader)
    if garbled:
        where = ("page " if len(garbled) == 1 else "pages ") + ", ".join(labels[i] for i in sorted(garbled))
        log.warning(
            "%s: pypdf could not read all the text of %s (%s); some of it may be missing or garbled",
            shown,
            where,
            garbled[min(garbled)],
        )
    text, page_starts = assemble(pages, labels)
    from .references import attach_structure  # here, not at import: references imports models only

    doc = build_document(
        shown,
        text,
        kind="pdf",
        date=document_date(text) or created,
        page_starts=page_starts,
        title=title,
        author=author,
    )
    return attach_structure(doc)


class _Collect(logging.Handler):
    """Keeps what each record says, without what pypdf uses instead (it can put a 256-item
    encoding table in one message)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.said: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = re.split(r"[\[{\n]|,? using ", record.getMessage(), maxsplit=1)[0].rstrip(" ,:;")
        self.said.append(message if len(message) <= 100 else message[:99] + "…")


@contextmanager
def _pypdf_log() -> Iterator[list[str]]:
    """pypdf's log records while a PDF is read, kept out of the user's log.

    pypdf logs every recoverable problem it meets (an unknown font encoding, at error level,
    once a text piece), which floods stderr on odd PDFs and fuzzing; the reader says once what
    they mean for the text instead. Only while reading: the pypdf logger is as the user left it
    afterwards, for their own use of pypdf.
    """
    logger = logging.getLogger("pypdf")
    collect, propagate = _Collect(), logger.propagate
    logger.addHandler(collect)
    logger.propagate = False
    try:
        yield collect.said
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate


# --------------------------------------------------------------------------- reading


def _open(path: Path, shown: str):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise InputError(shown, f"cannot read file: {exc.strerror or exc}") from None
    if b"%PDF-" not in head:
        raise InputError(shown, "not a PDF file (no %PDF- header)")
    try:
        reader = PdfReader(path)
    except Exception as exc:  # noqa: BLE001 - PdfReadError, ValueError, struct errors...
        raise InputError(shown, f"broken PDF: {exc}") from None
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")  # many PDFs are "encrypted" with an empty user password
        except DependencyError:
            raise InputError(shown, "encrypted PDF: decrypting it needs the 'cryptography' package") from None
        except (FileNotDecryptedError, PdfReadError, NotImplementedError) as exc:
            raise InputError(shown, f"encrypted PDF that cannot be opened ({exc})") from None
        if not ok:
            raise InputError(
                shown, "encrypted PDF: a password is needed to read it; remove it first (e.g. qpdf --decrypt)"
            )
    return reader


def _page_lines(page, index: int) -> list[_Line]:
    """Text lines of one page, in pypdf's reading order, with position, size and weight.

    The pieces pypdf hands to ``visitor_text`` concatenate to exactly ``extract_text()``, so
    splitting them at newlines gives its lines; each line takes the position of its first
    non-blank piece.
    """
    lines: list[_Line] = []
    current = _Line("", index)

    def visit(text, cm, tm, font_dict, font_size):
        nonlocal current
        parts = text.split("\n")
        for k, part in enumerate(parts):
            if k:
                lines.append(current)
                current = _Line("", index)
            if part.strip() and current.y is None:
                current.x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                current.y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                scale = math.sqrt(abs(tm[0] * tm[3] - tm[1] * tm[2]) * abs(cm[0] * cm[3] - cm[1] * cm[2]))
                current.size = round(float(font_size or 0) * (scale or 1.0), 1)
                base = str((font_dict or {}).get("/BaseFont", "")) if hasattr(font_dict, "get") else ""
                current.bold = bool(_BOLD.search(base))
            current.text += part

    page.extract_text(visitor_text=visit)
    lines.append(current)
    out = []
    for line in lines:
        line.text = re.sub(r"[ \t\u00a0]+", " ", line.text.translate(_LIGATURES)).strip()
        if line.text:
            out.append(line)
    return out


def _labels(reader, n_pages: int) -> list[str]:
    try:
        labels = list(reader.page_labels)
    except Exception:  # noqa: BLE001 - a malformed /PageLabels tree: fall back to 1..n
        labels = []
    if len(labels) != n_pages:
        labels = [str(i + 1) for i in range(n_pages)]
    return labels


def _metadata(reader) -> tuple[str | None, str | None, dt.date | None]:
    try:
        meta = reader.metadata
    except Exception:  # noqa: BLE001
        return None, None, None
    if not meta:
        return None, None, None

    def clean(value) -> str | None:
        if value is None:
            return None
        value = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", str(value)).strip()
        return value if value and value.lower() not in {"untitled", "unknown", "anonymous"} else None

    try:
        title, author = clean(meta.title), clean(meta.author)
    except Exception:  # noqa: BLE001
        title = author = None
    try:
        created = meta.creation_date
    except Exception:  # noqa: BLE001 - unparsable /CreationDate
        created = None
    return title, author, created.date() if created else None


# --------------------------------------------------------------------------- running heads


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.lower())).strip()


def strip_running_heads(pages: list[list[_Line]], edge: int = 2) -> list[list[_Line]]:
    """Drop page numbers and lines repeated at the top or bottom of most pages."""
    n = len(pages)
    seen: Counter[str] = Counter()
    for lines in pages:
        seen.update({_norm(line.text) for line in _edges(lines, edge)})
    needed = max(2, math.ceil(n * 0.5))
    repeated = {key for key, count in seen.items() if count >= needed}
    out = []
    for lines in pages:
        edges = {id(line) for line in _edges(lines, edge)}
        out.append(
            [
                line
                for line in lines
                if id(line) not in edges or not (_norm(line.text) in repeated or _PAGE_NUMBER.match(line.text))
            ]
        )
    return out


def _edges(lines: list[_Line], edge: int) -> list[_Line]:
    """The first and last ``edge`` lines in reading order and by height on the page."""
    picked = lines[:edge] + lines[-edge:]
    placed = [(line.y, line) for line in lines if line.y is not None]
    if placed:
        by_y = [line for _, line in sorted(placed, key=lambda yl: yl[0])]
        picked += by_y[:edge] + by_y[-edge:]
    return list({id(line): line for line in picked}.values())


# --------------------------------------------------------------------------- paragraphs


def assemble(pages: list[list[_Line]], labels: list[str]) -> tuple[str, list[tuple[int, str]]]:
    """The document text (one paragraph per line, blank lines between) and page start offsets."""
    pages = strip_running_heads(pages)
    lines = [line for page in pages for line in page]
    stats = _Stats(lines)
    vocab = _vocabulary(lines)
    blocks: list[list[list[_Line]]] = []  # paragraphs; a list keeps one item per line
    for i, line in enumerate(lines):
        brk = "block" if not blocks else _breaks(lines[i - 1], line, blocks[-1], stats)
        if brk == "block":
            blocks.append([[line]])
        elif brk == "item":
            blocks[-1].append([line])
        else:
            blocks[-1][-1].append(line)
    out: list[str] = []
    pos = 0
    first_offset: dict[int, int] = {}
    for block in blocks:
        for n, item in enumerate(block):
            sep = "" if not out else "\n" if n else "\n\n"
            out.append(sep)
            pos += len(sep)
            buf = ""
            for k, line in enumerate(item):
                joiner = "" if k == 0 else _joiner(buf, line.text, vocab, stats.full)
                if joiner == "-" and buf.endswith("-"):  # keep the real hyphen already in buf
                    joiner = ""
                elif (
                    joiner == "" and k and buf.endswith(("-", "\u00ad")) and not _broken_url(buf, line.text, stats.full)
                ):
                    buf = buf[:-1]  # a hyphen that only broke the word across lines
                first_offset.setdefault(line.page, pos + len(buf) + len(joiner))
                buf += joiner + line.text
            out.append(buf)
            pos += len(buf)
    text = "".join(out) + "\n"
    starts = []
    nxt = len(text)
    for page in range(len(labels) - 1, -1, -1):  # a page without text starts where the next does
        nxt = first_offset.get(page, nxt)
        starts.append((nxt, labels[page]))
    starts.reverse()
    starts[0] = (0, starts[0][1])
    return text, starts


class _Stats:
    """Body font size, line spacing and full line length, to tell paragraph ends from wraps."""

    def __init__(self, lines: list[_Line]):
        sizes: Counter[float] = Counter()
        for line in lines:
            sizes[line.size] += len(line.text)
        self.body_size = sizes.most_common(1)[0][0] if sizes else 0.0
        gaps = []
        for a, b in zip(lines, lines[1:]):
            if a.page == b.page and a.y is not None and b.y is not None and a.size == b.size == self.body_size:
                gap = a.y - b.y
                if gap > 0:
                    gaps.append(gap)
        self.leading = median(gaps) if gaps else None
        self.full = self._full(lines)
        # Do paragraphs get a gap? Then, on a page, a short line ending in "." is not a
        # paragraph end by itself (a reference entry whose URL went to the next line).
        ended = spaced = 0
        for a, b in zip(lines, lines[1:]):
            if a.page == b.page and a.y is not None and b.y is not None and self.leading:
                if _TERMINAL.search(a.text) and self.is_short(a):
                    ended += 1
                    spaced += a.y - b.y > self.leading * 1.4
        self.spaced = ended > 0 and spaced / ended >= 0.5
        xs = Counter(round(line.x) for line in lines if line.x is not None and line.size == self.body_size)
        self.left = xs.most_common(1)[0][0] if xs else None

    def _full(self, lines: list[_Line]) -> int:
        lengths = sorted(len(line.text) for line in lines if line.size == self.body_size)
        return lengths[int(len(lengths) * 0.9)] if lengths else 80

    def is_short(self, line: _Line) -> bool:
        return len(line.text) < 0.8 * self.full

    def is_display(self, line: _Line) -> bool:
        """Set apart by type: larger than body text, or bold."""
        return line.size > self.body_size + 0.5 or line.bold


def _is_heading(line: _Line, stats: _Stats) -> bool:
    """A heading needs the heading shape *and* a typographic signal, or it is a wrapped line."""
    if _heading(line.text, "text") is None:
        return False
    return stats.is_display(line) or stats.is_short(line)


def _breaks(prev: _Line, cur: _Line, block: list[list[_Line]], stats: _Stats) -> str | None:
    """ "block" when ``cur`` starts a new paragraph, "item" a new entry of the same list
    (a references list, bullets), None when it continues the current line."""
    para = block[-1]
    prev_head = (
        len(block) == 1
        and _is_heading(para[0], stats)
        and all(stats.is_display(x) == stats.is_display(para[0]) for x in para)
    )
    if prev_head and (
        len(para) > 2 or _is_heading(cur, stats) or not stats.is_display(para[0]) or not stats.is_display(cur)
    ):
        return "block"  # a heading stands alone; only a display heading may wrap (once)
    if stats.is_display(cur) != stats.is_display(prev) or abs(cur.size - prev.size) > 0.6:
        return "block"
    if _is_heading(cur, stats) and (stats.is_display(cur) or _TERMINAL.search(prev.text) or stats.is_short(prev)):
        return "block"
    ended = bool(_TERMINAL.search(prev.text)) and stats.is_short(prev)
    if cur.page == prev.page and stats.leading and prev.y is not None and cur.y is not None:
        gap = prev.y - cur.y
        if gap > stats.leading * 1.4 or gap < -stats.leading:  # a gap, or a jump up to a new column
            return "block"
    m = _REF_MARKER.match(cur.text)
    first = _REF_MARKER.match(block[0][0].text)
    if m and first:
        here = _REF_MARKER.match(para[0].text)
        return "item" if int(m.group(1)) > int(here.group(1) if here else 0) else None
    if m and (ended or _URL_TAIL.search(prev.text) or prev.text.endswith(">")):
        return "block"
    if _BULLET.match(cur.text):
        return "item" if _BULLET.match(block[0][0].text) else "block"
    if first:
        # A references list runs on (to the next page, too) until a short, finished line is
        # followed by something that is neither a new entry nor the entry's URL pushed down.
        done = stats.is_short(prev) and (_TERMINAL.search(prev.text) or prev.text.endswith(">"))
        return "block" if done and not re.match(r"<?(?:https?://|www\.|doi)", cur.text, re.I) else None
    if cur.page != prev.page:
        return "block" if ended else None
    if stats.left is not None and cur.x is not None and cur.x - stats.left > cur.size and _TERMINAL.search(prev.text):
        return "block"  # indented first line
    return "block" if ended and not stats.spaced else None


def _vocabulary(lines: list[_Line]) -> Counter[str]:
    """Words of the document (lowercased), to decide whether a line-end hyphen is real."""
    vocab: Counter[str] = Counter()
    for line in lines:
        words = _WORD.findall(line.text)
        if line.text.endswith("-") and words:
            words = words[:-1]  # the broken fragment is not a word
        vocab.update(w.lower() for w in words)
    return vocab


def _broken_url(before: str, after: str, full: int) -> bool:
    """A URL that runs on to the next line: cut at a slash or dot, still inside "<...>", or so
    long that the typesetter had to break it wherever the line ended."""
    token = before.rsplit(" ", 1)[-1]
    url = re.search(r"(?:https?://|www\.)\S*$", token)
    if not url or not after[:1] or after[0].isspace():
        return False
    if _URL_TAIL.search(token) or (token.startswith("<") and ">" not in token):
        return True
    return len(token) >= 0.6 * full and not after[0].isupper()


def _joiner(before: str, after: str, vocab: Counter[str], full: int = 80) -> str:
    """What goes between two lines of a paragraph: " ", "" (rejoin a word) or "-" (keep it)."""
    if _broken_url(before, after, full):
        return ""
    if before.endswith("\u00ad"):
        return ""
    if before.endswith(("–", "—")) and before[-2:-1].isalnum():
        return ""
    m = re.search(r"([^\W\d_]+)-$", before)
    n = re.match(r"([^\W\d_]+)", after)
    if not m or not n:
        # "1960-\n1988", "COVID-\n19": a hyphen between digits is never a word break
        return "-" if re.search(r"\w-$", before) and after[:1].isalnum() else " "
    left, right = m.group(1), n.group(1)
    if not right[0].islower():
        return "-"  # "Sino-\nSoviet": a capital after the break keeps the hyphen
    joined = (left + right).lower()
    hyphened = f"{left}-{right}".lower()
    if vocab[hyphened] > vocab[joined]:
        return "-"
    if vocab[joined]:
        return ""
    # Neither form occurs elsewhere: a real compound has two words the text uses on their own.
    if vocab[left.lower()] and vocab[right.lower()] and len(right) > 2:
        return "-"
    return ""
