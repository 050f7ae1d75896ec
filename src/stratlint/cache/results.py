"""Each file's results, kept between runs in .stratlint_cache/, so that checking unchanged
files again does almost no work.

An entry is keyed on the file's display path and the fingerprint of the rules that ran on it
(their options, severities and messages, plus stratlint's own code), and holds the hash of
the content it was made from. A changed file overwrites its entry, so the folder holds at
most one entry per file and configuration. One more entry holds the last run's
cross-document result, valid only for exactly that run's files, rules and contents, so a
re-run with nothing changed skips comparing the documents. Entries are JSON data, never
code.

Each entry is signed with an HMAC keyed by a secret in the user's own cache folder
(cache.user.secret) and bound to this cache folder's absolute path, so an entry committed to
a repository under review, or copied from another one, is never trusted: the file is simply
checked again. A cache folder that is a symbolic link or belongs to another user is not used
at all (one warning line); writes replace files by rename and never follow a link. Any other
problem reading or writing the cache is ignored: the file is then simply checked.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

from ..document import Comment, Document
from ..findings import Finding, Severity
from ..run.cross_document import CrossResult
from ..run.lint import FileResult
from ..run.rulebook import RuleBook
from ..run.sources import Source, with_bytes
from ..safety.files import private_folder_problem, replace_file
from .user import secret

FOLDER = ".stratlint_cache"
FORMAT = 2
# The name of the one entry that holds the last run's cross-document result (a NUL never
# occurs in a path, so it is never a file's). One entry, replaced by each run whose files,
# rules or contents differ, so the folder does not grow with every set of files checked.
RUN_ENTRY = "\0run\0"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """stratlint's version and Python's, plus each source module's size and modification
    time, so that editing stratlint itself (an editable install) never serves stale results."""
    from .. import __version__

    package = Path(__file__).resolve().parents[1]
    parts = [str(FORMAT), __version__, sys.version, sys.byteorder, str(sys.maxsize)]
    for module in sorted(package.rglob("*.py")):
        try:
            stat = module.stat()
        except OSError:
            continue
        parts.append(f"{module.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


class ResultsCache:
    def __init__(self, root: Path | None = None):
        self.folder = (root or Path.cwd()).absolute() / FOLDER
        self._ready = False
        problem = private_folder_problem(self.folder)
        # One line for the user; None when the folder is fine (or simply unusable).
        self.warning = (f"{FOLDER} is not used: {problem}; files are checked afresh"
                        if problem and problem != "it is not a folder" else None)
        self._key = None if problem else secret()

    def _entry(self, display: str, rules_key: str) -> Path:
        name = hashlib.sha256(f"{rules_key}\0{display}".encode("utf-8", "surrogateescape"))
        kind = "run-" if display == RUN_ENTRY else ""   # the run's entry, not a file's
        return self.folder / f"{kind}{name.hexdigest()[:40]}.json"

    def _signature(self, display: str, rules_key: str, body: str) -> str:
        bound = f"{self.folder}\0{rules_key}\0{display}\0{body}"
        return hmac.new(self._key, bound.encode("utf-8", "surrogateescape"),
                        hashlib.sha256).hexdigest()

    def load(self, display: str, data: bytes, rules_key: str) -> FileResult | None:
        """The file's stored result, if it was made from this content under these rules."""
        entry = self._read(display, rules_key, _content_hash(data))
        if entry is None:
            return None
        try:
            return _result_from_json(display, entry)
        except (ValueError, TypeError, KeyError, AttributeError):
            return None   # damaged: check the file again

    def store(self, display: str, data: bytes, rules_key: str, result: FileResult) -> None:
        document = result.document
        self._write(display, rules_key, _content_hash(data), {
            "document": {"format": document.format, "text": document.text,
                         "source": document.source,
                         "comments": [[c.line, c.text, c.end_line] for c in document.comments],
                         "page_starts": list(document.page_starts)},
            "findings": [finding.to_dict() for finding in result.findings],
            "prepared": dict(result.summaries),
        })

    def load_cross(self, run_key: str) -> CrossResult | None:
        """The cross-document pass's result, if it was made for the run with this key (its
        files, their rules and their contents)."""
        entry = self._read(RUN_ENTRY, "", run_key)
        if entry is None:
            return None
        try:
            return CrossResult(tuple(tuple(map(_finding_from_json, found))
                                     for found in entry["findings"]))
        except (ValueError, TypeError, KeyError, AttributeError):
            return None

    def store_cross(self, run_key: str, result: CrossResult) -> None:
        if not result.errors:   # a failed rule is tried again next time
            self._write(RUN_ENTRY, "", run_key, {
                "findings": [[f.to_dict() for f in found] for found in result.findings]})

    def _read(self, display: str, rules_key: str, content: str) -> dict | None:
        """An entry's data, if this user wrote it here from `content`; else None."""
        if self._key is None:
            return None
        try:
            signature, _, body = self._entry(display, rules_key).read_text(
                encoding="utf-8").partition("\n")
            if not hmac.compare_digest(signature, self._signature(display, rules_key, body)):
                return None   # not written by this user for this folder: never trusted
            entry = json.loads(body)
            return entry if entry.get("content") == content else None
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None   # absent, stale or damaged: check the file again

    def _write(self, display: str, rules_key: str, content: str, entry: dict) -> None:
        if self._key is None:
            return
        try:
            if not self._prepare_folder():
                return
            body = json.dumps({"content": content, **entry}, ensure_ascii=False)
            signature = self._signature(display, rules_key, body)
            replace_file(self._entry(display, rules_key), f"{signature}\n{body}")
        except (OSError, TypeError, ValueError):
            pass

    def _prepare_folder(self) -> bool:
        """Make the folder (if need be) and its marker files; False if it must not be used."""
        if self._ready:
            return True
        try:
            self.folder.mkdir(mode=0o700)
        except FileExistsError:
            pass
        if private_folder_problem(self.folder):   # swapped for a link since the start
            self._key = None
            return False
        ignore = self.folder / ".gitignore"
        if not ignore.is_file() or ignore.is_symlink():
            # The cache belongs to this machine, never to the repository. Written by rename,
            # so a committed link in the folder is replaced, never followed.
            replace_file(ignore, "# Made by stratlint: its results cache.\n*\n")
            replace_file(self.folder / "CACHEDIR.TAG",
                         "Signature: 8a477f597d28d172789f06886806bc55\n"
                         "# stratlint's results cache; see https://bford.info/cachedir/\n")
        self._ready = True
        return True


def _content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _finding_from_json(item: dict) -> Finding:
    return Finding(**{**item, "severity": Severity.parse(item["severity"])})


def _result_from_json(display: str, entry: dict) -> FileResult:
    stored = entry["document"]
    document = Document(
        path=display, text=stored["text"], format=stored["format"], blocks=(),
        comments=tuple(Comment(line, text, end) for line, text, end in stored["comments"]),
        page_starts=tuple(stored["page_starts"]), source=stored["source"])
    findings = tuple(map(_finding_from_json, entry["findings"]))
    return FileResult(document, findings, (), dict(entry["prepared"]))


class CachedRun:
    """The results cache wrapped around one run's per-file step: a file's stored result
    where it is unchanged, else a fresh one (stored for next time), of the same type; and
    the cross-document result while no file of the run has changed."""

    def __init__(self, cache: ResultsCache, book: RuleBook):
        self._cache, self._book = cache, book
        # (display, rules fingerprint, content hash) of every file; None for one that was
        # not read from bytes or whose fresh result had errors (it is not kept).
        self._entries: list[tuple[str, str, str] | None] = []

    def results(self, sources: Sequence[Source],
                check: Callable[[list[Source], Callable | None], list[FileResult]],
                progress: Callable[[int, int], None] | None = None) -> list[FileResult]:
        """Each source's FileResult: stored ones first, then `check(sources, progress)` on
        the rest (each path read once, here: its bytes go to the check, so a fresh result
        is stored under the content it came from)."""
        results: list[FileResult | None] = []
        todo: list[tuple[int, Source]] = []
        for source in sources:
            loaded = with_bytes(source)
            hit = None
            if isinstance(loaded.content, bytes):
                rules_key = self._book.fingerprint(source.config)
                self._entries.append((source.display, rules_key, _content_hash(loaded.content)))
                hit = self._cache.load(source.display, loaded.content, rules_key)
            else:
                self._entries.append(None)
            if hit is None:
                todo.append((len(results), loaded))
            results.append(hit)
        done_before = len(sources) - len(todo)
        counted = (lambda done, _total: progress(done_before + done, len(sources))) \
            if progress else None
        fresh = check([source for _index, source in todo], counted)
        for (index, source), result in zip(todo, fresh):
            results[index] = result
            if isinstance(source.content, bytes) and isinstance(result.document, Document) \
                    and not result.errors:
                self._cache.store(source.display, source.content, self._entries[index][1],
                                  result)
            elif result.errors:
                self._entries[index] = None
        return results

    def cross_document(self, count: int, compare: Callable[[], CrossResult]) -> CrossResult:
        """compare()'s result for the `count` readable files, kept while every file of the
        run is unchanged: a re-run with no change skips the comparison."""
        run_key = self._run_key()
        if run_key is None:
            return compare()
        kept = self._cache.load_cross(run_key)
        if kept is not None and len(kept.findings) == count:
            return kept
        result = compare()
        self._cache.store_cross(run_key, result)
        return result

    def _run_key(self) -> str | None:
        """The hash of every file's entry (path, rules fingerprint, content hash), in order;
        None when a file has none."""
        if not self._entries or None in self._entries:
            return None
        parts = "\0".join(part for entry in self._entries for part in entry)
        return hashlib.sha256(parts.encode("utf-8", "surrogateescape")).hexdigest()
