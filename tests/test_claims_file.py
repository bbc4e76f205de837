"""Claim files: the positions users and CI see must be exact, and bad files must say
everything that is wrong with them at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.errors import InputError, InputErrors
from checker.ingest.claims_file import is_claim_file, load_claim_file
from checker.models import Claim, ClaimFile, Suppression

BAD = Path(__file__).parent / "data" / "claims_bad"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_bytes(content.encode("utf-8"))  # no newline translation: offsets stay exact
    return p


def errors_of(path: Path) -> list[tuple[int, int, str]]:
    with pytest.raises(InputErrors) as info:
        load_claim_file(path)
    for e in info.value.errors:
        assert isinstance(e, InputError)
        assert e.path == str(path)
    return [(e.line, e.column, e.message) for e in info.value.errors]


def one_error(path: Path) -> tuple[int, int, str]:
    errs = errors_of(path)
    assert len(errs) == 1, errs
    return errs[0]


# --------------------------------------------------------------------------- good files


GOOD = """\
# claims about the 1997 visits
document_date: 2024-05-15
claims:
  - id: visit-beijing
    text: Yeltsin made a state visit to Beijing in November 1997.
    date: 1997-11-09..1997-11-11
    place: Beijing
    actors: [Boris Yeltsin, Jiang Zemin]
    action: visit
    quantity: 3
    quote: a new kind of partnership
    source: sources/visits.md
    tags: [visit, russia]
    ignore:
      - rule: CC-DATE-001
        reason: the source gives the arrival day only
  - id: "meeting"
    text: 'Jiang and Yeltsin met in Moscow.'
    date: 1997-04-23
    quantity: 2.5
"""


def test_good_file_round_trips_into_claim_models(tmp_path):
    cf, locs = load_claim_file(write(tmp_path, "claims.yaml", GOOD))
    assert isinstance(cf, ClaimFile)
    assert cf.document_date == dt.date(2024, 5, 15)
    first, second = cf.claims
    assert first == Claim(
        id="visit-beijing",
        text="Yeltsin made a state visit to Beijing in November 1997.",
        date="1997-11-09..1997-11-11",
        place="Beijing",
        actors=["Boris Yeltsin", "Jiang Zemin"],
        action="visit",
        quantity=3,
        quote="a new kind of partnership",
        source="sources/visits.md",
        tags=["visit", "russia"],
        ignore=[Suppression(rule="CC-DATE-001", reason="the source gives the arrival day only")],
    )
    # an unquoted ISO date arrives as a date, a range stays text
    assert second.date == dt.date(1997, 4, 23)
    assert second.quantity == 2.5
    assert second.id == "meeting" and second.text == "Jiang and Yeltsin met in Moscow."
    assert set(locs) == {"visit-beijing", "meeting"}


def test_plain_scalar_location_is_the_value_itself(tmp_path):
    path = write(tmp_path, "claims.yaml", GOOD)
    text = path.read_text(encoding="utf-8")
    _, locs = load_claim_file(path)
    loc = locs["visit-beijing"]
    assert (loc.path, loc.line, loc.column) == (str(path), 5, 11)
    assert (loc.end_line, loc.end_column) == (5, 11 + len(loc.text))
    assert loc.text == "Yeltsin made a state visit to Beijing in November 1997."
    assert text[loc.start : loc.end] == loc.text


def test_quoted_scalar_location_includes_the_quotes(tmp_path):
    src = "claims:\n  - id: q1\n    text: \"He said \\\"no\\\" twice.\"\n  - id: q2\n    text: 'It''s fine'\n"
    path = write(tmp_path, "claims.yaml", src)
    cf, locs = load_claim_file(path)
    assert cf.claims[0].text == 'He said "no" twice.'
    q1 = locs["q1"]
    assert (q1.line, q1.column, q1.end_line, q1.end_column) == (3, 11, 3, 34)
    assert q1.text == '"He said \\"no\\" twice."'
    assert src[q1.start : q1.end] == q1.text
    q2 = locs["q2"]
    assert cf.claims[1].text == "It's fine"
    assert (q2.line, q2.column, q2.end_column) == (5, 11, 23)
    assert q2.text == "'It''s fine'"


def test_block_scalars_span_from_indicator_to_last_character(tmp_path):
    src = (
        "claims:\n"
        "  - id: lit\n"
        "    text: |\n"
        "      First line of the claim.\n"
        "      Second line.\n"
        "\n"
        "  - id: fold\n"
        "    text: >-\n"
        "      Folded into\n"
        "      one line.\n"
        "    tags: [x]\n"
    )
    path = write(tmp_path, "claims.yaml", src)
    cf, locs = load_claim_file(path)
    assert cf.claims[0].text == "First line of the claim.\nSecond line.\n"
    assert cf.claims[1].text == "Folded into one line."
    lit = locs["lit"]
    assert (lit.line, lit.column, lit.end_line, lit.end_column) == (3, 11, 5, 19)
    assert lit.text == "|\n      First line of the claim.\n      Second line."
    fold = locs["fold"]
    assert (fold.line, fold.column, fold.end_line, fold.end_column) == (8, 11, 10, 16)
    assert fold.text == ">-\n      Folded into\n      one line."
    for loc in (lit, fold):
        assert src[loc.start : loc.end] == loc.text


def test_crlf_file_and_bom_keep_exact_offsets(tmp_path):
    src = "claims:\r\n  - id: c1\r\n    text: Crossing the line.\r\n"
    path = write(tmp_path, "claims.yaml", b"\xef\xbb\xbf" + src.encode())
    cf, locs = load_claim_file(path)
    assert cf.claims[0].text == "Crossing the line."
    loc = locs["c1"]
    assert (loc.line, loc.column, loc.end_column) == (3, 11, 29)
    assert src[loc.start : loc.end] == "Crossing the line."  # offsets into the text without BOM


def test_json_claim_file_with_tabs_and_positions(tmp_path):
    src = '{\n\t"document_date": "2024-05-15",\n\t"claims": [\n\t\t{"id": "j1", "text": "Caf\\u00e9 talk \\ud83d\\ude00", "quantity": 1.5e3},\n\t\t{\n\t\t\t"id": "j2",\n\t\t\t"text"\n\t\t\t: "Key and colon on separate lines."\n\t\t}\n\t]\n}\n'
    path = write(tmp_path, "claims.json", src)
    cf, locs = load_claim_file(path)
    assert cf.document_date == dt.date(2024, 5, 15)
    assert cf.claims[0].text == "Café talk \U0001f600"  # a JSON surrogate pair is one character
    assert cf.claims[0].quantity == 1500.0
    j1 = locs["j1"]
    assert (j1.line, j1.column) == (4, 24)
    assert j1.text == '"Caf\\u00e9 talk \\ud83d\\ude00"'
    j2 = locs["j2"]
    assert (j2.line, j2.column, j2.end_line) == (8, 6, 8)
    assert j2.text == '"Key and colon on separate lines."'


def test_bare_year_date_is_kept_as_text(tmp_path):
    src = "claims:\n  - id: c1\n    text: It happened in 1997.\n    date: 1997\n"
    cf, _ = load_claim_file(write(tmp_path, "claims.yaml", src))
    assert cf.claims[0].date == "1997"
    cf, _ = load_claim_file(write(tmp_path, "claims.json", '{"claims": [{"id": "c1", "text": "t", "date": 1997}]}'))
    assert cf.claims[0].date == "1997"


def test_yaml_merge_key_fills_in_fields(tmp_path):
    src = (
        "claims:\n"
        "  - &base {id: c1, text: First claim., place: Moscow}\n"
        "  - <<: *base\n"
        "    id: c2\n"
        "    text: Second claim.\n"
    )
    cf, locs = load_claim_file(write(tmp_path, "claims.yaml", src))
    assert cf.claims[1].place == "Moscow"
    assert cf.claims[1].text == "Second claim."
    assert (locs["c2"].line, locs["c2"].column) == (5, 11)


# --------------------------------------------------------------------------- schema errors


def test_every_problem_in_a_file_is_listed_at_its_position():
    path = BAD / "many_errors.yaml"
    assert errors_of(path) == [
        (6, 11, "claims[1].text: should be text, got a list (claim 'c2')"),
        (7, 5, "unknown field 'actros' in claim 'c2' (did you mean 'actors'?)"),
        (8, 9, "duplicate claim id 'c1' (first at line 3)"),
        (10, 5, "claims[3]: missing required field 'id'"),
        (11, 18, "claims[3].tags[1]: should be text, got the integer 42; put it in quotes to make it text"),
        (14, 5, "duplicate key 'text' in claim 'c5' (first at line 13)"),
        (17, 17, "claims[4].ignore[0].reason: must not be empty (claim 'c5')"),
        (18, 9, "claims[5].id: should be text, got the integer 7; put it in quotes to make it text"),
        (21, 5, "claims[6].text: should be text, got an empty value (claim 'c8')"),
    ]


def test_error_renders_as_path_line_col(tmp_path):
    path = write(tmp_path, "c.yaml", "claims:\n  - id: c1\n    text: t\n  - id: c2\n    text: t\n    confidnce: 0.4\n")
    with pytest.raises(InputErrors) as info:
        load_claim_file(path)
    assert str(info.value) == f"{path}:6:5: unknown field 'confidnce' in claim 'c2'"


def test_unknown_top_level_field_suggests_claims(tmp_path):
    path = write(tmp_path, "c.yaml", "claim:\n  - id: c1\n    text: t\n")
    assert one_error(path) == (1, 1, "unknown top-level field 'claim' (did you mean 'claims'?)")


def test_unknown_field_in_suppression(tmp_path):
    src = "claims:\n  - id: c1\n    text: t\n    ignore:\n      - rules: CC-X\n        reason: ok\n"
    assert errors_of(write(tmp_path, "c.yaml", src)) == [
        (5, 9, "claims[0].ignore[0]: missing required field 'rule'"),
        (5, 9, "unknown field 'rules' in claims[0].ignore[0] (did you mean 'rule'?)"),
    ]


def test_wrong_type_points_at_the_value(tmp_path):
    src = "claims:\n  - id: c1\n    text: ok\n    actors: Boris Yeltsin\n    date: {year: 1997}\n"
    assert errors_of(write(tmp_path, "c.yaml", src)) == [
        (4, 13, "claims[0].actors: should be a list, got text (claim 'c1')"),
        (5, 11, "claims[0].date: should be text or a date (YYYY-MM-DD), got a mapping (claim 'c1')"),
    ]


def test_missing_text_points_at_the_claim_mapping(tmp_path):
    src = "claims:\n  - id: c1\n    place: Moscow\n  - {id: c2}\n"
    assert errors_of(write(tmp_path, "c.yaml", src)) == [
        (2, 5, "claims[0]: missing required field 'text' (claim 'c1')"),
        (4, 5, "claims[1]: missing required field 'text' (claim 'c2')"),
    ]


def test_duplicate_ids_point_at_the_second(tmp_path):
    src = "claims:\n  - id: c1\n    text: a\n  - id: c2\n    text: b\n  - id: 'c1'\n    text: c\n"
    assert one_error(write(tmp_path, "c.yaml", src)) == (6, 9, "duplicate claim id 'c1' (first at line 2)")


def test_claims_not_a_list(tmp_path):
    path = write(tmp_path, "c.yaml", "claims:\n  id: c1\n  text: t\n")
    assert one_error(path) == (2, 3, "'claims' should be a list of claims, got a mapping")


def test_claim_that_is_not_a_mapping(tmp_path):
    path = write(tmp_path, "c.yaml", "claims:\n  - id: c1\n    text: t\n  - just a sentence\n")
    assert one_error(path) == (4, 5, "claims[1]: each claim should be a mapping with 'id' and 'text', got text")


def test_top_level_not_a_mapping(tmp_path):
    path = write(tmp_path, "c.yaml", "\n- id: c1\n  text: t\n")
    assert one_error(path) == (2, 1, "the top level should be a mapping with a 'claims' list, got a list")
    path = write(tmp_path, "s.yaml", "just text\n")
    assert one_error(path) == (1, 1, "the top level should be a mapping with a 'claims' list, got a single value")


def test_no_claims_key(tmp_path):
    path = write(tmp_path, "c.yaml", "document_date: 2024-01-01\n")
    assert one_error(path) == (1, 1, "no 'claims' list in the file (a claim file is a mapping with a 'claims' list)")


@pytest.mark.parametrize("content", ["", "\n\n  \n", "# only a comment\n"])
def test_empty_file(tmp_path, content):
    path = write(tmp_path, "c.yaml", content)
    assert one_error(path) == (1, 1, "empty claim file (expected a mapping with a 'claims' list)")


def test_empty_json_file(tmp_path):
    assert one_error(write(tmp_path, "c.json", "")) == (
        1,
        1,
        "empty claim file (expected a mapping with a 'claims' list)",
    )


# --------------------------------------------------------------------------- syntax errors


def test_malformed_yaml_uses_the_problem_mark(tmp_path):
    src = "claims:\n  - id: c1\n    text: ok\n   place: Moscow\n"
    line, col, msg = one_error(write(tmp_path, "c.yaml", src))
    assert (line, col) == (4, 4)
    assert msg.startswith("invalid YAML: ")


def test_unclosed_flow_sequence(tmp_path):
    src = "claims:\n  - id: c1\n    text: [unclosed\n"
    line, col, msg = one_error(write(tmp_path, "c.yaml", src))
    assert (line, col) == (4, 1)
    assert "while parsing a flow sequence" in msg


def test_duplicate_yaml_keys_all_reported(tmp_path):
    src = "claims:\n  - id: c1\n    text: a\n    text: b\n    place: x\n    place: y\n"
    assert errors_of(write(tmp_path, "c.yaml", src)) == [
        (4, 5, "duplicate key 'text' in claim 'c1' (first at line 3)"),
        (6, 5, "duplicate key 'place' in claim 'c1' (first at line 5)"),
    ]


def test_two_yaml_documents_are_an_error(tmp_path):
    src = "claims:\n  - {id: c1, text: t}\n---\nclaims: []\n"
    line, col, msg = one_error(write(tmp_path, "c.yaml", src))
    assert (line, col) == (3, 1)
    assert "single document" in msg


def test_malformed_json_uses_lineno_colno(tmp_path):
    src = '{"claims": [\n  {"id": "c1", "text": "x",}\n]}\n'
    assert one_error(write(tmp_path, "c.json", src)) == (
        2,
        28,
        "invalid JSON: Expecting property name enclosed in double quotes",
    )


def test_json_schema_errors_and_duplicate_keys():
    path = BAD / "many_errors.json"
    assert errors_of(path) == [
        (4, 29, "duplicate key 'text' in claim 'c2' (first at line 4)"),
        (4, 51, "claims[1].place: should be text, got the integer 3; put it in quotes to make it text (claim 'c2')"),
        (5, 10, "duplicate claim id 'c1' (first at line 3)"),
        (5, 29, "unknown field 'palce' in claim 'c1' (did you mean 'place'?)"),
    ]


# --------------------------------------------------------------------------- safety


def test_python_tag_is_refused_and_never_run(tmp_path):
    marker = tmp_path / "ran"
    src = (
        "claims:\n"
        "  - id: c1\n"
        "    text: harmless\n"
        f'    quote: !!python/object/apply:os.system ["touch {marker}"]\n'
        "  - id: c2\n"
        "    text: !!python/object/new:builtins.str [boom]\n"
    )
    assert errors_of(write(tmp_path, "c.yaml", src)) == [
        (4, 12, "tag '!!python/object/apply:os.system' is not allowed: claim files hold plain data only"),
        (6, 11, "tag '!!python/object/new:builtins.str' is not allowed: claim files hold plain data only"),
    ]
    assert not marker.exists()


def test_python_tag_sample_file():
    assert one_error(BAD / "python_tag.yaml") == (
        4,
        12,
        "tag '!!python/object/apply:os.system' is not allowed: claim files hold plain data only",
    )


def test_local_and_binary_tags_are_refused(tmp_path):
    src = "claims:\n  - id: c1\n    text: !secret t\n    quote: !!binary aGVsbG8=\n"
    assert [(line, c) for line, c, _ in errors_of(write(tmp_path, "c.yaml", src))] == [(3, 11), (4, 12)]


def test_recursive_alias_is_an_error_not_a_hang(tmp_path):
    path = write(tmp_path, "c.yaml", "claims: &a\n  - *a\n")
    line, col, msg = one_error(path)
    assert "recursive alias" in msg


def test_alias_bomb_is_stopped(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 8):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    lines.append("claims: []")
    path = write(tmp_path, "c.yaml", "\n".join(lines) + "\n")
    errs = errors_of(path)
    assert len(errs) == 1 and "aliases expand too far" in errs[0][2]


# --------------------------------------------------------------------------- encodings


def test_non_utf8_byte_is_located(tmp_path):
    data = "claims:\n  - id: c1\n    text: caf\u00e9 ".encode() + b"\xff" + b" here\n"
    path = write(tmp_path, "c.yaml", data)
    assert one_error(path) == (3, 16, "not UTF-8 text (byte 0xff at offset 35)")


def test_utf16_file_gets_a_hint(tmp_path):
    path = write(tmp_path, "c.yaml", "claims: []\n".encode("utf-16"))
    _, _, msg = one_error(path)
    assert msg.startswith("not UTF-8 text (byte 0xff at offset 0)") and "UTF-16" in msg


def test_binary_file_with_nul(tmp_path):
    path = write(tmp_path, "c.yaml", b"claims:\x00\x01\x02")
    assert one_error(path) == (1, 8, "not a text file (byte 0x00 at offset 7)")


def test_control_character_in_yaml(tmp_path):
    path = write(tmp_path, "c.yaml", "claims:\n  - id: c1\n    text: bell \x07\n")
    line, col, msg = one_error(path)
    assert (line, col) == (3, 16) and "U+0007" in msg


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputErrors) as info:
        load_claim_file(tmp_path / "nope.yaml")
    assert "cannot read claim file" in info.value.errors[0].message


# --------------------------------------------------------------------------- is_claim_file


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("a.yaml", "claims:\n  - id: c1\n    text: t\n", True),
        ("a.yml", "# c\ndocument_date: 2024-01-01\nclaims: []\n", True),
        ("a.json", '{"meta": {"claims": 1}, "claims": []}', True),
        ("a.yaml", "other:\n  claims: []\n", False),  # nested, not top level
        ("a.yaml", "- claims: []\n", False),  # top level is a list
        ("a.json", '[{"claims": []}]', False),
        ("a.yaml", "title: x\nbody: claims\n", False),  # a value, not a key
        ("a.txt", "claims: []\n", False),
        ("a.yaml", b"\x00\x01claims", False),
        ("a.yaml", "claims: [\n", True),  # a claim file with an error still is one
        ("a.yaml", "{claims: []}", True),
    ],
)
def test_is_claim_file(tmp_path, name, content, expected):
    assert is_claim_file(write(tmp_path, name, content)) is expected


def test_is_claim_file_on_missing_file(tmp_path):
    assert is_claim_file(tmp_path / "nope.yaml") is False
