"""banned-abbreviation: internal shorthand that readers outside the team will not know.

A check kind is compiled once per rule: compile(options, trusted) gets the rule's options
(validated against OPTIONS_SCHEMA, defaults filled in) and returns a Check whose
run(document, analysis) yields Hits at document offsets; stratlint stamps the rule's name,
code, severity and message on them. `trusted` is False for every plugin rule: a pattern
taken from the options would be compiled with a time limit (see stratlint.patterns).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
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


@dataclass(frozen=True)
class BannedAbbreviation:
    abbreviations: Mapping[str, str]
    pattern: re.Pattern
    allow_defined: bool
    include_quotes: bool
    include_headings: bool
    phrase_sets: tuple = ()   # searches with its own pattern, not stratlint's phrase sets

    def run(self, document, analysis) -> Iterator[Hit]:
        defined = _definitions(document.text, self.abbreviations) if self.allow_defined \
            else {}
        blocks = analysis.text_blocks if self.include_headings else analysis.prose_blocks
        for block in blocks:
            if block.quoted and not self.include_quotes:
                continue
            for match in self.pattern.finditer(block.text):
                start, end = block.start + match.start(), block.start + match.end()
                abbreviation = match.group(1)
                if abbreviation in defined and start >= defined[abbreviation]:
                    continue
                if not self.include_quotes and analysis.in_quote(start, end):
                    continue
                expansion = self.abbreviations[abbreviation]
                yield Hit(start, end, {"match": match.group(0), "abbreviation": abbreviation,
                                       "expansion": expansion}, suggestion=expansion)


def compile(options, trusted: bool) -> BannedAbbreviation:
    abbreviations = dict(options["abbreviations"])
    longest_first = sorted(abbreviations, key=len, reverse=True)
    pattern = re.compile(r"(?<![A-Za-z0-9&])(" + "|".join(map(re.escape, longest_first))
                         + r")(?:s|['\u2019]s)?(?![A-Za-z0-9&])")
    return BannedAbbreviation(abbreviations, pattern, options["allow-defined"],
                              options["include-quotes"], options["include-headings"])


BANNED_ABBREVIATION = CheckKind("banned-abbreviation", options_schema=OPTIONS_SCHEMA,
                                compile=compile)
