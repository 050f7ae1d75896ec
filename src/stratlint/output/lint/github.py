"""GitHub Actions workflow commands (annotations), plus a job summary of every finding.

GitHub shows only a handful of annotations per step, so when GITHUB_STEP_SUMMARY names a
file, a Markdown table of all findings is appended to it as well.
"""
from __future__ import annotations

import html
import os
import re
import sys
from collections import Counter

from ...findings import Severity
from ...safety.escape import field
from ._common import display_path, end_column, end_line

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SUMMARY_ENV = "GITHUB_STEP_SUMMARY"


def escape_data(text: str) -> str:
    """The message after '::'."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file=..., title=...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding) -> str:
    props = [("file", field(display_path(finding.path))), ("line", finding.line)]
    last = end_line(finding)
    if last == finding.line:   # columns are only allowed on a one-line range
        props += [("col", finding.column), ("endLine", last),
                  ("endColumn", end_column(finding))]
    else:
        props.append(("endLine", last))
    props.append(("title", f"{finding.code} {finding.rule}"))
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props)
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(field(finding.message, keep_newlines=True))}"


# Markdown punctuation that could start a link, an image, emphasis, code or a table cell.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+!~|])")


def _cell(text: str) -> str:
    """Document text as inert Markdown: HTML escaped, Markdown punctuation backslashed, so
    a strategy or pack cannot put links, images or markup into the job summary."""
    flat = " ".join(field(text).split())
    return _MARKDOWN.sub(r"\\\1", html.escape(flat, quote=False))


def summary(report) -> str:
    """Markdown: a count line and one table row per finding."""
    total = len(report.findings)
    files = report.files
    lines = ["## stratlint", ""]
    if total == 0:
        lines += [f"No problems found in {files} file{'s' if files != 1 else ''}.", ""]
        return "\n".join(lines) + "\n"
    counts = Counter(f.severity for f in report.findings)
    parts = ", ".join(f"{counts[s]} {s}" for s in (Severity.ERROR, Severity.WARNING,
                                                    Severity.INFO) if counts[s])
    with_findings = len({f.path for f in report.findings})
    lines += [f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {with_findings} "
              f"of {files} file{'s' if files != 1 else ''}.", "",
              "| File | Line | Column | Severity | Rule | Message |",
              "|---|---:|---:|---|---|---|"]
    for f in report.findings:
        lines.append(f"| {_cell(display_path(f.path))} | {f.line} | {f.column} | {f.severity} "
                     f"| {_cell(f.code)} {_cell(f.rule)} | {_cell(f.message)} |")
    return "\n".join(lines) + "\n\n"


def write_summary(report, target: str) -> None:
    try:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(summary(report))
    except OSError as exc:  # a summary we cannot write must not hide the annotations
        print(f"stratlint: warning: cannot write the job summary to {target}: {exc}",
              file=sys.stderr)


def write(report, stream, options) -> None:
    for finding in report.findings:
        stream.write(annotation(finding) + "\n")
    target = os.environ.get(SUMMARY_ENV)
    if target:
        write_summary(report, target)
