"""Lint output formats (`stratlint check --format`), one small module each.

A lint reporter is a module with ``write(report, stream, options) -> None``: it writes the
findings of one run (a run.result.RunResult) to a text stream. It is registered in
stratlint.registry.LINT_FORMATS, and imported only when its format is chosen.
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TextIO

from ...registry import AUTO_LINT_FORMAT as AUTO
from ...registry import LINT_FORMATS as FORMATS

if TYPE_CHECKING:
    from ...run.result import RunResult


@dataclass(frozen=True)
class Options:
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    excerpts: bool = True   # the source line and a marker under each finding (text format)


class LintReporter(Protocol):
    """What a reporter module provides."""

    def write(self, report: RunResult, stream: TextIO, options: Options) -> None: ...


def resolve(name: str, environ=None) -> str:
    """'auto' is GitHub annotations inside GitHub Actions and text everywhere else."""
    if name != AUTO:
        return name
    environ = os.environ if environ is None else environ
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def reporter(name: str) -> LintReporter:
    """The reporter module of a lint format (auto resolved)."""
    return importlib.import_module(FORMATS[resolve(name)].module)


def write(name: str, report: RunResult, stream: TextIO, options: Options) -> None:
    reporter(name).write(report, stream, options)
