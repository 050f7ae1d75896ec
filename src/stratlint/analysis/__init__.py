"""Facts about a document computed once and shared by every rule that asks for them."""
from __future__ import annotations

import bisect
import re
from functools import cached_property

from .. import patterns
from ..document import HEADING, LIST_ITEM, PROSE_KINDS, TABLE_CELL, Block, Document
from . import (commitments, hollow, labels, negation, periods, placeholders, quotes,
               sentences)

_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f][\w'\u2019\-]*")


class Analysis:
    """Lazily computed views of one Document. Nothing here re-reads the file."""

    def __init__(self, document: Document, scanner: patterns.Scanner | None = None):
        self.document = document
        # The phrase sets of every rule of the run, looked for in one pass over each block.
        self.scanner = scanner
        # Memos shared by every rule that reads this document (see folded).
        self._folded: dict[str, str] = {}
        self._plain: dict[str, str] = {}

    @cached_property
    def prose_blocks(self) -> tuple[Block, ...]:
        """Paragraphs, list items and table cells, including quoted ones."""
        return tuple(b for b in self.document.blocks if b.kind in PROSE_KINDS)

    @cached_property
    def text_blocks(self) -> tuple[Block, ...]:
        """Headings and prose: everything a reader reads as the document's text."""
        return tuple(b for b in self.document.blocks if b.kind in PROSE_KINDS or b.kind == HEADING)

    @cached_property
    def quote_spans(self) -> list[tuple[int, int]]:
        return quotes.quote_spans(self.text_blocks)

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [start for start, _ in self.quote_spans]

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """True when [start, end) lies inside someone else's words."""
        end = start + 1 if end is None else end
        # Quote spans never overlap (a quoted block is not searched for inline quotes), so
        # only the last span starting at or before `start` can contain it.
        index = bisect.bisect_right(self._quote_starts, start) - 1
        return index >= 0 and end <= self.quote_spans[index][1]

    @cached_property
    def placeholder_spans(self) -> list[tuple[int, int]]:
        """Text that is not the author's yet: each placeholder such as "[TODO: one-sentence
        mission]", and the header row of a table whose rows hold only placeholders (its
        column names, "Cost per use", are not evidence of a service map)."""
        spans = [(block.start + lo, block.start + hi) for block in self.text_blocks
                 if "[" in block.text for lo, hi in placeholders.placeholder_spans(block.text)]
        if not spans:
            return spans
        for table in self.tables:
            body = [b for b in table if not b.header]
            if body and self.only_placeholders(body):
                spans.extend((b.start, b.end) for b in table if b.header)
        return sorted(spans)

    @cached_property
    def tables(self) -> list[list[Block]]:
        """Table cells grouped by table: runs of consecutive cells."""
        tables: list[list[Block]] = []
        previous = None
        for block in self.document.blocks:
            if block.kind == TABLE_CELL:
                if previous != TABLE_CELL:
                    tables.append([])
                tables[-1].append(block)
            previous = block.kind
        return tables

    @cached_property
    def _placeholder_index(self) -> tuple[list[int], list[int]]:
        """Placeholder starts, and the furthest end of any placeholder up to each one."""
        starts, reach, furthest = [], [], -1
        for lo, hi in self.placeholder_spans:
            furthest = max(furthest, hi)
            starts.append(lo)
            reach.append(furthest)
        return starts, reach

    def in_placeholder(self, start: int, end: int | None = None) -> bool:
        """True when [start, end) overlaps a placeholder: text that is not evidence yet."""
        end = start + 1 if end is None else end
        # Spans may overlap (a header row around its placeholders): of those starting
        # before `end`, does any reach past `start`?
        starts, reach = self._placeholder_index
        index = bisect.bisect_left(starts, end) - 1
        return index >= 0 and reach[index] > start

    def only_placeholders(self, blocks) -> bool:
        """Blocks holding a placeholder and nothing else (a section not yet written). Table
        headers only name the columns, so they do not count as written."""
        texts = [b.text for b in blocks if b.kind != HEADING and not b.header]
        return (any(placeholders.PLACEHOLDER.search(t) for t in texts)
                and all(placeholders.unfilled_text(t) for t in texts))

    @cached_property
    def _listing_starts(self) -> frozenset[int]:
        """Blocks that list or define topics rather than discuss them: a contents, glossary
        or references section (up to the next heading), and contents lines anywhere."""
        found = set()
        for section in self.document.sections:
            if hollow.not_discussion(section.heading):
                found.add(section.heading.start)
                found.update(b.start for b in section.blocks)
        found.update(b.start for b in self.text_blocks if hollow.contents_line(b))
        # A list item that only repeats a heading of the document is a contents entry.
        titles = {" ".join(b.title.lower().split()) for b in self.text_blocks
                  if b.kind == HEADING}
        found.update(b.start for b in self.prose_blocks
                     if b.kind == LIST_ITEM and " ".join(b.title.lower().split()) in titles)
        return frozenset(found)

    @cached_property
    def _section_starts(self) -> list[int]:
        return [s.heading.start if s.heading else (s.blocks[0].start if s.blocks else 0)
                for s in self.document.sections]

    def section_number(self, offset: int) -> int:
        """The index of the section (heading to next heading) holding an offset."""
        return max(bisect.bisect_right(self._section_starts, offset) - 1, 0)

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.document.blocks]

    def block_start(self, offset: int) -> int:
        """The start of the block holding an offset."""
        index = bisect.bisect_right(self._block_starts, offset) - 1
        return self._block_starts[index] if index >= 0 else 0

    def listing(self, block: Block) -> bool:
        """Whether a block is a contents entry or a glossary definition: not evidence."""
        return block.start in self._listing_starts

    def hollow(self, blocks) -> bool:
        """Whether blocks (a section's body) hold nothing written yet: no text, or only
        placeholders, TBC and short 'to be agreed' sentences. Headings and table headers
        only name things, so they do not count as written."""
        for block in blocks:
            if block.kind == HEADING or block.header or self.listing(block):
                continue
            pieces = self.sentences_in(block)
            texts = [s.text for s in pieces] if pieces else [block.text]
            if not all(hollow.filler(t) for t in texts):
                return False
        return True

    @cached_property
    def sentences(self) -> tuple[sentences.Sentence, ...]:
        result: list[sentences.Sentence] = []
        for block in self.prose_blocks:
            result.extend(sentences.split(block))
        return tuple(result)

    @cached_property
    def _sentences_by_block(self) -> dict[int, list[sentences.Sentence]]:
        grouped: dict[int, list[sentences.Sentence]] = {}
        for sentence in self.sentences:
            grouped.setdefault(sentence.block.start, []).append(sentence)
        return grouped

    def sentences_in(self, block: Block) -> list[sentences.Sentence]:
        return self._sentences_by_block.get(block.start, [])

    @cached_property
    def run_in_labels(self) -> list[tuple[Block, str, int]]:
        return labels.run_in_labels(self.document, self)

    @cached_property
    def commitments(self) -> list[commitments.Commitment]:
        return commitments.find(self.document, self)

    @cached_property
    def period(self) -> periods.Period | None:
        """The span the strategy covers: where it says so, or the year its vision is set
        for, whichever reaches further."""
        stated = self._stated_period
        vision = self._vision_period
        if stated is None or (vision is not None and vision.years > stated.years):
            return vision
        return stated

    @cached_property
    def _vision_period(self) -> periods.Period | None:
        """The furthest year a vision or ambition is set for ("Long Term Vision - 2030")."""
        year = self.document_year
        targets = [periods.vision_target(b.text, b.start, year) for b in self.text_blocks
                   if not b.quoted and not self.listing(b)]
        return max((t for t in targets if t is not None), key=lambda t: t.years, default=None)

    @cached_property
    def _stated_period(self) -> periods.Period | None:
        """The span the strategy says it covers."""
        doc = self.document
        meta = doc.front_matter if isinstance(doc.front_matter, dict) else (
            doc.data if isinstance(doc.data, dict) else {})
        for key in ("period", "title", "horizon"):
            value = meta.get(key)
            years = periods.period_years(value)
            if years is not None:   # {start: 2025, end: 2028}: located at the period's node
                node = doc.nodes.get((key,))
                start, end = (node.start, node.end) if node else (0, 0)
                evidence = f"{years[0]} to {years[1]}"
                return periods.Period(years[1] - years[0], start, end, evidence, "front matter")
            if isinstance(value, (str, int)):
                text = str(value)
                at = max(doc.text.find(text), 0)
                found = periods.find_in(text, at, "front matter", own_only=False)
                if found:
                    return found
        # The title, and a subtitle heading straight after it ("Digital Strategy: Towards 2035").
        titles = [b for b in doc.blocks[:4] if b.kind == HEADING][:2]
        for title in titles:
            found = (periods.find_in(title.text, title.start, "title", own_only=False)
                     or periods.title_target(title.text, title.start, self.document_year))
            if found:
                return found
        for block in self.text_blocks:
            if block.quoted:
                continue
            found = periods.find_in(block.text, block.start, "text", own_only=True)
            if found and not self.in_quote(found.start, found.end):
                return found
        year = self.document_year
        for block in self.prose_blocks:
            if block.quoted:
                continue
            found = periods.by_year_period(block.text, block.start, year)
            if found and not self.in_quote(found.start, found.end):
                return found
        return None

    @cached_property
    def document_year(self) -> int | None:
        doc = self.document
        meta = doc.front_matter if isinstance(doc.front_matter, dict) else {}
        for key in ("date", "published", "year"):
            value = str(meta.get(key, ""))
            match = re.search(r"\b(?:19|20)\d\d\b", value)
            if match:
                return int(match.group(0))
        head = doc.text[:3000]
        stated = periods.document_year(head)
        if stated is not None:
            return stated
        # Otherwise the first year of the earliest period the text gives ("2024-2026").
        starts = [int(m.group(1)) for b in self.text_blocks for m in periods.RANGE.finditer(b.text)]
        return min(starts, default=None)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> sentences.Sentence | None:
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def negated(self, start: int, end: int) -> bool:
        """Is the term at [start, end) mentioned in a negated or deferring clause?"""
        sentence = self.sentence_at(start)
        if sentence is None:
            return False
        return negation.is_negated(sentence.text, start - sentence.start, end - sentence.start)

    @cached_property
    def scan(self) -> patterns.Scan:
        """Which block texts each phrase set can match in (see patterns.Scan): one pass
        over each text, shared by every phrase rule and every section a rule looks at."""
        return patterns.Scan({block.text for block in self.document.blocks}, self.folded,
                             self.scanner)

    def plain(self, text: str) -> str:
        """patterns.plain(text), kept: what every pattern rule matches against."""
        found = self._plain.get(text)
        if found is None:
            found = self._plain[text] = patterns.plain(text)
        return found

    def folded(self, text: str) -> str:
        """patterns.fold(text), kept: every pattern rule looks in the same blocks."""
        folded = self._folded.get(text)
        if folded is None:
            folded = self._folded[text] = patterns.fold(text)
        return folded

    @cached_property
    def word_count(self) -> int:
        return sum(len(_WORD.findall(b.text)) for b in self.text_blocks)

    def words(self, text: str) -> list[str]:
        return _WORD.findall(text)

    @property
    def title_span(self) -> tuple[int, int]:
        """Where a whole-document finding points: the title, else the first text."""
        block = self.document.title_block
        if block is None:
            return 0, 0
        # The title's first line, without the blanks that markup (such as an HTML comment
        # after it) leaves behind: the span should hold words the reader can see.
        first_line = block.text.partition("\n")[0].rstrip()
        return block.start, block.start + len(first_line)
