"""Run-in labels: a paragraph or list item that opens with a short label ("What we've done
so far: ...", "Risks: ...", "- **Funding.** ..."), which strategies use as small headings."""
from __future__ import annotations

import re

from ..document import LIST_ITEM, PARAGRAPH, Block

# "Label: text" opening a paragraph.
_RUN_IN = re.compile(r"^\W*([A-Za-z][^.:;!?\n]{2,60}?)\s*:\s+(?=\S)")
# In Markdown, a bold label with or without a stop: "- **Funding.** Until now, ...".
_BOLD_LABEL = re.compile(r"([A-Za-z][^.:;!?\n*_]{2,60}?)[.:]?(?:\*\*|__)\s+(?=\S)")
_LABEL_WORDS = 6
# A clause, not a label: "We thank our partners for supporting our progress: ...".
_CLAUSE = re.compile(r"^(?:we|i|they|it|this|these|there|he|she|you)\b", re.IGNORECASE)


def run_in_labels(document, analysis) -> list[tuple[Block, str, int]]:
    """(block, label, where the text after the label starts in the block's plain text) for
    each paragraph or list item that opens with a run-in label."""
    found = []
    for block in analysis.prose_blocks:
        if block.kind not in (PARAGRAPH, LIST_ITEM) or block.quoted or analysis.listing(block):
            continue
        labelled = _label_of(document, block, analysis.plain(block.text))
        if labelled is not None:
            found.append((block, *labelled))
    return found


def _label_of(document, block, text: str) -> tuple[str, int] | None:
    match, after = None, 0
    if document.format == "markdown" and document.text[block.start - 2:block.start] in ("**", "__"):
        match = _BOLD_LABEL.match(document.text, block.start, block.end)
        after = match.end() - block.start if match else 0
    if match is None and block.kind == PARAGRAPH:
        match = _RUN_IN.match(text)
        after = match.end() if match else 0
    if match is None:
        return None
    label = match.group(1)
    if len(label.split()) > _LABEL_WORDS or _CLAUSE.match(label):
        return None
    return label, after
