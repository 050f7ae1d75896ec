"""Paths as findings report them: relative to the working folder (the repository root in
CI), with forward slashes."""
from __future__ import annotations

import os
from pathlib import Path


def relative_path(path: str) -> str | None:
    """`path` relative to the working folder (the repository root in CI), with forward
    slashes; None when it lies outside that folder."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return None
    text = os.path.normpath(str(candidate)).replace(os.sep, "/")
    if text == ".." or text.startswith("../"):
        return None
    return text


def display_path(path: str) -> str:
    """Repository-relative where possible, otherwise the path as given (forward slashes)."""
    return relative_path(path) or path.replace(os.sep, "/")
