"""Stamping: a check's hit, or a problem the linter itself raises, becomes a Finding that
carries its rule's name, code and severity (checks never know them)."""
from __future__ import annotations

from ..checks import Hit
from ..document import Document
from ..findings import Finding
from ..output.fixes import safe_fix
from ..packs import Rule


def hit_finding(rule: Rule, document: Document, hit: Hit) -> Finding:
    """The finding for a check's hit on `document`, placed by line, column and page."""
    line, column = document.position(hit.start)
    end = max(hit.end, hit.start)
    end_line, end_column = document.position(end)
    excerpt = document.quote(hit.start, end).split("\n")[0]
    page, page_line = document.page_position(line) or (None, None)
    return Finding(
        path=document.path, line=line, column=column, rule=rule.name, code=rule.code,
        severity=rule.severity, message=rule.format_message(hit.args), end_line=end_line,
        end_column=end_column, excerpt=excerpt, suggestion=hit.suggestion, page=page,
        page_line=page_line, fix=safe_fix(rule, document, hit.start, end) if hit.suggestion
        else None,
    )


def own_finding(rule: Rule | None, path: str, line: int, column: int, message: str,
                document: Document | None = None) -> Finding | None:
    """A finding the linter raises itself (an unreadable file, a schema problem, an unused
    suppression) under one of the builtin rules; None when that rule is switched off."""
    if rule is None:
        return None
    excerpt = document.source_line(line).strip() if document else ""
    page, page_line = (document.page_position(line) if document else None) or (None, None)
    return Finding(path=path, line=line, column=column, rule=rule.name, code=rule.code,
                   severity=rule.severity, message=message, end_line=line,
                   end_column=column, excerpt=excerpt, page=page, page_line=page_line)
