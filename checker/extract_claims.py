"""A draft's checkable sentences -> a claim file an editor can edit and commit.

Ids must stay the same when the draft is edited elsewhere (an editor adds ``ignore:`` entries
or structured fields to a claim and re-runs), so an id is a slug of the first words plus a
short hash of the normalised sentence -- never the line number.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass, field

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from .extract import Extractor, checkable
from .extract.entities import EntityRegistry
from .ingest.markup import extraction_text, without_comments
from .locate import locate
from .models import Document

_SLUG_WORDS = 6
_SLUG_CHARS = 40


@dataclass
class DraftClaim:
    id: str
    text: str
    where: list[str] = field(default_factory=list)  # "draft.md:12:1", one per occurrence
    section: str | None = None


def normalise(text: str) -> str:
    """Case, Unicode form and spacing do not change what a sentence claims."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def claim_id(text: str) -> str:
    """``slug-of-the-first-words-1a2b3c4d``: readable, and stable while the sentence is."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())[:_SLUG_WORDS]
    slug = "-".join(words)[:_SLUG_CHARS].rstrip("-") or "claim"
    digest = hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}"


def extract_claims(
    doc: Document, *, weekday_policy: str = "auto", aliases: dict[str, str] | None = None
) -> list[DraftClaim]:
    """The checkable passages (extract.checkable: an event, a date, a figure, a quotation or a
    typed statement), deduplicated by normalised text."""
    extractor = Extractor(EntityRegistry(aliases or {}), weekday_policy=weekday_policy)
    for p in doc.passages:  # as the engine does: learn the draft's people before reading it
        extractor.registry.learn(p.text)
    out: dict[str, DraftClaim] = {}
    masked = extraction_text(doc.text, doc.kind)  # link targets, inline code, comments say nothing
    for p in doc.passages:
        facts = extractor.extract(masked[p.start : p.end], offset=p.start, doc_date=doc.date)
        if not checkable(facts):
            continue
        text = " ".join(without_comments(p.text).split())
        if p.is_heading:
            text = text.lstrip("#").strip()  # the claim is the heading, not its Markdown marker
        loc = locate(doc, p.start, p.end)
        where = f"{doc.path}:{loc.line}:{loc.column}"
        if doc.kind == "docx" and p.paragraph is not None:
            where = f"{doc.path}: paragraph {p.paragraph + 1}"
        key = normalise(text)
        if key in out:
            out[key].where.append(where)
            continue
        out[key] = DraftClaim(claim_id(text), text, [where], p.section[-1] if p.section else None)
    return list(out.values())


def claims_yaml(doc: Document, claims: list[DraftClaim]) -> str:
    """YAML text that :func:`checker.ingest.claims_file.load_claim_file` reads back.

    Every text is double-quoted: a sentence such as ``Yes: 40% said no`` or one starting with
    ``*`` or ``!`` would otherwise be read back as a mapping, an alias or a tag.
    """
    root = CommentedMap()
    if doc.date is not None:
        root["document_date"] = doc.date
    seq = CommentedSeq()
    for i, c in enumerate(claims):
        item = CommentedMap()
        item["id"] = c.id
        item["text"] = DoubleQuotedScalarString(c.text)
        seq.append(item)
        note = "from " + ", ".join(c.where)
        if c.section:
            note += f" (section: {' '.join(c.section.split())})"
        seq.yaml_set_comment_before_after_key(i, before=_one_line(note), indent=2)
    root["claims"] = seq
    head = [
        f"Claims extracted from {doc.path} by 'claimcheck extract'.",
        "Edit freely: add date/place/actors/source fields, remove claims, or add",
        "ignore: [{rule: CODE, reason: ...}] entries. Ids stay stable when the draft changes elsewhere.",
    ]
    if doc.title:
        head.insert(1, f"Title: {_one_line(doc.title)}")
    root.yaml_set_start_comment("\n".join(head))
    yaml = YAML()
    yaml.width = 4096  # one claim text, one line: easier to diff and to grep
    yaml.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    yaml.dump(root, buf)
    return buf.getvalue()


def _one_line(text: str) -> str:
    return " ".join(text.split())
