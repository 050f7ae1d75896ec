"""Spans of other people's words: block quotes and text in quotation marks."""
from __future__ import annotations

import re

from ..document import Block

# Curly double, straight double and curly single quotation marks. Straight single quotes are
# left alone: they are apostrophes far more often than quotations.
_QUOTED = re.compile(r"\u201c[^\u201d\n]{1,600}\u201d|\"[^\"\n]{1,600}\"|\u2018[^\u2019\n]{1,600}\u2019(?!\w)")


def quote_spans(blocks: tuple[Block, ...]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for block in blocks:
        if block.quoted:
            spans.append((block.start, block.end))
            continue
        for match in _QUOTED.finditer(block.text):
            spans.append((block.start + match.start(), block.start + match.end()))
    spans.sort()
    return spans
