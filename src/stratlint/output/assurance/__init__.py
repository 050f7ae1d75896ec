"""Output formats of the assurance report (`stratlint report --format`), one module each.

A report renderer is a module with ``render(assessment) -> str``, where the assessment comes
from ``stratlint.output.assurance.assess.assess`` (or ``stratlint.api.assess_paths``). It is
registered in stratlint.registry.REPORT_FORMATS, and imported only when its format is chosen.
"""
from __future__ import annotations

import importlib
from typing import Protocol

from ...registry import REPORT_FORMATS as FORMATS


class ReportRenderer(Protocol):
    """What a renderer module provides."""

    def render(self, assessment) -> str: ...


def renderer(name: str) -> ReportRenderer:
    return importlib.import_module(FORMATS[name].module)


def render(name: str, assessment) -> str:
    """The report in format `name` (see stratlint.registry.REPORT_FORMATS)."""
    return renderer(name).render(assessment)
