"""The lint pipeline: sources in, one RunResult out.

    Source -> [results cache] -> processes (read + lint per file) -> cross-document pass
           -> inline suppressions -> RunResult

Files are checked independently (in worker processes where there are several), then the
cross-document rules, suppressions and ordering happen here, in one process, so the output
is the same whatever the number of processes and whether results came from the cache.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Iterable

from .. import filters
from ..analysis import Analysis
from ..config import Config, matches
from ..document import Document
from ..errors import ReadError
from ..filters.suppress import known_names
from ..findings import Finding
from ..packs import Rule
from . import processes
from .cross_document import compare_all
from .lint import Checked, scope, summary_is_data
from .result import CheckedDocument, RunResult
from .rulebook import RuleBook
from .sources import Source
from .stamp import own_finding

UNREADABLE = "unreadable-file"


def lint_documents(sources: Iterable[Source | tuple[Document | ReadError | Path | bytes, str,
                                                     Config]],
                   book: RuleBook | None = None, keep_documents: bool = False,
                   jobs: int | None = None, progress=None, cache=None) -> RunResult:
    """Check every Source (or (content, display path, config) triple); one RunResult.

    `cache` (a cache.results.ResultsCache) serves unchanged files' results; `jobs` is the
    number of processes (default: one per core for more than a few files); `progress(done,
    total)` is told as each file finishes; with `keep_documents`, RunResult.documents holds
    each document and its analysis (for the assurance report).
    """
    book = book or RuleBook()
    sources = [Source.of(item) for item in sources]
    for source in sources:
        book.scanner_for(source.config)   # compile rules before forking, for the workers

    def check(todo: list[Source], counted) -> list:
        return processes.check_files(todo, book, jobs, counted, keep_documents)

    cached = None
    if cache is not None and not keep_documents and _cacheable(sources, book):
        from ..cache.results import CachedRun

        cached = CachedRun(cache, book)
    results = cached.results(sources, check, progress) if cached else check(sources, progress)

    report = RunResult()
    checked: list[Checked] = []
    for source, result in zip(sources, results):
        report.files += 1
        report.paths.append(source.display)
        report.errors.extend(result.errors)
        rules = book.rules_for(source.config)
        if isinstance(result.document, ReadError):
            _report_unreadable(report, source, result.document, book)
            continue
        for rule in rules:
            report.rules.setdefault(rule.name, rule)
        checked.append(Checked(result, rules, source.config))

    cross = (cached.cross_document(len(checked), lambda: compare_all(checked)) if cached
             else compare_all(checked))
    report.errors.extend(cross.errors)
    for item, extra in zip(checked, cross.findings):
        result = replace(item.result, findings=item.result.findings + extra)
        known = known_names(book.all_rules(item.config).values())
        result = filters.inline_suppressions(result, item.rules, known)
        result = filters.one_per_commitment(result, item.rules)
        document = result.document
        for finding in result.findings:
            report.source_lines[(finding.path, finding.line)] = document.source_line(finding.line)
        report.findings.extend(result.findings)
        if keep_documents:
            analysis = Analysis(document, book.scanner_for(item.config))
            report.documents[document.path] = CheckedDocument(
                document, analysis, frozenset(r.name for r in item.rules))
    report.findings.sort(key=Finding.sort_key)   # one key per finding, not a call per comparison
    return report


def _report_unreadable(report: RunResult, source: Source, error: ReadError,
                       book: RuleBook) -> None:
    rule: Rule | None = next((r for r in book.rules_for(source.config)
                              if r.name == UNREADABLE), None)
    if rule is None:
        # --select narrows what is checked in a document; a file that could not be checked
        # at all is still reported, unless unreadable-file is ignored outright.
        fallback = book.all_rules(source.config).get(UNREADABLE)
        if fallback is not None and not any(matches(t, fallback) for t in source.config.ignore):
            rule = fallback
    finding = own_finding(rule, source.display, 1, 1, f"cannot read: {error}")
    if finding:
        report.rules.setdefault(rule.name, rule)
        report.findings.append(finding)


def _cacheable(sources: list[Source], book: RuleBook) -> bool:
    """Results can be cached only when every run-scope rule sums a document up as data."""
    return all(summary_is_data(rule) for source in sources
               for rule in book.rules_for(source.config) if scope(rule) == "run")
