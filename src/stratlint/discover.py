"""Turn the paths a user gave into the list of files to check."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .config import Config, ConfigFinder
from .registry import INPUT_EXTENSIONS as EXTENSIONS
from .registry import INPUT_FORMATS
from .safety.files import lies_within

# Folders that never hold a strategy worth checking.
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})
# YAML that is tooling configuration, not a strategy.
SKIP_FILES = frozenset({".stratlint.yaml", "stratlint.yaml", ".pre-commit-config.yaml",
                        ".pre-commit-hooks.yaml", "mkdocs.yml", "action.yml", "action.yaml"})


@lru_cache(maxsize=1)
def _well_known() -> re.Pattern:
    """Files nearly every repository has that are about the repository, not a strategy: left
    out of folder walks (and of --force-exclude runs) whatever their extension. Compiled on
    first use: a run on named files never needs it."""
    return re.compile(
        r"(readme|changelog|changes|history|contributing|contributors|authors|license|licence"
        r"|copying|notice|code_of_conduct|code-of-conduct|security|maintainers"
        r"|codeowners|citation|pull_request_template|issue_template)(\.[\w.-]*)?"
        r"|(requirements|constraints|dev-requirements|test-requirements)([\w.-]*)\.(txt|in)"
        r"|robots\.txt|llms\.txt",
        re.IGNORECASE)


YAML_SUFFIXES = INPUT_FORMATS["yaml"].extensions


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


def _yaml_is_strategy(path: Path, config: Config) -> bool:
    """A YAML file is checked only when its top level holds strategy fields besides a title:
    two or more, or one that is most of what it holds. Workflows, compose files (whose
    `services` is one field among others) and tool settings are left alone. YAML that does
    not parse is checked only when its name says strategy."""
    from .safety import yaml_loader
    from .resources import schema

    try:
        if not path.is_file():
            return True   # not a regular file (a FIFO, a device): the reader says why
        if path.stat().st_size > config.max_bytes:
            return True   # too big to look at here: checked, and reported as too large
        data = yaml_loader.load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml_loader.YamlError, RecursionError):
        return "strateg" in path.name.lower()
    if not isinstance(data, dict) or not data:
        return False
    fields = schema("strategy")["properties"]
    known = sum(1 for key in data if key in fields and key != "title")
    return known >= 2 or (known == 1 and 2 * (known + ("title" in data)) > len(data))


def skip_reason(path: Path, config: Config) -> str | None:
    """Why a folder walk leaves this file out, or None when it is to be checked."""
    name = path.name
    if name.startswith("."):
        return "hidden file"
    if path.suffix.lower() not in EXTENSIONS:
        return "not a file type stratlint reads"
    if name in SKIP_FILES:
        return "tool configuration, not a strategy"
    if _well_known().fullmatch(name):
        return "a repository file (README, CHANGELOG, licence, requirements ...), not a strategy"
    if not config.includes(path):
        return "not matched by the config's include globs"
    if config.excludes(path):
        return "matched by the config's exclude globs"
    if path.suffix.lower() in YAML_SUFFIXES and not _yaml_is_strategy(path, config):
        return "YAML that does not look like a structured strategy"
    return None


def _hidden_folder(path: Path) -> str | None:
    """A folder on the way to `path` that walks never enter (.github, node_modules ...)."""
    try:
        parts = path.resolve().relative_to(Path.cwd().resolve()).parts[:-1]
    except ValueError:
        parts = path.parts[:-1]
    return next((p for p in parts if (p.startswith(".") and p not in (".", ".."))
                 or p in SKIP_DIRS), None)


def _walk(folder: Path, finder: ConfigFinder, skipped: list | None = None):
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
            if not _stays_inside(path, real):
                if skipped is not None:
                    skipped.append((_display(path), "a link that leads outside the folder"))
                continue
            reason = skip_reason(path, finder.for_path(path))
            if reason is None:
                yield path
            elif skipped is not None and path.suffix.lower() in EXTENSIONS:
                skipped.append((_display(path), reason))
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


def discover(paths: list[str], finder: ConfigFinder, force_exclude: bool = False,
             skipped: list | None = None) -> list[Target]:
    """Files to check, in a stable order. Files named directly are always checked, unless
    `force_exclude` holds them to the same tests as a folder walk (for pre-commit, which
    names every staged file). Files left out are added to `skipped` as (path, reason)."""
    targets: list[Target] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                found = list(_walk(path, finder, skipped))
            elif path.exists() or path.is_symlink():
                reason = None
                if force_exclude:
                    folder = _hidden_folder(path)
                    reason = (f"inside {folder}/" if folder else
                              skip_reason(path, finder.for_path(path)))
                if reason is not None:
                    if skipped is not None:
                        skipped.append((_display(path), reason))
                    continue
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
