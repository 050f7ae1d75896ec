"""occurrence: more than `max`, or fewer than `min`, matches in a scope."""
from __future__ import annotations

from . import CheckKind, Hit
from .matching import MENTION_GROUP, blocks_for, iter_matches, mention_group, phrase_schema

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
}


def _scopes(document, analysis, options):
    if options.get("scope", "document") == "document":
        yield analysis.title_span, list(blocks_for(analysis, options))
        return
    for section in document.sections:
        span = ((section.heading.start, section.heading.end) if section.heading
                else analysis.title_span)
        heading = [section.heading] if section.heading and options.get("include-headings", True) \
            else []
        blocks = heading + list(section.blocks)
        yield span, blocks


def _abbreviation(text: str, start: int, end: int) -> bool:
    return text[start - 1:start] == "(" and text[end:end + 1] == ")"


def run(document, analysis, options):
    most, least = options.get("max"), options.get("min")
    min_words = options.get("min-words", 0)
    for span, blocks in _scopes(document, analysis, options):
        if min_words and sum(len(analysis.words(b.text)) for b in blocks) < min_words:
            continue
        # "(RPA)" after "robotic process automation" is the same mention, not a second one.
        matches = [m for m in iter_matches(document, analysis, options, blocks=blocks)
                   if not _abbreviation(document.text, m[1], m[2])]
        count = len(matches)
        found = ", ".join(sorted({m[3].lower() for m in matches}))
        density = options.get("max-per-1000-words")
        dense = density is None or 1000 * count > density * max(
            sum(len(analysis.words(b.text)) for b in blocks), 1)
        if most is not None and count > most and dense:
            repeats = options.get("repeats", "section")
            for _block, start, end, text in matches:
                yield Hit(start, end, {"match": text, "count": count, "max": most,
                                       "found": found,
                                       MENTION_GROUP: mention_group(analysis, start, text,
                                                                    repeats)})
        if least is not None and count < least:
            yield Hit(span[0], span[1], {"match": "", "count": count, "min": least,
                                         "found": found})


KIND = CheckKind("occurrence", run, {
    **phrase_schema(OPTIONS),
    "anyOf": [{"required": ["max"]}, {"required": ["min"]}],
})
