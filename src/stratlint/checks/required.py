"""required: evidence that must appear somewhere, as a section heading or in the text."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Mapping

from ..analysis import delivered, hollow
from ..analysis.placeholders import filled
from ..document import HEADING, is_structured
from ..patterns import compile_patterns, compile_phrases
from . import CheckKind, Hit
from .matching import Matcher

OPTIONS = {
    "headings": {"type": "array", "items": {"type": "string", "minLength": 1},
                 "description": "phrases that satisfy the rule when they appear in a heading"},
    "heading-patterns": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "broad-headings": {"type": "array", "items": {"type": "string", "minLength": 1},
                       "description": "headings on a wider topic ('where we are now'): their "
                                      "section counts only when its body holds the rule's "
                                      "own evidence, not just any written sentence"},
    "phrases": {"type": "array", "items": {"type": "string", "minLength": 1},
                "description": "phrases that satisfy the rule when they appear in the text"},
    "patterns": {"type": "array", "items": {"type": "string", "minLength": 1},
                 "description": "regular expressions that satisfy the rule in the text"},
    "decisive-patterns": {"type": "array", "items": {"type": "string", "minLength": 1},
                          "description": "regular expressions of which one match in the text "
                                         "is evidence on its own, whatever min-matches says"},
    "yearly-headings": {"type": "boolean", "default": False,
                        "description": "headings on progress, updates or plans repeated for "
                                       "two or more different years count as a rhythm"},
    "skip-forecasts": {"type": "boolean", "default": False,
                       "description": "a sentence that forecasts or projects ('with these "
                                      "projections we will have 600,000 more jobs') is not "
                                      "evidence"},
    "delivered-work": {"type": "boolean", "default": False,
                       "description": "sentences reporting work already done, in the past "
                                      "tense with any verb, count as text evidence"},
    "min-matches": {"type": "integer", "minimum": 1, "default": 1,
                    "description": "how many text matches (in different sentences) count as "
                                   "evidence"},
    "same-section": {"type": "boolean", "default": False,
                     "description": "the min-matches must be in one section (a view of "
                                    "services is one place, not figures scattered about)"},
    "fields": {"type": "array", "items": {"type": "string"},
               "description": "front matter or structured fields that satisfy it when filled"},
    "evidence": {"type": "string",
                 "description": "what would satisfy the rule, for the message ({evidence})"},
    "exceptions": {"type": "array", "items": {"type": "string", "minLength": 1},
                   "description": "phrases that contain an evidence phrase but are not evidence"},
    "ignore-case": {"type": "boolean", "default": True},
    "include-quotes": {"type": "boolean", "default": False},
    "skip-negated": {"type": "boolean", "default": False},
}


# What a heading or run-in label says about a rule's topic (see _topic).
TOPIC, BROAD = "topic", "broad"


def _has_field(document, fields) -> bool:
    for source in (document.front_matter, document.data):
        if isinstance(source, dict) and any(filled(source.get(f)) for f in fields):
            return True
    return False


def _first_text(value) -> str:
    """The first text in a field's value: a string, a list's first entry, or a mapping's
    first string (its name, risk, what ...), for quoting as evidence."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return _first_text(value[0]) if value else ""
    if isinstance(value, dict):
        return next((text for text in map(_first_text, value.values()) if text), "")
    return "" if value is None else str(value)


def _exact(document, options) -> bool:
    """A structured strategy with fields named: the fields alone decide, not the prose."""
    return bool(options.get("fields")) and is_structured(document)


@dataclass(frozen=True)
class Evidence:
    """One piece of what a rule looked for: where it is, what kind of thing it is, and
    whether it counts. `text` is what a report quotes: a field's value or a sentence of
    the document, never a bare heading. `why` says why a weak item does not count."""
    kind: str        # "field", "section", "table" or "text"
    start: int
    end: int
    text: str
    strong: bool
    why: str = ""
    decisive: bool = False   # from a decisive pattern: enough on its own


def _field_evidence(document, options) -> list[Evidence]:
    found = []
    for source in (document.front_matter, document.data):
        if not isinstance(source, dict):
            continue
        for name in options.get("fields", ()):
            value = source.get(name)
            if not filled(value):
                continue
            shown = _first_text(value)
            label = f"{name} ({len(value)} entries)" if isinstance(value, (list, dict)) \
                and len(value) > 1 else name
            # Point at the first entry of a list, else at the field's key.
            node = document.nodes.get((name, 0)) or document.nodes.get((name,))
            at = (node.start if (name, 0) in document.nodes else node.key_start) if node \
                else max(document.text.find(f"{name}:"), 0)
            found.append(Evidence("field", at, at + len(name),
                                  f"{label}: {shown}" if shown else label, True))
    return found


# Evidence is quoted, never in full: a report shows a line or two of it.
_QUOTE_CHARS = 600


def _quoted(text: str) -> str:
    return " ".join(text[:_QUOTE_CHARS].split())


def _sentence_evidence(analysis, block, start, end, strong=True, why="") -> Evidence:
    """The sentence around [start, end): what a reader would quote."""
    sentence = analysis.sentence_at(start)
    if sentence is not None:
        return Evidence("text", sentence.start, sentence.end, _quoted(sentence.text),
                        strong, why)
    return Evidence("text", block.start, block.end, _quoted(block.text), strong, why)


def _says_something(text: str, offset: int = 0) -> bool:
    """A sentence that is written and does not only promise the thing for later."""
    return not hollow.filler(text) and not hollow.intention(text, offset)


_FORECAST = re.compile(r"\b(?:projections?|projected|forecasts?|forecasting|predicted|"
                       r"predictions?|estimated to|expected to grow|is set to grow)\b",
                       re.IGNORECASE)
_NOTHING = re.compile(r"\b(?:there (?:are|is) no|we (?:do not|don't) (?:yet )?have|none yet|"
                      r"not yet)\b", re.IGNORECASE)


def _supporting_sentence(document, analysis, body, check, broad=False) -> Evidence | None:
    """The body sentence that best supports a section: one holding the rule's own words
    (not as a promise for later), else its first sentence that says something. Under a
    broad heading only the rule's own words, patterns or delivered work count."""
    options = check.options
    blocks = [b for b in body if b.kind != HEADING and not b.header and not analysis.listing(b)]
    matchers = [check.support] + ([m for m, _ in check.searches] if broad else [])
    for matcher in matchers:
        for block, start, end, _text in matcher.matches(document, analysis, blocks=blocks):
            sentence = analysis.sentence_at(start)
            if sentence is None or (_says_something(sentence.text, start - sentence.start)
                                    and not _NOTHING.search(analysis.plain(sentence.text))):
                return _sentence_evidence(analysis, block, start, end)
    if options["delivered-work"]:
        for block in blocks:
            for sentence in analysis.sentences_in(block):
                if delivered.delivery(analysis.plain(sentence.text)) is not None:
                    return Evidence("text", sentence.start, sentence.end,
                                    _quoted(sentence.text), True)
    if broad:
        return None
    for block in blocks:
        for sentence in analysis.sentences_in(block):
            text = analysis.plain(sentence.text)
            if not hollow.filler(text) and not hollow.promises_later(text) \
                    and not _NOTHING.search(text):
                return Evidence("text", sentence.start, sentence.end,
                                _quoted(sentence.text), True)
    return None


def _section_evidence(document, analysis, check) -> list[Evidence]:
    """Sections whose heading is on topic: strong when their body says something on it,
    weak (and said why) when it is empty, holds only placeholders and 'to be agreed', or
    only promises the thing for later. A table column headed on topic counts like a
    section when its rows are filled in."""
    options, heading_res = check.options, check.headings
    found = []
    for section in document.sections if heading_res or check.broad_headings else ():
        heading = section.heading
        if heading is None or heading.quoted or analysis.listing(heading):
            continue
        topic = _topic(check, analysis.plain(heading.text))
        if topic is None:
            continue
        broad = topic == BROAD
        body = document.subtree(section) or _led_into(document, section)
        title = heading.title
        if analysis.hollow(body):
            found.append(Evidence("section", heading.start, heading.end, title, False,
                                  f"the section '{title}' has nothing written in it yet"))
            continue
        support = _supporting_sentence(document, analysis, body, check, broad)
        if support is None:
            why = "does not show this" if broad else "only promises this for later"
            found.append(Evidence("section", heading.start, heading.end, title, False,
                                  f"the section '{title}' {why}"))
            continue
        found.append(Evidence("section", support.start, support.end,
                              f"{title}: {support.text}", True))
    found.extend(_column_evidence(analysis, heading_res))
    found.extend(_run_in_evidence(document, analysis, check))
    if options["yearly-headings"]:
        found.extend(_yearly_heading_evidence(document, analysis))
    return found


def _topic(check, title: str) -> str | None:
    """TOPIC when a heading or label names the rule's topic, BROAD when it names a wider
    one ('Where we are now'), else None."""
    if any(r.search(title) for r in check.headings):
        return TOPIC
    wider = check.broad_headings
    return BROAD if wider is not None and wider.search(title) else None


def _run_in_evidence(document, analysis, check) -> list[Evidence]:
    """Paragraphs that open with a label on the topic, judged like a section: the words after
    the label must say something. After a broad label only delivered work counts here; the
    rule's own words in the text are found by the text search in any case."""
    if not check.headings and check.broad_headings is None:
        return []
    found = []
    for block, label, after in analysis.run_in_labels:
        topic = _topic(check, label)
        if topic is None:
            continue
        rest = analysis.plain(block.text)[after:]
        start = block.start + after
        if hollow.filler(rest) or hollow.promises_later(rest) or _NOTHING.search(rest):
            found.append(Evidence("section", block.start, block.end, label, False,
                                  f"the paragraph '{label}:' says nothing on it yet"))
        elif topic == BROAD and not (check.options["delivered-work"]
                                     and delivered.delivery(rest) is not None):
            continue   # a broad label over text that does not show the thing
        else:
            found.append(Evidence("section", start, block.end, f"{label}: {_quoted(rest)}",
                                  True))
    return found


# A heading written as a lead-in to the headings after it: a sentence ("We've identified
# eight behaviours that will help ..."), a colon, or a count ("Our five principles").
_LEAD_IN_HEADING = re.compile(r"[.:]\s*$|\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|"
                              r"ten|twelve)\s+(?:[\w-]+\s+)?\w+s\b", re.IGNORECASE)


def _led_into(document, section) -> list:
    """For a heading with nothing under it that introduces the sections after it at the
    same level ("### Eight behaviours we share." over a "###" for each), those sections;
    for any other empty heading, nothing (it is a hollow section)."""
    if section.heading is None or not _LEAD_IN_HEADING.search(section.heading.title):
        return []
    return document.following_at_level(section)


_YEARLY = re.compile(r"\b(?:progress|update|updates|review|report|achievements|plans?|"
                     r"priorities|delivered)\b.*?\b((?:19|20)\d\d)(?:/\d\d)?\b|\b((?:19|20)\d\d)"
                     r"(?:/\d\d)?\b.*?\b(?:progress|update|updates|review|report|plans?)\b",
                     re.IGNORECASE)


def _yearly_heading_evidence(document, analysis) -> list[Evidence]:
    """Progress-and-plans headings repeated year after year ("Progress in 2023 and plans
    for 2024", "2024 update"): a rhythm kept, whether or not the text names it."""
    dated = []
    for block in analysis.text_blocks:
        if block.kind != HEADING or block.quoted or analysis.listing(block):
            continue
        match = _YEARLY.search(analysis.plain(block.title[:300]))   # a heading, not a page
        if match:
            dated.append((match.group(1) or match.group(2), block))
    if len({year for year, _block in dated}) < 2:
        return []
    first = dated[0][1]
    titles = "; ".join(block.title for _year, block in dated[:3])
    return [Evidence("section", first.start, first.end, f"Dated updates: {titles}", True)]


def _column_evidence(analysis, heading_res) -> list[Evidence]:
    """Table columns headed on topic ("Measure", "Risk") whose body cells are filled in."""
    found = []
    for table in analysis.tables:
        headers = [c for c in table if c.header and not c.quoted
                   and any(r.search(analysis.plain(c.text)) for r in heading_res)]
        for header in headers:
            cells = [c for c in table if not c.header and c.col == header.col
                     and not hollow.filler(c.text)]
            if cells:
                found.append(Evidence("table", cells[0].start, cells[0].end,
                                      f"{header.title}: {cells[0].title}", True))
                break
    return found


def _text_evidence(document, analysis, check) -> list[Evidence]:
    """A sentence for each match of the rule's phrases or patterns: weak when it only
    promises the thing for later, or holds nothing written yet."""
    options = check.options
    if not (check.searches or options["delivered-work"]):
        return []
    body = [b for b in analysis.text_blocks if b.kind != HEADING and not analysis.listing(b)]
    found: list[Evidence] = []
    seen: set[int] = set()
    for matcher, decisive in check.searches:
        for block, start, end, _text in matcher.matches(document, analysis, blocks=body):
            # Each match counts ("11,200 users, 410,000 views a month" is two figures).
            if start in seen:
                continue
            seen.add(start)
            sentence = analysis.sentence_at(start)
            text = sentence.text if sentence is not None else block.text
            offset = start - (sentence.start if sentence is not None else block.start)
            if len(text) > _LONGEST_SENTENCE:   # judge only the words around the match
                lo = max(0, offset - _LONGEST_SENTENCE // 2)
                text, offset = text[lo:lo + _LONGEST_SENTENCE], offset - lo
            if hollow.filler(text):
                found.append(_sentence_evidence(analysis, block, start, end, False,
                                                "it holds nothing written yet"))
            elif hollow.intention(text, offset):
                found.append(_sentence_evidence(analysis, block, start, end, False,
                                                "it only promises this for later"))
            elif options["delivered-work"] and delivered.conditional(text, offset):
                found.append(_sentence_evidence(analysis, block, start, end, False,
                                                "it is a condition still to be met"))
            elif options.get("skip-forecasts") and _FORECAST.search(text):
                found.append(_sentence_evidence(analysis, block, start, end, False,
                                                "it is a forecast, not a target"))
            elif _NOTHING.search(analysis.plain(text)):
                found.append(_sentence_evidence(analysis, block, start, end, False,
                                                "it says there is none"))
            elif hollow.elsewhere(analysis.plain(text), offset, offset + end - start):
                found.append(_sentence_evidence(analysis, block, start, end, False,
                                                "it is about another body's document"))
            else:
                item = _sentence_evidence(analysis, block, start, end)
                found.append(dataclasses.replace(item, decisive=decisive))
                if _enough(analysis, found, options):
                    return found
    if options["delivered-work"]:
        found.extend(_delivered_evidence(analysis, body, found, options))
    return found


def _delivered_evidence(analysis, body, found: list[Evidence], options) -> list[Evidence]:
    """Sentences that report work already done ("we have migrated", "in 2023 the council
    rolled out"), in the author's own words, until there are enough."""
    taken = {e.start for e in found}
    more: list[Evidence] = []
    for block in body:
        if block.quoted:
            continue
        for sentence in analysis.sentences_in(block):
            if sentence.start in taken or analysis.in_quote(sentence.start, sentence.end) \
                    or delivered.delivery(analysis.plain(sentence.text)) is None:
                continue
            more.append(Evidence("text", sentence.start, sentence.end,
                                 _quoted(sentence.text), True))
            if _enough(analysis, found + more, options):
                return more
    return more


# A sentence longer than this (a table or a run-on block) is judged by the words around a
# match, so that many matches in one huge block stay linear.
_LONGEST_SENTENCE = 2000

def _enough(analysis, found: list[Evidence], options) -> bool:
    """Whether the strong sentences found reach min-matches (in one section, if asked)."""
    need = options["min-matches"]
    strong = [e for e in found if e.strong]
    if any(e.decisive for e in strong):
        return True
    if not options["same-section"]:
        return len(strong) >= need
    per_section: dict[int, int] = {}
    for item in strong:
        number = analysis.section_number(item.start)
        per_section[number] = per_section.get(number, 0) + 1
    return max(per_section.values(), default=0) >= need


@dataclass(frozen=True)
class Required:
    """A required rule compiled: its options, heading expressions and searches."""

    options: Mapping
    trusted: bool
    support: Matcher         # the rule's phrases, for a section's supporting sentence
    # Decisive patterns, then phrases, then patterns (with whether a match is decisive):
    # the first often settle a rule alone.
    searches: tuple[tuple[Matcher, bool], ...]

    @property
    def phrase_sets(self):
        return (self.support.phrase_set,) + tuple(m.phrase_set for m, _ in self.searches)

    @cached_property
    def headings(self) -> tuple:
        """The compiled heading phrases and heading patterns (on first use)."""
        ignore_case = self.options["ignore-case"]
        return tuple(r for r in (
            compile_phrases(tuple(self.options.get("headings", ())), ignore_case),
            compile_patterns(tuple(self.options.get("heading-patterns", ())), ignore_case,
                             self.trusted),
        ) if r is not None)

    @cached_property
    def broad_headings(self):
        """The compiled headings on a wider topic, or None."""
        return compile_phrases(tuple(self.options.get("broad-headings", ())),
                               self.options["ignore-case"])

    def collect(self, document, analysis) -> list[Evidence]:
        """Every piece of evidence for the rule, strongest first: filled fields, then
        written sections on the topic, then sentences using its words. In a structured
        strategy with fields named, only the fields count."""
        options = self.options
        fields = _field_evidence(document, options)
        if fields or _exact(document, options):
            return fields
        sections = _section_evidence(document, analysis, self)
        if any(e.strong for e in sections):
            return sorted(sections, key=lambda e: not e.strong)
        texts = _text_evidence(document, analysis, self)
        if not _enough(analysis, texts, options):
            # Too few to count: each is weak, and says so.
            texts = [e if not e.strong else dataclasses.replace(
                         e, strong=False, why="too few mentions, too far apart, to count on "
                                              "their own")
                     for e in texts]
        return sorted(sections + texts, key=lambda e: not e.strong)

    def satisfied(self, document, analysis) -> bool:
        """Whether the document holds the evidence the options ask for."""
        return any(e.strong for e in self.collect(document, analysis))

    def locate(self, document, analysis, limit: int = 1) -> list[Evidence]:
        """The strongest evidence, for reports that quote it: the same evidence `run`
        decides from, so a report never quotes what the check did not count."""
        quoted: dict[int, Evidence] = {}
        for item in self.collect(document, analysis):
            if item.strong and len(quoted) < limit:
                quoted.setdefault(item.start, item)
        return list(quoted.values())

    def run(self, document, analysis):
        if not analysis.text_blocks:
            return
        evidence = self.collect(document, analysis)
        if any(e.strong for e in evidence):
            return
        options = self.options
        start, end = analysis.title_span
        wanted = options.get("evidence", "a section on this")
        if _exact(document, options):
            # A field that is there but empty ("not_doing: []") is pointed at; a missing one
            # is reported at the top, like missing prose.
            node = next((document.nodes.get((f,)) for f in options["fields"]
                         if (f,) in document.nodes), None)
            if node is not None:
                start, end = node.key_start, node.key_end
            wanted = f"{wanted} (in the '{options['fields'][0]}' field)"
        weak = next((e for e in evidence if e.why), None)
        if weak is not None:
            line = document.position(weak.start)[0]
            wanted += f" (line {line} does not count: {weak.why})"
        yield Hit(start, end, {"evidence": wanted})


def compile(options: Mapping, trusted: bool) -> Required:
    searches = tuple(
        (Matcher.compile(options, trusted, tokens=tokens, patterns=patterns), decisive)
        for tokens, patterns, decisive in (((), options.get("decisive-patterns", ()), True),
                                           (options.get("phrases", ()), (), False),
                                           ((), options.get("patterns", ()), False))
        if tokens or patterns)
    return Required(options, trusted,
                    Matcher.compile(options, trusted, tokens=options.get("phrases", ())),
                    searches)


def _listed(values, limit: int = 4) -> str:
    shown = [f"'{v}'" for v in list(values)[:limit]]
    return ", ".join(shown) + (" ..." if len(values) > limit else "")


def describe(options) -> str:
    """What counts as evidence, in the order it is looked for."""
    parts = []
    if options.get("fields"):
        parts.append(f"a filled '{options['fields'][0]}' field in front matter or a "
                     "structured strategy (in a structured strategy only the field counts)")
    if options.get("headings") or options.get("heading-patterns"):
        named = f" (such as {_listed(options['headings'])})" if options.get("headings") else ""
        parts.append(f"a section whose heading names the topic{named} and whose body says "
                     "something on it (for a heading written as a lead-in, such as 'Our five "
                     "principles:', the sections after it at its level), a paragraph opening "
                     "with a short label on the topic and a colon ('What we've done so far: "
                     "...'), or a table column headed on the topic with its rows filled in")
    if options.get("broad-headings"):
        parts.append(f"a section on a wider topic (such as {_listed(options['broad-headings'])}) "
                     "only when its body holds the evidence itself")
    need = options["min-matches"]
    if options.get("phrases") or options.get("patterns"):
        where = " in one section" if options.get("same-section") else ""
        count = "one sentence" if need == 1 else f"{need} mentions{where}"
        parts.append(f"{count} in the author's own words using the rule's phrases or "
                     "patterns")
    if options.get("decisive-patterns"):
        parts.append("one sentence matching one of its decisive patterns, which is enough "
                     "on its own")
    if options.get("yearly-headings"):
        parts.append("headings on progress or plans repeated for two or more years ('2023 "
                     "update', 'Progress in 2024 and plans for 2025')")
    if options.get("delivered-work"):
        parts.append("a sentence reporting work already done, in the past tense with any "
                     "verb ('we have migrated', 'last year the council rolled out')")
    return ("Any of: " + "; ".join(parts) + ". Not evidence: a heading over an empty "
            "section, placeholders, 'TBC' or 'to be agreed'; a contents entry or glossary "
            "definition; a quotation; a sentence that only promises the thing for later "
            "('we will develop KPIs'); and another body's document ('the national strategy "
            "was updated')" + ("; a forecast or projection, which is not a target"
                               if options.get("skip-forecasts") else "") +
            ". When the rule fires it says what it looked for and, where "
            "something came close, which line did not count and why.")


KIND = CheckKind("required", options_schema={
    "type": "object", "properties": OPTIONS, "additionalProperties": False,
    "anyOf": [{"required": ["headings"]}, {"required": ["phrases"]},
              {"required": ["patterns"]}, {"required": ["heading-patterns"]},
              {"required": ["fields"]}],
}, describe=describe, compile=compile)


def satisfied(document, analysis, options) -> bool:
    """Whether a document holds the evidence these (unvalidated) options ask for."""
    return KIND.compiled(options).satisfied(document, analysis)
