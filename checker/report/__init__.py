"""One neutral :class:`~checker.models.Report`, one renderer module per output format.

Each renderer module exposes ``render(report: Report, options: RenderOptions) -> str``.
The CLI picks a module from :data:`RENDERERS` by format name; it never branches on format.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field
from enum import Enum

from ..models import Report


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    claimreview = "claimreview"
    csv = "csv"


@dataclass
class RenderOptions:
    color: bool = False  # ANSI colour (text format, only on a terminal and without NO_COLOR)
    root: str = "."  # paths in the report are relative to this (SARIF %SRCROOT%)
    width: int | None = None  # terminal width for the text format
    extra: dict = field(default_factory=dict)  # renderer-specific settings


RENDERERS: dict[Format, str] = {fmt: f"checker.report.{fmt.value}_format" for fmt in Format}


def available_formats() -> list[str]:
    """Formats whose renderer module is present in this installation."""
    out = []
    for fmt, module in RENDERERS.items():
        if importlib.util.find_spec(module) is not None:
            out.append(fmt.value)
    return out


def render(report: Report, fmt: Format | str, options: RenderOptions | None = None) -> str:
    module = importlib.import_module(RENDERERS[Format(fmt)])
    return module.render(report, options or RenderOptions())
