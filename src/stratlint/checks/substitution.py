"""substitution: this phrase has a plainer or more precise alternative."""
from __future__ import annotations

from . import CheckKind, Hit
from .matching import MENTION_GROUP, iter_matches, mention_group, normalise, phrase_schema

OPTIONS = {
    "swap": {"type": "object", "minProperties": 1,
             "additionalProperties": {"type": "string"},
             "description": "phrase -> suggested replacement ('' when there is no direct one)"},
    "advice": {"type": "string", "default": "write '{replacement}' instead",
               "description": "how the suggestion is put when there is a replacement"},
    "advice-none": {"type": "string", "default": "say plainly what will change",
                    "description": "what to say when a phrase has no direct replacement"},
}


def run(document, analysis, options):
    swap = {normalise(k.rstrip("*")): v for k, v in options["swap"].items()}
    stems = sorted(((k, v) for k, v in swap.items()), key=lambda kv: -len(kv[0]))
    advice = options.get("advice", OPTIONS["advice"]["default"])
    advice_none = options.get("advice-none", OPTIONS["advice-none"]["default"])
    repeats = options.get("repeats", "section")
    for _block, start, end, text in iter_matches(document, analysis, options,
                                                 tokens=tuple(options["swap"])):
        key = normalise(text)
        replacement = swap.get(key)
        if replacement is None:  # matched through a '*' stem
            replacement = next((v for k, v in stems if key.startswith(k)), "")
        yield Hit(start, end, {
            "match": text,
            "replacement": replacement,
            "advice": advice.format(replacement=replacement) if replacement else advice_none,
            MENTION_GROUP: mention_group(analysis, start, text, repeats),
        }, suggestion=replacement or None)


KIND = CheckKind("substitution", run, phrase_schema(OPTIONS, required=("swap",)))
