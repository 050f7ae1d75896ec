"""The Document every reader produces and every rule reads.

A block's ``text`` has exactly the length of the source it came from: markup characters are
blanked to spaces, so ``block.start + i`` is always the source offset of ``block.text[i]``.
That single invariant is what lets every finding point back at a line and column.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import NamedTuple


class BlockKind(str, Enum):
    """What a block is. Each kind is also the text of its name ("heading"), so it equals
    that text where it is read back (JSON, a rule's options) and prints as it."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    FRONT_MATTER = "front_matter"

    # Print and format as the text, on every Python (3.11 changed what format() gives).
    __str__ = str.__str__
    __format__ = str.__format__


# The names the readers and rules import.
HEADING, PARAGRAPH, LIST_ITEM, TABLE_CELL, FRONT_MATTER = BlockKind

PROSE_KINDS = frozenset({PARAGRAPH, LIST_ITEM, TABLE_CELL})


class Problem(NamedTuple):
    """Something a reader found wrong in a file but read past, such as a schema error in a
    structured strategy: where it is (1-based) and what it is, in plain words."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    start: int
    level: int = 0          # heading level, or list nesting depth
    quoted: bool = False    # inside a block quote: someone else's words
    row: int | None = None  # table row number (unique in the document) for table cells
    col: int | None = None  # table column number (0-based) for table cells
    header: bool = False    # a table header cell

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def title(self) -> str:
        return " ".join(self.text.split())


@dataclass(frozen=True)
class Section:
    """A heading and the blocks up to the next heading of any level."""

    heading: Block | None
    blocks: tuple[Block, ...]
    index: int

    @property
    def level(self) -> int:
        return self.heading.level if self.heading else 0

    @property
    def title(self) -> str:
        return self.heading.title if self.heading else ""


@dataclass(frozen=True)
class Comment:
    """An HTML comment (where suppression directives live), with its 1-based line."""

    line: int
    text: str
    end_line: int


@dataclass(frozen=True)
class Document:
    path: str
    text: str
    format: str
    blocks: tuple[Block, ...]
    front_matter: dict | None = None
    comments: tuple[Comment, ...] = ()
    data: object = None     # parsed structured strategy, for YAML input
    problems: tuple[Problem, ...] = ()   # what the reader found wrong but read past
    # For paged input (PDF): the 1-based line of `text` on which each page begins, in order.
    page_starts: tuple[int, ...] = ()
    # Where each structured field is (YAML data or front matter): a path such as
    # ("commitments", 2, "owner") -> readers.structured.schema.Node, its offsets in `text`.
    nodes: dict = field(default_factory=dict, compare=False, repr=False)
    # The file as written, where `text` differs from it (HTML, whose markup `text` blanks):
    # what a finding quotes and the source line shown under it. Same length as `text`.
    source: str | None = field(default=None, repr=False)

    def quote(self, start: int, end: int) -> str:
        """The file's own characters at [start, end), as a person reading it sees them."""
        return (self.source if self.source is not None else self.text)[start:end]

    def located(self) -> "Document":
        """This document without its parse: the path, text, comments and page breaks, which
        are all that placing and silencing findings needs."""
        return Document(path=self.path, text=self.text, format=self.format, blocks=(),
                        comments=self.comments, page_starts=self.page_starts,
                        source=self.source)

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        pos = self.text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = self.text.find("\n", pos + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def page_position(self, line: int) -> tuple[int, int] | None:
        """1-based (page, line on that page) of a line of a paged document; None otherwise."""
        if not self.page_starts:
            return None
        index = max(bisect.bisect_right(self.page_starts, line) - 1, 0)
        return index + 1, line - self.page_starts[index] + 1

    def _line_span(self, line: int) -> tuple[int, int]:
        starts = self.line_starts
        if not 1 <= line <= len(starts):
            return 0, 0
        return starts[line - 1], (starts[line] - 1 if line < len(starts) else len(self.text))

    def line_text(self, line: int) -> str:
        """A line of `text`: what the rules read of it."""
        start, end = self._line_span(line)
        return self.text[start:end]

    def source_line(self, line: int) -> str:
        """A line as written in the file."""
        start, end = self._line_span(line)
        return self.quote(start, end)

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        sections: list[Section] = []
        heading: Block | None = None
        current: list[Block] = []
        for block in self.blocks:
            if block.kind == HEADING:
                if heading is not None or current:
                    sections.append(Section(heading, tuple(current), len(sections)))
                heading, current = block, []
            elif block.kind != FRONT_MATTER:
                current.append(block)
        if heading is not None or current:
            sections.append(Section(heading, tuple(current), len(sections)))
        return tuple(sections)

    def subtree(self, section: Section) -> list[Block]:
        """A section's blocks plus those of the sections nested below its heading."""
        return list(section.blocks) + self._after(section, same_level=False)

    def following_at_level(self, section: Section) -> list[Block]:
        """The sections after this one, at its level or below, up to the next heading above
        it: what a heading with nothing under it may be leading into."""
        return self._after(section, same_level=True)

    def _after(self, section: Section, same_level: bool) -> list[Block]:
        """The headings and blocks of the sections after `section` that sit below it (or,
        with same_level, beside it too), up to the first that does not."""
        blocks: list[Block] = []
        for later in self.sections[section.index + 1:]:
            if section.heading is None or later.level < section.level or \
                    (later.level == section.level and not same_level):
                break
            blocks.append(later.heading)
            blocks.extend(later.blocks)
        return blocks

    @cached_property
    def title_block(self) -> Block | None:
        for block in self.blocks:
            if block.kind == HEADING:
                return block
        for block in self.blocks:
            if block.kind != FRONT_MATTER:
                return block
        return None


def is_structured(document) -> bool:
    """A YAML strategy: its rules read the fields exactly, never the prose."""
    return document.format == "yaml" and isinstance(document.data, dict)
