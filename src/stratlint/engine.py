"""Run rules over documents: read, analyse, check, suppress, and stamp each finding."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from . import checks
from . import patterns
from .analysis import Analysis
from .checks import Hit
from .checks.matching import MENTION_GROUP
from .config import Config, effective_rules, matches
from .document import Document
from .errors import ReadError
from .findings import Finding
from .fixes import safe_fix
from .packs import Rule, load_rules
from .readers import read_bytes, read_file_bytes, read_path, read_text
from .suppress import apply as apply_suppressions

UNREADABLE = "unreadable-file"
SCHEMA = "schema-violation"
UNUSED_SUPPRESSION = "unused-suppression"


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    errors: list[str] = field(default_factory=list)   # internal problems: exit code 2
    # The source line of each finding, so reporters can show it without re-reading files.
    source_lines: dict[tuple[str, int], str] = field(default_factory=dict)
    # Every rule that ran (name -> Rule) and every file checked (display path, in order), for
    # reporters that describe the rules (SARIF) or list clean files too (JUnit).
    rules: dict[str, Rule] = field(default_factory=dict)
    paths: list[str] = field(default_factory=list)
    # Only with lint_documents(keep_documents=True), for the assurance report: display path ->
    # (Document, Analysis, names of the rules that ran on it).
    documents: dict[str, tuple] = field(default_factory=dict)


class RuleBook:
    """Loaded packs and each config's effective rules, computed once per run."""

    def __init__(self):
        self._packs: dict[tuple, dict[str, Rule]] = {}
        self._effective: dict[int, tuple[Config, list[Rule]]] = {}
        self._fingerprints: dict[int, str] = {}
        self._scanners: dict[int, patterns.Scanner] = {}

    def all_rules(self, config: Config) -> dict[str, Rule]:
        key = (config.rule_paths, tuple(sorted((k, tuple(v)) for k, v in config.lexicons.items())))
        if key not in self._packs:
            self._packs[key] = load_rules(config.rule_paths, dict(config.lexicons))
        return self._packs[key]

    def rules_for(self, config: Config) -> list[Rule]:
        entry = self._effective.get(id(config))
        if entry is None:
            entry = (config, effective_rules(config, self.all_rules(config)))
            self._effective[id(config)] = entry   # keeps config alive so its id stays unique
        return entry[1]

    def scanner_for(self, config: Config) -> patterns.Scanner:
        """The phrase sets of a config's rules, for the one scan of each block (compiling
        every rule once, before any worker starts)."""
        if id(config) not in self._scanners:
            self._scanners[id(config)] = patterns.Scanner(
                phrase_set for rule in self.rules_for(config)
                for phrase_set in rule.compiled.phrase_sets)
        return self._scanners[id(config)]

    def fingerprint(self, config: Config) -> str:
        """Everything besides a file's content that decides its results: the effective rules
        (with their options), the size limit, and the code that runs them."""
        if id(config) not in self._fingerprints:
            import hashlib
            import json

            from .packs import _thaw
            from .results_cache import code_fingerprint

            rules = self.rules_for(config)
            described = [[r.name, r.code, str(r.severity), r.check, _thaw(r.options), r.message]
                         for r in rules]
            if any(r.check not in checks.BUILTIN for r in rules):
                from .user_cache import installed_plugins

                described.append(installed_plugins())   # a plugin upgrade changes results
            described.append([config.max_file_size, code_fingerprint()])
            text = json.dumps(described, sort_keys=True, default=str)
            self._fingerprints[id(config)] = hashlib.sha256(text.encode()).hexdigest()
        return self._fingerprints[id(config)]


def _finding(rule: Rule, document: Document, hit: Hit) -> Finding:
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


def _engine_finding(rule: Rule | None, path: str, line: int, column: int, message: str,
                    document: Document | None = None) -> Finding | None:
    if rule is None:
        return None
    excerpt = document.source_line(line).strip() if document else ""
    page, page_line = (document.page_position(line) if document else None) or (None, None)
    return Finding(path=path, line=line, column=column, rule=rule.name, code=rule.code,
                   severity=rule.severity, message=message, end_line=line,
                   end_column=column, excerpt=excerpt, page=page, page_line=page_line)


def run_document_checks(document: Document, analysis: Analysis, rules: Sequence[Rule],
                        report: Report) -> list[Finding]:
    """Findings of the document-scope rules (and reader problems) for one document."""
    by_name = {rule.name: rule for rule in rules}
    found: list[Finding] = []
    for line, column, message in document.problems:
        finding = _engine_finding(by_name.get(SCHEMA), document.path, line, column, message,
                                  document)
        if finding:
            found.append(finding)
    known = _known_names(rules)
    for rule in rules:
        if checks.get(rule.check).scope != "document":
            continue
        try:
            with patterns.budget(patterns.rule_seconds(document.text), f"rule {rule.name}"):
                mine = [(_finding(rule, document, hit), hit.args.get(MENTION_GROUP))
                        for hit in rule.compiled.run(document, analysis)]
            found.extend(_first_mentions(document, rule, mine, known))
        except Exception as exc:  # a faulty (plugin) check must not stop the other files
            _rule_failed(report, document, rule, exc)
    return found


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


def _rule_failed(report: Report, document: Document, rule: Rule, exc: Exception) -> None:
    message = f"{document.path}: rule {rule.name} failed: {type(exc).__name__}: {exc}"
    if isinstance(exc, patterns.PatternTimeout) and str(exc).startswith(_ALL_RULES):
        # The document's shared budget ran out: said once, not once for every later rule.
        message = f"{document.path}: {exc}"
        if message in report.errors:
            return
    report.errors.append(message)


_ALL_RULES = "all rules together"


def prepare_run_checks(document: Document, analysis: Analysis, rules: Sequence[Rule],
                       report: Report) -> dict:
    """Each run-scope rule's summary of one document (rule name -> plain data)."""
    prepared = {}
    for rule in rules:
        if checks.get(rule.check).scope != "run":
            continue
        try:
            with patterns.budget(patterns.rule_seconds(document.text), f"rule {rule.name}"):
                prepared[rule.name] = rule.compiled.summarise(document, analysis)
        except Exception as exc:
            _rule_failed(report, document, rule, exc)
    return prepared


def run_cross_document_checks(checked: list, report: Report) -> None:
    """Run-scope rules see every document that has them switched on, at once.
    `checked` holds (document, prepared summaries, rules, findings so far) per document."""
    rule_names = {name for _doc, prepared, _rules, _found in checked for name in prepared}
    for name in sorted(rule_names):
        members = [(doc, prepared[name], next(r for r in rules if r.name == name), found)
                   for doc, prepared, rules, found in checked if name in prepared]
        first_rule = members[0][2]
        by_path = {doc.path: (doc, rule, found) for doc, _summary, rule, found in members}
        try:
            hits = list(first_rule.compiled.compare(
                [(doc, summary) for doc, summary, _rule, _found in members]))
        except Exception as exc:
            report.errors.append(f"rule {name} failed: {type(exc).__name__}: {exc}")
            continue
        for path, hit in hits:
            doc, rule, found = by_path[path]
            found.append(_finding(rule, doc, hit))


def finish_document(document: Document, found: list[Finding], rules: Sequence[Rule],
                    known: dict[str, str]) -> list[Finding]:
    """Apply inline suppressions and report the ones that are unknown or unused."""
    by_name = {rule.name: rule for rule in rules}
    kept, problems = apply_suppressions(document, found, known, set(by_name))
    kept = _one_per_commitment(kept, by_name)
    unused = by_name.get(UNUSED_SUPPRESSION)
    for directive, token, reason in problems:
        if reason == "unknown":
            message = f"'{directive.describe()}' names unknown rule '{token}'"
        else:
            message = f"'{directive.describe()}' silenced nothing; remove it"
        finding = _engine_finding(unused, document.path, directive.line, 1, message, document)
        if finding:
            kept.append(finding)
    return kept


def _one_per_commitment(found: list[Finding], by_name: dict[str, Rule]) -> list[Finding]:
    """A commitment that lacks several parts gets one finding from each part's rule, each
    naming everything it lacks (the same words before the advice, on the same span): keep
    the one with the lowest code, so it is said once whichever rules are on."""
    seen: set[tuple] = set()
    kept = []
    for finding in sorted(found, key=lambda f: f.code):
        rule = by_name.get(finding.rule)
        if rule is not None and rule.check == "commitments":
            key = (finding.line, finding.column, finding.end_line, finding.end_column,
                   finding.message.split("; ", 1)[0])
            if key in seen:
                continue
            seen.add(key)
        kept.append(finding)
    return kept


def _known_names(rules: Iterable[Rule]) -> dict[str, str]:
    known = {}
    for rule in rules:
        known[rule.name] = rule.name
        known[rule.code] = rule.name
    return known


def _check_one(source, display: str, config: Config, book: RuleBook, rule_jobs: int = 1):
    """Read (when given a path or a file's bytes) and run the document-scope rules on one
    file, and the run-scope rules' per-document step; a large document's rules are shared
    among `rule_jobs` processes.

    Returns (document or read error, findings, internal errors, run-scope summaries). Pure
    enough to run in a worker process: everything it returns pickles.
    """
    if isinstance(source, Path):
        source = _guarded(read_path, source, display, config.max_bytes)
    elif isinstance(source, bytes):
        source = _guarded(read_bytes, source, display, config.max_bytes)
    if isinstance(source, ReadError):
        return source, [], [], {}
    rules = book.rules_for(config)
    analysis = Analysis(source, book.scanner_for(config))
    if rule_jobs > 1 and len(source.text) >= SHARE_RULES_FROM and _can_fork():
        found, errors, prepared = _rules_shared_out(source, analysis, rules, rule_jobs)
    else:
        found, errors, prepared = _rules_run(source, analysis, rules)
    return source, found, errors, prepared


def _rules_run(document: Document, analysis: Analysis, rules: Sequence[Rule]):
    scratch = Report()
    with patterns.budget(patterns.document_seconds(document.text), _ALL_RULES):
        found = run_document_checks(document, analysis, rules, scratch)
        prepared = prepare_run_checks(document, analysis, rules, scratch)
    return found, scratch.errors, prepared


# A document this long (about 30,000 words) has its rules run by several processes at once
# when there are cores to spare; below it, starting them costs more than they save.
SHARE_RULES_FROM = 200_000

# What forked workers inherit: the run's items and rule book, or one document and its rules
# (nothing is pickled going in).
_WORK: tuple = ()


def _rule_work(index: int):
    document, analysis, rules = _WORK
    return _rules_run(document, analysis, rules[index:index + 1])


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


def _rules_shared_out(document: Document, analysis: Analysis, rules: Sequence[Rule],
                      jobs: int):
    """Each rule in whichever worker is free: the same findings as running them in turn
    (every rule is independent; each worker works out the analysis its rules ask for)."""
    found, errors, prepared = [], [], {}
    for rule_found, rule_errors, rule_prepared in _forked(
            _rule_work, len(rules), jobs, (document, analysis, list(rules))):
        found.extend(rule_found)
        errors.extend(rule_errors)
        prepared.update(rule_prepared)
    return found, errors, prepared


def _work(index: int):
    items, book, keep_documents = _WORK
    source, display, config = items[index]
    document, found, errors, prepared = _check_one(source, display, config, book)
    if isinstance(document, Document) and not keep_documents:
        document = document.located()   # the parse tree is not needed again: do not ship it
    return document, found, errors, prepared


def _checked_in_order(items: list, book: RuleBook, jobs: int, progress=None,
                      keep_documents: bool = False, rule_jobs: int = 1) -> list:
    """_check_one for every item, across `jobs` processes where the platform can fork (files
    checked one by one share a large document's rules among `rule_jobs` processes instead).
    `progress(done, total)` is called as each file finishes, in order."""
    if jobs > 1 and len(items) > 1 and _can_fork():
        checked = _forked(_work, len(items), jobs, (items, book, keep_documents))
    else:
        checked = (_check_one(source, display, config, book, rule_jobs)
                   for source, display, config in items)
    results = []
    for result in checked:
        results.append(result)
        if progress:
            progress(len(results), len(items))
    return results


def _can_fork() -> bool:
    import multiprocessing   # imported only for runs with several files to share out

    return "fork" in multiprocessing.get_all_start_methods()


def default_jobs(count: int) -> int:
    """One process per core, but not for a handful of files, where starting workers costs
    more than it saves (a pre-commit hook usually checks one or two)."""
    return min(os.cpu_count() or 1, count) if count >= 4 else 1


def lint_documents(sources: Iterable[tuple[Document | ReadError | Path, str, Config]],
                   book: RuleBook | None = None, keep_documents: bool = False,
                   jobs: int | None = None, progress=None, cache=None) -> Report:
    """Check (document, read error or path; display path; config) triples; one Report.

    The output is the same whatever `jobs` is, and whether results come from `cache` (a
    results_cache.ResultsCache) or not: files are checked independently, then the
    cross-document rules, suppressions and ordering happen here, in one process.
    """
    book = book or RuleBook()
    report = Report()
    items = list(sources)
    for _source, _display, config in items:
        book.scanner_for(config)   # load and compile rules before forking, so workers share them
    if keep_documents or not _cacheable(items, book):
        cache = None
    results: list = [None] * len(items)
    if cache is not None:
        items = _from_cache(items, book, cache, results)
    todo = [index for index, result in enumerate(results) if result is None]
    done_before = len(items) - len(todo)
    counted = (lambda done, _total: progress(done_before + done, len(items))) if progress \
        else None
    fresh = _checked_in_order([items[i] for i in todo], book,
                              jobs or default_jobs(len(todo)), counted, keep_documents,
                              rule_jobs=jobs or os.cpu_count() or 1)
    for index, result in zip(todo, fresh):
        results[index] = result
        source, display, config = items[index]
        document, found, errors, prepared = result
        if cache is not None and isinstance(source, bytes) and isinstance(document, Document) \
                and not errors:
            cache.store(display, source, book.fingerprint(config), document, found, prepared)
    checked = []   # (document, prepared, rules, findings, config) for the later passes
    for (_source, display, config), (source, found, errors, prepared) in zip(items, results):
        report.files += 1
        report.paths.append(display)
        report.errors.extend(errors)
        rules = book.rules_for(config)
        if isinstance(source, ReadError):
            unreadable = next((r for r in rules if r.name == UNREADABLE), None)
            if unreadable is None:
                # --select narrows what is checked in a document; a file that could not be
                # checked at all is still reported, unless unreadable-file is ignored outright.
                fallback = book.all_rules(config).get(UNREADABLE)
                if fallback is not None and not any(matches(t, fallback) for t in config.ignore):
                    unreadable = fallback
            finding = _engine_finding(unreadable, display, 1, 1, f"cannot read: {source}")
            if finding:
                report.rules.setdefault(unreadable.name, unreadable)
                report.findings.append(finding)
            continue
        for rule in rules:
            report.rules.setdefault(rule.name, rule)
        checked.append((source, prepared, rules, found, config))
    run_cross_document_checks([item[:4] for item in checked], report)
    for document, _prepared, rules, found, config in checked:
        known = _known_names(book.all_rules(config).values())
        kept = finish_document(document, found, rules, known)
        for finding in kept:
            report.source_lines[(finding.path, finding.line)] = document.source_line(finding.line)
        report.findings.extend(kept)
        if keep_documents:
            analysis = Analysis(document, book.scanner_for(config))
            report.documents[document.path] = (document, analysis,
                                               frozenset(r.name for r in rules))
    report.findings.sort(key=Finding.sort_key)   # one key per finding, not a call per comparison
    return report


def _cacheable(items: list, book: RuleBook) -> bool:
    """Results can be cached only when every run-scope rule sums a document up as data."""
    kinds = [checks.get(rule.check) for _source, _display, config in items
             for rule in book.rules_for(config)]
    return all(kind.compile is not None or kind.prepare is not None
               for kind in kinds if kind.scope == "run")


def _from_cache(items: list, book: RuleBook, cache, results: list) -> list:
    """Fill `results` with cached results where a file is unchanged. Returns the items with
    each remaining path replaced by its bytes (or read error), so workers do not read again
    and fresh results can be stored under the content they came from."""
    loaded = []
    for index, (source, display, config) in enumerate(items):
        if isinstance(source, Path):
            source = _guarded(read_file_bytes, source, display, config.max_bytes)
        if isinstance(source, bytes):
            hit = cache.load(display, source, book.fingerprint(config))
            if hit is not None:
                results[index] = (hit.document, hit.findings, [], hit.prepared)
                source = items[index][0]   # done with: do not hold its bytes
        loaded.append((source, display, config))
    return loaded


def _guarded(read, *args):
    """Any failure to read or parse becomes a ReadError (returned): reported, never a
    traceback."""
    try:
        return read(*args)
    except ReadError as exc:
        return exc
    except RecursionError:
        return ReadError("structure nested too deeply to parse")
    except Exception as exc:  # a parser bug on odd input must not stop the other files
        return ReadError(f"could not parse ({type(exc).__name__}: {exc})")


def read_string(text: str, display: str) -> Document | ReadError:
    return _guarded(read_text, text, display)
