"""Inline suppression: parse <!-- stratlint-... --> comments and filter findings with them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from ..document import Document
from ..findings import Finding

_DIRECTIVE = re.compile(
    r"^stratlint-(disable-next-line|disable-file|disable|enable)\b\s*(.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Directive:
    action: str                 # disable, enable, disable-next-line, disable-file
    rules: tuple[str, ...]      # as written; empty means every rule
    line: int                   # where the comment starts
    end_line: int               # where the comment ends

    def describe(self) -> str:
        names = ", ".join(self.rules)
        return f"stratlint-{self.action}" + (f" {names}" if names else "")


def parse(document: Document) -> list[Directive]:
    directives = []
    for comment in document.comments:
        match = _DIRECTIVE.match(comment.text)
        if match:
            rules = tuple(r for r in re.split(r"[\s,]+", match.group(2).strip()) if r)
            directives.append(Directive(match.group(1).lower(), rules, comment.line,
                                        comment.end_line))
    return directives


@dataclass
class _Scope:
    directive: Directive
    names: frozenset[str] | None    # canonical rule names; None = every rule
    first: int
    last: int
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        return (self.first <= finding.line <= self.last
                and (self.names is None or finding.rule in self.names))


def _next_content_line(document: Document, after: int) -> int:
    line = after + 1
    total = len(document.line_starts)
    while line <= total and not document.line_text(line).strip():
        line += 1
    return line


def apply(document: Document, findings: Iterable[Finding], known: Mapping[str, str],
          active: set[str]) -> tuple[list[Finding], list[tuple[Directive, str, str]]]:
    """Drop suppressed findings. `known` maps names and codes to rule names; `active` is the
    set of rule names that ran. Returns (kept findings, problems) where each problem is
    (directive, offending rule token or '', reason)."""
    directives = parse(document)
    problems: list[tuple[Directive, str, str]] = []
    scopes: list[_Scope] = []
    open_scopes: list[_Scope] = []
    last_line = max(len(document.line_starts), 1)
    for directive in directives:
        names: set[str] = set()
        for token in directive.rules:
            canonical = known.get(token) or known.get(token.upper())
            if canonical is None:
                problems.append((directive, token, "unknown"))
            else:
                names.add(canonical)
        if directive.rules and not names:
            continue
        wanted = frozenset(names) if directive.rules else None
        if directive.action == "disable-file":
            scopes.append(_Scope(directive, wanted, 1, last_line))
        elif directive.action == "disable-next-line":
            line = _next_content_line(document, directive.end_line)
            scopes.append(_Scope(directive, wanted, line, line))
        elif directive.action == "disable":
            scope = _Scope(directive, wanted, directive.line, last_line)
            scopes.append(scope)
            open_scopes.append(scope)
        else:  # enable closes the matching open ranges
            for scope in list(open_scopes):
                if wanted is None or scope.names is None or scope.names & wanted:
                    scope.last = directive.line
                    open_scopes.remove(scope)

    kept = []
    for finding in findings:
        covering = [s for s in scopes if s.covers(finding)]
        for scope in covering:
            scope.used = True
        if not covering:
            kept.append(finding)

    for scope in scopes:
        if scope.used:
            continue
        ran = scope.names is None or bool(scope.names & active)
        if ran:
            problems.append((scope.directive, "", "unused"))
    return kept, problems


def known_names(rules: Iterable) -> dict[str, str]:
    """Each rule's name and code -> its name: what a directive may call a rule."""
    known = {}
    for rule in rules:
        known[rule.name] = rule.name
        known[rule.code] = rule.name
    return known
