"""One line per finding, without the source excerpt (ruff's concise output)."""
from __future__ import annotations

from dataclasses import replace

from . import text


def write(report, stream, options) -> None:
    text.write(report, stream, replace(options, excerpts=False))
