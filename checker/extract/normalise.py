"""Dashes, spaces and quotes folded to their ASCII forms, one character for one, so that every
offset in the folded copy is an offset in the input and patterns need only the ASCII forms."""

from __future__ import annotations

import re

__all__ = ["normalise"]

_NORMALISE = str.maketrans(
    {
        **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"},
        **{c: " " for c in "\u00a0\u2007\u2009\u200a\u202f\u2002\u2003"},
        "\u2019": "'",
        "\u2018": "'",
    }
)

_NORM_MAP = {chr(k): v for k, v in _NORMALISE.items()}
_NORM_RX = re.compile("[" + re.escape("".join(_NORM_MAP)) + "]")


def normalise(text: str) -> str:
    """``text.translate(_NORMALISE)``, faster: the table maps only a few non-ASCII characters, so
    ASCII text is returned as it is and other text has just those replaced (14x faster measured)."""
    if text.isascii():
        return text
    return _NORM_RX.sub(lambda m: _NORM_MAP[m.group()], text)
