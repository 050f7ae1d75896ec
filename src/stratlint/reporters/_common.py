"""Helpers the CI reporters share: repository-relative paths and stable fingerprints."""
from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path

from ..findings import Finding, Severity

# SARIF levels; GitHub annotations use "notice" where SARIF says "note".
SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def relative_path(path: str) -> str | None:
    """`path` relative to the working folder (the repository root in CI), with forward
    slashes; None when it lies outside that folder."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return None
    text = os.path.normpath(str(candidate)).replace(os.sep, "/")
    if text == ".." or text.startswith("../"):
        return None
    return text


def display_path(path: str) -> str:
    """Repository-relative where possible, otherwise the path as given (forward slashes)."""
    return relative_path(path) or path.replace(os.sep, "/")


def _normalise(text: str) -> str:
    return " ".join(text.casefold().split())


def fingerprints(report, with_path: bool = False) -> dict[int, str]:
    """A stable fingerprint for each finding, keyed by its index in report.findings.

    Built from the rule, the offending words and the content of the source line, never the
    line number, so it survives unrelated lines being added or removed above. Identical
    (rule, words, line) findings in one file are told apart by their order (":1", ":2"),
    as GitHub does for primaryLocationLineHash.
    """
    seen: Counter = Counter()
    result: dict[int, str] = {}
    for index, finding in enumerate(report.findings):
        line = report.source_lines.get((finding.path, finding.line), "")
        parts = [finding.rule, _normalise(finding.excerpt), _normalise(line)]
        if with_path:
            parts.insert(0, display_path(finding.path))
        digest = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:16]
        seen[(finding.path, digest)] += 1
        result[index] = f"{digest}:{seen[(finding.path, digest)]}"
    return result


def end_column(finding: Finding) -> int:
    """The exclusive end column, never before the start on a one-line region."""
    if finding.end_line > finding.line:
        return max(1, finding.end_column)
    return max(finding.column, finding.end_column)


def end_line(finding: Finding) -> int:
    return max(finding.line, finding.end_line)
