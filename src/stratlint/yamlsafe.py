"""The one place stratlint parses YAML: safe loading only, and alias bombs refused."""
from __future__ import annotations

import yaml

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


def _count_aliases(text: str) -> None:
    aliases = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                mark = event.start_mark
                raise YamlError(f"more than {MAX_ALIASES} aliases; refusing to expand them",
                                mark.line + 1, mark.column + 1)


def load(text: str):
    """Parse YAML text with the safe loader; raise YamlError on any problem."""
    try:
        if "*" in text:
            _count_aliases(text)
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise _error_from(exc) from None


def compose(text: str):
    """Parse to a node tree (with positions) using the safe loader."""
    try:
        if "*" in text:
            _count_aliases(text)
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise _error_from(exc) from None
