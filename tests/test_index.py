"""The passage index: BM25 candidates, kept on disk and keyed by content."""

from __future__ import annotations

from pathlib import Path

from checker.ingest.text import build_document
from checker.match.align import align
from checker.match.index import PassageIndex, corpus_key


def _docs(extra: str = ""):
    return [
        build_document("a.md", "Yeltsin visited Beijing in November 1997.\n\nThe harvest was poor that year." + extra),
        build_document("b.md", "Putin landed in Harbin after talks in Beijing.\n\nNothing else happened."),
    ]


def test_search_ranks_the_passage_sharing_rare_words_first():
    index = PassageIndex.build(_docs(), None)
    hits = index.search("When did Yeltsin visit Beijing?")
    assert hits[0][:2] == ("a.md", 0)
    assert ("a.md", 1) not in [h[:2] for h in hits]


def test_index_is_cached_on_disk_by_content_hash(tmp_path):
    docs = _docs()
    first = PassageIndex.build(docs, tmp_path)
    files = list(tmp_path.glob("passages-*.sqlite"))
    assert len(files) == 1 and corpus_key(docs) in files[0].name
    mtime = files[0].stat().st_mtime_ns
    second = PassageIndex.build(_docs(), tmp_path)
    assert second.db_path == first.db_path and files[0].stat().st_mtime_ns == mtime
    changed = _docs(" Changed.")
    PassageIndex.build(changed, tmp_path)
    # an edited source replaces its set's index instead of adding one
    reopened = Path(PassageIndex.build(changed, tmp_path).db_path).name
    assert [f.name for f in tmp_path.glob("passages-*.sqlite")] == [reopened]
    assert corpus_key(changed) in next(tmp_path.glob("passages-*.sqlite")).name
    assert not list(tmp_path.glob("*.tmp"))


def test_alignment_locates_the_claim_inside_the_passage():
    passage = "After a long delay, Yeltsin visited Beijing in November 1997, as planned."
    al = align("Yeltsin visited Beijing in November 1997", passage)
    assert passage[al.start : al.end].startswith("Yeltsin visited Beijing")
    assert al.score > 90


def test_words_absent_from_the_corpus_do_not_empty_the_query():
    # six words no passage has, and one ("Yeltsin") that one passage has
    index = PassageIndex.build(_docs(), None)
    hits = index.search("Tokyo Japanese minister prime sushi karaoke Yeltsin")
    assert hits and hits[0][:2] == ("a.md", 0)
