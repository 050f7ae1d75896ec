"""Sentence splitting that respects block boundaries, abbreviations and numbers."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Block

# Titles and short forms that end with a full stop but do not end a sentence.
# ("etc." is left out: it ends a sentence whenever a capital follows it.)
ABBREVIATIONS = frozenset(
    "e.g i.e dr mr mrs ms prof st no nos vs approx incl cllr fig para ref dept est "
    "jan feb mar apr jun jul aug sep sept oct nov dec vol co ltd plc inc cf al".split()
)
# A single letter after these words is a label ("Appendix A."), not an initial.
_LABELS = frozenset("appendix annex section table figure part option phase plan schedule "
                    "grade band level category type tier wave stage route".split())

# A candidate end: terminal punctuation, optional closing quotes or brackets, then space.
_END = re.compile(r"[.!?]+[\"'\u2019\u201d)\]]*(?=\s+|$)")
_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f][\w'\u2019\-]*")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    block: Block

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_NEXT = re.compile(r"\S")


def _word_before(text: str, end: int) -> str:
    """The run of letters and full stops ending at `end` (or just before a newline there),
    as re.search(r"([A-Za-z.]+)$", text[:end]) finds it, without copying the text."""
    if end and text[end - 1] == "\n":
        end -= 1
    start = end
    while start and text[start - 1] in _WORD_CHARS:
        start -= 1
    return text[start:end]


def _is_boundary(text: str, match: re.Match) -> bool:
    last_word = _word_before(text, match.start()) if text[match.start()] == "." else ""
    if last_word:
        token = last_word.lower().rstrip(".")
        if token in ABBREVIATIONS:
            return False
        if len(token) == 1 and token.isalpha():
            previous = re.search(r"([A-Za-z]+)\s+[A-Za-z]$", text[:match.start()])
            if not (previous and previous.group(1).lower() in _LABELS):
                return False
    after = _NEXT.search(text, match.end())
    if after is None:
        return True
    # The next sentence starts with a capital, a digit, a quote or a bracket.
    first = after.group(0)
    return first.isupper() or first.isdigit() or first in "\"'\u2018\u201c(["


def split(block: Block) -> list[Sentence]:
    """Split one block's text into sentences with absolute offsets."""
    text = block.text
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        if not _is_boundary(text, match):
            continue
        _append(sentences, block, start, match.end())
        start = match.end()
    _append(sentences, block, start, len(text))
    return sentences


def _append(sentences: list[Sentence], block: Block, start: int, end: int) -> None:
    piece = block.text[start:end]
    trimmed = piece.lstrip()
    if trimmed:
        s = block.start + start + len(piece) - len(trimmed)
        trimmed = trimmed.rstrip()
        sentences.append(Sentence(s, s + len(trimmed), trimmed, block))
