"""A cache of compiled rule packs, so that a run does not re-validate unchanged packs.

The cache holds data only (JSON), never code, and lives in the user's cache folder, not in
the repository being checked. STRATLINT_CACHE_DIR moves it; STRATLINT_NO_CACHE=1 turns it
off. Any problem reading or writing it is ignored: the packs are then simply compiled.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

FORMAT = 1


def folder() -> Path | None:
    if os.environ.get("STRATLINT_NO_CACHE"):
        return None
    if os.environ.get("STRATLINT_CACHE_DIR"):
        return Path(os.environ["STRATLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "stratlint"


def installed_plugins() -> list:
    """Every installed stratlint plugin and its version."""
    from importlib.metadata import entry_points

    found = []
    for group in ("stratlint.checks", "stratlint.packs"):
        for ep in entry_points(group=group):
            version = getattr(getattr(ep, "dist", None), "version", "")
            found.append([group, ep.name, ep.value, version])
    return sorted(found)


def key(files: list[Path], extra_lexicons, include_plugins: bool) -> str:
    from . import __version__

    digest = hashlib.sha256()
    digest.update(json.dumps([FORMAT, __version__, sorted((extra_lexicons or {}).items()),
                              installed_plugins() if include_plugins else []], default=list).encode())
    for path in files:
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()[:32]


def read(cache_key: str) -> list | None:
    where = folder()
    if where is None:
        return None
    try:
        data = json.loads((where / f"packs-{cache_key}.json").read_text(encoding="utf-8"))
        return data if isinstance(data, list) else None
    except (OSError, ValueError):
        return None


def write(cache_key: str, rules: list) -> None:
    where = folder()
    if where is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(rules, stream, ensure_ascii=False)
        os.replace(temporary, where / f"packs-{cache_key}.json")   # atomic: never half-written
    except (OSError, TypeError, ValueError):
        pass
