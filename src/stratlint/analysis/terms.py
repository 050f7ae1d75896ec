"""Phrase lists compiled to one pattern each, matched as whole words."""
from __future__ import annotations

import re
from functools import lru_cache


def phrase_pattern(phrase: str) -> str:
    """A literal phrase where spaces and hyphens match any run of either; '*' ends a stem.

    A phrase written in capitals (an acronym such as IT or AI) matches only in capitals, so
    that "IT" never matches the word "it".
    """
    stem = phrase.endswith("*")
    words = re.split(r"[\s\-]+", phrase.rstrip("*").strip())
    body = r"[\s\-]+".join(re.escape(word) for word in words if word)
    body += r"\w*" if stem else ""
    letters = [c for c in phrase if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        body = f"(?-i:{body})"
    return body


@lru_cache(maxsize=512)
def compile_phrases(phrases: tuple[str, ...], ignore_case: bool = True) -> re.Pattern | None:
    """One alternation for all phrases, longest first so the fullest phrase wins."""
    if not phrases:
        return None
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(phrase_pattern(p) for p in ordered)
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", flags)


@lru_cache(maxsize=512)
def compile_patterns(patterns: tuple[str, ...], ignore_case: bool = True) -> re.Pattern | None:
    if not patterns:
        return None
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)
