"""Helpers shared by the readers."""
from __future__ import annotations

import re

from ..document import Comment, Document

COMMENT_RE = re.compile(r"<!--(.*?)-->", re.DOTALL)


def line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", text)]


def find_comments(text: str, skip_lines: set[int] = frozenset()) -> tuple[Comment, ...]:
    """HTML comments in the text, except those starting on a line in skip_lines (0-based)."""
    comments = []
    for match in COMMENT_RE.finditer(text):
        line = text.count("\n", 0, match.start())
        if line in skip_lines:
            continue
        end_line = line + match.group(0).count("\n")
        comments.append(Comment(line + 1, match.group(1).strip(), end_line + 1))
    return tuple(comments)


def blank_comments(text: str) -> str:
    """Replace comments with spaces (keeping newlines) so their words are never linted."""
    return COMMENT_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def one_line(text: str) -> str:
    """A reader's line of synthetic text: line breaks, tabs and other controls become spaces."""
    return "".join(" " if (c.isspace() or ord(c) < 32) and c != " " else c for c in text)


def trimmed(line: str, offset: int) -> tuple[int, str] | None:
    """(start, text) of a line at `offset` without its surrounding spaces; None if blank."""
    body = line.strip()
    if not body:
        return None
    return offset + len(line) - len(line.lstrip()), body


def parse_front_matter(raw: str, first_line: int):
    """Parse front matter YAML; return (data, problems) where problems are (line, col, msg)."""
    from .. import yamlsafe

    try:
        data = yamlsafe.load(raw)
    except yamlsafe.YamlError as exc:
        return None, ((first_line + exc.line - 1, exc.column, f"front matter is not valid YAML: "
                       f"{exc.message}"),)
    if data is None:
        return {}, ()
    if not isinstance(data, dict):
        return None, ((first_line, 1, "front matter must be a mapping of keys to values"),)
    return data, ()


__all__ = ["Document", "line_starts", "find_comments", "blank_comments", "one_line", "trimmed",
           "parse_front_matter"]
