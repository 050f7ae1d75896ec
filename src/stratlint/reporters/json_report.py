"""JSON output, described by schemas/output.schema.json."""
from __future__ import annotations

import json
from collections import Counter


def as_data(report) -> dict:
    from .. import __version__

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
    json.dump(as_data(report), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
