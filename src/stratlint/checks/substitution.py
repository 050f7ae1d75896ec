"""substitution: this phrase has a plainer or more precise alternative."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from . import CheckKind, Hit
from .matching import MENTION_GROUP, Matcher, MatcherCheck, mention_group, normalise, phrase_schema

OPTIONS = {
    "swap": {"type": "object", "minProperties": 1,
             "additionalProperties": {"type": "string"},
             "description": "phrase -> suggested replacement ('' when there is no direct one)"},
    "advice": {"type": "string", "default": "write '{replacement}' instead",
               "description": "how the suggestion is put when there is a replacement"},
    "advice-none": {"type": "string", "default": "say plainly what will change",
                    "description": "what to say when a phrase has no direct replacement"},
}


@dataclass(frozen=True)
class Substitution(MatcherCheck):
    swap: Mapping[str, str]                 # normalised phrase -> replacement
    stems: tuple[tuple[str, str], ...]      # the same, longest first, for '*' stems
    advice: str
    advice_none: str
    repeats: str

    def run(self, document, analysis):
        for _block, start, end, text in self.matcher.matches(document, analysis):
            key = normalise(text)
            replacement = self.swap.get(key)
            if replacement is None:  # matched through a '*' stem
                replacement = next((v for k, v in self.stems if key.startswith(k)), "")
            yield Hit(start, end, {
                "match": text,
                "replacement": replacement,
                "advice": (self.advice.format(replacement=replacement) if replacement
                           else self.advice_none),
                MENTION_GROUP: mention_group(analysis, start, text, self.repeats),
            }, suggestion=replacement or None)


def compile(options: Mapping, trusted: bool) -> Substitution:
    swap = {normalise(k.rstrip("*")): v for k, v in options["swap"].items()}
    return Substitution(Matcher.compile(options, trusted, tokens=tuple(options["swap"])), swap,
                        tuple(sorted(swap.items(), key=lambda kv: -len(kv[0]))),
                        options["advice"], options["advice-none"], options["repeats"])


KIND = CheckKind("substitution", options_schema=phrase_schema(OPTIONS, required=("swap",)),
                 compile=compile)
