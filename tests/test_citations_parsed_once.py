"""A document's in-text citations are parsed once per check, however many citation rules and
pairing steps read them (they were parsed five times per document)."""

from __future__ import annotations

from checker import ingest
from checker.engine import CheckConfig, check
from checker.rules import base

PAPER = """# Talks in the north

## 1. Oslo

Anna Berg met Lars Holm in Oslo on June 4, 2004 [1].

## 2. Bergen

The two leaders met again in Bergen on May 9, 2006 [2].

## References

1. Berg, A. (2004). Talks in Oslo. Nordic Wire. https://example.org/2004/06/04/oslo
2. Holm, L. (2006). Talks in Bergen. Nordic Wire.
3. Wire staff. (2007). Never cited. Nordic Wire.
"""


def test_each_document_s_citations_are_parsed_once(tmp_path, monkeypatch):
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    (tmp_path / "other.md").write_text(PAPER.replace("Oslo", "Tromsø"), encoding="utf-8")
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "1.md").write_text(
        "# Talks in Oslo\n\nAnna Berg met Lars Holm in Oslo on June 4, 2004.\n", encoding="utf-8"
    )
    calls: list[str] = []
    real = base.find_citations

    def counting(doc):
        calls.append(doc.path)
        return real(doc)

    monkeypatch.setattr(base, "find_citations", counting)
    monkeypatch.setattr(ingest.citations, "find_citations", counting)
    report = check(
        [tmp_path / "paper.md", tmp_path / "other.md"], CheckConfig(cache_dir=None, sources=[sources], root=tmp_path)
    )
    assert sorted(calls) == ["other.md", "paper.md"]
    # the rules that read them still see them: the uncited entry is reported in each document
    uncited = [f for f in report.findings if f.rule == "CC-CITE-002"]
    assert sorted(f.claim.path for f in uncited) == ["other.md", "paper.md"]
