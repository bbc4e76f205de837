"""Documents from files: the suffix picks the reader; all of them end in build_document."""

from __future__ import annotations

import importlib
from pathlib import Path

from ..errors import InputError
from ..models import Document

# suffix -> (module, function); readers are imported only when a file needs them
_READERS = {
    ".txt": ("text", "load_text_document"),
    ".text": ("text", "load_text_document"),
    ".md": ("text", "load_text_document"),
    ".markdown": ("text", "load_text_document"),
    ".pdf": ("pdf", "load_pdf"),
    ".html": ("html", "load_html"),
    ".htm": ("html", "load_html"),
    ".docx": ("docx", "load_docx"),
}
DOCUMENT_SUFFIXES = tuple(_READERS)


def load_document(path: Path, display_path: str | None = None) -> Document:
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        raise InputError(display_path or str(path), f"unsupported document type '{suffix}'")
    module_name, func = _READERS[suffix]
    try:
        module = importlib.import_module(f"{__name__}.{module_name}")
    except ModuleNotFoundError:
        raise InputError(display_path or str(path), f"reading {suffix} files is not supported in this build") from None
    doc = getattr(module, func)(path, display_path)
    if not doc.references:
        from .references import attach_structure

        doc = attach_structure(doc)
    return doc
