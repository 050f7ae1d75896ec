"""RunResult: what a lint run found, as the reporters and filters see it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..findings import Finding

if TYPE_CHECKING:   # kept out of the import: reporters load this module on every run
    from ..analysis import Analysis
    from ..document import Document
    from ..packs import Rule


@dataclass(frozen=True)
class CheckedDocument:
    """A document kept for the assurance report: its text and structure, its analysis and
    the names of the rules that ran on it."""

    document: "Document"
    analysis: "Analysis"
    rule_names: frozenset[str]


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    errors: list[str] = field(default_factory=list)   # internal problems: exit code 2
    # The source line of each finding, so reporters can show it without re-reading files.
    source_lines: dict[tuple[str, int], str] = field(default_factory=dict)
    # Every rule that ran (name -> Rule) and every file checked (display path, in order), for
    # reporters that describe the rules (SARIF) or list clean files too (JUnit).
    rules: dict[str, "Rule"] = field(default_factory=dict)
    paths: list[str] = field(default_factory=list)
    # Only with lint_documents(keep_documents=True), for the assurance report: display path ->
    # the document, its analysis and the rules that ran on it.
    documents: dict[str, CheckedDocument] = field(default_factory=dict)
