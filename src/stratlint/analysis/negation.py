"""Negation and contrast scope: is a term mentioned only to be set aside?"""
from __future__ import annotations

import re

# Cues in the same clause before a term: "we will not adopt X", "rather than X", "before we
# consider X", "no plans for X", "resist the pull of X".
_BEFORE = re.compile(
    r"\b(?:not|no|never|neither|nor|\w+n['\u2019]t|rather than|instead of|before (?:we|you|it) "
    r"(?:consider|invest|adopt|explore|look)|until|avoid\w*|resist\w*|without|sceptic\w*|"
    r"skeptic\w*|caution\w*|careful|hype|wary|de-?prioriti[sz]\w*|defer\w*|postpon\w*|"
    r"pause\w*|(?<!-)stop(?:s|ped|ping)?(?!-)|only (?:once|when|after|if)|not yet)\b",
    re.IGNORECASE,
)
# Cues after a term in the same clause: "X is not a priority", "X will wait", "X later".
_AFTER = re.compile(
    r"\b(?:is|are|was|will be|remains?)\s+(?:not|no longer|out of scope|a later|for later|"
    r"deferred|on hold|paused)\b|\bnot (?:a|our|part|yet|now|in scope)\b|\bcan wait\b|"
    r"\bwill wait\b|\bout of scope\b|\buntil\b|\bonly (?:once|when|after)\b|\blater\b",
    re.IGNORECASE,
)
# Where a negation stops reaching: a new clause. A comma alone does not end one ("we will not
# adopt AI, blockchain or RPA"), but a comma with a conjunction does ("no one will wait, as
# our AI chatbot will answer").
_CLAUSE_BREAK = re.compile(
    r"[;:\u2013\u2014]|\.\s|\bbut\b|\bhowever\b|\bwhile\b|\bwhereas\b|"
    r",\s*(?:and|as|because|since|so|then|which|where|when|so that)\b|\bbecause\b|\bso that\b",
    re.IGNORECASE)


def is_negated(sentence: str, start: int, end: int) -> bool:
    """True when the term at sentence[start:end] sits in a negated or deferring clause."""
    before = sentence[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    after = sentence[end:]
    next_break = _CLAUSE_BREAK.search(after)
    if next_break:
        after = after[:next_break.start()]
    return bool(_BEFORE.search(before) or _AFTER.search(after))
