"""Markdown reader: markdown-it-py finds the structure, the source keeps the positions."""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import FRONT_MATTER, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, Document
from .common import find_comments, line_starts, parse_front_matter
from .structured.schema import check_front_matter

_WORD = re.compile(r"\S+")
_NOT_NEWLINE = re.compile(r"[^\n]")


# Characters at which one of the enabled inline rules (newline, escape, backticks, emphasis,
# link, image, autolink, html_inline, entity) can start. Content without any of them parses
# to a single text token, so most lines of prose need no inline parse at all.
_INLINE_MARKUP = re.compile(r"[\n\\`*_\[!<&]")


def _parse_inlines(state) -> None:
    """The core "inline" rule, with a shortcut for content that has no inline markup."""
    from markdown_it.token import Token

    md = state.md
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        content = token.content
        if not content:
            continue
        if _INLINE_MARKUP.search(content) is None:
            text = Token("text", "", 0)
            text.content = content
            token.children.append(text)
        else:
            md.inline.parse(content, md, state.env, token.children)


# Block rules that can only match where their marker is in the source. The parser tries
# every rule at the start of every block, so leaving out the ones a document cannot use
# saves time and changes nothing.
_BLOCK_RULE_MARKERS = {
    "table": ("|",),
    "fence": ("```", "~~~"),
    "blockquote": (">",),
    "html_block": ("<",),
    "reference": ("[",),
}


def _unusable_rules(text: str) -> tuple[str, ...]:
    return tuple(rule for rule, markers in _BLOCK_RULE_MARKERS.items()
                 if not any(marker in text for marker in markers))


@lru_cache(maxsize=None)
def _parser(skip: tuple[str, ...] = ()):
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    md.core.ruler.at("inline", _parse_inlines)
    if skip:
        md.disable(list(skip))
    return md


def _skip_link_tail(source: str, pos: int, hi: int) -> int:
    """From inside a link's text, the offset just after its `](destination)` or `][label]`."""
    close = source.find("]", pos, hi)
    if close == -1:
        return pos
    end = close + 1
    opener = source[end:end + 1]
    if opener == "[":
        label_end = source.find("]", end, hi)
        return label_end + 1 if label_end != -1 else end
    if opener != "(":
        return end
    depth, index = 0, end
    while index < hi:
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return end


def _mask_inline(source: str, region: tuple[int, int], children, cursor: int):
    """Copy the visible text of an inline token back onto its source positions.

    Returns (start, masked text, new cursor) or None when nothing was placed. Text that
    markdown-it rewrote (entities, escapes) is placed word by word; what cannot be found is
    left out rather than misplaced.
    """
    lo, hi = region
    placed: list[tuple[int, str]] = []
    for child in children:
        # Step over link destinations, images and raw HTML, so that a word of the prose is
        # never placed on the same word inside a URL or tag that precedes it.
        if child.type == "html_inline":
            pos = source.find(child.content, cursor, hi)
            cursor = pos + len(child.content) if pos != -1 else cursor
            continue
        if child.type == "image":
            pos = source.find("![", cursor, hi)
            cursor = _skip_link_tail(source, pos + 2, hi) if pos != -1 else cursor
            continue
        if child.type == "link_close" and child.markup != "autolink":
            cursor = _skip_link_tail(source, cursor, hi)
            continue
        if child.type not in ("text", "code_inline") or not child.content:
            continue
        content = child.content
        pos = source.find(content, cursor, hi)
        if pos != -1:
            placed.append((pos, content))
            cursor = pos + len(content)
            continue
        for word in _WORD.findall(content):
            pos = source.find(word, cursor, hi)
            if pos != -1:
                placed.append((pos, word))
                cursor = pos + len(word)
    if not placed:
        return None
    # Placements are in order and never overlap: join them with the gaps blanked.
    start = end = placed[0][0]
    pieces = []
    for pos, content in placed:
        if pos > end:
            pieces.append(_NOT_NEWLINE.sub(" ", source[end:pos]))
        pieces.append(content)
        end = pos + len(content)
    return start, "".join(pieces), cursor


def read(text: str, path: str) -> Document:
    tokens = _parser(_unusable_rules(text)).parse(text)
    starts = line_starts(text)

    def region(token) -> tuple[int, int]:
        first, last = token.map
        end = starts[last] - 1 if last < len(starts) else len(text)
        return starts[first], end

    blocks: list[Block] = []
    front_matter = None
    problems: tuple = ()
    nodes: dict = {}
    code_lines: set[int] = set()
    quote_depth = list_depth = 0
    context: list[str] = []       # open container tags, innermost last
    row_id = col_id = -1
    row_cursor = 0
    in_header = False

    for token in tokens:
        kind = token.type
        if kind == "front_matter":
            front_matter, problems = parse_front_matter(token.content, token.map[0] + 2)
            # Strategy fields in front matter are checked against the strategy schema.
            invalid, nodes = check_front_matter(
                token.content, front_matter, token.map[0] + 2, starts[token.map[0] + 1])
            problems = tuple(problems) + tuple(invalid)
            lo, hi = region(token)
            blocks.append(Block(FRONT_MATTER, text[lo:hi], lo))
        elif kind in ("fence", "code_block"):
            code_lines.update(range(*token.map))
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "thead_open":
            in_header = True
        elif kind == "thead_close":
            in_header = False
        elif kind == "tr_open":
            row_id += 1
            col_id = -1
            row_cursor = region(token)[0]
        elif kind in ("heading_open", "paragraph_open", "th_open", "td_open"):
            if kind in ("th_open", "td_open"):
                col_id += 1
            context.append(token.tag)
        elif kind in ("heading_close", "paragraph_close", "th_close", "td_close"):
            context.pop()
        elif kind == "inline" and token.map is not None and context:
            tag = context[-1]
            lo, hi = region(token)
            in_cell = tag in ("th", "td")
            cursor = row_cursor if in_cell else lo
            masked = _mask_inline(text, (lo, hi), token.children or (), cursor)
            if masked is None:
                continue
            start, block_text, cursor = masked
            if in_cell:
                row_cursor = cursor
                blocks.append(Block(TABLE_CELL, block_text, start, quoted=quote_depth > 0,
                                    row=row_id, col=col_id, header=in_header))
            elif tag.startswith("h") and tag[1:].isdigit():
                blocks.append(Block(HEADING, block_text, start, level=int(tag[1:]),
                                    quoted=quote_depth > 0))
            elif list_depth:
                blocks.append(Block(LIST_ITEM, block_text, start, level=list_depth,
                                    quoted=quote_depth > 0))
            else:
                blocks.append(Block(PARAGRAPH, block_text, start, quoted=quote_depth > 0))

    return Document(
        path=path,
        text=text,
        format="markdown",
        blocks=tuple(blocks),
        front_matter=front_matter,
        comments=find_comments(text, code_lines),
        problems=problems,
        nodes=nodes,
    )
