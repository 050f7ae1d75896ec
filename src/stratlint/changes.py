"""Which lines changed since a git ref: for pull-request checks that report only those."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from .errors import StratlintError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def _git(args: list[str], cwd: Path) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                                check=False)
    except FileNotFoundError:
        raise StratlintError("--changed-since needs git, which is not installed") from None
    if result.returncode != 0:
        message = (result.stderr.strip().splitlines() or ["git failed"])[-1]
        raise StratlintError(f"--changed-since: {message}")
    return result.stdout


def changed_lines(path: Path, ref: str) -> set[int] | None:
    """Lines of `path` added or changed since `ref`; None when the whole file is new."""
    folder = path.resolve().parent
    if not _is_tracked(path, folder) or not _in_ref(path, ref, folder):
        return None
    diff = _git(["diff", "--no-color", "--unified=0", ref, "--", path.name], folder)
    lines: set[int] = set()
    for match in _HUNK.finditer(diff):
        start, count = int(match.group(1)), int(match.group(2) or 1)
        lines.update(range(start, start + count))
    return lines


def _is_tracked(path: Path, folder: Path) -> bool:
    result = subprocess.run(["git", "ls-files", "--error-unmatch", "--", path.name], cwd=folder,
                            capture_output=True, text=True, check=False)
    if result.returncode != 0 and "not a git repository" in result.stderr:
        raise StratlintError(f"--changed-since: {folder} is not inside a git repository")
    return result.returncode == 0


def check_ref(ref: str, folder: Path) -> None:
    """Refuse a ref git does not know, in one line."""
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], folder)
    except StratlintError:
        raise StratlintError(f"--changed-since: git does not know the ref {ref!r}") from None


def _in_ref(path: Path, ref: str, folder: Path) -> bool:
    result = subprocess.run(["git", "cat-file", "-e", f"{ref}:./{path.name}"], cwd=folder,
                            capture_output=True, text=True, check=False)
    return result.returncode == 0


def only_changed(findings: list, ref: str) -> list:
    """Findings on lines changed since `ref` (every finding in a file new since then)."""
    check_ref(ref, Path.cwd())
    cache: dict[str, set[int] | None] = {}
    kept = []
    for finding in findings:
        if finding.path not in cache:
            path = Path(finding.path)
            cache[finding.path] = changed_lines(path, ref) if path.is_file() else None
        lines = cache[finding.path]
        if lines is None or any(line in lines for line in
                                range(finding.line, max(finding.line, finding.end_line) + 1)):
            kept.append(finding)
    return kept
