"""The references list of a paper: entries with key, span, publication year and URL.

Reference managers' parsers (anystyle, GROBID, CERMINE) are CRF/ML services or Java/Ruby
programs; none is a small offline Python library, so this reads the two styles papers use
with regular expressions: numbered (``[12] ...``, ``12. ...``) and author-year
(``Smith, J. (2020). Title...``). It only has to be right about what later rules compare:
the key, the year the entry says it was published, and the URL.
"""

from __future__ import annotations

import datetime as dt
import re

from ..extract.vocabulary import MONTHS
from ..models import Document, Reference, Section

_REF_TITLE = re.compile(
    r"^(?:references?|bibliography|works cited|sources|reference list|literature cited|"
    r"cited literature|references and notes|notes and references|literature)$",
    re.I,
)
_LIST_MARK = r"[ \t]*(?:[-*•][ \t]+)?"
_BRACKET_START = re.compile(rf"^{_LIST_MARK}\[(\d{{1,4}})\][ \t]*")
_DOT_START = re.compile(rf"^{_LIST_MARK}(\d{{1,3}})[.)][ \t]+(?=\S)")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "(2022, August 31)", "(2005)", "(2020a)", "(2019, July 16-18)", "(May 2020)"
_PAREN_DATE = re.compile(
    rf"\((?:(?P<m1>{_MONTH})\s+(?:(?P<d1>\d{{1,2}}),?\s+)?)?(?P<y>\d{{4}})(?P<suffix>[a-z]?)"
    rf"(?:,\s*(?P<m2>{_MONTH})(?:\s+(?P<d2>\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?)?)?\)"
)
_ND = re.compile(r"\(n\.\s?d\.\)", re.I)
# A year closing a reference element: "Journal 12, 2021.", "Lancet. 2020;395", "pp. 1-9, May 2019."
_LOOSE_YEAR = re.compile(
    rf"(?:[,.]\s+|\s)(?:(?P<m>{_MONTH})\s+(?:(?P<d>\d{{1,2}}),?\s+)?)?(?P<y>(?:1[89]|20)\d{{2}})[a-z]?(?=\s*[.;,:(]|\s*$)"
)
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
_ANGLE_URL = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
_BARE_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"]+", re.I)
_DOI = re.compile(r"\bdoi:\s*(10\.\d{4,9}/\S+)", re.I)
_AUTHOR_START = re.compile(
    r"^(?:[A-Z][\w'’\-]+(?:\s(?:van|von|de|der|da|di|du|del|la|le|[A-Z][\w'’\-]+))*,\s*(?:[A-Z]\.|[A-Z][a-z]+)"
    r"|[A-Z][^()\n]{0,150}?[.\s]\((?:\d{4}|n\.\s?d\.))"
)


def find_references_section(doc: Document) -> Section | None:
    """The last section titled References/Bibliography/Works Cited/Sources, if any."""
    for section in reversed(doc.sections):
        if _REF_TITLE.match(section.title.strip(" :.*#")):
            return section
    return None


def parse_references(doc: Document) -> list[Reference]:
    """Entries of the references section, numbered or author-year, in document order."""
    section = find_references_section(doc)
    if section is None:
        return []
    body_start = doc.text.find("\n", section.start)
    if body_start < 0 or body_start >= section.end:
        return []
    lines = _lines(doc.text, body_start + 1, section.end)
    bracketed = sum(1 for ln in lines if _BRACKET_START.match(ln[2]))
    dotted = sum(1 for ln in lines if _DOT_START.match(ln[2]))
    if bracketed or dotted >= 2:
        return _numbered(doc.text, lines)
    return _author_year(doc.text, lines)


def attach_structure(doc: Document) -> Document:
    """Fill ``doc.references`` from its references section; returns the same document."""
    doc.references = parse_references(doc)
    return doc


# --------------------------------------------------------------------------- entries


def _lines(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    pos = start
    for raw in text[start:end].split("\n"):
        out.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _number_start(line: str) -> tuple[int, int] | None:
    """(number, offset where the entry text begins in the line) for a numbered entry line."""
    m = _BRACKET_START.match(line) or _DOT_START.match(line)
    if not m:
        return None
    return int(m.group(1)), m.end()


def _numbered(text: str, lines) -> list[Reference]:
    refs: list[Reference] = []
    current: list[int] | None = None  # [start, end, number]
    last = 0

    def close():
        if current:
            refs.append(_make(text, str(current[2]), current[0], current[1]))

    for start, end, line in lines:
        head = _number_start(line)
        # "12. ..." also starts continuation lines ("2019. Retrieved ..."), so the dotted form
        # must continue the count; bracketed numbers only have to grow.
        if head and (_BRACKET_START.match(line) and head[0] > last or head[0] == last + 1):
            close()
            current = [start + head[1], end, head[0]]
            last = head[0]
        elif not line.strip():
            close()
            current = None
        elif current is not None:
            current[1] = end
    close()
    return refs


def _author_year(text: str, lines) -> list[Reference]:
    refs: list[Reference] = []
    current: list[int] | None = None

    def close():
        if current:
            ref = _make(text, "", current[0], current[1])
            if ref.year is not None or _ND.search(ref.text):
                refs.append(ref)

    for start, end, line in lines:
        stripped = line.strip()
        if not stripped:
            close()
            current = None
            continue
        lead = len(line) - len(line.lstrip(" \t-*•"))
        body = line[lead:]
        continues = current is not None and not _ends_element(text[current[0] : current[1]])
        if _AUTHOR_START.match(body) and not continues:
            close()
            current = [start + lead, end]
        elif current is not None:
            current[1] = end
    close()
    _key_author_year(refs)
    return refs


def _ends_element(entry: str) -> bool:
    entry = entry.rstrip()
    return entry.endswith((".", ">", ")")) or bool(_BARE_URL.search(entry.rsplit(" ", 1)[-1]))


def _make(text: str, key: str, start: int, end: int) -> Reference:
    while end > start and text[end - 1].isspace():
        end -= 1
    body = text[start:end]
    date = published_date(body)
    return Reference(key=key, text=body, start=start, end=end, year=date[0] if date else None, url=find_url(body))


def _key_author_year(refs: list[Reference]) -> None:
    """Keys like "Smith2020" (first author's family name and year); repeats get b, c, ..."""
    seen: dict[str, int] = {}
    for ref in refs:
        name = first_author(ref.text)
        m = _PAREN_DATE.search(ref.text)
        year = f"{ref.year}{m.group('suffix') if m else ''}" if ref.year else "nd"
        key = f"{name}{year}"
        n = seen.get(key, 0)
        seen[key] = n + 1
        ref.key = key if n == 0 else f"{key}{chr(ord('a') + n)}"


def first_author(entry: str) -> str:
    """The first author's family name ("Smith" in "Smith, J., & Lee, K. (2020)"), or the
    organisation's name when an organisation is the author, without spaces."""
    m = re.match(r"\s*([^,(.]+?)\s*(?:,|\.\s*\(|\()", entry)
    name = m.group(1) if m else entry.split()[0] if entry.split() else ""
    return re.sub(r"[^\w'’-]", "", name)


# --------------------------------------------------------------------------- fields


def published_date(entry: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) the entry says it was published; None for "n.d." or no date.

    The parenthesised date after the authors wins (APA, Harvard); otherwise the last year
    that closes an element outside quoted titles and URLs (IEEE, Vancouver). A year inside a
    title ("... visited China in 1989 and ...") is neither.
    """
    bare = _ANGLE_URL.sub(" ", entry)
    bare = _BARE_URL.sub(" ", bare)
    m = _PAREN_DATE.search(bare)
    if m:
        month = m.group("m1") or m.group("m2")
        day = m.group("d1") or m.group("d2")
        return _valid(int(m.group("y")), month, day)
    if _ND.search(bare):
        return None
    hits = list(_LOOSE_YEAR.finditer(_QUOTED.sub(" ", bare)))
    if hits:
        h = hits[-1]
        return _valid(int(h.group("y")), h.group("m"), h.group("d"))
    return None


def _valid(year: int, month: str | None, day: str | None) -> tuple[int, int | None, int | None] | None:
    if not 1500 <= year <= dt.date.today().year + 1:
        return None
    mon = MONTHS.get(month.rstrip(".").lower()) if month else None
    d = int(day) if day and mon else None
    if mon and d:
        try:
            dt.date(year, mon, d)
        except ValueError:
            d = None
    return year, mon, d


def find_url(entry: str) -> str | None:
    """The entry's URL without markdown angle brackets or trailing punctuation; DOIs as URLs."""
    m = _ANGLE_URL.search(entry)
    if m:
        return m.group(1)
    m = _BARE_URL.search(entry)
    if m:
        return _trim_url(m.group(0))
    m = _DOI.search(entry)
    if m:
        return "https://doi.org/" + _trim_url(m.group(1))
    return None


def _trim_url(url: str) -> str:
    while url and url[-1] in ".,;:'\"!?>]})":
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break  # "wiki/Treaty_(1950)": the parenthesis belongs to the URL
        url = url[:-1]
    return url


# --------------------------------------------------------------------------- dates in URLs

_Y = r"(?P<y>(?:19|20)\d{2})"
_URL_DATES = [
    # /2003/05/12/ and /2022/2/25/ (one-digit month and day only between slashes)
    re.compile(rf"/{_Y}/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])(?=/|$|\.html?$)"),
    # 2019-06-05, 2019_06_05 with non-digit boundaries (la-xpm-1996-04-25-mn-62693)
    re.compile(r"(?<![\d])(?:19|20)\d{2}([-_])(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01])(?![\d])"),
    # /2005-04/30/ (China Daily), /2018/0609/ (People's Daily)
    re.compile(rf"/{_Y}-(?P<m>0[1-9]|1[0-2])/(?P<d>0[1-9]|[12]\d|3[01])(?=/)"),
    re.compile(rf"/{_Y}/(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=/)"),
    # /20030512/ or /t20240531_123.html: eight digits as a whole path element (or after the
    # "t" Chinese government sites put before it), never inside a longer run of digits
    re.compile(rf"/t?{_Y}(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=[/_.\-]|$)"),
    # /2014/05/ and /news/2014-05/ and /202402/: month precision
    re.compile(rf"/{_Y}/(?P<m>0[1-9]|1[0-2])(?=/|$)"),
    re.compile(rf"/{_Y}-(?P<m>0[1-9]|1[0-2])(?=/|$)"),
    re.compile(rf"/{_Y}(?P<m>0[1-9]|1[0-2])(?=/)"),
    # /2001/: a whole path element that is a year
    re.compile(rf"/{_Y}(?=/)"),
]


def url_date(url: str) -> tuple[int, int | None, int | None] | None:
    """The date a URL's path states, as (year, month, day), most precise match first.

    Only the path is read (not the host, query or fragment), and only digits that form a
    whole path element or a delimited date, so ids like ``-1970050`` or ``idUSKCN0ZB0AU``
    give no date.
    """
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url.strip().strip("<>"), flags=re.I)
    if path == url.strip().strip("<>") and path.lower().startswith("www."):
        path = path[path.find("/") :] if "/" in path else ""
    path = re.split(r"[?#]", path, maxsplit=1)[0]
    best: tuple[int, int | None, int | None] | None = None
    for pattern in _URL_DATES:
        for m in pattern.finditer(path):
            if "y" in pattern.groupindex:
                y = int(m.group("y"))
                mon = int(m.group("m")) if "m" in pattern.groupindex and m.group("m") else None
                day = int(m.group("d")) if "d" in pattern.groupindex and m.group("d") else None
            else:  # the delimited YYYY-MM-DD form
                y, mon, day = (int(x) for x in re.split(r"[-_]", m.group(0)))
            if not 1900 <= y <= 2100:
                continue
            if day is not None:
                if mon is None:
                    continue  # not reached: every pattern with a day has a month
                try:
                    dt.date(y, mon, day)
                except ValueError:
                    continue
            cand = (y, mon, day)
            if best is None or _precision(cand) > _precision(best):
                best = cand
        if best is not None and best[2] is not None:
            return best
    return best


def _precision(date: tuple[int, int | None, int | None]) -> int:
    return (date[1] is not None) + (date[2] is not None)
