"""The one place stratlint parses YAML: safe loading only, and alias bombs refused."""
from __future__ import annotations

import re

import yaml

# The C loader when PyYAML was built with it: the same safe rules, several times faster.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE_LOADER):
    """The safe loader, with values it cannot build (a date such as 2001-02-30, the number
    `0b_`) reported as YAML errors at the value instead of escaping as a ValueError."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError) as exc:
            value = node.value if isinstance(node.value, str) else ""
            shown = value if len(value) <= 40 else value[:37] + "..."
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read the value {shown!r} ({exc})", node.start_mark) from None


_LOADER = _Loader
# An alias is '*name' at the start of a value; '*' inside a word (a stem like "risk*") is not.
_MAY_HAVE_ALIAS = re.compile(r"(?:^|[\s\[{,:-])\*[^\s,\]}]")

# Real strategies, configs and packs use a handful of anchors at most; a document with more
# aliases than this is refused before it is built, so "billion laughs" input costs nothing.
MAX_ALIASES = 100


class YamlError(ValueError):
    """A YAML problem with a 1-based line and column where known."""

    def __init__(self, message: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}"


def _error_from(exc: yaml.YAMLError) -> YamlError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is None:
        return YamlError(problem)
    return YamlError(problem, mark.line + 1, mark.column + 1)


# Fewer than MAX_ALIASES aliases can still nest into billions of nodes ("billion laughs" with
# nine levels of nine uses 72 aliases); the expanded size is counted too, from the events.
MAX_EXPANDED_NODES = 100_000


def _count_aliases(text: str) -> None:
    aliases = 0
    sizes: dict[str, int] = {}   # anchor -> how many nodes it stands for, expanded
    open_nodes: list[list] = []  # [anchor, nodes so far] of each open collection
    expanded = 0                 # nodes that aliases stand for, all told
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                mark = event.start_mark
                raise YamlError(f"more than {MAX_ALIASES} aliases; refusing to expand them",
                                mark.line + 1, mark.column + 1)
            size = sizes.get(event.anchor, 1)   # an anchor still open: itself only
            expanded += size
            if expanded > MAX_EXPANDED_NODES:
                mark = event.start_mark
                raise YamlError(f"aliases expand to more than {MAX_EXPANDED_NODES:,} nodes; "
                                "refusing to expand them", mark.line + 1, mark.column + 1)
        elif isinstance(event, yaml.ScalarEvent):
            size = 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            open_nodes.append([event.anchor, 1])
            continue
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, size = open_nodes.pop()
            if anchor:
                sizes[anchor] = size
        else:
            continue
        if open_nodes:
            open_nodes[-1][1] += size


def load(text: str):
    """Parse YAML text with the safe loader; raise YamlError on any problem."""
    try:
        if _MAY_HAVE_ALIAS.search(text):
            _count_aliases(text)
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise _error_from(exc) from None


def compose(text: str):
    """Parse to a node tree (with positions) using the safe loader."""
    try:
        if _MAY_HAVE_ALIAS.search(text):
            _count_aliases(text)
        return yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise _error_from(exc) from None


def more_events_than(text: str, limit: int) -> bool:
    """Whether the YAML has more than `limit` parse events (about two per value), counted
    with the fast parser before the slow work of building and checking it. A YAML error
    answers False: loading it then reports the error where it is."""
    try:
        for count, _event in enumerate(yaml.parse(text, Loader=_LOADER), 1):
            if count > limit:
                return True
    except yaml.YAMLError:
        pass
    return False


def load_file(path, what: str):
    """Parse a YAML file that stratlint reads for itself (a config, a rule pack); any
    problem is one StratlintError naming the file and `what` it was meant to be."""
    from ..errors import StratlintError

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StratlintError(f"{path}: {what} file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StratlintError(f"{path}: cannot read {what}: {exc}") from None
    try:
        return load(text)
    except YamlError as exc:
        from .escape import short

        raise StratlintError(f"{path}: invalid YAML at {short(exc, 160)}") from None
