"""A check holds the garbage collector back while it runs and gives the process its settings back."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

from checker.engine import CheckConfig, check
from checker.engine.collector import THRESHOLDS, fewer_collections

REPO = Path(__file__).resolve().parent.parent


def test_a_check_restores_the_callers_thresholds_even_when_it_fails(tmp_path):
    before = gc.get_threshold()
    seen = []
    gc.set_threshold(1234, 7, 3)
    try:
        with fewer_collections():
            seen.append(gc.get_threshold())
        assert seen == [THRESHOLDS] and gc.get_threshold() == (1234, 7, 3)
        for name in ("claims", "sources"):
            shutil.copytree(REPO / name, tmp_path / name)
        report = check(
            [tmp_path / "claims"], CheckConfig(sources=[tmp_path / "sources"], cache_dir=None, root=tmp_path)
        )
        assert report.summary.claims > 0 and gc.get_threshold() == (1234, 7, 3)
        try:
            with fewer_collections():
                raise KeyError("boom")
        except KeyError:
            pass
        assert gc.get_threshold() == (1234, 7, 3)
    finally:
        gc.set_threshold(*before)


def test_a_caller_who_turned_collection_off_keeps_it_off():
    before = gc.get_threshold()
    gc.set_threshold(0)
    try:
        with fewer_collections():
            assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*before)
