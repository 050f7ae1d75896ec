"""occurrence: more than `max`, or fewer than `min`, matches in a scope."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Mapping

from ..patterns import compile_phrases
from . import CheckKind, Hit
from .matching import MENTION_GROUP, Matcher, MatcherCheck, mention_group, phrase_schema

OPTIONS = {
    "max": {"type": "integer", "minimum": 0,
            "description": "fire on every match once there are more than this many"},
    "min": {"type": "integer", "minimum": 1,
            "description": "fire once when there are fewer than this many"},
    "scope": {"enum": ["document", "section"], "default": "document"},
    "min-words": {"type": "integer", "minimum": 0, "default": 0,
                  "description": "skip scopes shorter than this many words"},
    "max-per-1000-words": {"type": "number", "minimum": 0,
                           "description": "with max: fire only when the matches are also "
                                          "more frequent than this, so that a long document "
                                          "may mention a term now and then"},
    "in-commitments": {
        "type": "object", "additionalProperties": False, "required": ["count", "share"],
        "properties": {"count": {"type": "integer", "minimum": 1},
                       "share": {"type": "number", "minimum": 0, "maximum": 1},
                       "unless": {"type": "array", "items": {"type": "string", "minLength": 1},
                                  "description": "phrases that make a commitment about "
                                                 "governing the terms, not resting on them"}},
        "description": "also fire, however rare the terms, when at least `count` of the "
                       "strategy's commitments, and at least `share` of them all, use them: "
                       "what it says it will do, not what it mentions"},
}


@dataclass(frozen=True)
class Occurrence(MatcherCheck):
    most: int | None
    least: int | None
    scope: str
    min_words: int
    density: float | None
    repeats: str
    in_commitments: Mapping | None = None
    governing: re.Pattern | None = None   # in-commitments' "unless" phrases, compiled once

    def _scopes(self, document, analysis):
        if self.scope == "document":
            yield analysis.title_span, None
            return
        for section in document.sections:
            span = ((section.heading.start, section.heading.end) if section.heading
                    else analysis.title_span)
            heading = [section.heading] if section.heading and self.matcher.include_headings \
                else []
            yield span, heading + list(section.blocks)

    def run(self, document, analysis):
        for span, blocks in self._scopes(document, analysis):
            if blocks is None:   # the whole document
                blocks = list(self.matcher.blocks(analysis))
            if self.min_words and sum(len(analysis.words(b.text)) for b in blocks) \
                    < self.min_words:
                continue
            # "(RPA)" after "robotic process automation" is the same mention, not a second.
            matches = [m for m in self.matcher.matches(document, analysis, blocks=blocks)
                       if not _abbreviation(document.text, m[1], m[2])]
            count = len(matches)
            found = ", ".join(sorted({m[3].lower() for m in matches}))
            dense = self.density is None or 1000 * count > self.density * max(
                sum(len(analysis.words(b.text)) for b in blocks), 1)
            fire = self.most is not None and count > self.most and dense
            if not fire and self.in_commitments and self.scope == "document":
                fire = self._committed(analysis, matches)
            if fire:
                for _block, start, end, text in matches:
                    yield Hit(start, end, {"match": text, "count": count, "max": self.most,
                                           "found": found,
                                           MENTION_GROUP: mention_group(analysis, start, text,
                                                                        self.repeats)})
            if self.least is not None and count < self.least:
                yield Hit(span[0], span[1], {"match": "", "count": count, "min": self.least,
                                             "found": found})


    def _committed(self, analysis, matches) -> bool:
        """Whether enough of the strategy's commitments use the terms."""
        commitments = analysis.commitments
        starts = sorted(start for _block, start, _end, _text in matches)
        using = sum(1 for c in commitments
                    if bisect.bisect_left(starts, c.start) < bisect.bisect_left(starts, c.end)
                    and not (self.governing is not None and self.governing.search(c.text)))
        return using >= self.in_commitments["count"] and \
            using >= self.in_commitments["share"] * len(commitments)


def _abbreviation(text: str, start: int, end: int) -> bool:
    return text[start - 1:start] == "(" and text[end:end + 1] == ")"


def compile(options: Mapping, trusted: bool) -> Occurrence:
    in_commitments = options.get("in-commitments")
    governing = compile_phrases(tuple(in_commitments.get("unless", ()))) \
        if in_commitments else None
    return Occurrence(Matcher.compile(options, trusted), options.get("max"), options.get("min"),
                      options["scope"], options["min-words"], options.get("max-per-1000-words"),
                      options["repeats"], in_commitments, governing)


KIND = CheckKind("occurrence", options_schema={
    **phrase_schema(OPTIONS),
    "anyOf": [{"required": ["max"]}, {"required": ["min"]}],
}, compile=compile)
