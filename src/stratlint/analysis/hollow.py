"""What is not evidence: unwritten sections, contents lists, glossaries and intentions.

A strategy's headings promise more than its text often holds. A section headed "Risks" over
"To be agreed at the next board meeting." says nothing about risks; a contents entry or a
glossary definition names a topic without saying anything about it; "we will develop KPIs"
promises a measure later, it is not one. The evidence rules and the board report ask the
questions here, so that they judge a strategy's text the same way.
"""
from __future__ import annotations

import re

from ..document import HEADING, Block
from .placeholders import strip_placeholders, unfilled_text

# Words that say a section is not written yet. Short sentences made of them are filler.
_NOT_WRITTEN = re.compile(
    r"\b(?:to be (?:agreed|confirmed|decided|determined|developed|added|written|completed|"
    r"defined|finali[sz]ed|published|updated|discussed|drafted|provided|inserted|reviewed|set)|"
    r"tbc|tbd|tba|coming soon|to follow|(?:is |are )?(?:still )?(?:under|in) (?:development|"
    r"discussion|review)|being (?:developed|drafted|written|agreed)|placeholder|lorem ipsum|"
    r"not yet (?:agreed|written|known|available|decided)|will be (?:added|confirmed|agreed|"
    r"published|set out|developed|provided|written|completed|included|inserted|finali[sz]ed|"
    r"updated|shared) (?:later|in due course|at a later date|(?:once|when|after|following)\b|"
    r"(?:at|after|by) (?:the|a) (?:next|later|future)\b[\w ]{0,30})|awaiting (?:sign[- ]off|"
    r"approval|agreement)|insert (?:text|here|\w+ here))\b", re.IGNORECASE)
# A filler sentence is short: a long one that mentions "to be agreed" says something else too.
_FILLER_WORDS = 14
_WORD = re.compile(r"[A-Za-z0-9][\w'\u2019-]*")

# Sections that list or define topics rather than discuss them.
_NOT_DISCUSSION = re.compile(
    r"^\W*(?:table of |page )?contents\W*$|^\W*in this (?:document|strategy|section)\b|"
    r"^\W*on this page\W*$|^\W*jump to\b|"
    r"\bglossary\b|^\W*(?:key )?(?:terms|definitions|abbreviations|acronyms)"
    r"(?: and (?:terms|definitions|abbreviations|acronyms))?(?: used)?\W*$|"
    r"^\W*(?:list of )?(?:figures|tables)\W*$|^\W*(?:references|bibliography|endnotes|"
    r"footnotes|appendix [a-z0-9]+:? (?:glossary|references))\W*$",
    re.IGNORECASE)
# A contents entry: a short line ending in a page number ("What could go wrong .... 12").
_CONTENTS_LINE = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?[^.!?:]{2,80}?(?:\s*\.{3,}\s*|\s+)"
                            r"\d{1,3}\s*$")

# "We will develop KPIs": something promised for later, not the thing itself.
INTENTION = re.compile(
    r"\b(?:we (?:will|shall|plan to|intend to|aim to|are going to|need to|must|hope to|"
    r"would like to|propose to|expect to)|we'll|(?:are|is|will be) (?:yet )?to be|"
    r"(?:need|needs) to be|(?:plan|intend|propose|aim) to)\s+(?:\w+\s+){0,2}?"
    r"(?:develop|define|agree|identify|set|design|draw up|work up|produce|create|establish|"
    r"explore|consider|introduce|build|put in place|determine|decide|finali[sz]e|scope|"
    r"look at|work on|confirm|develop(?:ed)?|agreed|defined|identified|established)\b",
    re.IGNORECASE)
# A purpose, not a result: "... to receive feedback from end users".
_PURPOSE = re.compile(r"\b(?:in order to|so as to|to) (?:receive|gather|collect|seek|obtain|"
                      r"capture)\b", re.IGNORECASE)


def filler(text: str) -> bool:
    """Text that holds nothing yet: blank, placeholders, TBC, or a short 'to be agreed'."""
    if len(text) > _FILLER_WORDS * 40:
        return False   # far too long to be only a note that nothing is written yet
    if unfilled_text(text):
        return True
    rest = strip_placeholders(text)
    return bool(_NOT_WRITTEN.search(rest)) and len(_WORD.findall(rest)) <= _FILLER_WORDS


def not_discussion(heading: Block | None) -> bool:
    """A contents, glossary or references heading: its section names topics only."""
    return heading is not None and bool(_NOT_DISCUSSION.search(heading.title))


def contents_line(block: Block) -> bool:
    """A line of a table of contents (a short title and a page number)."""
    return block.kind != HEADING and not block.header and "\n" not in block.text.strip() \
        and bool(_CONTENTS_LINE.match(block.text))


# How far before a match a promise to do it later is looked for (characters).
_NEAR = 160


def intention(sentence: str, offset: int) -> bool:
    """Whether the words at `offset` in a sentence are the object of a promise to make them
    later ("we will develop KPIs", "measures are yet to be agreed")."""
    before = sentence[max(0, offset - _NEAR):offset]   # bounded: sentences can be huge
    for match in (*INTENTION.finditer(before), *_PURPOSE.finditer(before)):
        # The promise governs the words that closely follow it.
        if len(_WORD.findall(before[match.end():])) <= 6:
            return True
    # "Indicators will be developed", "measures are yet to be agreed".
    return bool(_LATER.match(sentence, offset, offset + 140))


# The promise must be in the same clause: "..., and a workforce plan will be developed"
# puts off the plan, not what came before it.
_LATER = re.compile(
    r"(?:(?!,\s+(?:and|but|while|whereas|although)\b)[^.;:]){0,100}?\b(?:(?:will|would)\s+(?:also\s+|then\s+|now\s+|first\s+)?be|"
    r"(?:are|is)\s+(?:yet\s+|still\s+)?to\s+be)\s+(?:co-)?"
    r"(?:developed|designed|defined|agreed|confirmed|set out|identified|decided|established|"
    r"published separately|worked up|drawn up|finali[sz]ed)\b", re.IGNORECASE)


def promises_later(sentence: str) -> bool:
    """A sentence that promises to work something out later, wherever it says so."""
    return bool(INTENTION.search(sentence) or _LATER.search(sentence))


# Another body's document or words: "the principles outlined in the Industrial Strategy",
# "Executive Order 13960 establishes principles", "the national strategy was updated".
_ELSEWHERE_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:outlined|set out|established|defined|published|described|laid out|"
    r"agreed|adopted|contained|found) (?:in|by) (?:the |its |their |a )?(?:[A-Z][\w-]*|"
    r"(?:national|government|central|federal|nhs|wider|system|ics|icb|council) )")
_ELSEWHERE_BEFORE = re.compile(
    r"(?-i:(?:\b(?:the|its|their)\s+(?:[A-Z][\w-]*\s+){1,5}|(?<![.!?]\s)\b[A-Z][\w-]*"
    r"(?:\s+[A-Z0-9][\w-]*)+\s+))"
    r"(?:establishe[sd]|sets? out|defines|defined|outlines|outlined|publishe[sd]|was updated|"
    r"were updated|is updated|calls for|called for)\s+(?:\w+\s+){0,3}$|"
    r"\b(?:order|act|bill|law|plan|strategy|framework|guidance|policy|standard|regulation|"
    r"paper|report|review)\b[^.;]{0,100}?\b(?:establishes|established|sets out|set out|defines|"
    r"outlines|outlined|publishes|published)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


def elsewhere(sentence: str, start: int, end: int | None = None) -> bool:
    """Whether the words at [start, end) belong to another body's document, not this one:
    said so just after them, or just before their last word."""
    end = start if end is None else end
    if _ELSEWHERE_AFTER.match(sentence, start):
        return True
    head = sentence[max(0, start - 120):end]
    if end > start:
        head = head[:head.rstrip().rfind(" ") + 1]
    return bool(_ELSEWHERE_BEFORE.search(head))
