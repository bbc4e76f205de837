"""The statement core end to end: any subject, not only leaders' visits.

Each case is a source a new user might bring (a museum, a summit, a mayor, a company, a
match) checked through the real pipeline; the verdicts are what an editor needs.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from benchmarks.own_corpus import run_split
from checker.engine import CheckConfig, check
from checker.extract import Extractor
from checker.match.statements import align_statements

SOURCE = """# City notes

The museum in Oslo opened on May 3, 2001.

The trade summit in Lisbon ran from May 30 to June 2, 2021.

Jane Ortiz is the mayor of Lyon.

Acme Corp reported revenue of $4.2 billion in 2023.

Kestrel Rovers beat Millbrook Town 3-1 on March 8, 2025, to win their third league title.

The Dunmore town council approved the harbour wall plan on June 4, 2024.

The Astrup library was founded in 1902. It moved to Bergen in 1950.
"""

CLAIMS = {
    "museum-wrong-day": ("The museum in Oslo opened on May 9, 2001.", "contradicted"),
    "museum-right-day": ("The museum in Oslo opened on May 3, 2001.", "supported"),
    "museum-other-museum": ("The maritime museum in Bergen opened on May 9, 2001.", "unverified"),
    "summit-start": ("The trade summit in Lisbon began on June 3, 2021.", "contradicted"),
    "summit-start-right": ("The trade summit in Lisbon began on May 30, 2021.", "supported"),
    "mayor-wrong-city": ("Jane Ortiz is the mayor of Marseille.", "contradicted"),
    "mayor-right": ("Jane Ortiz is the mayor of Lyon.", "supported"),
    "acme-wrong": ("Acme Corp reported revenue of $5.2 billion in 2023.", "contradicted"),
    "acme-right": ("Acme Corp reported revenue of $4.2 billion in 2023.", "supported"),
    "acme-other-year": ("Acme Corp reported revenue of $3.1 billion in 2021.", "unverified"),
    "match-score": ("Kestrel Rovers beat Millbrook Town 2-1 on March 8, 2025.", "contradicted"),
    "match-rank": ("Kestrel Rovers won their fourth league title on March 8, 2025.", "contradicted"),
    "match-other-opponent": ("Kestrel Rovers beat Eastfield United 2-1 on March 8, 2025.", "unverified"),
    "council-polarity": ("The Dunmore town council rejected the harbour wall plan on June 4, 2024.", "contradicted"),
    "council-other-object": ("The Dunmore town council rejected the parking budget on June 4, 2024.", "unverified"),
    "library-coref": ("The Astrup library moved to Copenhagen in 1950.", "contradicted"),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    root = tmp_path_factory.mktemp("statements")
    (root / "sources").mkdir()
    (root / "sources" / "notes.md").write_text(SOURCE, encoding="utf-8")
    claims = [{"id": k, "text": t, "source": "notes.md"} for k, (t, _) in CLAIMS.items()]
    (root / "claims.json").write_text(json.dumps({"claims": claims}), encoding="utf-8")
    return check([root / "claims.json"], CheckConfig(sources=[root / "sources"], cache_dir=None, root=root))


@pytest.mark.parametrize("claim_id", list(CLAIMS))
def test_verdict_of_an_ordinary_claim(report, claim_id):
    result = next(c for c in report.claims if c.id == claim_id)
    assert result.verdict == CLAIMS[claim_id][1], (
        claim_id,
        [f.message for f in report.findings if f.id in result.findings],
    )


def test_a_contradiction_locates_both_sides_and_says_why(report):
    result = next(c for c in report.claims if c.id == "museum-wrong-day")
    finding = report.finding_by_id()[result.findings[0]]
    assert finding.rule == "CC-DATE-001"
    assert finding.claim_value.startswith("2001-05-09") and "May 9, 2001" in finding.claim.text
    assert finding.evidence.text == "May 3, 2001" and finding.evidence.path.endswith("notes.md")
    assert finding.evidence.line == 3
    assert "same subject 'museum in Oslo', same predicate 'open'" in finding.message


def _statement(text: str, doc_date=None):
    return Extractor().extract(text, doc_date=doc_date).statement


def test_statement_reads_subject_predicate_and_slots():
    st = _statement("The city museum in Oslo opened on May 3, 2001.")
    assert st.subject.head == "museum" and st.subject.modifiers == ["city"] and st.subject.places == ["Oslo"]
    assert st.predicate.lemma == "open" and "open" in st.predicate.classes
    when = [s for s in st.slots if s.kind == "when"]
    assert [(s.role, s.date.value_str()) for s in when] == [("start", "2001-05-03")]


def test_statement_reads_negation_modality_and_direction():
    assert _statement("The council did not approve the plan.").predicate.negated
    assert _statement("The bridge will open in 2026.").predicate.modality == "future"
    st = _statement("Revenue rose 12% to $4.2 billion.")
    assert st.predicate.direction == "up"
    roles = sorted((s.role, s.measure) for s in st.slots if s.kind == "quantity")
    assert roles == [("change", "revenue"), ("level", "revenue")]


def test_main_verb_skips_an_apposition():
    st = _statement("Mira Holt, a chemist who spent four decades at the lab, died on May 2, 2020, in Lyon.")
    assert st.predicate.lemma == "die"
    assert [s.place for s in st.slots if s.kind == "where"] == ["Lyon"]


def test_fuzzy_overlap_alone_never_aligns():
    # nearly the same words, another museum: no alignment, so no comparison
    a = _statement("The maritime museum in Bergen opened on May 9, 2001.")
    b = _statement("The city museum in Bergen opened on May 3, 2001.")
    assert align_statements(a, b) is None


def test_self_consistency_inside_one_document(tmp_path):
    doc = tmp_path / "history.md"
    doc.write_text(
        "# The Astrup library\n\nThe Astrup library in Bergen opened in 1902.\n\n"
        "Later chapters follow.\n\nThe Astrup library in Bergen opened in 1920, after a fire.\n",
        encoding="utf-8",
    )
    rep = check([doc], CheckConfig(cache_dir=None, root=tmp_path))
    dates = [f for f in rep.findings if f.rule == "CC-DATE-001"]
    assert dates and {dates[0].claim_value, dates[0].evidence_value} == {
        "1902-01-01..1902-12-31 (year)",
        "1920-01-01..1920-12-31 (year)",
    }


@pytest.mark.parametrize("split", ["dev", "test"])
def test_own_corpus(split):
    """Our own corpus (tests/cases/corpus): on the dev split, tuned on, no agreeing claim is
    contradicted, no conflicting one supported, and supported is right at least 9 times in 10;
    the frozen test split is only run (its figures are reported by benchmarks.own_corpus)."""
    outcomes = run_split(split)
    assert len(outcomes) >= 90
    for o in outcomes:
        if o.got == "contradicted" and o.kind == "conflict":
            assert o.located, o.id  # both sides located: the finding points into the source
    if split != "dev":
        return
    assert [o.id for o in outcomes if o.kind == "conflict" and o.got == "supported"] == []
    assert [o.id for o in outcomes if o.kind == "agree" and o.got == "contradicted"] == []
    said = [o for o in outcomes if o.got == "supported"]
    assert said and sum(o.expect == "supported" for o in said) / len(said) >= 0.9
    said = [o for o in outcomes if o.got == "contradicted"]
    assert said and sum(o.expect == "contradicted" for o in said) / len(said) >= 0.9


def test_relative_weekday_follows_tense(tmp_path):
    """'On Thursday, X is expected to meet Y' in a story dated Wednesday 2024-05-15 is May 16."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "wire.md").write_text(
        "---\ndate: 2024-05-15\n---\n\nAnna Berg will meet Lars Holm in Oslo on May 16, 2024.\n", encoding="utf-8"
    )
    (tmp_path / "claims.yaml").write_text(
        "document_date: 2024-05-15\nclaims:\n  - id: meeting\n"
        "    text: On Thursday, Anna Berg is expected to meet Lars Holm in Oslo.\n    source: wire.md\n",
        encoding="utf-8",
    )
    rep = check([tmp_path / "claims.yaml"], CheckConfig(sources=[tmp_path / "sources"], cache_dir=None, root=tmp_path))
    assert rep.claims[0].verdict != "contradicted", [f.message for f in rep.findings]
    facts = Extractor().extract(
        "On Thursday, Anna Berg is expected to meet Lars Holm.", doc_date=__import__("datetime").date(2024, 5, 15)
    )
    assert [d.value_str() for d in facts.dates] == ["2024-05-16"]


class _SettingsRun:
    """A claim file citing one source, checked through the CLI with and without a
    claimcheck.toml: how a setting is seen by a user."""

    def __init__(self, tmp_path, monkeypatch, source: str, claim: str):
        from click.testing import CliRunner

        from checker.cli import main

        (tmp_path / "sources").mkdir()
        (tmp_path / "sources" / "notes.md").write_text(source, encoding="utf-8")
        (tmp_path / "claims").mkdir()
        (tmp_path / "claims" / "c.yaml").write_text(
            f"claims:\n  - id: c\n    text: {claim}\n    source: notes.md\n", encoding="utf-8"
        )
        monkeypatch.chdir(tmp_path)
        self.root, self.runner, self.main = tmp_path, CliRunner(), main

    def invoke(self, settings: str | None = None, args: tuple[str, ...] = ("check", "-f", "json", "--no-cache")):
        if settings is not None:
            (self.root / "claimcheck.toml").write_text(settings + "\n", encoding="utf-8")
        return self.runner.invoke(self.main, list(args))

    def report(self, settings: str | None = None) -> dict:
        return json.loads(self.invoke(settings).output)


def test_alignment_thresholds_are_settings(tmp_path, monkeypatch):
    """occurrence-days decides when two results of the same sides are one match; it is set in config."""
    run = _SettingsRun(
        tmp_path,
        monkeypatch,
        "Kestrel Rovers beat Millbrook Town 3-1 on March 8, 2025.\n",
        "Kestrel Rovers beat Millbrook Town 2-1 on March 22, 2025.",
    )
    assert run.report()["claims"][0]["verdict"] == "unverified"  # two weeks apart: another match
    wide = run.report("occurrence-days = 30")
    assert sorted(f["rule"] for f in wide["findings"]) == ["CC-DATE-001", "CC-SCORE-001"]
    assert run.invoke("occurrence-days = -1").exit_code == 2


def test_substitution_words_is_a_setting(tmp_path, monkeypatch):
    """substitution-words: how long a swapped qualifier ("music" for "history and geography") may
    be before the figure is another measure, not a misstated one; set in config, shown by explain."""
    run = _SettingsRun(
        tmp_path,
        monkeypatch,
        "The Ashby school said 64% of its pupils passed in history and geography this year.\n",
        "The Ashby school said 52% of its pupils passed in music this year.",
    )
    assert run.report()["claims"][0]["verdict"] == "unverified"  # another subject's pass rate
    assert [f["rule"] for f in run.report("substitution-words = 0")["findings"]] == ["CC-NUM-002"]
    assert "substitution-words = 3" in run.invoke(args=("explain", "CC-NUM-002")).output


def test_misquote_minor_words_is_a_setting(tmp_path, monkeypatch):
    """misquote-minor-words: a quotation with one word changed is a warning by default, an
    error when the setting allows no changed word."""
    run = _SettingsRun(
        tmp_path,
        monkeypatch,
        'Ana Berg said: "We will sign a fair and lasting settlement with the union."\n',
        "'Ana Berg said: \"We will sign a fair and final settlement with the union.\"'",
    )
    default = run.report()
    assert [(f["rule"], f["severity"]) for f in default["findings"]] == [("CC-QUOTE-001", "warning")]
    strict = run.report("misquote-minor-words = 0")
    assert [(f["rule"], f["severity"]) for f in strict["findings"]] == [("CC-QUOTE-001", "error")]
    assert strict["claims"][0]["verdict"] == "contradicted"
    assert "misquote-minor-words = 2" in run.invoke(args=("explain", "CC-QUOTE-001")).output


def test_extract_takes_quotations_and_typed_statements(tmp_path):
    """A misquote or a wrong title in a draft can only be caught if the sentence becomes a claim."""
    from checker.extract_claims import extract_claims
    from checker.ingest.text import build_document

    doc = build_document(
        "draft.md",
        '# Notes\n\nThe mayor said "we will finish the bridge before winter" at the '
        "opening.\n\nJane Ortiz is the mayor of Lyon.\n\nNothing much happened here.\n",
        kind="markdown",
    )
    texts = [c.text for c in extract_claims(doc)]
    assert any("finish the bridge" in t for t in texts)
    assert "Jane Ortiz is the mayor of Lyon." in texts
    assert not any("Nothing much" in t for t in texts)


def test_figures_of_another_measure_period_or_entity_are_not_contradictions(tmp_path):
    """The false flags the issue found on public sets, in our own words: a residency time against
    a span of the past, one show's episodes against another's, °F against °C, '3, 835'."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "notes.md").write_text(
        "# Notes\n\nOver the past 60 million years, carbon dioxide levels in the atmosphere have varied widely.\n\n"
        "The second season of Coastline had 32 episodes.\n\nOn 12 July 2022 the temperature in Seville reached 35°C.\n\n"
        "The population of the region was 3, 835 in 2010.\n",
        encoding="utf-8",
    )
    claims = {
        "residency": "The residency time of carbon dioxide in the atmosphere is five years.",
        "episodes": "The first season of Harbour Lights had 26 episodes.",
        "fahrenheit": "On 12 July 2022 the temperature in Seville reached 95°F.",
        "population": "The population of the region was 3,835 in 2010.",
    }
    (tmp_path / "claims.json").write_text(
        json.dumps({"claims": [{"id": k, "text": t, "source": "notes.md"} for k, t in claims.items()]}),
        encoding="utf-8",
    )
    rep = check([tmp_path / "claims.json"], CheckConfig(sources=[tmp_path / "sources"], cache_dir=None, root=tmp_path))
    assert {c.id: c.verdict for c in rep.claims} == dict.fromkeys(claims, "unverified"), [
        f.message for f in rep.findings
    ]


def test_names_in_any_script_are_one_word():
    """'Tromsø' and 'São Paulo' are names, not 'Troms' and a stray letter."""
    st = _statement("The Tromsø harbour bridge was completed in 1962.")
    assert "tromsø" in " ".join(st.subject.names) or "Tromsø" in st.subject.text
    assert st.subject.text.endswith("bridge")


def test_a_possessive_place_is_the_same_subject_as_the_place_named_later():
    # "Bilbao's airport rail link" and "the rail link between Bilbao's city centre and its airport"
    claim = _statement("Bilbao's airport rail link began carrying passengers on 8 June 2023.")
    passage = _statement("The rail link between Bilbao's city centre and its airport opened on 8 June 2023.")
    assert "bilbao" not in claim.subject.modifiers and claim.subject.places == ["Bilbao"]
    al = align_statements(claim, passage)
    assert al is not None and [(c.kind, c.outcome) for c in al.comparisons] == [("when", "agree")]
    other = _statement("The rail link between Porto's city centre and its airport opened on 8 June 2023.")
    assert align_statements(claim, other) is None


@pytest.mark.parametrize(
    "sentence, lemma",
    [
        ("At the airport, passenger numbers fell 2.3% in the first five months.", "fall"),
        ("Apartment prices rose sharply last year.", "rise"),
        ("The firm employs trained staff in Leeds.", "employ"),
        ("Early estimates by the broker Calder & Muir put insured damage at about £85 million.", "put"),
        ("Work on the new depot is due to get under way in March 2026.", "get under way"),  # a phrase of three words
    ],
)
def test_main_verb_after_a_plural_noun_or_before_a_participle(sentence, lemma):
    assert _statement(sentence).predicate.lemma == lemma


@pytest.mark.parametrize(
    "sentence, score",
    [
        ("The board backed the wing by nine votes to four.", [9, 4]),
        ("The board voted 9 to 4 on Tuesday to build a wing.", [9, 4]),
        ("The jury picked the novel by a 4-1 vote.", [4, 1]),
        ("She won 84,312 votes to 79,655.", [84312, 79655]),
    ],
)
def test_a_tally_in_words_or_figures_is_a_score(sentence, score):
    assert [s.score for s in _statement(sentence).slots if s.kind == "score"] == [score]


def test_a_figure_before_to_and_a_verb_is_not_a_tally():
    assert not [s for s in _statement("He scored 10 points to lead the team.").slots if s.kind == "score"]


def test_verbs_of_a_level_are_one_predicate():
    claim = _statement("Voter turnout in the Porto runoff stood at 54.8 per cent.")
    passage = _statement("Turnout in the Porto runoff reached 58.4%, up 6.1 percentage points from the first round.")
    al = align_statements(claim, passage)
    assert al is not None and [(c.kind, c.outcome) for c in al.comparisons] == [("quantity", "conflict")]


AGENT_SOURCE = """# Film notes

Harbour Nights is a 2011 drama film directed by Lena Okafor, written by Tom Berret and starring Ada Voss.

Kelvin Hall is a large, highly residential college.

Private Quarters is a 1931 comedy of manners in three acts by Noe\u0308l Cowan.
"""

AGENT_CLAIMS = {
    "director-right": ("Harbour Nights was directed by Lena Okafor.", "supported"),
    "director-is-the-writer": ("Harbour Nights was directed by Tom Berret.", "contradicted"),
    "untyped-contained": ("Harbour Nights starred Ada Voss.", "unverified"),  # another predicate, nothing compared
    "degree-adverb": ("Kelvin Hall is a barely residential college.", "unverified"),
    "decomposed-accent": ("Private Quarters is a 1931 comedy in three acts by Noel Cowan.", "unverified"),
}


@pytest.mark.parametrize("claim_id", list(AGENT_CLAIMS))
def test_agents_and_untyped_claims(tmp_path_factory, claim_id):
    root = tmp_path_factory.mktemp("agents")
    (root / "sources").mkdir()
    (root / "sources" / "films.md").write_text(AGENT_SOURCE, encoding="utf-8")
    claims = [{"id": k, "text": t, "source": "films.md"} for k, (t, _) in AGENT_CLAIMS.items()]
    (root / "claims.json").write_text(json.dumps({"claims": claims}), encoding="utf-8")
    rep = check([root / "claims.json"], CheckConfig(sources=[root / "sources"], cache_dir=None, root=root))
    got = {c.id: c.verdict for c in rep.claims}
    assert got[claim_id] == AGENT_CLAIMS[claim_id][1]
    if claim_id == "director-is-the-writer":
        f = next(f for f in rep.findings if f.rule == "CC-AGENT-001")
        assert (f.claim_value, f.evidence_value) == ("by Tom Berret", "by Lena Okafor")


def test_an_untyped_claim_the_passage_says_in_full_is_supported(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "bio.md").write_text(
        "Christa Moll was born Christa Anne Haack in Anaheim and grew up in California.\n", encoding="utf-8"
    )
    claims = [
        {"id": "born-as", "text": "Christa Moll was born Christa Anne Haack.", "source": "bio.md"},
        {"id": "born-other", "text": "Christa Moll was born Christa Lee Haack.", "source": "bio.md"},
    ]
    (tmp_path / "claims.json").write_text(json.dumps({"claims": claims}), encoding="utf-8")
    rep = check([tmp_path / "claims.json"], CheckConfig(sources=[tmp_path / "sources"], cache_dir=None, root=tmp_path))
    assert {c.id: c.verdict for c in rep.claims} == {"born-as": "supported", "born-other": "unverified"}


def test_names_fold_accents_and_read_decomposed_text():
    st = _statement("The novel was written by Noe\u0308l Cowan in 1931.")
    assert [s.holder for s in st.slots if s.kind == "agent"] == [["noel cowan"]]


def _verdicts(tmp_path, source: str, claims: dict[str, str]) -> dict[str, str]:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "src.md").write_text(source, encoding="utf-8")
    rows = [{"id": k, "text": t, "source": "src.md"} for k, t in claims.items()]
    (tmp_path / "claims.json").write_text(json.dumps({"claims": rows}), encoding="utf-8")
    rep = check([tmp_path / "claims.json"], CheckConfig(sources=[tmp_path / "sources"], cache_dir=None, root=tmp_path))
    return {c.id: c.verdict for c in rep.claims}


def test_an_unnamed_subject_of_a_cited_source_is_its_topic(tmp_path):
    # nothing in the source names what "the film" is: it is what the source is about
    got = _verdicts(
        tmp_path,
        "The film was released in cinemas across Europe on November 5, 2003.\n",
        {
            "right": "The movie Night Circuit was released on November 5, 2003.",
            "wrong": "The movie Night Circuit was released on November 5, 2005.",
            "other-kind": "The album Night Circuit was released on November 5, 2005.",
        },
    )
    assert got == {"right": "supported", "wrong": "contradicted", "other-kind": "unverified"}


def test_a_source_that_names_its_subject_has_no_unnamed_topic(tmp_path):
    source = "Work on the Ellerby Canal began in 1791. The waterway opened on April 2, 1797.\n"
    got = _verdicts(tmp_path, source, {"trap": "The Thornby Canal opened on 2 April 1799."})
    assert got == {"trap": "unverified"}


def test_a_bare_subject_is_of_the_name_its_heading_or_the_sentences_before_it_give(tmp_path):
    # "the barley harvest" under a heading on Orrin Valley is the Orrin Valley barley harvest;
    # another valley's harvest, or another crop's, is not
    source = (
        "# A wet autumn in Orrin Valley\n\n"
        "Growers said the rain came late in the season. The barley harvest ran from 2 to 21 September 2024.\n"
    )
    got = _verdicts(
        tmp_path,
        source,
        {
            "agree": "The Orrin Valley barley harvest ran from 2 to 21 September 2024.",
            "conflict": "The Orrin Valley barley harvest ran from 2 to 28 September 2024.",
            "other-valley": "The Tarn Valley barley harvest ran from 2 to 28 September 2024.",
            "other-crop": "The Orrin Valley oat harvest ran from 2 to 28 September 2024.",
        },
    )
    assert got == {
        "agree": "supported",
        "conflict": "contradicted",
        "other-valley": "unverified",
        "other-crop": "unverified",
    }


def test_a_name_after_the_sentence_gives_no_bare_subject_its_name(tmp_path):
    # the names that may complete "the barley harvest" come before it, never after it
    source = "The barley harvest ran from 2 to 21 September 2024.\n\nOrrin Valley growers met in October.\n"
    got = _verdicts(tmp_path, source, {"trap": "The Orrin Valley barley harvest ran from 2 to 28 September 2024."})
    assert got == {"trap": "unverified"}


def test_a_date_a_change_is_measured_from_agrees_with_the_same_date(tmp_path):
    source = "Orsk Energy will raise household prices by 4.5 percent from 1 May 2025, the company said.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "agree": "Orsk Energy will raise household prices by 4.5% from 1 May 2025.",
            "other-base": "Orsk Energy will raise household prices by 4.5% from 1 June 2025.",
        },
    )
    assert got == {"agree": "supported", "other-base": "unverified"}


def test_a_plural_noun_before_its_own_phrase_is_the_subject_not_the_verb():
    # "numbers" and "shares" are verb forms too; before "at the museum ... fell" they are nouns
    x = Extractor()
    read = [
        (st.subject.text, st.predicate.lemma)
        for st in (
            x.extract(t).statement
            for t in (
                "Visitor numbers at the town museum fell 5 percent last year.",
                "Shares in Orvik Mining rose 4% on Monday.",
                "The bakery employs trained staff in Leeds.",
                "The harbour show opened on 14 July.",
                "Prices show increased demand.",
            )
        )
    ]
    assert read == [
        ("Visitor numbers at the town museum", "fall"),
        ("Shares in Orvik Mining", "rise"),
        ("bakery", "employ"),
        ("harbour show", "open"),  # a base form after a singular noun is no verb
        ("Prices", "show"),  # after a plural it is
    ]


def test_a_place_in_the_claims_subject_must_be_the_passages_too(tmp_path):
    # the source's bare "passenger numbers" are Bilbao's: a claim on Santander airport is
    # another subject, while one on Bilbao agrees
    source = "The rail link opened at Bilbao airport, where passenger numbers fell 2.3% in the first half of 2023.\n"
    got = _verdicts(
        tmp_path,
        source,
        {"other-place": "Passenger numbers at Santander airport rose in the first half of 2023."},
    )
    assert got == {"other-place": "unverified"}


def test_how_a_body_split_on_its_decision_is_a_score(tmp_path):
    # "ruled 2 to 1", "approved ... 7-2": the predicate table marks decisions (tally = true)
    source = (
        "The Hallam planning board voted 7 to 2 to approve the Millgate housing scheme. "
        "A panel of three judges ruled 2 to 1 in the council's favour.\n"
    )
    got = _verdicts(
        tmp_path,
        source,
        {
            "agree": "The Hallam planning board approved the Millgate housing scheme 7-2.",
            "conflict": "The Hallam planning board approved the Millgate housing scheme 6-3.",
            "court-agree": "A panel of three judges ruled 2-1 in the council's favour.",
            "court-conflict": "A panel of three judges ruled 3 to 0 in the council's favour.",
        },
    )
    assert got == {
        "agree": "supported",
        "conflict": "contradicted",
        "court-agree": "supported",
        "court-conflict": "contradicted",
    }
    # a range of a count after the verb is no split
    slots = Extractor().extract("The board approved 2 to 3 new schools.").statement.slots
    assert [s.kind for s in slots if s.kind == "score"] == []


def test_a_figure_of_another_time_is_not_contradicted(tmp_path):
    # the passage gives no date of its own: the sentence before it says which day it speaks of
    source = (
        "On 14 August 2025 a fire broke out near Orvale. "
        "Temperatures in the town reached 41 degrees Celsius.\n\n"
        "The Valdoria central bank raised its growth forecast for 2025 to 1.6 percent.\n"
    )
    got = _verdicts(
        tmp_path,
        source,
        {
            "same-day": "Temperatures in Orvale reached 43 degrees Celsius on 14 August 2025.",
            "other-day": "Temperatures in Orvale reached 43 degrees Celsius on 18 August 2025.",
            "same-year": "The Valdoria central bank forecast growth of 1.9 percent for 2025.",
            "other-year": "The Valdoria central bank forecast growth of 1.9 percent for 2026.",
            "opening-time": "In June 2024, the Valdoria central bank forecast growth of 1.9 percent.",
        },
    )
    assert got == {
        "same-day": "contradicted",
        "other-day": "unverified",
        "same-year": "contradicted",
        "other-year": "unverified",
        "opening-time": "unverified",  # the time the sentence opens with is its figure's
    }


def test_a_when_clause_dates_the_main_clause_and_an_open_interval_dates_no_occurrence(tmp_path):
    # "when the sides met in October" is when the win was; "since 2009" dates no match
    source = "Harwick Rovers beat Carrow City 3-1 on 14 March 2026 to go top for the first time since 2009.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "october": "Harwick Rovers beat Carrow City 2-0 when the two sides met in October 2025.",
            "march": "Harwick Rovers beat Carrow City 2-0 when the two sides met on 14 March 2026.",
        },
    )
    assert got == {"october": "unverified", "march": "contradicted"}


def test_a_split_year_is_one_period_and_the_next_one_is_another():
    from checker.extract.dates import find_dates
    from checker.extract.temporal import disjoint

    this, last = find_dates("the budget for 2026-27"), find_dates("the budget for 2025-26")
    assert [(d.text, d.is_range) for d in this] == [("2026-27", False)]
    assert disjoint(this[0], last[0])
    assert not disjoint(this[0], find_dates("in March 2027")[0])
    assert find_dates("from 1998 to 2001")[0].is_range  # a range of years stays one


def test_one_office_of_one_body_has_one_holder(tmp_path):
    # a chief executive is one person at a time; a board has many directors, and a former
    # holder is no conflict
    source = "Marta Lind, Orvik Mining's chief executive, said output would rise. Orvik Mining's director, Ben Ash, agreed.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "other-holder": "Paul Sand, Orvik Mining's chief executive, said output would rise.",
            "same-holder": "Marta Lind, Orvik Mining's chief executive, said output would rise.",
            "former": "Paul Sand, Orvik Mining's former chief executive, said output would rise.",
            "many-directors": "Orvik Mining's director, Eva Holm, agreed.",
        },
    )
    assert got["other-holder"] == "contradicted"
    assert got["same-holder"] != "contradicted"
    assert got["former"] == "unverified"
    assert got["many-directors"] == "unverified"


def test_a_verb_is_read_by_where_it_stands_when_its_form_is_a_noun_too():
    x = Extractor()
    read = []
    for text in (
        "The Bank of Orvale cut its main rate to 3.25 percent.",
        "A wildfire broke out near Castellmar on 14 August.",
        "Harwick Rovers will next play Dunmore on 21 March.",
        "The trial, called HALO-2, enrolled 900 adults.",
        "The bridge, opened in 1931, carries 40,000 cars a day.",
        "A wildfire that broke out on 14 August was brought under control on 18 August.",
        "Sales of the novel have fallen since January.",
        "Its phase 3 study of the drug achieved its primary endpoint.",
    ):
        st = x.extract(text).statement
        read.append(st.predicate.lemma if st is not None and st.predicate is not None else None)
    assert read == ["cut", "break", "play", "enroll", "carry", "bring", "fall", "achieve"]


def test_a_quotation_supports_only_as_said_not_without_its_denial(tmp_path):
    source = 'Governor Ana Marsh of the Orvale central bank said: "We are not on a pre-set path for rates."\n'
    got = _verdicts(
        tmp_path,
        source,
        {
            "whole": 'Governor Ana Marsh said: "We are not on a pre-set path for rates."',
            "denial-dropped": 'Governor Ana Marsh said the bank was "on a pre-set path for rates".',
        },
    )
    assert got["whole"] == "supported"
    assert got["denial-dropped"] != "supported"


def test_an_apposition_that_names_the_subject_gives_it_that_name():
    x = Extractor()
    named = x.extract("The trial, called HARBOR-M, enrolled 900 adults at 40 sites.").statement.subject
    assert (named.head, named.names) == ("trial", ["harbor-m"])
    founded = x.extract("The company, founded by Ana Silva, opened a plant in Braga.").statement.subject
    assert founded.names == []  # who founded it is not its name


def test_a_parenthesis_and_a_participle_after_a_copula_are_statements_about_the_subject(tmp_path):
    # "X (born ...) is an actress" says both that X is an actress and when X was born; "is a
    # film directed by Y" says the film was directed by Y
    source = (
        "Marta Lindqvist (born 4 May 1981) is a Swedish actress.\n\n"
        "Harbour Lights is a 2012 Swedish drama film directed by Olle Berg.\n"
    )
    got = _verdicts(
        tmp_path,
        source,
        {
            "copula": "Marta Lindqvist is a Swedish actress.",
            "born": "Marta Lindqvist was born on 4 May 1981.",
            "born-wrong": "Marta Lindqvist was born on 4 May 1985.",
            "director": "Harbour Lights was directed by Olle Berg.",
            "director-wrong": "Harbour Lights was directed by Anna Sjo.",
        },
    )
    assert got == {
        "copula": "supported",
        "born": "supported",
        "born-wrong": "contradicted",
        "director": "supported",
        "director-wrong": "contradicted",
    }


def test_each_participle_of_a_list_after_a_copula_is_read(tmp_path):
    # "directed by A, written by B": B wrote it, A directed it; two directors, either agrees
    source = (
        "Harbour Lights is a 2012 Swedish drama film directed by Olle Berg, written by Anna Sjo.\n\n"
        "Night Ferry is a 2015 thriller film directed by Ida Moss, directed by Leo Holm and starring Eva Lund.\n"
    )
    got = _verdicts(
        tmp_path,
        source,
        {
            "writer-as-director": "Harbour Lights was directed by Anna Sjo.",
            "second-director": "Night Ferry was directed by Leo Holm.",
        },
    )
    assert got == {"writer-as-director": "contradicted", "second-director": "supported"}


def test_every_word_may_be_said_by_a_word_of_its_kind(tmp_path):
    # the head-noun table says a movie is a film; it says nothing of a novel and a film
    source = "Night Circuit is a 2003 German crime film directed by Paul Roth.\n"
    got = _verdicts(
        tmp_path,
        source,
        {"movie": "Night Circuit is a German crime movie.", "novel": "Night Circuit is a German crime novel."},
    )
    assert got == {"movie": "supported", "novel": "unverified"}


def test_a_relative_clause_is_about_the_phrase_before_its_comma():
    x = Extractor()

    def clause_subject(text: str) -> str | None:
        st = x.extract(text).clauses[0].subject
        return st.text if st is not None else None

    assert clause_subject("The museum, which opened in 1902, closed in 2001.") == "museum"
    assert clause_subject("The council approved the plan, which will cost 5 million pounds.") == "plan"
    assert clause_subject("Valdora trailed its rival, the Port of Santa Irene, which handled 5.1 million TEU.") == (
        "Port of Santa Irene"
    )


def test_a_counted_group_is_the_group_of_its_count(tmp_path):
    # last year's 58,100 people are not this year's crowd
    source = "Ticket sales rose 11 percent on last year, when 58,100 people attended.\n"
    got = _verdicts(tmp_path, source, {"this-year": "A record 64,500 people attended the Fellside Festival."})
    assert got == {"this-year": "unverified"}


def test_the_preposition_after_a_copula_is_part_of_the_predicate(tmp_path):
    # "was against" is not "was an advocate of"; "is beyond" is not "is near"
    source = (
        "Jorun Vale was a strong advocate of a single parliament for the two islands. "
        "The old lighthouse is near the fishing harbour of the town.\n"
    )
    got = _verdicts(
        tmp_path,
        source,
        {
            "against": "Jorun Vale was against a single parliament for the two islands.",
            "for": "Jorun Vale was a strong advocate of a single parliament for the two islands.",
            "near": "The old lighthouse is near the fishing harbour of the town.",
            "beyond": "The old lighthouse is beyond the fishing harbour of the town.",
        },
    )
    assert got == {"against": "unverified", "for": "supported", "near": "supported", "beyond": "unverified"}


def test_a_preposition_that_introduces_a_compared_slot_is_no_relation():
    assert _statement("The mayor was in Paris in 2003.").predicate.relation is None
    assert _statement("The museum opened in 2001.").predicate.relation is None
    assert _statement("James Roe was against a single parliament.").predicate.relation == "against"


def test_a_report_date_beside_the_period_is_no_other_period(tmp_path):
    source = "On November 6, Dunmore Foods reported revenue of $4.2 billion for the third quarter of 2024.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "right": "Dunmore Foods reported third-quarter 2024 revenue of $4.2bn.",
            "wrong": "Dunmore Foods reported third-quarter 2024 revenue of $5.2bn.",
            "other-period": "Dunmore Foods reported second-quarter 2024 revenue of $5.2bn.",
        },
    )
    assert got == {"right": "supported", "wrong": "contradicted", "other-period": "unverified"}


def test_a_clause_opened_by_a_conjunction_without_a_comma_is_a_statement_of_its_own(tmp_path):
    source = "The vote comes as bus fares in Leeds rose 4.5% in the year to June, to an average of £2.10.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "direction": "Bus fares in Leeds fell 4.5% in the year to June.",
            # "after 10 pm slept": a preposition before a time opens no clause
            "time": "Riders who boarded after 9 pm waited 20 minutes on average.",
        },
    )
    assert got == {"direction": "contradicted", "time": "unverified"}
    clauses = Extractor().extract("Riders who boarded after 9 pm waited 20 minutes on average.").clauses
    assert all(not c.subject.text[0].isdigit() for c in clauses if c.subject)


def test_a_designation_number_tells_two_names_apart(tmp_path):
    # "Osprey-3" is not "Osprey-2": the number is the name's, not a figure to compare
    source = (
        "Osprey-3 weighs 640 kilograms and cost 212 million euros. The earlier probe, Osprey-2, was lost in 2021.\n"
    )
    got = _verdicts(
        tmp_path,
        source,
        {
            "other-probe": "The Osprey-2 probe cost 221 million euros.",
            "same-probe": "The Osprey-3 probe cost 221 million euros.",
        },
    )
    assert got == {"other-probe": "unverified", "same-probe": "contradicted"}
    assert _statement("Osprey-3 weighs 640 kilograms.").subject.names == ["osprey-3"]


def test_a_date_beside_a_length_of_time_is_the_event_date_not_a_period():
    st = _statement("The Osprey-3 probe entered orbit on 8 April 2026, 19 days after its launch.")
    assert [(s.role, s.text) for s in st.slots if s.kind == "when"] == [("point", "8 April 2026")]
    st = _statement("Osprey Space reported revenue of 40 million euros on 8 April 2026.")
    assert [s.role for s in st.slots if s.kind == "when"] == ["period"]


def test_a_passive_and_an_active_sentence_make_one_statement(tmp_path):
    source = "A regional tribunal had upheld the penalty in May 2023.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "same": "The penalty had been upheld by a regional tribunal in May 2023.",
            "other-date": "The penalty had been upheld by a regional tribunal in June 2023.",
            "other-doer": "The penalty had been upheld by the high court in June 2023.",
        },
    )
    assert got == {"same": "supported", "other-date": "contradicted", "other-doer": "unverified"}


def test_group_limit_bounds_the_accounts_of_one_event_compared(tmp_path, monkeypatch):
    """group-limit: how many distinct accounts of one event a sentence is compared with."""
    from click.testing import CliRunner

    from checker.cli import main

    lines = [f"The Ostby harbour fair opened on May {day}, 2020." for day in (3, 5, 7, 9)]
    (tmp_path / "draft.md").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def findings(limit: int | None) -> int:
        (tmp_path / "claimcheck.toml").write_text(f"group-limit = {limit}\n" if limit else "", encoding="utf-8")
        out = json.loads(runner.invoke(main, ["check", "draft.md", "-f", "json", "--no-cache"]).output)
        return len(out["findings"])

    assert findings(None) > findings(1) > 0
    (tmp_path / "claimcheck.toml").write_text("group-limit = 0\n", encoding="utf-8")
    assert runner.invoke(main, ["check", "draft.md", "-f", "json", "--no-cache"]).exit_code == 2


def test_a_participle_clause_between_commas_is_a_statement_about_the_subject(tmp_path):
    source = "The chartered ferry, carrying 212 passengers and nine crew, had been bound for Bergen.\n"
    got = _verdicts(tmp_path, source, {"conflict": "The chartered ferry was carrying 221 passengers."})
    assert got == {"conflict": "contradicted"}
    clauses = Extractor().extract("The survey, covering 4,100 homes, was published during the spring.").clauses
    assert [(c.subject.text, c.predicate.lemma) for c in clauses] == [("survey", "cover")]


def test_fell_to_a_figure_or_a_rank_is_a_fall_and_fell_to_a_side_is_a_defeat():
    def read(sentence: str) -> tuple[str, list[str]]:
        p = _statement(sentence).predicate
        return p.lemma, p.classes

    assert read("Waiting times at the clinic fell to 19 weeks.") == ("fall", ["decrease"])
    assert read("The novel fell to third place on the list.") == ("fall", ["decrease"])
    assert read("Harwick Rovers fell to Dunmore Athletic on Saturday.") == ("fall to", ["lose"])
    assert read("Harwick fell to the Rovers in the final.") == ("fall to", ["lose"])


def test_fell_to_a_figure_is_set_against_rose_to_it(tmp_path):
    source = "Average rents in Lowmoor fell to 940 euros a month in 2025.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "agree": "Average rents in Lowmoor dropped to 940 euros a month in 2025.",
            "conflict": "Average rents in Lowmoor rose to 940 euros a month in 2025.",
        },
    )
    assert got == {"agree": "supported", "conflict": "contradicted"}


def test_a_name_says_what_kind_of_thing_its_bearer_is(tmp_path):
    # "the lock" after a sentence naming the Bramley Lock is the Bramley Lock; "Ashby's
    # harbour" is the "Harbour of Ashby"; a name that says no kind ("Kestrel") stands for none
    from checker.match.statements import name_kind

    source = (
        "The Bramley Lock was rebuilt in 1884 by the canal company.\n\n"
        "By 1890 the lock passed 2,300 boats a year.\n\n"
        "The Harbour of Ashby handled 1.2 million tonnes of cargo in 2024.\n"
    )
    got = _verdicts(
        tmp_path,
        source,
        {
            "agree": "By 1890, the Bramley Lock passed 2,300 boats a year.",
            "conflict": "By 1890, the Bramley Lock passed 3,200 boats a year.",
            "other-lock": "By 1890, the Tarley Lock passed 3,200 boats a year.",
            "possessed": "Ashby's harbour handled 1.2 million tonnes of cargo in 2024.",
        },
    )
    assert got == {
        "agree": "supported",
        "conflict": "contradicted",
        "other-lock": "unverified",
        "possessed": "supported",
    }
    assert [name_kind(_statement(s).subject) for s in ("The Bramley Lock opened.", "Kestrel opened.")] == ["lock", ""]


def test_pounds_beside_a_sum_in_sterling_are_sterling(tmp_path):
    source = "The Mereside Prize is worth 25,000 pounds.\n"
    got = _verdicts(
        tmp_path,
        source,
        {"agree": "The Mereside Prize is worth £25,000.", "conflict": "The Mereside Prize is worth £52,000."},
    )
    assert got == {"agree": "supported", "conflict": "contradicted"}


def test_a_figure_a_comparative_follows_is_a_difference_not_the_value(tmp_path):
    # "60 million pounds over the budget" and "48 pounds more than now" are differences: the
    # claim's total is the total the passage gives, not contradicted by the difference
    source = (
        "The new library cost 1.3 billion pounds, 60 million pounds over the original budget.\n\n"
        "A season ticket will cost 1,290 pounds, 48 pounds more than now.\n"
    )
    got = _verdicts(
        tmp_path,
        source,
        {"total": "The new library cost £1.3 billion.", "ticket": "A season ticket will cost £1,290."},
    )
    assert got == {"total": "supported", "ticket": "supported"}
    slots = _statement("A season ticket will cost 1,290 pounds, 48 pounds more than now.").slots
    assert [(s.text, s.role) for s in slots] == [("1,290 pounds", "value"), ("48 pounds", "change")]


def test_the_date_the_passage_gives_as_finely_as_the_claim_decides(tmp_path):
    # "next year" agrees with any July date; the days the passage gives do not
    source = "---\ndate: 2026-08-02\n---\n\nNext year's fair will take place from 9 to 11 July 2027.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "agree": "Next year's fair will run from 9 to 11 July 2027.",
            "conflict": "Next year's fair will run from 16 to 18 July 2027.",
        },
    )
    assert got == {"agree": "supported", "conflict": "contradicted"}


def test_a_dated_report_speaks_of_its_ledes_time_where_a_sentence_gives_none(tmp_path):
    # the report is on the 2024 survey: an undated figure deeper in it is that year's, so a
    # claim about 2014 is not set against it; a claim about 2024 is
    source = (
        "---\ndate: 2025-03-04\n---\n\n"
        "# Survey results\n\n"
        "BRANTHAM, 4 March 2025 - The 2024 housing survey counted 81,200 homes in Brantham, up 5 percent "
        "since the previous survey in 2014.\n\n"
        "## Homes\n\n"
        "Average household size fell to 2.3 people.\n"
    )
    got = _verdicts(
        tmp_path,
        source,
        {
            "then": "Average household size in Brantham was 2.6 people in 2014.",
            "now": "Average household size in Brantham fell to 2.7 people in 2024.",
        },
    )
    assert got == {"then": "unverified", "now": "contradicted"}


def test_a_bare_subject_whose_context_names_other_things_is_not_the_claims_named_one(tmp_path):
    source = (
        "# Population of Lindby\n\n"
        "The population of Lindby passed 90,000 in 2025.\n\n"
        "## Ages\n\n"
        "The median age rose to 42.3 years.\n"
    )
    got = _verdicts(
        tmp_path,
        source,
        {
            "other-town": "The median age in the village of Orne is 51 years.",
            "same-town": "The median age in Lindby rose to 44.1 years.",
        },
    )
    assert got == {"other-town": "unverified", "same-town": "contradicted"}


def test_a_quarter_named_by_the_month_it_ends_in_is_that_quarter():
    from checker.extract.dates import find_dates

    found = find_dates(
        "Output fell in the September quarter of 2025 and rose in the June quarter.", dt.date(2026, 10, 1)
    )
    assert [(d.text, d.earliest, d.latest) for d in found] == [
        ("the September quarter of 2025", dt.date(2025, 7, 1), dt.date(2025, 9, 30)),
        ("the June quarter", dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
    ]


def test_a_name_after_the_head_leaves_the_heads_and_their_qualifiers_to_compare(tmp_path):
    # "day passes for the Brightwater Fair" are not the "weekend passes" the source prices
    source = "# Brightwater Fair\n\nWeekend passes cost 120 pounds, up from 110 pounds last year.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "other-pass": "Day passes for the Brightwater Fair cost 45 pounds.",
            "same-pass": "Weekend passes for the Brightwater Fair cost 150 pounds.",
        },
    )
    assert got == {"other-pass": "unverified", "same-pass": "contradicted"}


def test_a_title_in_quotation_marks_names_the_subject_and_a_lone_adverb_leads_the_sentence(tmp_path):
    st = _statement('Abroad, "The Lantern Road" took 12 million dollars.')
    assert st.subject.names == ["lantern road"]
    source = 'Abroad, "The Lantern Road" took 12 million dollars in its first weekend.\n'
    got = _verdicts(
        tmp_path,
        source,
        {
            "other-film": '"Copper Moon" took 7 million dollars abroad in its first weekend.',
            "same-film": '"The Lantern Road" took 19 million dollars abroad in its first weekend.',
        },
    )
    assert got == {"other-film": "unverified", "same-film": "contradicted"}


def test_support_needs_every_figure_and_every_word_around_a_quotation(tmp_path):
    source = (
        "The ferry strike began at 6:15 a.m. on Friday, 3 July 2026.\n\n"
        'Operations director Lena Brock said the talks had been "constructive but slow".\n'
    )
    got = _verdicts(
        tmp_path,
        source,
        {
            "same-time": "The ferry strike began at 6:15 a.m. on Friday, 3 July 2026.",
            "other-time": "The ferry strike began at 8:15 a.m. on Friday, 3 July 2026.",
            "same-title": 'Operations director Lena Brock said the talks had been "constructive but slow".',
            "other-title": 'Finance director Lena Brock said the talks had been "constructive but slow".',
        },
    )
    assert got["same-time"] == "supported" and got["same-title"] == "supported"
    assert got["other-time"] != "supported" and got["other-title"] != "supported"


def test_a_base_form_ending_in_ing_is_a_verb():
    st = _statement("The wider quota will bring the fleet 20 million euros.")
    assert (st.subject.text, st.predicate.lemma) == ("wider quota", "bring")


def test_a_figure_for_some_of_the_places_the_passage_counts_is_a_part_not_a_slip(tmp_path):
    source = "Brightlamp is recalling about 90,000 of its desk lamps sold in France and Belgium.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "part": "About 12,000 of the recalled Brightlamp desk lamps were sold in Belgium.",
            "whole": "Brightlamp is recalling about 60,000 of its desk lamps sold in France and Belgium.",
        },
    )
    assert got == {"part": "unverified", "whole": "contradicted"}


def test_a_year_that_names_an_edition_of_an_event_is_another_edition(tmp_path):
    source = "The car was sold by the family of the late driver Mara Kessel, who drove it to fifth place in the 1971 Coastal Rally.\n"
    got = _verdicts(
        tmp_path,
        source,
        {"other-edition": "Mara Kessel won the 1972 Coastal Rally."},
    )
    assert got == {"other-edition": "unverified"}


def test_a_year_naming_an_edition_is_part_of_the_name_not_the_statements_time(tmp_path):
    st = _statement("Mara Kessel won the 1972 Coastal Rally.")
    assert not [s for s in st.slots if s.kind == "when"]
    source = "She was the late driver who took the car to fifth place in the 1971 Coastal Rally.\n"
    got = _verdicts(tmp_path, source, {"other-edition": "Mara Kessel won the 1972 Coastal Rally."})
    assert got == {"other-edition": "unverified"}


def test_a_period_no_date_gives_must_be_the_sentences_too(tmp_path):
    source = "The new Tarn ferry route opened on May 2 and carried 8,400 passengers.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "first-week": "The new Tarn ferry route carried 2,100 passengers in its first week.",
            "same": "The new Tarn ferry route opened on May 2 and carried 4,800 passengers.",
        },
    )
    assert got == {"first-week": "unverified", "same": "contradicted"}


def test_a_change_from_another_base_is_another_change(tmp_path):
    source = "Ticket sales at the Orrin cinema rose 9 percent from the same month last year.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "other-base": "Ticket sales at the Orrin cinema rose 4 percent from the previous month.",
            "same-base": "Ticket sales at the Orrin cinema rose 6 percent from the same month last year.",
        },
    )
    assert got == {"other-base": "unverified", "same-base": "contradicted"}


def test_a_comparative_after_a_change_says_which_way_it_went(tmp_path):
    st = _statement("Orvane shares closed 4.2 percent lower on Friday.")
    assert st.predicate.direction == "down" and [s.measure for s in st.slots if s.kind == "quantity"] == ["share"]
    source = "Orvane shares closed 4.2 percent lower on Friday, 6 March 2026.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "agree": "Orvane shares closed 4.2 percent lower on Friday, 6 March 2026.",
            "conflict": "Orvane shares closed 4.2 percent higher on Friday, 6 March 2026.",
        },
    )
    assert got == {"agree": "supported", "conflict": "contradicted"}


def test_a_sum_with_no_measure_is_the_one_sum_of_its_statement(tmp_path):
    source = '"Harbour Lights" opened in second place with 12.4 million dollars in ticket sales.\n'
    got = _verdicts(
        tmp_path,
        source,
        {
            "agree": '"Harbour Lights" opened in second place with $12.4 million.',
            "conflict": '"Harbour Lights" opened in second place with $21.4 million.',
        },
    )
    assert got == {"agree": "supported", "conflict": "contradicted"}


def test_the_one_figure_of_a_statement_agrees_whatever_words_stand_beside_it(tmp_path):
    # each side gives one sum for one statement: the same sum supports; another one, where
    # the two sides name the measure differently, is not set against it (the measure is not
    # known to be one)
    source = "The Kestrel board approved a share buyback of 300 million dollars.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "agree": "The Kestrel board approved a $300 million share buyback.",
            "other": "The Kestrel board approved a $300 million share buyback and a $40 million dividend.",
        },
    )
    assert got["agree"] == "supported" and got["other"] != "contradicted"


def test_a_life_span_after_a_name_gives_its_birth_and_death(tmp_path):
    clauses = Extractor().extract("Ines Varga (March 3, 1911 – June 9, 1988) was a Hungarian composer.").clauses
    read = [(c.subject.text, c.predicate.lemma, c.slots[0].text) for c in clauses if c.subject and c.slots]
    assert ("Ines Varga", "bear", "March 3, 1911") in read and ("Ines Varga", "die", "June 9, 1988") in read
    source = (
        "Ines Varga ([ˈineʃ]; born 3 March 1911) was a Hungarian composer.\n\nPaul Brandt (1904–1977) was a printer.\n"
    )
    got = _verdicts(
        tmp_path,
        source,
        {
            "born": "Ines Varga was born on March 3, 1911.",
            "born-wrong": "Ines Varga was born on March 3, 1921.",
            "died": "Paul Brandt died in 1977.",
            "died-wrong": "Paul Brandt died in 1979.",
        },
    )
    assert got == {"born": "supported", "born-wrong": "contradicted", "died": "supported", "died-wrong": "contradicted"}


def test_a_quarter_is_a_calendar_period_but_a_first_week_counts_from_the_subject():
    # "fourth-quarter" names the period the figures are of, not a rank the sentence lacks
    from checker.match.misstatement import unmatched_context
    from checker.rules.base import Side

    x = Extractor()

    def side(text: str) -> Side:
        return Side("x", text, 0, len(text), x.extract(text), lambda a, b: None, path="x.txt")

    claim = side("Fourth-quarter revenue grew by 20.3% to $2.5 billion.")
    evidence = side("Revenue grew 20.9% to $2.5 billion.")
    at = claim.text.index("20.3")
    assert not unmatched_context(claim, evidence, (at, at + 5))


def test_a_participle_phrase_a_sentence_opens_with_is_a_statement_about_its_subject(tmp_path):
    f = Extractor().extract("Founded in 1902, the Harlow Museum opened a new wing in 2001.")
    assert [s.text for s in f.statement.slots if s.kind == "when"] == ["2001"]
    assert [(c.subject.text, c.predicate.lemma, [s.text for s in c.slots]) for c in f.clauses] == [
        ("Harlow Museum", "found", ["1902"])
    ]
    source = "Born in Parma in 1931, Elio Sarti trained as a printer before he turned to painting.\n"
    got = _verdicts(
        tmp_path,
        source,
        {"born": "Elio Sarti was born in Parma in 1931.", "born-wrong": "Elio Sarti was born in Parma in 1913."},
    )
    assert got == {"born": "supported", "born-wrong": "contradicted"}


def test_an_ordinal_after_a_verb_of_placing_is_a_placing(tmp_path):
    st = _statement("Ilse Moor finished second in the Tarn Open with 6 points.")
    assert [(s.text, s.measure) for s in st.slots if s.kind == "ordinal"] == [("second", "place")]
    source = "Ilse Moor finished third in the Tarn Open with 6 points.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "agree": "Ilse Moor came third in the Tarn Open with 6 points.",
            "conflict": "Ilse Moor finished second in the Tarn Open with 6 points.",
        },
    )
    assert got == {"agree": "supported", "conflict": "contradicted"}


def test_a_verb_before_a_percentage_states_a_change(tmp_path):
    st = _statement("The hill district of Brenn lost 4 percent of its people.")
    assert (st.predicate.classes, st.predicate.direction) == (["decrease"], "down")
    assert _statement("The Brenn Rovers lost the final.").predicate.classes == ["lose"]
    source = "The hill district of Brenn lost 4 percent of its people.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "agree": "The hill district of Brenn shrank by 4 percent.",
            "conflict": "The hill district of Brenn grew by 4 percent.",
        },
    )
    assert got["conflict"] == "contradicted" and got["agree"] != "contradicted"


def test_a_wire_dateline_is_neither_subject_nor_time_and_a_figure_supports_only_as_stated(tmp_path):
    st = _statement("HARLOW, 3 May (Cityline) - The Harlow Port handled 2.4 million tonnes in 2025.")
    assert st.subject.text == "Harlow Port" and [s.text for s in st.slots if s.kind == "when"] == ["2025"]
    source = "HARLOW, 3 May (Cityline) - Ilse Moor won the Tarn Open on 7 points from nine rounds.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "stated": "Ilse Moor won the Tarn Open on 7 points from nine rounds.",
            "half-more": "Ilse Moor won the Tarn Open on 7.5 points from nine rounds.",
        },
    )
    assert got["stated"] == "supported" and got["half-more"] != "supported"


def test_a_possessive_in_a_heading_names_what_the_bare_subjects_under_it_are_of(tmp_path):
    from checker.extract.statements import names_in

    assert names_in("Survey 2025: Brantham's homes pass 80,000") == ("survey", "brantham")
    assert names_in("An older town") == ()
    source = "# Survey 2025: Brantham's homes pass 80,000\n\n## Ages\n\nThe median age rose from 38.2 to 40.1 years.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "agree": "Brantham's median age climbed to 40.1 years from 38.2.",
            "conflict": "Brantham's median age climbed to 41.0 years from 38.2.",
        },
    )
    assert got == {"agree": "supported", "conflict": "contradicted"}


def test_a_bare_subject_of_a_clause_is_of_the_names_around_it_too(tmp_path):
    source = (
        "# Skyline Air traffic in May\n\n"
        "Domestic traffic was flat at 0.8 million passengers, while international routes grew 9 percent.\n"
    )
    got = _verdicts(
        tmp_path,
        source,
        {
            "conflict": "Skyline Air's international routes fell 9 percent.",
            "other-airline": "Bluecrest Air's international routes fell 9 percent.",
        },
    )
    assert got == {"conflict": "contradicted", "other-airline": "unverified"}


def test_a_no_before_the_subject_or_the_object_denies_the_predicate(tmp_path):
    st = _statement("No passengers were injured in the Tarn ferry fire.")
    assert st.predicate.negated and st.subject.head == "passenger" and "no" not in st.subject.modifiers
    assert _statement("Orvane declared no final dividend.").predicate.negated
    source = "No passengers were injured in the Tarn ferry fire on 3 May 2026.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "agree": "No passengers were injured in the Tarn ferry fire on 3 May 2026.",
            "conflict": "Several passengers were injured in the Tarn ferry fire on 3 May 2026.",
        },
    )
    assert got["conflict"] == "contradicted" and got["agree"] != "contradicted"


def test_a_year_is_no_head_and_a_rank_before_the_verb_is_no_placing():
    st = _statement("The 2027 Brightwater Fair will be held from 9 to 11 July.")
    assert (st.subject.head, st.subject.modifiers, st.subject.names) == ("", ["2027"], ["brightwater fair"])
    st = _statement("For the second year in a row, Orvane ranked third among the region's ports.")
    assert [(s.text, s.measure) for s in st.slots if s.kind == "ordinal"] == [("second", "year"), ("third", "place")]


def test_compared_with_marks_a_base_and_the_base_is_still_checked(tmp_path):
    source = "# Brightwater Fair\n\nWeekend passes cost 120 pounds, up from 110 pounds in 2025.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "agree": "A weekend pass cost £120, compared with £110 in 2025.",
            "other-base": "A weekend pass cost £120, compared with £150 in 2025.",
        },
    )
    assert got == {"agree": "supported", "other-base": "contradicted"}


def test_up_or_down_before_a_base_gives_the_direction(tmp_path):
    assert _statement("The budget totals 90 million pounds, down from 95 million pounds.").predicate.direction == "down"
    source = "The Tarn budget totals 90 million pounds, up from 85 million pounds this year.\n"
    got = _verdicts(
        tmp_path,
        source,
        {"conflict": "The Tarn budget totals 90 million pounds, down from 85 million pounds this year."},
    )
    assert got == {"conflict": "contradicted"}


def test_two_towns_far_apart_are_two_places_for_what_happens_once(tmp_path):
    from checker.extract.gazetteer import distance_km

    assert 250 < distance_km("Oslo", "Bergen") < 350 and distance_km("Croydon", "London") < 30
    source = "The painter Ada Lund died on 3 May 2001 in Oslo.\n\nHer brother Erik Lund toured Oslo in June 2003.\n"
    got = _verdicts(
        tmp_path,
        source,
        {
            "died-far": "Ada Lund died on 3 May 2001 in Bergen.",
            "toured-far": "Erik Lund toured Bergen in June 2003.",
        },
    )
    assert got["died-far"] == "contradicted" and got["toured-far"] != "contradicted"


def test_place_distance_km_is_a_setting(tmp_path, monkeypatch):
    run = _SettingsRun(
        tmp_path, monkeypatch, "Ada Lund died on 3 May 2001 in Oslo.\n", "Ada Lund died on 3 May 2001 in Bergen."
    )
    assert run.report()["claims"][0]["verdict"] == "contradicted"
    assert run.report("place-distance-km = 400")["claims"][0]["verdict"] != "contradicted"
    assert "place-distance-km = 50.0" in run.invoke(args=("explain", "CC-PLACE-001")).output
