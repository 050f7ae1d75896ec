"""Output formats of the assurance report (`stratlint report`), one module each.

Each module has ``render(assessment) -> str``; the assessment comes from
``stratlint.assurance.assess`` (or ``stratlint.api.assess_paths``).
"""
from __future__ import annotations

import importlib

FORMATS = {
    "html": "stratlint.report.html",
    "markdown": "stratlint.report.markdown",
    "json": "stratlint.report.json_report",
    "csv": "stratlint.report.csv_report",
}


def render(name: str, assessment) -> str:
    """The report in format `name` (html, markdown, json or csv)."""
    return importlib.import_module(FORMATS[name]).render(assessment)
