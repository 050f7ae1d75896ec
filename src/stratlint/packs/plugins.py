"""Installed plugins: the entry points of stratlint's groups, looked up once per process.

Finding entry points through importlib.metadata costs tens of milliseconds (most of it the
import of importlib.metadata itself, which loads the email package), a tenth of checking a
short file. Most installations have no plugin, so the installed distributions' own
entry_points.txt files on sys.path are first read directly; only when one of them may name
a stratlint group, or when something there cannot be read that way (a zip, an egg, an
import hook that finds distributions), does importlib.metadata look them up, once.
"""
from __future__ import annotations

import os
import sys

CHECKS_GROUP = "stratlint.checks"
PACKS_GROUP = "stratlint.packs"
GROUPS = (CHECKS_GROUP, PACKS_GROUP)

_found: dict[str, tuple] | None = None


def entry_points(group: str) -> tuple:
    """The installed entry points of one of stratlint's groups."""
    global _found
    if _found is None:
        _found = {name: () for name in GROUPS}
        if may_have_plugins():
            from importlib.metadata import entry_points as installed

            everything = installed()   # one scan of the installed distributions for all groups
            _found = {name: tuple(everything.select(group=name)) for name in GROUPS}
    return _found[group]


def installed() -> list:
    """[group, name, value, version] of every installed plugin, sorted: part of the keys of
    caches whose contents a plugin upgrade changes."""
    found = []
    for group in GROUPS:
        for ep in entry_points(group):
            version = getattr(getattr(ep, "dist", None), "version", "")
            found.append([group, ep.name, ep.value, version])
    return sorted(found)


def may_have_plugins() -> bool:
    """False only when no distribution importlib.metadata would find declares a stratlint
    group: it looks in the same places (each folder on sys.path), and anything it could find
    there that is not a plain file answers True."""
    from importlib.machinery import PathFinder

    if any(hasattr(finder, "find_distributions") and finder is not PathFinder
           for finder in sys.meta_path):
        return True
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except (FileNotFoundError, PermissionError):
            continue   # importlib.metadata finds nothing there either
        except OSError:
            return True   # a zip file, or something else it may read
        if entry.lower().endswith(".egg"):
            return True
        for name in names:
            if name.lower().endswith((".dist-info", ".egg-info")) and _declares_a_group(
                    os.path.join(entry or ".", name, "entry_points.txt")):
                return True
    return False


def _declares_a_group(path: str) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except (FileNotFoundError, NotADirectoryError):
        return False   # a distribution without entry points (or a one-file .egg-info)
    except OSError:
        return True
    sections = (line.strip()[1:-1].strip() for line in text.splitlines()
                if line.strip().startswith("[") and line.strip().endswith("]"))
    return any(section in GROUPS for section in sections)
