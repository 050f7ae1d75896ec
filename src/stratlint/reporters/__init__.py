"""Output formats, one small module each, looked up by name."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TextIO

from ..engine import Report

FORMATS = {
    "text": "stratlint.reporters.text",
    "json": "stratlint.reporters.json_report",
}


@dataclass(frozen=True)
class Options:
    color: bool = False
    quiet: bool = False
    statistics: bool = False


def write(name: str, report: Report, stream: TextIO, options: Options) -> None:
    module = importlib.import_module(FORMATS[name])
    module.write(report, stream, options)
