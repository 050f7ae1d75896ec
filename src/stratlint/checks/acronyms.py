"""acronyms: abbreviations used without being spelled out first or listed in a glossary."""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import HEADING
from . import CheckKind, Hit

OPTIONS = {
    "known": {"type": "array", "items": {"type": "string"}, "default": [],
              "description": "acronyms every reader knows (extend the known-acronyms lexicon)"},
    "glossary-headings": {"type": "array", "items": {"type": "string"},
                          "default": ["glossary", "abbreviations", "acronyms", "terms we use"]},
    "min-length": {"type": "integer", "minimum": 2, "default": 2},
}

# Not part of a web or file name such as GOV.UK or report.PDF. The look back at the
# character before the first capital comes after it, so the search skips to capitals.
_ACRONYM = re.compile(r"([A-Z](?<![\w.-].)[A-Z0-9&]*[A-Z0-9])s?(?![\w-])(?!\.\w)")
_ROMAN = re.compile(r"^[IVXLC]+$")
# Each with texts one of which its every match holds, so most blocks need no search.
_DEFINITIONS = [(re.compile(p), needs) for p, needs in (
    (r"\(\s*([A-Z][A-Za-z0-9&]*[A-Z0-9])s?\s*\)", ("(",)),
    (r"\b([A-Z][A-Z0-9&]*[A-Z0-9])s?\s*\(\s*[A-Za-z][a-z]", ("(",)),
    (r"\b([A-Z][A-Z0-9&]*[A-Z0-9])s?\s*(?:[-\u2013\u2014:]|stands for|means)\s+[A-Z]?[a-z]",
     ("-", "\u2013", "\u2014", ":", "stands for", "means")),
    # "the electronic patient record, or EPR," / "known as EPR". From the word's last
    # lower-case letter, not its first: a long word is then scanned once, not once per letter.
    (r"[a-z][^\Wa-z]*,?\s+(?:or|known as|called)\s+(?:the\s+)?([A-Z][A-Z0-9&]*[A-Z0-9])s?\b",
     ("or", "known as", "called")),
)]


@lru_cache(maxsize=16384)
def _defined(text: str) -> frozenset[str]:
    """Acronyms defined in the text: 'Long Form (LF)' or 'LF (Long Form)'. Cached: every
    acronyms rule reads the same blocks."""
    defined = set()
    for pattern, needs in _DEFINITIONS:
        if any(map(text.__contains__, needs)):
            defined.update(match.group(1) for match in pattern.finditer(text))
    return frozenset(defined)


_NOT_ASCII_LETTERS = bytes(c for c in range(256) if not chr(c).isascii() or not chr(c).isalpha())
_ASCII_CAPITALS = bytes(range(ord("A"), ord("Z") + 1))


@lru_cache(maxsize=16384)
def _mostly_capitals(text: str) -> bool:
    if text.isascii():   # letters counted by deleting bytes, not character by character
        letters = text.encode("ascii").translate(None, _NOT_ASCII_LETTERS)
        capitals = len(letters) - len(letters.translate(None, _ASCII_CAPITALS))
        return bool(letters) and capitals > 0.6 * len(letters)
    letters = "".join(filter(str.isalpha, text))
    return bool(letters) and sum(map(str.isupper, letters)) > 0.6 * len(letters)


def run(document, analysis, options):
    known = {k.upper() for k in options["known"]}
    min_length = options["min-length"]
    glossary = re.compile("|".join(re.escape(h) for h in options["glossary-headings"])
                          or r"(?!)", re.IGNORECASE)
    glossary_text = []
    for section in document.sections:
        if section.heading is not None and glossary.search(section.title):
            glossary_text.extend(b.text for b in document.subtree(section))
    defined = set(_defined(" ".join(glossary_text)))
    # Definitions count from where they appear; an acronym used before it is defined is
    # reported at that first use.
    reported: set[str] = set()
    for block in analysis.text_blocks:
        if block.quoted or _mostly_capitals(block.text):
            continue
        defined |= _defined(block.text) if block.kind != HEADING else set()
        for match in _ACRONYM.finditer(block.text):
            word = match.group(1)
            # Letters mixed with digits (CO2, Q3, 4G) are formulae and labels, not jargon.
            if (len(word) < min_length or word in known or word in defined or word in reported
                    or _ROMAN.match(word) or any(c.isdigit() for c in word)):
                continue
            start, end = block.start + match.start(1), block.start + match.end(1)
            if analysis.in_quote(start, end) or analysis.in_placeholder(start, end):
                continue
            reported.add(word)
            yield Hit(start, end, {"match": word})


KIND = CheckKind("acronyms", run, {"type": "object", "properties": OPTIONS,
                                   "additionalProperties": False})
