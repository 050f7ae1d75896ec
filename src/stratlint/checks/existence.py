"""existence: these words or phrases should not appear in the author's own text."""
from __future__ import annotations

from . import CheckKind, Hit
from .matching import MENTION_GROUP, iter_matches, mention_group, phrase_schema


def run(document, analysis, options):
    repeats = options.get("repeats", "section")
    for _block, start, end, text in iter_matches(document, analysis, options):
        yield Hit(start, end, {"match": text,
                               MENTION_GROUP: mention_group(analysis, start, text, repeats)})


KIND = CheckKind("existence", run, phrase_schema({}))
