"""Structured strategy reader: YAML data whose keys become headings and strings become text.

The parsed data is kept on the Document for rules that read fields; the blocks let the prose
rules run on the same words, located at their YAML nodes.
"""
from __future__ import annotations

import yaml

from ...document import HEADING, LIST_ITEM, PARAGRAPH, Block, Document
from ...errors import ReadError
from ...safety import yaml_loader
from ..common import find_comments
from .schema import check_yaml


def _scalar_block(text: str, node: yaml.ScalarNode, kind: str, level: int) -> Block | None:
    start, end = node.start_mark.index, node.end_mark.index
    raw = text[start:end]
    if not node.value.strip() or not isinstance(node.value, str):
        return None
    if node.style in ('"', "'"):
        raw = " " + raw[1:-1] + " "
    elif node.style in ("|", ">"):
        first_break = raw.find("\n")
        raw = " " * first_break + raw[first_break:] if first_break != -1 else raw
    # Keep the invariant: text length equals source length.
    lead = len(raw) - len(raw.lstrip())
    return Block(kind, raw.strip(), start + lead, level=level)


def _walk(text: str, node, depth: int, blocks: list[Block], in_list: bool) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and isinstance(key.value, str):
                start, end = key.start_mark.index, key.end_mark.index
                label = text[start:end].replace("_", " ").replace("-", " ")
                blocks.append(Block(HEADING, label, start, level=min(depth + 1, 6)))
            _walk(text, value, depth + 1, blocks, False)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _walk(text, item, depth, blocks, True)
    elif isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
        block = _scalar_block(text, node, LIST_ITEM if in_list else PARAGRAPH, depth)
        if block is not None:
            blocks.append(block)


# A structured strategy has a few thousand values at most. Building and checking the node
# tree is the slow part of reading YAML, so a file far beyond that is refused first.
MAX_EVENTS = 100_000


def read(text: str, path: str) -> Document:
    if yaml_loader.more_events_than(text, MAX_EVENTS):
        raise ReadError(f"too large to check (more than {MAX_EVENTS:,} YAML values and "
                        "collections)")
    try:
        root = yaml_loader.compose(text)
        data = yaml_loader.load(text)
    except yaml_loader.YamlError as exc:
        raise ReadError(f"invalid YAML at {exc}") from None
    if root is None:
        raise ReadError("empty YAML document")
    if not isinstance(data, dict):
        raise ReadError("not a structured strategy (expected a mapping of fields at the top)")
    blocks: list[Block] = []
    _walk(text, root, 0, blocks, False)
    # Dates become ISO text; each schema error becomes a problem at its node.
    data, problems, nodes = check_yaml(root, data, text)
    return Document(path=path, text=text, format="yaml", blocks=tuple(blocks), data=data,
                    comments=find_comments(text), problems=problems, nodes=nodes)
