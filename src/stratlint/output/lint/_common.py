"""Helpers the CI reporters share: repository-relative paths and stable fingerprints."""
from __future__ import annotations

from ...filters.fingerprint import fingerprints
from ...findings import Finding, Severity
from ...locations import display_path, relative_path

# Re-exported for the reporters, beside what is defined here.
__all__ = ["SARIF_LEVELS", "display_path", "end_column", "end_line", "fingerprints",
           "relative_path"]

# SARIF levels; GitHub annotations use "notice" where SARIF says "note".
SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def end_column(finding: Finding) -> int:
    """The exclusive end column, never before the start on a one-line region."""
    if finding.end_line > finding.line:
        return max(1, finding.end_column)
    return max(finding.column, finding.end_column)


def end_line(finding: Finding) -> int:
    return max(finding.line, finding.end_line)
