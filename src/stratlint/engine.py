"""Kept so that older imports work: the pipeline now lives in its own modules (pipeline,
runner, lint, cross_document, filters, rulebook, sources, lint_report)."""
from __future__ import annotations

from .lint_report import CheckedDocument, Report
from .pipeline import lint_documents
from .rulebook import RuleBook
from .sources import Source, read_string

__all__ = ["CheckedDocument", "Report", "RuleBook", "Source", "lint_documents", "read_string"]
