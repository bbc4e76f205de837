"""Properties of every extractor and loader on generated input (hypothesis), and the inputs
that crashed them before, kept as regression cases (fuzz/regressions/).

The properties live in ``fuzz.targets`` and are the ones ``python -m fuzz.run`` checks at
scale. Here each runs on a short budget: ``CLAIMCHECK_FUZZ_EXAMPLES`` (default 40) examples
per property, which keeps the whole file under about 30 s on CI.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.run import REGRESSIONS, load_dictionary, regression_cases
from fuzz.targets import EXTRACTOR_NAMES, LOADER_SUFFIXES, check_extractor, check_loader

CI = settings(
    max_examples=int(os.environ.get("CLAIMCHECK_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=os.environ.get("CI") == "true",
)

_TOKENS = [t.decode("utf-8", "replace") for t in load_dictionary()]
# text made of the dictionary's tokens (dates, figures, quotes, markup) and any characters
_PIECE = st.one_of(st.sampled_from(_TOKENS), st.text(max_size=6), st.sampled_from([" ", " ", "\n", ", ", ". "]))
TEXT = st.lists(_PIECE, max_size=30).map("".join)
DOC_DATE = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31)]))


@pytest.mark.parametrize("name", EXTRACTOR_NAMES)
@CI
@given(text=TEXT, doc_date=DOC_DATE)
def test_extractor_spans_slice_back_and_intervals_are_ordered(name, text, doc_date):
    check_extractor(name, text, doc_date)


_SEEDS = Path(__file__).resolve().parents[1] / "fuzz" / "corpus"


def _seed_bytes(suffix: str) -> list[bytes]:
    folder = _SEEDS / suffix.lstrip(".")
    return [p.read_bytes() for p in sorted(folder.iterdir())] if folder.is_dir() else []


def _mutated(seed: bytes):
    """A seed with a few bytes replaced, cut or inserted (dictionary tokens among them)."""
    token = st.sampled_from([t for t in load_dictionary()])
    edit = st.tuples(st.integers(0, max(0, len(seed))), st.integers(0, 8), st.one_of(token, st.binary(max_size=8)))

    def apply(edits):
        out = bytearray(seed)
        for at, cut, insert in edits:
            at = min(at, len(out))
            out[at : at + cut] = insert
        return bytes(out)

    return st.lists(edit, max_size=6).map(apply)


def _loader_input(suffix: str):
    seeds = _seed_bytes(suffix)
    text = TEXT.map(lambda t: t.encode("utf-8"))
    return st.one_of(text, st.binary(max_size=200), *(_mutated(s) for s in seeds))


# loaders that still let a crash escape (suffix -> why); none since the bad-input work of issue 15
_KNOWN_LOADER_CRASHES: dict[str, str] = {}


@pytest.mark.parametrize(
    "suffix",
    [
        pytest.param(
            s,
            marks=[pytest.mark.xfail(strict=False, reason=_KNOWN_LOADER_CRASHES[s])]
            if s in _KNOWN_LOADER_CRASHES
            else [],
        )
        for s in LOADER_SUFFIXES
    ],
)
def test_loaders_raise_only_input_errors_and_keep_offsets(suffix, tmp_path):
    @CI
    @given(data=_loader_input(suffix))
    def run(data):
        check_loader(suffix, data, tmp_path)

    run()


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c.id, marks=[pytest.mark.xfail(strict=False, reason=c.xfail)] if c.xfail else [])
        for c in regression_cases()
    ],
)
def test_crash_inputs_found_by_fuzzing_stay_fixed(case, tmp_path):
    case.replay(tmp_path)


def test_regression_folder_is_there():
    assert REGRESSIONS.is_dir() and any(REGRESSIONS.iterdir())
