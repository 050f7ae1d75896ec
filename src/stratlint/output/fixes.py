"""Safe fixes: which findings can be rewritten without a person, and rewriting a file.

A fix is safe when a substitution rule swaps one whole word for another that its pack gives
for exactly that form ("leveraging" -> "using", never a stem match), in Markdown or plain
text, outside quotations, code and placeholders. Case follows the original word.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from ..document import FRONT_MATTER

FIXABLE_FORMATS = frozenset({"markdown", "text"})
FIXABLE_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text"})
_WORD = re.compile(r"[A-Za-z]+")
# Placeholders a starter or template leaves for an author: [TODO ...], {{ name }}, <owner>.
_OPENERS = (("[", "]"), ("{{", "}}"), ("<", ">"))
_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")

_quote_cache: tuple = (None, [])


def _in_quotation(document, start: int, end: int) -> bool:
    global _quote_cache
    from ..analysis.quotes import quote_spans

    if _quote_cache[0] is not document:   # one document's findings come in a row
        _quote_cache = (document, quote_spans(document.blocks))
    return any(s <= start and end <= e for s, e in _quote_cache[1])


def _inside(before: str, opener: str, closer: str) -> bool:
    return before.rfind(opener) > before.rfind(closer)


def _in_code_or_placeholder(line_before: str) -> bool:
    if line_before.count("`") % 2:
        return True
    return any(_inside(line_before, opener, closer) for opener, closer in _OPENERS)


def matched_case(original: str, replacement: str) -> str:
    """'LEVERAGE' -> 'USE', 'Leverage' -> 'Use', 'leverage' -> 'use'."""
    if len(original) > 1 and original.isupper():
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def safe_fix(rule, document, start: int, end: int) -> str | None:
    """The replacement for document text [start, end) found by `rule`, when it is safe."""
    if rule.check != "substitution" or document.format not in FIXABLE_FORMATS:
        return None
    from ..checks.matching import normalise

    original = document.quote(start, end)
    swap = {normalise(k): v for k, v in rule.options.get("swap", {}).items()
            if not k.endswith("*")}
    replacement = swap.get(normalise(original), "")
    if not (_WORD.fullmatch(original) and _WORD.fullmatch(replacement)):
        return None
    block = next((b for b in document.blocks if b.start <= start and end <= b.end), None)
    if block is None or block.quoted or block.kind == FRONT_MATTER:
        return None
    line, column = document.position(start)
    line_before = document.source_line(line)[:column - 1]
    if _in_code_or_placeholder(line_before) or _in_quotation(document, start, end):
        return None
    return matched_case(original, replacement)


def rewrite(text: str, findings) -> tuple[str, list]:
    """`text` with each finding's fix applied; also the findings applied. A fix is applied
    only where the file still holds the words it was found on."""
    pieces = _LINE_BREAK.split(text)   # line, break, line, break, ...
    by_line: dict[int, list] = {}
    for finding in findings:
        if finding.fix and finding.end_line == finding.line:
            by_line.setdefault(finding.line, []).append(finding)
    applied = []
    for line_no, on_line in by_line.items():
        index = 2 * (line_no - 1)
        if index >= len(pieces):
            continue
        line = pieces[index]
        # Right to left, so earlier columns stay valid.
        for finding in sorted(on_line, key=lambda f: -f.column):
            start, end = finding.column - 1, finding.end_column - 1
            if line[start:end] != finding.excerpt:
                continue
            line = line[:start] + finding.fix + line[end:]
            applied.append(finding)
        pieces[index] = line
    return "".join(pieces), applied


@dataclass(frozen=True)
class Rewrite:
    """One file's fixes: its text before and after, and the findings they fix."""

    path: str
    bom: str        # a UTF-8 byte-order mark the file starts with, kept as it was
    before: str
    after: str
    applied: tuple


def planned(findings, warn) -> list[Rewrite]:
    """The rewrite of each Markdown or text file that has safe fixes; `warn(path, problem)`
    hears of a file that can no longer be read."""
    by_file: dict[str, list] = {}
    for finding in findings:
        path = Path(finding.path)
        if finding.fix and path.suffix.lower() in FIXABLE_SUFFIXES and path.is_file():
            by_file.setdefault(finding.path, []).append(finding)
    rewrites = []
    for path, on_file in by_file.items():
        try:
            bom, before = read_source(Path(path))
        except (OSError, UnicodeDecodeError) as exc:
            warn(path, f"cannot read it again ({exc})")
            continue
        after, applied = rewrite(before, on_file)
        if applied:
            rewrites.append(Rewrite(path, bom, before, after, tuple(applied)))
    return rewrites


def read_source(path: Path) -> tuple[str, str]:
    """(byte-order mark or '', text) of a UTF-8 file."""
    text = path.read_bytes().decode("utf-8")
    if text.startswith("\ufeff"):
        return "\ufeff", text[1:]
    return "", text


def write_atomically(path: Path, text: str) -> None:
    """Replace the file in one step, keeping its permissions: a reader sees the old file
    or the new, never half, and a link is replaced rather than written through."""
    from ..safety.files import replace_file

    replace_file(path, text.encode("utf-8"), path.stat().st_mode & 0o7777)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True),
                                        after.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))
