"""existence: these words or phrases should not appear in the author's own text."""
from __future__ import annotations

from . import CheckKind, Hit
from .matching import first_mentions, iter_matches, phrase_schema


def run(document, analysis, options):
    matches = iter_matches(document, analysis, options)
    for _block, start, end, text in first_mentions(analysis, matches,
                                                   options.get("repeats", "section")):
        yield Hit(start, end, {"match": text})


KIND = CheckKind("existence", run, phrase_schema({}))
