"""Finding phrases in a document's own words: shared by the phrase-based check kinds."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Mapping

from ..analysis import Analysis
from ..document import HEADING, Block, Document
from ..patterns import PhraseSet, alternation_matches, compile_phrases
from . import with_defaults

# Options every phrase-based check accepts, as JSON Schema properties.
PHRASE_OPTIONS = {
    "tokens": {"type": "array", "items": {"type": "string", "minLength": 1},
               "description": "phrases matched as whole words; '*' at the end matches a stem"},
    "patterns": {"type": "array", "items": {"type": "string", "minLength": 1},
                 "description": "regular expressions, for what phrases cannot say"},
    "exceptions": {"type": "array", "items": {"type": "string", "minLength": 1},
                   "description": "phrases that contain a match but are fine"},
    "ignore-case": {"type": "boolean", "default": True},
    "include-quotes": {"type": "boolean", "default": False,
                       "description": "also match inside quotations and block quotes"},
    "skip-negated": {"type": "boolean", "default": False,
                     "description": "stay quiet where the term is negated or deferred"},
    "include-headings": {"type": "boolean", "default": True},
    "skip-proper-names": {"type": "boolean", "default": False,
                          "description": "stay quiet where the match is part of a capitalised "
                                         "name, such as a programme called 'Transforming Care'"},
    "include-listings": {"type": "boolean", "default": False,
                         "description": "also match in contents lists and glossaries"},
    "repeats": {"enum": ["every", "section", "document"], "default": "section",
                "description": "report a term at every mention, once per section, or once "
                               "per document (its first mention)"},
    "include-placeholders": {"type": "boolean", "default": False,
                             "description": "also match inside placeholders such as '[TODO: "
                                            "mission]', which are otherwise not the author's "
                                            "text yet"},
}


def _in_proper_name(text: str, lo: int, hi: int) -> bool:
    """A capitalised match mid-sentence, followed by another capitalised word."""
    if not text[lo:lo + 1].isupper():
        return False
    before = text[:lo].rstrip()
    if not before or before[-1] in ".!?:\u2022-*(\"\u201c":
        return False   # sentence start: capitalised anyway
    after = text[hi:].lstrip()
    return after[:1].isupper()


@dataclass(frozen=True)
class Matcher:
    """A rule's phrases and patterns with the options that say where they count, compiled
    once for the rule."""

    phrase_set: PhraseSet
    exception_phrases: tuple    # phrases that contain a match but are fine
    include_headings: bool
    include_quotes: bool
    skip_negated: bool
    skip_names: bool
    include_listings: bool
    include_placeholders: bool

    @classmethod
    def compile(cls, options: Mapping, trusted: bool, tokens=None, patterns=None) -> "Matcher":
        """From a rule's phrase options (where a kind leaves one out, the default counts);
        `tokens` and `patterns` replace its own lists."""
        options = with_defaults({"properties": PHRASE_OPTIONS}, options)
        ignore_case = options["ignore-case"]
        return cls(
            PhraseSet(options.get("tokens", ()) if tokens is None else tokens,
                      options.get("patterns", ()) if patterns is None else patterns,
                      ignore_case, trusted),
            tuple(options.get("exceptions", ())),
            options["include-headings"], options["include-quotes"], options["skip-negated"],
            options["skip-proper-names"], options["include-listings"],
            options["include-placeholders"])

    def blocks(self, analysis: Analysis) -> tuple[Block, ...]:
        """The blocks searched when none are given: the text, headings too unless left out."""
        return analysis.text_blocks if self.include_headings else analysis.prose_blocks

    def matches(self, document: Document, analysis: Analysis,
                blocks=None) -> Iterator[tuple[Block, int, int, str]]:
        """Yield (block, start, end, matched text) in document order, phrases before
        patterns within a block."""
        phrase_set = self.phrase_set
        if not (phrase_set.phrases or phrase_set.patterns):
            return
        # Only blocks that hold what the phrases or patterns need are searched for them.
        phrase_texts, pattern_texts = analysis.scan.texts_for(phrase_set)
        has_phrases, has_patterns = bool(phrase_set.phrases), bool(phrase_set.patterns)
        skip_placeholders = not self.include_placeholders and bool(analysis.placeholder_spans)
        for block in self.blocks(analysis) if blocks is None else blocks:
            key = block.text
            phrases = has_phrases and (phrase_texts is None or key in phrase_texts)
            patterns = has_patterns and (pattern_texts is None or key in pattern_texts)
            if not (phrases or patterns):
                continue
            # Contents lines and glossary entries name topics; they are not the author's prose.
            if (block.quoted and not self.include_quotes) or \
                    (not self.include_listings and analysis.listing(block)):
                continue
            excepted = None   # looked for only in blocks with a match
            text = analysis.plain(key)
            # Compiled on first use (see PhraseSet).
            for found in (phrase_set.phrase_re.finditer(text) if phrases else (),
                          _pattern_matches(phrase_set, pattern_texts, key, text)
                          if patterns else ()):
                for match in found:
                    lo, hi = match.start(), match.end()
                    if lo == hi:
                        continue
                    if excepted is None:
                        exceptions = compile_phrases(self.exception_phrases,
                                                     phrase_set.ignore_case)
                        excepted = ([(m.start(), m.end()) for m in exceptions.finditer(text)]
                                    if exceptions else [])
                    # A match that overlaps an exception ("democratic principles ...").
                    if any(a < hi and lo < b for a, b in excepted):
                        continue
                    if self.skip_names and _in_proper_name(text, lo, hi):
                        continue
                    start, end = block.start + lo, block.start + hi
                    if not self.include_quotes and analysis.in_quote(start, end):
                        continue
                    if self.skip_negated and block.kind != HEADING and \
                            analysis.negated(start, end):
                        continue
                    if skip_placeholders and analysis.in_placeholder(start, end):
                        continue
                    yield block, start, end, key[lo:hi]


@dataclass(frozen=True)
class MatcherCheck:
    """The base of checks that search with one Matcher."""

    matcher: Matcher

    @property
    def phrase_sets(self):
        return (self.matcher.phrase_set,)


def _pattern_matches(phrase_set: PhraseSet, pattern_texts, key: str, text: str):
    """The matches of a phrase set's patterns in a block: of those whose literals the
    block holds, where the scan could tell (the others cannot match there), else all."""
    which = pattern_texts[key] if pattern_texts is not None else None
    if which is None or len(which) == len(phrase_set.patterns) or \
            phrase_set.each_pattern is None:
        return phrase_set.pattern_re.finditer(text)
    each = phrase_set.each_pattern
    if len(which) == 1:
        return each[which[0]].finditer(text)
    return alternation_matches([each[index] for index in which], text)


# A hit's mention group: the engine reports the first unsuppressed hit of each group.
MENTION_GROUP = "mention-group"


def mention_group(analysis: Analysis, start: int, text: str, repeats: str):
    """The group a mention belongs to, so a term used forty times is one finding, not
    forty: its section and words (or just its words, per document); None for "every"."""
    if repeats == "every":
        return None
    scope = analysis.section_number(start) if repeats == "section" else 0
    return scope, normalise(text)


def phrase_schema(extra: dict, required: tuple[str, ...] = ()) -> dict:
    schema = {"type": "object", "properties": {**PHRASE_OPTIONS, **extra},
              "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    return schema


def normalise(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())
