"""Severity and Finding: the values every other module passes around."""
from __future__ import annotations

import enum
from dataclasses import dataclass, fields


class Severity(enum.IntEnum):
    """Ordered so that a higher value is more serious."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Finding:
    """One located problem, ordered by path, line, column, then code."""

    path: str
    line: int
    column: int
    rule: str
    code: str
    severity: Severity
    message: str
    end_line: int
    end_column: int
    excerpt: str = ""
    suggestion: str | None = None
    # Paged input (PDF) only: the page, and the line on that page, of `line`.
    page: int | None = None
    page_line: int | None = None
    # A safe rewrite of the words from (line, column) to (end_line, end_column), for --fix.
    fix: str | None = None

    def sort_key(self) -> tuple:
        # Findings on one line read left to right, then by code.
        return (self.path, self.line, self.column, self.code, self.rule, self.end_line,
                self.end_column, self.message)

    def __lt__(self, other: "Finding") -> bool:
        return self.sort_key() < other.sort_key()

    def to_dict(self) -> dict:
        # Every field is a plain value, so a shallow copy is enough (asdict deep-copies).
        data = dict(zip(_FIELD_NAMES, map(self.__getattribute__, _FIELD_NAMES)))
        data["severity"] = str(self.severity)
        return data


_FIELD_NAMES = tuple(f.name for f in fields(Finding))
