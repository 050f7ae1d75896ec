"""The filters stage: each function takes a result and returns a new one with fewer (or
restated) findings, in the order a check applies them:

1. inline_suppressions and one_per_commitment, on each file's result (every run);
2. not_in_baseline and changed_since, on the RunResult (when asked for);
3. fail_on: the findings that make the exit code 1.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Callable, Sequence

from ..findings import Finding, Severity
from ..packs import Rule
from ..run.result import RunResult
from ..run.stamp import own_finding
from .suppress import apply as apply_suppressions

if TYPE_CHECKING:   # importing run.lint loads this package (for suppress) part way through
    from ..run.lint import FileResult

UNUSED_SUPPRESSION = "unused-suppression"


def inline_suppressions(result: FileResult, rules: Sequence[Rule],
                        known: dict[str, str]) -> FileResult:
    """Drop what the document's stratlint-disable comments silence, and add a finding for
    each comment that names an unknown rule or silenced nothing. `known` maps every rule
    name and code of the configuration to its name; `rules` are those that ran."""
    by_name = {rule.name: rule for rule in rules}
    document = result.document
    kept, problems = apply_suppressions(document, result.findings, known, set(by_name))
    unused = by_name.get(UNUSED_SUPPRESSION)
    for directive, token, reason in problems:
        if reason == "unknown":
            message = f"'{directive.describe()}' names unknown rule '{token}'"
        else:
            message = f"'{directive.describe()}' silenced nothing; remove it"
        finding = own_finding(unused, document.path, directive.line, 1, message, document)
        if finding:
            kept.append(finding)
    return replace(result, findings=tuple(kept))


def one_per_commitment(result: FileResult, rules: Sequence[Rule]) -> FileResult:
    """A commitment that lacks several parts gets one finding from each part's rule, each
    naming everything it lacks (the same words before the advice, on the same span): keep
    the one with the lowest code, so it is said once whichever rules are on. Runs after
    suppression, so silencing one part's rule lets the next one speak."""
    commitments = {rule.name for rule in rules if rule.check == "commitments"}
    seen: set[tuple] = set()
    kept = []
    for finding in sorted(result.findings, key=lambda f: f.code):
        if finding.rule in commitments:
            key = (finding.line, finding.column, finding.end_line, finding.end_column,
                   finding.message.split("; ", 1)[0])
            if key in seen:
                continue
            seen.add(key)
        kept.append(finding)
    return replace(result, findings=tuple(kept))


def not_in_baseline(report: RunResult, known: Counter) -> RunResult:
    """Only the findings that the baseline (from baseline.read) does not already hold."""
    from .baseline import only_new

    return replace(report, findings=only_new(report, known))


def changed_since(report: RunResult, ref: str, config_for: Callable) -> RunResult:
    """Only the findings that the change since the git ref `ref` brought in;
    `config_for(display_path)` is the Config each file was checked with."""
    from .changes import made_worse

    return replace(report, findings=made_worse(report, ref, config_for))


def fail_on(report: RunResult, threshold_for: Callable[[str], Severity | None]) -> RunResult:
    """Only the findings at or above their own file's fail-on threshold (None: nothing
    fails), so a non-empty result means exit code 1."""
    thresholds: dict[str, Severity | None] = {}   # one look-up per file, not per finding

    def fails(finding: Finding) -> bool:
        if finding.path not in thresholds:
            thresholds[finding.path] = threshold_for(finding.path)
        threshold = thresholds[finding.path]
        return threshold is not None and finding.severity >= threshold

    return replace(report, findings=[f for f in report.findings if fails(f)])
