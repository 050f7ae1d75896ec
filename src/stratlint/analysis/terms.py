"""Phrase lists compiled to one pattern each, matched as whole words."""
from __future__ import annotations

import re
import time
from contextlib import contextmanager
from functools import lru_cache


# Phrases are written out in full; strategies often contract them. Matched against
# plain() text, so the apostrophe is always the keyboard one.
_CONTRACTIONS = {("we", "will"): "we'll", ("we", "have"): "we've", ("we", "are"): "we're",
                 ("will", "not"): "won't", ("do", "not"): "don't", ("does", "not"): "doesn't",
                 ("is", "not"): "isn't", ("are", "not"): "aren't", ("it", "is"): "it's",
                 ("have", "not"): "haven't", ("can", "not"): "can't"}


def phrase_pattern(phrase: str) -> str:
    """A literal phrase where spaces and hyphens match any run of either; '*' ends a stem.

    A phrase written in capitals (an acronym such as IT or AI) matches only in capitals, so
    that "IT" never matches the word "it".
    """
    stem = phrase.endswith("*")
    words = [word for word in re.split(r"[\s\-]+", phrase.rstrip("*").strip()) if word]
    parts: list[str] = []
    index = 0
    while index < len(words):
        pair = tuple(w.lower() for w in words[index:index + 2])
        if pair in _CONTRACTIONS:   # "we will" also matches "we'll"
            first, second = words[index:index + 2]
            parts.append(rf"(?:{re.escape(first)}[\s\-]+{re.escape(second)}|"
                         rf"{_CONTRACTIONS[pair]})")
            index += 2
        else:
            parts.append(re.escape(words[index]))
            index += 1
    body = r"[\s\-]+".join(parts)
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


_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=512)
def phrase_words(phrases: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """What a text must hold for compile_phrases' pattern to match in it, as lower-case
    runs of word characters: (words one of which must be a whole run, stems one of which
    must begin a run). None when a phrase does not allow this (not ASCII, or not starting
    with a word character), so that the pattern must always be run.

    A match starts after a character that is neither a word character nor a hyphen, so its
    phrase's first run of word characters is a whole run in the text (or begins one, for a
    one-word '*' stem). ASCII letters match only their own upper or lower case.
    """
    words, stems = set(), []
    for phrase in phrases:
        parts = [w for w in re.split(r"[\s\-]+", phrase.rstrip("*").strip()) if w]
        if not phrase.isascii() or not parts or not _WORD_RUN.match(parts[0]):
            return None
        run = _WORD_RUN.match(parts[0]).group(0).lower()
        if phrase.endswith("*") and len(parts) == 1 and len(run) == len(parts[0]):
            stems.append(run)
        else:
            words.add(run)
        contracted = _CONTRACTIONS.get(tuple(p.lower() for p in parts[:2]))
        if contracted:   # "do not" may be written "don't", whose first run is "don"
            words.add(_WORD_RUN.match(contracted).group(0))
    return frozenset(words), tuple(stems)


# How long one search with a pack's own regular expression may run. Patterns come from
# users and from repositories under review; one that backtracks catastrophically (such as
# "(a|aa)+$") must fail loudly rather than hang a CI job.
PATTERN_TIMEOUT = 1.0
# ...plus this much per character searched: an ordinary pattern scans a long paragraph in
# linear time (about 2 s per MB for the largest built-in ones), which must not be mistaken
# for catastrophic backtracking, whose time grows exponentially instead.
PATTERN_TIMEOUT_PER_CHAR = 10 / 1_000_000


def _bound(text: str) -> float:
    return PATTERN_TIMEOUT + len(text) * PATTERN_TIMEOUT_PER_CHAR


def rule_seconds(text: str) -> float:
    """What one rule's pack patterns may take over a whole document: one search's limit."""
    return _bound(text)


def document_seconds(text: str) -> float:
    """What all rules' pack patterns may take over one document together."""
    return 10 * _bound(text)


class PatternTimeout(RuntimeError):
    pass


# Deadlines (time.monotonic()) that every search of a pack pattern must also meet, set by
# the engine around each rule's run over a document (see budget): a pattern just under the
# per-search limit, repeated over thousands of blocks or rules, must not run for hours.
_DEADLINES: list[tuple[float, str]] = []


@contextmanager
def budget(seconds: float, what: str):
    """Bound every pack-pattern search inside the block to `seconds` all told; `what` says
    whose time it is in the message when it runs out."""
    _DEADLINES.append((time.monotonic() + seconds, f"{what} ran for over {seconds:.3g}s"))
    try:
        yield
    finally:
        _DEADLINES.pop()


def _limit(text: str) -> tuple[float, str | None]:
    """(seconds this search may take, the budget that ran out if none is left)."""
    bound, now = _bound(text), time.monotonic()
    for deadline, said in _DEADLINES:
        if deadline - now <= bound:
            bound = deadline - now
            if bound <= 0:
                return 0.0, said
    return bound, None


class BoundedPattern:
    """A pack pattern compiled with the `regex` engine, every search bounded in time."""

    def __init__(self, source: str, compiled):
        self.source = source
        self._compiled = compiled

    def _timeout(self, bound: float, spent: str | None = None) -> PatternTimeout:
        shown = self.source if len(self.source) <= 60 else self.source[:57] + "..."
        if spent:
            return PatternTimeout(f"{spent} in pack patterns, stopped at {shown!r}; "
                                  "make the patterns cheaper or fewer")
        return PatternTimeout(f"pattern {shown!r} ran for over {bound:.3g}s and was "
                              "stopped; rewrite it so that it cannot backtrack catastrophically")

    def _bounded(self, text: str) -> float:
        bound, spent = _limit(text)
        if spent:
            raise self._timeout(bound, spent)
        return bound

    def finditer(self, text: str, *args):
        bound = self._bounded(text)
        try:  # materialised inside the bound, so the whole scan is covered
            return iter(list(self._compiled.finditer(text, *args, timeout=bound)))
        except TimeoutError:
            raise self._timeout(bound, _limit(text)[1]) from None

    def search(self, text: str, *args):
        bound = self._bounded(text)
        try:
            return self._compiled.search(text, *args, timeout=bound)
        except TimeoutError:
            raise self._timeout(bound, _limit(text)[1]) from None


# Patterns of the built-in pack (see packs._trust_builtin_patterns): reviewed and tested
# like stratlint's own code, so they may run unbounded in Python's faster-compiling engine.
_TRUSTED: set[str] = set()


def trust(patterns) -> None:
    _TRUSTED.update(patterns)


# Characters beyond ASCII that re.IGNORECASE matches with an ASCII letter but that lower()
# does not turn into it ("\u212a", the Kelvin sign, lower-cases to "k" already).
FOLD_TO_ASCII = {0x130: "i", 0x131: "i", 0x17F: "s"}


# Typographic marks as their plain keyboard twins, one character for one so that offsets
# hold: curly quotes and apostrophes, dashes and hyphens, non-breaking spaces. Patterns are
# written with the plain marks; real strategies mostly use the typographic ones.
_TYPOGRAPHY = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2212": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})


_TYPOGRAPHIC = re.compile("[" + "".join(chr(c) for c in _TYPOGRAPHY) + "]")


def plain(text: str) -> str:
    """The text with typographic quotes, apostrophes and dashes made plain (same length)."""
    if text.isascii() or not _TYPOGRAPHIC.search(text):
        return text
    return text.translate(_TYPOGRAPHY)


_ODD_CASES = re.compile("[" + "".join(chr(c) for c in FOLD_TO_ASCII) + "]")


def fold(text: str) -> str:
    """Lower case, with the letters above made ASCII: where a pattern's ASCII literal
    matches, in any case, the fold of the text holds the literal in lower case."""
    if text.isascii():
        return text.lower()
    text = plain(text)
    if _ODD_CASES.search(text):
        text = text.translate(FOLD_TO_ASCII)
    return text.lower()


def _regex_parser():
    """Python's own regular-expression parser and its operation codes: the engine that runs
    trusted patterns, so it reads them exactly as they run."""
    try:
        from re import _constants, _parser   # Python 3.11 and later
    except ImportError:   # Python 3.10
        import sre_constants as _constants
        import sre_parse as _parser
    return _constants, _parser


def _required(items) -> frozenset[str] | None:
    """Texts one of which every match of a parsed sequence contains, or None if unknown.

    Runs of ASCII literals give a text; a group, a repeat of at least one and an
    alternation whose every branch requires something are looked into; anything else
    (classes, lookarounds, anchors, back-references) only ends a run.
    """
    sre = _regex_parser()[0]   # the parser's operation codes

    options, run = [], []

    def end_run():
        if run:
            options.append(frozenset(["".join(run).lower()]))
            run.clear()

    for op, av in items:
        if op is sre.LITERAL and av < 128:
            run.append(chr(av))
            continue
        end_run()
        inner = None
        if op is sre.SUBPATTERN:
            inner = _required(av[3])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            inner = _required(av[2])
        elif op is sre.BRANCH:
            branches = [_required(branch) for branch in av[1]]
            if all(b is not None for b in branches):
                inner = frozenset().union(*branches)
        if inner is not None:
            options.append(inner)
    end_run()
    # The most selective choice: the one whose shortest text is longest.
    return max(options, key=lambda texts: min(map(len, texts)), default=None)


@lru_cache(maxsize=512)
def pattern_texts(patterns: tuple[str, ...],
                  ignore_case: bool = True) -> tuple[frozenset[str] | None, ...] | None:
    """For each of compile_patterns' patterns, texts one of which (compared with fold) its
    every match holds, or None where that is not known. A text holding
    none of a pattern's texts cannot match it, so the alternation without that pattern
    finds the same matches there. None for all when not every pattern is trusted (Python's
    own parser reads only those as their engine does) or when one refers to a group by
    number or name (which changes without the others)."""
    compiled = compile_patterns(patterns, ignore_case)
    if not isinstance(compiled, re.Pattern) \
            or re.search(r"\\\d|\(\?P=|\(\?\(", compiled.pattern):
        return None
    try:
        parser = _regex_parser()[1]
        found = tuple(_required(parser.parse(p, compiled.flags)) for p in patterns)
    except Exception:   # a parser of another Python version: search every text
        return None
    return tuple(texts if texts and all(texts) else None for texts in found)


@lru_cache(maxsize=4096)
def compile_patterns(patterns: tuple[str, ...], ignore_case: bool = True):
    """Pack regular expressions as one alternation: a BoundedPattern run by the time-bounded
    engine, or a plain compiled pattern when every one of them is trusted."""
    if not patterns:
        return None
    if all(p in _TRUSTED for p in patterns):
        source = "|".join(f"(?:{p})" for p in patterns)
        return re.compile(source, re.IGNORECASE if ignore_case else 0)
    import regex

    flags = regex.IGNORECASE | regex.V0 if ignore_case else regex.V0
    source = "|".join(f"(?:{p})" for p in patterns)
    return BoundedPattern(source, regex.compile(source, flags))
