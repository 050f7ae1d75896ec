"""Processes: the only module that knows about them.

It reads each Source and runs the per-document step on it, across forked worker processes
where the platform can fork: several files at once, or the rules of one large document
shared among the cores. Results come back in the order of the sources, and are the same
whatever the number of processes.
"""
from __future__ import annotations

import os
from dataclasses import replace
from typing import Callable, Sequence

from ..analysis import Analysis
from ..document import Document
from ..errors import ReadError
from ..packs import Rule
from . import lint
from .lint import FileResult
from .rulebook import RuleBook
from .sources import Source, read

# A document this long (about 30,000 words) has its rules run by several processes at once
# when there are cores to spare; below it, starting them costs more than they save.
SHARE_RULES_FROM = 200_000

# What forked workers inherit: the run's sources and rule book, or one document and its
# rules (nothing is pickled going in).
_WORK: tuple = ()


def default_jobs(count: int) -> int:
    """One process per core, but not for a handful of files, where starting workers costs
    more than it saves (a pre-commit hook usually checks one or two)."""
    return min(os.cpu_count() or 1, count) if count >= 4 else 1


def check_files(sources: Sequence[Source], book: RuleBook, jobs: int | None = None,
                progress: Callable[[int, int], None] | None = None,
                keep_documents: bool = False) -> list[FileResult]:
    """Each source's FileResult, in order, across `jobs` processes (default: one per core,
    for more than a few files). Files checked one by one share a large document's rules
    among the cores instead. `progress(done, total)` is called as each file finishes."""
    processes = jobs or default_jobs(len(sources))
    if processes > 1 and len(sources) > 1 and _can_fork():
        results = _forked(_file_work, len(sources), processes, (sources, book, keep_documents))
    else:
        rule_jobs = jobs or os.cpu_count() or 1
        results = (check_file(source, book, rule_jobs) for source in sources)
    done = []
    for result in results:
        done.append(result)
        if progress:
            progress(len(done), len(sources))
    return done


def check_file(source: Source, book: RuleBook, rule_jobs: int = 1) -> FileResult:
    """Read one source and run its rules; a large document's rules are shared among
    `rule_jobs` processes."""
    document = read(source)
    if isinstance(document, ReadError):
        return FileResult(document)
    rules = book.rules_for(source.config)
    analysis = Analysis(document, book.scanner_for(source.config))
    if rule_jobs > 1 and len(document.text) >= SHARE_RULES_FROM and _can_fork():
        return _rules_shared_out(document, analysis, rules, rule_jobs)
    return lint.lint(document, rules, analysis)


def _file_work(index: int) -> FileResult:
    sources, book, keep_documents = _WORK
    result = check_file(sources[index], book)
    if isinstance(result.document, Document) and not keep_documents:
        # The parse tree is not needed again: do not ship it back.
        result = replace(result, document=result.document.located())
    return result


def _rule_work(index: int) -> FileResult:
    document, analysis, rules = _WORK
    # The parent has the document: ship back only what the rule found, not the document
    # once per rule.
    return replace(lint.lint(document, rules[index:index + 1], analysis), document=None)


def _rules_shared_out(document: Document, analysis: Analysis, rules: Sequence[Rule],
                      jobs: int) -> FileResult:
    """Each rule in whichever worker is free: the same findings as running them in turn
    (every rule is independent; each worker works out the analysis its rules ask for)."""
    findings, errors, summaries = [], [], {}
    for part in _forked(_rule_work, len(rules), jobs, (document, analysis, list(rules))):
        findings.extend(part.findings)
        errors.extend(part.errors)
        summaries.update(part.summaries)
    return FileResult(document, tuple(findings), tuple(errors), summaries)


def _forked(work, count: int, jobs: int, shared: tuple):
    """work(0) ... work(count - 1) in `jobs` forked processes, results in order. The workers
    inherit `shared` as _WORK, so nothing is pickled going in."""
    global _WORK
    import multiprocessing

    _WORK = shared
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, count)) as pool:
            yield from pool.imap(work, range(count), chunksize=1)
    finally:
        _WORK = ()


def _can_fork() -> bool:
    import multiprocessing   # imported only for runs with several files to share out

    return "fork" in multiprocessing.get_all_start_methods()
