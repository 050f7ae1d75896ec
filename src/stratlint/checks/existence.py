"""existence: these words or phrases should not appear in the author's own text."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from . import CheckKind, Hit
from .matching import MENTION_GROUP, Matcher, MatcherCheck, mention_group, phrase_schema


@dataclass(frozen=True)
class Existence(MatcherCheck):
    repeats: str

    def run(self, document, analysis):
        for _block, start, end, text in self.matcher.matches(document, analysis):
            yield Hit(start, end, {"match": text, MENTION_GROUP: mention_group(
                analysis, start, text, self.repeats)})


def compile(options: Mapping, trusted: bool) -> Existence:
    return Existence(Matcher.compile(options, trusted), options["repeats"])


KIND = CheckKind("existence", options_schema=phrase_schema({}), compile=compile)
