"""The user's own cache: compiled rule packs (besides the built-in one, which ships
compiled), so that a run does not re-validate unchanged packs, and the syllable counts of
words the pronouncing dictionary lacks.

It holds data only (JSON), never code, and lives in the user's cache folder, not in the
repository being checked. STRATLINT_CACHE_DIR moves it; STRATLINT_NO_CACHE=1 turns it off.
Any problem reading or writing it is ignored: the work is then simply done again.
"""
from __future__ import annotations

import hashlib
import json
import os
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
    from ..packs.plugins import installed

    return installed()


def pack_key(files: list[Path], extra_lexicons, include_plugins: bool) -> str:
    from .. import __version__

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


def read_packs(cache_key: str) -> list | None:
    data = load(f"packs-{cache_key}.json")
    return data if isinstance(data, list) else None


def write_packs(cache_key: str, rules: list) -> None:
    save(f"packs-{cache_key}.json", rules)


def load(name: str):
    """The JSON data stored under `name`, or None."""
    where = folder()
    if where is None:
        return None
    try:
        return json.loads((where / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def save(name: str, data) -> None:
    where = folder()
    if where is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True)
        write_json(where / name, data)
    except (OSError, TypeError, ValueError):
        pass


def write_json(path: Path, data) -> None:
    """Replace `path` with `data` as JSON in one step, so a reader never sees half a file.
    Raises OSError, TypeError or ValueError for the caller to ignore."""
    from ..safety.files import replace_file

    replace_file(path, json.dumps(data, ensure_ascii=False))   # json.dump is pure Python


SECRET = "secret"


def secret() -> bytes | None:
    """This user's key for signing results-cache entries, made on first use; None when the
    user cache is off or unusable. It lives outside every repository, so an entry signed
    with it cannot have come from a repository under check."""
    from ..safety.files import private_folder_problem

    where = folder()
    if where is None:
        return None
    try:
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        if private_folder_problem(where):
            return None
        path = where / SECRET
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        except FileExistsError:
            handle = os.open(path, os.O_RDONLY | _NOFOLLOW)
            with os.fdopen(handle, "rb") as stream:
                key = stream.read(256)
            return key if len(key) >= 32 else None
        with os.fdopen(handle, "wb") as stream:
            key = os.urandom(32).hex().encode()
            stream.write(key)
        return key
    except OSError:
        return None


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
