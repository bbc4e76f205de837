"""Markdown markup that carries no claims, blanked out for fact extraction.

``[the 2019 report](https://example.org/2019/05/report-40)`` states nothing about 2019-05 or
40; neither does ``` `v2.0` ``` or a ``<!-- claimcheck: ... -->`` comment. The document text is
never rewritten (every offset in the project points into it); instead :func:`extraction_text`
returns a copy of the same length in which those spans are spaces (newlines kept), and facts
are extracted from ``copy[p.start:p.end]`` with ``offset=p.start``. Link *text* is kept.
"""

from __future__ import annotations

import re

_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
# [text](target "title"): the brackets and the target go, the text stays
_LINK = re.compile(r"\[(?P<text>[^\]\n]*)\](?P<target>\([^)\s]*(?:\s+\"[^\"\n]*\")?\)|\[[^\]\n]*\])")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M)
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]+>")
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")


_COMMENT_AND_SPACE = re.compile(r"(\s*)<!--.*?-->(\s*)", re.S)


def without_comments(text: str) -> str:
    """``text`` as a report shows it, without the HTML comments inside it: a suppression
    written in the middle of a sentence is no part of the claim. Only for display; offsets
    keep pointing into the text with its comments."""
    if "<!--" not in text:
        return text
    return _COMMENT_AND_SPACE.sub(lambda m: " " if m.group(1) or m.group(2) else "", text).strip()


def _blank(s: str) -> str:
    return "".join("\n" if c == "\n" else " " for c in s)


def extraction_text(text: str, kind: str = "markdown") -> str:
    """``text`` with link targets, images, inline code, comments and URLs replaced by spaces."""
    if kind not in ("markdown", "html"):
        return _BARE_URL.sub(lambda m: _blank(m.group()), _COMMENT.sub(lambda m: _blank(m.group()), text))
    chars = list(text)

    def wipe(start: int, end: int) -> None:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "

    for pattern in (_COMMENT, _INLINE_CODE, _IMAGE, _REF_DEF, _AUTOLINK, _BARE_URL):
        for m in pattern.finditer(text):
            wipe(m.start(), m.end())
    for m in _LINK.finditer(text):
        wipe(m.start(), m.start() + 1)  # "["
        wipe(m.end("text"), m.end())  # "](target)"
    out = "".join(chars)
    assert len(out) == len(text)
    return out
