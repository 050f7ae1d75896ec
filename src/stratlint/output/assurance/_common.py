"""Helpers shared by the report formats."""
from __future__ import annotations


def line_ranges(lines, limit: int = 0) -> str:
    """'5, 7, 12-14' style text for line numbers (en dash for ranges); with a limit, at most
    that many ranges and 'and N more'."""
    ordered = sorted(set(lines))
    parts = []
    start = prev = None
    for line in ordered:
        if start is None:
            start = prev = line
        elif line == prev + 1:
            prev = line
        else:
            parts.append(str(start) if start == prev else f"{start}\u2013{prev}")
            start = prev = line
    if start is not None:
        parts.append(str(start) if start == prev else f"{start}\u2013{prev}")
    if limit and len(parts) > limit:
        return ", ".join(parts[:limit]) + f" and {len(parts) - limit} more"
    return ", ".join(parts)


def where(card, finding) -> str:
    if card.about_whole_document(finding):
        return "whole document"
    if finding.page is not None:
        return f"page {finding.page}, line {finding.page_line}"
    return f"line {finding.line}"


def grouped(card, findings, limit: int = 8):
    """(rule, count, where, example message) per rule, in the order the rules first appear."""
    groups: dict[str, list] = {}
    for finding in findings:
        groups.setdefault(finding.rule, []).append(finding)
    out = []
    for rule, group in groups.items():
        if len(group) == 1:
            out.append((rule, 1, where(card, group[0]), group[0].message))
            continue
        lines = {f.line for f in group}
        label = "line" if len(lines) == 1 else "lines"
        out.append((rule, len(group), f"{len(group)} times, {label} {line_ranges(lines, limit)}",
                    group[0].message))
    return out
