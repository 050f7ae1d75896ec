"""The per-document step: run the rules over one document and return its FileResult.

Pure: no files, no processes, no cache; everything in a FileResult pickles, so the runner
may call this in a worker process and the results cache may keep it.

Every call into a check kind goes through one of three small functions here:
`document_hits` (document-scope rules), `summarise` (a run-scope rule's view of one
document) and `compare` (a run-scope rule over every document's summary).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from .. import checks, patterns
from ..analysis import Analysis
from ..checks import Hit
from ..checks.matching import MENTION_GROUP
from ..config import Config
from ..document import Document
from ..errors import ReadError
from ..filters.suppress import apply as apply_suppressions, known_names
from ..findings import Finding
from ..packs import Rule
from .stamp import hit_finding, own_finding

SCHEMA = "schema-violation"
# What the shared budget of one document's rules is called when it runs out.
ALL_RULES = "all rules together"


@dataclass(frozen=True)
class FileResult:
    """One file's results before suppression: its document (or why it could not be read),
    the document-scope findings, internal errors, and each run-scope rule's summary of it."""

    document: Document | ReadError
    findings: tuple[Finding, ...] = ()
    errors: tuple[str, ...] = ()
    summaries: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Checked:
    """A readable file after the step: its result, with the rules that ran on it and the
    configuration they came from (for the later, whole-run stages)."""

    result: FileResult
    rules: Sequence[Rule]
    config: Config

    @property
    def document(self) -> Document:
        return self.result.document


# --- the three calls into check kinds -----------------------------------------------------

def document_hits(rule: Rule, document: Document, analysis: Analysis) -> list[Hit]:
    """A document-scope rule's hits in one document."""
    return list(rule.compiled.run(document, analysis))


def summarise(rule: Rule, document: Document, analysis: Analysis) -> Any:
    """A run-scope rule's summary of one document (plain data, for the results cache)."""
    return rule.compiled.summarise(document, analysis)


def compare(rule: Rule, members: list[tuple[Document, Any]]) -> list[tuple[str, Hit]]:
    """A run-scope rule over (document, summary) pairs: (path, hit) for each finding."""
    return list(rule.compiled.compare(members))


def scope(rule: Rule) -> str:
    """"document" for a rule that sees one document, "run" for one that compares them."""
    return checks.get(rule.check).scope


def summary_is_data(rule: Rule) -> bool:
    """Whether a run-scope rule sums a document up as plain data (which can be cached): a
    compiled kind always does; one given as plain functions only with a prepare step."""
    kind = checks.get(rule.check)
    return kind.compile is not None or kind.prepare is not None


# --- the step ------------------------------------------------------------------------------

def lint(document: Document, rules: Sequence[Rule],
         analysis: Analysis | None = None) -> FileResult:
    """Run `rules` over one document: reader problems and document-scope findings, and each
    run-scope rule's summary. All rules together share one time budget for pack patterns."""
    if analysis is None:
        analysis = Analysis(document)
    errors: list[str] = []
    with patterns.budget(patterns.document_seconds(document.text), ALL_RULES):
        findings = _document_findings(document, analysis, rules, errors)
        summaries = _summaries(document, analysis, rules, errors)
    return FileResult(document, tuple(findings), tuple(errors), summaries)


def _document_findings(document: Document, analysis: Analysis, rules: Sequence[Rule],
                       errors: list[str]) -> list[Finding]:
    by_name = {rule.name: rule for rule in rules}
    found: list[Finding] = []
    for line, column, message in document.problems:
        finding = own_finding(by_name.get(SCHEMA), document.path, line, column, message,
                              document)
        if finding:
            found.append(finding)
    known = known_names(rules)
    for rule in rules:
        if scope(rule) != "document":
            continue
        try:
            with patterns.budget(patterns.rule_seconds(document.text), f"rule {rule.name}"):
                mine = [(hit_finding(rule, document, hit), hit.args.get(MENTION_GROUP))
                        for hit in document_hits(rule, document, analysis)]
            found.extend(_first_mentions(document, rule, mine, known))
        except Exception as exc:  # a faulty (plugin) check must not stop the other files
            _rule_failed(errors, document, rule, exc)
    return found


def _summaries(document: Document, analysis: Analysis, rules: Sequence[Rule],
               errors: list[str]) -> dict:
    """Each run-scope rule's summary of the document (rule name -> plain data)."""
    prepared = {}
    for rule in rules:
        if scope(rule) != "run":
            continue
        try:
            with patterns.budget(patterns.rule_seconds(document.text), f"rule {rule.name}"):
                prepared[rule.name] = summarise(rule, document, analysis)
        except Exception as exc:
            _rule_failed(errors, document, rule, exc)
    return prepared


def _first_mentions(document: Document, rule: Rule, mine: list[tuple[Finding, object]],
                    known: dict[str, str]) -> list[Finding]:
    """Of the findings in one mention group (a term in a section), the first that is not
    silenced in place; silenced ones are kept for the suppression stage to drop (and to
    count as used)."""
    if all(group is None for _finding, group in mine):
        return [finding for finding, _group in mine]
    shown = {id(f) for f in apply_suppressions(document, [f for f, _g in mine], known,
                                                {rule.name})[0]}
    seen: set = set()
    kept = []
    for finding, group in mine:
        if group is not None and id(finding) in shown:
            if group in seen:
                continue
            seen.add(group)
        kept.append(finding)
    return kept


def _rule_failed(errors: list[str], document: Document, rule: Rule, exc: Exception) -> None:
    message = f"{document.path}: rule {rule.name} failed: {type(exc).__name__}: {exc}"
    if isinstance(exc, patterns.PatternTimeout) and str(exc).startswith(ALL_RULES):
        # The document's shared budget ran out: said once, not once for every later rule.
        message = f"{document.path}: {exc}"
        if message in errors:
            return
    errors.append(message)
