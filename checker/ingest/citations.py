"""In-text citations ("[9]", "[9, 12]", "[9–11]", "(Smith et al., 2020)", "Smith (2020)")
linked to the keys of the references list, and the two mismatches a reviewer checks first:
entries nobody cites and citations with no entry.

Precision over recall: brackets inside URLs, inline code and the references list itself are
not citations; "[sic]", "[0, 1, 2]" and "x[3] = 1" are not either; an author-year citation
is kept only when it names a reference of the document or has the "et al." / "&" shape that
a place or an event in parentheses ("(Beijing, 2008)") never has.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..extract.vocabulary import MONTH_NAMES, SEASONS
from ..models import Citation, Document, Reference
from .references import _BARE_URL, find_references_section, first_author, parse_references

_NUM = r"[1-9]\d{0,2}"
_ITEM = rf"{_NUM}(?:\s*[-–—]\s*{_NUM})?"
_BRACKET = re.compile(rf"\[\s*({_ITEM}(?:\s*[,;]\s*{_ITEM})*)\s*\]")
_RANGE = re.compile(rf"({_NUM})(?:\s*[-–—]\s*({_NUM}))?")
_MAX_RANGE = 50  # "[1-500]" is not a citation range

_NAME = r"[A-Z][\w'’\-]+(?:\s(?:van|von|de|der|da|di|du|del|la|le)\s[A-Z][\w'’\-]+)?"
_AUTHORS = rf"(?P<a>{_NAME})(?P<rest>\s+et\s+al\.?|\s*(?:&|and)\s*{_NAME})?"
_YEAR = r"(?P<y>(?:1[5-9]|20)\d{2}[a-z]?|n\.\s?d\.)"
_PAREN_PART = re.compile(
    rf"^\s*(?:(?:see|e\.g\.|cf\.|also)\s*,?\s*)*{_AUTHORS},?\s+{_YEAR}(?:\s*,\s*(?:pp?\.|ch\.)\s*[\d–\-]+)?\s*$"
)
_NARRATIVE = re.compile(rf"\b{_AUTHORS}\s+\({_YEAR}(?:\s*,\s*pp?\.\s*[\d–\-]+)?\)")
_PAREN = re.compile(r"\(([^()\n]{4,300})\)")
_CODE = re.compile(r"`[^`\n]+`|```.*?```", re.S)
_NOT_NAMES = {
    *MONTH_NAMES,
    *SEASONS,
    "see",
    "in",
    "since",
    "until",
    "by",
    "from",
    "the",
    "and",
    "or",
    "ad",
    "bc",
    "ce",
}


def find_citations(doc: Document) -> list[Citation]:
    """Every citation marker in the body of ``doc``, in text order, one per reference key.

    A numbered citation spans its number or range ("5–7" in "[5–7]"); an author-year one
    spans its own part of the parentheses ("Ng, 2018a") or the whole narrative "Ng (2018b)".
    """
    refs = doc.references or parse_references(doc)
    blocked = _blocked_spans(doc)
    starts = [p.start for p in doc.passages]
    out: list[Citation] = []

    def passage(offset: int) -> int | None:
        i = bisect_right(starts, offset) - 1
        if i >= 0 and doc.passages[i].start <= offset < max(doc.passages[i].end, doc.passages[i].start + 1):
            return doc.passages[i].index
        return None

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in blocked)

    text = doc.text
    for m in _BRACKET.finditer(text):
        if not free(m.start(), m.end()) or _looks_like_code(text, m.start(), m.end()):
            continue
        for item in _RANGE.finditer(m.group(1)):
            lo, hi = int(item.group(1)), int(item.group(2) or item.group(1))
            if hi < lo or hi - lo > _MAX_RANGE:
                continue
            s, e = m.start(1) + item.start(), m.start(1) + item.end()
            out.extend(Citation(key=str(n), start=s, end=e, passage=passage(s)) for n in range(lo, hi + 1))

    author_year = _AuthorYearIndex([r for r in refs if not r.key.isdigit()])
    for m in _PAREN.finditer(text):
        if not free(m.start(), m.end()):
            continue
        pos = m.start(1)
        for part in m.group(1).split(";"):
            c = _PAREN_PART.match(part)
            if c:
                key = author_year.key(c.group("a"), c.group("y"), bool(c.group("rest")))
                if key:  # the span is this citation's part of the parentheses
                    s = pos + len(part) - len(part.lstrip())
                    e = pos + len(part.rstrip())
                    out.append(Citation(key=key, start=s, end=e, passage=passage(s)))
            pos += len(part) + 1
    for m in _NARRATIVE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        key = author_year.key(m.group("a"), m.group("y"), bool(m.group("rest")))
        if key:
            out.append(Citation(key=key, start=m.start(), end=m.end(), passage=passage(m.start())))
    out.sort(key=lambda c: c.start)  # stable: a range keeps its ascending keys
    return out


def uncited_references(doc: Document, citations: list[Citation] | None = None) -> list[Reference]:
    """References list entries that no in-text citation names."""
    refs = doc.references or parse_references(doc)
    cited = {c.key for c in (citations if citations is not None else find_citations(doc))}
    return [r for r in refs if r.key not in cited]


def dangling_citations(doc: Document, citations: list[Citation] | None = None) -> list[Citation]:
    """Numbered citations whose number has no entry in the references list.

    Empty when the document has no numbered references list at all: then the list was not
    found, which is not the author's error to report marker by marker.
    """
    refs = doc.references or parse_references(doc)
    numbered = {r.key for r in refs if r.key.isdigit()}
    if not numbered:
        return []
    cites = citations if citations is not None else find_citations(doc)
    return [c for c in cites if c.key.isdigit() and c.key not in numbered]


# --------------------------------------------------------------------------- helpers


def _blocked_spans(doc: Document) -> list[tuple[int, int]]:
    """Text that may hold brackets but no citations: the references list, URLs, code."""
    spans = []
    section = find_references_section(doc)
    if section is not None:
        spans.append((section.start, section.end))
    spans += [(m.start(), m.end()) for m in _BARE_URL.finditer(doc.text)]
    spans += [(m.start(), m.end()) for m in _CODE.finditer(doc.text)]
    # markdown links "[12](https://...)" and footnotes "[^3]" are links, not citations
    spans += [(m.start(), m.end()) for m in re.finditer(r"\[[^\]\n]*\]\([^)\s]*\)", doc.text)]
    return spans


def _looks_like_code(text: str, start: int, end: int) -> bool:
    """``a[3]``, ``x_1[2]``, ``m[1][2]``, ``v[2] = 5``: indexing, not citing."""
    before = text[start - 1] if start else " "
    if before in "_])" or (before.isalnum() and text[start - 2 : start - 1] in ("_", ".")):
        return True
    return text[end : end + 1] in ("[", "(") or text[end : end + 3].lstrip(" ").startswith("=")


class _AuthorYearIndex:
    """Family name + year -> reference key, for linking "(Smith et al., 2020)"."""

    def __init__(self, refs: list[Reference]):
        self.by_name_year: dict[tuple[str, str], str] = {}
        for ref in refs:
            year = ref.key[len(first_author(ref.text)) :]
            self.by_name_year.setdefault((_fold(first_author(ref.text)), year), ref.key)

    def key(self, name: str, year: str, strong: bool) -> str | None:
        if name.lower() in _NOT_NAMES:
            return None
        year = "nd" if year.startswith("n") else year
        hit = self.by_name_year.get((_fold(name), year))
        if hit:
            return hit
        return f"{name}{year}" if strong else None


def _fold(name: str) -> str:
    return re.sub(r"[^\w]", "", name).lower()
