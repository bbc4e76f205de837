"""Lemmas and word classes of English word forms, from the table the package ships.

``checker/data/lemmas.tsv.gz`` holds lemminflect's dictionary lookup (``getAllLemmas``) for
every form it knows, written out by ``scripts/build_lemma_table.py``. Reading it here keeps
lemminflect's answers without installing lemminflect, whose numpy (73 MB, for neural models of
unknown words the checker does not use) was the largest part of the install.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

_NONE: dict[str, tuple[str, ...]] = {}


@lru_cache(maxsize=1)
def _rows() -> dict[str, str]:
    """Word form -> the rest of its row, unparsed: most forms are never asked for."""
    data = resources.files("checker").joinpath("data/lemmas.tsv.gz").read_bytes()
    rows: dict[str, str] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            form, _, rest = line.partition("\t")
            rows[form] = rest
    return rows


def all_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """``lemminflect.getAllLemmas(word.lower())``: word class (VERB, NOUN, ...) -> its lemmas."""
    rest = _rows().get(word.lower())
    if rest is None:
        return _NONE
    out: dict[str, tuple[str, ...]] = {}
    for part in rest.split("\t"):
        upos, _, lemmas = part.partition(":")
        out[upos] = tuple(lemmas.split("/"))
    return out
