"""Plain-text reader: paragraphs split on blank lines, headings and bullets by their look."""
from __future__ import annotations

import re

from ..document import HEADING, LIST_ITEM, PARAGRAPH, Block, Document
from .common import blank_comments, find_comments

_BULLET = re.compile(r"^(\s*)([-*\u2022\u25cf\u25aa\u2013]|\(?[0-9a-z]{1,2}[.)])\s+(?=\S)")
_NUMBERED_HEADING = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?\s+\S")
_TERMINAL = (".", ",", ";", ":", "!")


def _heading_level(line: str, standalone: bool) -> int:
    """0 if the line does not look like a heading, else its level."""
    stripped = line.strip()
    words = stripped.split()
    if not words or len(words) > 12 or stripped.endswith(_TERMINAL):
        return 0
    numbered = _NUMBERED_HEADING.match(stripped)
    if numbered:
        short = len(words) <= 12
        return min(numbered.group(1).count(".") + 1, 6) if standalone and short else 0
    letters = [c for c in stripped if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 2:
        return 1
    if standalone and stripped[0].isupper() and not _BULLET.match(line):
        return 2
    return 0


def _mask(line: str) -> str:
    """Blank the bullet marker, keeping the length."""
    match = _BULLET.match(line)
    if not match:
        return line
    return " " * match.end() + line[match.end():]


def read(text: str, path: str) -> Document:
    visible = blank_comments(text)
    lines = visible.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1

    blocks: list[Block] = []
    # Group lines into paragraphs separated by blank lines.
    groups: list[list[int]] = []
    current: list[int] = []
    for index, line in enumerate(lines):
        if line.strip():
            current.append(index)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)

    for group in groups:
        first = group[0]
        standalone = len(group) == 1
        level = _heading_level(lines[first], standalone)
        if level and standalone:
            line = lines[first]
            lead = len(line) - len(line.lstrip())
            blocks.append(Block(HEADING, line.strip(), offsets[first] + lead, level=level))
            continue
        if level and not standalone:
            # An all-caps heading line directly above its paragraph.
            line = lines[first]
            lead = len(line) - len(line.lstrip())
            blocks.append(Block(HEADING, line.strip(), offsets[first] + lead, level=level))
            group = group[1:]
        item: list[int] = []
        items: list[tuple[str, list[int]]] = []
        for index in group:
            if _BULLET.match(lines[index]):
                if item:
                    items.append(("item" if _BULLET.match(lines[item[0]]) else "para", item))
                item = [index]
            else:
                item.append(index)
        if item:
            items.append(("item" if _BULLET.match(lines[item[0]]) else "para", item))
        for kind, indices in items:
            start = offsets[indices[0]]
            end = offsets[indices[-1]] + len(lines[indices[-1]])
            raw = "\n".join(_mask(lines[i]) if i == indices[0] else lines[i] for i in indices)
            lead = len(raw) - len(raw.lstrip())
            body = raw[lead:].rstrip()
            if kind == "item":
                depth = 1 + len(_BULLET.match(lines[indices[0]]).group(1)) // 2
                blocks.append(Block(LIST_ITEM, body, start + lead, level=depth))
            else:
                blocks.append(Block(PARAGRAPH, body, start + lead))

    return Document(path=path, text=text, format="text", blocks=tuple(blocks),
                    comments=find_comments(text))
