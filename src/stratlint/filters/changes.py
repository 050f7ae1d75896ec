"""What a change made worse since a git ref: the pull-request view of a check.

A finding counts as made worse when the file at the ref did not have it (matched as
baselines match: rule, offending words and the content of its line), or when it marks
words on a line changed since the ref. Whole-document findings (a section deleted, say)
are caught by the first test, which is why the old version is checked, not just diffed.

The old version is read with `git cat-file blob`, which never applies textconv, external
diff drivers or `.gitattributes` (a `-diff` attribute cannot hide a change), and the line
diff is asked for with `--no-ext-diff --text` for the same reason.
"""
from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

from ..errors import StratlintError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def _run_git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise StratlintError("--changed-since needs git, which is not installed") from None


def _text(result: subprocess.CompletedProcess) -> str:
    return result.stdout.decode("utf-8", "replace")


class _Repository:
    """One folder's view of git at a ref: is the ref known, and what a file held there."""

    def __init__(self, folder: Path, ref: str):
        self.folder, self.ref = folder, ref
        if ref.startswith("-"):   # git would read it as one of its own options
            raise StratlintError(f"--changed-since: {ref!r} is not a git ref")
        inside = _run_git(["rev-parse", "--is-inside-work-tree"], folder)
        if inside.returncode != 0 or _text(inside).strip() != "true":
            raise StratlintError(f"--changed-since: {folder} is not inside a git repository")
        known = _run_git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], folder)
        if known.returncode != 0:
            raise StratlintError(f"--changed-since: git does not know the ref {ref!r} "
                                 f"(in {folder})")

    def old_bytes(self, name: str) -> bytes | None:
        """The file's content at the ref, or None when it did not exist there."""
        result = _run_git(["cat-file", "blob", f"{self.ref}:./{name}"], self.folder)
        return result.stdout if result.returncode == 0 else None

    def changed_lines(self, name: str) -> set[int]:
        result = _run_git(["diff", "--no-ext-diff", "--text", "--no-color", "--unified=0",
                           self.ref, "--", name], self.folder)
        lines: set[int] = set()
        for match in _HUNK.finditer(_text(result)):
            start, count = int(match.group(1)), int(match.group(2) or 1)
            lines.update(range(start, start + count))
        return lines


def check_ref(ref: str, folder: Path) -> None:
    """Refuse a folder outside git, or a ref git does not know, in one line."""
    _Repository(folder, ref)


def _marks_words(finding) -> bool:
    """A line-level finding: it marks words on one line, not a whole document."""
    return finding.end_line == finding.line and finding.end_column > finding.column


def made_worse(report, ref: str, config_for) -> list:
    """The report's findings that the change since `ref` brought in.

    `config_for(display_path)` gives the Config each file was checked with, so the old
    versions are checked the same way (together, so rules across documents see the same
    set). A file new since the ref is reported whole; a deleted file is not checked at all.
    """
    from .fingerprint import fingerprints
    from ..run.pipeline import lint_documents
    from ..run.rulebook import RuleBook
    from ..run.sources import Source

    repositories: dict[Path, _Repository] = {}
    old_items, changed, new_files = [], {}, set()
    for display in report.paths:
        path = Path(display)
        if not path.is_file():   # standard input, or a file gone since it was read
            new_files.add(display)
            continue
        folder = path.resolve().parent
        if folder not in repositories:
            repositories[folder] = _Repository(folder, ref)
        repository = repositories[folder]
        old = repository.old_bytes(path.name)
        if old is None:
            new_files.add(display)
            continue
        old_items.append(Source(old, display, config_for(display)))
        changed[display] = repository.changed_lines(path.name)
    if not repositories:
        check_ref(ref, Path.cwd())

    old_report = lint_documents(old_items, RuleBook()) if old_items else None
    known: Counter = Counter()
    if old_report is not None:
        old_prints = fingerprints(old_report)
        known.update((f.path, old_prints[i]) for i, f in enumerate(old_report.findings))
    prints = fingerprints(report)
    kept = []
    for index, finding in enumerate(report.findings):
        key = (finding.path, prints[index])
        if finding.path in new_files or finding.path not in changed:
            kept.append(finding)
        elif known[key] > 0:
            known[key] -= 1
            if _marks_words(finding) and finding.line in changed[finding.path]:
                kept.append(finding)
        else:
            kept.append(finding)
    return kept
