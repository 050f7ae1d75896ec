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

from ..document import (HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, Document,
                        is_structured)
from ..patterns import FoldedPattern, fold
from . import lemmas
from .placeholders import filled, strip_placeholders


SECTION_HEADING = re.compile(
    r"\b(?:commitments?|actions?|deliverables?|roadmap|what we will (?:do|deliver)|"
    r"key projects|our projects|programme of work|projects we will|"
    r"what we'll (?:do|deliver)|delivery plan|our plan|action plan|next steps|"
    r"key milestones|milestones)\b", re.IGNORECASE)
# Not where commitments are made: questions, what is not done, and reports of progress on
# earlier ones ("Progress against our 2022 commitments").
NOT_SECTION = re.compile(r"\?\s*$|\bnot\b|\bwon't\b|\balready\b|\bso far\b|\bdelivered\b|"
                         r"\bprogress (?:against|on|with|in)\b", re.IGNORECASE)

PROMISE = FoldedPattern(
    r"\b(?:we will|we'll|we\u2019ll|we are going to|we're going to|we\u2019re going to|we shall|"
    r"we commit to|we are committed to|we have committed to|our commitment is|we pledge to|"
    r"we promise to)\b(?!\s+(?:not|never)\b)")
LEAD_IN = re.compile(r":\s*$")
_YEAR_RANGE = re.compile(r"\b(?:19|20)\d\d(?:/\d\d)?\s*(?:-|\u2013|\u2014|to)\s*(?:19|20)?\d\d(?:/\d\d)?\b")
# "It explains what we will do" describes the document; it promises nothing itself.
EMBEDDED = re.compile(r"\b(?:what|how|where|why|whether|which|when)\s+$", re.IGNORECASE)
# "This strategy contains 14 actions": a stated count, for text that lists them elsewhere.
# Only this document's own count: "this strategy sets out 14 actions", "we make 20
# commitments", not "the national plan contains 79 actions".
STATED_COUNT = FoldedPattern(r"\b(?:(?:this|our) (?:[\w-]+ ){0,3}?(?:strategy|plan|roadmap|document|"
                       r"agenda|framework|programme)\b[^.;]{0,40}?\b(?:contains|sets out|makes|"
                       r"has|includes|lists|identifies)|we (?:set out|make|have set|have made|"
                       r"have identified|propose|commit to))\s+(\d{1,3})\s+"
                       r"(?:\w+\s+)?(?:actions|commitments|deliverables|pledges)\b")
# A heading that is itself one commitment: "Action 7: Government-wide dashboards".
ACTION_HEADING = re.compile(
    r"^\W*(?:action|commitment|deliverable|initiative|pledge|project)\s+(?:\d+(?:\.\d+)?[a-z]?|"
    r"[ivx]+)\b", re.IGNORECASE)
# A theme, priority or mission whose list items are its initiatives: "Priority 2: ...".
THEME_HEADING = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:strategic )?(?:priority|priorities|mission|theme|objective|"
    r"goal|workstream|pillar|strand)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|[a-h]\b)", re.IGNORECASE)
# Sections that state beliefs or set the scene: their "we will" sentences are not actions.
NOT_ACTIONS = re.compile(
    r"\b(?:vision|mission|values|principles|ambitions?|aspirations?|outcomes?|introduction|"
    r"foreword|summary|overview|about (?:this|the|us)|purpose|context|background|glossary|"
    r"contents|what (?:good|success) looks like|case for change|why|where we are|"
    r"achievements|delivered|so far|lessons|reading|references|resources|further information|"
    r"appendix|annex|measur\w*|indicators?|metrics|know|risks?|what could go wrong|"
    r"assumptions|dependencies)\b", re.IGNORECASE)

# Promises outside the commitments sections count as well when there are at least this many
# and this many times as many as inside them (see find).
SPREAD_PROMISES = 30
SPREAD_RATIO = 5

# A lead-in to a list of results, beliefs or measures, not of actions: "The intended
# outcomes for this workstream are:", "Our principles:", "We'll know this is working when:".
NOT_ACTIONS_LEAD = re.compile(r"\b(?:outcomes?|aims|vision|principles|values|benefits|"
                              r"ambitions?|what (?:good|success) looks like|indicators|kpis|"
                              r"measures of success|(?:is|are) working|we(?:'|\u2019)?ll know|"
                              r"we will know)\b[^:]*:?\s*$", re.IGNORECASE)

# A section on measures: milestones listed under it measure commitments made elsewhere.
MEASURES_HEADING = re.compile(r"\b(?:measur\w*|indicators?|metrics|know|success|working|"
                              r"targets?)\b", re.IGNORECASE)

_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|"
           r"november|december)")
# Countable units: "every ward", "all 3,000 carers", "no patient".
_PEOPLE = (r"(?:patients?|people|person|residents?|staff|students?|users?|appointments?|calls?|"
           r"referrals?|requests?|visits?|transactions?|contacts?|hours|days|weeks|minutes|"
           r"systems?|wards?|sites?|teams?|schools?|homes?|carers?|applications?|forms?|beds?|"
           r"practices?|crews?|claimants?|tenants?|families|family|clinics?|libraries|library|"
           r"branches|branch|faculties|faculty|departments?|hospitals?|letters?|records?|"
           r"specialties|specialty|gps?|nurses?|clinicians?|members?|volunteers?|learners?|"
           r"households?|businesses|customers?|cases?|claims?|devices?|laptops?|locations?)")
# Signs that a commitment can be checked: numbers that are not years or days of a month,
# percentages, money, "from X to Y", "halve", "every ward", an explicit measure or target.
MEASURE = FoldedPattern("|".join([
    # A number that is neither a year, a day of a month, nor a label ("phase 2"). The
    # lookahead first spares the lookbehinds at every other position.
    r"(?=\d)(?<![\w/£])(?<!phase )(?<!stage )(?<!tranche )(?<!version )(?<!release )(?<!wave )"
    r"(?<!step )(?<!part )(?<!section )(?<!year )(?<!level )(?<!tier )"
    r"(?!(?:19|20)\d\d\b)\d[\d,.]*(?![\w/])(?!\s*(?:st|nd|rd|th)?\s+" + _MONTHS + r")",
    r"%|£\s?\d",
    # The rest start a word: one boundary check for them all spares trying each everywhere.
    r"\b(?:" + "|".join([
        r"per\s?cent\b|percent\b",
        r"(?:halve|halving|halved|double|doubling|treble|zero|twice)\b",
        r"one in (?:two|three|four|five|six|seven|eight|nine|ten|twenty|\d+)\b",
        r"(?:a|one)\s+(?:third|quarter|fifth|half)\b",
        r"(?:measure|measured by|target|kpi|indicator)\b\s*:?",
        r"(?:every|all|each|no)\s+(?:of\s+)?(?:our\s+|the\s+)?(?:\w+\s+){0,2}?" + _PEOPLE + r"\b",
        r"same[\s-]day\b|first time\b|under an? (?:hour|minute|day|week)\b|"
        r"within an? (?:hour|day|week|month)\b|in real time\b",
        r"by half\b|half of\b",
        r"from\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,.]*)\b[^.;]{0,40}?"
        r"\bto\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d)",
        r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred)\s+"
        r"(?:\w+\s+)?" + _PEOPLE + r"\b",
    ]) + ")",
]))
# Alternatives that start a word share one boundary check, in their original order (the
# first that matches gives the date's text).
DATE = FoldedPattern(
    r"\b(?:(?:by|before|in|during|until|end of|within|for|q[1-4]|autumn|spring|summer|winter|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s+(?:the\s+)?(?:end\s+of\s+)?(?:(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december|spring|summer|autumn|winter|q[1-4])\s+)?(?:19|20)\d\d\b|"
    r"(?:19|20)\d\d\s*/\s*\d\d\b|(?:19|20)\d\d-\d\d\b)|\((?:19|20)\d\d\)|"
    r"\b(?:(?:19|20)\d\d\s*(?:-|\u2013|to)\s*(?:19|20)?\d\d\b|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s+(?:19|20)\d\d\b|q[1-4]\s+(?:19|20)?\d\d\b|"
    r"within\s+(?:\d+|one|two|three|four|five|six|nine|twelve|eighteen)\s+(?:days|weeks|months|"
    r"years?)\b|(?:first|next)\s+(?:\d+|hundred|thirty|sixty|ninety)\s+days\b|"
    r"(?:this|next|the coming)\s+(?:financial\s+)?(?:year|quarter|month)\b|"
    r"(?:by|before|in|until)\s+(?:next|this)\s+(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december|spring|summer|autumn|winter)\b|"
    r"by\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?:year|quarter|month)\b|"
    r"(?:in|by|during)\s+year\s+(?:one|two|three|1|2|3)\b|(?:first|second)\s+(?:year|quarter)\b|"
    r"(?:each|every)\s+(?:year|quarter|month|january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\b)")
# "Owner: ...", "accountable", or "led by" followed by a name or a body, not "led by what".
# Which of OWNER, LED_BY and OWNER_NAMED matches does not matter, only whether one does.
LED_BY = re.compile(
    r"\b(?:owned|led|sponsored|overseen|delivered|chaired)\s+by\s+(?:the\s+|our\s+|a\s+)?"
    r"(?:(?-i:[A-Z])|\w+\s+(?:team|board|committee|group|service|directorate|lead|officer|manager))",
    re.IGNORECASE)
OWNER = FoldedPattern(
    r"\b(?:owner\b|accountable\b|responsible\b|lead:|"
    r"(?:chief|deputy chief)\s+[a-z]+|director\s+of\s+[a-z]+|"
    r"(?:matron|registrar|academic registrar|caldicott guardian|monitoring officer|"
    r"section 151 officer|head teacher|principal)\b|"
    r"(?:clinical|medical|managing|executive|programme|service|operational|operations|deputy|"
    r"finance|nursing|digital|strategy|estates)\s+director\b|head\s+of\s+[a-z]+|"
    r"(?:ccio|cnio|cio|cdio|cdo|cto|ceo|coo|cfo|siro|sro|caldicott guardian)\b|"
    r"(?:dr|prof|professor)\.?\s+[a-z][a-z]+)")
# A role or name followed by a title-case job, e.g. "Sam Okoro, Head of Customer Services".
OWNER_NAMED = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+, (?:[A-Z][a-z]+ ?){1,4}(?:of|for) [A-Z]")

# Promises that commit to nothing in particular yet.
TENTATIVE = re.compile(
    r"\b(?:explore|exploring|consider|considering|investigate|investigating|look (?:at|into)|"
    r"scope out|aim to|aspire to|seek to|strive to|work towards|continue to|ambition to|"
    r"hope to|try to|review options|assess the potential)\b", re.IGNORECASE)

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
    when: str = ""      # the date or timescale found, normalised; "" when there is none
    # For a commitment given as data: where its `what` and `outcome` are, the words that
    # should name an outcome rather than a product (its owner or measure may name anything).
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def tentative(self) -> bool:
        """A promise that commits to nothing in particular yet ("we will explore ...")."""
        return bool(TENTATIVE.search(self.text))

    @property
    def summary(self) -> str:
        words = self.text.split()
        return " ".join(words[:12]) + (" ..." if len(words) > 12 else "")


def _parts(text: str, context: str) -> tuple[bool, str, bool]:
    """(has a measure, the date found or "", has an owner). The item's own date wins over
    one inherited from its heading or lead-in. Placeholders ("[TODO: owner]") count for
    nothing."""
    text, context = strip_placeholders(text), strip_placeholders(context)
    date = DATE.search(text) or DATE.search(context)
    both = f"{context} {text}"
    counted = _NOT_COUNTS.sub(" ", _ITEM_NUMBER.sub(" ", text))
    return (bool(MEASURE.search(counted)),
            " ".join(date.group(0).lower().split()) if date else "", _has_owner(both))


# An item's own number ("1.2 We will ...", "3) Publish ...") and counts of the strategy's
# own parts ("our 5 enablers") are not measures.
_ITEM_NUMBER = re.compile(r"^\s*(?:action |commitment |priority )?\d+(?:\.\d+)*[.):]?(?=\s)",
                          re.IGNORECASE)
_NOT_COUNTS = re.compile(
    r"\b(?:first|next)\s+\d+\s+(?:days|weeks|months)\b|"   # a timescale, not a measure
    r"\b\d+\s+(?:key\s+|strategic\s+|digital\s+|core\s+)?(?:enablers?|themes?|priorities|"
    r"principles|pillars|strands|objectives|goals|workstreams|areas|ambitions|missions|actions|"
    r"commitments|sections|chapters|steps|phases|stages|parts)\b", re.IGNORECASE)


def _has_owner(text: str) -> bool:
    return bool(OWNER.search(text) or LED_BY.search(text) or OWNER_NAMED.search(text))


def _table_commitments(blocks: list[Block], section: str, context: str) -> list[Commitment]:
    """One commitment per body row. Where the table has a column for a part (a measure, a
    date, an owner), the row's cell in it decides, even when it is empty; otherwise the
    part may come from the row's text or the headings above the table."""
    titles: dict[int, str] = {}
    rows: dict[int, list[Block]] = {}
    for block in blocks:
        if block.kind != TABLE_CELL:
            continue
        if block.header:
            titles[block.col] = block.title
        else:
            rows.setdefault(block.row, []).append(block)
    columns = {role: {col for col, title in titles.items() if regex.search(title)}
               for role, regex in COLUMN_PARTS.items()}
    found = []
    for cells in rows.values():
        if len(titles) > 1 and len(cells) == 1 and cells[0].col == 0:
            continue   # a group label across the table ("**Artificial intelligence**")
        text = " | ".join(c.title for c in cells)
        measure, when, owner = _parts(text, context)
        said = {c.col: strip_placeholders(c.title) for c in cells}
        in_column = {role: [said[col] for col in cols if col in said]
                     for role, cols in columns.items()}
        if columns["measure"]:
            measure = any(MEASURE.search(cell) for cell in in_column["measure"])
        if columns["date"]:
            own = DATE.search(strip_placeholders(text))
            when = next((" ".join(cell.lower().split()) for cell in in_column["date"]
                         if DATE.search(cell) or re.search(r"\d", cell)),
                        " ".join(own.group(0).lower().split()) if own else "")
        if columns["owner"]:
            owner = _has_owner(strip_placeholders(text)) or \
                any(cell.strip(" -\u2013.") for cell in in_column["owner"])
        found.append(Commitment(cells[0].start, cells[-1].end, text, measure, bool(when),
                                owner, section, when))
    return found


def promise_in(text: str) -> re.Match | None:
    """The first real promise in a sentence, skipping embedded ones ("how we will")."""
    for match in PROMISE.finditer(text):
        if not EMBEDDED.search(text[:match.start()]):
            return match
    return None


def stated_count(analysis) -> int:
    """The largest number of actions or commitments the text says it contains."""
    texts = [b.text for b in analysis.prose_blocks if not b.quoted]
    # Most documents never say: one look through all their text at once tells.
    if not STATED_COUNT.may_match(fold("\n".join(texts))):
        return 0
    counts = [int(m.group(1)) for text in texts for m in STATED_COUNT.finditer(text)]
    return max(counts, default=0)


def find(document: Document, analysis) -> list[Commitment]:
    """The strategy's commitments, each one top-level item: a field of structured data, an
    "Action 3" heading, an item or row of a commitments, theme or priority section, or a
    promise of the author's own elsewhere."""
    items = _data_items(document)
    if items is not None:
        return _from_data(document, items)
    # A title over the whole document ("Smart City Roadmap") names the document, not its
    # commitments section; a lone heading may be both.
    title = document.title_block if len(document.sections) > 1 else None
    actions = [s for s in document.sections if s.heading is not None and not s.heading.quoted
               and ACTION_HEADING.search(s.heading.title)]
    if len(actions) >= 2:
        return _from_action_headings(document, actions)
    headed = [s for s in document.sections
              if s.heading is not None and s.heading is not title and not s.heading.quoted
              and not NOT_SECTION.search(s.heading.title)]
    # A section named for commitments is where they are; failing that, theme and priority
    # sections and lists of instructions; failing that, the author's promises anywhere.
    parents = _parents(document)
    named = [s for s in headed if SECTION_HEADING.search(s.heading.title)
             and not _under(document, parents, s, MEASURES_HEADING)
             and not _under(document, parents, s, NOT_SECTION)]
    if named:
        found = _from_sections(document, analysis, named)
        # A short "Next steps" list at the end of chapters full of promises does not hold
        # all the strategy's commitments: when the promises elsewhere far outnumber it,
        # they count too.
        inside = {b.start for s in named for b in document.subtree(s)}
        elsewhere = [c for c in _from_prose(document, analysis)
                     if analysis.block_start(c.start) not in inside]
        if len(elsewhere) >= SPREAD_PROMISES and len(elsewhere) > SPREAD_RATIO * len(found):
            found = sorted(found + elsewhere, key=lambda c: c.start)
        return found
    themed = [s for s in headed if _theme(s.heading.title) or
              (not NOT_ACTIONS.search(s.heading.title) and _action_list(s))]
    if themed:
        return _from_sections(document, analysis, themed)
    return _from_prose(document, analysis)


_FIRST_WORD = re.compile(r"[A-Za-z]+")


def _theme(title: str) -> bool:
    """A numbered theme, priority or mission heading whose own words are not about beliefs
    or results: "Mission 1: Make claiming simple", not "Priority 2: our values"."""
    match = THEME_HEADING.search(title)
    return match is not None and not NOT_ACTIONS.search(title[match.end():])


def _action_list(section) -> bool:
    """A section whose own list is a list of actions: at least three top-level items, most
    of them starting with a verb in its plain form ("Identify ...", "Publish ...")."""
    items = [b for b in section.blocks if b.kind == LIST_ITEM and not b.quoted]
    if len(items) < 3:
        return False
    top = min(b.level for b in items)
    items = [b for b in items if b.level == top]
    verbs = sum(1 for b in items if imperative(b.text))
    return len(items) >= 3 and verbs * 3 >= len(items) * 2


def imperative(text: str) -> bool:
    """Whether text starts with a verb in its plain form, as an instruction does."""
    match = _FIRST_WORD.search(text[:40])
    return match is not None and lemmas.is_base_verb(match.group(0))


def _under(document, parents: list[int | None], section, pattern) -> bool:
    """Whether a heading above the section matches pattern ("2025/26 milestones" under
    "How we'll know it's working" lists measures of commitments made elsewhere)."""
    index = parents[section.index]
    while index is not None:
        if pattern.search(document.sections[index].heading.title):
            return True
        index = parents[index]
    return False


def _parents(document) -> list[int | None]:
    """For each section, the index of the section whose heading it sits under (one pass
    with a stack, so a document of many headings stays linear)."""
    parents: list[int | None] = []
    stack: list[int] = []
    for section in document.sections:
        while stack and document.sections[stack[-1]].level >= section.level:
            stack.pop()
        parents.append(stack[-1] if stack and section.heading is not None else None)
        if section.heading is not None:
            stack.append(section.index)
    return parents


def _from_action_headings(document, sections) -> list[Commitment]:
    """One commitment per "Action N" heading; its measure, date and owner may be anywhere
    under it (its milestones, a table of them, a named lead)."""
    found = []
    for section in sections:
        body = [b for b in document.subtree(section) if not b.quoted]
        text = " ".join([section.heading.title] + [b.title for b in body if b.kind != HEADING])
        measure, when, owner = _parts(text, "")
        table = _table_commitments(body, section.title, "")
        measure = measure or any(c.has_measure for c in table)
        when = when or next((c.when for c in table if c.when), "")
        owner = owner or any(c.has_owner for c in table)
        found.append(Commitment(section.heading.start, section.heading.end,
                                section.heading.title, measure, bool(when), owner,
                                section.title, when))
    return found


def _from_sections(document, analysis, sections) -> list[Commitment]:
    """The items of commitments sections. An item's date and owner may sit in the headings
    above it ("Priority 1", "By March 2026") or in a line under one of them ("Executive
    lead: Chief Operating Officer"), as well as in the item itself or its lead-in."""
    found: list[Commitment] = []
    seen: set[int] = set()
    for section in sections:
        blocks = [b for b in document.subtree(section) if not b.quoted]
        items = [b for b in blocks if b.kind == LIST_ITEM]
        top_level = min((b.level for b in items), default=1)
        # The headings above the current block, each with the owner lines under it.
        above: list[tuple[int, str]] = [(section.heading.level, _plain_heading(section.heading))]
        lead = ""
        tables: dict[str, list[Block]] = {}   # table cells by the headings above them
        titled: tuple[Block, str] | None = None   # a short item titling the text after it
        for block in blocks:
            if block.kind == HEADING:
                titled = None
                above = [h for h in above if h[0] < block.level]
                # A range under the section's own heading is a phase's timescale
                # ("Horizon 1: Build the foundations (2023-2025)"), not the plan's span.
                above.append((block.level, block.title))
                lead = ""
                continue
            if block.start in seen:
                continue
            seen.add(block.start)
            context = " ".join(text for _level, text in above)
            if block.kind == TABLE_CELL:
                tables.setdefault(context, []).append(block)
            elif block.kind == PARAGRAPH and titled is not None \
                    and not promise_in(block.title):
                # "1. Fewer logins" over the paragraph that says what, by when and who.
                item, item_context = titled
                found[-1] = _commitment(item.start, block.end, f"{found[-1].text} {block.title}",
                                        item_context, section.title)
            elif block.kind == PARAGRAPH:
                titled = None
                if _has_owner(block.title) and not promise_in(block.title):
                    level, text = above[-1]
                    above[-1] = (level, f"{text} {block.title}")   # "Executive lead: ..."
                short = len(block.title.split()) <= 6
                short_date = short and DATE.search(block.title)
                # A short label over a list leads into it like a colon does ("**What
                # success looks like**").
                label = short and not block.title.rstrip().endswith((".", "!", "?"))
                lead = block.title if LEAD_IN.search(block.title) or short_date or label else ""
                found.extend(_paragraph_commitments(analysis, block, context, section.title))
            elif block.kind == LIST_ITEM and block.level == top_level \
                    and not NOT_ACTIONS_LEAD.search(lead):
                found.append(_commitment(block.start, block.end, block.title,
                                         f"{context} {lead}", section.title))
                title = block.title.rstrip()
                titled = (block, f"{context} {lead}") \
                    if len(title.split()) <= _TITLE_WORDS and not title.endswith((".", ";")) \
                    else None
            elif block.kind == LIST_ITEM:
                titled = None
        for context, cells in tables.items():
            # A row takes its date and owner from the headings above its table too
            # ("### 2025/26 priorities").
            found.extend(_table_commitments(cells, section.title, context))
    found.sort(key=lambda c: c.start)
    return found


# An item this short, with no full stop, may be a title over the paragraph that details it.
_TITLE_WORDS = 8


def _plain_heading(heading: Block) -> str:
    """A heading as context: a year range in it ("Key projects 2024-2027") is the plan's
    span, not a deadline."""
    return _YEAR_RANGE.sub(" ", heading.title)


def _paragraph_commitments(analysis, block, context, section) -> list[Commitment]:
    """Each promise sentence, with the sentences after it that add detail ("Owner: ...")."""
    found = []
    current = None
    for sentence in analysis.sentences_in(block):
        if promise_in(sentence.text) and not LEAD_IN.search(sentence.text):
            if current:
                found.append(_commitment(*current, context, section))
            current = [sentence.start, sentence.end, sentence.text]
        elif current:
            current[1] = sentence.end
            current[2] += " " + sentence.text
    if current:
        found.append(_commitment(*current, context, section))
    return found


def _commitment(start, end, text, context, section) -> Commitment:
    measure, when, owner = _parts(text, context)
    return Commitment(start, end, " ".join(text.split()), measure, bool(when), owner, section,
                      when)


def _scene_setting(document) -> set[int]:
    """Starts of blocks in sections that state beliefs or set the scene (vision, values,
    principles, outcomes, introduction): their promises are not actions."""
    starts: set[int] = set()
    for section in document.sections:
        if section.heading is not None and section.heading is not document.title_block \
                and NOT_ACTIONS.search(section.heading.title):
            starts.update(b.start for b in document.subtree(section))
    return starts


def _from_prose(document, analysis) -> list[Commitment]:
    found: list[Commitment] = []
    blocks = analysis.prose_blocks
    lead: str | None = None
    skip = _scene_setting(document)
    for block in blocks:
        if block.quoted or block.start in skip:
            lead = None
            continue
        if block.kind == LIST_ITEM and lead is not None:
            if block.level == 1 and not analysis.in_quote(block.start, block.end):
                found.append(_commitment(block.start, block.end, block.title, lead, ""))
            continue
        lead = None
        if block.kind == TABLE_CELL:
            continue
        previous = None   # the last commitment in this block, open to a follow-on owner
        for sentence in analysis.sentences_in(block):
            match = promise_in(sentence.text)
            if not match or analysis.in_quote(sentence.start + match.start(),
                                              sentence.start + match.end()):
                # "Sam Okoro, Head of Housing, is accountable for this." belongs to the
                # promise just before it.
                if previous is not None and _has_owner(sentence.text):
                    found[-1] = _commitment(previous.start, sentence.end,
                                            f"{previous.text} {sentence.text}", "", "")
                previous = None
                continue
            if LEAD_IN.search(sentence.text):
                lead = sentence.text
                previous = None
            else:
                found.append(_commitment(sentence.start, sentence.end, sentence.text, "", ""))
                previous = found[-1]
    return found


def _data_items(document: Document) -> list | None:
    """The commitments given as data: a structured strategy's `commitments` list (all of
    them, even none), or a non-empty `commitments` list in front matter. None otherwise."""
    if is_structured(document):
        items = document.data.get("commitments")
        return items if isinstance(items, list) else []
    front = document.front_matter
    if isinstance(front, dict) and isinstance(front.get("commitments"), list) \
            and front["commitments"]:
        return front["commitments"]
    return None


def _from_data(document: Document, items: list) -> list[Commitment]:
    """One commitment per item, its parts read from its fields exactly: a measure or a target
    makes it measurable, `due` time-bound and `owner` owned. A plain text item (which the
    schema reports) is read like a list item of prose."""
    found = []
    for number, item in enumerate(items):
        node = document.nodes.get(("commitments", number))
        start, end = (node.start, node.end) if node else (0, 0)
        if isinstance(item, str):
            found.append(_commitment(start, end, item, "", "commitments"))
            continue
        if not isinstance(item, dict):
            continue
        what = item.get("what")
        text = " ".join(str(what).split()) if what is not None else f"commitment {number + 1}"
        due = item.get("due")
        when = " ".join(str(due).lower().split()) if filled(due) else ""
        parts = tuple((n.start, n.end) for n in (document.nodes.get(("commitments", number, f))
                                                 for f in ("what", "outcome")) if n)
        found.append(Commitment(start, end, text,
                                filled(item.get("measure")) or filled(item.get("target")),
                                bool(when), filled(item.get("owner")), "commitments", when,
                                parts))
    return found
