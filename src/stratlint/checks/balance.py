"""balance: technology and infrastructure words outweigh words about people and outcomes."""
from __future__ import annotations

from . import CheckKind, Hit
from .matching import iter_matches

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


def run(document, analysis, options):
    # A glossary full of technology terms is part of the document's balance too.
    base = {"include-headings": True, "ignore-case": True, "include-listings": True}
    tech = sum(1 for _ in iter_matches(document, analysis,
                                       {**base, "tokens": options["technology-terms"]}))
    people = sum(1 for _ in iter_matches(document, analysis,
                                         {**base, "tokens": options["outcome-terms"]}))
    density = 1000 * tech / max(analysis.word_count, 1)
    if (tech >= options.get("min-technology", 10) and tech > options.get("ratio", 1.5) * people
            and density >= options.get("min-per-thousand", 30)):
        start, end = analysis.title_span
        yield Hit(start, end, {"technology": tech, "outcomes": people,
                               "density": round(density)})


KIND = CheckKind("balance", run, {"type": "object", "properties": OPTIONS,
                                  "additionalProperties": False,
                                  "required": ["technology-terms", "outcome-terms"]})
