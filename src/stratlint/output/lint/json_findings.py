"""JSON output, described by schemas/output.schema.json."""
from __future__ import annotations

import json
from collections import Counter

from ...safety.escape import json_text


def as_data(report) -> dict:
    from ... import __version__

    counts = Counter(str(f.severity) for f in report.findings)
    return {
        "tool": "stratlint",
        "version": __version__,
        "files_checked": report.files,
        "summary": {
            "total": len(report.findings),
            "error": counts.get("error", 0),
            "warning": counts.get("warning", 0),
            "info": counts.get("info", 0),
        },
        "findings": [f.to_dict() for f in report.findings],
    }


def write(report, stream, options) -> None:
    # One finding per line: as easy to read and grep as fully indented JSON, and written by
    # the json module's C encoder (indented output goes through its pure-Python one, which
    # took longer than the whole check on a large run).
    data = as_data(report)
    findings = data.pop("findings")
    head = json.dumps(data, indent=2, ensure_ascii=False)[:-2]   # without the closing "\n}"
    rows = ",\n    ".join(json.dumps(finding, ensure_ascii=False) for finding in findings)
    stream.write(json_text(f'{head},\n  "findings": [' + (f"\n    {rows}\n  " if rows else "")
                           + "]\n}\n"))
