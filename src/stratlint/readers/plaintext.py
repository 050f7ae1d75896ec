"""Plain-text reader: paragraphs split on blank lines, headings and bullets by their look,
tables by their tab- or bar-separated columns; page footers of text taken from a PDF are
left out and a form feed starts a new paragraph."""
from __future__ import annotations

import re

from ..document import HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, Document
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


_QUOTE_MARK = re.compile(r"^(\s*)>\s?")
# A page's running header or footer in text taken from a PDF: "Page 3 of 18",
# "University of Caldermoor | Page 7", "- 12 -".
_PAGE_MARK = re.compile(r"^\s*(?:[^|\n]{0,80}\|\s*)?(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|"
                        r"-\s*\d{1,4}\s*-)\s*$", re.IGNORECASE)
# Words that end a line only when the sentence runs on to the next one.
_RUNS_ON = frozenset("a an and as at by for from in into of on or our the to with".split())


def _heads_paragraph(line: str, following: str) -> bool:
    """A short title-case line directly above the paragraph it introduces."""
    words = line.split()
    return (0 < len(words) <= 8 and len(line.strip()) < 60 and line.strip()[0].isupper()
            and not line.rstrip().endswith(_TERMINAL + ("?",)) and words[-1].lower() not in _RUNS_ON
            and following.strip()[:1].isupper() and not _BULLET.match(line))


def _mask(line: str) -> str:
    """Blank the bullet marker, keeping the length."""
    match = _BULLET.match(line)
    if not match:
        return line
    return " " * match.end() + line[match.end():]


_CELL = re.compile(r"[^\t]+")
_PIPE_CELL = re.compile(r"[^|]+")
# A Markdown-style rule under a pipe table's header: "---|:---:|---".
_RULE_ROW = re.compile(r"^[\s|:\-]+$")


def _separator(lines: list[str], group: list[int]) -> re.Pattern | None:
    """How the group's lines split into columns, if they are a table: tabs (a table pasted
    from a sheet) or " | " (a table typed or flattened from a PDF), on two or more lines."""
    if len(group) < 2:
        return None
    if all("\t" in lines[i].strip() for i in group):
        return _CELL
    if all(" | " in lines[i] or _RULE_ROW.match(lines[i]) for i in group):
        return _PIPE_CELL
    return None


def _table_cells(lines: list[str], group: list[int], offsets: list[int], first_row: int,
                 quoted_lines: set[int], cell: re.Pattern) -> list[Block]:
    """One block per cell, each line a row; the first line is the header row."""
    cells = []
    group = [index for index in group if not _RULE_ROW.match(lines[index])]
    for row, index in enumerate(group):
        for col, match in enumerate(m for m in cell.finditer(lines[index])
                                    if m.group().strip()):
            lead = len(match.group()) - len(match.group().lstrip())
            cells.append(Block(TABLE_CELL, match.group().strip(),
                               offsets[index] + match.start() + lead,
                               quoted=index in quoted_lines, row=first_row + row, col=col,
                               header=row == 0))
    return cells


def read(text: str, path: str) -> Document:
    visible = blank_comments(text)
    lines = visible.split("\n")
    # "> " lines are quoted from elsewhere: blank the marker, remember the line.
    quoted_lines = set()
    for index, line in enumerate(lines):
        match = _QUOTE_MARK.match(line)
        if match:
            quoted_lines.add(index)
            lines[index] = " " * match.end() + line[match.end():]
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
        if "\f" in line and current:   # a new page starts a new paragraph
            groups.append(current)
            current = []
        if line.strip() and not _PAGE_MARK.match(line):
            current.append(index)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)

    rows = 0
    for group in groups:
        cell = _separator(lines, group)
        if cell is not None:
            blocks.extend(_table_cells(lines, group, offsets, rows, quoted_lines, cell))
            rows += len(group)
            continue
        first = group[0]
        standalone = len(group) == 1
        level = _heading_level(lines[first], standalone)
        if level and standalone:
            line = lines[first]
            lead = len(line) - len(line.lstrip())
            blocks.append(Block(HEADING, line.strip(), offsets[first] + lead, level=level))
            continue
        if not level and not standalone and _heads_paragraph(lines[first], lines[group[1]]):
            level = 2
        if level and not standalone:
            # A heading line directly above its paragraph.
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
            raw = "\n".join(_mask(lines[i]) if i == indices[0] else lines[i] for i in indices)
            lead = len(raw) - len(raw.lstrip())
            body = raw[lead:].rstrip()
            quoted = all(i in quoted_lines for i in indices)
            if kind == "item":
                depth = 1 + len(_BULLET.match(lines[indices[0]]).group(1)) // 2
                blocks.append(Block(LIST_ITEM, body, start + lead, level=depth, quoted=quoted))
            else:
                blocks.append(Block(PARAGRAPH, body, start + lead, quoted=quoted))

    return Document(path=path, text=text, format="text", blocks=tuple(blocks),
                    comments=find_comments(text))
