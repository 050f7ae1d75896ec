"""Finding phrases in a document's own words: shared by the phrase-based check kinds."""
from __future__ import annotations

from typing import Iterator, Mapping

from ..analysis import Analysis
from ..analysis.terms import compile_patterns, compile_phrases, pattern_texts, phrase_words
from ..document import HEADING, Block, Document

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


# Characters (about 5,000 words) from which per-block pattern subsets pay for themselves.
PATTERN_SUBSETS_FROM = 30_000


def _patterns_for(folded: str, patterns, texts, ignore_case):
    """The patterns' alternation without those that cannot match in this text (whose
    required texts, see terms.pattern_texts, it lacks): the same matches, found sooner."""
    kept = tuple(p for p, need in zip(patterns, texts)
                 if need is None or any(map(folded.__contains__, need)))
    return compile_patterns(kept, ignore_case) if kept else None


def blocks_for(analysis: Analysis, options: Mapping) -> tuple[Block, ...]:
    if options.get("include-headings", True):
        return analysis.text_blocks
    return analysis.prose_blocks


def iter_matches(document: Document, analysis: Analysis, options: Mapping,
                 blocks=None, tokens=None) -> Iterator[tuple[Block, int, int, str]]:
    """Yield (block, start, end, matched text) for the options' phrases and patterns."""
    ignore_case = options.get("ignore-case", True)
    phrases = tuple(tokens if tokens is not None else options.get("tokens", ()))
    phrase_re = compile_phrases(phrases, ignore_case)
    # Blocks holding none of the phrases' first words are not searched for them.
    needed = phrase_words(phrases) if phrase_re is not None else None
    unmatched = analysis.texts_without(*needed) if needed is not None else ()
    patterns = tuple(options.get("patterns", ()))
    pattern_re = compile_patterns(patterns, ignore_case)
    # ...and, in a long document, each block searched only for the patterns whose required
    # texts it holds (compiling those smaller alternations costs more than a short
    # document's whole scan).
    texts = (pattern_texts(patterns, ignore_case)
             if pattern_re is not None and len(document.text) >= PATTERN_SUBSETS_FROM else None)
    regexes = [r for r in (phrase_re, pattern_re) if r is not None]
    exceptions = compile_phrases(tuple(options.get("exceptions", ())), ignore_case)
    include_quotes = options.get("include-quotes", False)
    skip_negated = options.get("skip-negated", False)
    skip_names = options.get("skip-proper-names", False)
    skip_listings = not options.get("include-listings", False)
    skip_placeholders = (not options.get("include-placeholders", False)
                         and bool(analysis.placeholder_spans))
    for block in blocks if blocks is not None else blocks_for(analysis, options):
        # Contents lines and glossary entries name topics; they are not the author's prose.
        if (block.quoted and not include_quotes) or (skip_listings and analysis.listing(block)):
            continue
        excepted = None   # looked for only in blocks with a match
        text = analysis.plain(block.text)
        for regex in regexes:
            if regex is phrase_re and block.text in unmatched:
                continue
            if regex is pattern_re and texts is not None:
                regex = _patterns_for(analysis.folded(block.text), patterns, texts, ignore_case)
                if regex is None:
                    continue
            for match in regex.finditer(text):
                lo, hi = match.start(), match.end()
                if lo == hi:
                    continue
                if excepted is None:
                    excepted = ([(m.start(), m.end()) for m in exceptions.finditer(text)]
                                if exceptions else [])
                # A match that overlaps an exception ("democratic principles ...").
                if any(a < hi and lo < b for a, b in excepted):
                    continue
                if skip_names and _in_proper_name(text, lo, hi):
                    continue
                start, end = block.start + lo, block.start + hi
                if not include_quotes and analysis.in_quote(start, end):
                    continue
                if skip_negated and block.kind != HEADING and analysis.negated(start, end):
                    continue
                if skip_placeholders and analysis.in_placeholder(start, end):
                    continue
                yield block, start, end, block.text[lo:hi]


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
