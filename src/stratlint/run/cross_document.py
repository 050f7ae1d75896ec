"""The cross-document pass: each run-scope rule compares every document that has it on.

It runs once, in the parent process, after every file's own step; the documents may come
from the results cache, where only their path, text and comments are kept.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..findings import Finding
from .lint import Checked, compare
from .stamp import hit_finding


@dataclass(frozen=True)
class CrossResult:
    """The pass's findings for each checked file (in the order given) and its errors."""

    findings: tuple[tuple[Finding, ...], ...]
    errors: tuple[str, ...] = ()


def compare_all(checked: Sequence[Checked]) -> CrossResult:
    """Run every run-scope rule (by name, in order) over the files that summarised it."""
    found: list[list[Finding]] = [[] for _ in checked]
    errors: list[str] = []
    names = {name for item in checked for name in item.result.summaries}
    for name in sorted(names):
        members = [index for index, item in enumerate(checked) if name in item.result.summaries]
        rules = {index: next(r for r in checked[index].rules if r.name == name)
                 for index in members}
        # Each file's findings carry its own configuration of the rule; the comparison
        # itself uses the first file's options.
        by_path = {checked[index].document.path: index for index in members}
        try:
            hits = compare(rules[members[0]], [(checked[index].document,
                                                checked[index].result.summaries[name])
                                               for index in members])
        except Exception as exc:  # a faulty (plugin) check must not stop the run
            errors.append(f"rule {name} failed: {type(exc).__name__}: {exc}")
            continue
        for path, hit in hits:
            index = by_path[path]
            found[index].append(hit_finding(rules[index], checked[index].document, hit))
    return CrossResult(tuple(map(tuple, found)), tuple(errors))
