"""Text not yet written: placeholders such as ``[TODO: one-sentence mission]``, 'not known
yet' words such as TBC, and what counts as filled in."""
from __future__ import annotations

import re

# "[TODO]", "[TODO: one-sentence mission]", "[todo - add the owner]", and the bracketed
# notes authors leave: "[To follow]", "[TBC]", "[insert baseline]".
PLACEHOLDER = re.compile(
    r"\[\s*(?:TODO|TBC|TBD|TBA|to follow|to be (?:added|agreed|confirmed|written|completed|"
    r"inserted)|insert|placeholder)\b[^\[\]]{0,500}\]", re.IGNORECASE)
# Text that says a value is not known yet.
_UNSET = frozenset({"tbc", "tbd", "tba", "n/a", "na", "none", "unknown", "todo", "?", "-",
                    "...", "\u2026", "to be confirmed", "to be decided", "not yet known"})
_FILLER = " \t\n.,;:-\u2013\u2014*_|()"


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]


def strip_placeholders(text: str) -> str:
    """The text with each placeholder blanked to spaces (offsets are kept)."""
    return PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), text)


def unfilled_text(text: str) -> bool:
    """Blank, only placeholders, or a 'not known yet' word such as TBC."""
    rest = strip_placeholders(text).strip(_FILLER)
    return not rest or " ".join(rest.lower().split()) in _UNSET


def filled(value) -> bool:
    """Whether a structured value says something: a list or mapping with anything filled in,
    text that is not blank or a placeholder, a number or a date."""
    if value is None:
        return False
    if isinstance(value, str):
        return not unfilled_text(value)
    if isinstance(value, dict):
        return any(filled(v) for v in value.values())
    if isinstance(value, (list, tuple, set)):
        return any(filled(v) for v in value)
    if isinstance(value, bool):
        return value
    return True
