"""The period a strategy covers, from front matter, its title or its own words."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "twelve": 12}

# "2021-2025", "2021 to 2025", "2021/22 to 2025/26", "2021-25", "2023/24 - 2026/27"
RANGE = re.compile(
    r"\b((?:19|20)\d\d)(/\d\d)?\s*(?:-|\u2013|\u2014|to|until|through)\s*((?:19|20)?\d\d)(/\d\d)?\b")
_LENGTH = re.compile(
    r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)"
    r"[\s-]+years?\b", re.IGNORECASE)
_DECADE = re.compile(r"\b(?:next|coming|a) decade\b", re.IGNORECASE)
_BY_YEAR = re.compile(r"\bby ((?:19|20)\d\d)\b", re.IGNORECASE)
# Words showing that a sentence talks about this document's own span.
_OWN_NAME = (r"\b(?:this|our)\s+(?:[\w-]+\s+){0,3}(?:strategy|plan|roadmap|framework|"
             r"programme|vision)\b|\b(?:strategy|plan) (?:covers|runs|spans|sets out)\b|"
             # A plan named with its years: "Digital Strategy 2020-2030", "our 2020 to 2030 plan".
             r"\b(?:strategy|plan|roadmap|framework|agenda)\s*[:,]?\s*(?:for\s+)?(?:19|20)\d\d\b|"
             r"\b(?:19|20)\d\d(?:/\d\d)?\s*(?:-|\u2013|\u2014|to)\s*(?:19|20)?\d\d(?:/\d\d)?\s+"
             r"(?:[\w-]+\s+){0,2}(?:strategy|plan|roadmap|framework)\b|"
             # "A 10-year digital maturity journey", "our five-year roadmap".
             r"\b(?:\d{1,2}|five|six|seven|eight|nine|ten|fifteen|twenty)[- ]years?\s+"
             r"(?:[\w-]+\s+){0,2}(?:journey|roadmap|plan|strategy|programme|vision)\b")
_OWN = re.compile(_OWN_NAME + r"|\bover the (?:next|coming)\b", re.IGNORECASE)
# A decade is the plan's own only where the plan is named: "over the next decade, services
# will change" forecasts the world.
_OWN_STRICT = re.compile(_OWN_NAME, re.IGNORECASE)
_DATED = re.compile(r"\b(?:published|approved|updated|date[d]?|issued)\b[^.\n]{0,20}?"
                    r"\b((?:19|20)\d\d)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    years: int
    start: int          # offset of the evidence in the document
    end: int
    evidence: str
    source: str         # front matter, title, text


def _range_years(match: re.Match) -> int | None:
    first = int(match.group(1))
    last_text = match.group(3)
    last = int(last_text) if len(last_text) == 4 else (first // 100) * 100 + int(last_text)
    if last < first or last - first > 50:
        return None
    fiscal = bool(match.group(2) or match.group(4))
    return last - first + (1 if fiscal else 0)


def _length_years(match: re.Match) -> int | None:
    word = match.group(1).lower()
    value = _NUMBERS.get(word) if not word.isdigit() else int(word)
    return value


def _part_of_name(chunk: str, match: re.Match) -> bool:
    """'10 Year Health Plan' names someone else's plan; it is not this plan's length."""
    return match.group(0)[-4:-1].istitle() or bool(re.match(r"\s+(?-i:[A-Z])\w*\s+Plan\b",
                                                            chunk[match.end():]))


def find_in(text: str, offset: int, source: str, own_only: bool) -> Period | None:
    """The first period stated in text; with own_only, only in sentences about this plan."""
    for sentence in re.finditer(r"[^.!?\n]+[.!?]?", text):
        chunk = sentence.group(0)
        if own_only and not _OWN.search(chunk):
            continue
        for regex, measure in ((RANGE, _range_years), (_LENGTH, _length_years)):
            for match in regex.finditer(chunk):
                if regex is _LENGTH and _part_of_name(chunk, match):
                    continue
                years = measure(match)
                if years:
                    start = offset + sentence.start() + match.start()
                    return Period(years, start, start + len(match.group(0)), match.group(0),
                                  source)
        decade = _DECADE.search(chunk)
        if decade and (not own_only or _OWN_STRICT.search(chunk)):
            start = offset + sentence.start() + decade.start()
            return Period(10, start, start + len(decade.group(0)), decade.group(0), source)
    return None


_TARGET_YEAR = re.compile(r"\b(?:strategy|plan|vision|framework|roadmap|towards|to)\s+"
                          r"((?:19|20)\d\d)\b(?!\s*(?:/|-|\u2013|to))", re.IGNORECASE)


def _target(pattern: re.Pattern, text: str, offset: int, base_year: int | None,
            source: str) -> Period | None:
    """The period from the document's own year to the year the pattern finds, if later."""
    match = pattern.search(text)
    if match is None or base_year is None or int(match.group(1)) <= base_year:
        return None
    start = offset + match.start(1)
    return Period(int(match.group(1)) - base_year, start, start + 4, match.group(0), source)


def title_target(title: str, offset: int, base_year: int | None) -> Period | None:
    """'Digital Strategy 2035' published in 2025 looks ten years ahead."""
    return _target(_TARGET_YEAR, title, offset, base_year, "title")


# A vision or ambition set for a year: "Long Term Vision - 2030", "Our ambition for 2035".
_VISION_YEAR = re.compile(r"\b(?:vision|ambitions?|aspirations?|goals?|mission|future state)\b"
                          r"[^.\n]{0,25}?\b((?:19|20)\d\d)\b(?!\s*(?:/|-|\u2013|to)\s*\d)",
                          re.IGNORECASE)


def vision_target(text: str, offset: int, base_year: int | None) -> Period | None:
    """A vision or ambition set for a year ahead: the plan looks that far."""
    return _target(_VISION_YEAR, text, offset, base_year, "text")


def document_year(text: str) -> int | None:
    match = _DATED.search(text)
    return int(match.group(1)) if match else None


def by_year_period(text: str, offset: int, base_year: int | None) -> Period | None:
    """'by 2035' in a sentence about this plan, measured from the document's own year."""
    if base_year is None:
        return None
    for sentence in re.finditer(r"[^.!?\n]+[.!?]?", text):
        chunk = sentence.group(0)
        if not _OWN.search(chunk):
            continue
        match = _BY_YEAR.search(chunk)
        if match and int(match.group(1)) > base_year:
            start = offset + sentence.start() + match.start()
            return Period(int(match.group(1)) - base_year, start, start + len(match.group(0)),
                          match.group(0), "text")
    return None


# A structured strategy's period: {start, end} ------------------------------------------

def year_of(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.year
    if isinstance(value, int):
        return value if 1900 <= value <= 2100 else None
    if isinstance(value, str):
        match = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", value)
        return int(match.group(1)) if match else None
    return None


def period_years(value) -> tuple[int, int] | None:
    """(first year, last year) of a period given as {start, end}; None otherwise."""
    if not isinstance(value, dict):
        return None
    start, end = year_of(value.get("start")), year_of(value.get("end"))
    if start is None or end is None or end < start:
        return None
    return start, end
