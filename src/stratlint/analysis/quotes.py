"""Spans of other people's words: block quotes and text in quotation marks."""
from __future__ import annotations

import re

from ..document import Block

# Curly and straight, double and single quotation marks. A quotation may wrap onto the next
# source line (blocks never span a blank line). A straight or curly single quote opens only
# after a space or bracket and closes only before a non-letter, so that apostrophes inside
# words (we're, trust's) neither open nor close one. Every branch starts with its quotation
# mark (the look back at the character before a single one comes after it), so the search
# tries no branch at a position without one.
_QUOTED = re.compile(
    "\u201c[^\u201d]{1,600}?\u201d"
    '|"[^"]{1,600}?"'
    "|[\u2018'](?<![\\w\u2019'].)(?=[^\\s'\u2019])(?:[^'\u2019]|['\u2019](?=\\w)){1,600}?(?<=\\S)['\u2019](?!\\w)"
)


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
