"""Baselines: record today's findings, then report only the ones that are new.

A finding is matched by its path and fingerprint (rule, offending words and the content of
its line, never the line number), so it stays known when lines above it move. Writing a
baseline again drops the findings that have been fixed since.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..errors import StratlintError
from ..locations import display_path
from ..safety.files import read_regular, write_output
from .fingerprint import fingerprints

VERSION = 1


def _keys(report) -> list[tuple[str, str]]:
    prints = fingerprints(report)
    return [(display_path(f.path), prints[i]) for i, f in enumerate(report.findings)]


def write(report, path: Path) -> int:
    """Write every finding of the report to a baseline file; return how many."""
    entries = [{"path": key[0], "fingerprint": key[1], "rule": f.rule, "line": f.line,
                "message": f.message}
               for key, f in zip(_keys(report), report.findings)]
    data = {"tool": "stratlint", "version": VERSION, "findings": entries}
    write_output(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n", "the baseline")
    return len(entries)


def read(path: Path) -> Counter:
    """The (path, fingerprint) pairs a baseline file records, with their counts."""
    raw = read_regular(path, "baseline")
    try:
        data = json.loads(raw.decode("utf-8"))
        entries = data["findings"]
        return Counter((e["path"], e["fingerprint"]) for e in entries)
    except (ValueError, KeyError, TypeError) as exc:
        raise StratlintError(f"{path}: not a stratlint baseline ({type(exc).__name__})") from None


def only_new(report, known: Counter) -> list:
    """The report's findings that the baseline does not already hold."""
    remaining = Counter(known)
    new = []
    for key, finding in zip(_keys(report), report.findings):
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(finding)
    return new
