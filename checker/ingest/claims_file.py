"""Claim files (YAML or JSON) -> validated :class:`ClaimFile`, with exact positions.

CI users fix claim files from ``path:line:col`` messages, and every finding points at the
claim's ``text`` in the file, so both errors and claim locations must be exact.

How: the file is parsed into a small tree of located nodes (YAML: ruamel.yaml's composer,
whose nodes carry start *and* end marks -- ``.lc`` on round-trip objects only has starts, and
a quoted or block scalar needs its end; JSON: a small position-keeping reader on top of the
stdlib's own ``json.decoder.scanstring``), converted to plain data, and validated by
pydantic. Each pydantic error ``loc`` is walked back down the tree to a node. Nothing is ever
constructed from a YAML tag other than the plain-data ones, so ``!!python/...`` is an error,
not a call.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from rapidfuzz import fuzz, process
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamStartEvent,
)
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..errors import InputError, InputErrors
from ..locate import LineIndex
from ..models import Claim, ClaimFile, Loc, Suppression

__all__ = ["load_claim_file", "is_claim_file", "CLAIM_FILE_SUFFIXES"]

CLAIM_FILE_SUFFIXES = (".yaml", ".yml", ".json")
_BOM = b"\xef\xbb\xbf"
_SNIFF_BYTES = 256 * 1024
# Aliases let a tiny YAML file expand into a huge tree ("billion laughs"): values reached
# through aliases beyond the file's own count this many; a claim file never needs that.
_MAX_NODES = 200_000
# A file's own size is capped by its claims (with a message that says so), not by aliases.
MAX_CLAIMS = 100_000
# ruamel asserts on a '%YAML 1.x' directive it does not know; we read it first and say so.
_YAML_DIRECTIVE = re.compile(r"^%YAML[ \t]+(\S+)", re.M)

_YAML_TAG = "tag:yaml.org,2002:"
# Plain data only: anything else (python/object, binary, set, local tags) is refused.
_SAFE_TAGS = {_YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge")}


# --------------------------------------------------------------------------- located tree


@dataclass(eq=False)
class _Node:
    """A value of the file with its character span; ``value`` is a python scalar, a list of
    (key, value) node pairs (mapping) or a list of nodes (sequence)."""

    kind: str  # "map" | "seq" | "scalar"
    start: int
    end: int
    value: Any = None
    tag: str | None = None  # YAML tags that may not be constructed (error already raised)
    merges: list[_Node] = field(default_factory=list)  # YAML "<<" merge sources


class _Errors:
    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text
        self.index = LineIndex(text)
        self.items: list[tuple[int, InputError]] = []
        self.aliases = False  # set by the YAML reader when a value is reached twice

    def add(self, offset: int, message: str) -> None:
        line, col = self.index.line_col(offset)
        self.items.append((offset, InputError(self.path, message, line, col)))

    def line_of(self, offset: int) -> int:
        return self.index.line_col(offset)[0]

    def raise_if_any(self) -> None:
        if self.items:
            self.items.sort(key=lambda item: item[0])
            raise InputErrors([e for _, e in self.items])


# --------------------------------------------------------------------------- reading


def _read_text(path: Path, shown: str) -> str:
    """UTF-8 text without a BOM; binary or other encodings are a located error."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputErrors([InputError(shown, f"cannot read claim file: {exc.strerror or exc}")]) from None
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        text = data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = skip + exc.start
        hint = " (looks like UTF-16; save it as UTF-8)" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        before = data[skip:bad].decode("utf-8")
        line, col = LineIndex(before).line_col(len(before))
        raise InputErrors(
            [InputError(shown, f"not UTF-8 text (byte 0x{data[bad]:02x} at offset {bad}){hint}", line, col)]
        ) from None
    nul = text.find("\x00")
    if nul != -1:
        line, col = LineIndex(text).line_col(nul)
        offset = skip + len(text[:nul].encode("utf-8"))
        raise InputErrors([InputError(shown, f"not a text file (byte 0x00 at offset {offset})", line, col)])
    return text


def _yaml_version_problem(text: str) -> tuple[int, str] | None:
    """(offset, message) for a ``%YAML`` directive other than 1.1 or 1.2, else None."""
    for m in _YAML_DIRECTIVE.finditer(text):
        if m.group(1) not in ("1.1", "1.2"):
            return m.start(1), f"invalid YAML: unsupported version '%YAML {m.group(1)}' (1.1 or 1.2)"
    return None


def _parse_yaml(text: str, errors: _Errors) -> _Node | None:
    version = _yaml_version_problem(text)
    if version is not None:
        errors.add(*version)
        return None
    # safe: scalars are built by the plain-data constructor only; pure: ruamel composes
    # with its Python scanner, whose marks carry the character index we need.
    yaml = YAML(typ="safe", pure=True)
    try:
        root = yaml.compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed YAML"
        if exc.context and exc.problem:
            problem = f"{problem} ({exc.context})"
        errors.add(mark.index if mark is not None else 0, f"invalid YAML: {problem}")
        return None
    except YAMLError as exc:  # ReaderError: a character YAML does not allow
        position = getattr(exc, "position", 0) or 0
        character = getattr(exc, "character", None)
        if isinstance(character, str):
            character = ord(character)
        what = f"character U+{character:04X}" if isinstance(character, int) else "a character"
        errors.add(position, f"invalid YAML: {what} is not allowed in YAML text")
        return None
    if root is None:
        return None
    converter = _YamlConverter(yaml, errors)
    return converter.convert(root)


class _YamlConverter:
    """ruamel nodes -> :class:`_Node`; scalars through the *safe* constructor only."""

    def __init__(self, yaml: YAML, errors: _Errors):
        self.constructor = yaml.constructor
        self.errors = errors
        self.memo: dict[int, _Node] = {}

    def convert(self, node: Any) -> _Node:
        hit = self.memo.get(id(node))
        if hit is not None:  # an alias: share the converted node
            self.errors.aliases = True
            return hit
        tag = getattr(node.tag, "value", node.tag)
        start, end = node.start_mark.index, node.end_mark.index
        if tag not in _SAFE_TAGS:
            shown = "!!" + tag[len(_YAML_TAG) :] if tag.startswith(_YAML_TAG) else tag
            self.errors.add(start, f"tag '{shown}' is not allowed: claim files hold plain data only")
            out = _Node("scalar", start, end, None, tag=shown)
            self.memo[id(node)] = out
            return out
        if isinstance(node, ScalarNode):
            value = self._scalar(node, tag, start)
            if node.style in ("|", ">"):  # block scalar: its span ends at its last character
                end = start + len(self.errors.text[start:end].rstrip())
            out = _Node("scalar", start, end, value)
            self.memo[id(node)] = out
            return out
        out = _Node("map" if isinstance(node, MappingNode) else "seq", start, end, [])
        self.memo[id(node)] = out
        if isinstance(node, SequenceNode):
            for item in node.value:
                out.value.append(self.convert(item))
        else:
            for key, val in node.value:
                if getattr(key.tag, "value", key.tag) == _YAML_TAG + "merge":
                    source = self.convert(val)
                    out.merges.extend(source.value if source.kind == "seq" else [source])
                    continue
                out.value.append((self.convert(key), self.convert(val)))
        return out

    def _scalar(self, node: ScalarNode, tag: str, start: int) -> Any:
        """The scalar's value; a plain scalar that only looks like a number or timestamp
        (``-_``, ``0x_``, ``2024-02-30``, ``<<`` as a value) is the text it was written as."""
        if tag == _YAML_TAG + "str":
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, YAMLError) as exc:
            if self.errors.text.startswith("!", start):  # an explicit tag: the writer meant it
                reason = str(exc).split("\n")[0]
                self.errors.add(start, f"invalid {tag[len(_YAML_TAG) :]} value {node.value!r}: {reason}")
                return None
            return node.value


class _Abort(Exception):
    """A problem after which walking the tree further would only repeat itself."""

    def __init__(self, offset: int, message: str):
        self.offset = offset
        self.message = message


# Own reader for JSON positions: json gives none, and reading JSON as YAML 1.2 differs on
# surrogate-pair escapes, keys over 1024 characters and a newline before ':'. The file has
# already passed json.loads, so this reader only records spans; the string and number
# grammar is the stdlib's own.
_WS = re.compile(r"[ \t\n\r]*")


def _skip_ws(s: str, i: int) -> int:
    """The first position at or after ``i`` that is not JSON whitespace."""
    m = _WS.match(s, i)
    return m.end() if m else i  # the pattern matches the empty string, so always m


_NUMBER = json.scanner.NUMBER_RE  # type: ignore[attr-defined]
_CONSTANTS = {
    "true": True,
    "false": False,
    "null": None,
    "NaN": float("nan"),
    "Infinity": float("inf"),
    "-Infinity": float("-inf"),
}


def _parse_json(text: str, errors: _Errors) -> _Node | None:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        errors.items.append((exc.pos, InputError(errors.path, f"invalid JSON: {exc.msg}", exc.lineno, exc.colno)))
        return None
    except RecursionError:
        errors.add(0, "invalid JSON: nested too deeply")
        return None
    try:
        node, _ = _json_value(text, _skip_ws(text, 0))
    except RecursionError:
        errors.add(0, "invalid JSON: nested too deeply")
        return None
    return node


def _json_value(s: str, i: int) -> tuple[_Node, int]:
    ch = s[i]
    if ch == '"':
        value, end = json.decoder.scanstring(s, i + 1)  # type: ignore[attr-defined]
        return _Node("scalar", i, end, value), end
    if ch in "{[":
        node = _Node("map" if ch == "{" else "seq", i, i, [])
        closing = "}" if ch == "{" else "]"
        j = _skip_ws(s, i + 1)
        while s[j] != closing:
            if node.kind == "map":
                key, j = _json_value(s, j)
                j = _skip_ws(s, j) + 1  # the ':'
                val, j = _json_value(s, _skip_ws(s, j))
                node.value.append((key, val))
            else:
                val, j = _json_value(s, j)
                node.value.append(val)
            j = _skip_ws(s, j)
            if s[j] == ",":
                j = _skip_ws(s, j + 1)
        node.end = j + 1
        return node, j + 1
    for word, value in _CONSTANTS.items():
        if s.startswith(word, i):
            return _Node("scalar", i, i + len(word), value), i + len(word)
    m = _NUMBER.match(s, i)
    integer, frac, exp = m.groups()
    value = float(integer + (frac or "") + (exp or "")) if frac or exp else int(integer)
    return _Node("scalar", i, m.end(), value), m.end()


# --------------------------------------------------------------------------- tree -> data


_Path = tuple[Any, ...]


class _Tree:
    """Plain data for pydantic plus, per path, the (key node, value node) it came from."""

    def __init__(self, errors: _Errors, root: _Node):
        self.errors = errors
        # what the file itself holds (only aliases make the walk longer than that)
        self.own = _own_values(root) if errors.aliases else None
        self.where: dict[_Path, tuple[_Node | None, _Node]] = {}
        self.bad: set[_Path] = set()  # paths already reported (refused tags, dup keys)
        self.count = 0
        self.active: set[int] = set()  # nodes being converted: re-entering one is a cycle

    def data(self, node: _Node, path: _Path = (), key: _Node | None = None, depth: int = 0) -> Any:
        if id(node) in self.active:
            raise _Abort(node.start, "an alias refers to a value that contains it (recursive alias)")
        if depth > 100:
            raise _Abort(node.start, "nested too deeply (more than 100 levels)")
        self.count += 1
        if self.own is not None and self.count > self.own + _MAX_NODES:
            raise _Abort(
                node.start,
                f"aliases expand too far for a claim file (more than {_MAX_NODES} values beyond the file's own)",
            )
        self.where[path] = (key, node)
        if node.kind == "scalar" or node.tag is not None:
            return self._leaf(node, path)
        self.active.add(id(node))
        try:
            return self._container(node, path, depth)
        finally:
            self.active.discard(id(node))

    def _leaf(self, node: _Node, path: _Path) -> Any:
        if node.tag is not None:
            self.bad.add(path)
            return None
        return node.value

    def _container(self, node: _Node, path: _Path, depth: int) -> Any:
        if node.kind == "seq":
            return [self.data(item, path + (i,), None, depth + 1) for i, item in enumerate(node.value)]
        out: dict[str, Any] = {}
        first: dict[str, _Node] = {}
        for k, v in node.value:
            # non-text keys (1:, true:, ~:) are named as written, not as constructed
            name = k.value if isinstance(k.value, str) else self.errors.text[k.start : k.end]
            if k.kind != "scalar" or not name:
                self.errors.add(k.start, f"{_dotted(path) or 'top level'}: keys must be plain names")
                self.bad.add(path)
                continue
            if name in first:
                line = self.errors.line_of(first[name].start)
                self.errors.add(k.start, f"duplicate key '{name}' in {self.describe(path)} (first at line {line})")
                continue
            first[name] = k
            out[name] = self.data(v, path + (name,), k, depth + 1)
        for source in node.merges:  # YAML "<<: *defaults": explicit keys win
            if source.kind != "map":
                self.errors.add(source.start, "'<<' merges a mapping or a list of mappings")
                self.bad.add(path)
                continue
            for k, v in source.value:
                name = k.value if isinstance(k.value, str) else self.errors.text[k.start : k.end]
                if k.kind == "scalar" and name and name not in out:
                    out[name] = self.data(v, path + (name,), k, depth + 1)
        return out

    def describe(self, path: _Path) -> str:
        """'claim 'c2'' for a claim whose id is known, else the dotted path."""
        if not path:
            return "the top level"
        if len(path) == 2 and path[0] == "claims":
            cid = self.claim_id(path[1])
            if cid is not None:
                return f"claim '{cid}'"
        return _dotted(path)

    def claim_id(self, i: Any) -> str | None:
        entry = self.where.get(("claims", i, "id"))
        if entry is not None and isinstance(entry[1].value, str) and entry[1].kind == "scalar":
            return entry[1].value
        return None


def _own_values(root: _Node) -> int:
    """Distinct values in the located tree (an alias shares its anchor's node)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.kind == "map":
            stack += [x for pair in node.value for x in pair] + node.merges
        elif node.kind == "seq":
            stack += node.value
    return len(seen)


def _claim_count_problem(root: _Node) -> tuple[int, str] | None:
    """(offset, message) when the file holds more claims than :data:`MAX_CLAIMS`."""
    for key, value in root.value:
        if key.value == "claims" and value.kind == "seq" and len(value.value) > MAX_CLAIMS:
            return (
                value.value[MAX_CLAIMS].start,
                f"{len(value.value)} claims in one file; the limit is {MAX_CLAIMS} (split it into several files)",
            )
    return None


def _dotted(path: _Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# --------------------------------------------------------------------------- pydantic errors


_EXPECTED = {
    "string_type": "text",
    "str_type": "text",
    "int_type": "an integer",
    "int_parsing": "an integer",
    "int_from_float": "an integer",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "date_type": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "a date (YYYY-MM-DD)",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
}


def _got(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int):
        return f"the integer {value}"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _model_at(path: _Path) -> type[BaseModel] | None:
    """The model a mapping at ``path`` is validated as (for field-name suggestions)."""
    if path == ():
        return ClaimFile
    if len(path) == 2 and path[0] == "claims":
        return Claim
    if len(path) == 4 and path[0] == "claims" and path[2] == "ignore":
        return Suppression
    return None


def _suggest(name: str, model: type[BaseModel] | None) -> str:
    if model is None:
        return ""
    choices = list(model.model_fields)
    hit = process.extractOne(name.lower(), choices, scorer=fuzz.ratio, score_cutoff=70)
    return f" (did you mean '{hit[0]}'?)" if hit else ""


def _report_validation(exc: ValidationError, tree: _Tree) -> None:
    errors = tree.errors
    grouped: dict[_Path, list[ErrorDetails]] = {}
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        if err["type"] in ("missing", "extra_forbidden"):
            parent = loc[:-1]
            if any(parent[:n] in tree.bad for n in range(len(parent) + 1)):
                continue
            _report_field(err, parent, loc[-1], tree)
            continue
        path = loc
        while path and path not in tree.where:  # drop union-member suffixes ('str', 'date')
            path = path[:-1]
        if any(path[:n] in tree.bad for n in range(len(path) + 1)):
            continue
        grouped.setdefault(path, []).append(err)
    for path, errs in grouped.items():
        key, node = tree.where.get(path, (None, None))
        offset = node.start if node is not None else 0
        if node is not None and key is not None and node.kind == "scalar" and node.start == node.end:
            offset = key.start  # an empty value: point at its key
        errors.add(offset, _type_message(path, errs, tree))


def _report_field(err: ErrorDetails, parent: _Path, name: Any, tree: _Tree) -> None:
    key, node = tree.where.get(parent, (None, None))
    if err["type"] == "missing":
        where = node.start if node is not None else 0
        suffix = f" (claim '{tree.claim_id(parent[1])}')" if len(parent) == 2 and tree.claim_id(parent[1]) else ""
        what = _dotted(parent) or "top level"
        if parent == () and name == "claims" and node is not None:
            if any(fuzz.ratio(str(k.value).lower(), "claims") >= 70 for k, _ in node.value):
                return  # the unknown-field error already says "did you mean 'claims'?"
            tree.errors.add(where, "no 'claims' list in the file (a claim file is a mapping with a 'claims' list)")
            return
        tree.errors.add(where, f"{what}: missing required field '{name}'{suffix}")
        return
    entry = tree.where.get(parent + (name,))
    offset = entry[0].start if entry and entry[0] is not None else (node.start if node else 0)
    field = "top-level field" if parent == () else "field"
    field += f" '{name}'" + (f" in {tree.describe(parent)}" if parent else "")
    tree.errors.add(offset, f"unknown {field}{_suggest(str(name), _model_at(parent))}")


def _type_message(path: _Path, errs: list[ErrorDetails], tree: _Tree) -> str:
    where = _dotted(path) or "top level"
    if len(path) > 2 and path[0] == "claims" and isinstance(path[1], int):
        cid = tree.claim_id(path[1])
        where_suffix = f" (claim '{cid}')" if cid else ""
    else:
        where_suffix = ""
    given = errs[0].get("input")
    if path == ("claims",):
        return f"'claims' should be a list of claims, got {_got(given)}"
    if (
        len(path) == 2
        and path[0] == "claims"
        and errs[0]["type"] in ("model_type", "dict_type", "model_attributes_type")
    ):
        return f"{where}: each claim should be a mapping with 'id' and 'text', got {_got(given)}"
    if any(e["type"] == "string_too_short" for e in errs):
        return f"{where}: must not be empty{where_suffix}"
    expected: list[str] = []
    for e in errs:
        phrase = _EXPECTED.get(e["type"])
        if phrase and phrase not in expected:
            expected.append(phrase)
    if not expected:
        return f"{where}: {errs[0]['msg']}{where_suffix}"
    if "a number" in expected and "an integer" in expected:
        expected.remove("an integer")
    wanted = expected[0] if len(expected) == 1 else ", ".join(expected[:-1]) + " or " + expected[-1]
    hint = ""
    if "text" in expected and isinstance(given, (int, float, bool, dt.date)):
        hint = "; put it in quotes to make it text"
    return f"{where}: should be {wanted}, got {_got(given)}{hint}{where_suffix}"


# --------------------------------------------------------------------------- public API


def load_claim_file(path: str | Path, *, known_codes: set[str] | None = None) -> tuple[ClaimFile, dict[str, Loc]]:
    """Load and validate a claim file; return it with the location of each claim's ``text``.

    ``known_codes``: the rule codes a claim's ``ignore:`` may name (others are errors, as in
    the config file); None skips that check.

    Raises :class:`InputErrors` listing every problem found, each at 1-based line:column.
    Locations are character offsets into the file's text (UTF-8, BOM removed, line endings
    as in the file). For a block scalar (``|``/``>``) the span runs from the indicator to the
    last character of the value; for a quoted one it includes the quotes.
    """
    shown = str(path)
    p = Path(path)
    text = _read_text(p, shown)
    errors = _Errors(shown, text)
    index = errors.index

    if not text.strip():
        raise InputErrors([InputError(shown, "empty claim file (expected a mapping with a 'claims' list)", 1, 1)])
    root = _parse_json(text, errors) if p.suffix.lower() == ".json" else _parse_yaml(text, errors)
    errors.raise_if_any()
    if root is None:  # only comments
        raise InputErrors([InputError(shown, "empty claim file (expected a mapping with a 'claims' list)", 1, 1)])

    if root.kind != "map":
        errors.add(
            root.start,
            "the top level should be a mapping with a 'claims' list, got "
            f"{'a list' if root.kind == 'seq' else 'a single value'}",
        )
        errors.raise_if_any()
    too_many = _claim_count_problem(root)
    if too_many is not None:
        errors.add(*too_many)
        errors.raise_if_any()
    tree = _Tree(errors, root)
    try:
        data = tree.data(root)
    except _Abort as exc:
        errors.add(exc.offset, exc.message)
        errors.raise_if_any()
    _check_duplicate_ids(tree)
    _years_as_text(data, tree)
    try:
        claim_file = ClaimFile.model_validate(data)
    except ValidationError as exc:
        _report_validation(exc, tree)
        claim_file = None
    if claim_file is not None:
        _check_values(claim_file, tree, known_codes)
    errors.raise_if_any()
    assert claim_file is not None

    locs: dict[str, Loc] = {}
    for i, claim in enumerate(claim_file.claims):
        _, node = tree.where[("claims", i, "text")]
        line, col = index.line_col(node.start)
        end_line, end_col = index.line_col(node.end)
        locs[claim.id] = Loc(
            path=shown,
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            start=node.start,
            end=node.end,
            text=text[node.start : node.end],
        )
    return claim_file, locs


def _check_values(claim_file: ClaimFile, tree: _Tree, known_codes: set[str] | None) -> None:
    """Values the schema accepts as text but the checker could not use are errors at their
    position: a ``date`` or ``quantity`` it cannot read would otherwise be ignored silently."""
    from ..extract.dates import find_dates
    from ..extract.quantities import find_quantities

    def at(i: int, *keys: Any) -> int:
        entry = tree.where.get(("claims", i, *keys))
        return entry[1].start if entry else 0

    for i, claim in enumerate(claim_file.claims):
        doc_date = claim.document_date or claim_file.document_date
        if isinstance(claim.date, str):
            problem = _date_problem(claim.date, doc_date, find_dates)
            if problem:
                tree.errors.add(at(i, "date"), f"claims[{i}].date: {problem} (claim '{claim.id}')")
        if isinstance(claim.quantity, str) and not find_quantities(claim.quantity):
            tree.errors.add(
                at(i, "quantity"),
                f"claims[{i}].quantity: no figure in {claim.quantity!r} "
                f"(e.g. 3, '2.5 million', '45%') (claim '{claim.id}')",
            )
        if known_codes is not None:
            for j, sup in enumerate(claim.ignore):
                if sup.rule.upper() not in known_codes:
                    where = f"claims[{i}].ignore[{j}].rule"
                    tree.errors.add(
                        at(i, "ignore", j, "rule"),
                        f"{where}: unknown rule code '{sup.rule}' (see 'claimcheck rules') (claim '{claim.id}')",
                    )


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?\Z")
_DATE_EXAMPLES = "e.g. 1997-11-09, 'November 1997', 1997-11-09..1997-11-11"


def _date_problem(raw: str, doc_date: dt.date | None, find_dates: Any) -> str | None:
    """Why ``raw`` is not a date the checker reads (as the engine reads it), or None.

    A single date must be read whole ('tomorrow-ish' is not 'tomorrow'); each end of an
    ``A..B`` range must be a date (the engine reads the ends without a document date).
    """
    value = raw.strip()
    if _ISO_DAY.match(value):
        try:
            dt.datetime.fromisoformat(value)
        except ValueError as exc:
            return f"{value!r} is not a valid date ({exc})"
    if ".." in value:
        ends = [x.strip() for x in value.split("..", 1)]
        bad = [x for x in ends if _date_problem(x, None, find_dates)]
        return f"{bad[0]!r} in the range {value!r} is not a date ({_DATE_EXAMPLES})" if bad else None

    def whole(found: list) -> bool:
        return bool(found) and found[0].start == 0 and found[0].end == len(value)

    if not whole(find_dates(value, doc_date)):
        relative = doc_date is None and whole(find_dates(value, dt.date(2000, 1, 1)))
        hint = "; a relative date needs a document_date" if relative else ""
        return f"{value!r} is not a date claimcheck can read ({_DATE_EXAMPLES}){hint}"
    return None


def _years_as_text(data: dict[str, Any], tree: _Tree) -> None:
    """``date: 1997`` means the year: YAML reads it as an integer, ``Claim.date`` wants text
    or a date, so a bare integer date becomes the text it was written as."""
    claims = data.get("claims")
    if not isinstance(claims, list):
        return
    for i, claim in enumerate(claims):
        if isinstance(claim, dict) and type(claim.get("date")) is int:
            _, node = tree.where[("claims", i, "date")]
            claim["date"] = tree.errors.text[node.start : node.end]


def _check_duplicate_ids(tree: _Tree) -> None:
    seen: dict[str, _Node] = {}
    i = 0
    while ("claims", i) in tree.where:
        entry = tree.where.get(("claims", i, "id"))
        if entry is not None and entry[1].kind == "scalar" and isinstance(entry[1].value, str):
            cid, node = entry[1].value, entry[1]
            if cid in seen:
                line = tree.errors.line_of(seen[cid].start)
                tree.errors.add(node.start, f"duplicate claim id '{cid}' (first at line {line})")
            else:
                seen[cid] = node
        i += 1


def is_claim_file(path: Path) -> bool:
    """True for a .yaml/.yml/.json file whose top level is a mapping with a ``claims`` key.

    Cheap: reads at most the first 256 KB and stops parsing at the ``claims`` key, so a
    folder of large JSON or YAML data files can be sorted quickly. Never raises.
    """
    path = Path(path)
    if path.suffix.lower() not in CLAIM_FILE_SUFFIXES:
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError:
        return False
    if head.startswith(_BOM):
        head = head[len(_BOM) :]
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if len(head) < _SNIFF_BYTES or exc.start < len(head) - 3:
            return False
        text = head[: exc.start].decode("utf-8")  # cut inside a character at the sniff limit
    if "\x00" in text:
        return False
    return _top_level_has_claims(text)


def _top_level_has_claims(text: str) -> bool:
    if _yaml_version_problem(text) is not None:
        return False
    depth = 0
    is_key = True
    try:
        for event in YAML(typ="safe", pure=True).parse(text):
            if isinstance(event, (StreamStartEvent, DocumentStartEvent)):
                continue
            if depth == 0:
                if not isinstance(event, MappingStartEvent):
                    return False
                depth = 1
                continue
            if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                depth += 1
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                depth -= 1
                if depth == 0:
                    return False
                if depth == 1:
                    is_key = not is_key
            elif depth == 1 and isinstance(event, (ScalarEvent, AliasEvent)):
                if is_key and isinstance(event, ScalarEvent) and event.value == "claims":
                    return True
                is_key = not is_key
    except (YAMLError, RecursionError):
        return False
    except Exception:  # noqa: BLE001 - documented never to raise; a parser bug must not crash a folder scan
        return False
    return False
