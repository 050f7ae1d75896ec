"""Each file's results, kept between runs in .stratlint_cache/, so that checking unchanged
files again does almost no work.

An entry is keyed on the file's display path and the fingerprint of the rules that ran on it
(their options, severities and messages, plus stratlint's own code), and holds the hash of
the content it was made from. A changed file overwrites its entry, so the folder holds at
most one entry per file and configuration. Entries are JSON data, never code.

Each entry is signed with an HMAC keyed by a secret in the user's own cache folder
(user_cache.secret) and bound to this cache folder's absolute path, so an entry committed to
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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .document import Comment, Document
from .findings import Finding, Severity
from .safe_files import private_folder_problem, replace_file
from .user_cache import secret

FOLDER = ".stratlint_cache"
FORMAT = 2


@dataclass(frozen=True)
class Cached:
    """What the engine needs of a file it does not check again."""

    document: Document          # as Document.located(): enough to place and silence findings
    findings: list[Finding]     # document-scope findings, before suppression
    prepared: dict              # rule name -> the run-scope check's summary of the document


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """stratlint's version and Python's, plus each source module's size and modification
    time, so that editing stratlint itself (an editable install) never serves stale results."""
    from . import __version__

    package = Path(__file__).resolve().parent
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
        return self.folder / f"{name.hexdigest()[:40]}.json"

    def _signature(self, display: str, rules_key: str, body: str) -> str:
        bound = f"{self.folder}\0{rules_key}\0{display}\0{body}"
        return hmac.new(self._key, bound.encode("utf-8", "surrogateescape"),
                        hashlib.sha256).hexdigest()

    def load(self, display: str, data: bytes, rules_key: str) -> Cached | None:
        if self._key is None:
            return None
        try:
            signature, _, body = self._entry(display, rules_key).read_text(
                encoding="utf-8").partition("\n")
            if not hmac.compare_digest(signature, self._signature(display, rules_key, body)):
                return None   # not written by this user for this folder: never trusted
            entry = json.loads(body)
            if entry.get("content") != _content_hash(data):
                return None
            return _from_json(display, entry)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None   # absent, stale or damaged: check the file again

    def store(self, display: str, data: bytes, rules_key: str, document: Document,
              findings: list[Finding], prepared: dict) -> None:
        if self._key is None:
            return
        entry = {
            "content": _content_hash(data),
            "document": {"format": document.format, "text": document.text,
                         "source": document.source,
                         "comments": [[c.line, c.text, c.end_line] for c in document.comments],
                         "page_starts": list(document.page_starts)},
            "findings": [finding.to_dict() for finding in findings],
            "prepared": prepared,
        }
        try:
            if not self._prepare_folder():
                return
            body = json.dumps(entry, ensure_ascii=False)
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


def _from_json(display: str, entry: dict) -> Cached:
    stored = entry["document"]
    document = Document(
        path=display, text=stored["text"], format=stored["format"], blocks=(),
        comments=tuple(Comment(line, text, end) for line, text, end in stored["comments"]),
        page_starts=tuple(stored["page_starts"]), source=stored["source"])
    findings = [Finding(**{**item, "severity": Severity.parse(item["severity"])})
                for item in entry["findings"]]
    return Cached(document, findings, dict(entry["prepared"]))
