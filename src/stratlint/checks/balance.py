"""balance: technology and infrastructure words outweigh words about people and outcomes."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Mapping

from . import CheckKind, Hit
from .matching import Matcher

OPTIONS = {
    "technology-terms": {"type": "array", "items": {"type": "string"}, "minItems": 1},
    "outcome-terms": {"type": "array", "items": {"type": "string"}, "minItems": 1},
    "ratio": {"type": "number", "exclusiveMinimum": 0, "default": 1.5,
              "description": "fire when technology mentions exceed outcome mentions by this factor"},
    "min-technology": {"type": "integer", "minimum": 1, "default": 10,
                       "description": "ignore documents with fewer technology mentions"},
    "min-per-thousand": {"type": "number", "minimum": 0, "default": 30,
                         "description": "technology mentions per 1,000 words below which a "
                                        "document is never flagged"},
}


@dataclass(frozen=True)
class Balance:
    technology: Matcher
    outcomes: Matcher
    ratio: float
    min_technology: int
    min_per_thousand: float

    @property
    def phrase_sets(self):
        return (self.technology.phrase_set, self.outcomes.phrase_set)

    def run(self, document, analysis):
        technology = [(start, end) for _block, start, end, _text
                      in self.technology.matches(document, analysis)]
        tech = len(technology)
        # "patient" inside "electronic patient record" names a system, not a person.
        inside = _Spans(technology)
        people = sum(1 for _block, start, end, _text in self.outcomes.matches(document, analysis)
                     if not inside.overlaps(start, end))
        density = 1000 * tech / max(analysis.word_count, 1)
        if tech >= self.min_technology and tech > self.ratio * people \
                and density >= self.min_per_thousand:
            start, end = analysis.title_span
            yield Hit(start, end, {"technology": tech, "outcomes": people,
                                   "density": round(density)})


class _Spans:
    """Sorted, non-overlapping spans (one matcher's matches), asked about overlaps."""

    def __init__(self, spans: list[tuple[int, int]]):
        self._spans = spans
        self._starts = [start for start, _end in spans]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self._starts, end) - 1
        return index >= 0 and self._spans[index][1] > start


def compile(options: Mapping, trusted: bool) -> Balance:
    # A glossary full of technology terms is part of the document's balance too.
    counted = {"include-headings": True, "ignore-case": True, "include-listings": True}
    return Balance(Matcher.compile(counted, trusted, tokens=options["technology-terms"]),
                   Matcher.compile(counted, trusted, tokens=options["outcome-terms"]),
                   options["ratio"], options["min-technology"], options["min-per-thousand"])


KIND = CheckKind("balance", options_schema={"type": "object", "properties": OPTIONS,
                                            "additionalProperties": False,
                                            "required": ["technology-terms", "outcome-terms"]},
                 compile=compile)
