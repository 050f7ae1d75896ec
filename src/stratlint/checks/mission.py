"""mission: a succinct mission or vision statement exists and is short enough to remember."""
from __future__ import annotations

import re

from ..analysis import hollow
from ..analysis.commitments import LEAD_IN, THEME_HEADING
from ..analysis.placeholders import filled, unfilled_text
from ..document import HEADING, LIST_ITEM, PARAGRAPH, is_structured
from . import CheckKind, Hit

OPTIONS = {
    "headings": {"type": "array", "items": {"type": "string"}, "minItems": 1},
    "max-words": {"type": "integer", "minimum": 5, "default": 35,
                  "description": "the longest mission people can remember and repeat"},
    "fields": {"type": "array", "items": {"type": "string"}, "default": ["mission"]},
}

# "Our mission is ...", "PHE's mission is ...", "Our vision: ...", "We will be a council that
# ...", "X will become a leader in ...", "the role of IT is to ...".
_STATED = re.compile(
    # Not "this mission is about ...", which describes one workstream.
    r"\b(?<!this )(?<!each )(?:mission|vision|ambition|purpose|aim|goal)\s*(?:is|will be|:)\s*|"
    # "the purpose of the FDS: to leverage ...", "the aim of our digital work is to ...";
    # not "the purpose of this strategy is to ...", which describes the document.
    r"\b(?:mission|purpose|aim|goal)\s+of\s+(?!(?:this|the)\s+(?:[\w-]+\s+)?(?:document|paper|"
    r"report|strategy|plan)\b)[\w\s-]{2,40}?(?::|\bis)\s+to\s+|"
    r"\bwe (?:will|want to) be (?:an?|the)\s+|\bwill become (?:an?|the)\s+|"
    r"\b(?:aspiration|strapline|ambition|vision)\s+(?:is|will be|:)\s*|"
    # "We want to be ...", "We want every resident to be able to ...".
    r"\bwe want (?:to be\b|(?:every|all|each|our|everyone|everybody)\b[\w ]{0,40}?\bto be\b)|"
    # "Our strategy for the next year is to ...", "By digital by default, we mean ...".
    r"\bour (?:[\w-]+ )?strategy (?:for [\w ]{1,25}? )?is to\s+|^\W*by [\w '-]{3,40}, we mean\s+|"
    r"\bthe role of [\w\s]{1,30}? is to\s+", re.IGNORECASE)


_ABOUT_DOCUMENT = re.compile(r"\b(?:of|for) (?:this|the) (?:document|paper|report|strategy|plan|"
                             r"roadmap|page)\b",
                             re.IGNORECASE)


# Lines under a title that are not a strapline: who posted it and when, versions, dates,
# and sentences about the document itself ("This strategy sets out ...").
_NOT_STRAPLINE = re.compile(
    r"^\W*(?:posted|published|updated|last updated|version|draft|date|status|author|"
    r"prepared by|owner|approved|published by|\d{1,2}\s+\w+\s+(?:19|20)\d\d|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s+(?:19|20)\d\d)\b|\b(?:this|the|our) (?:[\w-]+ ){0,2}?(?:strategy|document|"
    r"paper|report|plan|update|roadmap)\b[^.]{0,20}?\b(?:sets out|describes|considers|"
    r"outlines|explains|covers|summarises|presents|is|was|has been)\b|\bwe'?ve just\b|"
    r"^\W*(?:19|20)\d\d\W*$", re.IGNORECASE)
_STRAPLINE_WORDS = 20
_SUBTITLE = re.compile(r"\b(?:strategy|plan|roadmap|framework|agenda|(?:19|20)\d\d)\b",
                       re.IGNORECASE)
# A strapline says what the organisation aims at: it opens with what it is doing ("Using
# ...", "Making ...") or names who it serves and how ("for our borough", "to improve ...").
_AIM = re.compile(
    r"^\W*[A-Z][a-z]+ing\b|\b(?:for (?:our|all|every|everyone|everybody|the people|people|"
    r"residents|patients|citizens|communities)|to (?:serve|improve|make|help|give|deliver|"
    r"support|create|enable|transform|keep|put)|better|everyone|everybody)\b")


def _emphasised(document, block) -> bool:
    """A Markdown line set wholly in bold or italics ("*More time on the street.*")."""
    if document.format != "markdown":
        return False
    text = document.text
    start = text.rfind("\n", 0, block.start) + 1
    end = text.find("\n", block.end)
    line = text[start:len(text) if end < 0 else end].strip()
    return len(line) > 2 and line[0] in "*_" and line[-1] == line[0] \
        and line.strip("*_").strip() == block.text.strip()


def _strapline(document, analysis):
    """A short line straight under the title (and a second title line), before any other
    heading, saying what the organisation is for: "Using new technology to serve London
    and improve lives"; or a short line set off as a pull-quote or in bold or italics there
    ("> Paid right, first time."), which is a strapline by its setting."""
    title = document.title_block
    if title is None or title.kind != HEADING:
        return None
    written = False
    for block in document.blocks[document.blocks.index(title) + 1:]:
        if block.kind == HEADING:
            # A second title line ("Digital Strategy 2025 to 2028", "Our plan on a page")
            # may come before the strapline; any other heading ends the search.
            if written or (block.level > title.level and not _SUBTITLE.search(block.title)):
                return None
            continue
        written = True
        if block.kind != PARAGRAPH or unfilled_text(block.text):
            continue
        text = " ".join(analysis.plain(block.text).split())
        words = len(text.split())
        set_off = block.quoted or _emphasised(document, block)
        if (2 if set_off else 4) <= words <= _STRAPLINE_WORDS \
                and (set_off or (_AIM.search(text) and not block.quoted)) \
                and not _NOT_STRAPLINE.search(text) and not re.search(r"\d", text):
            return block.start, block.end, block.title
        if not block.quoted:
            return None
    return None


def _statement(document, analysis, headings):
    """(start, end, text) of the mission statement, or None."""
    for section in document.sections:
        heading = section.heading
        if heading is None or heading.quoted or not headings.search(heading.title):
            continue
        if _ABOUT_DOCUMENT.search(heading.title):
            continue   # "Purpose of this document" describes the paper, not the organisation
        if THEME_HEADING.search(heading.title):
            continue   # "Mission 1: Make claiming simple" is a workstream, not the mission
        # Under its own heading a statement set off as a block quote is the author's own
        # ("> **Smarter homes, smarter service.**"), and a lead-in ("Our vision is
        # simple:") introduces it rather than being it.
        for block in section.blocks:
            if block.kind in (PARAGRAPH, LIST_ITEM) \
                    and not unfilled_text(block.text) and not analysis.listing(block):
                # "To be agreed at the next board meeting." is not a mission yet.
                sentences = [s for s in analysis.sentences_in(block)
                             if not hollow.filler(s.text) and not LEAD_IN.search(s.text)]
                if sentences:
                    first = sentences[0]
                    return first.start, first.end, first.text
        # A heading that is itself the statement ("Mission: every patient ...").
        if ":" in heading.title and len(heading.title.split(":", 1)[1].split()) >= 4:
            return heading.start, heading.end, heading.title.split(":", 1)[1]
    for sentence in analysis.sentences:
        # A bullet in a list of promises ("We will become a paperless trust") is one item of
        # many, not the mission.
        if sentence.block.quoted or sentence.block.kind != PARAGRAPH:
            continue
        match = _STATED.search(analysis.plain(sentence.text))
        if match and not analysis.in_quote(sentence.start, sentence.end) \
                and not hollow.filler(sentence.text[match.end():]) \
                and not analysis.in_placeholder(sentence.start + match.start(),
                                                sentence.start + match.end()):
            return sentence.start + match.end(), sentence.end, sentence.text[match.end():]
    return _strapline(document, analysis)


def _why_none(document, analysis, headings) -> str:
    """What was looked for, and the mission section that holds nothing yet, if any."""
    for section in document.sections:
        heading = section.heading
        if heading is not None and not heading.quoted and headings.search(heading.title) \
                and analysis.hollow(document.subtree(section)):
            line = document.position(heading.start)[0]
            return (f"no mission or vision statement (the section '{heading.title}' at line "
                    f"{line} has nothing written in it yet)")
    return "no mission or vision statement"


def run(document, analysis, options):
    from ..patterns import compile_phrases

    fields = options["fields"]
    for source in (document.front_matter, document.data):
        if isinstance(source, dict):
            for field in fields:
                value = source.get(field)
                if isinstance(value, str) and filled(value):
                    words = len(value.split())
                    if words > options["max-words"]:
                        node = document.nodes.get((field,))
                        at = node.start if node else max(document.text.find(value[:40]), 0)
                        yield Hit(at, at + len(value[:40]), {"words": words,
                                  "limit": options["max-words"],
                                  "problem": f"the mission is {words} words long"})
                    return
    if fields and is_structured(document):
        # A structured strategy states its mission in its field, or not at all.
        start, end = analysis.title_span
        node = next((document.nodes[(f,)] for f in fields if (f,) in document.nodes), None)
        if node is not None:
            start, end = node.key_start, node.key_end
        yield Hit(start, end, {"problem": f"no mission statement in the '{fields[0]}' field",
                               "limit": options["max-words"]})
        return
    headings = compile_phrases(tuple(options["headings"]))
    found = _statement(document, analysis, headings)
    limit = options["max-words"]
    if found is None:
        if analysis.text_blocks:
            start, end = analysis.title_span
            yield Hit(start, end, {"problem": _why_none(document, analysis, headings),
                                   "limit": limit})
        return
    start, end, text = found
    words = len(analysis.words(text))
    if words > limit:
        yield Hit(start, end, {"problem": f"the mission is {words} words long", "words": words,
                               "limit": limit})


def describe(options) -> str:
    limit = options["max-words"]
    return ("The first of: a filled mission field; the first written sentence under a heading "
            "such as 'Mission', 'Vision', 'Ambition' or 'Purpose'; a sentence that states it "
            "('Our mission is ...', 'Our vision is ...', 'We want to be ...', 'Our strategy "
            "is to ...', 'the purpose of the Data Strategy: to ...'); a short strapline under the title saying what the organisation "
            "aims at ('Using new technology to serve the borough'), or a short line set off "
            "as a pull-quote there. Not a mission: a 'to be agreed' sentence or an empty "
            "section, a lead-in ending in a colon, a contents entry, a numbered workstream "
            "('Mission 1: ...'), a line about the document itself ('This strategy sets out "
            "...'). The statement found must be at "
            f"most {limit} words.")


KIND = CheckKind("mission", run, {"type": "object", "properties": OPTIONS,
                                  "additionalProperties": False, "required": ["headings"]},
                 describe=describe)
