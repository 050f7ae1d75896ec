"""Each file's results, kept between runs in .stratlint_cache/, so that checking unchanged
files again does almost no work.

An entry is keyed on the file's display path and the fingerprint of the rules that ran on it
(their options, severities and messages, plus stratlint's own code), and holds the hash of
the content it was made from. A changed file overwrites its entry, so the folder holds at
most one entry per file and configuration. Entries are JSON data, never code: a cache folder
committed to a repository under review cannot make stratlint run anything. Any problem
reading or writing the cache is ignored: the file is then simply checked.
"""
from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .document import Comment, Document
from .findings import Finding, Severity
from .user_cache import write_json

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
        self.folder = (root or Path.cwd()) / FOLDER
        self._ready = False

    def _entry(self, display: str, rules_key: str) -> Path:
        name = hashlib.sha256(f"{rules_key}\0{display}".encode("utf-8", "surrogateescape"))
        return self.folder / f"{name.hexdigest()[:40]}.json"

    def load(self, display: str, data: bytes, rules_key: str) -> Cached | None:
        try:
            entry = json.loads(self._entry(display, rules_key).read_text(encoding="utf-8"))
            if entry.get("content") != _content_hash(data):
                return None
            return _from_json(display, entry)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None   # absent, stale or damaged: check the file again

    def store(self, display: str, data: bytes, rules_key: str, document: Document,
              findings: list[Finding], prepared: dict) -> None:
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
            self._prepare_folder()
            write_json(self._entry(display, rules_key), entry)
        except (OSError, TypeError, ValueError):
            pass

    def _prepare_folder(self) -> None:
        if self._ready:
            return
        self.folder.mkdir(exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            # The cache belongs to this machine, never to the repository.
            ignore.write_text("# Made by stratlint: its results cache.\n*\n", encoding="utf-8")
            (self.folder / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# stratlint's results cache; see https://bford.info/cachedir/\n",
                encoding="utf-8")
        self._ready = True


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
