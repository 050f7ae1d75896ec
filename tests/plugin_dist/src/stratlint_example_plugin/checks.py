"""banned-abbreviation: internal shorthand that readers outside the team will not know.

A check kind is a pure function run(document, analysis, options) that yields Hits at
document offsets; stratlint stamps the rule's name, code, severity and message on them.
"""
from __future__ import annotations

import re
from typing import Iterator, Mapping

from stratlint.checks import CheckKind, Hit

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["abbreviations"],
    "properties": {
        "abbreviations": {
            "type": "object",
            "minProperties": 1,
            "description": "each abbreviation (matched case-sensitively, plural 's' too) and "
                           "the words to write instead",
            "propertyNames": {"pattern": "^[A-Za-z][A-Za-z0-9&]*$"},
            "additionalProperties": {"type": "string", "minLength": 1},
        },
        "allow-defined": {
            "type": "boolean",
            "default": True,
            "description": "stay quiet from the point where the document spells the "
                           "abbreviation out as 'words (ABBR)'",
        },
        "include-headings": {"type": "boolean", "default": True},
        "include-quotes": {
            "type": "boolean",
            "default": False,
            "description": "also flag abbreviations inside quotations and block quotes",
        },
    },
}


def _definitions(text: str, abbreviations: Mapping[str, str]) -> dict[str, int]:
    """Where each abbreviation is first defined as '... (ABBR)'."""
    found = {}
    for abbreviation in abbreviations:
        match = re.search(r"\(\s*" + re.escape(abbreviation) + r"\s*\)", text)
        if match:
            found[abbreviation] = match.start()
    return found


def run(document, analysis, options) -> Iterator[Hit]:
    abbreviations = dict(options["abbreviations"])
    longest_first = sorted(abbreviations, key=len, reverse=True)
    pattern = re.compile(r"(?<![A-Za-z0-9&])(" + "|".join(map(re.escape, longest_first))
                         + r")(?:s|['\u2019]s)?(?![A-Za-z0-9&])")
    defined = _definitions(document.text, abbreviations) if options.get("allow-defined", True) \
        else {}
    include_quotes = options.get("include-quotes", False)
    blocks = (analysis.text_blocks if options.get("include-headings", True)
              else analysis.prose_blocks)
    for block in blocks:
        if block.quoted and not include_quotes:
            continue
        for match in pattern.finditer(block.text):
            start, end = block.start + match.start(), block.start + match.end()
            abbreviation = match.group(1)
            if abbreviation in defined and start >= defined[abbreviation]:
                continue
            if not include_quotes and analysis.in_quote(start, end):
                continue
            expansion = abbreviations[abbreviation]
            yield Hit(start, end, {"match": match.group(0), "abbreviation": abbreviation,
                                   "expansion": expansion}, suggestion=expansion)


BANNED_ABBREVIATION = CheckKind("banned-abbreviation", run, OPTIONS_SCHEMA)
