"""HTML reader: the standard library's HTML parser finds the structure; positions are the source's.

The Document's text is the HTML source with everything that is not readable text blanked to
spaces (tags, comments, and the contents of script, style, nav, footer, head, template,
noscript and svg elements), keeping every line break. So a finding's line and column are
where its words stand in the file, and rules never see markup or scripts. Character
references are decoded in place, the rest of the reference blanked, keeping lengths.

Blocks: h1-h6 headings; p, li, td/th and other block elements; text inside blockquote is
quoted. The parser is not a full HTML tree builder, but it closes what HTML closes
implicitly (an open p at the next block, an open li at the next li, cells and rows).
"""
from __future__ import annotations

import re
from collections import defaultdict
from html import unescape
from html.parser import HTMLParser

from ..document import HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, Document
from .common import find_comments, line_starts

# Characters that make up a word, an apostrophe inside one included ("don't", "users'").
_WORD_CHAR = re.compile(r"[\w'\u2019]")
SKIP = frozenset({"script", "style", "nav", "footer", "head", "template", "noscript", "svg"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCKS = HEADINGS | frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "form", "header", "hgroup", "hr",
    "html", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul"})
LISTS = frozenset({"ul", "ol"})
# Where one block ends and the next begins (a script inside a paragraph is not such a place).
BREAKS = BLOCKS | frozenset({"nav", "footer"})


class _Reader(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)   # keep references apart to keep offsets
        self.source = source
        self.starts = line_starts(source)
        self.visible = ["\n" if c == "\n" else " " for c in source]
        self.stack: list[str] = []
        # tag -> indexes in `stack` where it is open, innermost last: every question about
        # the open elements is then answered without scanning a stack 100,000 tags deep.
        self.open: dict[str, list[int]] = defaultdict(list)
        self.skipping = 0   # open elements whose content is not read
        self.pieces: list[tuple[int, str]] = []
        self.blocks: list[Block] = []
        self.row = self.col = -1

    # -- positions and text ---------------------------------------------------------------
    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def _skipping(self) -> bool:
        return self.skipping > 0

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self.pieces.append((self._offset(), data, len(data), False))

    def _reference(self, raw: str) -> None:
        if self._skipping():
            return
        at = self._offset()
        if self.source.startswith(raw + ";", at):
            raw += ";"
        elif not self.source.startswith(raw, at):
            return
        # A soft hyphen only marks where a word may break: dropped, so the word stays whole.
        text = unescape(raw).replace("\xa0", " ").replace("\xad", "")
        if len(text) > len(raw):   # never: a reference is longer than what it stands for
            text = text[:len(raw)]
        self.pieces.append((at, text, len(raw), True))

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name}")

    # -- structure --------------------------------------------------------------------------
    def _push(self, tag: str) -> None:
        self.open[tag].append(len(self.stack))
        self.stack.append(tag)
        self.skipping += tag in SKIP

    def _pop_to(self, index: int) -> None:
        while len(self.stack) > index:
            tag = self.stack.pop()
            self.open[tag].pop()
            self.skipping -= tag in SKIP

    def _innermost(self, tags) -> int:
        return max((self.open[tag][-1] for tag in tags if self.open.get(tag)), default=-1)

    def _last(self, tags, stop=frozenset()) -> int | None:
        """Index of the innermost open element in `tags`, unless one in `stop` is inside it."""
        index = self._innermost(tags)
        if index < 0 or self._innermost(stop) > index:
            return None
        return index

    def _close_implied(self, tag: str) -> None:
        if tag in BREAKS:
            index = self._last({"p"}, stop=BLOCKS - {"p"})
            if index is not None:
                self._pop_to(index)
        index = None
        if tag == "li":
            index = self._last({"li"}, stop=LISTS)
        elif tag in ("td", "th"):
            index = self._last({"td", "th"}, stop={"tr", "table"})
        elif tag == "tr":
            index = self._last({"tr"}, stop={"table"})
        elif tag in ("thead", "tbody", "tfoot"):
            index = self._last({"thead", "tbody", "tfoot"}, stop={"table"})
        if index is not None:
            self._pop_to(index)

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in BREAKS:
            self.flush()
        self._close_implied(tag)
        if tag == "tr":
            self.row += 1
            self.col = -1
        elif tag in ("td", "th"):
            self.col += 1
        if tag not in VOID:
            self._push(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open.get(tag):
            return
        if tag in BREAKS:
            self.flush()
        self._pop_to(self.open[tag][-1])

    def _paint(self, pieces) -> None:
        """Copy the text onto its source positions. A word holding a character reference
        ('&#108;everage', 'don&rsquo;t') is shorter than its source: it is written whole from
        the word's first position and the rest of its source left blank, so that rules see
        'leverage', not 'l     everage'."""
        word: list[tuple[int, str, bool]] = []
        source_end = None
        for at, text, raw_length, is_reference in pieces:
            if at != source_end:   # markup in between: a word never runs across it
                self._settle(word)
            if is_reference and not text:   # a soft hyphen: the word goes on across it
                word.append((at, "", True))
            for index, char in enumerate(text):
                if _WORD_CHAR.match(char):
                    word.append((at + index, char, is_reference))
                else:
                    self._settle(word)
                    self.visible[at + index] = char
            source_end = at + raw_length
        self._settle(word)

    def _settle(self, word: list) -> None:
        if any(is_reference for *_, is_reference in word):
            base = word[0][0]
            for index, char in enumerate("".join(char for _offset, char, _ref in word)):
                self.visible[base + index] = char
        else:
            for offset, char, _ref in word:
                self.visible[offset] = char
        word.clear()

    def flush(self) -> None:
        pieces, self.pieces = self.pieces, []
        self._paint(pieces)
        if not pieces:
            return
        low = pieces[0][0]
        painted = "".join(self.visible[low:pieces[-1][0] + pieces[-1][2]])
        text = painted.strip()
        if not text:
            return
        start = low + len(painted) - len(painted.lstrip())
        quoted = bool(self.open.get("blockquote"))
        heading = self._last(HEADINGS)
        container = self._last({"li", "td", "th"})
        if heading is not None:
            level = int(self.stack[heading][1])
            self.blocks.append(Block(HEADING, text, start, level=level, quoted=quoted))
        elif container is not None and self.stack[container] in ("td", "th"):
            header = self.stack[container] == "th" or bool(self.open.get("thead"))
            self.blocks.append(Block(TABLE_CELL, text, start, quoted=quoted, row=self.row,
                                     col=self.col, header=header))
        elif container is not None:
            depth = max(1, sum(len(self.open.get(tag, ())) for tag in LISTS))
            self.blocks.append(Block(LIST_ITEM, text, start, level=depth, quoted=quoted))
        else:
            self.blocks.append(Block(PARAGRAPH, text, start, quoted=quoted))


def read(text: str, path: str) -> Document:
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    reader.flush()
    return Document(path=path, text="".join(reader.visible), format="html",
                    blocks=tuple(reader.blocks), comments=find_comments(text), source=text)
