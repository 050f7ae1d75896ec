"""GitLab Code Quality: a JSON array of issues that merge requests show inline."""
from __future__ import annotations

import hashlib
import json

from ...findings import Severity
from ...safety.escape import json_text
from ._common import display_path, end_line, fingerprints

# GitLab's scale is info, minor, major, critical, blocker. stratlint's errors are real
# defects in a strategy, but nothing in a document blocks a release on its own.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def as_data(report) -> list[dict]:
    hashes = fingerprints(report, with_path=True)
    issues = []
    for index, finding in enumerate(report.findings):
        issues.append({
            "type": "issue",
            "description": finding.message,
            "check_name": finding.rule,
            "fingerprint": hashlib.sha256(hashes[index].encode("utf-8")).hexdigest(),
            "severity": SEVERITIES[finding.severity],
            "categories": ["Style"],
            "location": {
                "path": display_path(finding.path),
                "lines": {"begin": finding.line, "end": end_line(finding)},
            },
        })
    return issues


def write(report, stream, options) -> None:
    stream.write(json_text(json.dumps(as_data(report), indent=2, ensure_ascii=False)) + "\n")
