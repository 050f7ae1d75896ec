"""Turn the paths a user gave into the list of files to check."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .config import ConfigFinder

EXTENSIONS = (".md", ".markdown", ".txt", ".yaml", ".yml", ".html", ".htm", ".docx",
              ".pdf")
# Folders that never hold a strategy worth checking.
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})
# YAML that is tooling configuration, not a strategy.
SKIP_FILES = frozenset({".stratlint.yaml", "stratlint.yaml", ".pre-commit-config.yaml",
                        ".pre-commit-hooks.yaml", "mkdocs.yml", "action.yml", "action.yaml"})


@dataclass(frozen=True)
class Target:
    path: Path          # where to read it
    display: str        # how findings name it
    missing: str = ""   # why it cannot be read, when the user named something absent


def printable(name: str) -> str:
    """A file name as findings show it: bytes that are not UTF-8 (which Python keeps as lone
    surrogates) become U+FFFD, so every reporter can write the name. Reading uses the real path."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _display(path: Path) -> str:
    try:
        return printable(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return printable(str(path))


def _walk(folder: Path, finder: ConfigFinder):
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        stat = os.stat(root)
        key = (stat.st_dev, stat.st_ino)
        if key in seen:   # a symlink loop: each real folder is walked once
            dirs[:] = []
            continue
        seen.add(key)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS
                         and not finder.for_path(Path(root) / d / "x").excludes(Path(root) / d))
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith(".") or name in SKIP_FILES:
                continue
            if path.suffix.lower() in EXTENSIONS and not finder.for_path(path).excludes(path):
                yield path


def discover(paths: list[str], finder: ConfigFinder) -> list[Target]:
    """Files to check, in a stable order. Files named directly are always checked."""
    targets: list[Target] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = list(_walk(path, finder))
        elif path.exists() or path.is_symlink():
            found = [path]
        else:
            targets.append(Target(path, printable(raw), "no such file or folder"))
            continue
        for item in found:
            key = str(item.resolve()) if item.exists() else str(item)
            if key not in seen:
                seen.add(key)
                targets.append(Target(item, _display(item)))
    return targets
