"""Helpers shared by the readers."""
from __future__ import annotations

import re

from ..document import Comment, Document, Problem

OPEN, CLOSE = "<!--", "-->"


def line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", text)]


def find_comments(text: str, skip_lines: set[int] = frozenset()) -> tuple[Comment, ...]:
    """HTML comments in the text, except those starting on a line in skip_lines (0-based)."""
    comments = []
    line, counted = 0, 0
    for start, end in comment_spans(text):
        line += text.count("\n", counted, start)
        counted = start
        if line in skip_lines:
            continue
        body = text[start + len(OPEN):end - len(CLOSE)]
        comments.append(Comment(line + 1, body.strip(), line + body.count("\n") + 1))
    return tuple(comments)


def comment_spans(text: str):
    """(start, end) of each closed <!-- ... --> in order. Linear: once a comment is left
    open, no later one can close either (a regular expression searched again from every
    unclosed opener, which was quadratic)."""
    at = text.find(OPEN)
    while at != -1:
        close = text.find(CLOSE, at + len(OPEN))
        if close == -1:
            return
        end = close + len(CLOSE)
        yield at, end
        at = text.find(OPEN, end)


def blank_comments(text: str) -> str:
    """Replace comments with spaces (keeping newlines) so their words are never linted."""
    pieces, done = [], 0
    for start, end in comment_spans(text):
        pieces += [text[done:start], re.sub(r"[^\n]", " ", text[start:end])]
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


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
    """Parse front matter YAML; return (data, problems), each problem a document.Problem."""
    from ..safety import yaml_loader

    try:
        data = yaml_loader.load(raw)
    except yaml_loader.YamlError as exc:
        return None, (Problem(first_line + exc.line - 1, exc.column,
                              f"front matter is not valid YAML: {exc.message}"),)
    if data is None:
        return {}, ()
    if not isinstance(data, dict):
        return None, (Problem(first_line, 1, "front matter must be a mapping of keys to values"),)
    return data, ()


__all__ = ["Document", "line_starts", "find_comments", "blank_comments", "one_line", "trimmed",
           "parse_front_matter"]
