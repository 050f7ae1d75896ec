"""Phrase lists and pack regular expressions: compiled once per rule, bounded in time when
they come from outside stratlint, and scanned for in one pass over each block.

A rule's phrases and patterns become a PhraseSet. Each knows what a text must hold for it to
match there (its phrases' first words, its patterns' required literals, read from the
pattern itself), and a Scan of one document finds, in one pass over each block for all the
run's phrase sets, which blocks hold those: a phrase set's expressions then run only there.
"""
from __future__ import annotations

import bisect
import re
import time
from contextlib import contextmanager
from functools import cached_property, lru_cache


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


def _parsed(pattern: str, flags: int):
    """The parse tree of a pattern by Python's own regular-expression parser (the engine
    that runs trusted patterns, so it reads them exactly as they run) and its operation
    codes; None when this Python's parser is not one we know how to read."""
    try:
        try:
            from re import _constants, _parser   # Python 3.11 and later
        except ImportError:   # Python 3.10
            import sre_constants as _constants
            import sre_parse as _parser
        return _parser.parse(pattern, flags), _constants
    except Exception:   # a private module changed: search every text instead
        return None


def _required(items, sre) -> frozenset[str] | None:
    """Texts one of which every match of a parsed sequence contains, or None if unknown.

    Runs of ASCII literals give a text; a group, a repeat of at least one and an
    alternation whose every branch requires something are looked into; anything else
    (classes, lookarounds, anchors, back-references) only ends a run.
    """
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
            inner = _required(av[3], sre)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            inner = _required(av[2], sre)
        elif op is sre.BRANCH:
            branches = [_required(branch, sre) for branch in av[1]]
            if all(b is not None for b in branches):
                inner = frozenset().union(*branches)
        if inner is not None:
            options.append(inner)
    end_run()
    # The most selective choice: the one whose shortest text is longest.
    return max(options, key=lambda texts: min(map(len, texts)), default=None)


def pattern_texts(patterns: tuple[str, ...], flags: int) -> tuple[frozenset[str] | None, ...]:
    """For each pattern, texts one of which (compared with fold) its every match holds, or
    None where that is not known. A text holding none of them cannot match the pattern.
    All None when one pattern refers to a group by number or name (whose numbering
    changes once the patterns are joined into one alternation)."""
    if any(re.search(r"\\\d|\(\?P=|\(\?\(", p) for p in patterns):
        return (None,) * len(patterns)
    found = []
    for pattern in patterns:
        parsed = _parsed(pattern, flags)
        texts = _required(*parsed) if parsed else None
        found.append(texts if texts and all(texts) else None)
    return tuple(found)


@lru_cache(maxsize=4096)
def compile_patterns(patterns: tuple[str, ...], ignore_case: bool = True,
                     trusted: bool = False):
    """Pack regular expressions as one alternation: a plain compiled pattern when they are
    trusted (the built-in pack's, reviewed and tested like stratlint's code), else a
    BoundedPattern run by the time-bounded engine."""
    if not patterns:
        return None
    source = "|".join(f"(?:{p})" for p in patterns)
    if trusted:
        return re.compile(source, re.IGNORECASE if ignore_case else 0)
    import regex

    flags = regex.IGNORECASE | regex.V0 if ignore_case else regex.V0
    return BoundedPattern(source, regex.compile(source, flags))


class PhraseSet:
    """One rule's phrases and regular expressions, with what a text must hold for them to
    match there (see Scan). The expressions are compiled on first use: a rule satisfied
    early, or whose words no block holds, never pays for compiling them."""

    def __init__(self, phrases=(), patterns=(), ignore_case: bool = True,
                 trusted: bool = False):
        self.phrases = tuple(phrases)
        self.patterns = tuple(patterns)
        self.ignore_case = ignore_case
        self.trusted = trusted
        # Phrases: a first word one of which is a whole run of word characters in the
        # text, or a stem one of which begins a run (None: search every text).
        self.words = phrase_words(self.phrases) if self.phrases else None

    @cached_property
    def pattern_literals(self) -> tuple[frozenset[str], ...] | None:
        """For each pattern, literals one of which the folded text holds wherever it
        matches; None when that is not known for every pattern (then every text is
        searched). Only trusted patterns are read, by the parser of the engine that runs
        them."""
        if not (self.patterns and self.trusted):
            return None
        needs = pattern_texts(self.patterns, self._flags)
        return None if any(texts is None for texts in needs) else needs

    @cached_property
    def literals(self) -> frozenset[str] | None:
        needs = self.pattern_literals
        return None if needs is None else frozenset().union(*needs)

    @property
    def _flags(self) -> int:
        return (re.IGNORECASE if self.ignore_case else 0) | re.UNICODE

    @cached_property
    def each_pattern(self) -> tuple[re.Pattern, ...] | None:
        """Each trusted pattern compiled alone, to search a block for only the patterns
        whose literals it holds (see alternation_matches); None where one could match
        empty text, whose place in an alternation cannot be worked out that way."""
        if not self.trusted or any(_matches_empty(p, self._flags) for p in self.patterns):
            return None
        return tuple(_compiled(p, self._flags) for p in self.patterns)

    @cached_property
    def phrase_re(self):
        return compile_phrases(self.phrases, self.ignore_case)

    @cached_property
    def pattern_re(self):
        return compile_patterns(self.patterns, self.ignore_case, self.trusted)


@lru_cache(maxsize=1024)
def _compiled(pattern: str, flags: int) -> re.Pattern:
    return re.compile(pattern, flags)


def _matches_empty(pattern: str, flags: int) -> bool:
    parsed = _parsed(pattern, flags)
    return parsed is None or parsed[0].getwidth()[0] == 0


def alternation_matches(regexes, text: str):
    """The matches of the alternation (?:r1)|(?:r2)|... over `text`, found by searching
    with each regex alone: at each place the earliest start wins, and of those starting
    together the first regex, as in the alternation. None of them may match empty text."""
    upcoming = [regex.search(text) for regex in regexes]
    while True:
        best = None
        for match in upcoming:
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        if best is None:
            return
        yield best
        resume = best.end()
        for index, match in enumerate(upcoming):
            if match is not None and match.start() < resume:
                upcoming[index] = regexes[index].search(text, resume)


class Scanner:
    """The phrase sets of one run's rules: what one pass over each block looks for."""

    def __init__(self, phrase_sets=()):
        self.phrase_sets = tuple(phrase_sets)

    @cached_property
    def literals(self) -> frozenset[str]:
        """Every pattern literal of the run (read from the patterns on first need)."""
        return frozenset().union(*(s.literals for s in self.phrase_sets if s.literals))


# Below this many characters of text (about 3,000 words), searching every block for a
# rule's patterns costs less than reading the patterns' literals and scanning for them.
SCAN_PATTERNS_FROM = 20_000


class Scan:
    """Which of one document's block texts each phrase set can match in, found by one
    pass over each text: its runs of word characters (for phrases) and every pattern
    literal of the run (for patterns, by one multi-literal automaton where pyahocorasick
    is installed, else by a search for each literal)."""

    def __init__(self, texts, folded, scanner: Scanner | None = None):
        self._texts = set(texts)
        self._folded = folded            # text -> fold(text), shared with the Analysis
        self._scanner = scanner or Scanner()
        self._scan_patterns = sum(map(len, self._texts)) >= SCAN_PATTERNS_FROM
        self._runs = None                # (run -> texts, runs in order, texts always searched)
        self._holding: dict[str, set[str]] | None = None   # literal -> texts holding it
        self._memo: dict[int, tuple] = {}

    def texts_for(self, phrase_set: PhraseSet) -> tuple[set[str] | None, dict | None]:
        """(texts the phrases can match in, {text the patterns can match in: the indexes
        of the patterns that can}); None for "any text, every pattern"."""
        found = self._memo.get(id(phrase_set))
        if found is None:
            phrases = (set() if not phrase_set.phrases
                       else None if phrase_set.words is None
                       else self._with_words(*phrase_set.words))
            patterns = (set() if not phrase_set.patterns
                        else None if not self._scan_patterns or phrase_set.literals is None
                        else self._with_literals(phrase_set.pattern_literals))
            # The phrase set is kept with its answer, so that its id is not reused.
            found = self._memo[id(phrase_set)] = (phrases, patterns, phrase_set)
        return found[0], found[1]

    def _run_index(self):
        if self._runs is None:
            holding: dict[str, set[str]] = {}
            always: set[str] = set()
            for text in self._texts:
                runs = set(_WORD_RUN.findall(text.lower() if text.isascii() else text))
                if not text.isascii():
                    # A run beyond ASCII may match an ASCII letter's case in other ways.
                    if not all(run.isascii() for run in runs):
                        always.add(text)
                        continue
                    runs = {run.lower() for run in runs}
                for run in runs:
                    holding.setdefault(run, set()).add(text)
            self._runs = holding, sorted(holding), always
        return self._runs

    def _with_words(self, words: frozenset[str], stems: tuple[str, ...]) -> set[str]:
        holding, ordered, always = self._run_index()
        found = set(always)
        for word in words:
            found.update(holding.get(word, ()))
        for stem in stems:
            at = bisect.bisect_left(ordered, stem)
            while at < len(ordered) and ordered[at].startswith(stem):
                found.update(holding[ordered[at]])
                at += 1
        return found

    def _with_literals(self, needs: tuple[frozenset[str], ...]) -> dict[str, tuple[int, ...]]:
        wanted = frozenset().union(*needs)
        if not wanted <= self._scanner.literals:
            # A phrase set the run did not announce (a report's own search): on its own.
            holding = _find_literals(wanted, self._texts, self._folded)
        else:
            if self._holding is None:
                self._holding = _find_literals(self._scanner.literals, self._texts,
                                               self._folded)
            holding = self._holding
        found: dict[str, list[int]] = {}
        for index, literals in enumerate(needs):
            texts = set().union(*(holding.get(literal, ()) for literal in literals))
            for text in texts:
                found.setdefault(text, []).append(index)
        return {text: tuple(indexes) for text, indexes in found.items()}


def _find_literals(literals: frozenset[str], texts, folded) -> dict[str, set[str]]:
    """literal -> the texts whose fold holds it, in one pass over each text."""
    holding: dict[str, set[str]] = {}
    if not literals:
        return holding
    try:
        automaton = _automaton(literals)
    except ImportError:   # no wheel for this platform: the same answer, more slowly
        for text in texts:
            lowered = folded(text)
            for literal in literals:
                if literal in lowered:
                    holding.setdefault(literal, set()).add(text)
        return holding
    for text in texts:
        for _end, literal in automaton.iter(folded(text)):
            holding.setdefault(literal, set()).add(text)
    return holding


@lru_cache(maxsize=8)
def _automaton(literals: frozenset[str]):
    """One automaton per set of literals, built once a process (every document checked
    under one config has the same rules)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for literal in literals:
        automaton.add_word(literal, literal)
    automaton.make_automaton()
    return automaton


class FoldedPattern:
    """A case-insensitive pattern written all in lower case. On ASCII text it searches the
    lowered text case-sensitively instead, which finds the same spans two or three times as
    fast: re skips an alternative on its first letter only when case matters. The match's
    text is then lower case. A text whose fold holds none of the pattern's literals (read
    from the pattern, see pattern_texts) is not searched at all. Compiled on first use, so
    that importing a module that declares one costs nothing."""

    def __init__(self, source: str):
        self.source = source

    @cached_property
    def regex(self) -> re.Pattern:
        return re.compile(self.source, re.IGNORECASE)

    @cached_property
    def _exact(self) -> re.Pattern:
        return re.compile(self.source)

    @cached_property
    def _needs(self) -> frozenset[str] | tuple:
        return pattern_texts((self.source,), re.IGNORECASE | re.UNICODE)[0] or ()

    def may_match(self, folded: str) -> bool:
        return not self._needs or any(need in folded for need in self._needs)

    def search(self, text: str) -> re.Match | None:
        folded = fold(text)
        if not self.may_match(folded):
            return None
        return self._exact.search(folded) if text.isascii() else self.regex.search(plain(text))

    def finditer(self, text: str):
        folded = fold(text)
        if not self.may_match(folded):
            return iter(())
        return (self._exact.finditer(folded) if text.isascii()
                else self.regex.finditer(plain(text)))
