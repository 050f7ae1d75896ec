"""Reading and writing stratlint's own files (outputs, baselines, caches) without being steered
by the repository under check.

A repository can commit symbolic links, FIFOs or a cache folder of its own. So stratlint
never writes through a link: it writes a temporary file in the folder and renames it over the
target, which replaces a link rather than following it. It refuses targets that are not
regular files, and reads its own inputs only from regular files of bounded size.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from ..errors import StratlintError

# No baseline or cache entry stratlint writes comes near this; /dev/zero would never end.
MAX_READ = 256 * 1024 * 1024


def lies_within(path: Path, folder: Path, unresolvable: bool = False) -> bool:
    """Whether `path`, links followed, is inside the real folder `folder`; `unresolvable`
    is the answer for a path that cannot be resolved (a link loop)."""
    try:
        path.resolve().relative_to(folder)
        return True
    except ValueError:
        return False
    except (OSError, RuntimeError):
        return unresolvable


def _linked_folder(path: Path) -> Path | None:
    """The first folder on the way to `path`, below the working folder, that is a symlink.

    Links above the working folder are the user's own set-up (/tmp on macOS, say); links
    below it may have been committed by the repository under check."""
    here = Path.cwd()
    try:
        relative = path.absolute().relative_to(here)
    except ValueError:
        return None
    current = here
    for part in relative.parts[:-1]:
        current = current / part
        if current.is_symlink():
            return current
    return None


def check_writable(path: Path, what: str) -> None:
    """Raise StratlintError (one line) when stratlint should not write `what` to `path`."""
    linked = _linked_folder(path)
    if linked is not None:
        raise StratlintError(f"{path}: cannot write {what}: {linked} is a symbolic link; "
                             "stratlint does not write through links")
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StratlintError(f"{path}: cannot write {what}: {exc.strerror or exc}") from None
    if stat.S_ISLNK(info.st_mode):
        raise StratlintError(f"{path}: cannot write {what}: it is a symbolic link; stratlint "
                             "does not write through links (remove it or choose another file)")
    if not stat.S_ISREG(info.st_mode):
        raise StratlintError(f"{path}: cannot write {what}: not a regular file")


def replace_file(path: Path, data: str | bytes, mode: int | None = None) -> None:
    """Replace `path` with `data` (text is written as UTF-8, byte for byte) in one step: a
    temporary file in the same folder, renamed over it. A reader never sees half a file, and
    a link at `path` is replaced, not followed. `mode` defaults to what the umask allows.
    Raises OSError."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".stratlint-", suffix=".tmp")
    try:
        if mode is None:
            mask = os.umask(0)
            os.umask(mask)
            mode = 0o666 & ~mask
        os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def write_output(path: Path, text: str, what: str) -> None:
    """Write a file the user asked for (a report, a baseline); StratlintError if not."""
    check_writable(path, what)
    try:
        replace_file(path, text)
    except OSError as exc:
        raise StratlintError(f"{path}: cannot write {what}: {exc.strerror or exc}") from None


def read_regular(path: Path, what: str, limit: int = MAX_READ) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; StratlintError otherwise.
    Opened without blocking, so a FIFO is refused rather than waited on."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise StratlintError(f"{path}: {what} file not found") from None
    except OSError as exc:
        raise StratlintError(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise StratlintError(f"{path}: cannot read {what}: not a regular file")
        if info.st_size > limit:
            raise StratlintError(f"{path}: cannot read {what}: larger than "
                                 f"{limit // 1_000_000} MB")
        chunks, total = [], 0
        while True:
            chunk = os.read(handle, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            total += len(chunk)
            if total > limit:   # grew while being read
                raise StratlintError(f"{path}: cannot read {what}: larger than "
                                     f"{limit // 1_000_000} MB")
            chunks.append(chunk)
    except OSError as exc:
        raise StratlintError(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    finally:
        os.close(handle)


def private_folder_problem(folder: Path) -> str | None:
    """Why `folder` must not hold stratlint's cache (a link, not a folder, someone else's),
    or None when it is fine or does not exist yet."""
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return exc.strerror or str(exc)
    if stat.S_ISLNK(info.st_mode):
        return "it is a symbolic link"
    if not stat.S_ISDIR(info.st_mode):
        return "it is not a folder"
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return "it belongs to another user"
    return None
