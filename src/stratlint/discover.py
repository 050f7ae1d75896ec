"""Turn the paths a user gave into the list of files to check."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .config import ConfigFinder
from .safe_files import lies_within

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
    """Files under `folder`, and a Target for each folder that cannot be listed.

    Symlinks are followed only while they stay inside `folder`: a committed link to
    ~/.git-credentials or /etc must not have its contents printed as findings."""
    real = folder.resolve()
    seen: set[tuple[int, int]] = set()
    unlisted: list[OSError] = []
    for root, dirs, files in os.walk(folder, followlinks=True, onerror=unlisted.append):
        yield from _unlisted(unlisted, folder)
        try:
            stat = os.stat(root)
        except OSError:
            continue
        key = (stat.st_dev, stat.st_ino)
        if key in seen:   # a symlink loop: each real folder is walked once
            dirs[:] = []
            continue
        seen.add(key)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS
                         and _stays_inside(Path(root) / d, real)
                         and not finder.for_path(Path(root) / d / "x").excludes(Path(root) / d))
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith(".") or name in SKIP_FILES:
                continue
            if (path.suffix.lower() in EXTENSIONS and _stays_inside(path, real)
                    and not finder.for_path(path).excludes(path)):
                yield path
    yield from _unlisted(unlisted, folder)


def _unlisted(errors: list[OSError], folder: Path):
    """A Target for each folder the walk could not list (taken out of `errors`)."""
    while errors:
        error = errors.pop(0)
        where = Path(error.filename) if error.filename else folder
        yield Target(where, _display(where), f"cannot list folder ({error.strerror or error})")


def _stays_inside(path: Path, real_folder: Path) -> bool:
    # A link loop is kept, so that reading it says why it fails.
    return not path.is_symlink() or lies_within(path, real_folder, unresolvable=True)


def discover(paths: list[str], finder: ConfigFinder) -> list[Target]:
    """Files to check, in a stable order. Files named directly are always checked, even
    through a symlink: naming it is the user's choice."""
    targets: list[Target] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                found = list(_walk(path, finder))
            elif path.exists() or path.is_symlink():
                found = [path]
            else:
                targets.append(Target(path, printable(raw), "no such file or folder"))
                continue
        except OSError as exc:   # a folder on the way cannot be searched
            targets.append(Target(path, printable(raw), exc.strerror or str(exc)))
            continue
        for item in found:
            if isinstance(item, Target):
                targets.append(item)
                continue
            key = _identity(item)
            if key not in seen:
                seen.add(key)
                targets.append(Target(item, _display(item)))
    return targets


def _identity(path: Path) -> str:
    try:
        return str(path.resolve()) if path.exists() else str(path)
    except (OSError, RuntimeError):
        return str(path)
