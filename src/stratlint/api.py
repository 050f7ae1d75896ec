"""The Python API: what the CLI calls, and what other programs can call."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping

from .config import Config, ConfigFinder, from_mapping
from .discover import discover
from .errors import ReadError
from .findings import Finding
from .run.pipeline import lint_documents
from .run.result import RunResult
from .run.rulebook import RuleBook
from .run.sources import Source, read_string


def _as_config(config: Config | Mapping | str | Path | None) -> Config | None:
    if config is None or isinstance(config, Config):
        return config
    if isinstance(config, (str, Path)):
        from .config import load_file

        return load_file(Path(config))
    return from_mapping(config, "configuration")


def lint_text(text: str, path: str = "x.md", config: Config | Mapping | None = None) -> list[Finding]:
    """Lint a string as if it were the file `path` (its extension picks the reader)."""
    chosen = _as_config(config) or Config()
    report = lint_documents([Source(read_string(text, path), path, chosen)])
    _raise_internal(report)
    return report.findings


def run_paths(paths: Iterable[str | Path], config: Config | Mapping | None = None,
              overrides: Mapping | None = None, keep_documents: bool = False,
              jobs: int | None = None, progress=None, cache=None, force_exclude: bool = False,
              skipped: list | None = None) -> RunResult:
    """Discover and check files; the whole RunResult (findings, file count, internal errors).
    With keep_documents, RunResult.documents also holds each Document and its Analysis.
    `cache` (a cache.results.ResultsCache) reuses the results of unchanged files.
    `force_exclude` and `skipped` are discover()'s: which files are left out, and why."""
    if isinstance(paths, (str, Path)):
        paths = [paths]   # one path, not a string of one-letter paths
    finder = ConfigFinder(_as_config(config))
    overrides = dict(overrides or {})
    sources = []
    overridden: dict[int, Config] = {}   # one overridden copy per config file
    for target in discover([str(p) for p in paths], finder, force_exclude, skipped):
        base = finder.for_path(target.path)
        if id(base) not in overridden:
            overridden[id(base)] = base.overridden(**overrides)
        chosen = overridden[id(base)]
        # Files are read where they are checked (in a worker process when jobs > 1).
        source = ReadError(target.missing) if target.missing else target.path
        sources.append(Source(source, target.display, chosen))
    return lint_documents(sources, RuleBook(), keep_documents=keep_documents, jobs=jobs,
                          progress=progress, cache=cache)


def lint_paths(paths: Iterable[str | Path], config: Config | Mapping | None = None) -> list[Finding]:
    """Lint files and folders (folders are searched for strategy documents)."""
    report = run_paths(paths, config)
    _raise_internal(report)
    return report.findings


def _raise_internal(report: RunResult) -> None:
    if report.errors:
        from .errors import StratlintError

        raise StratlintError(report.errors[0])


def assess_paths(paths: Iterable[str | Path], config: Config | Mapping | str | Path | None = None):
    """The board assurance report's data (an assurance.Assessment) for files and folders."""
    from .output.assurance.assess import assess

    return assess(run_paths(paths, config, keep_documents=True))
