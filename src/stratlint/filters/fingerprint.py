"""Stable fingerprints for findings: shared by the CI reporters and by baselines."""
from __future__ import annotations

import hashlib
from collections import Counter

from ..locations import display_path


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


