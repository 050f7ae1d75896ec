"""Installed plugins: the entry points of stratlint's groups, looked up once per process.

Finding entry points means reading every installed distribution's metadata (and importing
importlib.metadata), tens of milliseconds; a run needs them for check kinds, for rule packs
and for the cache keys that must change when a plugin does, so they are looked up once.
"""
from __future__ import annotations

CHECKS_GROUP = "stratlint.checks"
PACKS_GROUP = "stratlint.packs"
GROUPS = (CHECKS_GROUP, PACKS_GROUP)

_found: dict[str, tuple] | None = None


def entry_points(group: str) -> tuple:
    """The installed entry points of one of stratlint's groups."""
    global _found
    if _found is None:
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
