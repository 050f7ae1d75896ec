"""Output formats, one small module each, looked up by name."""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from typing import TextIO

from ..lint_report import Report

FORMATS = {
    "text": "stratlint.reporters.text",
    "concise": "stratlint.reporters.concise",
    "json": "stratlint.reporters.json_report",
    "sarif": "stratlint.reporters.sarif",
    "github": "stratlint.reporters.github",
    "gitlab": "stratlint.reporters.gitlab",
    "junit": "stratlint.reporters.junit",
}
AUTO = "auto"


@dataclass(frozen=True)
class Options:
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    excerpts: bool = True   # the source line and a marker under each finding (text format)


def resolve(name: str, environ=None) -> str:
    """'auto' is GitHub annotations inside GitHub Actions and text everywhere else."""
    if name != AUTO:
        return name
    environ = os.environ if environ is None else environ
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def write(name: str, report: Report, stream: TextIO, options: Options) -> None:
    module = importlib.import_module(FORMATS[resolve(name)])
    module.write(report, stream, options)
