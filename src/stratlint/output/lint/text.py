"""Human-readable output: one line per finding, then the source line (once for all the
findings on it) with a marker under each one's words."""
from __future__ import annotations

from collections import Counter

from ...findings import Severity
from ...safety.escape import commands, controls, field

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _marker(line: str, column: int, end_line: int, line_no: int, end_column: int) -> str:
    """Carets under the offending words of the line as printed (escapes widen controls)."""
    end = end_column - 1 if end_line == line_no else len(line)
    prefix = len(controls(line[:column - 1]))
    return " " * prefix + "^" * max(1, len(controls(line[column - 1:end])))


# A long source line (a paragraph written on one line, common in .txt files) is shown as a
# window around the marked words, not reprinted whole under every finding on it.
WINDOW = 100
_ELLIPSIS = "…"


def _window(line: str, column: int, end_column: int) -> tuple[str, int, int]:
    """The part of `line` to show, and the columns of the marked words within it."""
    if len(line) <= WINDOW:
        return line, column, end_column
    width = min(max(end_column - column, 1), WINDOW - 20)
    start = max(0, min(column - 1 - (WINDOW - width) // 2, len(line) - WINDOW))
    end = start + WINDOW
    head = _ELLIPSIS if start > 0 else ""
    tail = _ELLIPSIS if end < len(line) else ""
    shift = start - len(head)
    return (head + line[start:end] + tail, column - shift,
            min(end_column, end + 1) - shift)


def _groups(findings):
    """Runs of findings on the same line of the same file: printed together, the line once."""
    group: list = []
    for finding in findings:
        if group and (finding.path, finding.line) != (group[0].path, group[0].line):
            yield group
            group = []
        group.append(finding)
    if group:
        yield group


def write(report, stream, options) -> None:
    paint = (lambda code, text: f"{code}{text}{_RESET}") if options.color else (
        lambda code, text: text)
    for group in _groups(report.findings):
        for f in group:
            # Path, message and source line come from the repository: escaped, so that they
            # cannot move the cursor, retitle the terminal or issue a CI runner command.
            head = paint(_BOLD, f"{field(f.path)}:{f.line}:{f.column}:")
            severity = paint(_COLORS[f.severity], f"[{f.severity}]")
            where = f"(page {f.page}, line {f.page_line}) " if f.page is not None else ""
            stream.write(commands(f"{head} {f.code} {f.rule} {severity} {where}"
                                  f"{field(f.message)}") + "\n")
        if options.quiet or not options.excerpts:
            continue
        first = group[0]
        line = report.source_lines.get((first.path, first.line), "")
        if not line.strip():
            continue
        shown = None
        markers: list[tuple[str, str]] = []
        for f in group:
            end = f.end_column if f.end_line == f.line else len(line) + 1
            window, column, end_column = _window(line, f.column, end)
            shown = shown or window
            if window != shown:
                continue   # a span far along a long line: its header says where it is
            marker = (_marker(window, column, f.line, f.line, end_column), f.severity)
            if marker[0] not in [m for m, _s in markers]:
                markers.append(marker)
        stream.write(f"    {field(shown)}\n")
        for marker, severity in markers:
            stream.write("    " + paint(_COLORS[severity], marker) + "\n")
    if options.statistics and report.findings:
        counts = Counter((f.code, f.rule) for f in report.findings)
        stream.write("\n")
        for (code, rule), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            stream.write(f"{count:5d}  {code} {rule}\n")
    if options.quiet:
        return
    by_severity = Counter(f.severity for f in report.findings)
    files_with = len({f.path for f in report.findings})
    total = len(report.findings)
    if total == 0:
        stream.write(paint(_DIM, f"No problems found in {report.files} "
                                 f"file{'s' if report.files != 1 else ''}.") + "\n")
        return
    parts = [f"{by_severity[s]} {s}{'s' if by_severity[s] != 1 else ''}"
             for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if by_severity[s]]
    stream.write(f"\nFound {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) "
                 f"in {files_with} of {report.files} file{'s' if report.files != 1 else ''}.\n")
