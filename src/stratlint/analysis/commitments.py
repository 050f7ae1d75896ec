"""Commitments: the promises a strategy makes, and whether each has the parts of a good one.

A document with a section headed like "Our commitments", "Actions" or "Roadmap" has its
commitments there (list items, table rows, "we will" sentences). Elsewhere, "we will ..."
sentences of the author's own are commitments, as are the bullets under a lead-in such as
"Over the next year we will:". Negated promises ("we will not ...") are choices, not
commitments.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, Document

SECTION_HEADING = re.compile(
    r"\b(?:commitments?|actions?|deliverables?|roadmap|what we will (?:do|deliver)|"
    r"what we'll (?:do|deliver)|delivery plan|our plan|action plan|next steps|"
    r"we will|key milestones|milestones)\b", re.IGNORECASE)
NOT_SECTION = re.compile(r"\bnot\b|\bwon't\b|\balready\b|\bso far\b|\bdelivered\b", re.IGNORECASE)

PROMISE = re.compile(
    r"\b(?:we will|we'll|we\u2019ll|we are going to|we're going to|we\u2019re going to|we shall|"
    r"we commit to|we are committed to|we have committed to|our commitment is|we pledge to|"
    r"we promise to)\b(?!\s+(?:not|never)\b)", re.IGNORECASE)
LEAD_IN = re.compile(r":\s*$")

MEASURE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|per\s?cent|percent)|\b(?:halve|halving|double|doubling|treble|zero)\b|"
    r"\bfrom\s+[\d£]|\bat least\s+[\d\w]|\b(?:fewer|more|less) than\s+[\d£]|\b\d[\d,.]*\s*(?:minutes|hours|days|weeks)\b|"
    r"\b(?:target|measured by|measure:|kpi)\b|\b(?:every|all)\s+(?:ward|wards|school|schools|"
    r"patient|patients|resident|residents|team|teams|site|sites|service|services|practice|practices)\b|"
    r"\b(?:increase|reduce|cut|raise|lower|improve)\w*\b[^.;]{0,60}?\b(?:by|to)\s+(?:[\d£]|half|a (?:third|quarter|fifth))|"
    r"\b\d[\d,]*\s+(?:more|fewer|additional|extra)\b|\b(?:a|one)\s+(?:third|quarter|fifth|half)\b|"
    r"\b(?:£\s?\d|\d[\d,]*\s+(?:patients|people|residents|staff|students|users|appointments|calls|"
    r"referrals|requests|visits|transactions|contacts|hours|days))",
    re.IGNORECASE)
DATE = re.compile(
    r"\b(?:by|before|from|in|during|until|end of|within|for|Q[1-4]|autumn|spring|summer|winter|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s+(?:the\s+)?(?:end\s+of\s+)?(?:(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december|spring|summer|autumn|winter|q[1-4])\s+)?(?:19|20)\d\d\b|"
    r"\b(?:19|20)\d\d\s*/\s*\d\d\b|\b(?:19|20)\d\d-\d\d\b|"
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s+(?:19|20)\d\d\b|\bQ[1-4]\s+(?:19|20)?\d\d\b|"
    r"\bwithin\s+(?:\d+|one|two|three|four|five|six|nine|twelve|eighteen)\s+(?:weeks|months|years?)\b|"
    r"\b(?:this|next|the coming)\s+(?:financial\s+)?(?:year|quarter|month)\b|"
    r"\bby\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?:year|quarter|month)\b|"
    r"\b(?:in|by|during)\s+year\s+(?:one|two|three|1|2|3)\b|\b(?:first|second)\s+(?:year|quarter)\b",
    re.IGNORECASE)
OWNER = re.compile(
    r"\b(?:owner|owned by|led by|lead(?:s|ing)? (?:on|by)|accountable|responsible|sponsored by|"
    r"overseen by|delivered by|lead:)\b|"
    r"\b(?:chief|deputy chief)\s+(?:[a-z]+\s+){0,3}(?:officer|executive|nurse|information officer|"
    r"digital officer|operating officer)\b|\bdirector\s+of\s+[a-z]+|"
    r"\b(?:clinical|medical|managing|executive|programme|service|operational|operations|deputy|"
    r"finance|nursing|digital|strategy|estates)\s+director\b|\bhead\s+of\s+[a-z]+|"
    r"\b(?:CCIO|CNIO|CIO|CDIO|CDO|CTO|CEO|COO|CFO|SIRO|SRO|Caldicott Guardian)\b|"
    r"\b(?:Dr|Prof|Professor)\.?\s+[A-Z][a-z]+", re.IGNORECASE)
# A role or name followed by a title-case job, e.g. "Sam Okoro, Head of Customer Services".
OWNER_NAMED = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+, (?:[A-Z][a-z]+ ?){1,4}(?:of|for) [A-Z]")

# Table columns that carry a part of a commitment.
COLUMN_PARTS = {
    "measure": re.compile(r"measure|target|kpi|indicator|success|metric|how we will know", re.I),
    "date": re.compile(r"\bwhen\b|date|\bby\b|due|deadline|timescale|milestone|year|quarter",
                       re.I),
    "owner": re.compile(r"owner|lead|accountable|responsible|sponsor|who", re.I),
}


@dataclass(frozen=True)
class Commitment:
    start: int
    end: int
    text: str
    has_measure: bool
    has_date: bool
    has_owner: bool
    section: str

    @property
    def summary(self) -> str:
        words = self.text.split()
        return " ".join(words[:12]) + (" ..." if len(words) > 12 else "")


def _parts(text: str, context: str) -> tuple[bool, bool, bool]:
    both = f"{context} {text}"
    return (bool(MEASURE.search(text)), bool(DATE.search(both)),
            bool(OWNER.search(both) or OWNER_NAMED.search(both)))


def _table_commitments(blocks: list[Block], section: str, context: str) -> list[Commitment]:
    header: dict[int, str] = {}
    rows: dict[int, list[Block]] = {}
    for block in blocks:
        if block.kind != TABLE_CELL:
            continue
        if block.header:
            header.setdefault(block.row, "")
            header[block.row] += "\t" + block.title
        else:
            rows.setdefault(block.row, []).append(block)
    titles: list[str] = []
    for row_header in header.values():
        titles = row_header.strip("\t").split("\t")
    found = []
    for cells in rows.values():
        text = " | ".join(c.title for c in cells)
        measure, date, owner = _parts(text, context)
        for index, cell in enumerate(cells):
            title = titles[index] if index < len(titles) else ""
            filled = bool(cell.title.strip(" -\u2013"))
            if filled and COLUMN_PARTS["measure"].search(title):
                measure = True
            if filled and COLUMN_PARTS["date"].search(title) and (
                    DATE.search(cell.title) or re.search(r"\d", cell.title)):
                date = True
            if filled and COLUMN_PARTS["owner"].search(title):
                owner = True
        first, last = cells[0], cells[-1]
        found.append(Commitment(first.start, last.end, text, measure, date, owner, section))
    return found


def find(document: Document, analysis) -> list[Commitment]:
    sections = [s for s in document.sections
                if s.heading is not None and SECTION_HEADING.search(s.heading.title)
                and not NOT_SECTION.search(s.heading.title) and not s.heading.quoted]
    if sections:
        return _from_sections(document, analysis, sections)
    return _from_prose(document, analysis)


def _from_sections(document, analysis, sections) -> list[Commitment]:
    found: list[Commitment] = []
    seen: set[int] = set()
    for section in sections:
        blocks = [b for b in document.subtree(section) if b.kind != HEADING and not b.quoted]
        context = section.heading.title
        lead = ""
        top_level = min((b.level for b in blocks if b.kind == LIST_ITEM), default=1)
        for block in blocks:
            if block.start in seen:
                continue
            seen.add(block.start)
            if block.kind == PARAGRAPH:
                lead = block.title if LEAD_IN.search(block.title) else ""
                for sentence in analysis.sentences_in(block):
                    if PROMISE.search(sentence.text) and not LEAD_IN.search(sentence.text):
                        found.append(_commitment(sentence.start, sentence.end, sentence.text,
                                                 context, section.title))
            elif block.kind == LIST_ITEM and block.level == top_level:
                found.append(_commitment(block.start, block.end, block.title,
                                         f"{context} {lead}", section.title))
        found.extend(_table_commitments(blocks, section.title, context))
    found.sort(key=lambda c: c.start)
    return found


def _commitment(start, end, text, context, section) -> Commitment:
    measure, date, owner = _parts(text, context)
    return Commitment(start, end, " ".join(text.split()), measure, date, owner, section)


def _from_prose(document, analysis) -> list[Commitment]:
    found: list[Commitment] = []
    blocks = analysis.prose_blocks
    lead: str | None = None
    for block in blocks:
        if block.quoted:
            lead = None
            continue
        if block.kind == LIST_ITEM and lead is not None:
            if block.level == 1 and not analysis.in_quote(block.start, block.end):
                found.append(_commitment(block.start, block.end, block.title, lead, ""))
            continue
        lead = None
        if block.kind == TABLE_CELL:
            continue
        for sentence in analysis.sentences_in(block):
            match = PROMISE.search(sentence.text)
            if not match or analysis.in_quote(sentence.start + match.start(),
                                              sentence.start + match.end()):
                continue
            if LEAD_IN.search(sentence.text):
                lead = sentence.text
            else:
                found.append(_commitment(sentence.start, sentence.end, sentence.text, "", ""))
    return found
